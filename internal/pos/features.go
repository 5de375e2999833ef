package pos

import (
	"github.com/newsgraph/newsgraph/internal/ner/lexicon"
	"github.com/newsgraph/newsgraph/internal/perceptron"
)

// Bits is log2 of the number of feature rows of the POS model.
const Bits = 18

// featurizer turns sentences into feature rows. It holds scratch and is owned by one goroutine.
type featurizer struct {
	lex    *lexicon.Lexicon
	words  []string
	lower  []string
	shape  []byte
	rows   []uint32
	feats  [][]uint32
	ents   []entry // lexicon entry of each word
	starts []int
	// tagging only (fastSentence)
	infos   []*wordInfo
	scratch []uint32
}

type entry struct {
	lexicon.Entry
	ok bool
}

type tmpl = byte

const (
	fBias tmpl = iota
	fWord
	fLower
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fPre1
	fPre2
	fPre3
	fShape
	fPrev
	fNext
	fPrev2
	fNext2
	fPrevSuf3
	fNextSuf3
	fPrevWord
	fCase
	fCaps
	fFirst
	fCluster4
	fCluster8
	fCluster12
	fClusterUnused
	fPrevCluster
	fNextCluster
	fBigramPrev
	fBigramNext
)

// sentence returns the feature rows of each word of a sentence (valid until the next call).
// Tagging computes the same features by fastSentence and the word cache (fast.go): change both together.
func (f *featurizer) sentence(words []string, docForms map[string]string) [][]uint32 {
	var caps bool
	f.words, caps = f.lex.Normalize(words, docForms, f.words)
	n := len(words)
	f.lower = f.lower[:0]
	for _, w := range f.words {
		f.lower = append(f.lower, lexicon.Lower(w))
	}
	f.rows = f.rows[:0]
	if cap(f.feats) < n {
		f.feats = make([][]uint32, n)
	}
	f.feats = f.feats[:n]
	at := func(i int) string {
		switch {
		case i < 0:
			return "<s>"
		case i >= n:
			return "</s>"
		}
		return f.lower[i]
	}
	cl := func(i, g int) int {
		if i < 0 || i >= n {
			return -2
		}
		if e := f.ents[i]; e.ok && e.HasClusters {
			return int(e.Clusters[g])
		}
		return -1
	}
	f.ents = f.ents[:0]
	for _, l := range f.lower {
		e, ok := f.lex.Lookup(l)
		f.ents = append(f.ents, entry{e, ok})
	}
	if cap(f.starts) < n+1 {
		f.starts = make([]int, n+1)
	}
	starts := f.starts[:n+1]
	for i := 0; i < n; i++ {
		starts[i] = len(f.rows)
		w, l := f.words[i], f.lower[i]
		add := func(h perceptron.Hash) { f.rows = append(f.rows, h.Row(Bits)) }
		H := perceptron.NewHash
		add(H(fBias))
		add(H(fWord).Str(w))
		add(H(fLower).Str(l))
		add(H(fSuf1).Str(lexicon.Suffix(w, 1)))
		add(H(fSuf2).Str(lexicon.Suffix(w, 2)))
		add(H(fSuf3).Str(lexicon.Suffix(w, 3)))
		add(H(fSuf4).Str(lexicon.Suffix(w, 4)))
		add(H(fPre1).Str(lexicon.Prefix(w, 1)))
		add(H(fPre2).Str(lexicon.Prefix(l, 2)))
		add(H(fPre3).Str(lexicon.Prefix(l, 3)))
		f.shape = lexicon.Shape(w, f.shape)
		add(H(fShape).Str(string(f.shape)))
		add(H(fPrev).Str(at(i - 1)))
		add(H(fNext).Str(at(i + 1)))
		add(H(fPrev2).Str(at(i - 2)))
		add(H(fNext2).Str(at(i + 2)))
		add(H(fPrevSuf3).Str(lexicon.Suffix(at(i-1), 3)))
		add(H(fNextSuf3).Str(lexicon.Suffix(at(i+1), 3)))
		add(H(fBigramPrev).Str(at(i - 1)).Str(l))
		add(H(fBigramNext).Str(l).Str(at(i + 1)))
		cs := lexicon.CaseNone
		if e := f.ents[i]; e.ok {
			cs = lexicon.Casing(e.Form) + 8
		}
		add(H(fCase).Int(cs).Int(lexicon.Casing(w)))
		if caps {
			add(H(fCaps))
		}
		if i == 0 {
			add(H(fFirst).Int(lexicon.Casing(w)))
		}
		if c := cl(i, 0); c >= 0 {
			add(H(fCluster4).Int(c))
			add(H(fCluster8).Int(cl(i, 1)))
			add(H(fCluster12).Int(cl(i, 2)))
		}
		add(H(fPrevCluster).Int(cl(i-1, 1)))
		add(H(fNextCluster).Int(cl(i+1, 1)))
	}
	starts[n] = len(f.rows)
	for i := 0; i < n; i++ {
		f.feats[i] = f.rows[starts[i]:starts[i+1]:starts[i+1]]
	}
	return f.feats
}
