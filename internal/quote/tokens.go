package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind classifies a token.
type tokKind uint8

const (
	tWord  tokKind = iota // letters and digits, with inner apostrophes, hyphens and abbreviation periods
	tPunct                // one punctuation or symbol character
	tMark                 // a quotation mark: " “ ” „ « » ‘ ’ ' or the two-apostrophe ''
)

// markDir says whether a quotation mark opens, closes, or may do either.
type markDir uint8

const (
	mNone markDir = iota
	mOpen
	mClose
	mEither
)

// tok is one token of the text: its byte span and what the extractor needs to know about it.
type tok struct {
	s, e   int
	kind   tokKind
	low    string // lower-cased text of a word
	upper  bool   // a word that starts with an upper-case letter
	double bool   // a double quotation mark (else single)
	dir    markDir
	// nl is set when a blank line (paragraph break) precedes the token.
	nl bool
}

// abbrevs end with a period that does not end a sentence.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "rep": true, "gov": true, "lt": true, "gen": true,
	"st": true, "jr": true, "sr": true, "inc": true, "co": true, "corp": true, "col": true, "sgt": true, "capt": true,
	"prof": true, "rev": true, "gen.": true, "jan": true, "feb": true, "aug": true, "sept": true, "sep": true,
	"oct": true, "nov": true, "dec": true, "no": true, "vs": true, "ft": true, "mt": true, "atty": true,
	"supt": true, "cmdr": true, "adm": true, "pres": true, "ltd": true, "messrs": true, "d": true, "r": true,
}

// stateAbbrevs are the states as news style abbreviates them after a name or a town ("Mitch McConnell,
// R-Ky., said", "Monroe, La., police said"); their period belongs to them when a comma follows it (many
// are words too: "ill.", "wash.").
var stateAbbrevs = map[string]bool{
	"ala": true, "ariz": true, "ark": true, "calif": true, "colo": true, "conn": true, "del": true, "fla": true,
	"ga": true, "ill": true, "ind": true, "kan": true, "ky": true, "la": true, "md": true, "mass": true,
	"mich": true, "minn": true, "miss": true, "mo": true, "mont": true, "neb": true, "nev": true, "okla": true,
	"ore": true, "pa": true, "tenn": true, "tex": true, "va": true, "vt": true, "wash": true, "wis": true,
	"wyo": true,
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// asciiLower returns s with the ASCII letters lower-cased (same length, so a token's lower-case form is a
// slice of it when the token is ASCII: strings.ToLower gives the same).
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + ('a' - 'A')
		}
	}
	return string(b)
}

// isASCII reports whether s holds only ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// tokenize splits text into tokens in one linear pass.
func tokenize(text string) []tok {
	toks := make([]tok, 0, len(text)/4+16)
	low := asciiLower(text)
	nl := 0 // newlines seen since the last token
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			nl++
			i += w
			continue
		case unicode.IsSpace(r):
			i += w
			continue
		}
		t := tok{s: i, nl: nl >= 2 || (nl == 1 && len(toks) > 0 && lineBreakIsParagraph(text, i))}
		nl = 0
		switch {
		case isWordRune(r):
			j := i + w
			for j < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) {
					j += w2
					continue
				}
				// inner apostrophe, hyphen or period followed by a letter or digit: Trump's, well-known, U.S;
				// a slash between digits: 9/11, 24/7
				if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == '&' || r2 == '/' && text[j-1] >= '0' && text[j-1] <= '9' {
					if j+w2 < len(text) {
						r3, _ := utf8.DecodeRuneInString(text[j+w2:])
						if isWordRune(r3) {
							j += w2
							continue
						}
					}
				}
				break
			}
			// a trailing period belongs to abbreviations, initials and dotted acronyms (U.S.)
			if j < len(text) && text[j] == '.' {
				word := text[i:j]
				lw := low[i:j]
				if !isASCII(word) {
					lw = strings.ToLower(word)
				}
				st := lw
				if h := strings.LastIndexByte(lw, '-'); h >= 0 {
					st = lw[h+1:] // a party and state: "R-Ky."
				}
				state := stateAbbrevs[st] && unicode.IsUpper(r) && j+1 < len(text) && text[j+1] == ','
				if abbrevs[lw] || state || (utf8.RuneCountInString(word) == 1 && unicode.IsUpper(r)) || strings.Contains(word, ".") {
					j++
				}
			}
			t.e, t.kind = j, tWord
			if isASCII(text[i:j]) {
				t.low = low[i:j]
			} else {
				t.low = strings.ToLower(text[i:j])
			}
			t.upper = unicode.IsUpper(r)
		case r == '\'' && i+1 < len(text) && text[i+1] == '\'':
			t.e, t.kind, t.double, t.dir = i+2, tMark, true, mEither
		case r == '"':
			t.e, t.kind, t.double, t.dir = i+1, tMark, true, mEither
		case r == '“' || r == '„' || r == '«' || r == '‹':
			t.e, t.kind, t.double, t.dir = i+w, tMark, r != '‹', mOpen
		case r == '”' || r == '»' || r == '›':
			t.e, t.kind, t.double, t.dir = i+w, tMark, r != '›', mClose
		case r == '‘':
			t.e, t.kind, t.dir = i+w, tMark, mOpen
		case r == '’' || r == '\'':
			t.e, t.kind, t.dir = i+w, tMark, mEither
		default:
			t.e, t.kind = i+w, tPunct
		}
		toks = append(toks, t)
		i = t.e
	}
	return toks
}

// lineBreakIsParagraph reports whether the single newline before position i starts a new paragraph: texts with
// one article paragraph per line use single newlines.
func lineBreakIsParagraph(text string, i int) bool { return true }

// prevRune and nextRune return the rune just before s and just after e, or ' ' at the text's edges.
func prevRune(text string, s int) rune {
	if s <= 0 {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(text[:s])
	return r
}

func nextRune(text string, e int) rune {
	if e >= len(text) {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(text[e:])
	return r
}
