package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/storetest"
)

// TestTimelinePlansAgree checks that the two plans for a full-text filter (collect every match, or check
// rows one by one) give the same pages, on generated documents.
func TestTimelinePlansAgree(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "kb.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	g := storetest.NewGenerator(5, 300)
	var docs []*doc.Document
	for range 300 {
		docs = append(docs, g.Next())
	}
	if err := s.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	top, err := s.Entities(ctx, store.EntityQuery{Type: "PERSON", Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	queries := []store.TimelineQuery{
		{About: "sanctions"},
		{About: "clause OR veto", Limit: 50},
		{About: `"power plant"`},
		{About: "counter*"},
		{About: "talks", Entity: top.Items[0].Key},
		{About: "reactor", Entity: top.Items[1].Key, Dates: store.Dates{Since: "2024-01-02"}},
	}
	for _, q := range queries {
		var pages [2][]store.TimelineItem
		for i, above := range []int64{1, 1 << 62} {
			s.probeAbove = above
			cur := ""
			for range 50 {
				q.Cursor = cur
				p, err := s.Timeline(ctx, q)
				if err != nil {
					t.Fatalf("%+v: %v", q, err)
				}
				pages[i] = append(pages[i], p.Items...)
				if cur = p.Next; cur == "" {
					break
				}
			}
		}
		if len(pages[0]) == 0 {
			t.Errorf("%+v: no items", q)
		}
		if diff := cmp.Diff(pages[1], pages[0]); diff != "" {
			t.Errorf("%+v: plans differ (-collect +probe):\n%s", q, diff)
		}
	}
	s.probeAbove = 0
	common, err := s.common(ctx, "documents", mustParse(t, "sanctions"))
	if err != nil || common {
		t.Errorf("common(sanctions) over 300 documents = %v, %v; want false (threshold %d)", common, err, 590)
	}
}

func mustParse(t *testing.T, q string) ftsParsed {
	t.Helper()
	p, err := parseFTS("q", q)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
