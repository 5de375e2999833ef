package perceptron

import (
	"fmt"
	"io"
	"math/rand/v2"
	"time"
)

// Example is one training sequence: the feature rows of each token and the gold label indices.
type Example struct {
	Feats [][]uint32
	Gold  []int
}

// Options configure Fit.
type Options struct {
	// Epochs is the maximum number of passes over the training data (default 10).
	Epochs int
	// Patience stops training after this many epochs without a better dev score (default 3).
	Patience int
	// Seed makes the shuffling, and so the model, deterministic.
	Seed uint64
	// Prune drops averaged weights smaller than this from the model.
	Prune float32
	// Log receives one line per epoch; nil discards.
	Log io.Writer
}

// Fit trains over the examples for up to opt.Epochs shuffled passes, scores the averaged model after each
// pass with dev (higher is better) and returns the best model, its epoch (1-based) and its score.
func Fit(tr *Trainer, train []Example, opt Options, dev func(*Model) float64) (*Model, int, float64) {
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	if opt.Patience <= 0 {
		opt.Patience = 3
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	var best *Model
	bestEpoch, bestScore := 0, -1.0
	maxT := 0
	for _, ex := range train {
		maxT = max(maxT, len(ex.Gold))
	}
	pred := make([]int, maxT)
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		start := time.Now()
		rng := rand.New(rand.NewPCG(opt.Seed, uint64(epoch)))
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		for _, k := range order {
			ex := train[k]
			errs += tr.Update(ex.Feats, ex.Gold, pred[:len(ex.Gold)])
			toks += len(ex.Gold)
		}
		m := tr.Model(opt.Prune)
		score := dev(m)
		mark := ""
		if score > bestScore {
			best, bestEpoch, bestScore, mark = m, epoch, score, " *"
		}
		fmt.Fprintf(opt.Log, "epoch %d: train token error %.4f, dev %.4f (%s)%s\n", epoch,
			float64(errs)/float64(max(toks, 1)), score, time.Since(start).Round(time.Millisecond), mark)
		if epoch-bestEpoch >= opt.Patience {
			break
		}
	}
	return best, bestEpoch, bestScore
}
