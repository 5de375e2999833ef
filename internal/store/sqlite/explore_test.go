package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/storetest"
)

func exploreStore(t *testing.T) *DB {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "kb.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Put(context.Background(), storetest.Fixtures()); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestGraph(t *testing.T) {
	s := exploreStore(t)
	ctx := context.Background()
	g, err := s.Graph(ctx, store.GraphQuery{})
	if err != nil {
		t.Fatal(err)
	}
	nodes := map[string]store.GraphNode{}
	for _, n := range g.Nodes {
		if n.Type != "PERSON" && n.Type != "ORG" {
			t.Errorf("node %s has type %s; the default graph is people and organizations", n.Key, n.Type)
		}
		nodes[n.Key] = n
	}
	// Rubio is in two articles, Zelensky in two (under two spellings, one key).
	if nodes["person:marco-rubio"].Documents != 2 || nodes["person:volodymyr-zelensky"].Documents != 2 {
		t.Errorf("node documents: rubio %d, zelensky %d; want 2 and 2", nodes["person:marco-rubio"].Documents, nodes["person:volodymyr-zelensky"].Documents)
	}
	if g.Nodes[0].Documents < g.Nodes[len(g.Nodes)-1].Documents {
		t.Error("nodes are not ordered by documents")
	}
	weight := map[[2]string]int64{}
	for _, e := range g.Edges {
		if _, ok := nodes[e.Source]; !ok {
			t.Errorf("edge from %s, not a node", e.Source)
		}
		if _, ok := nodes[e.Target]; !ok {
			t.Errorf("edge to %s, not a node", e.Target)
		}
		a, b := e.Source, e.Target
		if a > b {
			a, b = b, a
		}
		weight[[2]string{a, b}] = e.Weight
	}
	if w := weight[[2]string{"person:marco-rubio", "person:volodymyr-zelensky"}]; w != 1 {
		t.Errorf("rubio–zelensky co-occurrence = %d, want 1 (article b2)", w)
	}
	if w := weight[[2]string{"person:katja-muller", "person:marco-rubio"}]; w != 0 {
		t.Errorf("rubio–müller co-occurrence = %d, want none", w)
	}

	t.Run("around one entity", func(t *testing.T) {
		g, err := s.Graph(ctx, store.GraphQuery{Entity: "Müller"})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range g.Nodes {
			if n.Key == "person:marco-rubio" {
				t.Error("Rubio never appears with Müller but is in her network")
			}
		}
	})
	t.Run("node limit", func(t *testing.T) {
		g, err := s.Graph(ctx, store.GraphQuery{Nodes: 2})
		if err != nil || len(g.Nodes) != 2 {
			t.Fatalf("Nodes: 2 gave %d nodes, err %v", len(g.Nodes), err)
		}
	})
	t.Run("bad type", func(t *testing.T) {
		if _, err := s.Graph(ctx, store.GraphQuery{Types: []string{"PERSON'; DROP TABLE entities;--"}}); !store.IsInvalid(err) {
			t.Errorf("err = %v, want an invalid-query error", err)
		}
	})
	t.Run("unknown entity", func(t *testing.T) {
		if _, err := s.Graph(ctx, store.GraphQuery{Entity: "person:nobody"}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("err = %v, want not found", err)
		}
	})
}

func TestPlaces(t *testing.T) {
	s := exploreStore(t)
	ctx := context.Background()
	ps, err := s.Places(ctx, store.PlaceQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 {
		t.Fatalf("places = %+v, want Brussels and Kyiv", ps)
	}
	for _, p := range ps {
		if p.Key == "" || p.Documents != 1 || p.Lat == 0 || p.Lon == 0 {
			t.Errorf("place %+v lacks a key, a count or coordinates", p)
		}
	}
	t.Run("by entity", func(t *testing.T) {
		ps, err := s.Places(ctx, store.PlaceQuery{Entity: "person:volodymyr-zelensky"})
		if err != nil || len(ps) != 1 || ps[0].Name != "Kyiv" {
			t.Errorf("Zelensky's places = %+v, %v; want Kyiv", ps, err)
		}
	})
	t.Run("by dates", func(t *testing.T) {
		ps, err := s.Places(ctx, store.PlaceQuery{Dates: store.Dates{Since: "2025-08-19"}})
		if err != nil || len(ps) != 1 || ps[0].Name != "Kyiv" {
			t.Errorf("places since 2025-08-19 = %+v, %v; want Kyiv", ps, err)
		}
		if _, err := s.Places(ctx, store.PlaceQuery{Dates: store.Dates{Since: "yesterday"}}); !store.IsInvalid(err) {
			t.Errorf("bad date: err = %v", err)
		}
	})
}

func TestMentions(t *testing.T) {
	s := exploreStore(t)
	days, err := s.Mentions(context.Background(), "Zelensky")
	if err != nil {
		t.Fatal(err)
	}
	want := []store.DayCount{{Day: "2025-07-02", N: 1}, {Day: "2025-08-20", N: 1}}
	if len(days) != len(want) || days[0] != want[0] || days[1] != want[1] {
		t.Errorf("mentions = %+v, want %+v", days, want)
	}
	if _, err := s.Mentions(context.Background(), "nobody at all"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown entity: err = %v", err)
	}
}
