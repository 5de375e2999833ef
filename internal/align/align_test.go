package align

import (
	"reflect"
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
