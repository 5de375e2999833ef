package quote

import (
	"bytes"
	"cmp"
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/perceptron"
)

// The sequence labeller: per sentence of the text stage, each token is tagged O, or B-/I- of SRC (source),
// CUE or CON (content), by an averaged structured perceptron trained on PolNeAR train (see SeqExamples and
// `newsgraph train quotes`). Its spans become attributions (decodeSeq) that are added to the rules' quotes
// where the rules found nothing (merge).

//go:embed quotes.model.gz
var modelGz []byte

// SeqLabels are the labels of the sequence model, in model order.
var SeqLabels = []string{"O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON"}

const (
	lO = iota
	lBSrc
	lISrc
	lBCue
	lICue
	lBCon
	lICon
)

// SeqBits is log2 of the feature table size of the sequence model.
const SeqBits = 20

// SeqAllowed forbids I-X except after B-X or I-X.
func SeqAllowed(prev, cur int) bool {
	if cur == lISrc || cur == lICue || cur == lICon {
		return prev == cur || prev == cur-1
	}
	return true
}

// loadSeq returns the embedded sequence model, or nil when none is embedded.
var loadSeq = sync.OnceValues(func() (*perceptron.Model, error) { return loadEmbedded("sequence", modelGz) })

// loadEmbedded decodes an embedded model; no bytes (a build without the model) gives nil.
func loadEmbedded(name string, gz []byte) (*perceptron.Model, error) {
	if len(gz) == 0 {
		return nil, nil
	}
	m, err := perceptron.Load(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("quote: %s model: %w", name, err)
	}
	return m, nil
}

// WithModel returns a copy of x that uses the sequence model m (nil: rules only).
func (x *Extractor) WithModel(m *perceptron.Model) *Extractor {
	y := *x
	y.seq = m
	y.wc = &cacheHolder{}
	return &y
}

// WithLexicon returns a copy of x that reads the cue lexicon l, for its rules' cue words and its models'
// word features alike. Training uses it to build each text's features from a lexicon that did not count
// that text (`newsgraph train quotes --oof-lexicon`).
func (x *Extractor) WithLexicon(l Lexicon) *Extractor {
	y := *x
	y.lex = l
	y.cues = map[string]bool{}
	y.buildCues()
	y.wc = &cacheHolder{}
	return &y
}

// Rules returns the quotes of the hand-written patterns alone.
func (x *Extractor) Rules(d *doc.Document) []doc.Quote { return x.extract(d) }

// role of a token in the rules' output, a feature of the model.
const (
	rNone = iota
	rCon
	rCue
	rSrc
)

// seqSent is the feature extraction state of one document.
type seqSent struct {
	d      *doc.Document
	lows   []string
	role   []byte // rule role per token
	kind   []byte // rule quote kind per token ('d', 'i', 'm', 0)
	inq    []bool // inside quotation marks
	ner    []byte // NER type initial per token (P, O, L, M, 0)
	strong []bool // a strong cue word by the lexicon, or a rule cue
	// per-token hashes of the word, POS tag, stem and last three bytes, the word's shape, whether it is a
	// pronoun, and its cue lexicon buckets (cue, source, pattern precision, content after)
	wh, ph, sth, sufh []uint64
	shp               []byte
	pron              []bool
	cb, sb, pb, ab    []int8
}

// docState is the reusable working memory of one document's tagging (pooled: tagging allocates it per
// document otherwise).
type docState struct {
	s  seqSent
	sc scratch
}

var docStates = sync.Pool{New: func() any { return new(docState) }}

// scratch holds the per-sentence buffers of the feature functions when a document is tagged (nil when
// training examples are built: they must keep their features).
type scratch struct {
	ints [6][]int
	out  [][]uint32
	rows []uint32
	cnt  [][5]int
	aout [][]uint32
	arow []uint32
	// cached: leave out the templates whose weights the word cache sums (see cache.go); v45 is then the
	// context of template 45 per token of the sentence
	cached bool
	v45    []int8
	sink   int16 // keeps the touching loads of emit from being optimised away
}

func (sc *scratch) intBuf(k, n int) []int {
	if sc == nil {
		return make([]int, n)
	}
	if cap(sc.ints[k]) < n {
		sc.ints[k] = make([]int, n, 2*n)
	}
	return sc.ints[k][:n]
}

