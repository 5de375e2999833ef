package quote

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/golden"
)

// goldenQuote is the stable, readable form of a quote in the golden files.
type goldenQuote struct {
	Kind    string    `json:"kind"`
	Content doc.Span  `json:"content"`
	Cue     doc.Span  `json:"cue"`
	Source  *doc.Span `json:"source,omitempty"`
}

// TestGolden runs the rules on each testdata/*.txt (articles written for these tests) and compares the quotes
// with testdata/*.golden.json (rewrite with -update).
func TestGolden(t *testing.T) {
	golden.Run(t, func(t *testing.T, name string, text []byte) any {
		d := &doc.Document{Text: string(text)}
		extract(t, d)
		checkInvariants(t, d)
		return goldenQuotes(d)
	})
}

// goldenQuotes returns d's quotes in their golden-file form, span texts filled in.
func goldenQuotes(d *doc.Document) []goldenQuote {
	out := make([]goldenQuote, len(d.Quotes))
	for i, q := range d.Quotes {
		fill := func(s doc.Span) doc.Span { s.Text = d.Slice(s); return s }
		out[i] = goldenQuote{Kind: q.Kind, Content: fill(q.Content), Cue: fill(q.Cue)}
		if q.Source != nil {
			s := fill(*q.Source)
			out[i].Source = &s
		}
	}
	return out
}
