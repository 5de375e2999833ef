package ner

import (
	"github.com/newsgraph/newsgraph/internal/ner/lexicon"
	"github.com/newsgraph/newsgraph/internal/perceptron"
)

// Bits is log2 of the number of feature rows of the NER model.
const Bits = 20

// Feature templates. The numbering is part of the model: append, never reorder.
const (
	fBias byte = iota
	fWord
	fLower
	fShape
	fShort
	fPre1
	fPre2
	fPre3
	fPre4
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fPrev
	fNext
	fPrev2
	fNext2
	fPrevWord
	fNextWord
	fPrevShort
	fNextShort
	fShortTri
	fShortPrevCur
	fShortCurNext
	fBigramPrev
	fBigramNext
	fPOS
	fPrevPOS
	fNextPOS
	fPrev2POS
	fNext2POS
	fPOSBigramPrev
	fPOSBigramNext
	fPOSShort
	fFirst
	fCaps
	fLexCase
	fDocCase
	fCluster4
	fCluster6
	fCluster10
	fCluster20
	fPrevCluster
	fNextCluster
	fPrevLowerCur
	fCurNextLower
	fNonLocal
	fNonLocalFirst
	fNonLocalPrev
)

// sentInput is one sentence as the featurizer sees it.
type sentInput struct {
	words []string // as written (Norm form)
	pos   []string
}

// featurizer holds per-goroutine scratch.
type featurizer struct {
	lex   *lexicon.Lexicon
	words []string
	lower []string
	short []string
	clus  []string
	buf   []byte
	rows  []uint32
	feats [][]uint32
	start []int
}

func suffix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

// docInfo is what the featurizer knows about the whole document.
type docInfo struct {
	forms map[string]string // lower → mid-sentence spelling in the document
	// hints, when set, is the first-stage label distribution of each capitalised word (non-local features).
	hints map[string]*hint
}

