package text

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// Segmenter is the text stage. It holds no per-document state and is safe for concurrent use.
type Segmenter struct{}

// New returns the text stage.
func New() *Segmenter { return &Segmenter{} }

// Name returns the stage name, "text".
func (*Segmenter) Name() string { return "text" }

// Process reads d.Text and replaces d.Paragraphs, d.Sents and d.Tokens. It never changes d.Text and
// never fails on any input (invalid UTF-8, control characters and unbroken runs are segmented in linear
// time); the error is for cancellation only.
func (s *Segmenter) Process(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	seg := Segment(d.Text)
	d.Paragraphs, d.Sents, d.Tokens = seg.Paragraphs, seg.Sentences, seg.Tokens
	return nil
}

// Result is the segmentation of one text.
type Result struct {
	Paragraphs []doc.Span
	Sentences  []doc.Sentence
	Tokens     []doc.Token
}

// Token flags, kept beside the tokens while segmenting.
const (
	fNewline  uint16 = 1 << iota // a line break precedes the token
	fTerm                        // ".", "!", "?" or an ellipsis
	fEllipsis                    // "...", "…"
	fAbbrev                      // a word that kept its final period ("U.S.", "Gen.", "J.")
	fTitle                       // an abbreviation that precedes a name ("Gen.")
	fInitial                     // a single capital letter and a period ("J.")
	fMonth                       // a month abbreviation ("Jan.")
	fList                        // a list number at the start of a line ("1.")
	fOpen                        // an opening quote or bracket
	fClose                       // a closing quote or bracket
)

// Segment splits text into paragraphs, sentences and tokens with byte offsets.
func Segment(text string) Result {
	sg := segmenter{text: text}
	n := len(text)/5 + 1
	sg.toks = make([]doc.Token, 0, n)
	sg.flags = make([]uint16, 0, n)
	sg.run()
	return Result{Paragraphs: sg.paras, Sentences: sg.sents, Tokens: sg.toks}
}

type segmenter struct {
	text  string
	toks  []doc.Token
	flags []uint16
	paras []doc.Span
	sents []doc.Sentence
	trail []int32 // scratch: ends of trailing punctuation peeled off a piece, innermost last
	para  int     // index of the first token of the current paragraph
	dq    bool    // a double quote is open in the current paragraph
}

// asciiClass classifies ASCII bytes.
const (
	cSpace = 1 << iota
	cUpper
	cLower
	cDigit
)

var asciiClass = func() (t [128]uint8) {
	for c := 0; c < 128; c++ {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c < 0x20 || c == 0x7f:
			t[c] = cSpace // control characters count as spaces
		case c >= 'A' && c <= 'Z':
			t[c] = cUpper
		case c >= 'a' && c <= 'z':
			t[c] = cLower
		case c >= '0' && c <= '9':
			t[c] = cDigit
		}
	}
	return t
}()

// isSpaceRune reports whether a non-ASCII rune separates tokens: Unicode spaces, controls, invisible
// format characters and the replacement character of invalid bytes that stand alone.
func isSpaceRune(r rune) bool {
	switch r {
	case 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0x200B, 0x2060, 0xFEFF:
		return true
	}
	if r >= 0x2000 && r <= 0x200A {
		return true
	}
	return r < 0xA0 // C1 controls
}

