package quote

import (
	_ "embed"
	"sort"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/perceptron"
)

// The argument labeller: given one cue (found by the sequence labeller), it tags the tokens of the cue's
// sentence O, or B-/I- of SRC and CON for that cue's attribution alone, with the sequence labeller's
// features plus features relative to the cue (side, distance, the cue's word, what lies between).

//go:embed quotes.args.gz
var argsGz []byte

// ArgLabels are the labels of the argument model, in model order.
var ArgLabels = []string{"O", "B-SRC", "I-SRC", "B-CON", "I-CON"}

const (
	aO = iota
	aBSrc
	aISrc
	aBCon
	aICon
)

// ArgAllowed forbids I-X except after B-X or I-X.
func ArgAllowed(prev, cur int) bool {
	if cur == aISrc || cur == aICon {
		return prev == cur || prev == cur-1
	}
	return true
}

// loadArgs returns the embedded argument model, or nil when none is embedded.
var loadArgs = sync.OnceValues(func() (*perceptron.Model, error) { return loadEmbedded("argument", argsGz) })

// WithArgHeads sets how ArgExamples presents a gold cue of several words: 0 as annotated, 1 by its head
// alone (cueHead, as the cue classifier finds it), 2 both ways (two sequences).
func (x *Extractor) WithArgHeads(mode int) *Extractor {
	y := *x
	y.argHeads = mode
	return &y
}

// WithArgs returns a copy of x that uses the argument model m (nil: the sequence labeller's own spans).
func (x *Extractor) WithArgs(m *perceptron.Model) *Extractor {
	y := *x
	y.args = m
	y.wc = &cacheHolder{}
	return &y
}

// argFeats returns, for the tokens [a, b) of a sentence, the features relative to the cue [cs, ce).
func (x *Extractor) argFeats(s *seqSent, a, b, cs, ce int, sc *scratch) [][]uint32 {
	toks := s.d.Tokens
	n := b - a
	// prefix counts over the sentence: commas, "that", verbs, quotation marks, subject-like tokens
	var cnt [][5]int
	if sc == nil {
		cnt = make([][5]int, n+1)
	} else {
		if cap(sc.cnt) < n+1 {
			sc.cnt = make([][5]int, n+1, 2*(n+1))
		}
		cnt = sc.cnt[:n+1]
		cnt[0] = [5]int{}
	}
	for i := a; i < b; i++ {
		c := cnt[i-a]
		w := s.lows[i]
		if w == "," {
			c[0]++
		}
		if w == "that" {
			c[1]++
		}
		if strings.HasPrefix(toks[i].POS, "VB") && (i < cs || i >= ce) {
			c[2]++
		}
		if s.inq[i] {
			c[3]++
		}
		if s.ner[i] == 'P' || s.ner[i] == 'O' || s.pron[i] {
			c[4]++
		}
		cnt[i-a+1] = c
	}
	cwH := s.sth[cs]
	cueLen := min(ce-cs, 4)
	const perTok = 16 // features per token, at most
	var out [][]uint32
	var rows []uint32
	if sc == nil {
		out, rows = make([][]uint32, n), make([]uint32, 0, n*perTok)
	} else {
		if cap(sc.aout) < n {
			sc.aout = make([][]uint32, n, 2*n)
		}
		if cap(sc.arow) < n*perTok {
			sc.arow = make([]uint32, 0, 2*n*perTok)
		}
		out, rows = sc.aout[:n], sc.arow[:0]
	}
	for i := a; i < b; i++ {
		start := len(rows)
		add := func(r uint32) { rows = append(rows, r) }
		var rel byte
		var d, lo, hi int
		switch {
		case i < cs:
			rel, d, lo, hi = 'L', cs-i, i+1, cs
		case i >= ce:
			rel, d, lo, hi = 'R', i-ce+1, ce, i
		default:
			rel, d, lo, hi = 'C', 0, i, i
		}
		db := distBucket(d)
		between := func(k int) int { return min(cnt[hi-a][k]-cnt[lo-a][k], 2) }
		add(fk2(100, uint64(rel), uint64(db)))
		add(fk3(101, uint64(rel), uint64(db), s.ph[i]))
		add(fk2(102, uint64(rel), cwH))
		add(fk3(103, uint64(rel), uint64(db), cwH))
		if sc == nil || !sc.cached {
			add(fk2(104, uint64(rel), s.wh[i]))
		}
		add(fk4(105, uint64(rel), uint64(db), uint64(s.ner[i]), uint64(b2(s.pron[i]))))
		add(fk4(106, uint64(rel), uint64(between(0)), uint64(between(1)), uint64(between(2))))
		add(fk4(107, uint64(rel), uint64(between(3)), uint64(between(4)), uint64(b2(s.inq[i]))))
		add(fk3(108, uint64(rel), cwH, s.ph[i]))
		add(fk4(109, uint64(rel), uint64(between(2)), s.ph[i], uint64(s.role[i])))
		add(fk3(110, uint64(rel), uint64(cueLen), s.wh[ce-1]))
		add(fk4(111, uint64(rel), uint64(min(d, 3)), s.wh[i], cwH))
		add(fk3(112, uint64(rel), uint64(s.role[i]), uint64(s.kind[i])))
		out[i-a] = rows[start:len(rows):len(rows)]
	}
	return out
}

