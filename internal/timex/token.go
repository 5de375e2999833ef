package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tok is one token of the text as the grammar sees it.
type tok struct {
	start, end int    // byte span in the text
	text       string // as written
	low        string // lower case, with a trailing abbreviation period removed ("aug." -> "aug")
	kind       tokKind
	space      bool   // whitespace precedes the token
	para       bool   // a blank line precedes the token
	cls        uint32 // the lexical classes of the token (classBits), set by classify
	wid        int32  // the vocabulary id of low (see vocab), -1 when no pattern names it; set by classify
}

type tokKind uint8

const (
	tWord tokKind = iota
	tNum          // digits, possibly with inner ',' or '.' ("1,000", "3.5") or an ordinal suffix ("18th")
	tPunct
)

// midAbbrevs are capitalized abbreviations (states, company forms, Jr.) whose period belongs to the
// token when the sentence goes on after it ("in Birmingham, Ala., killed", "Roe vs. Wade", "Acme Inc.
// said"); before a capitalized word or at the end of the text the period also ends the sentence.
var midAbbrevs = map[string]bool{
	"jr": true, "sr": true, "inc": true, "corp": true, "co": true,
	"ltd": true, "bros": true, "ala": true, "ariz": true, "ark": true, "calif": true, "colo": true,
	"conn": true, "del": true, "fla": true, "ga": true, "ill": true, "ind": true, "kan": true, "ky": true,
	"la": true, "md": true, "mass": true, "mich": true, "minn": true, "miss": true, "mo": true,
	"mont": true, "neb": true, "nev": true, "okla": true, "ore": true, "pa": true, "tenn": true,
	"tex": true, "va": true, "vt": true, "wash": true, "wis": true, "wyo": true,
}

// abbrevContinues reports whether the text after an abbreviation's period at i goes on with the same
// sentence: a comma, a closing parenthesis or a lower-case word.
func abbrevContinues(text string, i int) bool {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return i < len(text) && (text[i] == ',' || text[i] == ')' || text[i] == ';' || text[i] >= 'a' && text[i] <= 'z')
}

// abbrevs are the words whose following period belongs to the token.
var abbrevs = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "mon": true, "tue": true, "tues": true, "wed": true,
	"thu": true, "thur": true, "thurs": true, "fri": true, "sat": true, "sun": true, "a.m": true, "p.m": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "no": false, "vs": true, "gen": true,
	"sen": true, "rep": true, "gov": true, "lt": true, "col": true, "sgt": true, "capt": true, "prof": true,
}

// tokenize splits text into tokens. A hyphen joining two words or a number and a word without spaces
// ("third-quarter", "mid-August", "8-month") is dropped, so that the grammar sees "third quarter"; the
// hyphen between two numbers ("2025-08-18") is kept. Everything runs in one pass, linear in the text.
func tokenize(text string) []tok {
	var toks []tok
	i, n := 0, len(text)
	space, newlines := true, 0
	for i < n {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			space = true
			if r == '\n' {
				newlines++
			}
			i += size
			continue
		case isLetter(r):
			j := i
			for j < n {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if isLetter(r2) {
					j += s2
					continue
				}
				// a.m., p.m., U.S.: single letters joined by periods
				if r2 == '.' && j+2 <= n && j+1 < n && isLetter(rune(text[j+1])) && j-i == 1 && (j+2 == n || !isLetter(rune(text[j+2]))) {
					j += 2
					continue
				}
				break
			}
			t := tok{start: i, end: j, text: text[i:j], kind: tWord, space: space}
			t.low = strings.ToLower(t.text)
			if j < n && text[j] == '.' && (abbrevs[t.low] || midAbbrevs[t.low] && t.text[0] >= 'A' && t.text[0] <= 'Z' && abbrevContinues(text, j+1)) {
				t.end = j + 1
				t.text = text[i : j+1]
			}
			toks = append(toks, t)
			i = t.end
		case r >= '0' && r <= '9':
			j := i
			for j < n {
				c := text[j]
				if c >= '0' && c <= '9' {
					j++
					continue
				}
				// inner separators of one number: 1,000 and 3.5 (but not "1989." at a sentence end)
				if (c == ',' || c == '.') && j+1 < n && text[j+1] >= '0' && text[j+1] <= '9' {
					j++
					continue
				}
				break
			}
			// ordinal or unit suffix glued to the number: 18th, 1990s, 3rd
			k := j
			for k < n && k-j < 3 && (text[k] >= 'a' && text[k] <= 'z') {
				k++
			}
			if k > j {
				switch text[j:k] {
				case "st", "nd", "rd", "th", "s":
					if k == n || !isLetter(rune(text[k])) {
						j = k
					}
				}
			}
			toks = append(toks, tok{start: i, end: j, text: text[i:j], low: text[i:j], kind: tNum, space: space})
			i = j
		case r == '\'' || r == '’':
			// 's and decades like '80s
			j := i + size
			k := j
			for k < n && (isLetter(rune(text[k])) || text[k] >= '0' && text[k] <= '9') {
				k++
			}
			w := strings.ToLower(text[j:k])
			if w == "s" || (len(w) == 3 && w[2] == 's' && w[0] >= '0' && w[0] <= '9' && w[1] == '0') || w == "ll" {
				toks = append(toks, tok{start: i, end: k, text: text[i:k], low: "'" + w, kind: tWord, space: space})
				i = k
			} else {
				toks = append(toks, tok{start: i, end: j, text: text[i:j], low: "'", kind: tPunct, space: space})
				i = j
			}
		default:
			if r == '-' && !space && len(toks) > 0 && toks[len(toks)-1].kind != tPunct && i+1 < n && isLetter(rune(text[i+1])) {
				// word-word or number-word hyphen: drop it and glue
				i += size
				space = false
				continue
			}
			if r == '-' && !space && len(toks) > 0 && toks[len(toks)-1].kind == tWord && i+1 < n && text[i+1] >= '0' && text[i+1] <= '9' {
				// mid-1990s, post-1959
				i += size
				space = false
				continue
			}
			t := tok{start: i, end: i + size, text: text[i : i+size], kind: tPunct, space: space}
			t.low = t.text
			toks = append(toks, t)
			i += size
		}
		if len(toks) > 0 && toks[len(toks)-1].start >= i-(toks[len(toks)-1].end-toks[len(toks)-1].start) {
			toks[len(toks)-1].para = newlines >= 2
		}
		space, newlines = false, 0
	}
	classify(toks)
	return toks
}

func isLetter(r rune) bool { return unicode.IsLetter(r) }
