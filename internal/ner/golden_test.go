package ner

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

type goldenName struct {
	Type  string `json:"type"`
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// TestGolden tags each testdata/*.txt (one sentence per line, tokens separated by spaces; texts written for
// these tests) and compares the names with testdata/*.golden.json. Regenerate with go test -update.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no testdata")
	}
	tg := load(t)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d := makeDoc(string(text))
			if err := tg.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			checkNames(t, d)
			got := []goldenName{}
			for _, n := range d.Names {
				got = append(got, goldenName{n.Type, n.Text, n.Start, n.End})
			}
			golden := strings.TrimSuffix(f, ".txt") + ".golden.json"
			if *update {
				b, _ := json.MarshalIndent(got, "", "  ")
				if err := os.WriteFile(golden, append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			b, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			var want []goldenName
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("names differ (-want +got):\n%s", diff)
			}
		})
	}
}
