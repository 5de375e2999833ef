package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/entity"
	"github.com/newsgraph/newsgraph/internal/eval/polnear"
	"github.com/newsgraph/newsgraph/internal/ner"
	"github.com/newsgraph/newsgraph/internal/perceptron"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/pos"
	"github.com/newsgraph/newsgraph/internal/quote"
	"github.com/newsgraph/newsgraph/internal/text"
)

// trainQuotes implements `newsgraph train quotes --train DIR --dev DIR --out FILE`: it runs the pipeline
// over the PolNeAR train and dev splits, trains the quote stage's sequence labeller on train (features
// include the rules' quotes), keeps the epoch with the best dev source F1 of rules + model, and writes the
// model and, beside it (FILE without .gz, plus .txt), its provenance and dev scores.
func trainQuotes(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("train quotes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	trainDir := fs.String("train", "", "PolNeAR train split directory (text/, attributions/) (required)")
	devDir := fs.String("dev", "", "PolNeAR dev split directory, for choosing the epoch (required)")
	out := fs.String("out", "", "model file to write, e.g. internal/quote/quotes.model.gz (required)")
	opt := perceptron.Options{Log: stderr}
	fs.IntVar(&opt.Epochs, "epochs", 14, "maximum passes over the training data")
	fs.IntVar(&opt.Patience, "patience", 6, "stop after this many epochs without a better dev score (the dev curve is noisy)")
	var seed uint
	fs.UintVar(&seed, "seed", 1, "shuffling seed")
	prune := fs.Float64("prune", 8, "drop averaged weights of smaller magnitude (8 keeps each model under 1 MB at no dev cost)")
	argsIn := fs.String("args", "", "choose the sequence model's epoch with this argument model in place")
	allAnn := fs.Bool("all-annotators", false, "also train on the second and further annotators' files of a text (dev source F1 0.7568 against 0.7642 without)")
	argsOut := fs.String("args-out", "", "argument model file to write (default: quotes.args.gz beside --out)")
	seqIn := fs.String("seq", "", "use this sequence model instead of training one (trains only the argument model)")
	cueOnly := fs.Bool("cue", false, "train only the cue classifier, with the embedded sequence and argument models, and write it to --out")
	negP := fs.Float64("arg-negatives", 0, "also train the argument model on false cues: candidate words of at least this cue fraction (lexicon of the other folds) that are no gold cue, labelled O throughout (0: none)")
	negKeep := fs.Int("arg-negatives-keep", 1, "keep every n-th of those false cues")
	cueIn := fs.String("cue-model", "", "cue classifier to use while choosing the epochs (default: none)")
	cueThr := fs.Float64("cue-threshold", 0, "margin threshold of --cue-model")
	crossfit := fs.Int("arg-crossfit", 0, "also train the argument model on the false cues of sequence models trained for this many epochs on the other half of the train split (0: none)")
	argHeads := fs.Int("arg-heads", 0, "argument training sequences of a gold cue of several words: 0 as annotated, 1 its head alone, 2 both")
	cueAll := fs.Bool("cue-all-tokens", false, "label every token of a gold cue CUE for the cue classifier (default: its head only)")
	cuePrune := fs.Float64("cue-prune", 1, "the cue classifier's --prune")
	weakP := fs.Float64("weak-cue-p", 0, "repeat the training sentences holding a gold cue word of lexicon cue fraction below this (0: none)")
	weakN := fs.Int("weak-cue-repeat", 1, "how many extra times those sentences are seen per epoch")
	ruleDrop := fs.Float64("rule-dropout", 0, "leave out each of the rules' quotes of a training text with this probability in the models' features (so that they learn to find what the rules miss; 0: none)")
	oofRules := fs.Bool("oof-rules", false, "with --oof-lexicon, also run the rules over each training text with the other folds' lexicon (their output is a feature of the models)")
	oofLex := fs.Bool("oof-lexicon", false, "build each training text's word features from the cue lexicon of the other folds' texts (not counting the text itself)")
	cueThrs := fs.String("cue-thresholds", "0,5,10,20,40", "margin thresholds of the cue classifier tried on dev after each epoch")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	opt.Seed, opt.Prune = uint64(seed), float32(*prune)
	if *trainDir == "" || *devDir == "" || *out == "" {
		fmt.Fprintln(stderr, "newsgraph train quotes: --train, --dev and --out are required")
		return 2
	}
	fail := func(err error) int { fmt.Fprintln(stderr, "newsgraph train quotes:", err); return 1 }
	start := time.Now()
	trainGold, err := polnear.LoadSplit(*trainDir)
	if err != nil {
		return fail(err)
	}
	devGold, err := polnear.LoadSplit(*devDir)
	if err != nil {
		return fail(err)
	}
	trainDocs, err := processGold(trainGold, stderr)
	if err != nil {
		return fail(err)
	}
	devDocs, err := processGold(devGold, stderr)
	if err != nil {
		return fail(err)
	}
	fmt.Fprintf(stderr, "processed %d train and %d dev texts (%s)\n", len(trainDocs), len(devDocs), time.Since(start).Round(time.Second))
	x, err := quote.New()
	if err != nil {
		return fail(err)
	}
	if *cueOnly {
		return trainCue(x.WithCue(nil, 0).WithCueAllTokens(*cueAll), trainGold, devGold, trainDocs, devDocs, opt, float32(*cuePrune), *cueThrs, *out, args, stdout, stderr)
	}
	var cueM *perceptron.Model
	if *cueIn != "" {
		if cueM, err = readModel(*cueIn); err != nil {
			return fail(err)
		}
	}
	x = x.WithModel(nil).WithArgs(nil).WithCue(cueM, float32(*cueThr)).WithArgHeads(*argHeads)
	// every annotator's file of a text is a training example (the scorers use the first)
	var trainAnns [][]quote.TrainDoc
	for _, g := range trainGold {
		tds := []quote.TrainDoc{trainDoc(g)}
		if *allAnn {
			more, err := otherAnnotations(*trainDir, g)
			if err != nil {
				return fail(err)
			}
			tds = append(tds, more...)
		}
		trainAnns = append(trainAnns, tds)
	}
	// the extractor whose lexicon labels text i's features
	featX := func(int) *quote.Extractor { return x }
	if *oofLex {
		lexs := oofLexicons(trainGold, trainDocs)
		xs := make([]*quote.Extractor, cueFolds)
		for f := range xs {
			xs[f] = x.WithLexicon(lexs[f])
		}
		featX = func(i int) *quote.Extractor { return xs[i%cueFolds] }
	}
	rulesX := func(int) *quote.Extractor { return x }
	if *oofRules {
		rulesX = featX
	}
	// trainRules returns the rules' quotes of training text i as the models see them
	trainRules := func(i int, d *doc.Document) []doc.Quote {
		qs := rulesX(i).Rules(d)
		if *ruleDrop <= 0 {
			return qs
		}
		rng := rand.New(rand.NewPCG(opt.Seed, uint64(i)))
		var kept []doc.Quote
		for _, q := range qs {
			if rng.Float64() >= *ruleDrop {
				kept = append(kept, q)
			}
		}
		return kept
	}
	var examples []perceptron.Example
	exOf := make([][2]int, len(trainGold)) // each text's examples: examples[exOf[i][0]:exOf[i][1]]
	skipped, nWeak := 0, 0
	for i, g := range trainGold {
		d := trainDocs[i]
		if d == nil || d.Text != g.Text { // failed, or (not with these stages) text changed
			skipped++
			continue
		}
		rules := trainRules(i, d)
		exOf[i][0] = len(examples)
		for _, td := range trainAnns[i] {
			examples = append(examples, featX(i).SeqExamples(d, rules, td)...)
		}
		exOf[i][1] = len(examples)
		if *weakP > 0 {
			// (after exOf: the cross-fitted models see each sentence once)
			weak := x.WeakCueSentences(d, trainAnns[i][0], *weakP)
			first := examples[exOf[i][0] : exOf[i][0]+len(weak)]
			for k, w := range weak {
				for r := 0; w && r < *weakN; r++ {
					examples = append(examples, first[k])
					nWeak++
				}
			}
		}
	}
	fmt.Fprintf(stderr, "%d training sentences (%d texts skipped; %d repeats of sentences with a weak cue)\n", len(examples), skipped, nWeak)
	score := func(m, args *perceptron.Model) polnear.Counts {
		return scoreQuotes(x.WithModel(m).WithArgs(args), devGold, devDocs)
	}
	fmt.Fprintf(stderr, "rules only: %s\n", score(nil, nil).Line())
	var best *perceptron.Model
	epoch := 0
	if *seqIn != "" {
		if best, err = readModel(*seqIn); err != nil {
			return fail(err)
		}
	} else {
		var fixedArgs *perceptron.Model
		if *argsIn != "" {
			if fixedArgs, err = readModel(*argsIn); err != nil {
				return fail(err)
			}
		}
		tr := perceptron.NewTrainer(quote.SeqLabels, quote.SeqBits, quote.SeqAllowed)
		best, epoch, _ = perceptron.Fit(tr, examples, opt, func(m *perceptron.Model) float64 {
			c := score(m, fixedArgs)
			fmt.Fprintf(stderr, "  %s\n", c.Line())
			return c.Get("source_f1")
		})
		if best == nil {
			return fail(fmt.Errorf("no model"))
		}
	}
	if err := writeModel(*out, best); err != nil {
		return fail(err)
	}
	// the argument model, given each gold cue
	var argEx []perceptron.Example
	var foldLex [cueFolds]quote.Lexicon
	if *negP > 0 {
		foldLex = foldLexicons(trainGold)
	}
	// cross-fitted false cues: a sequence model trained on one half of the texts labels the other half
	cfNegs := make([][][2]int, len(trainGold))
	if *crossfit > 0 {
		for f := range 2 {
			var ex []perceptron.Example
			for i := range trainGold {
				if i%2 != f {
					ex = append(ex, examples[exOf[i][0]:exOf[i][1]]...)
				}
			}
			o := opt
			o.Epochs, o.Patience = *crossfit, *crossfit
			ep := 0
			tr := perceptron.NewTrainer(quote.SeqLabels, quote.SeqBits, quote.SeqAllowed)
			m, _, _ := perceptron.Fit(tr, ex, o, func(*perceptron.Model) float64 { ep++; return float64(ep) })
			xf := x.WithModel(m)
			for i, g := range trainGold {
				if d := trainDocs[i]; i%2 == f && d != nil && d.Text == g.Text {
					cfNegs[i] = quote.FalseCues(xf.SeqCueSpans(d, x.Rules(d)), trainDoc(g))
				}
			}
		}
	}
	nNeg := 0
	for i, g := range trainGold {
		if d := trainDocs[i]; d != nil && d.Text == g.Text {
			rules := trainRules(i, d)
			for _, td := range trainAnns[i] {
				var negs [][2]int
				if *negP > 0 {
					negs = x.ArgNegatives(d, td, foldLex[i%cueFolds], *negP, *negKeep)
				}
				negs = append(negs, cfNegs[i]...)
				nNeg += len(negs)
				argEx = append(argEx, featX(i).ArgExamples(d, rules, td, negs)...)
			}
		}
	}
	fmt.Fprintf(stderr, "%d false cues among the argument sequences\n", nNeg)
	fmt.Fprintf(stderr, "%d argument training sequences\n", len(argEx))
	tr2 := perceptron.NewTrainer(quote.ArgLabels, quote.SeqBits, quote.ArgAllowed)
	argModel, epoch2, _ := perceptron.Fit(tr2, argEx, opt, func(m *perceptron.Model) float64 {
		c := score(best, m)
		fmt.Fprintf(stderr, "  %s\n", c.Line())
		return c.Get("source_f1")
	})
	if *argsOut == "" {
		*argsOut = filepath.Join(filepath.Dir(*out), "quotes.args.gz")
	}
	if err := writeModel(*argsOut, argModel); err != nil {
		return fail(err)
	}
	final := score(best, argModel)
	commit, _ := exec.Command("git", "rev-parse", "--short", "HEAD").Output()
	prov := fmt.Sprintf("model: %s\ndata: PolNeAR v1.0.0 train split (%s, %d texts, %d sentences); epoch chosen on dev (%s)\ncommand: newsgraph train quotes %s\ncommit: %s\nepochs: sequence model %d (0: given by --seq), argument model %d (%s)\ntrained: %s\ndev (rules + model, full pipeline): %s\n",
		*out, *trainDir, len(trainGold), len(examples), *devDir, strings.Join(args, " "), strings.TrimSpace(string(commit)), epoch, epoch2, *argsOut,
		time.Now().UTC().Format(time.RFC3339), final.Line())
	if err := os.WriteFile(strings.TrimSuffix(*out, ".gz")+".txt", []byte(prov), 0o644); err != nil {
		return fail(err)
	}
	fmt.Fprint(stdout, prov)
	return 0
}

// trainDoc converts a gold document's attributions to byte spans.
func trainDoc(g polnear.Doc) quote.TrainDoc {
	td := quote.TrainDoc{Text: g.Text}
	td.Cues, td.Contents, td.Sources = g.ByteSpans()
	return td
}

// otherAnnotations returns the attributions of g's annotation files after the first (which LoadSplit read).
func otherAnnotations(dir string, g polnear.Doc) ([]quote.TrainDoc, error) {
	files, err := filepath.Glob(filepath.Join(dir, "attributions", g.Name+"_*.ann"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var out []quote.TrainDoc
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), ".ann")
		if i := strings.LastIndexByte(base, '_'); i < 0 || base[:i] != g.Name {
			continue
		}
		fh, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		atts, err := polnear.ReadAnn(fh)
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		out = append(out, trainDoc(polnear.Doc{Name: g.Name, Text: g.Text, Attributions: atts}))
	}
	if len(out) > 0 {
		out = out[1:]
	}
	return out, nil
}

