package sbd

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Span is a half-open byte range of a Doc's Text.
type Span struct{ Start, End int }

// Doc is one reconstructed document with its gold sentences.
type Doc struct {
	Text      string
	Sentences []Span
	// Tokens are the spans of the CoNLL tokens in Text.
	Tokens []Span
	Words  int
}

// ReadCoNLL reads CoNLL-2003 columns (the token is the first column) and reconstructs each document.
func ReadCoNLL(r io.Reader) ([]Doc, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var docs []Doc
	var sents [][]string
	var cur []string
	flushSent := func() {
		if len(cur) > 0 {
			sents = append(sents, cur)
			cur = nil
		}
	}
	flushDoc := func() {
		flushSent()
		if len(sents) > 0 {
			docs = append(docs, Build(sents))
			sents = nil
		}
	}
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 0:
			flushSent()
		case f[0] == "-DOCSTART-":
			flushDoc()
		default:
			cur = append(cur, f[0])
		}
	}
	flushDoc()
	return docs, sc.Err()
}

// Build reconstructs one document from its tokenized sentences (see the package comment).
func Build(sents [][]string) Doc {
	sents = moveOpeningQuotes(sents)
	var b strings.Builder
	d := Doc{Sentences: make([]Span, 0, len(sents))}
	dq, sq := false, false
	for i, s := range sents {
		start := b.Len()
		noSpace := true // no space before the next token
		for k, w := range s {
			d.Words++
			attachLeft, attachRight := false, false
			switch w {
			case ",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "...":
				attachLeft = true
			case "(", "[", "{", "$", "“", "‘":
				attachRight = true
			case "”", "’":
				attachLeft = true
			case `"`:
				// A quote that starts a sentence opens (a quotation running over paragraphs reopens at
				// each); one that ends a sentence after its final mark closes; others alternate.
				switch {
				case k == 0:
					dq = false
				case k == len(s)-1 && k > 0 && endsSentence(s[:k]):
					dq = true
				}
				if dq {
					attachLeft = true
				} else {
					attachRight = true
				}
				dq = !dq
			case "'":
				prev := b.String()
				switch {
				case sq:
					attachLeft, sq = true, false
				case strings.HasSuffix(prev, "s") || strings.HasSuffix(prev, "S"):
					attachLeft = true // a possessive: "players'"
				default:
					attachRight, sq = true, true
				}
			default:
				attachLeft = isClitic(w)
			}
			if !noSpace && !attachLeft {
				b.WriteByte(' ')
			}
			d.Tokens = append(d.Tokens, Span{b.Len(), b.Len() + len(w)})
			b.WriteString(w)
			noSpace = attachRight
		}
		d.Sentences = append(d.Sentences, Span{start, b.Len()})
		if i < len(sents)-1 {
			if i == 0 || !endsSentence(s) {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
	}
	d.Text = b.String()
	return d
}

// moveOpeningQuotes moves an opening double quote that ends a CoNLL sentence (an artefact of the CoNLL
// sentence splitter: `... said Drazek . "` followed by `We probably ...`) to the start of the next sentence.
// Quotes are paired by parity over the document, as in Build.
func moveOpeningQuotes(sents [][]string) [][]string {
	out := make([][]string, len(sents))
	for i, s := range sents {
		out[i] = append([]string(nil), s...)
	}
	open := false
	for i, s := range out {
		for k, w := range s {
			if w == "“" && k == len(s)-1 && len(s) > 1 && i+1 < len(out) {
				out[i] = s[:k]
				out[i+1] = append([]string{w}, out[i+1]...)
				break
			}
			if w != `"` {
				continue
			}
			if k == 0 {
				open = false
			}
			if !open && k == len(s)-1 && len(s) > 1 && i+1 < len(out) {
				out[i] = s[:k]
				out[i+1] = append([]string{`"`}, out[i+1]...)
				break // the moved quote is counted with the next sentence
			}
			open = !open
		}
	}
	return out
}

func isClitic(w string) bool {
	switch strings.ToLower(w) {
	case "'s", "n't", "'re", "'ve", "'ll", "'d", "'m":
		return true
	}
	return false
}

// endsSentence reports whether a tokenized sentence ends with sentence-final punctuation, possibly
// followed by closing quotes or brackets.
func endsSentence(s []string) bool {
	for k := len(s) - 1; k >= 0; k-- {
		switch s[k] {
		case `"`, "'", ")", "]", "”", "’":
			continue
		case ".", "!", "?", "...":
			return true
		}
		return false
	}
	return false
}

// Score accumulates boundary counts over documents.
type Score struct {
	Docs, Gold, Pred, Correct int // boundaries
	GoldSents, Exact          int // sentences
	// Token spans, when AddTokens is used.
	GoldToks, PredToks, CorrectToks int
}

// AddTokens scores predicted token spans against the CoNLL tokens of d (exact span matches).
func (s *Score) AddTokens(d Doc, pred []Span) {
	gold := make(map[Span]bool, len(d.Tokens))
	for _, g := range d.Tokens {
		gold[g] = true
	}
	s.GoldToks += len(d.Tokens)
	s.PredToks += len(pred)
	for _, p := range pred {
		if gold[p] {
			s.CorrectToks++
		}
	}
}

// TokenF1 is the harmonic mean of token precision and recall (0 when no tokens were scored).
func (s Score) TokenF1() float64 {
	p, r := ratio(s.CorrectToks, s.PredToks), ratio(s.CorrectToks, s.GoldToks)
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Add scores the predicted sentence spans of d (any order of whitespace trimming is handled here).
func (s *Score) Add(d Doc, pred []Span) {
	s.Docs++
	trim := func(sp Span) Span {
		for sp.Start < sp.End && isSpace(d.Text[sp.Start]) {
			sp.Start++
		}
		for sp.End > sp.Start && isSpace(d.Text[sp.End-1]) {
			sp.End--
		}
		return sp
	}
	var predSpans []Span
	for _, p := range pred {
		if p = trim(p); p.End > p.Start {
			predSpans = append(predSpans, p)
		}
	}
	gold := map[int]bool{}
	for i, g := range d.Sentences {
		if i < len(d.Sentences)-1 {
			gold[g.End] = true
		}
	}
	s.Gold += len(gold)
	spans := map[Span]bool{}
	for i, p := range predSpans {
		spans[p] = true
		if i < len(predSpans)-1 {
			s.Pred++
			if gold[p.End] {
				s.Correct++
			}
		}
	}
	for _, g := range d.Sentences {
		s.GoldSents++
		if spans[trim(g)] {
			s.Exact++
		}
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// Precision is the share of predicted boundaries that are gold boundaries.
func (s Score) Precision() float64 { return ratio(s.Correct, s.Pred) }

// Recall is the share of gold boundaries that were predicted.
func (s Score) Recall() float64 { return ratio(s.Correct, s.Gold) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// ExactShare is the share of gold sentences found exactly.
func (s Score) ExactShare() float64 { return ratio(s.Exact, s.GoldSents) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Format formats the score as one line: "NAME docs=... precision=... recall=... f1=... exact=...".
func (s Score) Format(name string) string {
	out := fmt.Sprintf("%s docs=%d gold=%d pred=%d correct=%d precision=%.4f recall=%.4f f1=%.4f exact=%.4f (%d/%d sentences)",
		name, s.Docs, s.Gold, s.Pred, s.Correct, s.Precision(), s.Recall(), s.F1(), s.ExactShare(), s.Exact, s.GoldSents)
	if s.GoldToks > 0 {
		out += fmt.Sprintf(" token_precision=%.4f token_recall=%.4f token_f1=%.4f", ratio(s.CorrectToks, s.PredToks),
			ratio(s.CorrectToks, s.GoldToks), s.TokenF1())
	}
	return out
}

// Locate turns sentence texts returned by a segmenter that gives no offsets into spans of text, searching
// forward from the end of the previous sentence. Sentences not found are skipped.
func Locate(text string, sents []string) []Span {
	out := make([]Span, 0, len(sents))
	pos := 0
	for _, s := range sents {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		k := strings.Index(text[pos:], s)
		if k < 0 {
			continue
		}
		out = append(out, Span{pos + k, pos + k + len(s)})
		pos += k + len(s)
	}
	return out
}
