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

// phonetic folds the spelling variants of transliterated names in one folded word (see fold), so that mentions
// of one article written "Zelensky", "Zelenskyy" or "Zelenskiy" are compared as one (match). Keys use the
// narrower, readable keyWord instead. The rules, applied in this order:
//
//  1. kh → h (Kharkiv / Harkiv), ph → f, ck → k, q → k, w → v (Wladimir / Vladimir), x → ks, tz → ts,
//     dh → d, gh → g (Gadhafi / Gaddafi);
//  2. g between two vowels → h (Lugansk / Luhansk);
//  3. a final "ij" or "yj" → "i" (Selenskyj);
//  4. y → i except as the first letter (Zelenskyy / Zelenskiy / Zelensky → zelenski, Yanukovych / Yanukovich);
//  5. runs of one letter collapse to one (Gaddafi / Gadafi, Zelenskii → zelenski).
//
// Each merges spellings of one name and rarely merges two real names of one article.
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

// slug returns the key form of a folded multi-word name: each word keyed (see keyWord), joined by "-". Keys
// stay readable ("person:josh-hawley", "org:fox-news"): only the transliteration alternations of keyWord are
// folded, while match (below) folds spellings more aggressively for comparing mentions inside one article.
func slug(folded string) string {
	ws := strings.Fields(folded)
	for i, w := range ws {
		ws[i] = keyWord(w)
	}
	return strings.Join(ws, "-")
}

// keyWord applies to one folded word (see fold) the few spelling folds of keys, each for a known alternation
// in the romanization of Slavic names:
//
//  1. a final -sk or -ck followed by iy, yy, yi, ii, ij or yj → -sky (Zelenskiy, Zelenskyy, Zelenskyi,
//     Zelenskii, Selenskyj → zelensky, selensky; Polish -ski stays: Kowalski);
//  2. another final iy, yi, ij or yj → ii (Andriy / Andrii / Andrij, Serhiy / Serhii, Dmitriy / Dmitrii);
//  3. a final -ei → -ey in words of five letters or more (Sergei / Sergey, Alexei / Alexey, Andrei / Andrey);
//  4. a final -vich, -vych, -vitch or -vytch → -vich (Yanukovych / Yanukovich, Abramovitch / Abramovich);
//  5. -gansk, -gorod and -grad before the end → -hansk, -horod, -hrad (Lugansk / Luhansk, Uzhgorod /
//     Uzhhorod), where Ukrainian romanizes г as h and Russian as g.
//
// Everything else (w/v, ck/k, y/i inside a word, doubled letters) is kept as written, so that the key reads
// as the name does.
func keyWord(w string) string {
	n := len(w)
	if n < 3 {
		return w
	}
	for _, end := range []string{"iy", "yy", "yi", "ii", "ij", "yj"} {
		if !strings.HasSuffix(w, end) {
			continue
		}
		stem := w[:n-2]
		if strings.HasSuffix(stem, "sk") || strings.HasSuffix(stem, "ck") || strings.HasSuffix(stem, "tsk") {
			return stem + "y"
		}
		if end != "yy" && n > 3 {
			return stem + "ii"
		}
		return w
	}
	if n >= 5 && strings.HasSuffix(w, "ei") {
		return w[:n-1] + "y"
	}
	for _, end := range []string{"vych", "vitch", "vytch"} {
		if strings.HasSuffix(w, end) {
			return w[:n-len(end)] + "vich"
		}
	}
	for _, p := range [][2]string{{"gansk", "hansk"}, {"gorod", "horod"}, {"grad", "hrad"}} {
		if strings.HasSuffix(w, p[0]) && n > len(p[0]) {
			return w[:n-len(p[0])] + p[1]
		}
	}
	return w
}

// match is the form under which mentions of one article are compared: slug with spaces.
func match(folded string) string {
	ws := strings.Fields(folded)
	for i, w := range ws {
		ws[i] = phonetic(w)
	}
	return strings.Join(ws, " ")
}
