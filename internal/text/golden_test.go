package text

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/golden"
)

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
	golden.Run(t, func(t *testing.T, name string, raw []byte) any {
		text := string(raw)
		r := Segment(text)
		checkInvariants(t, text, r)
		all := toks(r)
		out := make([]goldenSentence, len(r.Sentences))
		for i, s := range r.Sentences {
			out[i] = goldenSentence{s.Start, s.End, s.Paragraph, text[s.Start:s.End], all[s.TokStart:s.TokEnd]}
		}
		return out
	})
}
