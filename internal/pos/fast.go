package pos

import (
	"github.com/newsgraph/newsgraph/internal/ner/lexicon"
	"github.com/newsgraph/newsgraph/internal/perceptron"
)

// Tagging reads the same features as featurizer.sentence (which training uses), but most of them depend on
// one word only: the word itself (fWord, fLower, suffixes, prefixes, fShape, fCase, clusters) or a
// neighbour (fPrev, fPrevSuf3, fPrevCluster, ...). The summed weights of those groups are kept per word
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
	lower string
	vec   []int32 // nGroups vectors of L summed weights
}

// maxCachedWords bounds the word cache (about 1 KB a word).
const maxCachedWords = 1 << 15

// wordCache maps normalised words to their wordInfo for one model; safe for concurrent use.
type wordCache struct {
	words *perceptron.Memo[*wordInfo]
	model *perceptron.Model
	lex   *lexicon.Lexicon
	// bound holds the group vectors of the sentence boundary (<s>, </s>).
	bound []int32
}

func newWordCache(m *perceptron.Model, lex *lexicon.Lexicon) *wordCache {
	c := &wordCache{model: m, lex: lex, words: perceptron.NewMemo[*wordInfo](maxCachedWords)}
	L := m.NumLabels()
	c.bound = make([]int32, nGroups*L)
	v := c.bound
	m.AddEmissions(neighbourRows(nil, fPrev, fPrevSuf3, fPrevCluster, "<s>", -2), v[gPrev*L:(gPrev+1)*L])
	m.AddEmissions(neighbourRows(nil, fNext, fNextSuf3, fNextCluster, "</s>", -2), v[gNext*L:(gNext+1)*L])
	m.AddEmissions([]uint32{perceptron.NewHash(fPrev2).Str("<s>").Row(Bits)}, v[gPrev2*L:(gPrev2+1)*L])
	m.AddEmissions([]uint32{perceptron.NewHash(fNext2).Str("</s>").Row(Bits)}, v[gNext2*L:(gNext2+1)*L])
	return c
}

// lookup sets infos (reset) to the wordInfo of each word, computing the ones the cache does not keep.
func (c *wordCache) lookup(words []string, infos []*wordInfo, scratch *[]uint32) []*wordInfo {
	return c.words.Lookup(words, infos, func(w string) *wordInfo { return c.compute(w, scratch) })
}

func (c *wordCache) compute(w string, scratch *[]uint32) *wordInfo {
	l := lexicon.Lower(w)
	e, ok := c.lex.Lookup(l)
	ent := entry{e, ok}
	c1 := -1
	if ok && e.HasClusters {
		c1 = int(e.Clusters[1])
	}
	m := c.model
	L := m.NumLabels()
	wi := &wordInfo{lower: l, vec: make([]int32, nGroups*L)}
	v := wi.vec
	rows := selfRows((*scratch)[:0], w, l, ent)
	m.AddEmissions(rows, v[gSelf*L:(gSelf+1)*L])
	rows = neighbourRows(rows[:0], fPrev, fPrevSuf3, fPrevCluster, l, c1)
	m.AddEmissions(rows, v[gPrev*L:(gPrev+1)*L])
	rows = neighbourRows(rows[:0], fNext, fNextSuf3, fNextCluster, l, c1)
	m.AddEmissions(rows, v[gNext*L:(gNext+1)*L])
	rows = append(rows[:0], perceptron.NewHash(fPrev2).Str(l).Row(Bits))
	m.AddEmissions(rows, v[gPrev2*L:(gPrev2+1)*L])
	rows = append(rows[:0], perceptron.NewHash(fNext2).Str(l).Row(Bits))
	m.AddEmissions(rows, v[gNext2*L:(gNext2+1)*L])
	*scratch = rows
	return wi
}

