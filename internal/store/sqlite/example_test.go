package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
)

func ExampleOpen() {
	dir, _ := os.MkdirTemp("", "newsgraph")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(dir, "kb.db"), sqlite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	text := "Ministers met in Brüssel on Monday to discuss sanctions."
	speaker := "e1"
	at := strings.Index(text, "discuss") // byte offsets in memory; the store shows code points
	d := &doc.Document{ID: "d1", Published: "2025-08-18", Language: "en", Text: text,
		Entities: []doc.Entity{{ID: "e1", Type: "ORG", Name: "Ministers", Key: "org:ministers",
			Mentions: []doc.Mention{{Span: doc.Span{Start: 0, End: 9}, Kind: doc.KindName}}}},
		Quotes: []doc.Quote{{ID: "q1", Kind: doc.Indirect, Content: doc.Span{Start: at, End: len(text) - 1}, Cue: doc.Span{Start: 10, End: 13}, Speaker: &speaker}}}
	if err := s.Put(ctx, []*doc.Document{d}); err != nil {
		fmt.Println(err)
		return
	}
	hits, _ := s.Search(ctx, store.SearchQuery{Text: "brussel"})
	fmt.Println(hits.Items[0].Document, hits.Items[0].Snippet)
	qs, _ := s.Quotes(ctx, store.QuoteQuery{Speaker: "ministers"})
	fmt.Println(qs.Items[0].SpeakerKey, qs.Items[0].Content.Start, qs.Items[0].Content.Text)
	// Output:
	// d1 Ministers met in ⟦Brüssel⟧ on Monday to discuss sanctions.
	// org:ministers 38 discuss sanctions
}
