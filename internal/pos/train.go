package pos

import (
	"sort"

	"github.com/newsgraph/newsgraph/internal/conll"
	"github.com/newsgraph/newsgraph/internal/ner/lexicon"
	"github.com/newsgraph/newsgraph/internal/perceptron"
)

// TrainOptions configure Train.
type TrainOptions struct {
	perceptron.Options
	// Column is the POS column of the CoNLL files (1 for CoNLL-2003).
	Column int
}

// Train trains a POS model on the given column of train, choosing the epoch by token accuracy on dev.
func Train(train, dev []conll.Document, lex *lexicon.Lexicon, opt TrainOptions) (*perceptron.Model, int, float64) {
	labelSet := map[string]bool{}
	for _, d := range train {
		for _, s := range d.Sentences {
			for _, t := range s.Tokens {
				labelSet[t.Col(opt.Column)] = true
			}
		}
	}
	labels := make([]string, 0, len(labelSet))
	for l := range labelSet {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	index := map[string]int{}
	for i, l := range labels {
		index[l] = i
	}
	var exs []perceptron.Example
	fz := featurizer{lex: lex}
	for _, d := range train {
		forms := Forms(docWords(d))
		for _, s := range d.Sentences {
			feats := fz.sentence(s.Words(), forms)
			ex := perceptron.Example{Feats: make([][]uint32, len(feats)), Gold: make([]int, len(feats))}
			for i, f := range feats {
				ex.Feats[i] = append([]uint32(nil), f...)
				ex.Gold[i] = index[s.Tokens[i].Col(opt.Column)]
			}
			exs = append(exs, ex)
		}
	}
	tr := perceptron.NewTrainer(labels, Bits, nil)
	return perceptron.Fit(tr, exs, opt.Options, func(m *perceptron.Model) float64 {
		return Accuracy(New(m, lex), dev, opt.Column)
	})
}

func docWords(d conll.Document) [][]string {
	out := make([][]string, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = s.Words()
	}
	return out
}

// Accuracy returns the token accuracy of t on the given column of docs.
func Accuracy(t *Tagger, docs []conll.Document, column int) float64 {
	right, total := 0, 0
	for _, d := range docs {
		forms := Forms(docWords(d))
		for _, s := range d.Sentences {
			tags := t.Tag(s.Words(), forms)
			for i, tk := range s.Tokens {
				if tags[i] == tk.Col(column) {
					right++
				}
				total++
			}
		}
	}
	if total == 0 {
		return 0
	}
	return float64(right) / float64(total)
}
