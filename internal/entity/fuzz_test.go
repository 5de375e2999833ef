package entity

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// FuzzProcess feeds arbitrary text with names at arbitrary offsets: no panic, and the output keeps its
// invariants (ids in order, mentions in bounds and on rune boundaries).
func FuzzProcess(f *testing.F) {
	f.Add("UK Prime Minister Keir Starmer met him. She said.", 18, 30, 0, 2)
	f.Add("Зеленський заявив, що він", 0, 20, 22, 24)
	f.Add("the U.S.'s envoy, Mr. O'Brien's aide", 4, 8, 22, 29)
	f.Add("", 0, 0, 0, 0)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		if !utf8.ValidString(text) {
			return // the clean stage hands on valid UTF-8 only
		}
		d := &doc.Document{Text: text}
		for i, sp := range [][2]int{{s1, e1}, {s2, e2}} {
			d.Names = append(d.Names, doc.Name{Span: doc.Span{Start: sp[0], End: sp[1]}, Type: types[i%4]})
		}
		// names must lie on rune boundaries, as the tagger guarantees; drop the others
		ok := d.Names[:0]
		for _, n := range d.Names {
			if n.Start >= 0 && n.End <= len(text) && n.Start < n.End && runeEdge(text, n.Start) && runeEdge(text, n.End) {
				ok = append(ok, n)
			}
		}
		d.Names = ok
		if err := New().Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, d)
	})
}

func runeEdge(s string, i int) bool {
	return i == len(s) || i < len(s) && (s[i]&0xC0 != 0x80)
}
