package ecb

import (
	"math"
	"testing"
)

func items(gold, sys string) []Item {
	var out []Item
	for i := range gold {
		out = append(out, Item{Gold: string(gold[i]), Sys: string(sys[i])})
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestB3(t *testing.T) {
	tests := []struct {
		name, gold, sys string
		p, r            float64
	}{
		{"perfect", "aabbc", "xxyyz", 1, 1},
		{"all merged", "aabbc", "xxxxx", (2*0.4 + 2*0.4 + 0.2) / 5, 1},
		{"all split", "aabbc", "vwxyz", 1, (0.5*4 + 1) / 5},
		// Bagga & Baldwin style: gold {1,2,3} {4,5}; system {1,2} {3,4,5}
		{"one moved", "aaabb", "xxyyy", (1 + 1 + 1.0/3 + 2.0/3 + 2.0/3) / 5, (2.0/3 + 2.0/3 + 1.0/3 + 1 + 1) / 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := B3(items(tt.gold, tt.sys))
			if !near(got.P, tt.p) || !near(got.R, tt.r) {
				t.Errorf("B3 = %+v, want P %.4f R %.4f", got, tt.p, tt.r)
			}
		})
	}
}

func TestMUC(t *testing.T) {
	tests := []struct {
		name, gold, sys string
		p, r            float64
	}{
		{"perfect", "aabbc", "xxyyz", 1, 1},
		// gold links: 1+1 = 2; system one cluster of 5: 4 links, 2 parts of gold found in it... recall 2/2, precision (5-3)/4
		{"all merged", "aabbc", "xxxxx", 2.0 / 4, 1},
		{"all split", "aabbc", "vwxyz", 0, 0},
		// Vilain et al.: gold {A,B,C,D}, system {A,B} {C,D}: recall 2/3, precision 1
		{"split in two", "aaaa", "xxyy", 1, 2.0 / 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MUC(items(tt.gold, tt.sys))
			if !near(got.P, tt.p) || !near(got.R, tt.r) {
				t.Errorf("MUC = %+v, want P %.4f R %.4f", got, tt.p, tt.r)
			}
		})
	}
}