// emit sets s (length L) to the summed weights of the rows, with fixed-size loops for the two models' label
// counts.
func emit(m *perceptron.Model, rows []uint32, s []int32, sink *int16) {
	W := m.W
	L := len(m.Labels)
	// touch every row first: a short loop keeps many cache misses in flight (as internal/perceptron does)
	var t int16
	for _, r := range rows {
		t += W[int(r)*L]
	}
	*sink += t
	switch L {
	case 7:
		var acc [7]int32
		for _, r := range rows {
			w := (*[7]int16)(W[int(r)*7 : int(r)*7+7])
			acc[0] += int32(w[0])
			acc[1] += int32(w[1])
			acc[2] += int32(w[2])
			acc[3] += int32(w[3])
			acc[4] += int32(w[4])
			acc[5] += int32(w[5])
			acc[6] += int32(w[6])
		}
		copy(s, acc[:])
	case 5:
		var acc [5]int32
		for _, r := range rows {
			w := (*[5]int16)(W[int(r)*5 : int(r)*5+5])
			acc[0] += int32(w[0])
			acc[1] += int32(w[1])
			acc[2] += int32(w[2])
			acc[3] += int32(w[3])
			acc[4] += int32(w[4])
		}
		copy(s, acc[:])
	default:
		m.Emissions(rows, s)
	}
}

// strHash is the hash of a string that the feature keys (fk) combine.
func strHash(s string) uint64 { return uint64(perceptron.NewHash(0).Str(s)) }

var hStart, hEnd = strHash("<s>"), strHash("</s>")

// hashIn returns h[i] for a token of the sentence [a, b), else the hash of the boundary it lies beyond.
func hashIn(h []uint64, a, b, i int) uint64 {
	if i < a {
		return hStart
	}
	if i >= b {
		return hEnd
	}
	return h[i]
}

// fk returns the table row of the feature made of template t and the parts.
func fk(t uint64, parts ...uint64) uint32 {
	h := (t + 1) * 0x9e3779b97f4a7c15
	for _, p := range parts {
		h ^= p
		h *= 0xbf58476d1ce4e5b9
		h ^= h >> 31
	}
	return perceptron.Hash(h).Row(SeqBits)
}

// fk0 ... fk4 are fk with that many parts, without the variadic slice (the same rows).
func fk0(t uint64) uint32 { return perceptron.Hash((t + 1) * 0x9e3779b97f4a7c15).Row(SeqBits) }

func fkMix(h, p uint64) uint64 {
	h ^= p
	h *= 0xbf58476d1ce4e5b9
	return h ^ h>>31
}

func fk1(t, a uint64) uint32 {
	return perceptron.Hash(fkMix((t+1)*0x9e3779b97f4a7c15, a)).Row(SeqBits)
}

func fk2(t, a, b uint64) uint32 {
	return perceptron.Hash(fkMix(fkMix((t+1)*0x9e3779b97f4a7c15, a), b)).Row(SeqBits)
}

func fk3(t, a, b, c uint64) uint32 {
	return perceptron.Hash(fkMix(fkMix(fkMix((t+1)*0x9e3779b97f4a7c15, a), b), c)).Row(SeqBits)
}

func fk4(t, a, b, c, d uint64) uint32 {
	return perceptron.Hash(fkMix(fkMix(fkMix(fkMix((t+1)*0x9e3779b97f4a7c15, a), b), c), d)).Row(SeqBits)
}

func (x *Extractor) prepSeq(d *doc.Document, rules []doc.Quote) *seqSent {
	s := x.prepBase(d, rules)
	for i := range s.lows {
		s.shp[i] = shape(d.Tokens[i].Text)
		lexStrong := x.setWord(s, i)
		s.strong[i] = s.role[i] == rCue || lexStrong
	}
	return s
}

// prepBase sets the fields of a document's seqSent that depend on more than one word (the per-word ones
// are left to setWord, or to the word cache).
func (x *Extractor) prepBase(d *doc.Document, rules []doc.Quote) *seqSent {
	return x.prepBaseInto(&seqSent{}, d, rules)
}

