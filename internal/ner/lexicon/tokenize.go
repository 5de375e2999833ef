package lexicon

import (
	"strings"
	"unicode"
)

// SimpleSentences splits plain text into sentences of roughly Penn Treebank tokens, for learning casing
// and clusters from unlabeled text (the pipeline's own tokenizer lives in internal/text). Sentences end at
// line breaks and at . ! ? followed by a space and an upper-case letter or quote.
func SimpleSentences(text string) [][]string {
	var out [][]string
	for _, line := range strings.Split(text, "\n") {
		var cur []string
		toks := simpleTokens(line)
		for i, t := range toks {
			cur = append(cur, t)
			if (t == "." || t == "!" || t == "?") && i+1 < len(toks) {
				n := toks[i+1]
				if r := []rune(n)[0]; unicode.IsUpper(r) || n == "``" || n == "\"" {
					out = append(out, cur)
					cur = nil
				}
			}
		}
		if len(cur) > 0 {
			out = append(out, cur)
		}
	}
	return out
}

func simpleTokens(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		// Leading punctuation.
		for f != "" && strings.ContainsRune("\"'([{`“‘", []rune(f)[0]) {
			r := []rune(f)[0]
			out = append(out, quoteNorm(r, true))
			f = f[len(string(r)):]
		}
		var tail []string
		for f != "" {
			rs := []rune(f)
			r := rs[len(rs)-1]
			if !strings.ContainsRune("\"'),;:!?]}.”’", r) {
				break
			}
			if r == '.' && len(rs) > 1 && (unicode.IsUpper(rs[0]) && len(rs) <= 4 || strings.Count(f, ".") > 1) {
				break // abbreviation: U.S. Jan. Mr.
			}
			tail = append([]string{quoteNorm(r, false)}, tail...)
			f = f[:len(f)-len(string(r))]
		}
		if f != "" {
			f = strings.ReplaceAll(f, "’", "'")
			l := strings.ToLower(f)
			switch {
			case strings.HasSuffix(l, "n't") && len(f) > 3:
				out = append(out, f[:len(f)-3], f[len(f)-3:])
			case strings.HasSuffix(l, "'s") && len(f) > 2:
				out = append(out, f[:len(f)-2], f[len(f)-2:])
			default:
				out = append(out, f)
			}
		}
		out = append(out, tail...)
	}
	return out
}

func quoteNorm(r rune, open bool) string {
	switch r {
	case '"', '“', '”':
		if open {
			return "``"
		}
		return "''"
	case '‘', '’':
		return "'"
	}
	return string(r)
}
