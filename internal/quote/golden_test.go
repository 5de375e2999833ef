package quote

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/doc"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenQuote is the stable, readable form of a quote in the golden files.
type goldenQuote struct {
	Kind    string    `json:"kind"`
	Content doc.Span  `json:"content"`
	Cue     doc.Span  `json:"cue"`
	Source  *doc.Span `json:"source,omitempty"`
}

func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d := &doc.Document{Text: string(b)}
			extract(t, d)
			checkInvariants(t, d)
			out := make([]goldenQuote, len(d.Quotes))
			for i, q := range d.Quotes {
				fill := func(s doc.Span) doc.Span { s.Text = d.Slice(s); return s }
				out[i] = goldenQuote{Kind: q.Kind, Content: fill(q.Content), Cue: fill(q.Cue)}
				if q.Source != nil {
					s := fill(*q.Source)
					out[i].Source = &s
				}
			}
			got, err := json.MarshalIndent(out, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", name+".golden.json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/quote -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the extraction; got:\n%s", path, got)
			}
		})
	}
}
