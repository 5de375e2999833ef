package clean

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/doc"
)

func benchClean(b *testing.B, file, format string) {
	raw, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	c := New(Config{})
	d := &doc.Document{Raw: raw, Format: format}
	if err := c.Process(context.Background(), d); err != nil {
		b.Fatal(err)
	}
	words := len(strings.Fields(d.Text))
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		d := &doc.Document{Raw: raw, Format: format}
		if err := c.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkCleanText cleans a scraped page with furniture (language picker, share bars, ads, captions).
func BenchmarkCleanText(b *testing.B) { benchClean(b, "../../examples/zelensky-brussels.txt", "text") }

// BenchmarkCleanHTML extracts an article page with metadata, navigation, ads and footer.
func BenchmarkCleanHTML(b *testing.B) { benchClean(b, "../../examples/rubio-nato-summit.html", "html") }