// processGold runs the stages before the quote stage (text, pos, ner, entity; not clean, so that the gold
// offsets keep their meaning) over the gold texts, two at a time, returning the documents in gold order; a
// text a stage fails on is reported on stderr and left nil.
func processGold(gold []polnear.Doc, stderr io.Writer) ([]*doc.Document, error) {
	posT, err := pos.Load()
	if err != nil {
		return nil, err
	}
	nerT, err := ner.Load()
	if err != nil {
		return nil, err
	}
	stages := []pipeline.Stage{text.New(), posT, nerT, entity.New()}
	out := make([]*doc.Document, len(gold))
	errs := make([]error, len(gold))
	var wg sync.WaitGroup
	next := make(chan int)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], errs[i] = runStages(stages, gold[i])
			}
		}()
	}
	for i := range gold {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			fmt.Fprintf(stderr, "newsgraph train quotes: %v: text skipped\n", err)
			out[i] = nil
		}
	}
	return out, nil
}

// runStages runs the stages over one gold text; a stage's error or panic is returned.
func runStages(stages []pipeline.Stage, g polnear.Doc) (d *doc.Document, err error) {
	d = &doc.Document{ID: g.Name, Text: g.Text, Format: "text", Language: "en"}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: panic: %v", g.Name, r)
		}
	}()
	for _, s := range stages {
		if err := s.Process(context.Background(), d); err != nil {
			return nil, fmt.Errorf("%s: %s: %w", g.Name, s.Name(), err)
		}
	}
	return d, nil
}

