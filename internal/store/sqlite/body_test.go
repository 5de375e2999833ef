package sqlite

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/store"
)

// TestBodyRoundTrip stores documents whose metadata and text look like JSON and checks that Document gives
// back exactly the encoding of the document.
func TestBodyRoundTrip(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "kb.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tests := []struct {
		name string
		d    doc.Document
	}{
		{"plain", doc.Document{ID: "p", Text: "Talks resumed in Geneva."}},
		{"title mimics the text field", doc.Document{ID: "t", Title: `x","text":"","y`, Text: `He said "no".`}},
		{"text with escapes", doc.Document{ID: "e", Text: "Line one\n\nLine \"two\" \\ tab\t and <b>bold</b> ,\"text\":\"\" ü 😀"}},
		{"empty text", doc.Document{ID: "z", Text: ""}},
		{"annotations", doc.Document{ID: "a", Text: "Müller met Rubio.", Entities: []doc.Entity{{ID: "e1", Type: "PERSON", Name: "Müller", Key: "person:muller",
			Mentions: []doc.Mention{{Span: doc.Span{Start: 0, End: 7}, Kind: doc.KindName}}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, err := json.Marshal(tt.d)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Put(context.Background(), []*doc.Document{&tt.d}); err != nil {
				t.Fatal(err)
			}
			got, err := s.Document(context.Background(), tt.d.ID)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzFTSQuery checks that whatever a user types, ftsQuery either refuses it as invalid input or produces
// a query FTS5 accepts.
func FuzzFTSQuery(f *testing.F) {
	for _, s := range []string{"sanctions", `"power plants"`, "sanct*", "a OR b c", `NEAR(a b) AND "x`, "title:Kyiv", "^x", "-y",
		`''); DROP TABLE documents;--`, "OR OR", "* * *", "(", `"`, "“curly”", "ümlaut ßtraße", "a\x00b"} {
		f.Add(s)
	}
	s, err := Open(context.Background(), filepath.Join(f.TempDir(), "kb.db"), Options{})
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	if err := s.Put(context.Background(), []*doc.Document{{ID: "d", Title: "t", Text: "Sanctions on power plants near Kyiv"}}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in string) {
		q, err := ftsQuery("q", in)
		if err != nil {
			if !store.IsInvalid(err) {
				t.Fatalf("ftsQuery(%q): %v", in, err)
			}
			return
		}
		if strings.TrimSpace(q) == "" {
			t.Fatalf("ftsQuery(%q) = empty query", in)
		}
		rows, err := s.r.Query("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?", q)
		if err == nil {
			for rows.Next() {
			}
			err = rows.Err()
			rows.Close()
		}
		if err != nil {
			t.Fatalf("ftsQuery(%q) = %q, rejected by FTS5: %v", in, q, err)
		}
		// The quotation index takes it restricted to its content column, beside a speaker term.
		rows, err = s.r.Query("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?", `speaker_tok : "spk1" AND content : (`+q+")")
		if err == nil {
			for rows.Next() {
			}
			err = rows.Err()
			rows.Close()
		}
		if err != nil {
			t.Fatalf("ftsQuery(%q) = %q, rejected by the quotation index: %v", in, q, err)
		}
	})
}
