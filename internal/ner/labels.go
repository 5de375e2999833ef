package ner

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/conll"
)

// Types are the CoNLL entity types the tagger finds.
var Types = []string{"PER", "ORG", "LOC", "MISC"}

// Labels returns the BILOU labels (O, then B-, I-, L-, U- of each type). BILOU beats BIO for this task
// (Ratinov and Roth 2009, "Design challenges and misconceptions in named entity recognition").
func Labels() []string {
	out := []string{"O"}
	for _, t := range Types {
		out = append(out, "B-"+t, "I-"+t, "L-"+t, "U-"+t)
	}
	return out
}

// allowed reports whether BILOU label cur may follow prev (-1: sentence start or end).
func allowed(labels []string) func(prev, cur int) bool {
	return func(prev, cur int) bool {
		p, pt := "O", ""
		if prev >= 0 {
			p, pt = splitLabel(labels[prev])
		}
		c, ct := "O", ""
		if cur >= 0 {
			c, ct = splitLabel(labels[cur])
		}
		inside := p == "B" || p == "I"
		if inside {
			return (c == "I" || c == "L") && ct == pt
		}
		return c == "O" || c == "B" || c == "U"
	}
}

func splitLabel(l string) (string, string) {
	if i := strings.IndexByte(l, '-'); i >= 0 {
		return l[:i], l[i+1:]
	}
	return l, ""
}

// toBILOU converts chunks over n tokens to BILOU labels.
func toBILOU(n int, chunks []conll.Chunk) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "O"
	}
	for _, c := range chunks {
		if c.End-c.Start == 1 {
			out[c.Start] = "U-" + c.Type
			continue
		}
		out[c.Start] = "B-" + c.Type
		for i := c.Start + 1; i < c.End-1; i++ {
			out[i] = "I-" + c.Type
		}
		out[c.End-1] = "L-" + c.Type
	}
	return out
}

// toIOB2 converts chunks over n tokens to IOB2 tags.
func toIOB2(n int, chunks []conll.Chunk) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "O"
	}
	for _, c := range chunks {
		out[c.Start] = "B-" + c.Type
		for i := c.Start + 1; i < c.End; i++ {
			out[i] = "I-" + c.Type
		}
	}
	return out
}
