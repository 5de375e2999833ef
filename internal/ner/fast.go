package ner

import (
	"github.com/newsgraph/newsgraph/internal/ner/gazetteer"
	"github.com/newsgraph/newsgraph/internal/ner/lexicon"
	"github.com/newsgraph/newsgraph/internal/perceptron"
)

// Tagging reads the same features as featurizer.sentence (which training uses), but most of them depend on
// one word only: the word itself (fWord, fLower, fShape, prefixes, suffixes, clusters) or a neighbour
// (fPrev, fPrevWord, fPrevShort, fPrevCluster, ...). The summed weights of those groups are kept per word
// (wordInfo), so that a token's emission scores are five cached vectors plus the rows of the remaining
// features. Integer sums are exact in any order, so the scores equal those of the full feature rows (see
// TestFastScores). A change of feature templates must be made in both places (TestFastScores fails until it
// is).

// Word groups: a word's features as the token tagged, and as its neighbour at each offset.
const (
	gSelf = iota
	gPrev
	gNext
	gPrev2
	gNext2
	nGroups
)

// wordInfo is what the tagger keeps about one normalised word.
type wordInfo struct {
	lower, short string
	clus         [len(lexicon.Grains)]int32
	lexCase      int8
	casing       int8 // lexicon.Casing of the word
	// vec holds, for each stage, nGroups vectors of L summed weights.
	vec []int32
}

// maxCachedWords bounds the word cache (about 800 bytes a word).
const maxCachedWords = 1 << 16

// wordCache maps normalised words to their wordInfo for one model; safe for concurrent use.
type wordCache struct {
	words  *perceptron.Memo[*wordInfo]
	stages []*perceptron.Model
	bits   uint
	lex    *lexicon.Lexicon
	// bound holds, per stage, the group vectors of the sentence boundary (<s>, </s>).
	bound []int32
}

func newWordCache(stages []*perceptron.Model, lex *lexicon.Lexicon) *wordCache {
	c := &wordCache{stages: stages, bits: stages[0].Bits, lex: lex, words: perceptron.NewMemo[*wordInfo](maxCachedWords)}
	L := stages[0].NumLabels()
	c.bound = make([]int32, len(stages)*nGroups*L)
	var rows []uint32
	for s, m := range stages {
		v := c.bound[s*nGroups*L:]
		rows = prevRows(rows[:0], c.bits, "<s>", "<s>", "<s>", -2)
		m.AddEmissions(rows, v[gPrev*L:(gPrev+1)*L])
		rows = nextRows(rows[:0], c.bits, "</s>", "</s>", "</s>", -2)
		m.AddEmissions(rows, v[gNext*L:(gNext+1)*L])
		rows = append(rows[:0], perceptron.NewHash(fPrev2).Str("<s>").Row(c.bits))
		m.AddEmissions(rows, v[gPrev2*L:(gPrev2+1)*L])
		rows = append(rows[:0], perceptron.NewHash(fNext2).Str("</s>").Row(c.bits))
		m.AddEmissions(rows, v[gNext2*L:(gNext2+1)*L])
	}
	return c
}

// lookup sets infos (reset) to the wordInfo of each word, computing the ones the cache does not keep.
func (c *wordCache) lookup(words []string, infos []*wordInfo, scratch *[]uint32) []*wordInfo {
	return c.words.Lookup(words, infos, func(w string) *wordInfo { return c.compute(w, scratch) })
}

func (c *wordCache) compute(w string, scratch *[]uint32) *wordInfo {
	l := lexicon.Lower(w)
	short := string(lexicon.ShortShape(w, nil))
	wi := &wordInfo{lower: l, short: short, clus: [len(lexicon.Grains)]int32{-1, -1, -1}, lexCase: -1, casing: int8(lexicon.Casing(w))}
	if e, ok := c.lex.Lookup(l); ok {
		wi.lexCase = int8(lexicon.Casing(e.Form))
		if e.HasClusters {
			wi.clus = e.Clusters
		}
	}
	L := c.stages[0].NumLabels()
	wi.vec = make([]int32, len(c.stages)*nGroups*L)
	rows := *scratch
	for s, m := range c.stages {
		v := wi.vec[s*nGroups*L:]
		rows = selfRows(rows[:0], c.bits, w, l, short, wi.clus)
		m.AddEmissions(rows, v[gSelf*L:(gSelf+1)*L])
		rows = prevRows(rows[:0], c.bits, l, w, short, int(wi.clus[1]))
		m.AddEmissions(rows, v[gPrev*L:(gPrev+1)*L])
		rows = nextRows(rows[:0], c.bits, l, w, short, int(wi.clus[1]))
		m.AddEmissions(rows, v[gNext*L:(gNext+1)*L])
		rows = append(rows[:0], perceptron.NewHash(fPrev2).Str(l).Row(c.bits))
		m.AddEmissions(rows, v[gPrev2*L:(gPrev2+1)*L])
		rows = append(rows[:0], perceptron.NewHash(fNext2).Str(l).Row(c.bits))
		m.AddEmissions(rows, v[gNext2*L:(gNext2+1)*L])
	}
	*scratch = rows
	return wi
}

