package pipeline_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/clean"
	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/text"
)

// BenchmarkPipeline runs stages over a realistic article written for this project (testdata), one document
// at a time on one goroutine, and reports words per second per core (words of the cleaned text):
//
//   - text/segment: the text stage alone on the cleaned text;
//   - text/clean+text and html/clean+text: cleaning and segmentation, from scraped text and from HTML;
//   - text/all and html/all: the whole pipeline as pipeline.New wires it.
func BenchmarkPipeline(b *testing.B) {
	ctx := context.Background()
	inputs := []struct{ name, file, format string }{
		{"text", "testdata/article.txt", "text"},
		{"html", "testdata/article.html", "html"},
	}
	cl := clean.New(clean.Config{})
	seg := text.New()
	full, err := pipeline.New(pipeline.Config{})
	if err != nil {
		b.Fatal(err)
	}
	for _, in := range inputs {
		raw, err := os.ReadFile(in.file)
		if err != nil {
			b.Fatal(err)
		}
		newDoc := func() *doc.Document {
			return &doc.Document{Raw: raw, Format: in.format, Source: in.file}
		}
		// Count the words once, on the cleaned text.
		d := newDoc()
		if err := cl.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
		words := float64(len(strings.Fields(d.Text)))
		if words < 100 {
			b.Fatalf("%s: cleaned text has %v words, want a whole article", in.file, words)
		}
		cleaned := d.Text
		run := func(name string, process func() error) {
			b.Run(in.name+"/"+name, func(b *testing.B) {
				b.SetBytes(int64(len(raw)))
				b.ReportAllocs()
				for b.Loop() {
					if err := process(); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(words*float64(b.N)/b.Elapsed().Seconds(), "words/s/core")
			})
		}
		if in.format == "text" {
			run("segment", func() error {
				return seg.Process(ctx, &doc.Document{Text: cleaned})
			})
		}
		run("clean+text", func() error {
			d := newDoc()
			if err := cl.Process(ctx, d); err != nil {
				return err
			}
			return seg.Process(ctx, d)
		})
		run("all", func() error {
			return full.Process(ctx, newDoc())
		})
	}
}
