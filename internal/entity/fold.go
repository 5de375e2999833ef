package entity

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold lower-cases s, removes diacritics, transliterates Cyrillic to Latin and drops dots and apostrophes, so
// that "Zelenskyy", "ZELENSKYY" and "Зеленський" can be compared. Hyphens and spaces become single spaces.
// It is used for matching mentions inside one article; phonetic (below) adds spelling folds for keys.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '.' || r == '\'' || r == '’' || r == '‘' || r == '`' || r == 'ʼ':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			r = unicode.ToLower(r)
			if t, ok := translit[r]; ok {
				b.WriteString(t)
			} else {
				b.WriteRune(r)
			}
		default:
			space = true
		}
	}
	return b.String()
}

// translit maps Cyrillic letters (Russian and Ukrainian) and a few Latin letters without a decomposition to
// ASCII, after the BGN/PCGN romanizations.
var translit = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "h", 'ґ': "g", 'д': "d", 'е': "e", 'є': "ye", 'ё': "yo", 'ж': "zh",
	'з': "z", 'и': "y", 'і': "i", 'ї': "yi", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
	'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh",
	'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	'ø': "o", 'ł': "l", 'ß': "ss", 'đ': "d", 'æ': "ae", 'œ': "oe", 'ı': "i", 'þ': "th", 'ð': "d",
}

// phonetic folds the spelling variants of transliterated names in one folded word (see fold), so that the
// cross-document key of "Zelensky", "Zelenskyy", "Zelenskiy" and "Selenskyj"-less English variants agree. The
// rules, applied in this order:
//
//  1. kh → h (Kharkiv / Harkiv), ph → f, ck → k, q → k, w → v (Wladimir / Vladimir), x → ks, tz → ts,
//     dh → d, gh → g (Gadhafi / Gaddafi);
//  2. g between two vowels → h (Lugansk / Luhansk);
//  3. a final "ij" or "yj" → "i" (Selenskyj);
//  4. y → i except as the first letter (Zelenskyy / Zelenskiy / Zelensky → zelenski, Yanukovych / Yanukovich);
//  5. runs of one letter collapse to one (Gaddafi / Gadafi, Zelenskii → zelenski).
//
// The folds are deliberately few: each merges spellings of one name and rarely merges two real names.
func phonetic(w string) string {
	if w == "" {
		return w
	}
	for _, p := range [][2]string{{"kh", "h"}, {"ph", "f"}, {"ck", "k"}, {"q", "k"}, {"w", "v"}, {"x", "ks"}, {"tz", "ts"}, {"dh", "d"}, {"gh", "g"}} {
		w = strings.ReplaceAll(w, p[0], p[1])
	}
	b := []byte(w)
	for i := 1; i+1 < len(b); i++ {
		if b[i] == 'g' && vowel(b[i-1]) && vowel(b[i+1]) {
			b[i] = 'h'
		}
	}
	if n := len(b); n > 2 && b[n-1] == 'j' && (b[n-2] == 'i' || b[n-2] == 'y') {
		b = b[:n-1]
	}
	for i := 1; i < len(b); i++ {
		if b[i] == 'y' {
			b[i] = 'i'
		}
	}
	out := b[:0]
	for i, c := range b {
		if i > 0 && c == b[i-1] && c < 0x80 {
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

func vowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// slug returns the key form of a folded multi-word name: each word folded phonetically, joined by "-".
func slug(folded string) string { return strings.ReplaceAll(match(folded), " ", "-") }

// match is the form under which mentions of one article are compared: slug with spaces.
func match(folded string) string {
	ws := strings.Fields(folded)
	for i, w := range ws {
		ws[i] = phonetic(w)
	}
	return strings.Join(ws, " ")
}