// zeroed returns b resized to n and cleared, reusing its array when large enough.
func zeroed[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// prepBaseInto is prepBase into s, whose slices it reuses (see docState).
func (x *Extractor) prepBaseInto(s *seqSent, d *doc.Document, rules []doc.Quote) *seqSent {
	n := len(d.Tokens)
	s.d = d
	s.lows, s.role, s.kind, s.inq = zeroed(s.lows, n), zeroed(s.role, n), zeroed(s.kind, n), zeroed(s.inq, n)
	s.ner, s.strong = zeroed(s.ner, n), zeroed(s.strong, n)
	for i, t := range d.Tokens {
		s.lows[i] = strings.ToLower(t.Text)
	}
	// rule roles, by byte overlap; cue and source win over content
	mark := func(sp doc.Span, r byte, k byte) {
		if sp.End <= sp.Start {
			return
		}
		i := sort.Search(n, func(i int) bool { return d.Tokens[i].End > sp.Start })
		for ; i < n && d.Tokens[i].Start < sp.End; i++ {
			if r >= s.role[i] {
				s.role[i] = r
				if k != 0 {
					s.kind[i] = k
				}
			}
		}
	}
	for _, q := range rules {
		k := byte('i')
		switch q.Kind {
		case doc.Direct:
			k = 'd'
		case doc.Mixed:
			k = 'm'
		}
		mark(q.Content, rCon, k)
		mark(q.Cue, rCue, 0)
		if q.Source != nil {
			mark(*q.Source, rSrc, 0)
		}
	}
	for _, nm := range d.Names {
		for i := nm.TokStart; i < nm.TokEnd && i < n; i++ {
			s.ner[i] = nm.Type[0]
		}
	}
	// quotation marks: toggled per paragraph
	para := -1
	in := false
	for _, se := range d.Sents {
		if se.Paragraph != para {
			para, in = se.Paragraph, false
		}
		for i := se.TokStart; i < se.TokEnd && i < n; i++ {
			nt := d.Tokens[i].Norm
			if nt == "" {
				nt = d.Tokens[i].Text
			}
			switch nt {
			case "``", "“", "«":
				in = true
				s.inq[i] = true
				continue
			case "''", "”", "»":
				s.inq[i] = true
				in = false
				continue
			case "\"":
				in = !in
				s.inq[i] = true
				continue
			}
			s.inq[i] = in
		}
	}
	s.wh, s.ph, s.sth, s.sufh = zeroed(s.wh, n), zeroed(s.ph, n), zeroed(s.sth, n), zeroed(s.sufh, n)
	s.shp, s.pron = zeroed(s.shp, n), zeroed(s.pron, n)
	s.cb, s.sb, s.pb, s.ab = zeroed(s.cb, n), zeroed(s.sb, n), zeroed(s.pb, n), zeroed(s.ab, n)
	return s
}

// setWord sets token i's fields that depend on its word and POS tag alone, and reports whether the word
// is a strong cue by the lexicon.
func (x *Extractor) setWord(s *seqSent, i int) (lexStrong bool) {
	w := s.lows[i]
	st := x.lex[w]
	s.wh[i], s.ph[i], s.sth[i] = strHash(w), strHash(s.d.Tokens[i].POS), strHash(stem(w))
	if len(w) > 3 {
		s.sufh[i] = strHash(w[len(w)-3:])
	}
	s.pron[i] = pronouns[w]
	if st.Cue >= 2 {
		s.cb[i] = int8(bucketP(st.P()))
		s.ab[i] = int8(1 + bucketP(float64(st.After)/float64(st.Cue)))
	}
	if st.Total > 0 {
		s.sb[i] = int8(bucketP(float64(st.Src) / float64(st.Total)))
	}
	if st.PCand >= 2 {
		s.pb[i] = int8(1 + bucketP(float64(st.PTP)/float64(st.PCand)))
	}
	return st.Cue >= 3 && st.P() >= 0.3 && !stopWords[w]
}

func bucketP(p float64) int {
	switch {
	case p <= 0:
		return 0
	case p < 0.02:
		return 1
	case p < 0.08:
		return 2
	case p < 0.2:
		return 3
	case p < 0.4:
		return 4
	case p < 0.7:
		return 5
	}
	return 6
}

func distBucket(d int) int {
	switch {
	case d <= 3:
		return d
	case d <= 6:
		return 4
	case d <= 10:
		return 5
	case d <= 20:
		return 6
	}
	return 7
}

func shape(w string) byte {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLower(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	}
	return 'p'
}

// feats returns the feature rows of the tokens [a, b) of one sentence.
func (x *Extractor) feats(s *seqSent, a, b int, sc *scratch) [][]uint32 {
	toks := s.d.Tokens
	n := b - a
	var out [][]uint32
	var rows []uint32
	const perTok = 48 // features per token, at most
	cached := sc != nil && sc.cached
	var v45 []int8
	if cached {
		if cap(sc.v45) < n {
			sc.v45 = make([]int8, n, 2*n)
		}
		sc.v45 = sc.v45[:n]
		v45 = sc.v45
	}
	if sc == nil {
		out, rows = make([][]uint32, n), make([]uint32, 0, n*perTok)
	} else {
		if cap(sc.out) < n {
			sc.out = make([][]uint32, n, 2*n)
		}
		if cap(sc.rows) < n*perTok {
			sc.rows = make([]uint32, 0, 2*n*perTok)
		}
		out, rows = sc.out[:n], sc.rows[:0]
	}
	lowH := func(i int) uint64 { return hashIn(s.wh, a, b, i) }
	posH := func(i int) uint64 { return hashIn(s.ph, a, b, i) }
	shpAt := func(i int) byte {
		if i < a || i >= b {
			return 'p'
		}
		return s.shp[i]
	}
	// nearest strong cue to the left and right of each token
	left := sc.intBuf(0, n)
	right := sc.intBuf(1, n)
	last := -1
	for i := a; i < b; i++ {
		left[i-a] = last
		if s.strong[i] {
			last = i
		}
	}
	last = -1
	for i := b - 1; i >= a; i-- {
		right[i-a] = last
		if s.strong[i] {
			last = i
		}
	}
	// nearest subject-like token (a person or organisation name, a pronoun, a rule source) and verb on each side
	subjL, subjR := sc.intBuf(2, n), sc.intBuf(3, n)
	verbL, verbR := sc.intBuf(4, n), sc.intBuf(5, n)
	subj := func(i int) bool {
		return s.ner[i] == 'P' || s.ner[i] == 'O' || s.pron[i] || s.role[i] == rSrc
	}
	verb := func(i int) bool { return strings.HasPrefix(toks[i].POS, "VB") }
	ls, lv := -1, -1
	for i := a; i < b; i++ {
		subjL[i-a], verbL[i-a] = ls, lv
		if subj(i) {
			ls = i
		}
		if verb(i) {
			lv = i
		}
	}
	ls, lv = -1, -1
	for i := b - 1; i >= a; i-- {
		subjR[i-a], verbR[i-a] = ls, lv
		if subj(i) {
			ls = i
		}
		if verb(i) {
			lv = i
		}
	}
	db := func(from, to int) int {
		if to < 0 {
			return 99
		}
		if to > from {
			return distBucket(to - from)
		}
		return distBucket(from - to)
	}
	hasQ, hasColon, hasRule := false, false, false
	for i := a; i < b; i++ {
		hasQ = hasQ || s.inq[i]
		hasColon = hasColon || toks[i].Text == ":"
		hasRule = hasRule || s.role[i] != rNone
	}
	sentF := byte(0)
	if hasQ {
		sentF |= 1
	}
	if hasColon {
		sentF |= 2
	}
	if hasRule {
		sentF |= 4
	}
	for i := a; i < b; i++ {
		start := len(rows)
		add := func(r uint32) { rows = append(rows, r) }
		w := s.lows[i]
		cb, sb, pb, ab := int(s.cb[i]), int(s.sb[i]), int(s.pb[i]), int(s.ab[i])
		rl := s.role[i]
		if !cached {
			add(fk0(0))
			add(fk1(1, s.wh[i]))
			add(fk1(2, s.ph[i]))
			add(fk1(3, lowH(i-1)))
			add(fk1(4, lowH(i+1)))
		}
		add(fk2(5, posH(i-1), s.ph[i]))
		add(fk2(6, s.ph[i], posH(i+1)))
		add(fk3(7, posH(i-2), posH(i-1), s.ph[i]))
		add(fk3(8, s.ph[i], posH(i+1), posH(i+2)))
		if !cached {
			add(fk1(9, lowH(i-2)))
			add(fk1(10, lowH(i+2)))
			if len(w) > 3 {
				add(fk1(11, s.sufh[i]))
			}
		}
		add(fk2(12, uint64(s.shp[i]), uint64(shpAt(i-1))))
		if !cached {
			add(fk2(13, uint64(cb), s.ph[i]))
			add(fk2(14, uint64(sb), uint64(s.shp[i])))
		}
		add(fk2(15, uint64(rl), uint64(s.kind[i])))
		add(fk2(16, uint64(rl), s.ph[i]))
		if !cached {
			add(fk2(17, uint64(rl), s.wh[i]))
		}
		prevRole, nextRole := byte(9), byte(9)
		if i > a {
			prevRole = s.role[i-1]
		}
		if i+1 < b {
			nextRole = s.role[i+1]
		}
		add(fk3(18, uint64(prevRole), uint64(rl), uint64(nextRole)))
		add(fk2(19, uint64(s.ner[i]), uint64(b2(s.inq[i]))))
		if s.pron[i] && !cached {
			add(fk1(20, s.wh[i]))
		}
		q := byte(0)
		if s.inq[i] {
			q = 1
		}
		add(fk2(21, uint64(q), s.ph[i]))
		// distance and direction to the nearest strong cue words
		l, r := left[i-a], right[i-a]
		dl, dr := 99, 99
		if l >= 0 {
			dl = distBucket(i - l)
		}
		if r >= 0 {
			dr = distBucket(r - i)
		}
		sw := s.strong[i]
		add(fk3(22, uint64(dl), uint64(dr), uint64(b2(sw))))
		add(fk2(23, uint64(dl), s.ph[i]))
		add(fk2(24, uint64(dr), s.ph[i]))
		add(fk4(25, uint64(dl), uint64(dr), uint64(s.ner[i]), uint64(q)))
		if l >= 0 {
			add(fk2(26, s.wh[l], uint64(min(dl, 3))))
		}
		if r >= 0 {
			add(fk2(27, s.wh[r], uint64(min(dr, 3))))
		}
		// position in the sentence
		add(fk2(28, uint64(distBucket(i-a)), uint64(distBucket(b-1-i))))
		add(fk2(29, uint64(sentF), uint64(rl)))
		add(fk3(30, s.wh[i], uint64(shpAt(i+1)), posH(i+1)))
		add(fk2(31, lowH(i-1), s.wh[i]))
		sl, sr, vl, vr := db(i, subjL[i-a]), db(i, subjR[i-a]), db(i, verbL[i-a]), db(i, verbR[i-a])
		add(fk3(32, uint64(sl), uint64(vl), s.ph[i]))
		add(fk3(33, uint64(sr), uint64(vr), s.ph[i]))
		add(fk3(34, uint64(sl), uint64(sr), uint64(s.ner[i])))
		add(fk3(35, uint64(vl), uint64(vr), uint64(b2(subj(i)))))
		if !cached {
			add(fk1(36, s.sth[i]))
		}
		add(fk2(37, s.sth[i], uint64(min(sl, 5))))
		if vl != 99 {
			add(fk2(38, s.sth[verbL[i-a]], uint64(min(vl, 4))))
		}
		if sl != 99 {
			add(fk4(39, uint64(s.ner[subjL[i-a]]), uint64(b2(s.pron[subjL[i-a]])), uint64(sl), s.ph[i]))
		}
		if !cached {
			add(fk3(40, uint64(pb), uint64(cb), s.ph[i]))
			add(fk2(41, uint64(ab), uint64(min(cb, 3))))
		}
		nxH := posH(i + 1)
		if i+1 < b {
			switch s.lows[i+1] {
			case "that", ":", ",", "to", "``", "“", "\"", "about", "on", "of":
				nxH = s.wh[i+1]
			}
		}
		add(fk2(42, nxH, s.ph[i]))
		clean := subjL[i-a] >= 0 && verbL[i-a] < subjL[i-a]
		add(fk4(43, uint64(b2(clean)), uint64(sl), s.ph[i], uint64(b2(s.inq[i]))))
		add(fk2(44, s.wh[i], lowH(i+1)))
		if !cached {
			add(fk4(45, s.sth[i], s.ph[i], uint64(b2(s.inq[i])), uint64(b2(clean))))
		} else {
			v45[i-a] = int8(2*b2(s.inq[i]) + b2(clean))
		}
		out[i-a] = rows[start:len(rows):len(rows)]
	}
	return out
}

// stem strips the commonest inflections, so that "wants", "wanted" and "wanting" share weights.
func stem(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

func b2(v bool) byte {
	if v {
		return 1
	}
	return 0
}

// seqSpan is a labelled token range of one sentence.
type seqSpan struct {
	typ  int // lBSrc, lBCue, lBCon
	s, e int // token range
}

func spansOf(labels []int, a int) []seqSpan { return appendSpans(nil, labels, a) }

// appendSpans appends the spans of labels (token a first) to out.
func appendSpans(out []seqSpan, labels []int, a int) []seqSpan {
	for i, l := range labels {
		switch l {
		case lBSrc, lBCue, lBCon:
			out = append(out, seqSpan{typ: l, s: a + i, e: a + i + 1})
		case lISrc, lICue, lICon:
			if len(out) > 0 && out[len(out)-1].typ == l-1 && out[len(out)-1].e == a+i {
				out[len(out)-1].e++
			}
		}
	}
	return out
}

// modelQuotes tags every sentence of d and turns the spans into attributions.
func (x *Extractor) modelQuotes(d *doc.Document, rules []doc.Quote) []doc.Quote {
	return x.modelQuotesRes(d, rules, nil)
}

// modelQuotesRes is modelQuotes with the document's speaker resolver (nil: built here).
func (x *Extractor) modelQuotesRes(d *doc.Document, rules []doc.Quote, res *resolver) []doc.Quote {
	if x.seq == nil || len(d.Tokens) == 0 || len(d.Sents) == 0 {
		return nil
	}
	wc := x.cache()
	ds := docStates.Get().(*docState)
	defer func() {
		ds.s.d = nil
		clear(ds.s.lows) // (no strings kept alive)
		docStates.Put(ds)
	}()
	sc := &ds.sc
	sc.cached = true
	s, ents := x.prepCachedInto(&ds.s, d, rules, wc, sc)
	dec := newVit(x.seq)
	var out []doc.Quote
	if res == nil {
		res = newResolver(d)
	}
	var argDec *vit
	var labels []int
	var seqEm []int32
	var argEm, argSc []int32
	var cueBuf []uint32
	var cueMg []float32
	var cuesBuf, srcsBuf, consBuf, spansBuf []seqSpan // per-sentence span lists, reused
	var conSegs []seqSpan
	lastQ := -1 // index in out of the attribution of the previous sentence with content, for continuations
	lastSent := -2
	for si, se := range d.Sents {
		a, b := se.TokStart, min(se.TokEnd, len(d.Tokens))
		if b <= a {
			continue
		}
		if x.cue != nil {
			if cap(cueMg) < b-a {
				cueMg = make([]float32, b-a, 2*(b-a))
			}
			cueMg = cueMg[:b-a]
			cueBuf = x.cueMargins(s, a, b, cueMg, cueBuf)
		}
		fs := x.feats(s, a, b, sc)
		if cap(labels) < b-a {
			labels = make([]int, b-a, 2*(b-a))
		}
		labels = labels[:b-a]
		L := len(x.seq.Labels)
		if cap(seqEm) < len(fs)*L {
			seqEm = make([]int32, len(fs)*L, 2*len(fs)*L)
		}
		seqEm = seqEm[:len(fs)*L]
		if wc.fw != nil {
			// both models' scores of the rows at once, from the interleaved table (see fuse)
			La := wc.la
			if cap(argEm) < len(fs)*La {
				argEm = make([]int32, len(fs)*La, 2*len(fs)*La)
			}
			argEm = argEm[:len(fs)*La]
			for i, f := range fs {
				wc.emitBoth(f, seqEm[i*L:(i+1)*L], argEm[i*La:(i+1)*La], &sc.sink)
			}
		} else {
			for i, f := range fs {
				emit(x.seq, f, seqEm[i*L:(i+1)*L], &sc.sink)
			}
		}
		wc.addCached(s, ents, sc.v45, a, b, seqEm, 0, L)
		dec.viterbi(seqEm, len(fs), labels)
		spansBuf = appendSpans(spansBuf[:0], labels, a)
		spans := spansBuf
		cues, srcs, cons := cuesBuf[:0], srcsBuf[:0], consBuf[:0]
		for _, sp := range spans {
			switch sp.typ {
			case lBCue:
				cues = append(cues, sp)
			case lBSrc:
				srcs = append(srcs, sp)
			case lBCon:
				cons = append(cons, sp)
			}
		}
		if !x.cfg.NoRuleCues {
			// the rules' cues in this sentence that the model missed
			for _, q := range rules {
				if q.Kind == doc.Direct || q.Cue.End <= q.Cue.Start || q.Cue.Start < d.Tokens[a].Start || q.Cue.Start >= d.Tokens[b-1].End {
					continue
				}
				cs := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].End > q.Cue.Start })
				ce := cs
				for ce < b && d.Tokens[ce].Start < q.Cue.End {
					ce++
				}
				dup := ce <= cs
				for _, c := range cues {
					dup = dup || (c.s < ce && cs < c.e)
				}
				if !dup {
					cues = append(cues, seqSpan{typ: lBCue, s: cs, e: ce})
				}
			}
		}
		if x.cue != nil {
			cues = x.classifierCues(s, a, b, cueMg, cues)
		}
		cuesBuf, srcsBuf, consBuf = cues, srcs, cons
		if len(cues) == 0 {
			// content without a cue continues the previous sentence's attribution
			if lastQ >= 0 && lastSent == si-1 && len(cons) > 0 {
				out[lastQ].Content.End = max(out[lastQ].Content.End, d.Tokens[cons[len(cons)-1].e-1].End)
				lastSent = si
			}
			continue
		}
		if x.args != nil {
			if argDec == nil {
				argDec = newVit(x.args)
			}
			if wc.fw == nil {
				argEm = x.argBase(fs, argEm, sc)
			}
			wc.addCached(s, ents, sc.v45, a, b, argEm, wc.ls, wc.la)
			if cap(argSc) < len(argEm) {
				argSc = make([]int32, len(argEm))
			}
			for _, cu := range cues {
				var src seqSpan
				var hasSrc bool
				src, hasSrc, conSegs = x.argSpans(argDec, s, sc, wc, ents, argEm, argSc[:len(argEm)], a, b, cu.s, cu.e, labels, conSegs)
				if len(conSegs) == 0 {
					continue
				}
				if cu.typ == lICue && !hasSrc {
					continue // a classifier cue is kept only with a source of the argument labeller
				}
				if x.cfg.JoinContent {
					conSegs = append(conSegs[:0], seqSpan{typ: lBCon, s: conSegs[0].s, e: conSegs[len(conSegs)-1].e})
				}
				if !hasSrc {
					// the sequence labeller's source nearest the cue ("X voted against it and said ...")
					best := 1 << 30
					for _, sr := range srcs {
						dd := cu.s - sr.e
						if sr.s >= cu.e {
							dd = sr.s - cu.e
						}
						if dd >= 0 && dd < best {
							best, src, hasSrc = dd, sr, true
						}
					}
				}
				var srcSp *doc.Span
				var speaker *string
				if hasSrc {
					sp := doc.Span{Start: d.Tokens[src.s].Start, End: d.Tokens[src.e-1].End}
					srcSp, speaker = &sp, res.speaker(sp, s.lows[src.s])
				}
				for _, cg := range conSegs {
					cg.e = closeMarks(s, cg.s, cg.e, b)
					q := doc.Quote{Content: doc.Span{Start: d.Tokens[cg.s].Start, End: d.Tokens[cg.e-1].End},
						Cue: doc.Span{Start: d.Tokens[cu.s].Start, End: d.Tokens[cu.e-1].End}, Source: srcSp, Speaker: speaker}
					q.Kind = kindOf(d.Text[q.Content.Start:q.Content.End])
					out = append(out, q)
					lastQ, lastSent = len(out)-1, si
				}
			}
			continue
		}
		if len(cons) == 0 {
			continue
		}
		type att struct {
			cue    seqSpan
			src    int
			cs, ce int
			hasCon bool
		}
		atts := make([]att, len(cues))
		dist := func(p, q seqSpan) int {
			if p.e <= q.s {
				return q.s - p.e
			}
			if q.e <= p.s {
				return p.s - q.e
			}
			return 0
		}
		for k, c := range cues {
			atts[k] = att{cue: c, src: -1}
			best := 1 << 30
			for j, sr := range srcs {
				if dd := dist(c, sr); dd < best {
					best, atts[k].src = dd, j
				}
			}
		}
		for _, c := range cons {
			best, bk := 1<<30, 0
			for k, cu := range cues {
				if dd := dist(c, cu); dd < best {
					best, bk = dd, k
				}
			}
			at := &atts[bk]
			if !at.hasCon {
				at.cs, at.ce, at.hasCon = c.s, c.e, true
			} else {
				at.cs, at.ce = min(at.cs, c.s), max(at.ce, c.e)
			}
		}
		for _, at := range atts {
			if !at.hasCon {
				continue
			}
			q := doc.Quote{Content: doc.Span{Start: d.Tokens[at.cs].Start, End: d.Tokens[at.ce-1].End},
				Cue: doc.Span{Start: d.Tokens[at.cue.s].Start, End: d.Tokens[at.cue.e-1].End}}
			if at.src >= 0 {
				sr := srcs[at.src]
				sp := doc.Span{Start: d.Tokens[sr.s].Start, End: d.Tokens[sr.e-1].End}
				q.Source = &sp
				q.Speaker = res.speaker(sp, s.lows[sr.s])
			}
			q.Kind = kindOf(d.Text[q.Content.Start:q.Content.End])
			out = append(out, q)
			lastQ, lastSent = len(out)-1, si
		}
	}
	return out
}

