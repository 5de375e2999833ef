package ner

import (
	"github.com/newsgraph/newsgraph/internal/ner/gazetteer"
	"github.com/newsgraph/newsgraph/internal/ner/lexicon"
	"github.com/newsgraph/newsgraph/internal/perceptron"
)

// DefaultBits is log2 of the number of feature rows of a new NER model.
const DefaultBits = 20

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
	fGaz
	fGazShape
	fGazPrev
	fGazNext
	fNonLocalShape
	fNonLocalShare
	fNonLocalNext
	fTrainGaz
	fTrainGazShape
)

// sentInput is one sentence as the featurizer sees it.
type sentInput struct {
	words []string // as written (Norm form)
	pos   []string
}

// featurizer holds per-goroutine scratch.
type featurizer struct {
	bits  uint // log2 of the model's rows
	lex   *lexicon.Lexicon
	gaz   *gazetteer.Gazetteer
	gm    [][]gazetteer.Match // per token
	words []string
	lower []string
	short []string
	clus  [][len(lexicon.Grains)]int32
	hs    []*hint
	// lexCase is the casing class of each word's usual spelling, -1 when unknown.
	lexCase []int8
	buf     []byte
	infos   []*wordInfo // tagging only (fastSentence)
	scratch []uint32
	rows    []uint32
	feats   [][]uint32
	start   []int
}

// docInfo is what the featurizer knows about the whole document.
type docInfo struct {
	forms map[string]string // lower → mid-sentence spelling in the document
	// hints, when set, is the first-stage label distribution of each capitalised word (non-local features).
	hints map[string]*hint
	// names are the names of the training data (lists = Types), for the training-gazetteer features.
	names *gazetteer.Gazetteer
}

