package lexicon

import (
	"bytes"
	_ "embed"
	"sync"
)

//go:embed lexicon.tsv.gz
var embedded []byte

var (
	defOnce sync.Once
	def     *Lexicon
	defErr  error
)

// Default returns the embedded lexicon, reading it on first use. An empty embedded file gives an empty
// lexicon (taggers still work, with fewer features).
func Default() (*Lexicon, error) {
	defOnce.Do(func() {
		if len(embedded) == 0 {
			def = New(nil)
			return
		}
		def, defErr = Read(bytes.NewReader(embedded))
	})
	return def, defErr
}

// Normalize returns the words of a sentence as the taggers should see them: unchanged, unless the sentence
// is shouted (AllCaps), in which case each all-caps word becomes its usual spelling — first the one seen in
// the same document (docForms, lower → form, may be nil), else the lexicon's — so that "BIG PROGRESS ON
// RUSSIA" reads as "big progress on Russia". It reports whether the sentence was shouted.
func (l *Lexicon) Normalize(words []string, docForms map[string]string, out []string) ([]string, bool) {
	out = append(out[:0], words...)
	if !AllCaps(words) {
		return out, false
	}
	for i, w := range words {
		if Casing(w) != CaseUpper {
			continue
		}
		lw := Lower(w)
		if f, ok := docForms[lw]; ok {
			out[i] = f
		} else if e, ok := l.Lookup(lw); ok {
			out[i] = e.Form
		}
	}
	return out, true
}