// closeMarks returns the end of the content [cs, ce) of the sentence ending at b, extended past the
// closing quotation mark (in the sentence or right after it) when the content opens one and stops before
// it closes (the labeller's content of
// a mixed quote sometimes ends at the mark: `was "` for `was "a floor, not a ceiling."`).
func closeMarks(s *seqSent, cs, ce, b int) int {
	open := false
	for i := cs; i < ce; i++ {
		switch s.lows[i] {
		case "``", "“", "«":
			open = true
		case "''", "”", "»":
			open = false
		case "\"":
			open = !open
		}
	}
	if !open {
		return ce
	}
	// the closing mark may follow the sentence's final stop, in the next sentence of the text stage
	for i := ce; i < min(b+1, len(s.lows)); i++ {
		switch s.lows[i] {
		case "''", "”", "»", "\"":
			return i + 1
		}
	}
	return ce
}

// kindOf tells a quotation in marks (direct), one that holds marks (mixed) and plain reported speech.
func kindOf(s string) string {
	s = strings.TrimSpace(s)
	r, _ := utf8.DecodeRuneInString(s)
	l, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, ".,;:"))
	if isMarkRune(r) && isMarkRune(l) {
		return doc.Direct
	}
	if strings.ContainsAny(s, "\"“”«»") {
		return doc.Mixed
	}
	return doc.Indirect
}