// ArgExamples returns the argument model's training sequences of one document: one per gold attribution
// whose cue starts in a sentence, labelled with that attribution's source and content inside the sentence.
// The features are the sequence labeller's plus the cue-relative ones, in one list.
//
// negs are byte spans of false cues (see ArgNegatives): each gives one sequence labelled O throughout, so
// that the model learns to find no content for a word that is no cue.
func (x *Extractor) ArgExamples(d *doc.Document, rules []doc.Quote, td TrainDoc, negs [][2]int) []perceptron.Example {
	n := len(d.Tokens)
	if n == 0 {
		return nil
	}
	s := x.prepSeq(d, rules)
	tokAt := func(b int) int { return sort.Search(n, func(i int) bool { return d.Tokens[i].End > b }) }
	var out []perceptron.Example
	base := map[int][][]uint32{}
	// the cues to label: (attribution index or -1 for a false cue, token range)
	type job struct{ k, cs, ce int }
	var jobs []job
	span := func(c [2]int) (int, int) {
		cs := tokAt(c[0])
		ce := cs
		for ce < n && d.Tokens[ce].Start < c[1] {
			ce++
		}
		return cs, ce
	}
	for k := range td.Cues {
		if len(td.Cues[k]) == 0 {
			continue
		}
		cs, ce := span(td.Cues[k][0])
		if x.argHeads == 0 || ce <= cs {
			jobs = append(jobs, job{k, cs, ce})
			continue
		}
		toks := make([]int, 0, ce-cs)
		for i := cs; i < ce; i++ {
			toks = append(toks, i)
		}
		h := cueHead(s, toks)
		if x.argHeads == 2 || h < 0 || ce-cs == 1 {
			jobs = append(jobs, job{k, cs, ce})
		}
		if h >= 0 && ce-cs > 1 {
			jobs = append(jobs, job{k, h, h + 1})
		}
	}
	for _, c := range negs {
		cs, ce := span(c)
		jobs = append(jobs, job{-1, cs, ce})
	}
	for _, jb := range jobs {
		k, cs, ce := jb.k, jb.cs, jb.ce
		if cs >= n {
			continue
		}
		si := sort.Search(len(d.Sents), func(i int) bool { return d.Sents[i].TokEnd > cs })
		if si >= len(d.Sents) || ce <= cs {
			continue
		}
		a, b := d.Sents[si].TokStart, min(d.Sents[si].TokEnd, n)
		ce = min(ce, b)
		gold := make([]int, b-a)
		lab := func(frags [][2]int, bl int) {
			for _, f := range frags {
				first := true
				for i := max(tokAt(f[0]), a); i < b && d.Tokens[i].Start < f[1]; i++ {
					if i >= cs && i < ce {
						first = true
						continue
					}
					if gold[i-a] == aO || bl == aBSrc {
						if first || (i > a && gold[i-a-1] != bl && gold[i-a-1] != bl+1) {
							gold[i-a] = bl
						} else {
							gold[i-a] = bl + 1
						}
					}
					first = false
				}
			}
		}
		if k >= 0 {
			lab(td.Contents[k], aBCon)
			lab(td.Sources[k], aBSrc)
		}
		// repair I- labels that lost their B- to an overwrite
		for i := range gold {
			if (gold[i] == aISrc || gold[i] == aICon) && (i == 0 || (gold[i-1] != gold[i] && gold[i-1] != gold[i]-1)) {
				gold[i]--
			}
		}
		bf, ok := base[si]
		if !ok {
			bf = x.feats(s, a, b, nil)
			base[si] = bf
		}
		af := x.argFeats(s, a, b, cs, ce, nil)
		feats := make([][]uint32, b-a)
		for i := range feats {
			feats[i] = append(append(make([]uint32, 0, len(bf[i])+len(af[i])), bf[i]...), af[i]...)
		}
		out = append(out, perceptron.Example{Feats: feats, Gold: gold})
	}
	return out
}

// argBase returns the argument model's emission scores (len(base) * labels) of the sentence's own features,
// which every cue of the sentence shares.
func (x *Extractor) argBase(base [][]uint32, buf []int32, sc *scratch) []int32 {
	L := len(x.args.Labels)
	if cap(buf) < len(base)*L {
		buf = make([]int32, len(base)*L)
	}
	buf = buf[:len(base)*L]
	for i, f := range base {
		emit(x.args, f, buf[i*L:(i+1)*L], &sc.sink)
	}
	return buf
}

