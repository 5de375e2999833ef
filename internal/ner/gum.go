package ner

import (
	"github.com/newsgraph/newsgraph/internal/conll"
	"github.com/newsgraph/newsgraph/internal/ner/lexicon"
)

// gumTypes maps GUM entity types to ours; every other GUM type (abstract, event, object, time, quantity,
// substance, animal, plant) has no CoNLL counterpart and becomes O.
var gumTypes = map[string]string{"person": "PER", "place": "LOC", "organization": "ORG"}

// MapGUM rewrites the last column of a GUM TSV document (a bare type per token, runs of one type forming a
// mention) into IOB1 tags of our types. GUM annotates every mention, named or not ("new homes", "the
// agency"); a mention is kept only when one of its words is capitalised and not sentence-initial, or it is
// a single capitalised word, so that the gold standard holds (roughly) names. See EVAL.md.
func MapGUM(d conll.Document) conll.Document {
	out := conll.Document{Marker: d.Marker}
	for _, s := range d.Sentences {
		tags := make([]string, len(s.Tokens))
		for i, tk := range s.Tokens {
			tags[i] = "O"
			if t, ok := gumTypes[tk.Col(-1)]; ok {
				tags[i] = "I-" + t
			}
		}
		for _, c := range conll.Chunks(tags) {
			named := false
			for i := c.Start; i < c.End; i++ {
				cs := lexicon.Casing(s.Tokens[i].Word())
				if cs == lexicon.CaseTitle || cs == lexicon.CaseUpper || cs == lexicon.CaseMixed {
					if i > 0 || c.End-c.Start == 1 || i > c.Start {
						named = true
					}
				}
			}
			if !named {
				for i := c.Start; i < c.End; i++ {
					tags[i] = "O"
				}
			}
		}
		ns := conll.Sentence{}
		for i, tk := range s.Tokens {
			cols := append(append([]string(nil), tk.Cols[:len(tk.Cols)-1]...), tags[i])
			ns.Tokens = append(ns.Tokens, conll.Token{Cols: cols})
		}
		out.Sentences = append(out.Sentences, ns)
	}
	return out
}

// EvaluateGUM is Evaluate with predicted MISC mentions dropped (GUM has no such type).
func EvaluateGUM(t *Tagger, docs []conll.Document) *conll.Counts {
	c := conll.NewCounts()
	for _, d := range docs {
		sents := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			sents[i] = s.Words()
		}
		pred := t.TagDocument(sents, nil)
		for i, s := range d.Sentences {
			var keep []conll.Chunk
			for _, ch := range pred[i] {
				if ch.Type != "MISC" {
					keep = append(keep, ch)
				}
			}
			c.Add(s.Column(-1), IOB2(len(s.Tokens), keep))
		}
	}
	return c
}

// IOB2 returns the IOB2 tags of chunks over n tokens.
func IOB2(n int, chunks []conll.Chunk) []string { return toIOB2(n, chunks) }
