package quote

import (
	"strings"
	"unicode"
)

// region is a direct quotation found between quotation marks: the tokens of its opening and closing marks
// (close is the index of the first token after the content when the quote is never closed) and the byte
// span of the words inside.
type region struct {
	open, close int
	s, e        int
	closed      bool
	// paraOpen and paraClose are the paragraphs of the opening and the closing mark.
	paraOpen, paraClose int
	words               int
	attributed          bool
	consumed            bool // part of a mixed or indirect quote
}

// maxSingleTokens bounds a quotation in single marks: apostrophes make longer ones unreliable.
const maxSingleTokens = 60

// resolveDir decides whether the mark token t opens or closes, from the characters around it.
func resolveDir(text string, t tok) markDir {
	p, n := prevRune(text, t.s), nextRune(text, t.e)
	openish := unicode.IsSpace(p) || p == '(' || p == '[' || p == '—' || p == '–' || p == '-' || p == '/' || isMarkRune(p) || t.s == 0
	openish = openish && !unicode.IsSpace(n) && n != ',' && n != '.' && n != ';' && n != ')'
	closeish := !unicode.IsSpace(p) && (unicode.IsSpace(n) || unicode.IsPunct(n) || isMarkRune(n) || t.e >= len(text))
	switch {
	case openish && !closeish:
		return mOpen
	case closeish && !openish:
		return mClose
	}
	return mEither
}

func isMarkRune(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '‘', '’', '\'', '‹', '›':
		return true
	}
	return false
}

// pairMarks finds the quotations of the text. paras holds the first token of each paragraph (plus a final
// len(toks)). Double marks pair within a paragraph; a paragraph that leaves a double quotation open continues
// it when the next paragraph opens with a double mark (the news convention for multi-paragraph quotes),
// and otherwise the quotation ends with its paragraph. Single marks count only outside double ones, within
// maxSingleTokens. Runs in one pass over the tokens.
func pairMarks(text string, toks []tok, paras []int) []region {
	var out []region
	dOpen := -1 // index in out of the open double region
	for p := 0; p+1 < len(paras); p++ {
		a, b := paras[p], paras[p+1]
		sOpen := -1 // token of an open single mark
		for i := a; i < b; i++ {
			t := toks[i]
			if t.kind != tMark {
				continue
			}
			dir := t.dir
			if dir == mEither || dir == mClose || (dir == mOpen && !t.double) {
				if r := resolveDir(text, t); r != mEither || dir == mEither {
					if !(dir == mClose && r == mOpen && dOpen >= 0) {
						dir = r
					}
				}
			}
			if t.double {
				if dOpen >= 0 {
					r := &out[dOpen]
					if i == a && r.paraClose == p-1 && !r.closed && dir != mClose {
						// continuation mark at the start of the next paragraph
						r.paraClose = p
						continue
					}
					if dir == mOpen && strings.HasPrefix(text[t.s:], "“") && strings.HasPrefix(text[toks[r.open].s:], "„") {
						dir = mClose // „...“
					}
					if dir == mOpen {
						// an opening mark while a quotation is open: the earlier mark was never closed
						out = out[:dOpen]
						dOpen = -1
					} else {
						r.close, r.e, r.closed = i, t.s, true
						dOpen = -1
						continue
					}
				}
				if dir == mClose {
					continue // stray closing mark
				}
				sOpen = -1
				out = append(out, region{open: i, s: t.e, paraOpen: p, paraClose: p})
				dOpen = len(out) - 1
				continue
			}
			// single marks, outside double quotations only
			if dOpen >= 0 {
				continue
			}
			switch {
			case sOpen >= 0 && (dir == mClose || dir == mEither) && i-sOpen <= maxSingleTokens:
				out = append(out, region{open: sOpen, close: i, s: toks[sOpen].e, e: t.s, closed: true, paraOpen: p, paraClose: p})
				sOpen = -1
			case dir == mOpen:
				sOpen = i
			}
		}
		if dOpen >= 0 && out[dOpen].paraClose == p {
			// left open at the end of the paragraph: continue only if the next paragraph opens with a double mark
			if b < len(toks) && toks[b].kind == tMark && toks[b].double && resolveDir(text, toks[b]) != mClose {
				continue
			}
			r := &out[dOpen]
			r.close, r.e = b, toks[b-1].e
			dOpen = -1
		}
	}
	for k := range out {
		r := &out[k]
		for r.e > r.s && unicode.IsSpace(rune(text[r.e-1])) {
			r.e--
		}
		for r.s < r.e && unicode.IsSpace(rune(text[r.s])) {
			r.s++
		}
		for i := r.open + 1; i < r.close && i < len(toks); i++ {
			if toks[i].kind == tWord {
				r.words++
			}
		}
	}
	return out
}