// splitBefore reports whether the content run that ends before token e ends at a comma or quotation mark.
func splitBefore(s *seqSent, e int) bool {
	for _, k := range [2]int{e - 1, e} {
		if k >= 0 && k < len(s.lows) {
			switch s.lows[k] {
			case ",", "''", "”", "\"", "’":
				return true
			}
		}
	}
	return false
}

// wordBetween reports whether a token of [i, j) holds a letter or digit.
func wordBetween(s *seqSent, i, j int) bool {
	for k := i; k < j; k++ {
		if s.shp[k] != 'p' {
			return true
		}
	}
	return false
}

// argSpans runs the argument model for the cue [cs, ce) of the sentence [a, b), whose shared emission scores
// are em (argBase), and returns the source nearest the cue (ok false when none) and the content's segments
// (token ranges split where a word not in the content lies between two runs; none when there is no
// content), appended to cons[:0]. sc is scratch of len(em).
func (x *Extractor) argSpans(dec *vit, s *seqSent, scr *scratch, wc *wordCache, ents []*wordEntry, em, sc []int32, a, b, cs, ce int, labels []int, cons []seqSpan) (src seqSpan, hasSrc bool, segs []seqSpan) {
	af := x.argFeats(s, a, b, cs, ce, scr)
	L := len(x.args.Labels)
	var t [8]int32
	for i := range af {
		if wc.fw != nil {
			var u [fStride]int32
			wc.emitBoth(af[i], u[:wc.ls], t[:L], &scr.sink) // the argument model's part of the interleaved rows
		} else {
			emit(x.args, af[i], t[:L], &scr.sink)
		}
		if scr.cached { // template 104, from the word cache
			k := 2 // 'C'
			if a+i < cs {
				k = 0
			} else if a+i >= ce {
				k = 1
			}
			o := (gRel+k)*(wc.ls+wc.la) + wc.ls
			for j, v := range ents[a+i].v[o : o+L] {
				t[j] += v
			}
		}
		row, e := sc[i*L:(i+1)*L], em[i*L:(i+1)*L]
		for j := range row {
			row[j] = e[j] + t[j]
		}
	}
	dec.viterbi(sc, len(af), labels)
	segs = cons[:0]
	best := 1 << 30
	for i := 0; i < len(labels); {
		l := labels[i]
		if l == aO {
			i++
			continue
		}
		j := i + 1
		for j < len(labels) && labels[j] == l+1 {
			j++
		}
		ts, te := a+i, a+j
		switch l {
		case aBSrc, aISrc:
			dd := cs - te
			if ts >= ce {
				dd = ts - ce
			}
			if dd < best {
				best, src, hasSrc = dd, seqSpan{typ: lBSrc, s: ts, e: te}, true
			}
		case aBCon, aICon:
			// a content run continues the previous one unless the cue lies between them and the first ends
			// at a comma or quotation mark (a quote split by its attribution: "A, he said, B")
			if n := len(segs); n > 0 && !(cs < ts && segs[n-1].e < ce && splitBefore(s, segs[n-1].e) && wordBetween(s, segs[n-1].e, ts)) {
				segs[n-1].e = te
			} else {
				segs = append(segs, seqSpan{typ: lBCon, s: ts, e: te})
			}
		}
		i = j
	}
	return
}

// ArgNegatives returns the byte spans of candidate cue words of d (see cueCand) that overlap no gold cue
// of td and whose cue fraction in lex is at least minP: the false cues a permissive cue finder would give
// the argument labeller. Every keep-th of them is returned (keep <= 1: all).
func (x *Extractor) ArgNegatives(d *doc.Document, td TrainDoc, lex Lexicon, minP float64, keep int) [][2]int {
	n := len(d.Tokens)
	isCue := make([]bool, n)
	for _, frags := range td.Cues {
		for _, f := range frags {
			for i := sort.Search(n, func(i int) bool { return d.Tokens[i].End > f[0] }); i < n && d.Tokens[i].Start < f[1]; i++ {
				isCue[i] = true
			}
		}
	}
	s := x.prepSeq(d, nil)
	var out [][2]int
	seen := 0
	for i := range n {
		if isCue[i] || !cueCand(s, i) {
			continue
		}
		st := lex[s.lows[i]]
		if st.Cue < 2 || st.P() < minP {
			continue
		}
		seen++
		if keep > 1 && seen%keep != 0 {
			continue
		}
		out = append(out, [2]int{d.Tokens[i].Start, d.Tokens[i].End})
	}
	return out
}
