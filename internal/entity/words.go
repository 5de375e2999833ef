package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// word is one word or punctuation mark of the text, as the entity stage sees it. The stage scans the text
// itself rather than reading doc.Tokens, so that possessives ("Trump" + "'s"), abbreviations ("U.S.", "Mr.")
// and initials ("W.") come out the same whatever tokenizer ran before; sentences come from doc.Sents.
type word struct {
	start, end int
	text       string
	lower      string
	sent       int
	cap        bool // starts with an upper-case letter
	alpha      bool // starts with a letter or digit
}

// abbrevs are words that take a final dot as part of the word.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "sr": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "lt": true, "col": true, "capt": true, "sgt": true, "prof": true, "rev": true,
	"maj": true, "cpl": true, "adm": true, "pres": true, "mt": true, "ft": true, "co": true, "inc": true, "corp": true,
	"ltd": true,
}

// scan splits text into words and single punctuation marks. A word also ends at every offset in breaks (the
// edges of tagged names), so that a name inside an unspaced script ("習近平と東京") is a word of its own.
func scan(text string, breaks map[int]bool) []word {
	var ws []word
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		start := i
		if isApos(r) && i+n < len(text) {
			// possessive 's as its own word
			r2, n2 := utf8.DecodeRuneInString(text[i+n:])
			if (r2 == 's' || r2 == 'S') && !wordRune(runeAt(text, i+n+n2)) {
				ws = append(ws, mkWord(text, start, i+n+n2))
				i += n + n2
				continue
			}
		}
		if !wordRune(r) {
			ws = append(ws, mkWord(text, start, i+n))
			i += n
			continue
		}
		j := i + n
		letters := 1 // letters since the last dot, for U.S.-style abbreviations
		dotted := false
		for j < len(text) && !breaks[j] {
			r, n := utf8.DecodeRuneInString(text[j:])
			switch {
			case wordRune(r):
				letters++
				j += n
				continue
			case r == '-' && wordRune(runeAt(text, j+n)):
				letters = 0
				j += n
				continue
			case isApos(r) && wordRune(runeAt(text, j+n)):
				// O'Brien, don't — but not the possessive 's
				r2, n2 := utf8.DecodeRuneInString(text[j+n:])
				if (r2 == 's' || r2 == 'S') && !wordRune(runeAt(text, j+n+n2)) {
					break
				}
				j += n
				continue
			case r == '.':
				w := strings.ToLower(text[start:j])
				if letters == 1 || dotted || abbrevs[w] {
					// U.S., W., Mr.
					dotted = letters == 1 || dotted
					j++
					letters = 0
					if dotted && unicode.IsLetter(runeAt(text, j)) && !wordRune(runeAt(text, j+1)) || dotted && unicode.IsLetter(runeAt(text, j)) && runeAt(text, j+1) == '.' {
						continue
					}
				}
			}
			break
		}
		ws = append(ws, mkWord(text, start, j))
		i = j
	}
	return ws
}

func mkWord(text string, s, e int) word {
	t := text[s:e]
	r, _ := utf8.DecodeRuneInString(t)
	return word{start: s, end: e, text: t, lower: strings.ToLower(t), cap: unicode.IsUpper(r), alpha: wordRune(r)}
}

func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApos(r rune) bool { return r == '\'' || r == '’' }

func runeAt(s string, i int) rune {
	if i >= len(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// assignSentences sets word.sent from d.Sents, or from a simple splitter when the text stage left none: a
// sentence ends at a line break, or at ".", "!" or "?" before a capital or punctuation.
func assignSentences(d *doc.Document, ws []word) int {
	if len(d.Sents) > 0 {
		s := 0
		for i := range ws {
			for s+1 < len(d.Sents) && ws[i].start >= d.Sents[s].End {
				s++
			}
			ws[i].sent = s
		}
		return len(d.Sents)
	}
	s := 0
	for i := range ws {
		ws[i].sent = s
		w := ws[i]
		end := w.text == "." || w.text == "!" || w.text == "?"
		if i+1 < len(ws) {
			next := ws[i+1]
			gap := d.Text[w.end:next.start]
			if strings.Contains(gap, "\n") || end && (next.cap || !next.alpha) && next.text != "," {
				s++
			}
		}
	}
	return s + 1
}