// run scans the text once: whitespace runs between chunks decide paragraph breaks and line breaks; each
// chunk of non-space characters is split into tokens.
func (sg *segmenter) run() {
	t := sg.text
	i := 0
	first := true
	for i < len(t) {
		ws := i
		nl, paraBreak := 0, false
		for i < len(t) {
			c := t[i]
			if c < utf8.RuneSelf {
				if asciiClass[c]&cSpace == 0 {
					break
				}
				if c == '\n' {
					nl++
				} else if c == '\r' && (i+1 >= len(t) || t[i+1] != '\n') {
					nl++
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(t[i:])
			if !isSpaceRune(r) {
				break
			}
			if r == 0x2029 {
				paraBreak = true
			} else if r == 0x2028 || r == 0x85 {
				nl++
			}
			i += size
		}
		if i >= len(t) {
			break
		}
		j := i
		for j < len(t) {
			c := t[j]
			if c < utf8.RuneSelf {
				if asciiClass[c]&cSpace != 0 {
					break
				}
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(t[j:])
			if isSpaceRune(r) {
				break
			}
			j += size
		}
		var f uint16
		if first || nl >= 2 || paraBreak {
			if !first {
				sg.endParagraph()
			}
			f = fNewline
			first = false
		} else if nl == 1 {
			f = fNewline
		}
		sg.chunk(i, j, i > ws, f)
		i = j
	}
	if !first {
		sg.endParagraph()
	}
}

// emit appends token [a, b) with norm and flags.
func (sg *segmenter) emit(a, b int, space bool, norm string, f uint16) {
	if norm == sg.text[a:b] {
		norm = ""
	}
	sg.toks = append(sg.toks, doc.Token{Start: a, End: b, Text: sg.text[a:b], Norm: norm, SpaceBefore: space})
	sg.flags = append(sg.flags, f)
}

// chunk tokenizes the non-space run [a, b). space says whether whitespace precedes it; f holds the line
// and paragraph flags for its first token.
func (sg *segmenter) chunk(a, b int, space bool, f uint16) {
	t := sg.text
	// Fast path: a plain word or number.
	plain := true
	for k := a; k < b; k++ {
		if c := t[k]; c >= utf8.RuneSelf || asciiClass[c]&(cUpper|cLower|cDigit) == 0 {
			plain = false
			break
		}
	}
	if plain {
		sg.emit(a, b, space, "", f)
		return
	}
	if isURLish(t[a:b]) {
		sg.urlChunk(a, b, space, f)
		return
	}
	// Split at separators: dashes, ellipses, double quotes, full-width sentence marks, markup brackets, a
	// comma between letters and a period glued between two sentences; the pieces between are words with
	// punctuation around them.
	start := a
	k := a
	afterOpener := false // the last separator was a dash or an opening quote
	for k < b {
		c := t[k]
		var sepEnd int
		var norm string
		var sf uint16
		if c < utf8.RuneSelf {
			switch {
			case c == '"':
				sepEnd, norm = k+1, "" // norm decided below
			case c == '-' && k+1 < b && t[k+1] == '-':
				sepEnd = k + 2
				for sepEnd < b && t[sepEnd] == '-' {
					sepEnd++
				}
				norm = "--"
			case c == '.' && gluedSentence(t, start, k, b):
				sepEnd, norm, sf = k+1, "", fTerm
			case c == '.' && k+2 < b && t[k+1] == '.' && t[k+2] == '.':
				sepEnd = k + 3
				for sepEnd < b && t[sepEnd] == '.' {
					sepEnd++
				}
				norm, sf = "...", fTerm|fEllipsis
			case c == '`' && k+1 < b && t[k+1] == '`' && k == start:
				sepEnd, norm, sf = k+2, "``", fOpen
			case c == '<' || c == '>':
				// Markup left in scraped text ("<tweet>", ">Mass"); "<" and ">" are tokens of their own.
				sepEnd = k + 1
			case c == ',' && k > start && k+1 < b && isLetterByte(t[k-1]) && isLetterByte(t[k+1]):
				sepEnd = k + 1 // "Sorry,This": a comma between letters (never between digits: "1,000")
			default:
				k++
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(t[k:])
			switch r {
			case '—', '–', '―', '‒':
				sepEnd, norm = k+size, "--"
			case '…':
				sepEnd, norm, sf = k+size, "...", fTerm|fEllipsis
			case '“', '„', '«':
				sepEnd, norm, sf = k+size, "``", fOpen
			case '”', '»':
				sepEnd, norm, sf = k+size, "''", fClose
			case '。', '！', '？':
				// Full-width sentence marks of Chinese and Japanese text, which has no spaces.
				sepEnd, norm, sf = k+size, "", fTerm
			default:
				k += size
				continue
			}
		}
		if k > start {
			sg.piece(start, k, space, f)
			space, f = false, 0
		}
		if c == '"' {
			// A straight double quote opens at the start of a chunk or right after a dash or an opening
			// quote, closes at the end of a chunk, and otherwise follows the quote parity of the paragraph;
			// one standing alone closes an open quote or the paragraph.
			switch {
			case k == a || k == start && afterOpener:
				norm, sf = "``", fOpen
			case sepEnd == b:
				norm, sf = "''", fClose
			case sg.dq:
				norm, sf = "''", fClose
			default:
				norm, sf = "``", fOpen
			}
			if k == a && sepEnd == b && (sg.dq || sg.atParagraphEnd(b)) { // a quote standing alone
				norm, sf = "''", fClose
			}
		}
		switch sf & (fOpen | fClose) {
		case fOpen:
			if norm == "``" {
				sg.dq = true
			}
		case fClose:
			sg.dq = false
		}
		sg.emit(k, sepEnd, space, norm, f|sf)
		space, f = false, 0
		k = sepEnd
		start = sepEnd
		afterOpener = norm == "--" || sf&fOpen != 0
	}
	if start < b {
		sg.piece(start, b, space, f)
	}
}

// gluedSentence reports whether the period at k joins two sentences without a space, as scraped text
// often does ("New York City.Super PAC"): at least two letters ending in lower case before it, a capital
// and a lower-case letter after it, and no known abbreviation before it.
func gluedSentence(t string, start, k, b int) bool {
	if k-start < 2 || k+2 >= b {
		return false
	}
	l1, l2, r1, r2 := t[k-1], t[k-2], t[k+1], t[k+2]
	if l1 >= utf8.RuneSelf || l2 >= utf8.RuneSelf || r1 >= utf8.RuneSelf || r2 >= utf8.RuneSelf {
		return false
	}
	if asciiClass[l1]&cLower == 0 || asciiClass[l2]&(cLower|cUpper) == 0 || asciiClass[r1]&cUpper == 0 || asciiClass[r2]&cLower == 0 {
		return false
	}
	w := t[start:k]
	if i := strings.LastIndexAny(w, ".-/'"); i >= 0 {
		w = w[i+1:]
	}
	_, abbrev := abbrevs[w]
	return !abbrev
}

// atParagraphEnd reports whether only spaces follow b up to the end of the text or a blank line.
func (sg *segmenter) atParagraphEnd(b int) bool {
	t := sg.text
	nl := 0
	for k := b; k < len(t); k++ {
		switch t[k] {
		case ' ', '\t', '\r':
		case '\n':
			if nl++; nl == 2 {
				return true
			}
		default:
			return false
		}
	}
	return true
}

// isURLish reports whether a chunk holds a URL, an e-mail address, an @handle or a #hashtag.
func isURLish(s string) bool {
	if strings.Contains(s, "://") || strings.HasPrefix(s, "www.") || strings.HasPrefix(s, "(www.") {
		return true
	}
	at := strings.IndexByte(s, '@')
	if at >= 0 {
		// @handle, or local@domain.tld
		if at == 0 && len(s) > 1 && isWordByte(s[1]) {
			return true
		}
		if at > 0 && at+1 < len(s) && isWordByte(s[at-1]) && strings.IndexByte(s[at:], '.') > 1 {
			return true
		}
	}
	if s[0] == '#' && len(s) > 1 && isWordByte(s[1]) {
		return true
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= utf8.RuneSelf || asciiClass[c]&(cUpper|cLower|cDigit) != 0 || c == '_'
}

// urlChunk emits a URL-like chunk whole, apart from brackets and quotes around it and sentence punctuation
// after it.
func (sg *segmenter) urlChunk(a, b int, space bool, f uint16) {
	t := sg.text
	for a < b && strings.IndexByte("([{<\"'", t[a]) >= 0 {
		n := ""
		sf := fOpen
		if t[a] == '"' {
			n = "``"
			sg.dq = true
		}
		sg.emit(a, a+1, space, n, f|sf)
		a, space, f = a+1, false, 0
	}
	e := b
	for e > a && strings.IndexByte(".,;:!?)]}>\"'", t[e-1]) >= 0 {
		e--
	}
	if e == a {
		e = b
	}
	sg.emit(a, e, space, "", f)
	sg.trailing(e, b)
}

// trailing emits the ASCII punctuation [a, b) after a URL, one token per character.
func (sg *segmenter) trailing(a, b int) {
	t := sg.text
	for k := a; k < b; k++ {
		var n string
		var sf uint16
		switch t[k] {
		case '.', '!', '?':
			sf = fTerm
		case ')', ']', '}', '>':
			sf = fClose
		case '"':
			n, sf = "''", fClose
			sg.dq = false
		case '\'':
			sf = fClose
		}
		sg.emit(k, k+1, false, n, sf)
	}
}

// piece tokenizes [a, b), a chunk or part of one with no separators: leading punctuation, the word, its
// clitic, trailing punctuation.
func (sg *segmenter) piece(a, b int, space bool, f uint16) {
	t := sg.text
	// Leading punctuation.
	for a < b {
		c := t[a]
		if c < utf8.RuneSelf {
			var n string
			sf := fOpen
			switch c {
			case '(', '[', '{', '<':
			case '*':
				sf = 0
			case '$', '&', '=', '~', '^', '|', '\\', ',', ';', ':', '!', '?', '%':
				if a+1 == b {
					goto core
				}
				sf = 0
			case '-', '+':
				if a+1 == b || isDigitOrDot(t, a+1, b) {
					goto core
				}
				sf = 0
			case '\'':
				if a+1 == b || isClitic(t[a:b]) || isDigit(t, a+1, b) {
					goto core
				}
				n = "`"
			case '.':
				if a+1 == b || !isLetterByte(t[a+1]) {
					goto core // ".45", "."
				}
				sf = fTerm // "said .In" with the space on the wrong side
			default:
				goto core
			}
			sg.emit(a, a+1, space, n, f|sf)
			a, space, f = a+1, false, 0
			continue
		}
		r, size := utf8.DecodeRuneInString(t[a:])
		var n string
		sf := fOpen
		switch r {
		case '‘', '‚', '‹':
			n = "`"
		case '’':
			if a+size == b || isClitic(t[a:b]) || isDigit(t, a+size, b) {
				goto core
			}
			n = "`"
		case '¿', '¡', '•', '·', '£', '€', '¥', '₹', '₽', '₴', '§', '¶', '†', '‡', '→', '►', '▶', '■', '□', '●', '◦', '√':
			if a+size == b {
				goto core
			}
			sf = 0
		case '（', '［', '【', '「', '『', '《', '〈':
		default:
			goto core
		}
		sg.emit(a, a+size, space, n, f|sf)
		a, space, f = a+size, false, 0
	}
core:
	if a == b {
		return
	}
	lineStart := f&fNewline != 0 // nothing was emitted before the word on its line
	// Trailing punctuation, peeled from the end; sg.trail holds the cut points.
	sg.trail = sg.trail[:0]
	e := b
	var abbrevFlags uint16
	for e > a {
		c := t[e-1]
		if c < utf8.RuneSelf {
			switch c {
			case ')', ']', '}', '>', ',', ';', ':', '!', '?', '%', '*':
				if e-1 == a || c == ')' && strings.Count(t[a:e], "(") >= strings.Count(t[a:e], ")") {
					goto done // "401(k)" keeps its balanced bracket
				}
				sg.trail = append(sg.trail, int32(e-1))
				e--
				continue
			case '\'':
				if e-1 == a {
					goto done
				}
				sg.trail = append(sg.trail, int32(e-1))
				e--
				continue
			case '.':
				k := e - 1
				for k > a && t[k-1] == '.' {
					k--
				}
				if k == a && e-a == 1 {
					goto done
				}
				if e-k >= 2 {
					if k == a {
						goto done // the piece is all dots
					}
					sg.trail = append(sg.trail, int32(k))
					e = k
					continue
				}
				if kf, keep := sg.keepPeriod(a, e, lineStart); keep {
					abbrevFlags = kf
					goto done
				}
				sg.trail = append(sg.trail, int32(e-1))
				e--
				continue
			}
			goto done
		}
		r, size := utf8.DecodeLastRuneInString(t[a:e])
		switch r {
		case '’', '‘', '›', '）', '］', '】', '」', '』', '》', '〉', '。', '！', '？', '、', '，', '；', '：', '‰', '¡', '¿':
			if e-size == a {
				goto done
			}
			sg.trail = append(sg.trail, int32(e-size))
			e -= size
			continue
		}
		goto done
	}
done:
	if e > a && abbrevFlags == 0 && isBarePunct(t[a:e]) {
		sg.punct(a, e, space, f)
		space, f = false, 0
	} else if e > a {
		sg.word(a, e, space, f|abbrevFlags)
		space, f = false, 0
	}
	// Emit trailing punctuation, innermost first.
	for k := len(sg.trail) - 1; k >= 0; k-- {
		s := int(sg.trail[k])
		end := b
		if k > 0 {
			end = int(sg.trail[k-1])
		}
		sg.punct(s, end, space, f)
		space, f = false, 0
	}
}

// punct emits one trailing punctuation token [a, b).
func (sg *segmenter) punct(a, b int, space bool, f uint16) {
	s := sg.text[a:b]
	var n string
	switch s {
	case ".", "!", "?", "。", "！", "？":
		f |= fTerm
	case ")", "]", "}", ">", "）", "］", "】", "」", "』", "》", "〉":
		f |= fClose
	case "'":
		f |= fClose
	case "’":
		n = "'"
		f |= fClose
	case "‘":
		n = "`"
	default:
		if strings.HasPrefix(s, "..") {
			n = "..."
			f |= fTerm | fEllipsis
		}
	}
	sg.emit(a, b, space, n, f)
}

// isBarePunct reports whether a piece left whole is a sentence mark or closing bracket standing alone, as
// in `"Troops out!" .`.
func isBarePunct(s string) bool {
	switch s {
	case ".", "!", "?", "。", "！", "？", ")", "]", "}", "）", "］", "】", "」", "』", "》", "〉":
		return true
	}
	return len(s) >= 2 && strings.Trim(s, ".") == ""
}

// word emits [a, b), splitting off a clitic ("'s", "n't", "'re" ...).
func (sg *segmenter) word(a, b int, space bool, f uint16) {
	t := sg.text
	if cut, norm := cliticCut(t, a, b); cut > a {
		sg.emit(a, cut, space, wordNorm(t[a:cut]), f&^(fAbbrev|fTitle|fInitial|fMonth|fList))
		sg.emit(cut, b, false, norm, 0)
		return
	}
	sg.emit(a, b, space, wordNorm(t[a:b]), f)
}

// wordNorm returns the PTB form of a word: curly apostrophes become straight ones.
func wordNorm(w string) string {
	if strings.Contains(w, "’") {
		return strings.ReplaceAll(w, "’", "'")
	}
	return ""
}

var clitics = []string{"'s", "'S", "'re", "'RE", "'Re", "'ve", "'VE", "'ll", "'LL", "'d", "'D", "'m", "'M"}

// isClitic reports whether s is a bare clitic such as "'s" or "’re" (in text written "Trump 's").
func isClitic(s string) bool {
	if len(s) > 5 {
		return false
	}
	s = strings.Replace(strings.Replace(s, "’", "'", 1), "‘", "'", 1)
	for _, c := range clitics {
		if s == c {
			return true
		}
	}
	return s == "n't" || s == "N'T"
}

// cliticCut returns where a clitic starts in the word [a, b) and the clitic's PTB form ("" when it is
// written that way), or (a, "") when the word has none.
func cliticCut(t string, a, b int) (int, string) {
	w := t[a:b]
	if len(w) < 3 {
		return a, ""
	}
	switch w[len(w)-1] | 0x20 {
	case 's', 'd', 'm', 't', 'e', 'l':
	default:
		return a, ""
	}
	for _, ap := range [...]string{"'", "’", "‘"} {
		k := -1
		if n := len(ap) + 2; len(w) > n && (w[len(w)-1]|0x20) == 't' && (w[len(w)-n]|0x20) == 'n' &&
			w[len(w)-n+1:len(w)-1] == ap && isLetterBefore(w, len(w)-n) {
			k = len(w) - n // n't
		} else {
			for _, c := range [...]string{"s", "re", "ve", "ll", "d", "m"} {
				n := len(ap) + len(c)
				if len(w) > n && w[len(w)-n:len(w)-len(c)] == ap && strings.EqualFold(w[len(w)-len(c):], c) &&
					isWordBefore(w, len(w)-n) {
					k = len(w) - n
					break
				}
			}
		}
		if k < 0 {
			continue
		}
		if ap == "'" {
			return a + k, ""
		}
		return a + k, strings.ReplaceAll(w[k:], ap, "'")
	}
	return a, ""
}

// isLetterBefore reports whether w[:k] ends in a letter.
func isLetterBefore(w string, k int) bool {
	if k == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(w[:k])
	return unicode.IsLetter(r)
}

// isWordBefore reports whether w[:k] ends in a letter or digit.
func isWordBefore(w string, k int) bool {
	if k == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(w[:k])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isLetterByte(c byte) bool { return c < utf8.RuneSelf && asciiClass[c]&(cUpper|cLower) != 0 }

func isDigit(t string, k, b int) bool { return k < b && t[k] >= '0' && t[k] <= '9' }

func isDigitOrDot(t string, k, b int) bool { return isDigit(t, k, b) || (k < b && t[k] == '.') }

// keepPeriod decides whether the word [a, e), which ends in a single period, keeps it: abbreviations,
// initials, letter-dot acronyms ("U.S.", "a.m.") and list numbers at the start of a line ("1.").
func (sg *segmenter) keepPeriod(a, e int, lineStart bool) (uint16, bool) {
	t := sg.text
	w := t[a : e-1]
	if len(w) == 0 {
		return 0, false
	}
	// A single capital letter: an initial.
	if len(w) == 1 && w[0] < utf8.RuneSelf && asciiClass[w[0]]&cUpper != 0 {
		return fAbbrev | fInitial, true
	}
	if lineStart && len(w) <= 3 && allDigits(w) && e < len(t) {
		return fAbbrev | fList, true
	}
	if isLetterDots(w) {
		return fAbbrev, true
	}
	kind, ok := abbrevs[w]
	if !ok && len(w) <= 8 && isUpperASCII(w) {
		// An all-caps headline or dateline: "ST. LOUIS", "GEN. SMITH".
		var buf [8]byte
		buf[0] = w[0]
		for i := 1; i < len(w); i++ {
			buf[i] = w[i] + ('a' - 'A')
		}
		kind = abbrevs[string(buf[:len(w)])]
	}
	switch kind {
	case abTitle:
		return fAbbrev | fTitle, true
	case abMonth:
		return fAbbrev | fMonth, true
	case abGeneral:
		return fAbbrev, true
	case abNumber:
		if nextIsDigit(t, e) {
			return fAbbrev | fMonth, true // like a month: no sentence end before the number
		}
	}
	return 0, false
}

func isUpperASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return len(w) > 0
}

func allDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return len(w) > 0
}

// isLetterDots reports whether w is letters separated by periods, each run at most two letters, at least
// two runs: "U.S", "a.m", "D.C", "Ph.D", "e.g".
func isLetterDots(w string) bool {
	runs, n := 1, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
			if n == 0 {
				return false
			}
			runs, n = runs+1, 0
		case c < utf8.RuneSelf && asciiClass[c]&(cUpper|cLower) != 0:
			n++
			if n > 2 {
				return false
			}
		default:
			return false
		}
	}
	return runs >= 2 && n > 0
}

// nextIsDigit reports whether the first non-space character at or after e is a digit.
func nextIsDigit(t string, e int) bool {
	for k := e; k < len(t) && k < e+8; k++ {
		c := t[k]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			continue
		}
		return c >= '0' && c <= '9'
	}
	return false
}

// endParagraph closes the paragraph whose tokens start at sg.para and splits it into sentences.
func (sg *segmenter) endParagraph() {
	p0, p1 := sg.para, len(sg.toks)
	sg.para = p1
	sg.dq = false
	if p0 == p1 {
		return
	}
	pi := len(sg.paras)
	sg.paras = append(sg.paras, doc.Span{Start: sg.toks[p0].Start, End: sg.toks[p1-1].End})
	width := sg.wrapWidth(p0, p1)
	start, line := p0, p0
	for k := p0; k < p1; k++ {
		f := sg.flags[k]
		if k > p0 && f&fNewline != 0 {
			// In hard-wrapped prose a full-width line runs on into the next one.
			full := width > 0 && 10*(sg.toks[k-1].End-sg.toks[line].Start) >= 7*width
			if k > start && !full && sg.lineBreakEnds(k) {
				sg.sentence(start, k, pi)
				start = k
			}
			line = k
		}
		if f&(fTerm|fAbbrev) == 0 {
			continue
		}
		// Take in further terminal marks and closing quotes and brackets on the same line.
		decider := k
		e := k + 1
		for e < p1 && sg.flags[e]&fNewline == 0 && sg.flags[e]&(fTerm|fClose) != 0 {
			if sg.flags[e]&fTerm != 0 {
				decider = e
			}
			e++
		}
		if e < p1 && sg.endsBefore(decider, e) {
			sg.sentence(start, e, pi)
			start = e
		}
		k = e - 1
	}
	if start < p1 {
		sg.sentence(start, p1, pi)
	}
}

func (sg *segmenter) sentence(a, b, para int) {
	sg.sents = append(sg.sents, doc.Sentence{
		Span:      doc.Span{Start: sg.toks[a].Start, End: sg.toks[b-1].End},
		TokStart:  a,
		TokEnd:    b,
		Paragraph: para,
	})
}

// initial classifies the first rune of a token.
func initial(s string) (upper, lower, digit bool) {
	if s == "" {
		return
	}
	c := s[0]
	if c < utf8.RuneSelf {
		cl := asciiClass[c]
		return cl&cUpper != 0, cl&cLower != 0, cl&cDigit != 0
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsTitle(r), unicode.IsLower(r), unicode.IsDigit(r)
}

// endsBefore decides whether a sentence ends before token e, given the mark at token d (a terminal or an
// abbreviation with its period).
func (sg *segmenter) endsBefore(d, e int) bool {
	next := sg.toks[e]
	nf := sg.flags[e]
	upper, lower, digit := initial(next.Text)
	if lower {
		return false
	}
	switch next.Text {
	case ",", ";", ":", "%", ")", "]", "}":
		return false
	}
	df := sg.flags[d]
	if df&fTerm != 0 {
		if df&fEllipsis != 0 {
			return upper || nf&fOpen != 0
		}
		if d > 0 && sg.toks[d].Text == "." && upper && !isStarter(next.Text) && sg.inNumberedList(d-1) {
			return false // "... 12.71 seconds 2. Ludmila Engquist (Sweden) 12.74 3. ..."
		}
		return true
	}
	// An abbreviation that kept its period.
	if df&(fTitle|fInitial|fList) != 0 {
		return false
	}
	if digit && df&fMonth != 0 {
		return false
	}
	if nf&fOpen != 0 && next.Norm == "``" {
		return true
	}
	if !upper {
		return false
	}
	if len(next.Text) > 1 && isUpperASCII(next.Text) {
		// Capitals carry no evidence in an all-caps headline: only a pronoun or article starts a sentence.
		return capsStarters[next.Text]
	}
	return isStarter(next.Text)
}

// listWindow is how many tokens before and after a list number are searched for its neighbours.
const listWindow = 40

// inNumberedList reports whether token k is a number of one or two digits, followed by a period, in a run
// of numbered items written on one line: the number before or after it, also followed by a period, occurs
// within listWindow tokens.
func (sg *segmenter) inNumberedList(k int) bool {
	n, ok := smallNumber(sg.toks[k].Text)
	if !ok {
		return false
	}
	lo, hi := max(0, k-listWindow), min(len(sg.toks)-1, k+listWindow)
	for j := lo; j < hi; j++ {
		if j == k || sg.toks[j+1].Text != "." {
			continue
		}
		if m, ok := smallNumber(sg.toks[j].Text); ok && (m == n-1 && j < k || m == n+1 && j > k) {
			return true
		}
	}
	return false
}

func smallNumber(s string) (int, bool) {
	switch {
	case len(s) == 1 && s[0] >= '0' && s[0] <= '9':
		return int(s[0] - '0'), true
	case len(s) == 2 && s[0] >= '1' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9':
		return int(s[0]-'0')*10 + int(s[1]-'0'), true
	}
	return 0, false
}

// isStarter reports whether a capitalised word is a common word that usually starts a sentence.
func isStarter(w string) bool {
	if len(w) > 20 {
		return false
	}
	var buf [20]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	_, ok := starters[string(buf[:len(w)])]
	return ok
}

// lineBreakEnds decides whether the line break before token k ends a sentence.
func (sg *segmenter) lineBreakEnds(k int) bool {
	_, lower, _ := initial(sg.toks[k].Text)
	if lower {
		return false
	}
	pf := sg.flags[k-1]
	if pf&(fOpen|fTitle|fInitial) != 0 {
		return false
	}
	prev := sg.toks[k-1].Text
	switch prev {
	case ",", "&", "/", "(", "[":
		return false
	}
	if len(prev) <= 7 && continuationWords[prev] {
		return false
	}
	return true
}

// wrapWidth returns the width in bytes of the longest line of the paragraph [p0, p1) when the paragraph is
// prose broken into lines at a fixed width (at least two line breaks, 40% or more of its lines starting in
// lower case), else 0.
func (sg *segmenter) wrapWidth(p0, p1 int) int {
	breaks, lowerStarts, width := 0, 0, 0
	line := p0
	for k := p0 + 1; k <= p1; k++ {
		if k < p1 && sg.flags[k]&fNewline == 0 {
			continue
		}
		width = max(width, sg.toks[k-1].End-sg.toks[line].Start)
		line = k
		if k == p1 {
			break
		}
		breaks++
		if _, lower, _ := initial(sg.toks[k].Text); lower {
			lowerStarts++
		}
	}
	if breaks >= 2 && lowerStarts*10 >= breaks*4 {
		return width
	}
	return 0
}
