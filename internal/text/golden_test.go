package text

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenSentence is one sentence of a golden file: its span, paragraph and tokens as "Text@Start[/Norm]".
type goldenSentence struct {
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Paragraph int      `json:"paragraph"`
	Text      string   `json:"text"`
	Tokens    []string `json:"tokens"`
}

// TestGolden segments every testdata/*.txt and compares with testdata/*.golden.json; run
// `go test ./internal/text -run TestGolden -update` to rewrite them after an intended change.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/*.txt: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			text := string(raw)
			r := Segment(text)
			checkInvariants(t, text, r)
			all := toks(r)
			out := make([]goldenSentence, len(r.Sentences))
			for i, s := range r.Sentences {
				out[i] = goldenSentence{s.Start, s.End, s.Paragraph, text[s.Start:s.End], all[s.TokStart:s.TokEnd]}
			}
			got, err := json.MarshalIndent(out, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(file, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the segmentation of %s; review with -update and git diff", golden, file)
			}
		})
	}
}