// sentence computes the feature rows of each token (valid until the next call); when di.hints is set it
// adds the non-local features.
func (f *featurizer) sentence(in sentInput, di *docInfo) [][]uint32 {
	n := len(in.words)
	var caps bool
	f.words, caps = f.lex.Normalize(in.words, di.forms, f.words)
	f.lower = f.lower[:0]
	f.short = f.short[:0]
	f.clus = f.clus[:0]
	for _, w := range f.words {
		l := lexicon.Lower(w)
		f.lower = append(f.lower, l)
		f.buf = lexicon.ShortShape(w, f.buf)
		f.short = append(f.short, string(f.buf))
		c := ""
		if e, ok := f.lex.Lookup(l); ok {
			c = e.Cluster
		}
		f.clus = append(f.clus, c)
	}
	lo := func(i int) string {
		switch {
		case i < 0:
			return "<s>"
		case i >= n:
			return "</s>"
		}
		return f.lower[i]
	}
	wd := func(i int) string {
		switch {
		case i < 0:
			return "<s>"
		case i >= n:
			return "</s>"
		}
		return f.words[i]
	}
	sh := func(i int) string {
		switch {
		case i < 0:
			return "<s>"
		case i >= n:
			return "</s>"
		}
		return f.short[i]
	}
	ps := func(i int) string {
		switch {
		case i < 0:
			return "<s>"
		case i >= n:
			return "</s>"
		}
		return in.pos[i]
	}
	cl := func(i int) string {
		if i < 0 || i >= n {
			return "<b>"
		}
		return f.clus[i]
	}
	f.rows = f.rows[:0]
	f.start = f.start[:0]
	H := perceptron.NewHash
	for i := 0; i < n; i++ {
		f.start = append(f.start, len(f.rows))
		w, l := f.words[i], f.lower[i]
		add := func(h perceptron.Hash) { f.rows = append(f.rows, h.Row(Bits)) }
		add(H(fBias))
		add(H(fWord).Str(w))
		add(H(fLower).Str(l))
		f.buf = lexicon.Shape(w, f.buf)
		add(H(fShape).Str(string(f.buf)))
		add(H(fShort).Str(f.short[i]))
		add(H(fPre1).Str(prefix(w, 1)))
		add(H(fPre2).Str(prefix(w, 2)))
		add(H(fPre3).Str(prefix(w, 3)))
		add(H(fPre4).Str(prefix(w, 4)))
		add(H(fSuf1).Str(suffix(l, 1)))
		add(H(fSuf2).Str(suffix(l, 2)))
		add(H(fSuf3).Str(suffix(l, 3)))
		add(H(fSuf4).Str(suffix(l, 4)))
		add(H(fPrev).Str(lo(i - 1)))
		add(H(fNext).Str(lo(i + 1)))
		add(H(fPrev2).Str(lo(i - 2)))
		add(H(fNext2).Str(lo(i + 2)))
		add(H(fPrevWord).Str(wd(i - 1)))
		add(H(fNextWord).Str(wd(i + 1)))
		add(H(fPrevShort).Str(sh(i - 1)))
		add(H(fNextShort).Str(sh(i + 1)))
		add(H(fShortTri).Str(sh(i - 1)).Str(sh(i)).Str(sh(i + 1)))
		add(H(fShortPrevCur).Str(sh(i - 1)).Str(sh(i)))
		add(H(fShortCurNext).Str(sh(i)).Str(sh(i + 1)))
		add(H(fBigramPrev).Str(lo(i - 1)).Str(l))
		add(H(fBigramNext).Str(l).Str(lo(i + 1)))
		add(H(fPrevLowerCur).Str(lo(i - 1)).Str(sh(i)))
		add(H(fCurNextLower).Str(sh(i)).Str(lo(i + 1)))
		add(H(fPOS).Str(ps(i)))
		add(H(fPrevPOS).Str(ps(i - 1)))
		add(H(fNextPOS).Str(ps(i + 1)))
		add(H(fPrev2POS).Str(ps(i - 2)))
		add(H(fNext2POS).Str(ps(i + 2)))
		add(H(fPOSBigramPrev).Str(ps(i - 1)).Str(ps(i)))
		add(H(fPOSBigramNext).Str(ps(i)).Str(ps(i + 1)))
		add(H(fPOSShort).Str(ps(i)).Str(f.short[i]))
		if i == 0 {
			add(H(fFirst).Str(f.short[i]))
		}
		if caps {
			add(H(fCaps).Str(f.short[i]))
		}
		lc := -1
		if e, ok := f.lex.Lookup(l); ok {
			lc = lexicon.Casing(e.Form)
		}
		add(H(fLexCase).Int(lc).Int(lexicon.Casing(w)).Int(b2i(i == 0)))
		dc := -1
		if form, ok := di.forms[l]; ok {
			dc = lexicon.Casing(form)
		}
		add(H(fDocCase).Int(dc).Int(lexicon.Casing(w)))
		if c := f.clus[i]; c != "" {
			add(H(fCluster4).Str(prefix(c, 4)))
			add(H(fCluster6).Str(prefix(c, 6)))
			add(H(fCluster10).Str(prefix(c, 10)))
			add(H(fCluster20).Str(prefix(c, 20)))
		}
		add(H(fPrevCluster).Str(prefix(cl(i-1), 8)))
		add(H(fNextCluster).Str(prefix(cl(i+1), 8)))
		if di.hints != nil {
			if h := di.hints[hintKey(w)]; h != nil && hintKey(w) != "" {
				add(H(fNonLocal).Int(h.majority()))
				add(H(fNonLocalFirst).Int(h.first))
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

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// hint is the first-stage evidence about one word across a document: how often each entity type was
// predicted for it, and the type of its first tagged occurrence (Krishnan and Manning 2006; Ratinov and
// Roth 2009 "label majority" non-local features).
type hint struct {
	count [5]int // 0 = O, 1.. = Types
	first int
}

func (h *hint) majority() int {
	best, arg := 0, 0
	for i, c := range h.count {
		if c > best {
			best, arg = c, i
		}
	}
	return arg
}

// hintKey is the key of a word for non-local features: only capitalised words (where names are) get hints.
func hintKey(w string) string {
	switch lexicon.Casing(w) {
	case lexicon.CaseTitle, lexicon.CaseUpper, lexicon.CaseMixed:
		return w
	}
	return ""
}
