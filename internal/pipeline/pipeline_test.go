package pipeline_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/pipeline"
)

func load(t *testing.T, cfg pipeline.Config) *pipeline.Pipeline {
	t.Helper()
	p, err := pipeline.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func raw(t *testing.T, name, format string) *doc.Document {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return &doc.Document{ID: name, Source: name, Raw: b, Format: format, Published: "2025-08-17"}
}

// TestReprocessKeepsText: a stored document (Text, no Raw) goes through the extractors again without being
// cleaned a second time, and comes out as it did the first time.
func TestReprocessKeepsText(t *testing.T) {
	p := load(t, pipeline.Config{})
	ctx := context.Background()
	first := raw(t, "article.txt", "text")
	if err := p.Process(ctx, first); err != nil {
		t.Fatal(err)
	}
	if len(first.Entities) == 0 || len(first.Times) == 0 {
		t.Fatalf("the test article gave %d entities and %d times", len(first.Entities), len(first.Times))
	}
	again := &doc.Document{ID: first.ID, Source: first.Source, Title: first.Title, Published: first.Published,
		Language: first.Language, Text: first.Text, Removed: first.Removed}
	if err := p.Process(ctx, again); err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(first)
	b, _ := json.Marshal(again)
	if string(a) != string(b) {
		t.Errorf("re-processed document differs from the first pass:\nfirst: %.400s\nagain: %.400s", a, b)
	}
}

// TestRunOrder: Run emits results in input order with any number of workers, passing input errors through
// in their place.
func TestRunOrder(t *testing.T) {
	ctx := context.Background()
	for _, workers := range []int{1, 3, 8} {
		t.Run(fmt.Sprint("workers=", workers), func(t *testing.T) {
			p := load(t, pipeline.Config{Workers: workers})
			const n = 12
			i := 0
			next := func() (*doc.Document, error, bool) {
				if i == n {
					return nil, nil, false
				}
				i++
				if i%5 == 0 {
					return nil, fmt.Errorf("input %d: unreadable", i), true
				}
				text := fmt.Sprintf("Report number %d.\n\nOfficials in Kyiv said on Monday that talks would resume.", i)
				return &doc.Document{ID: fmt.Sprint(i), Source: fmt.Sprint(i), Raw: []byte(text), Format: "text"}, nil, true
			}
			var got []string
			err := p.Run(ctx, next, func(r pipeline.Result) error {
				if r.Err != nil {
					got = append(got, "error:"+r.Err.Error())
					return nil
				}
				got = append(got, r.Doc.ID)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			for k := 1; k <= n; k++ {
				want := fmt.Sprint(k)
				if k%5 == 0 {
					want = fmt.Sprintf("error:input %d: unreadable", k)
				}
				if got[k-1] != want {
					t.Fatalf("result %d = %q, want %q (all: %q)", k, got[k-1], want, got)
				}
			}
		})
	}
}

// TestRunStopsOnEmitError: an error from emit stops the run and is returned.
func TestRunStopsOnEmitError(t *testing.T) {
	p := load(t, pipeline.Config{Workers: 2})
	stop := errors.New("stop")
	i := 0
	next := func() (*doc.Document, error, bool) {
		i++
		return &doc.Document{ID: fmt.Sprint(i), Raw: []byte("Talks resumed in Geneva on Monday."), Format: "text"}, nil, true // endless
	}
	emitted := 0
	err := p.Run(context.Background(), next, func(r pipeline.Result) error {
		emitted++
		if emitted == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || emitted != 3 {
		t.Errorf("Run = %v after %d results, want the emit error after 3", err, emitted)
	}
}

// TestNonEnglish: an article in another language is cleaned and identified, the English-only stages are
// skipped, and one warning says so.
func TestNonEnglish(t *testing.T) {
	p := load(t, pipeline.Config{})
	d := &doc.Document{ID: "de", Format: "text", Raw: []byte("Die Bundesregierung hat am Montag in Berlin neue Sanktionen gegen Russland beschlossen. " +
		"Bundeskanzler Friedrich Merz sagte, die Maßnahmen würden sofort wirksam. Die Opposition kritisierte den Beschluss als verspätet.")}
	if err := p.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if d.Language != "de" {
		t.Fatalf("language = %q, want de", d.Language)
	}
	if len(d.Entities) != 0 || len(d.Times) != 0 || len(d.Warnings) != 1 {
		t.Errorf("entities %d, times %d, warnings %q: want none, none and one warning", len(d.Entities), len(d.Times), d.Warnings)
	}
}

// TestTextEdges: constructions cut off by the end of the text (a title and a name with nothing after them)
// go through every stage without error.
func TestTextEdges(t *testing.T) {
	p := load(t, pipeline.Config{})
	for _, text := range []string{
		"The talks ended on Monday. The UN secretary-general, António Guterres",
		"Talks ended. The prime minister of Canada, Mark Carney",
		"Secretary of State Marco Rubio",
		"“We will not give up,” said",
		"On Monday, the",
		"Rubio,",
	} {
		t.Run(text, func(t *testing.T) {
			d := &doc.Document{ID: "edge", Raw: []byte(text), Format: "text", Published: "2025-08-17"}
			if err := p.Process(context.Background(), d); err != nil {
				t.Fatalf("Process: %v", err)
			}
		})
	}
}
