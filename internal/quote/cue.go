package quote

import (
	"math/bits"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/perceptron"
)

// The cue classifier: for every candidate token of a sentence (a verb other than an auxiliary, a common
// noun, "according", "per", "as", "to"), a binary averaged perceptron decides whether the token heads an
// attribution cue (trained on the head of each gold cue: its last non-auxiliary verb, else its first noun).
// Its cues are added to those of the sequence labeller and the rules, and the argument labeller finds
// their source and content; a classifier cue without a source of the argument labeller is dropped. Its
// features: the word, stem, suffix and POS tag, the cue lexicon's statistics of the word, and the word's
// neighbourhood (the POS tags around it, the next word and its class, a to-infinitive after it, the
// nearest subject to the left, the previous words, quotation marks, the rules' role). In training the
// lexicon statistics of a text come from the other folds of the training split (see CueExamples), so that
// the classifier does not trust counts that saw the text itself.
//
// No classifier is embedded: on PolNeAR dev it did not raise the source F1 (see README.md); `newsgraph
// train quotes --cue` trains one and WithCue puts it in place.

// CueLabels are the labels of the cue classifier, in model order.
var CueLabels = []string{"O", "CUE"}

// CueBits is log2 of the feature table size of the cue classifier.
const CueBits = 20

// WithCue returns a copy of x that uses the cue classifier m (nil: none) with the margin threshold thr.
func (x *Extractor) WithCue(m *perceptron.Model, thr float32) *Extractor {
	y := *x
	y.cue, y.cueThr = m, thr
	return &y
}

// WithCueAllTokens makes CueExamples label every token of a gold cue CUE (by default only its head, see
// cueHead, and the others are left out).
func (x *Extractor) WithCueAllTokens(all bool) *Extractor {
	y := *x
	y.cueAllToks = all
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
	rows = append(rows, fk0(200), fk1(201, s.wh[i]), fk1(202, s.sth[i]), fk1(203, s.ph[i]),
		fk2(205, uint64(cb), s.ph[i]), fk2(206, uint64(cb), uint64(nb)), fk2(207, uint64(ab), uint64(cb)),
		fk2(208, uint64(sb), uint64(cb)))
	if len(w) > 3 {
		rows = append(rows, fk2(204, s.sufh[i], s.ph[i]))
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
		fk2(210, s.sth[i], nc),
		fk3(211, uint64(cb), nc, s.ph[i]),
		fk2(212, s.sth[i], uint64(b2(s.inq[i]))),
		fk2(213, s.sth[i], sd),
		fk3(214, uint64(cb), sd, st),
		fk2(215, s.sth[i], prevH),
		fk3(216, s.sth[i], prevH, prev2H),
		fk4(217, uint64(b2(afterComma)), uint64(b2(hasQ)), s.ph[i], uint64(cb)),
		fk3(218, s.sth[i], uint64(b2(hasQ)), uint64(b2(afterComma))),
		fk3(219, uint64(cb), uint64(s.role[i]), uint64(b2(s.inq[i]))),
	)
	return rows
}

