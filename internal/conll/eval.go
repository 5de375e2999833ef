package conll

import (
	"fmt"
	"io"
	"sort"
)

// Counts are the chunk counts of conlleval over a tagged corpus.
type Counts struct {
	Tokens, CorrectTags int
	Gold, Pred, Correct map[string]int
}

// NewCounts returns empty counts.
func NewCounts() *Counts {
	return &Counts{Gold: map[string]int{}, Pred: map[string]int{}, Correct: map[string]int{}}
}

// Add scores one sentence (gold and predicted tags of equal length), exactly as the conlleval script does
// when the sentence is followed by a boundary line (../shared/eval/conlleval.py, ported from the Perl
// conlleval of CoNLL-2000): IOB1, IOB2 and IOBES tags all work.
func (c *Counts) Add(gold, pred []string) {
	lastG, lastGT, lastP, lastPT := "O", "", "O", ""
	inCorrect := false
	for i := 0; i <= len(gold); i++ {
		g, gt, p, pt := "O", "", "O", ""
		if i < len(gold) {
			g, gt = split(gold[i])
			p, pt = split(pred[i])
		}
		if inCorrect {
			ge, pe := chunkEnd(lastG, g, lastGT, gt), chunkEnd(lastP, p, lastPT, pt)
			if ge && pe && lastPT == lastGT {
				inCorrect = false
				c.Correct[lastGT]++
			} else if ge != pe || pt != gt {
				inCorrect = false
			}
		}
		gs, ps := chunkStart(lastG, g, lastGT, gt), chunkStart(lastP, p, lastPT, pt)
		if gs && ps && pt == gt {
			inCorrect = true
		}
		if gs {
			c.Gold[gt]++
		}
		if ps {
			c.Pred[pt]++
		}
		if i < len(gold) {
			c.Tokens++
			if g == p && gt == pt {
				c.CorrectTags++
			}
		}
		lastG, lastGT, lastP, lastPT = g, gt, p, pt
	}
}

func chunkEnd(prevTag, tag, prevType, typ string) bool {
	switch prevTag + tag {
	case "BB", "BO", "IB", "IO", "EE", "EI", "EO":
		return true
	}
	if prevTag == "[" || prevTag == "]" {
		return true
	}
	return prevTag != "O" && prevTag != "." && prevType != typ
}

func chunkStart(prevTag, tag, prevType, typ string) bool {
	switch prevTag + tag {
	case "BB", "IB", "OB", "OI", "EE", "EI", "OE":
		return true
	}
	if tag == "[" || tag == "]" {
		return true
	}
	return tag != "O" && tag != "." && prevType != typ
}

// PRF is precision, recall and F1 as fractions.
type PRF struct {
	P, R, F1          float64
	Gold, Pred, Right int
}

func prf(right, pred, gold int) PRF {
	var p, r, f float64
	if pred > 0 {
		p = float64(right) / float64(pred)
	}
	if gold > 0 {
		r = float64(right) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{P: p, R: r, F1: f, Gold: gold, Pred: pred, Right: right}
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// Overall returns the overall precision, recall and F1.
func (c *Counts) Overall() PRF { return prf(sum(c.Correct), sum(c.Pred), sum(c.Gold)) }

// Type returns the figures restricted to one chunk type.
func (c *Counts) Type(t string) PRF { return prf(c.Correct[t], c.Pred[t], c.Gold[t]) }

// Types returns PER, ORG, LOC, MISC and then any other type seen, sorted.
func (c *Counts) Types() []string {
	out := []string{"PER", "ORG", "LOC", "MISC"}
	var extra []string
	seen := map[string]bool{"PER": true, "ORG": true, "LOC": true, "MISC": true, "": true}
	for _, m := range []map[string]int{c.Gold, c.Pred} {
		for t := range m {
			if !seen[t] {
				seen[t] = true
				extra = append(extra, t)
			}
		}
	}
	sort.Strings(extra)
	return append(out, extra...)
}

// Report writes the figures in the layout of conlleval.
func (c *Counts) Report(w io.Writer) {
	o := c.Overall()
	acc := 0.0
	if c.Tokens > 0 {
		acc = float64(c.CorrectTags) / float64(c.Tokens)
	}
	fmt.Fprintf(w, "processed %d tokens with %d phrases; found: %d phrases; correct: %d.\n", c.Tokens, o.Gold, o.Pred, o.Right)
	fmt.Fprintf(w, "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f\n", 100*acc, 100*o.P, 100*o.R, 100*o.F1)
	types := c.Types()
	sort.Strings(types)
	for _, t := range types {
		s := c.Type(t)
		fmt.Fprintf(w, "%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %d\n", t, 100*s.P, 100*s.R, 100*s.F1, s.Pred)
	}
}
