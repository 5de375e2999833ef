package ner

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/conll"
	"github.com/newsgraph/newsgraph/internal/ner/gazetteer"
	"github.com/newsgraph/newsgraph/internal/ner/lexicon"
	"github.com/newsgraph/newsgraph/internal/perceptron"
	"github.com/newsgraph/newsgraph/internal/pos"
)

// TrainOptions configure Train.
type TrainOptions struct {
	perceptron.Options
	// TwoStage also trains the second stage with non-local features; its training input comes from
	// first-stage models trained on the other Folds of the training documents (jackknifing), so that the
	// second stage learns how far to trust first-stage predictions on unseen text.
	TwoStage bool
	Folds    int
	// Bits is log2 of the number of feature rows (default DefaultBits).
	Bits uint
	// NoNames leaves out the training-data gazetteer features.
	NoNames bool
	// Prune drops small weights from the saved model.
	Prune float32
}

// corpusDoc is one document prepared for training or evaluation.
type corpusDoc struct {
	sents [][]string
	pos   [][]string
	gold  [][]conll.Chunk
}

// Prepare reads the words and gold chunks (IOB1 or IOB2 in the last column) of documents and tags their POS.
func prepare(docs []conll.Document, pt *pos.Tagger) []corpusDoc {
	out := make([]corpusDoc, len(docs))
	for i, d := range docs {
		cd := corpusDoc{}
		for _, s := range d.Sentences {
			cd.sents = append(cd.sents, s.Words())
			cd.gold = append(cd.gold, conll.Chunks(conll.IOB1ToIOB2(s.Column(-1))))
		}
		forms := pos.Forms(cd.sents)
		for _, s := range cd.sents {
			cd.pos = append(cd.pos, pt.Tag(s, forms))
		}
		out[i] = cd
	}
	return out
}

// docWords returns the words of each sentence of d.
func docWords(d conll.Document) [][]string {
	out := make([][]string, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = s.Words()
	}
	return out
}

// Evaluate tags docs (gold tags in the last column) and returns the conlleval counts.
func Evaluate(t *Tagger, docs []conll.Document) *conll.Counts {
	c := conll.NewCounts()
	for _, d := range docs {
		sents := docWords(d)
		pred := t.TagDocument(sents, nil)
		for i, s := range d.Sentences {
			c.Add(s.Column(-1), toIOB2(len(s.Tokens), pred[i]))
		}
	}
	return c
}

func evaluatePrepared(t *Tagger, docs []corpusDoc) float64 {
	c := conll.NewCounts()
	for _, d := range docs {
		pred := t.TagDocument(d.sents, d.pos)
		for i, s := range d.sents {
			c.Add(toIOB2(len(s), d.gold[i]), toIOB2(len(s), pred[i]))
		}
	}
	return c.Overall().F1
}

// examples featurises documents with the given hints (nil: first stage).
func examples(docs []corpusDoc, bits uint, lex *lexicon.Lexicon, hints []map[string]*hint, names []*gazetteer.Gazetteer, index map[string]int) []perceptron.Example {
	gaz, _ := gazetteer.Default()
	fz := featurizer{bits: bits, lex: lex, gaz: gaz}
	var exs []perceptron.Example
	for k, d := range docs {
		di := &docInfo{forms: pos.Forms(d.sents), names: names[k]}
		if hints != nil {
			di.hints = hints[k]
		}
		for i, s := range d.sents {
			feats := fz.sentence(sentInput{words: s, pos: d.pos[i]}, di)
			ex := perceptron.Example{Feats: make([][]uint32, len(s)), Gold: make([]int, len(s))}
			flat := make([]uint32, 0, len(feats)*64)
			for j, f := range feats {
				flat = append(flat, f...)
				ex.Feats[j] = flat[len(flat)-len(f):]
			}
			for j, l := range toBILOU(len(s), d.gold[i]) {
				ex.Gold[j] = index[l]
			}
			exs = append(exs, ex)
		}
	}
	return exs
}

