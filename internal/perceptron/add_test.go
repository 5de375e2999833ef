package perceptron

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestAddEmissions checks AddEmissions against Emissions (added to a starting vector) for the label
// counts with a fixed-size loop (17, 45) and the general one.
func TestAddEmissions(t *testing.T) {
	for _, L := range []int{3, 17, 45} {
		t.Run(map[int]string{3: "general", 17: "seventeen", 45: "forty-five"}[L], func(t *testing.T) {
			r := rand.New(rand.NewPCG(1, uint64(L)))
			m := &Model{Labels: make([]string, L), Bits: 6, W: make([]int16, 64*L)}
			for i := range m.W {
				m.W[i] = int16(r.IntN(1<<16) - 1<<15)
			}
			rows := []uint32{0, 5, 63, 5, 17}
			start := make([]int32, L)
			for j := range start {
				start[j] = int32(r.IntN(1000) - 500)
			}
			got := slices.Clone(start)
			m.AddEmissions(rows, got)
			want := make([]int32, L)
			m.Emissions(rows, want)
			for j := range want {
				want[j] += start[j]
			}
			if !slices.Equal(got, want) {
				t.Errorf("got %v\nwant %v", got, want)
			}
			// By hand for the first label.
			var s int32
			for _, row := range rows {
				s += int32(m.W[int(row)*L])
			}
			if got[0] != start[0]+s {
				t.Errorf("label 0: got %d, want %d", got[0], start[0]+s)
			}
		})
	}
}
