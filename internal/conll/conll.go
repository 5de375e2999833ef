package conll

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Token is one token line split into its columns; Cols[0] is the word.
type Token struct {
	Cols []string
}

// Word returns the first column.
func (t Token) Word() string { return t.Cols[0] }

// Col returns column i, or "" when the line has fewer columns; negative i counts from the end (-1 is the last).
func (t Token) Col(i int) string {
	if i < 0 {
		i += len(t.Cols)
	}
	if i < 0 || i >= len(t.Cols) {
		return ""
	}
	return t.Cols[i]
}

// Sentence is a run of token lines between blank lines.
type Sentence struct {
	Tokens []Token
}

// Document is a run of sentences between -DOCSTART- markers. Marker is the marker line that ended (or, in the
// original CoNLL layout, began) the document, "" if none.
type Document struct {
	Sentences []Sentence
	Marker    string
}

// MaxLine is the longest line the reader accepts (bytes).
const MaxLine = 1 << 20

// IsBoundary reports whether a line's first column marks a document boundary.
func IsBoundary(first string) bool { return first == "-DOCSTART-" || first == "-X-" }

// Read reads every document from r. Empty documents (two markers in a row) are dropped.
func Read(r io.Reader) ([]Document, error) {
	var docs []Document
	err := Scan(r, func(d Document) error {
		docs = append(docs, d)
		return nil
	})
	return docs, err
}

// Scan reads r and calls fn with each document as soon as it is complete, so a caller can stream.
func Scan(r io.Reader, fn func(Document) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), MaxLine)
	var cur Document
	var sent Sentence
	flushSent := func() {
		if len(sent.Tokens) > 0 {
			cur.Sentences = append(cur.Sentences, sent)
			sent = Sentence{}
		}
	}
	lineno := 0
	for sc.Scan() {
		lineno++
		line := strings.TrimRight(sc.Text(), "\r\n")
		cols := strings.Fields(line)
		if len(cols) == 0 {
			flushSent()
			continue
		}
		if IsBoundary(cols[0]) {
			flushSent()
			cur.Marker = line
			if len(cur.Sentences) > 0 {
				if err := fn(cur); err != nil {
					return err
				}
			}
			cur = Document{}
			continue
		}
		sent.Tokens = append(sent.Tokens, Token{Cols: cols})
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("conll: line %d: %w", lineno+1, err)
	}
	flushSent()
	if len(cur.Sentences) > 0 {
		return fn(cur)
	}
	return nil
}

// Words returns the words (first column) of the sentence.
func (s Sentence) Words() []string {
	w := make([]string, len(s.Tokens))
	for i, t := range s.Tokens {
		w[i] = t.Cols[0]
	}
	return w
}

// Column returns column i (as Token.Col) of every token.
func (s Sentence) Column(i int) []string {
	c := make([]string, len(s.Tokens))
	for j, t := range s.Tokens {
		c[j] = t.Col(i)
	}
	return c
}

// IOB1ToIOB2 converts IOB1 tags (I- starts a chunk unless it continues one of the same type; B- only between
// two adjacent chunks of one type) to IOB2 (every chunk starts with B-). Tags without a prefix are O.
func IOB1ToIOB2(tags []string) []string {
	out := make([]string, len(tags))
	prevType := ""
	for i, t := range tags {
		p, ty := split(t)
		switch {
		case p == "O" || ty == "":
			out[i], prevType = "O", ""
			continue
		case p == "I" && ty != prevType:
			out[i] = "B-" + ty
		default:
			out[i] = t
		}
		prevType = ty
	}
	return out
}

// Chunk is a typed half-open token range [Start, End).
type Chunk struct {
	Start, End int
	Type       string
}

// Chunks returns the chunks of IOB1, IOB2, IOBES/BILOU tags as the conlleval script reads them: a chunk
// starts at B-, S-, U-, at I-/E-/L- after O, and at any tag whose type differs from the previous one.
func Chunks(tags []string) []Chunk {
	var out []Chunk
	start, typ := -1, ""
	for i, t := range tags {
		p, ty := split(t)
		begins := p == "B" || p == "S" || p == "U" || (p != "O" && ty != typ) || (p != "O" && start < 0)
		if start >= 0 && (p == "O" || begins) {
			out = append(out, Chunk{start, i, typ})
			start, typ = -1, ""
		}
		if p != "O" && begins {
			start, typ = i, ty
		}
		if start >= 0 && (p == "E" || p == "L" || p == "S" || p == "U") {
			out = append(out, Chunk{start, i + 1, typ})
			start, typ = -1, ""
		}
	}
	if start >= 0 {
		out = append(out, Chunk{start, len(tags), typ})
	}
	return out
}

func split(t string) (prefix, typ string) {
	if t == "" || t == "O" {
		return "O", ""
	}
	if i := strings.IndexByte(t, '-'); i >= 0 {
		return t[:i], t[i+1:]
	}
	return t, ""
}
