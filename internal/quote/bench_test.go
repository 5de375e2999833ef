package quote

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// pipelineArticle returns the article that BenchmarkPipeline (internal/pipeline) runs the whole pipeline on,
// or skips b when it is not there.
func pipelineArticle(b *testing.B) string {
	b.Helper()
	t, err := os.ReadFile("../pipeline/testdata/article.txt")
	if err != nil {
		b.Skip("internal/pipeline/testdata/article.txt not found")
	}
	return string(t)
}

// BenchmarkProcess measures the stage on the golden articles; it reports words per second so that it can be
// set against the pipeline budget (the stage may add at most 20% to the pipeline's time).
func BenchmarkProcess(b *testing.B) {
	var parts []string
	for _, f := range []string{"testdata/council.txt", "testdata/campaign.txt"} {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		parts = append(parts, string(t))
	}
	text := strings.Join(parts, "\n\n")
	words := len(strings.Fields(text))
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		d := &doc.Document{Text: text}
		if err := x.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkPipelineArticle runs the stage on the article that BenchmarkPipeline (internal/pipeline) runs the
// whole pipeline on, so that the two times can be compared: the stage must add at most 20% to the pipeline.
func BenchmarkPipelineArticle(b *testing.B) {
	text := pipelineArticle(b)
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d := &doc.Document{Text: text}
		if err := x.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLongQuote checks linear time on a 50,000-word quotation.
func BenchmarkLongQuote(b *testing.B) {
	text := "Kim said: “" + strings.Repeat("the talks went on and on ", 10000) + "” Then it ended."
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		d := &doc.Document{Text: text}
		if err := x.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}

func ExampleExtractor_Process() {
	x, err := New()
	if err != nil {
		panic(err)
	}
	d := &doc.Document{Text: "“We will win this state,” Smith said on Tuesday."}
	if err := x.Process(context.Background(), d); err != nil {
		panic(err)
	}
	for _, q := range d.Quotes {
		fmt.Printf("%s %q cue=%q source=%q\n", q.Kind, d.Slice(q.Content), d.Slice(q.Cue), d.Slice(*q.Source))
	}
	// Output:
	// direct "We will win this state," cue="said" source="Smith"
}

// preparedArticle returns the stage with its embedded models and the pipeline benchmark's article after
// the stages before it.
func preparedArticle(b *testing.B) (*Extractor, *doc.Document) {
	b.Helper()
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	d := &doc.Document{Text: pipelineArticle(b)}
	prepare(b, d)
	return x, d
}

// BenchmarkPreparedArticle times the stage, models included, on the pipeline benchmark's article after the
// stages before it; BenchmarkStagesBefore times those stages on the same article. The stage's share of the
// pipeline is at most Prepared / (StagesBefore + Prepared) (the pipeline also runs clean, timex and place).
func BenchmarkPreparedArticle(b *testing.B) {
	x, d := preparedArticle(b)
	benchProcess(b, x, d)
}

// benchProcess times x.Process on copies of the prepared document d.
func benchProcess(b *testing.B, x *Extractor, d *doc.Document) {
	b.SetBytes(int64(len(d.Text)))
	for b.Loop() {
		c := *d
		if err := x.Process(context.Background(), &c); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStagesBefore(b *testing.B) {
	text := pipelineArticle(b)
	prepare(b, &doc.Document{Text: "Warm up."})
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		prepare(b, &doc.Document{Text: text})
	}
}

// BenchmarkPreparedArticleRules is BenchmarkPreparedArticle with the rules alone: the difference of the two
// is what the models cost.
func BenchmarkPreparedArticleRules(b *testing.B) {
	x, d := preparedArticle(b)
	benchProcess(b, x.WithModel(nil), d)
}
