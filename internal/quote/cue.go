package quote

import (
	_ "embed"
	"math/bits"
	"sort"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/perceptron"
)

// The cue classifier: for every candidate token of a sentence (a verb, a noun, "according", a word right
// after a comma), a binary averaged perceptron decides whether the token heads an attribution cue. Its
// cues are added to those of the sequence labeller and the rules, and the argument labeller finds their
// source and content. Its features are the sequence labeller's context features (feats, without the
// word-only templates) plus its own: the word, stem and POS tag, the cue lexicon's statistics of the word,
// and the word's neighbourhood (a to-infinitive after it, the next word's class, the nearest subject).
// In training the lexicon statistics of a text come from the other folds of the training split (see
// CueExamples), so that the classifier does not trust counts that saw the text itself.

//go:embed quotes.cue.gz
var cueGz []byte

// CueLabels are the labels of the cue classifier, in model order.
var CueLabels = []string{"O", "CUE"}

// CueBits is log2 of the feature table size of the cue classifier.
const CueBits = 20

// DefaultCueThreshold is the least margin (score of CUE minus score of O, in the model's float units) for a
// classifier cue; chosen on PolNeAR dev (see quotes.model.txt).
const DefaultCueThreshold = 0

// loadCue returns the embedded cue classifier, or nil when none is embedded.
var loadCue = sync.OnceValues(func() (*perceptron.Model, error) { return loadEmbedded("cue", cueGz) })

// WithCue returns a copy of x that uses the cue classifier m (nil: none) with the margin threshold thr.
func (x *Extractor) WithCue(m *perceptron.Model, thr float32) *Extractor {
	y := *x
	y.cue, y.cueThr = m, thr
	return &y
}

// cueCand reports whether token i may head a cue.
func cueCand(s *seqSent, i int) bool {
	p := s.d.Tokens[i].POS
	w := s.lows[i]
	switch {
	case strings.HasPrefix(p, "VB"):
		return !auxWords[w]
	case p == "NN" || p == "NNS":
		return true
	}
	switch w {
	case "according", "per", "as", "to":
		return true
	}
	return false
}

// lexBuckets returns the cue classifier's lexicon buckets of a word: cue fraction, cue count, content after,
// source fraction.
func lexBuckets(lex Lexicon, w string) (cb, nb, ab, sb int) {
	st, ok := lex[w]
	if !ok {
		return 0, 0, 0, 0
	}
	if st.Cue >= 2 {
		cb = 1 + bucketP(st.P())
		nb = min(bits.Len(uint(st.Cue)), 8)
		ab = 1 + bucketP(float64(st.After)/float64(st.Cue))
	}
	if st.Total > 0 {
		sb = bucketP(float64(st.Src) / float64(st.Total))
	}
	return
}

// cueWordRows appends the rows of the cue features that depend on token i's word and POS tag alone.
func cueWordRows(rows []uint32, s *seqSent, i int, lex Lexicon) []uint32 {
	w := s.lows[i]
	cb, nb, ab, sb := lexBuckets(lex, w)
	rows = append(rows, fk(200), fk(201, s.wh[i]), fk(202, s.sth[i]), fk(203, s.ph[i]),
		fk(205, uint64(cb), s.ph[i]), fk(206, uint64(cb), uint64(nb)), fk(207, uint64(ab), uint64(cb)),
		fk(208, uint64(sb), uint64(cb)))
	if len(w) > 3 {
		rows = append(rows, fk(204, s.sufh[i], s.ph[i]))
	}
	return rows
}

// nextClass is the class of the token after a cue candidate.
func nextClass(s *seqSent, j, b int) uint64 {
	if j >= b {
		return 1
	}
	switch s.lows[j] {
	case "that":
		return 2
	case ",":
		return 3
	case ":":
		return 4
	case "``", "“", "\"", "''", "”":
		return 5
	case "to":
		if j+1 < b && strings.HasPrefix(s.d.Tokens[j+1].POS, "VB") {
			return 6
		}
		return 7
	case "about", "on", "of", "for", "against", "with", "in":
		return 8
	case "the", "a", "an", "his", "her", "their":
		return 9
	}
	if s.ner[j] != 0 || s.pron[j] {
		return 10
	}
	if strings.HasPrefix(s.d.Tokens[j].POS, "VB") {
		return 11
	}
	return 12
}

// cueCtxRows appends the cue classifier's own context features of token i of the sentence [a, b); subjL is
// the nearest subject-like token to the left (-1: none).
func cueCtxRows(rows []uint32, s *seqSent, i, a, b, subjL int, afterComma bool, hasQ bool, lex Lexicon) []uint32 {
	nc := nextClass(s, i+1, b)
	cb, _, _, _ := lexBuckets(lex, s.lows[i])
	sd := uint64(99)
	st := uint64(0)
	if subjL >= 0 {
		sd = uint64(min(i-subjL, 6))
		st = uint64(s.ner[subjL]) + 256*uint64(b2(s.pron[subjL]))
	}
	prevH, prev2H := hStart, hStart
	if i > a {
		prevH = s.wh[i-1]
	}
	if i > a+1 {
		prev2H = s.wh[i-2]
	}
	rows = append(rows,
		fk(210, s.sth[i], nc),
		fk(211, uint64(cb), nc, s.ph[i]),
		fk(212, s.sth[i], uint64(b2(s.inq[i]))),
		fk(213, s.sth[i], sd),
		fk(214, uint64(cb), sd, st),
		fk(215, s.sth[i], prevH),
		fk(216, s.sth[i], prevH, prev2H),
		fk(217, uint64(b2(afterComma)), uint64(b2(hasQ)), s.ph[i], uint64(cb)),
		fk(218, s.sth[i], uint64(b2(hasQ)), uint64(b2(afterComma))),
		fk(219, uint64(cb), uint64(s.role[i]), uint64(b2(s.inq[i]))),
	)
	return rows
}

