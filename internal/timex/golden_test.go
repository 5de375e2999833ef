package timex

import (
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/golden"
)

// TestGolden tags the articles in testdata (written for these tests; first line "DCT: YYYY-MM-DD") and
// compares with <name>.golden.json. Regenerate with: go test ./internal/timex -run Golden -update
func TestGolden(t *testing.T) {
	golden.Run(t, func(t *testing.T, name string, raw []byte) any {
		head, text, _ := strings.Cut(string(raw), "\n")
		dct, err := time.Parse("2006-01-02", strings.TrimSpace(strings.TrimPrefix(head, "DCT:")))
		if err != nil {
			t.Fatalf("first line %q: want DCT: YYYY-MM-DD", head)
		}
		return Find(text, dct, nil)
	})
}
