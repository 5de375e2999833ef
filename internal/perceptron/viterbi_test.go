package perceptron

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// bilouModel returns a model of 17 BILOU labels over four types with the forbidden transitions of BILOU
// and random allowed transition weights.
func bilouModel(r *rand.Rand) *Model {
	labels := []string{"O"}
	for _, t := range []string{"PER", "ORG", "LOC", "MISC"} {
		for _, p := range "BILU" {
			labels = append(labels, string(p)+"-"+t)
		}
	}
	L := len(labels)
	m := &Model{Labels: labels, Trans: make([]int32, (L+1)*L), End: make([]int32, L)}
	inside := func(l string) bool { return l[0] == 'B' || l[0] == 'I' }
	for k := 0; k <= L; k++ {
		for j := 0; j < L; j++ {
			ok := true
			if k < L && inside(labels[k]) {
				ok = (labels[j][0] == 'I' || labels[j][0] == 'L') && labels[j][2:] == labels[k][2:]
			} else {
				ok = !(labels[j][0] == 'I' || labels[j][0] == 'L')
			}
			if ok {
				m.Trans[k*L+j] = int32(r.IntN(200) - 100)
			} else {
				m.Trans[k*L+j] = forbidden
			}
		}
	}
	for j := range m.End {
		m.End[j] = int32(r.IntN(200) - 100)
		if inside(labels[j]) {
			m.End[j] = forbidden
		}
	}
	return m
}

// refViterbi is the plain Viterbi search (scores over all previous labels), for comparison.
func refViterbi(m *Model, score []int32, T int) []int {
	L := len(m.Labels)
	delta := make([]int64, T*L)
	back := make([]int, T*L)
	for j := 0; j < L; j++ {
		delta[j] = math.MinInt64 / 4
		if m.Trans[L*L+j] > forbidden {
			delta[j] = int64(m.Trans[L*L+j]) + int64(score[j])
		}
	}
	for i := 1; i < T; i++ {
		for j := 0; j < L; j++ {
			best, arg := int64(math.MinInt64), 0
			for k := 0; k < L; k++ {
				if m.Trans[k*L+j] <= forbidden {
					continue
				}
				if v := delta[(i-1)*L+k] + int64(m.Trans[k*L+j]); v > best {
					best, arg = v, k
				}
			}
			delta[i*L+j] = best + int64(score[i*L+j])
			back[i*L+j] = arg
		}
	}
	best, arg := int64(math.MinInt64), 0
	for j := 0; j < L; j++ {
		if m.End[j] <= forbidden {
			continue
		}
		if v := delta[(T-1)*L+j] + int64(m.End[j]); v > best {
			best, arg = v, j
		}
	}
	out := make([]int, T)
	for i := T - 1; i >= 0; i-- {
		out[i] = arg
		arg = back[i*L+arg]
	}
	return out
}

// TestViterbiMatchesReference compares Viterbi with the plain search on random BILOU problems (scores in
// a small range, so that ties are common: both take the lowest previous label among equals).
func TestViterbiMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for n := 0; n < 300; n++ {
		m := bilouModel(r)
		d := m.NewDecoder()
		T := 1 + r.IntN(40)
		spread := []int{3, 50, 5000}[n%3]
		score := make([]int32, T*17)
		for i := range score {
			score[i] = int32(r.IntN(spread))
		}
		got := make([]int, T)
		d.Viterbi(slices.Clone(score), T, got)
		if want := refViterbi(m, score, T); !slices.Equal(got, want) {
			t.Fatalf("case %d (T=%d): got %v, want %v", n, T, got, want)
		}
	}
}

func BenchmarkViterbi17(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	m := bilouModel(r)
	d := m.NewDecoder()
	const T = 30
	score := make([]int32, T*17)
	for i := range score {
		score[i] = int32(r.IntN(2000))
	}
	out := make([]int, T)
	for b.Loop() {
		d.Viterbi(score, T, out)
	}
}