// trainCue trains the cue classifier over the train split's candidate tokens (the lexicon statistics of a
// text read from a lexicon learned on the other four of five folds), with x's sequence and argument
// models in place, and keeps the epoch and margin threshold with the best dev source F1.
func trainCue(x *quote.Extractor, trainGold, devGold []polnear.Doc, trainDocs, devDocs []*doc.Document, opt perceptron.Options,
	prune float32, thrList, out string, args []string, stdout, stderr io.Writer) int {
	fail := func(err error) int { fmt.Fprintln(stderr, "newsgraph train quotes:", err); return 1 }
	var thrs []float32
	for _, f := range strings.Split(thrList, ",") {
		var v float32
		if _, err := fmt.Sscan(strings.TrimSpace(f), &v); err != nil {
			return fail(fmt.Errorf("--cue-thresholds: %q: %w", f, err))
		}
		thrs = append(thrs, v)
	}
	const folds = cueFolds
	tds := make([]quote.TrainDoc, len(trainGold))
	for i, g := range trainGold {
		tds[i] = trainDoc(g)
	}
	lexs := foldLexicons(trainGold)
	var examples []perceptron.Example
	gold, covered := 0, 0
	for i, g := range trainGold {
		d := trainDocs[i]
		if d == nil || d.Text != g.Text {
			continue
		}
		examples = append(examples, x.CueExamples(d, x.Rules(d), tds[i], lexs[i%folds])...)
		gg, cc := x.CueCoverage(d, tds[i])
		gold, covered = gold+gg, covered+cc
	}
	pos := 0
	for _, ex := range examples {
		pos += ex.Gold[0]
	}
	fmt.Fprintf(stderr, "%d candidate tokens, %d of them in a cue; %d of %d train cues hold a candidate\n", len(examples), pos, covered, gold)
	var devEx []perceptron.Example
	for i, g := range devGold {
		if d := devDocs[i]; d != nil && d.Text == g.Text {
			devEx = append(devEx, x.CueExamples(d, x.Rules(d), trainDoc(g), nil)...)
		}
	}
	tokPRF := func(m *perceptron.Model, thr float32) string {
		tp, fp, fn := 0, 0, 0
		for _, ex := range devEx {
			p := quote.CueMargin(m, ex) > thr
			switch {
			case p && ex.Gold[0] == 1:
				tp++
			case p:
				fp++
			case ex.Gold[0] == 1:
				fn++
			}
		}
		return fmt.Sprintf("dev candidate tokens: P %.4f R %.4f (tp %d fp %d fn %d)", float64(tp)/float64(max(tp+fp, 1)), float64(tp)/float64(max(tp+fn, 1)), tp, fp, fn)
	}
	score := func(m *perceptron.Model, thr float32) polnear.Counts {
		if m != nil {
			fmt.Fprintf(stderr, "  threshold %g: %s\n", thr, tokPRF(m, thr))
		}
		return scoreQuotes(x.WithCue(m, thr), devGold, devDocs)
	}
	fmt.Fprintf(stderr, "without the classifier: %s\n", score(nil, 0).Line())
	thrOf := map[*perceptron.Model]float32{}
	opt.Prune = prune
	tr := perceptron.NewTrainer(quote.CueLabels, quote.CueBits, nil)
	best, epoch, bestF := perceptron.Fit(tr, examples, opt, func(m *perceptron.Model) float64 {
		bf := -1.0
		for _, t := range thrs {
			c := score(m, t)
			fmt.Fprintf(stderr, "  threshold %g: %s\n", t, c.Line())
			if f := c.Get("source_f1"); f > bf {
				bf, thrOf[m] = f, t
			}
		}
		return bf
	})
	if best == nil {
		return fail(fmt.Errorf("no model"))
	}
	if err := writeModel(out, best); err != nil {
		return fail(err)
	}
	final := score(best, thrOf[best])
	commit, _ := exec.Command("git", "rev-parse", "--short", "HEAD").Output()
	fmt.Fprintf(stdout, "cue model: %s\ndata: PolNeAR v1.0.0 train split (%d texts, %d candidate tokens, lexicon statistics from %d folds); epoch and threshold chosen on dev\ncommand: newsgraph train quotes %s\ncommit: %s\nepoch: %d, threshold %g (dev source F1 %.4f)\ntrained: %s\ndev (full pipeline): %s\n",
		out, len(trainGold), len(examples), folds, strings.Join(args, " "), strings.TrimSpace(string(commit)), epoch, thrOf[best], bestF,
		time.Now().UTC().Format(time.RFC3339), final.Line())
	return 0
}

