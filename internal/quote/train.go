package quote

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/perceptron"
)

// SeqExamples returns the training sequences of one document for the sequence model: one per sentence of
// d.Sents, labelled from the gold attributions of td (byte spans into d.Text, which must equal td.Text).
// rules are the rules' quotes for d (Rules), which the model sees as features. A token takes the role CUE
// when it overlaps any gold cue, else SRC when it overlaps a source, else CON when it overlaps a content; a
// span begins (B-) where the role changes or a gold fragment of that role starts.
func (x *Extractor) SeqExamples(d *doc.Document, rules []doc.Quote, td TrainDoc) []perceptron.Example {
	n := len(d.Tokens)
	role := make([]int, n)
	begin := make([]bool, n)
	mark := func(frags [][2]int, r int) {
		for _, f := range frags {
			i := sort.Search(n, func(i int) bool { return d.Tokens[i].End > f[0] })
			first := true
			for ; i < n && d.Tokens[i].Start < f[1]; i++ {
				if role[i] == lO || rank(r) > rank(role[i]) {
					role[i] = r
					begin[i] = first
				} else if role[i] == r && first {
					begin[i] = true
				}
				first = false
			}
		}
	}
	for k := range td.Contents {
		mark(td.Contents[k], lBCon)
	}
	for k := range td.Sources {
		mark(td.Sources[k], lBSrc)
	}
	for k := range td.Cues {
		mark(td.Cues[k], lBCue)
	}
	s := x.prepSeq(d, rules)
	var out []perceptron.Example
	for _, se := range d.Sents {
		a, b := se.TokStart, min(se.TokEnd, n)
		if b <= a {
			continue
		}
		gold := make([]int, b-a)
		for i := a; i < b; i++ {
			r := role[i]
			if r == lO {
				continue
			}
			if i > a && role[i-1] == r && !begin[i] {
				gold[i-a] = r + 1
			} else {
				gold[i-a] = r
			}
		}
		out = append(out, perceptron.Example{Feats: x.feats(s, a, b, nil), Gold: gold})
	}
	return out
}

// WeakCueSentences reports, for each sentence of d in the order of SeqExamples' sequences, whether a token
// of a gold cue of td there is a weak cue word: its lexicon cue fraction is below maxP (PolNeAR's stance
// predicates "backed", "sent", "wants", which the models miss most).
func (x *Extractor) WeakCueSentences(d *doc.Document, td TrainDoc, maxP float64) []bool {
	n := len(d.Tokens)
	weak := make([]bool, n)
	for _, frags := range td.Cues {
		for _, f := range frags {
			for i := sort.Search(n, func(i int) bool { return d.Tokens[i].End > f[0] }); i < n && d.Tokens[i].Start < f[1]; i++ {
				st := x.lex[strings.ToLower(d.Tokens[i].Text)]
				weak[i] = weak[i] || (st.P() < maxP && !stopWords[strings.ToLower(d.Tokens[i].Text)])
			}
		}
	}
	var out []bool
	for _, se := range d.Sents {
		a, b := se.TokStart, min(se.TokEnd, n)
		if b <= a {
			continue
		}
		w := false
		for i := a; i < b; i++ {
			w = w || weak[i]
		}
		out = append(out, w)
	}
	return out
}

// rank orders the roles for overlapping gold spans: a cue beats a source beats a content.
func rank(r int) int {
	switch r {
	case lBCue:
		return 3
	case lBSrc:
		return 2
	case lBCon:
		return 1
	}
	return 0
}

// SeqCueSpans returns the byte spans of the cues that the sequence model labels in d (features as in
// training: rules are the rules' quotes for d). Training uses it to find the false cues that a sequence
// model trained without d gives the argument model (see ArgExamples).
func (x *Extractor) SeqCueSpans(d *doc.Document, rules []doc.Quote) [][2]int {
	if x.seq == nil || len(d.Tokens) == 0 {
		return nil
	}
	s := x.prepSeq(d, rules)
	dec := x.seq.NewDecoder()
	var out [][2]int
	for _, se := range d.Sents {
		a, b := se.TokStart, min(se.TokEnd, len(d.Tokens))
		if b <= a {
			continue
		}
		labels := make([]int, b-a)
		dec.Decode(x.feats(s, a, b, nil), labels)
		for _, sp := range spansOf(labels, a) {
			if sp.typ == lBCue {
				out = append(out, [2]int{d.Tokens[sp.s].Start, d.Tokens[sp.e-1].End})
			}
		}
	}
	return out
}

// FalseCues returns the spans of cues that overlap no gold cue of td.
func FalseCues(cues [][2]int, td TrainDoc) [][2]int {
	var out [][2]int
	for _, c := range cues {
		hit := false
		for _, frags := range td.Cues {
			for _, f := range frags {
				hit = hit || (f[0] < c[1] && c[0] < f[1])
			}
		}
		if !hit {
			out = append(out, c)
		}
	}
	return out
}