// cueSentRows calls fn with each candidate token of the sentence [a, b) and its feature rows (valid during
// the call).
func cueSentRows(s *seqSent, a, b int, lex Lexicon, buf []uint32, fn func(i int, rows []uint32)) []uint32 {
	hasQ := false
	qpos := -100 // last quotation mark token
	for i := a; i < b; i++ {
		hasQ = hasQ || s.inq[i]
	}
	posH := func(i int) uint64 { return hashIn(s.ph, a, b, i) }
	subjL := -1
	for i := a; i < b; i++ {
		if s.inq[i] && s.shp[i] == 'p' {
			qpos = i
		}
		if cueCand(s, i) {
			rows := cueWordRows(buf[:0], s, i, lex)
			rows = cueCtxRows(rows, s, i, a, b, subjL, i > a && s.lows[i-1] == ",", hasQ, lex)
			nx := hEnd
			if i+1 < b {
				nx = s.wh[i+1]
			}
			rows = append(rows,
				fk3(220, posH(i-1), s.ph[i], posH(i+1)),
				fk2(221, s.sth[i], nx),
				fk3(222, s.ph[i], uint64(distBucket(min(i-qpos, 99))), uint64(b2(s.inq[i]))),
				fk2(223, s.sth[i], uint64(distBucket(i-a))),
				fk3(224, posH(i-2), posH(i-1), s.ph[i]),
				fk3(225, s.ph[i], posH(i+1), posH(i+2)),
				fk3(226, uint64(s.role[i]), uint64(s.kind[i]), s.ph[i]),
			)
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

// noCand is the margin of a token that is no candidate.
const noCand = float32(-1e30)

// cueMargins sets mg[i-a] to the classifier's margin of each token i of the sentence [a, b) (noCand for a
// token that is no candidate).
func (x *Extractor) cueMargins(s *seqSent, a, b int, mg []float32, buf []uint32) []uint32 {
	for i := range mg {
		mg[i] = noCand
	}
	return cueSentRows(s, a, b, x.lex, buf, func(i int, rows []uint32) { mg[i-a] = cueMargin(x.cue, rows) })
}

// classifierCues returns have plus the classifier's cue spans of the sentence [a, b) that overlap none of
// have (marked typ lICue: such a cue is kept only when the argument labeller finds it a source); mg are
// the margins (cueMargins).
func (x *Extractor) classifierCues(s *seqSent, a, b int, mg []float32, have []seqSpan) []seqSpan {
	out := have
	n0 := len(out)
	for i := a; i < b; i++ {
		if mg[i-a] <= x.cueThr {
			continue
		}
		e := i + 1
		if s.lows[i] == "according" && e < b && s.lows[e] == "to" {
			e++
		}
		dup := false
		for _, c := range have {
			dup = dup || (c.s < e && i < c.e)
		}
		if dup {
			continue
		}
		if n := len(out); n > n0 && out[n-1].e >= i {
			out[n-1].e = max(out[n-1].e, e)
			continue
		}
		out = append(out, seqSpan{typ: lICue, s: i, e: e}) // lICue marks a classifier cue
	}
	return out
}

// CueExamples returns the cue classifier's training examples of one document: one single-token sequence per
// candidate token, labelled CUE when the token overlaps a gold cue. lex is the lexicon to read the word
// statistics from (for training, one learned without this text's fold; nil: the extractor's, from cues.tsv).
func (x *Extractor) CueExamples(d *doc.Document, rules []doc.Quote, td TrainDoc, lex Lexicon) []perceptron.Example {
	n := len(d.Tokens)
	if n == 0 {
		return nil
	}
	if lex == nil {
		lex = x.lex
	}
	s := x.prepSeq(d, rules)
	// 1: the head of a gold cue (see cueHead); 2: another token of a gold cue, left out of training
	isCue := make([]byte, n)
	for _, frags := range td.Cues {
		var toks []int
		for _, f := range frags {
			for i := sort.Search(n, func(i int) bool { return d.Tokens[i].End > f[0] }); i < n && d.Tokens[i].Start < f[1]; i++ {
				toks = append(toks, i)
				if isCue[i] == 0 {
					isCue[i] = 2
				}
			}
		}
		if h := cueHead(s, toks); h >= 0 {
			isCue[h] = 1
		}
	}
	var out []perceptron.Example
	var buf []uint32
	for _, se := range d.Sents {
		a, b := se.TokStart, min(se.TokEnd, n)
		if b <= a {
			continue
		}
		buf = cueSentRows(s, a, b, lex, buf, func(i int, rows []uint32) {
			g := 0
			switch isCue[i] {
			case 1:
				g = 1
			case 2:
				if !x.cueAllToks {
					return
				}
				g = 1
			}
			out = append(out, perceptron.Example{Feats: [][]uint32{append([]uint32(nil), rows...)}, Gold: []int{g}})
		})
	}
	return out
}

// cueHead returns the token of toks (a gold cue) that the classifier should find: the last verb that is not
// an auxiliary, else the first noun, else the first candidate (-1: none).
func cueHead(s *seqSent, toks []int) int {
	h := -1
	for _, i := range toks {
		if strings.HasPrefix(s.d.Tokens[i].POS, "VB") && !auxWords[s.lows[i]] {
			h = i
		}
	}
	if h >= 0 {
		return h
	}
	for _, i := range toks {
		if p := s.d.Tokens[i].POS; p == "NN" || p == "NNS" {
			return i
		}
	}
	for _, i := range toks {
		if cueCand(s, i) {
			return i
		}
	}
	return -1
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

// CueMargin returns the classifier m's margin of an example of CueExamples.
func CueMargin(m *perceptron.Model, ex perceptron.Example) float32 { return cueMargin(m, ex.Feats[0]) }
