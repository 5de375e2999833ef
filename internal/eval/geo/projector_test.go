package geo

import (
	"testing"
)

func TestProjector(t *testing.T) {
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
			got, ok := newProjector([]rune(tc.gold), []rune(tc.pred)).span(tc.start, tc.end)
			if ok != tc.ok || got != tc.want {
				t.Errorf("span = %v %v, want %v %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}
