package perceptron

import (
	"bytes"
	"reflect"
	"testing"
)

// toy builds a task where the label of a token is determined by its word, except that "x" after "a" is
// label 2: a first-order model must use its features and transitions to get everything right.
func toy() ([]Example, []string) {
	labels := []string{"O", "A", "B"}
	words := [][]string{
		{"a", "x", "o"}, {"o", "x", "a"}, {"a", "b", "o"}, {"x", "o", "b", "a", "x"}, {"o", "o"},
	}
	var exs []Example
	for _, s := range words {
		ex := Example{}
		for i, w := range s {
			ex.Feats = append(ex.Feats, []uint32{NewHash(1).Str(w).Row(10), NewHash(0).Row(10)})
			g := 0
			switch {
			case w == "a":
				g = 1
			case w == "b", w == "x" && i > 0 && s[i-1] == "a":
				g = 2
			}
			ex.Gold = append(ex.Gold, g)
		}
		exs = append(exs, ex)
	}
	return exs, labels
}

func TestFitLearnsToy(t *testing.T) {
	exs, labels := toy()
	tr := NewTrainer(labels, 10, nil)
	acc := func(m *Model) float64 {
		d := m.NewDecoder()
		right, n := 0, 0
		for _, ex := range exs {
			out := make([]int, len(ex.Gold))
			d.Decode(ex.Feats, out)
			for i := range out {
				if out[i] == ex.Gold[i] {
					right++
				}
				n++
			}
		}
		return float64(right) / float64(n)
	}
	m, _, score := Fit(tr, exs, Options{Epochs: 20, Seed: 3}, acc)
	if score != 1 {
		t.Fatalf("training accuracy %.3f, want 1", score)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m, m2) {
		t.Error("model differs after Save and Load")
	}
	if got := acc(m2); got != 1 {
		t.Errorf("loaded model accuracy %.3f, want 1", got)
	}
}

func TestDeterministic(t *testing.T) {
	exs, labels := toy()
	var saved [2][]byte
	for i := range saved {
		m, _, _ := Fit(NewTrainer(labels, 10, nil), exs, Options{Epochs: 5, Patience: 5, Seed: 9}, func(*Model) float64 { return 0 })
		var buf bytes.Buffer
		m.Save(&buf)
		saved[i] = buf.Bytes()
	}
	if !bytes.Equal(saved[0], saved[1]) {
		t.Error("two trainings with one seed differ")
	}
}

func TestForbiddenTransitions(t *testing.T) {
	// Label 1 may never follow label 1, however strong its emissions.
	allowed := func(prev, cur int) bool { return !(prev == 1 && cur == 1) }
	tr := NewTrainer([]string{"O", "X"}, 4, allowed)
	m := tr.Model(0)
	d := m.NewDecoder()
	score := []int32{0, 100, 0, 100, 0, 100}
	out := make([]int, 3)
	d.Viterbi(score, 3, out)
	if want := []int{1, 0, 1}; !reflect.DeepEqual(out, want) {
		t.Errorf("got %v, want %v", out, want)
	}
}

func TestLongSequence(t *testing.T) {
	exs, labels := toy()
	m, _, _ := Fit(NewTrainer(labels, 10, nil), exs, Options{Epochs: 3}, func(*Model) float64 { return 0 })
	const n = 100000
	feats := make([][]uint32, n)
	for i := range feats {
		feats[i] = exs[i%len(exs)].Feats[0]
	}
	out := make([]int, n)
	m.NewDecoder().Decode(feats, out) // must not overflow or take quadratic time
	for i, k := range out {
		if k < 0 || k >= len(labels) {
			t.Fatalf("label %d at %d out of range", k, i)
		}
	}
}

func TestLoadRejectsGarbage(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("not gzip"), {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0}} {
		if _, err := Load(bytes.NewReader(in)); err == nil {
			t.Errorf("Load(%q) succeeded", in)
		}
	}
}

func BenchmarkDecode(b *testing.B) {
	exs, labels := toy()
	m, _, _ := Fit(NewTrainer(labels, 10, nil), exs, Options{Epochs: 3}, func(*Model) float64 { return 0 })
	d := m.NewDecoder()
	out := make([]int, 5)
	for b.Loop() {
		d.Decode(exs[3].Feats, out)
	}
}

func TestBeamMatchesExactOnToy(t *testing.T) {
	exs, labels := toy()
	score := func(m *Model) float64 {
		right := 0
		for _, ex := range exs {
			out := make([]int, len(ex.Gold))
			m.NewDecoder().Decode(ex.Feats, out)
			if reflect.DeepEqual(out, ex.Gold) {
				right++
			}
		}
		return float64(right)
	}
	m, _, _ := Fit(NewTrainer(labels, 10, nil), exs, Options{Epochs: 20, Seed: 3}, score)
	exact, beam := m.NewDecoder(), m.NewDecoder()
	beam.Beam = 2
	for _, ex := range exs {
		a, b := make([]int, len(ex.Gold)), make([]int, len(ex.Gold))
		exact.Decode(ex.Feats, a)
		beam.Decode(ex.Feats, b)
		if !reflect.DeepEqual(a, b) || !reflect.DeepEqual(a, ex.Gold) {
			t.Errorf("exact %v beam %v gold %v", a, b, ex.Gold)
		}
	}
}

func TestTopK(t *testing.T) {
	dst := make([]int32, 3)
	topK([]int32{5, 1, 9, 9, -3, 7}, dst)
	if want := []int32{2, 3, 5}; !reflect.DeepEqual(dst, want) {
		t.Errorf("got %v, want %v", dst, want)
	}
}
