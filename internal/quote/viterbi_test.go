package quote

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/internal/perceptron"
)

// TestVitMatchesDecoder checks that vit gives the labels of perceptron's Viterbi for both embedded models,
// on random emission scores of several scales (small ones make ties), and on sentence lengths from 1 up.
func TestVitMatchesDecoder(t *testing.T) {
	seq, err := loadSeq()
	if err != nil {
		t.Fatal(err)
	}
	args, err := loadArgs()
	if err != nil {
		t.Fatal(err)
	}
	if seq == nil || args == nil {
		t.Skip("no embedded models")
	}
	for _, tc := range []struct {
		name string
		m    *perceptron.Model
	}{{"seq", seq}, {"args", args}, {"ties", tieModel(len(SeqLabels), SeqAllowed, 0)},
		{"small-weights", tieModel(len(ArgLabels), ArgAllowed, 2)}} {
		t.Run(tc.name, func(t *testing.T) {
			L := len(tc.m.Labels)
			dec, v := tc.m.NewDecoder(), newVit(tc.m)
			if v.dec != nil {
				t.Fatalf("%d labels: vit falls back to the general decoder", L)
			}
			rng := rand.New(rand.NewPCG(1, 2))
			for _, scale := range []int32{1, 3, 1000, 1 << 20} {
				for T := 1; T <= 80; T++ {
					score := make([]int32, T*L)
					for i := range score {
						score[i] = rng.Int32N(2*scale+1) - scale
					}
					want, got := make([]int, T), make([]int, T)
					dec.Viterbi(score, T, want)
					v.viterbi(score, T, got)
					if !slices.Equal(got, want) {
						t.Fatalf("scale %d, T=%d: got %v, want %v", scale, T, got, want)
					}
				}
			}
		})
	}
}

// tieModel returns a model of L labels whose allowed transitions weigh from -r to r and whose others are
// forbidden, so that small emission scores make many ties.
func tieModel(L int, allowed func(prev, cur int) bool, r int32) *perceptron.Model {
	rng := rand.New(rand.NewPCG(3, 4))
	m := &perceptron.Model{Labels: make([]string, L), Trans: make([]int32, L*L+L), End: make([]int32, L)}
	for k := range L {
		for j := range L {
			m.Trans[k*L+j] = rng.Int32N(2*r+1) - r
			if !allowed(k, j) {
				m.Trans[k*L+j] = forbidden
			}
		}
		m.Trans[L*L+k] = rng.Int32N(2*r+1) - r
		if !allowed(0, k) { // no I- label at the start, as after O
			m.Trans[L*L+k] = forbidden
		}
		m.End[k] = rng.Int32N(2*r+1) - r
	}
	return m
}

func BenchmarkVit(b *testing.B) {
	seq, err := loadSeq()
	if err != nil || seq == nil {
		b.Skip("no embedded model")
	}
	const T = 40
	L := len(seq.Labels)
	rng := rand.New(rand.NewPCG(1, 2))
	score := make([]int32, T*L)
	for i := range score {
		score[i] = rng.Int32N(2001) - 1000
	}
	out := make([]int, T)
	b.Run("decoder", func(b *testing.B) {
		dec := seq.NewDecoder()
		for b.Loop() {
			dec.Viterbi(score, T, out)
		}
	})
	b.Run("vit", func(b *testing.B) {
		v := newVit(seq)
		for b.Loop() {
			v.viterbi(score, T, out)
		}
	})
}