// merge combines the two extractors: the rules' direct quotes (their precision is high) come first; then
// the model's attributions that overlap none of them; then the rules' other quotes that overlap nothing
// kept so far. A kept quote without a source takes the source of a dropped one that overlaps it.
func merge(text string, rules, model []doc.Quote) []doc.Quote {
	if len(model) == 0 {
		return rules
	}
	var direct, rest []doc.Quote
	for _, r := range rules {
		if r.Kind == doc.Direct && !insideModel(text, r, model) {
			direct = append(direct, r)
		} else {
			rest = append(rest, r)
		}
	}
	out := merge0(text, merge0(text, direct, model), rest)
	return renumber(out)
}

// insideModel reports whether the content of r lies inside, and is shorter than, the content of a model
// attribution whose cue is outside r, while r is four words at most and its own cue lies inside that content: a quoted fragment of reported speech (a mixed quote: "X told them
// that allies must meet their pledge “without excuses,”"), which the model's attribution covers whole.
func insideModel(text string, r doc.Quote, model []doc.Quote) bool {
	for _, m := range model {
		c := m.Content
		if c.Start <= r.Content.Start && r.Content.End <= c.End && c.End-c.Start > r.Content.End-r.Content.Start &&
			(m.Cue.End <= r.Content.Start || m.Cue.Start >= r.Content.End) &&
			r.Cue.End > r.Cue.Start && c.Start <= r.Cue.Start && r.Cue.End <= c.End && len(strings.Fields(text[r.Content.Start:r.Content.End])) <= 4 {
			return true
		}
	}
	return false
}