// Train trains a model on train, choosing epochs by conlleval F1 on dev. It logs progress to opt.Log.
func Train(train, dev []conll.Document, lex *lexicon.Lexicon, pt *pos.Tagger, opt TrainOptions) (*Model, float64, error) {
	log := opt.Log
	if log == nil {
		log = io.Discard
	}
	labels := Labels()
	index := map[string]int{}
	for i, l := range labels {
		index[l] = i
	}
	tr := prepare(train, pt)
	dv := prepare(dev, pt)
	opt.Options.Prune = opt.Prune
	bits := opt.Bits
	if bits == 0 {
		bits = DefaultBits
	}
	folds := max(opt.Folds, 2)
	// Training-data names: every document sees only the names of the other folds, as unseen text would.
	var allNames []string
	docNames := make([]*gazetteer.Gazetteer, len(tr))
	if !opt.NoNames {
		allNames = namesOf(tr, -1, folds)
		foldNames := make([]*gazetteer.Gazetteer, folds)
		for k := range foldNames {
			foldNames[k] = namesGazetteer(namesOf(tr, k, folds))
		}
		for i := range tr {
			docNames[i] = foldNames[i%folds]
		}
	}
	newModel := func(s1, s2 *perceptron.Model) *Model { return &Model{Stage1: s1, Stage2: s2, Names: allNames} }
	fit := func(docs []corpusDoc, names []*gazetteer.Gazetteer, hints []map[string]*hint, devFn func(*perceptron.Model) float64) *perceptron.Model {
		t := perceptron.NewTrainer(labels, bits, allowed(labels))
		m, epoch, score := perceptron.Fit(t, examples(docs, bits, lex, hints, names, index), opt.Options, devFn)
		fmt.Fprintf(log, "best epoch %d: dev F1 %.4f\n", epoch, score)
		return m
	}
	fmt.Fprintln(log, "stage 1")
	s1 := fit(tr, docNames, nil, func(m *perceptron.Model) float64 {
		return evaluatePrepared(New(newModel(m, nil), lex, pt), dv)
	})
	model := newModel(s1, nil)
	f1 := evaluatePrepared(New(model, lex, pt), dv)
	if !opt.TwoStage {
		return model, f1, nil
	}
	hints := make([]map[string]*hint, len(tr))
	for k := 0; k < folds; k++ {
		var in []corpusDoc
		var inNames []*gazetteer.Gazetteer
		var held []int
		for i := range tr {
			if i%folds == k {
				held = append(held, i)
			} else {
				in = append(in, tr[i])
				inNames = append(inNames, docNames[i])
			}
		}
		fmt.Fprintf(log, "jackknife fold %d/%d: %d documents\n", k+1, folds, len(in))
		fm := fit(in, inNames, nil, func(m *perceptron.Model) float64 {
			return evaluatePrepared(New(newModel(m, nil), lex, pt), dv)
		})
		// The held-out documents are tagged with the names of the other folds, as in training.
		ft := New(&Model{Stage1: fm}, lex, pt)
		if !opt.NoNames {
			ft.model.names = docNames[held[0]]
		}
		for _, i := range held {
			hints[i] = hintsOf(tr[i].sents, ft.TagDocument(tr[i].sents, tr[i].pos))
		}
	}
	fmt.Fprintln(log, "stage 2")
	s2 := fit(tr, docNames, hints, func(m *perceptron.Model) float64 {
		return evaluatePrepared(New(newModel(s1, m), lex, pt), dv)
	})
	two := newModel(s1, s2)
	f2 := evaluatePrepared(New(two, lex, pt), dv)
	if f2 > f1 {
		return two, f2, nil
	}
	fmt.Fprintf(log, "stage 2 does not pay (%.4f <= %.4f): keeping stage 1 only\n", f2, f1)
	return model, f1, nil
}

// namesOf returns the sorted, distinct "TYPE TAB tokens" names of the gold mentions of the documents not in
// fold skip (i % folds == skip); skip -1 keeps every document.
func namesOf(docs []corpusDoc, skip, folds int) []string {
	seen := map[string]bool{}
	var out []string
	for i, d := range docs {
		if skip >= 0 && i%folds == skip {
			continue
		}
		for j, s := range d.sents {
			for _, c := range d.gold[j] {
				l := c.Type + "\t" + strings.Join(s[c.Start:c.End], " ")
				if !seen[l] {
					seen[l] = true
					out = append(out, l)
				}
			}
		}
	}
	sort.Strings(out)
	return out
}
