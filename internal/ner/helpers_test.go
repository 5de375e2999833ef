package ner

import (
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// makeDoc builds a Document from text the way the text stage will: one sentence per line, tokens split at
// spaces with trailing punctuation and possessive 's split off, byte offsets exact.
func makeDoc(text string) *doc.Document {
	d := &doc.Document{Text: text}
	lineStart := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		first := len(d.Tokens)
		i := 0
		for i < len(line) {
			for i < len(line) && (line[i] == ' ' || line[i] == '\n') {
				i++
			}
			j := i
			for j < len(line) && line[j] != ' ' && line[j] != '\n' {
				j++
			}
			if j == i {
				break
			}
			w := line[i:j]
			var tail []string
			for len(w) > 1 && strings.ContainsRune(".,;:!?\")", rune(w[len(w)-1])) && !(w[len(w)-1] == '.' && len(w) <= 3 && unicode.IsUpper(rune(w[0]))) {
				tail = append([]string{w[len(w)-1:]}, tail...)
				w = w[:len(w)-1]
			}
			if strings.HasSuffix(w, "'s") && len(w) > 2 {
				tail = append([]string{"'s"}, tail...)
				w = w[:len(w)-2]
			}
			at := lineStart + i
			d.Tokens = append(d.Tokens, doc.Token{Start: at, End: at + len(w), Text: w})
			at += len(w)
			for _, p := range tail {
				d.Tokens = append(d.Tokens, doc.Token{Start: at, End: at + len(p), Text: p})
				at += len(p)
			}
			i = j
		}
		if len(d.Tokens) > first {
			s := doc.Sentence{TokStart: first, TokEnd: len(d.Tokens)}
			s.Start, s.End = d.Tokens[first].Start, d.Tokens[len(d.Tokens)-1].End
			d.Sents = append(d.Sents, s)
		}
		lineStart += len(line)
	}
	return d
}