// merge0 returns kept plus the quotes of add whose content overlaps none of kept's, in text order.
func merge0(text string, kept, add []doc.Quote) []doc.Quote {
	out := make([]doc.Quote, len(kept), len(kept)+len(add))
	copy(out, kept)
	for _, m := range add {
		overl := false
		for i := range out {
			r := &out[i]
			if r.Content.Start < m.Content.End && m.Content.Start < r.Content.End {
				overl = true
				if r.Source == nil && m.Source != nil || m.Source != nil && r.Cue.Start < m.Cue.End && m.Cue.Start < r.Cue.End && *r.Source != *m.Source && brokenSource(text, *r.Source) {
					// the rules' source for the same cue, where the model's is a broken phrase
					r.Source, r.Speaker = m.Source, m.Speaker
				}
			}
		}
		if !overl {
			out = append(out, m)
		}
	}
	slices.SortStableFunc(out, func(a, b doc.Quote) int {
		if c := cmp.Compare(a.Content.Start, b.Content.Start); c != 0 {
			return c
		}
		return cmp.Compare(a.Content.End, b.Content.End)
	})
	return out
}

// brokenSource reports whether a source span is not a whole phrase: a bracket closed that it does not open
// ("Oz practices medicine)"), or a lower-case phrase cut at a comma ("the service as a rear admiral,"); a
// name with its party ("Sen. Lindsey Graham (R-S.C.)") or an appositive ("Amy Pope,") is whole.
func brokenSource(text string, s doc.Span) bool {
	t := strings.TrimSpace(text[s.Start:s.End])
	switch {
	case t == "":
		return true
	case strings.HasSuffix(t, ")"):
		return !strings.Contains(t, "(")
	case strings.HasSuffix(t, ","):
		r, _ := utf8.DecodeRuneInString(t)
		return unicode.IsLower(r)
	}
	return false
}