// selfRows appends the rows of the features of a word as the token tagged (as in featurizer.sentence).
func selfRows(rows []uint32, bits uint, w, l, short string, clus [len(lexicon.Grains)]int32) []uint32 {
	H := perceptron.NewHash
	add := func(h perceptron.Hash) { rows = append(rows, h.Row(bits)) }
	add(H(fWord).Str(w))
	add(H(fLower).Str(l))
	var buf [64]byte
	add(H(fShape).Str(string(lexicon.Shape(w, buf[:0]))))
	add(H(fShort).Str(short))
	add(H(fPre1).Str(lexicon.Prefix(w, 1)))
	add(H(fPre2).Str(lexicon.Prefix(w, 2)))
	add(H(fPre3).Str(lexicon.Prefix(w, 3)))
	add(H(fPre4).Str(lexicon.Prefix(w, 4)))
	add(H(fSuf1).Str(lexicon.Suffix(l, 1)))
	add(H(fSuf2).Str(lexicon.Suffix(l, 2)))
	add(H(fSuf3).Str(lexicon.Suffix(l, 3)))
	add(H(fSuf4).Str(lexicon.Suffix(l, 4)))
	if c := clus[0]; c >= 0 {
		add(H(fCluster4).Int(int(c)))
		add(H(fCluster6).Int(int(clus[1])))
		add(H(fCluster10).Int(int(clus[2])))
		add(H(fCluster20).Int(int(clus[1])).Str(short))
	}
	return rows
}

// prevRows appends the rows of the features a word gives the token after it.
func prevRows(rows []uint32, bits uint, lo, wd, sh string, c1 int) []uint32 {
	H := perceptron.NewHash
	return append(rows,
		H(fPrev).Str(lo).Row(bits),
		H(fPrevWord).Str(wd).Row(bits),
		H(fPrevShort).Str(sh).Row(bits),
		H(fPrevCluster).Int(c1).Row(bits))
}

// nextRows appends the rows of the features a word gives the token before it.
func nextRows(rows []uint32, bits uint, lo, wd, sh string, c1 int) []uint32 {
	H := perceptron.NewHash
	return append(rows,
		H(fNext).Str(lo).Row(bits),
		H(fNextWord).Str(wd).Row(bits),
		H(fNextShort).Str(sh).Row(bits),
		H(fNextCluster).Int(c1).Row(bits))
}

