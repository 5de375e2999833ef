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

// Overlap counts mentions that overlap a mention of the same type on the other side: a lenient score for
// GUM, whose mentions include descriptors ("North Korea's main news agency Korean Central News Agency").
type Overlap struct {
	Gold, Pred, GoldFound, PredRight int
}

// PRF returns precision (PredRight/Pred), recall (GoldFound/Gold) and F1.
func (o Overlap) PRF() (p, r, f float64) {
	if o.Pred > 0 {
		p = float64(o.PredRight) / float64(o.Pred)
	}
	if o.Gold > 0 {
		r = float64(o.GoldFound) / float64(o.Gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

func (o *Overlap) add(gold, pred []conll.Chunk) {
	hit := func(a conll.Chunk, bs []conll.Chunk) bool {
		for _, b := range bs {
			if a.Type == b.Type && a.Start < b.End && b.Start < a.End {
				return true
			}
		}
		return false
	}
	o.Gold += len(gold)
	o.Pred += len(pred)
	for _, g := range gold {
		if hit(g, pred) {
			o.GoldFound++
		}
	}
	for _, p := range pred {
		if hit(p, gold) {
			o.PredRight++
		}
	}
}

// EvaluateGUM is Evaluate with predicted MISC mentions dropped (GUM has no such type); it also returns the
// overlap counts.
func EvaluateGUM(t *Tagger, docs []conll.Document) (*conll.Counts, Overlap) {
	var ov Overlap
	c := conll.NewCounts()
	for _, d := range docs {
		sents := docWords(d)
		pred := t.TagDocument(sents, nil)
		for i, s := range d.Sentences {
			var keep []conll.Chunk
			for _, ch := range pred[i] {
				if ch.Type != "MISC" {
					keep = append(keep, ch)
				}
			}
			c.Add(s.Column(-1), IOB2(len(s.Tokens), keep))
			ov.add(conll.Chunks(s.Column(-1)), keep)
		}
	}
	return c, ov
}

// IOB2 returns the IOB2 tags of chunks over n tokens.
func IOB2(n int, chunks []conll.Chunk) []string { return toIOB2(n, chunks) }