// cueFolds is the number of folds of the train split for the lexicon statistics of the cue classifier and of
// the argument model's false cues: text i reads the lexicon learned from the texts of the other folds
// (fold i % cueFolds).
const cueFolds = 5

// foldLexicons returns the lexicon learned without each fold.
func foldLexicons(gold []polnear.Doc) [cueFolds]quote.Lexicon {
	var lexs [cueFolds]quote.Lexicon
	for f := range cueFolds {
		var other []quote.TrainDoc
		for i, g := range gold {
			if i%cueFolds != f {
				other = append(other, trainDoc(g))
			}
		}
		lexs[f] = quote.Learn(other)
	}
	return lexs
}

// oofLexicons returns, per fold of the train texts (text i is in fold i%cueFolds), the cue lexicon that
// ./gen would write from the other folds' texts alone: word counts (Learn), the patterns' counts on the
// prepared documents (CountPatterns), and the words kept as cues.tsv keeps them (seen at least twice as a
// cue, a source head or a pattern cue).
func oofLexicons(gold []polnear.Doc, docs []*doc.Document) [cueFolds]quote.Lexicon {
	var lexs [cueFolds]quote.Lexicon
	for f := range cueFolds {
		var other []quote.TrainDoc
		var prepared []*doc.Document
		var goldCues [][][2]int
		for i, g := range gold {
			if i%cueFolds == f {
				continue
			}
			td := trainDoc(g)
			other = append(other, td)
			if d := docs[i]; d != nil && d.Text == g.Text {
				prepared = append(prepared, d)
				var cues [][2]int
				for _, c := range td.Cues {
					cues = append(cues, c...)
				}
				goldCues = append(goldCues, cues)
			}
		}
		lex := quote.Learn(other).CountPatterns(prepared, goldCues)
		for w, v := range lex {
			if v.Cue < 2 && v.Src < 2 && v.PCand < 2 {
				delete(lex, w)
			}
		}
		lexs[f] = lex
	}
	return lexs
}

// scoreQuotes runs the quote extractor xm over copies of the prepared documents (nil: the text could not be
// prepared) and scores them against gold as score_quotes.py does; a document xm fails on counts as empty.
func scoreQuotes(xm *quote.Extractor, gold []polnear.Doc, docs []*doc.Document) polnear.Counts {
	preds := map[string]*doc.Document{}
	for i, d := range docs {
		if d == nil {
			continue
		}
		c := *d
		if err := xm.Process(context.Background(), &c); err != nil {
			continue
		}
		preds[gold[i].Name] = &c
	}
	return polnear.Score(gold, preds)
}
