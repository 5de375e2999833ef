package ner

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/internal/golden"
)

type goldenName struct {
	Type  string `json:"type"`
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// TestGolden tags each testdata/*.txt (one sentence per line, tokens separated by spaces; texts written for
// these tests) and compares the names with testdata/*.golden.json. Regenerate with go test -update.
func TestGolden(t *testing.T) {
	tg := load(t)
	golden.Run(t, func(t *testing.T, name string, text []byte) any {
		d := makeDoc(string(text))
		if err := tg.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		checkNames(t, d)
		got := []goldenName{}
		for _, n := range d.Names {
			got = append(got, goldenName{n.Type, n.Text, n.Start, n.End})
		}
		return got
	})
}