// sentence computes the feature rows of each token (valid until the next call); when di.hints is set it
// adds the non-local features.
// Tagging computes the same features by fastSentence and the word cache (fast.go): change both together.
func (f *featurizer) sentence(in sentInput, di *docInfo) [][]uint32 {
	n := len(in.words)
	var caps bool
	f.words, caps = f.lex.Normalize(in.words, di.forms, f.words)
	f.lower = f.lower[:0]
	f.short = f.short[:0]
	f.clus = f.clus[:0]
	f.lexCase = f.lexCase[:0]
	for _, w := range f.words {
		l := lexicon.Lower(w)
		f.lower = append(f.lower, l)
		f.buf = lexicon.ShortShape(w, f.buf)
		f.short = append(f.short, string(f.buf))
		c := [len(lexicon.Grains)]int32{-1, -1, -1}
		lc := int8(-1)
		if e, ok := f.lex.Lookup(l); ok {
			lc = int8(lexicon.Casing(e.Form))
			if e.HasClusters {
				c = e.Clusters
			}
		}
		f.clus = append(f.clus, c)
		f.lexCase = append(f.lexCase, lc)
	}
	if cap(f.gm) < n {
		f.gm = make([][]gazetteer.Match, n)
	}
	f.gm = f.gm[:n]
	for i := range f.gm {
		f.gm[i] = f.gm[i][:0]
	}
	f.gaz.Matches(f.lower, func(i int, m gazetteer.Match) { f.gm[i] = append(f.gm[i], m) })
	// Training-data names are lists 8+ so that they do not share features with the embedded lists.
	di.names.Matches(f.lower, func(i int, m gazetteer.Match) {
		m.List += 8
		f.gm[i] = append(f.gm[i], m)
	})
	cl := func(i, g int) int {
		if i < 0 || i >= n {
			return -2
		}
		return int(f.clus[i][g])
	}
	f.rows = f.rows[:0]
	f.start = f.start[:0]
	H := perceptron.NewHash
	for i := 0; i < n; i++ {
		f.start = append(f.start, len(f.rows))
		w, l := f.words[i], f.lower[i]
		add := func(h perceptron.Hash) { f.rows = append(f.rows, h.Row(f.bits)) }
		add(H(fBias))
		add(H(fWord).Str(w))
		add(H(fLower).Str(l))
		f.buf = lexicon.Shape(w, f.buf)
		add(H(fShape).Str(string(f.buf)))
		add(H(fShort).Str(f.short[i]))
		add(H(fPre1).Str(lexicon.Prefix(w, 1)))
		add(H(fPre2).Str(lexicon.Prefix(w, 2)))
		add(H(fPre3).Str(lexicon.Prefix(w, 3)))
		add(H(fPre4).Str(lexicon.Prefix(w, 4)))
		add(H(fSuf1).Str(lexicon.Suffix(l, 1)))
		add(H(fSuf2).Str(lexicon.Suffix(l, 2)))
		add(H(fSuf3).Str(lexicon.Suffix(l, 3)))
		add(H(fSuf4).Str(lexicon.Suffix(l, 4)))
		add(H(fPrev).Str(padded(f.lower, i-1)))
		add(H(fNext).Str(padded(f.lower, i+1)))
		add(H(fPrev2).Str(padded(f.lower, i-2)))
		add(H(fNext2).Str(padded(f.lower, i+2)))
		add(H(fPrevWord).Str(padded(f.words, i-1)))
		add(H(fNextWord).Str(padded(f.words, i+1)))
		add(H(fPrevShort).Str(padded(f.short, i-1)))
		add(H(fNextShort).Str(padded(f.short, i+1)))
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
		add(H(fLexCase).Int(int(f.lexCase[i])).Int(lexicon.Casing(w)).Int(b2i(i == 0)))
		dc := -1
		if form, ok := di.forms[l]; ok {
			dc = lexicon.Casing(form)
		}
		add(H(fDocCase).Int(dc).Int(lexicon.Casing(w)))
		if c := cl(i, 0); c >= 0 {
			add(H(fCluster4).Int(c))
			add(H(fCluster6).Int(cl(i, 1)))
			add(H(fCluster10).Int(cl(i, 2)))
			add(H(fCluster20).Int(cl(i, 1)).Str(f.short[i]))
		}
		add(H(fPrevCluster).Int(cl(i-1, 1)))
		add(H(fNextCluster).Int(cl(i+1, 1)))
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
		if di.hints != nil {
			if i == 0 {
				f.hs = di.hintsFor(f.words, f.lower, f.hs)
			}
			f.rows = appendNonLocal(f.rows, f.bits, f.hs, f.short, i)
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

// appendNonLocal appends the second-stage features of token i, given the hints of the sentence's tokens
// (hintsFor) and their short shapes.
func appendNonLocal(rows []uint32, bits uint, hs []*hint, short []string, i int) []uint32 {
	H := perceptron.NewHash
	add := func(h perceptron.Hash) { rows = append(rows, h.Row(bits)) }
	if h := hs[i]; h != nil {
		maj := h.majority()
		add(H(fNonLocal).Int(maj))
		add(H(fNonLocalFirst).Int(h.first))
		add(H(fNonLocalShape).Int(maj).Str(short[i]))
		total := 0
		for _, c := range h.count {
			total += c
		}
		for k, c := range h.count {
			if c > 0 {
				add(H(fNonLocalShare).Int(k).Int(4 * c / total))
			}
		}
	}
	if i > 0 {
		if h := hs[i-1]; h != nil {
			add(H(fNonLocalPrev).Int(h.majority()))
		}
	}
	if i+1 < len(hs) {
		if h := hs[i+1]; h != nil {
			add(H(fNonLocalNext).Int(h.majority()))
		}
	}
	return rows
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

// hintKey is the key of a word for non-local features: only capitalised words (where names are) get hints,
// keyed in lower case so that a shouted headline and the body share them.
func hintKey(w string) string {
	switch lexicon.Casing(w) {
	case lexicon.CaseTitle, lexicon.CaseUpper, lexicon.CaseMixed:
		return lexicon.Lower(w)
	}
	return ""
}

// hintsFor returns the first-stage evidence about each word of a sentence (words as normalised, and
// their lower case), nil where there is none: only capitalised words get hints (see hintKey).
func (di *docInfo) hintsFor(words, lower []string, out []*hint) []*hint {
	out = out[:0]
	for j, w := range words {
		var h *hint
		switch lexicon.Casing(w) {
		case lexicon.CaseTitle, lexicon.CaseUpper, lexicon.CaseMixed:
			h = di.hints[lower[j]]
		}
		out = append(out, h)
	}
	return out
}

// padded returns s[i], or the sentence boundary "<s>" before s and "</s>" after it.
func padded(s []string, i int) string {
	switch {
	case i < 0:
		return "<s>"
	case i >= len(s):
		return "</s>"
	}
	return s[i]
}
