package align

import (
	"reflect"
	"strings"
	"testing"
)

func TestMatchingBlocks(t *testing.T) {
	for _, tc := range []struct {
		name, a, b string
		want       [][3]int
	}{
		// Python: SequenceMatcher(None, "abxcd", "abcd", autojunk=False).get_matching_blocks()
		{"deletion", "abxcd", "abcd", [][3]int{{0, 0, 2}, {3, 2, 2}}},
		{"identical", "kyiv", "kyiv", [][3]int{{0, 0, 4}}},
		{"nothing shared", "abc", "xyz", nil},
		{"empty", "", "abc", nil},
		// the longest block first, then both sides recursively (Python: (0, 2, 3), (4, 6, 1))
		{"moved", "ABCxD", "xxABCyD", [][3]int{{0, 2, 3}, {4, 6, 1}}},
		{"multi-byte", "Зеленський", "Зеленскький", [][3]int{{0, 0, 6}, {6, 7, 4}}},
		{"curly quotes", "Hello “world” and Paris", "Hello \"world\" and Paris!", [][3]int{{0, 0, 6}, {7, 7, 5}, {13, 13, 10}}},
		{"junk-like repeats", "qabxcdabcd", "abycdf", [][3]int{{1, 0, 2}, {4, 3, 2}}},
		{"insertion", "private Thread currentThread;", "private volatile Thread currentThread;", [][3]int{{0, 0, 6}, {6, 15, 23}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := MatchingBlocks([]rune(tc.a), []rune(tc.b)); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("MatchingBlocks(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

func TestProjectorSpan(t *testing.T) {
	tests := []struct {
		name, gold, pred string
		start, end       int
		want             [2]int
		ok               bool
	}{
		{"identical", "In Paris today.", "In Paris today.", 3, 8, [2]int{3, 8}, true},
		{"whitespace", "In  Paris\ntoday.", "In Paris today.", 3, 8, [2]int{4, 9}, true},
		{"changed quotes", "“Paris” said Lyon.", "\"Paris\" said Lyon.", 13, 17, [2]int{13, 17}, true},
		{"unmapped", "abc", "xyz", 0, 3, [2]int{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			gs, ge, ok := NewProjector([]rune(tc.gold), []rune(tc.pred)).Span(tc.start, tc.end)
			if got := [2]int{gs, ge}; ok != tc.ok || got != tc.want {
				t.Errorf("span = %v %v, want %v %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestProjectorMethod(t *testing.T) {
	gold := []rune("Hello  world.\nNew   line")
	for _, tc := range []struct{ name, pred, method string }{
		{"identical", "Hello  world.\nNew   line", "identical"},
		{"whitespace", "Hello world.\n\nNew line", "nonspace"},
		{"dropped line", "Menu\n\nHello world.\n\nNew line", "difflib"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pred := []rune(tc.pred)
			p := NewProjector(gold, pred)
			if p.Method != tc.method {
				t.Errorf("method %s, want %s", p.Method, tc.method)
			}
			i := strings.Index(tc.pred, "world")
			gs, ge, ok := p.Span(len([]rune(tc.pred[:i])), len([]rune(tc.pred[:i]))+5)
			if !ok || string(gold[gs:ge]) != "world" {
				t.Errorf("projected %d %d %v", gs, ge, ok)
			}
		})
	}
}
