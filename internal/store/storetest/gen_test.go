package storetest

import (
	"strings"
	"testing"
)

// TestGenerator checks that generated documents are well formed: spans in bounds, quotes with known speakers,
// entities with mentions, a realistic length, and the same output for the same seed.
func TestGenerator(t *testing.T) {
	g, g2 := NewGenerator(7, 500), NewGenerator(7, 500)
	for range 200 {
		d := g.Next()
		if d2 := g2.Next(); d2.Text != d.Text {
			t.Fatal("same seed, different documents")
		}
		in := func(start, end int) bool { return 0 <= start && start <= end && end <= len(d.Text) }
		if w := len(strings.Fields(d.Text)); w < 150 || w > 1200 {
			t.Errorf("%s: %d words", d.ID, w)
		}
		ids := map[string]bool{}
		for _, e := range d.Entities {
			ids[e.ID] = true
			if len(e.Mentions) == 0 {
				t.Errorf("%s: entity %s without mentions", d.ID, e.Name)
			}
			for _, m := range e.Mentions {
				if !in(m.Start, m.End) || !strings.Contains(e.Name, d.Text[m.Start:m.End]) {
					t.Errorf("%s: mention %q of %s", d.ID, d.Text[m.Start:m.End], e.Name)
				}
			}
		}
		for _, q := range d.Quotes {
			if !in(q.Content.Start, q.Content.End) || !in(q.Cue.Start, q.Cue.End) || q.Speaker == nil || !ids[*q.Speaker] {
				t.Errorf("%s: bad quote %+v", d.ID, q)
			}
		}
		for _, tm := range d.Times {
			if !in(tm.Start, tm.End) || d.Text[tm.Start:tm.End] != tm.Text {
				t.Errorf("%s: bad time %+v", d.ID, tm)
			}
		}
		if len(d.Quotes) == 0 || len(d.Places) == 0 {
			t.Errorf("%s: %d quotes, %d places", d.ID, len(d.Quotes), len(d.Places))
		}
	}
}
