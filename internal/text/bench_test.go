package text

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkSegment measures the text stage on a realistic article, in words (whitespace-separated) per
// second on one goroutine.
func BenchmarkSegment(b *testing.B) {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(raw)
	words := len(strings.Fields(text))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Segment(text)
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkSegmentUnbroken measures a pathological input: one 10,000-word line without punctuation.
func BenchmarkSegmentUnbroken(b *testing.B) {
	text := strings.Repeat("word ", 10000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Segment(text)
	}
	b.ReportMetric(10000*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
