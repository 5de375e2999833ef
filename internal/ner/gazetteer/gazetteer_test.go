package gazetteer

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestMatches(t *testing.T) {
	g := New()
	g.Add(0, []string{"United", "States"})
	g.Add(2, []string{"New", "York"})
	g.Add(3, []string{"York"})
	g.Add(5, []string{"John"})
	tests := []struct {
		name, text string
		want       []string
	}{
		{"multi-token and nested", "john flew to new york", []string{"0 first U", "3 city B", "4 city L", "4 town U"}},
		{"two tokens", "the united states said", []string{"1 country B", "2 country L"}},
		{"no match", "nothing here", nil},
		{"empty", "", nil},
	}
	pos := []string{"B", "I", "L", "U"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			g.Matches(strings.Fields(tt.text), func(i int, m Match) {
				got = append(got, fmt.Sprintf("%d %s %s", i, Lists[m.List], pos[m.Pos]))
			})
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDefault(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() < 50000 {
		t.Fatalf("only %d names", g.Len())
	}
	found := map[string]bool{}
	g.Matches(strings.Fields("germany ukraine new york berlin john french"), func(i int, m Match) {
		found[fmt.Sprintf("%d:%s", i, Lists[m.List])] = true
	})
	for _, want := range []string{"0:country", "1:country", "3:city", "4:city", "5:first", "6:demonym"} {
		if !found[want] {
			t.Errorf("no match %s in %v", want, found)
		}
	}
}
