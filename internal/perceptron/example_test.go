package perceptron_test

import (
	"fmt"

	"github.com/newsgraph/newsgraph/internal/perceptron"
)

// Example trains a two-label tagger that marks capitalised words, then decodes a new sequence.
func Example() {
	feats := func(words ...string) [][]uint32 {
		out := make([][]uint32, len(words))
		for i, w := range words {
			capital := w[0] >= 'A' && w[0] <= 'Z'
			out[i] = []uint32{perceptron.NewHash(0).Str(w).Row(12), perceptron.NewHash(1).Int(map[bool]int{true: 1}[capital]).Row(12)}
		}
		return out
	}
	train := []perceptron.Example{
		{Feats: feats("Paris", "is", "big"), Gold: []int{1, 0, 0}},
		{Feats: feats("we", "saw", "Rome"), Gold: []int{0, 0, 1}},
	}
	tr := perceptron.NewTrainer([]string{"O", "NAME"}, 12, nil)
	m, _, _ := perceptron.Fit(tr, train, perceptron.Options{Epochs: 5, Patience: 5}, func(*perceptron.Model) float64 { return 0 })
	out := make([]int, 3)
	m.NewDecoder().Decode(feats("they", "left", "Oslo"), out)
	for _, k := range out {
		fmt.Print(m.Labels[k], " ")
	}
	fmt.Println()
	// Output: O O NAME
}