// selfRows appends the rows of the features of a word as the token tagged (as in featurizer.sentence).
func selfRows(rows []uint32, w, l string, e entry) []uint32 {
	H := perceptron.NewHash
	add := func(h perceptron.Hash) { rows = append(rows, h.Row(Bits)) }
	add(H(fWord).Str(w))
	add(H(fLower).Str(l))
	add(H(fSuf1).Str(lexicon.Suffix(w, 1)))
	add(H(fSuf2).Str(lexicon.Suffix(w, 2)))
	add(H(fSuf3).Str(lexicon.Suffix(w, 3)))
	add(H(fSuf4).Str(lexicon.Suffix(w, 4)))
	add(H(fPre1).Str(lexicon.Prefix(w, 1)))
	add(H(fPre2).Str(lexicon.Prefix(l, 2)))
	add(H(fPre3).Str(lexicon.Prefix(l, 3)))
	var buf [64]byte
	add(H(fShape).Str(string(lexicon.Shape(w, buf[:0]))))
	cs := lexicon.CaseNone
	if e.ok {
		cs = lexicon.Casing(e.Form) + 8
	}
	add(H(fCase).Int(cs).Int(lexicon.Casing(w)))
	if e.ok && e.HasClusters && e.Clusters[0] >= 0 {
		add(H(fCluster4).Int(int(e.Clusters[0])))
		add(H(fCluster8).Int(int(e.Clusters[1])))
		add(H(fCluster12).Int(int(e.Clusters[2])))
	}
	return rows
}

// neighbourRows appends the rows of the features a word (its lower case l and cluster c1) gives the token
// next to it, by the templates of that side.
func neighbourRows(rows []uint32, word, suf3, cluster tmpl, l string, c1 int) []uint32 {
	H := perceptron.NewHash
	return append(rows,
		H(word).Str(l).Row(Bits),
		H(suf3).Str(lexicon.Suffix(l, 3)).Row(Bits),
		H(cluster).Int(c1).Row(Bits))
}

// fastSentence is featurizer.sentence for tagging: it fills f.infos and returns the rows of the features
// that are not in the word groups (valid until the next call).
func (f *featurizer) fastSentence(c *wordCache, words []string, docForms map[string]string) [][]uint32 {
	var caps bool
	f.words, caps = f.lex.Normalize(words, docForms, f.words)
	n := len(words)
	f.infos = c.lookup(f.words, f.infos, &f.scratch)
	at := func(i int) string {
		switch {
		case i < 0:
			return "<s>"
		case i >= n:
			return "</s>"
		}
		return f.infos[i].lower
	}
	f.rows = f.rows[:0]
	if cap(f.feats) < n {
		f.feats = make([][]uint32, n)
	}
	f.feats = f.feats[:n]
	if cap(f.starts) < n+1 {
		f.starts = make([]int, n+1)
	}
	starts := f.starts[:n+1]
	H := perceptron.NewHash
	for i := 0; i < n; i++ {
		starts[i] = len(f.rows)
		l := f.infos[i].lower
		add := func(h perceptron.Hash) { f.rows = append(f.rows, h.Row(Bits)) }
		add(H(fBias))
		add(H(fBigramPrev).Str(at(i - 1)).Str(l))
		add(H(fBigramNext).Str(l).Str(at(i + 1)))
		if caps {
			add(H(fCaps))
		}
		if i == 0 {
			add(H(fFirst).Int(lexicon.Casing(f.words[i])))
		}
	}
	starts[n] = len(f.rows)
	for i := 0; i < n; i++ {
		f.feats[i] = f.rows[starts[i]:starts[i+1]:starts[i+1]]
	}
	return f.feats
}

// groupScores sets score (len(infos)*L) to the sum of the word-group vectors of each token.
func (c *wordCache) groupScores(infos []*wordInfo, score []int32) {
	L := c.model.NumLabels()
	n := len(infos)
	vec := func(i, g int) []int32 {
		if i < 0 || i >= n {
			return c.bound[g*L : (g+1)*L]
		}
		return infos[i].vec[g*L : (g+1)*L]
	}
	for i := 0; i < n; i++ {
		dst := score[i*L : (i+1)*L]
		a, b, cc, d, e := vec(i, gSelf), vec(i-1, gPrev), vec(i+1, gNext), vec(i-2, gPrev2), vec(i+2, gNext2)
		for j := range dst {
			dst[j] = a[j] + b[j] + cc[j] + d[j] + e[j]
		}
	}
}
