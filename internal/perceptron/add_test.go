package perceptron

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestAddEmissions checks AddEmissions (the vector loops where the processor has AVX2) against a sum by
// hand, for the label counts with a fixed-size loop (17, 45) and the general one, and random row lists.
func TestAddEmissions(t *testing.T) {
	t.Logf("AVX2: %v", hasAVX2)
	for _, L := range []int{3, 17, 45} {
		t.Run(map[int]string{3: "general", 17: "seventeen", 45: "forty-five"}[L], func(t *testing.T) {
			r := rand.New(rand.NewPCG(1, uint64(L)))
			m := &Model{Labels: make([]string, L), Bits: 6, W: make([]int16, 64*L)}
			for i := range m.W {
				m.W[i] = int16(r.IntN(1<<16) - 1<<15)
			}
			for k := 0; k < 200; k++ {
				rows := make([]uint32, r.IntN(80))
				for i := range rows {
					rows[i] = uint32(r.IntN(64))
				}
				got := make([]int32, L)
				got[L-1] = 7
				m.AddEmissions(rows, got)
				want := make([]int32, L)
				want[L-1] = 7
				for _, row := range rows {
					for j := range want {
						want[j] += int32(m.W[int(row)*L+j])
					}
				}
				if !slices.Equal(got, want) {
					t.Fatalf("rows %v:\ngot  %v\nwant %v", rows, got, want)
				}
				m.Emissions(rows, got)
				want[L-1] -= 7
				if !slices.Equal(got, want) {
					t.Fatalf("Emissions, rows %v:\ngot  %v\nwant %v", rows, got, want)
				}
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