// cueSentRows returns, for the candidate tokens of the sentence [a, b), their token index and feature rows
// (fs: the sentence's feats in cached mode).
func cueSentRows(s *seqSent, a, b int, fs [][]uint32, lex Lexicon, buf []uint32, fn func(i int, rows []uint32)) []uint32 {
	hasQ := false
	for i := a; i < b; i++ {
		hasQ = hasQ || s.inq[i]
	}
	subjL := -1
	for i := a; i < b; i++ {
		if cueCand(s, i) {
			rows := append(buf[:0], fs[i-a]...)
			rows = cueWordRows(rows, s, i, lex)
			rows = cueCtxRows(rows, s, i, a, b, subjL, i > a && s.lows[i-1] == ",", hasQ, lex)
			fn(i, rows)
			buf = rows
		}
		if s.ner[i] == 'P' || s.ner[i] == 'O' || s.pron[i] || s.role[i] == rSrc {
			subjL = i
		}
	}
	return buf
}

// cueMargin returns the classifier's score of CUE minus that of O for the rows, in float units.
func cueMargin(m *perceptron.Model, rows []uint32) float32 {
	var sc [2]int32
	m.Emissions(rows, sc[:])
	L := len(m.Labels)
	s1 := sc[1] + m.Trans[L*L+1] + m.End[1]
	s0 := sc[0] + m.Trans[L*L+0] + m.End[0]
	return float32(s1-s0) * m.Scale
}

// classifierCues returns the classifier's cue spans of the sentence [a, b) that overlap none of have.
func (x *Extractor) classifierCues(s *seqSent, a, b int, fs [][]uint32, have []seqSpan, buf []uint32) ([]seqSpan, []uint32) {
	var out []seqSpan
	buf = cueSentRows(s, a, b, fs, x.lex, buf, func(i int, rows []uint32) {
		if cueMargin(x.cue, rows) <= x.cueThr {
			return
		}
		e := i + 1
		if s.lows[i] == "according" && e < b && s.lows[e] == "to" {
			e++
		}
		for _, c := range have {
			if c.s < e && i < c.e {
				return
			}
		}
		if n := len(out); n > 0 && out[n-1].e >= i {
			out[n-1].e = max(out[n-1].e, e)
			return
		}
		out = append(out, seqSpan{typ: lBCue, s: i, e: e})
	})
	return out, buf
}

// CueExamples returns the cue classifier's training examples of one document: one single-token sequence per
// candidate token, labelled CUE when the token overlaps a gold cue. lex is the lexicon to read the word
// statistics from (for training, one learned without this text's fold).
func (x *Extractor) CueExamples(d *doc.Document, rules []doc.Quote, td TrainDoc, lex Lexicon) []perceptron.Example {
	n := len(d.Tokens)
	if n == 0 {
		return nil
	}
	isCue := make([]bool, n)
	for _, frags := range td.Cues {
		for _, f := range frags {
			for i := sort.Search(n, func(i int) bool { return d.Tokens[i].End > f[0] }); i < n && d.Tokens[i].Start < f[1]; i++ {
				isCue[i] = true
			}
		}
	}
	s := x.prepSeq(d, rules)
	sc := &scratch{cached: true}
	var out []perceptron.Example
	var buf []uint32
	for _, se := range d.Sents {
		a, b := se.TokStart, min(se.TokEnd, n)
		if b <= a {
			continue
		}
		fs := x.feats(s, a, b, sc)
		buf = cueSentRows(s, a, b, fs, lex, buf, func(i int, rows []uint32) {
			g := 0
			if isCue[i] {
				g = 1
			}
			out = append(out, perceptron.Example{Feats: [][]uint32{append([]uint32(nil), rows...)}, Gold: []int{g}})
		})
	}
	return out
}

// CueCoverage counts the gold cues of td and how many of them hold a candidate token.
func (x *Extractor) CueCoverage(d *doc.Document, td TrainDoc) (gold, covered int) {
	n := len(d.Tokens)
	s := x.prepSeq(d, nil)
	for _, frags := range td.Cues {
		if len(frags) == 0 {
			continue
		}
		gold++
		hit := false
		for _, f := range frags {
			for i := sort.Search(n, func(i int) bool { return d.Tokens[i].End > f[0] }); i < n && d.Tokens[i].Start < f[1]; i++ {
				hit = hit || cueCand(s, i)
			}
		}
		if hit {
			covered++
		}
	}
	return
}
