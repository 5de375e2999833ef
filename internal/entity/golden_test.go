package entity

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/golden"
)

// TestGolden runs the stage on each testdata/*.txt (articles written for these tests; {Name|TYPE} marks stand
// in for the tagger) and compares the entity list with testdata/*.golden.json (rewrite with -update).
func TestGolden(t *testing.T) {
	golden.Run(t, func(t *testing.T, name string, src []byte) any {
		d := resolve(t, string(src))
		return doc.Document{ID: name, Language: "en", Text: d.Text, Entities: d.Entities}
	})
}