// fastSentence is featurizer.sentence for tagging: it fills f.words, f.lower, f.short and f.infos, returns
// the rows of the features that are not in the word groups (valid until the next call), and adds the group
// vectors of stage s to base (len(words)*L, zeroed by the caller).
func (f *featurizer) fastSentence(c *wordCache, in sentInput, di *docInfo) [][]uint32 {
	n := len(in.words)
	var caps bool
	f.words, caps = f.lex.Normalize(in.words, di.forms, f.words)
	f.lower = f.lower[:0]
	f.short = f.short[:0]
	f.infos = c.lookup(f.words, f.infos, &f.scratch)
	for _, wi := range f.infos {
		f.lower = append(f.lower, wi.lower)
		f.short = append(f.short, wi.short)
	}
	if cap(f.gm) < n {
		f.gm = make([][]gazetteer.Match, n)
	}
	f.gm = f.gm[:n]
	for i := range f.gm {
		f.gm[i] = f.gm[i][:0]
	}
	f.gaz.Matches(f.lower, func(i int, m gazetteer.Match) { f.gm[i] = append(f.gm[i], m) })
	di.names.Matches(f.lower, func(i int, m gazetteer.Match) {
		m.List += 8
		f.gm[i] = append(f.gm[i], m)
	})
	f.rows = f.rows[:0]
	f.start = f.start[:0]
	H := perceptron.NewHash
	for i := 0; i < n; i++ {
		f.start = append(f.start, len(f.rows))
		l := f.lower[i]
		add := func(h perceptron.Hash) { f.rows = append(f.rows, h.Row(f.bits)) }
		add(H(fBias))
		add(H(fShortTri).Str(padded(f.short, i-1)).Str(padded(f.short, i)).Str(padded(f.short, i+1)))
		add(H(fShortPrevCur).Str(padded(f.short, i-1)).Str(padded(f.short, i)))
		add(H(fShortCurNext).Str(padded(f.short, i)).Str(padded(f.short, i+1)))
		add(H(fBigramPrev).Str(padded(f.lower, i-1)).Str(l))
		add(H(fBigramNext).Str(l).Str(padded(f.lower, i+1)))
		add(H(fPrevLowerCur).Str(padded(f.lower, i-1)).Str(padded(f.short, i)))
		add(H(fCurNextLower).Str(padded(f.short, i)).Str(padded(f.lower, i+1)))
		add(H(fPOS).Str(padded(in.pos, i)))
		add(H(fPrevPOS).Str(padded(in.pos, i-1)))
		add(H(fNextPOS).Str(padded(in.pos, i+1)))
		add(H(fPrev2POS).Str(padded(in.pos, i-2)))
		add(H(fNext2POS).Str(padded(in.pos, i+2)))
		add(H(fPOSBigramPrev).Str(padded(in.pos, i-1)).Str(padded(in.pos, i)))
		add(H(fPOSBigramNext).Str(padded(in.pos, i)).Str(padded(in.pos, i+1)))
		add(H(fPOSShort).Str(padded(in.pos, i)).Str(f.short[i]))
		if i == 0 {
			add(H(fFirst).Str(f.short[i]))
		}
		if caps {
			add(H(fCaps).Str(f.short[i]))
		}
		cw := int(f.infos[i].casing)
		add(H(fLexCase).Int(int(f.infos[i].lexCase)).Int(cw).Int(b2i(i == 0)))
		dc := -1
		if form, ok := di.forms[l]; ok {
			dc = lexicon.Casing(form)
		}
		add(H(fDocCase).Int(dc).Int(cw))
		for _, m := range f.gm[i] {
			if m.List >= 8 {
				add(H(fTrainGaz).Int(int(m.List)).Int(int(m.Pos)))
				add(H(fTrainGazShape).Int(int(m.List)).Int(int(m.Pos)).Str(f.short[i]))
				continue
			}
			add(H(fGaz).Int(int(m.List)).Int(int(m.Pos)))
			add(H(fGazShape).Int(int(m.List)).Int(int(m.Pos)).Str(f.short[i]))
		}
		if i > 0 {
			for _, m := range f.gm[i-1] {
				add(H(fGazPrev).Int(int(m.List)).Int(int(m.Pos)))
			}
		}
		if i+1 < n {
			for _, m := range f.gm[i+1] {
				add(H(fGazNext).Int(int(m.List)).Int(int(m.Pos)))
			}
		}
	}
	f.start = append(f.start, len(f.rows))
	if cap(f.feats) < n {
		f.feats = make([][]uint32, n)
	}
	f.feats = f.feats[:n]
	for i := 0; i < n; i++ {
		f.feats[i] = f.rows[f.start[i]:f.start[i+1]:f.start[i+1]]
	}
	return f.feats
}

// groupScores sets score (len(infos)*L) to the sum of the word-group vectors of stage s for each token.
func (c *wordCache) groupScores(infos []*wordInfo, s int, score []int32) {
	L := c.stages[0].NumLabels()
	n := len(infos)
	off := s * nGroups * L
	bound := c.bound[off:]
	vec := func(i, g int) []int32 {
		if i < 0 || i >= n {
			return bound[g*L : (g+1)*L]
		}
		return infos[i].vec[off+g*L : off+(g+1)*L]
	}
	for i := 0; i < n; i++ {
		dst := score[i*L : (i+1)*L]
		a, b, cc, d, e := vec(i, gSelf), vec(i-1, gPrev), vec(i+1, gNext), vec(i-2, gPrev2), vec(i+2, gNext2)
		for j := range dst {
			dst[j] = a[j] + b[j] + cc[j] + d[j] + e[j]
		}
	}
}
