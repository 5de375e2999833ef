package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/conll"
	"github.com/newsgraph/newsgraph/internal/ner"
	"github.com/newsgraph/newsgraph/internal/ner/lexicon"
	"github.com/newsgraph/newsgraph/internal/perceptron"
	"github.com/newsgraph/newsgraph/internal/pos"
)

func runTrain(args []string, stdout, stderr io.Writer) int {
	return subcommand("train", args, map[string]func([]string, io.Writer, io.Writer) int{
		"ner":     trainNER,
		"pos":     trainPOS,
		"lexicon": trainLexicon,
		"quotes":  trainQuotes,
	}, stdout, stderr)
}

func readCoNLL(path string) ([]conll.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return conll.Read(f)
}

// readModel loads the perceptron model at path.
func readModel(path string) (*perceptron.Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return perceptron.Load(f)
}

// writeModel saves m (a perceptron or NER model) to path.
func writeModel(path string, m interface{ Save(io.Writer) error }) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := m.Save(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func trainFlags(name string, stderr io.Writer) (*flag.FlagSet, *string, *string, *string, *perceptron.Options) {
	fs := flag.NewFlagSet("train "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	train := fs.String("train", "", "CoNLL training file (required)")
	dev := fs.String("dev", "", "CoNLL development file, for choosing the epoch (required)")
	out := fs.String("out", "", "model file to write (required)")
	opt := &perceptron.Options{Log: stderr}
	fs.IntVar(&opt.Epochs, "epochs", 12, "maximum passes over the training data")
	fs.IntVar(&opt.Patience, "patience", 3, "stop after this many epochs without a better dev score")
	fs.Uint64Var(&opt.Seed, "seed", 1, "random seed for shuffling")
	return fs, train, dev, out, opt
}

func trainPOS(args []string, stdout, stderr io.Writer) int {
	fs, train, dev, out, opt := trainFlags("pos", stderr)
	col := fs.Int("column", 1, "POS column (0-based)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *train == "" || *dev == "" || *out == "" {
		fmt.Fprintln(stderr, "newsgraph train pos: --train, --dev and --out are required")
		return 2
	}
	tr, err := readCoNLL(*train)
	if err != nil {
		fmt.Fprintln(stderr, "newsgraph train pos:", err)
		return 1
	}
	dv, err := readCoNLL(*dev)
	if err != nil {
		fmt.Fprintln(stderr, "newsgraph train pos:", err)
		return 1
	}
	lex, err := lexicon.Default()
	if err != nil {
		fmt.Fprintln(stderr, "newsgraph train pos:", err)
		return 1
	}
	m, epoch, acc := pos.Train(tr, dv, lex, pos.TrainOptions{Options: *opt, Column: *col})
	if err := writeModel(*out, m); err != nil {
		fmt.Fprintln(stderr, "newsgraph train pos:", err)
		return 1
	}
	fmt.Fprintf(stdout, "pos model %s: best epoch %d, dev accuracy %.4f\n", *out, epoch, acc)
	return 0
}

func trainNER(args []string, stdout, stderr io.Writer) int {
	fs, train, dev, out, opt := trainFlags("ner", stderr)
	two := fs.Bool("two-stage", true, "train the second stage with non-local (document-level) features")
	folds := fs.Int("folds", 2, "jackknife folds for the second stage's training input")
	prune := fs.Float64("prune", 0.05, "drop averaged weights smaller than this")
	noNames := fs.Bool("no-names", false, "leave out the training-data gazetteer features")
	bits := fs.Uint("bits", ner.DefaultBits, "log2 of the number of feature rows")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *train == "" || *dev == "" || *out == "" {
		fmt.Fprintln(stderr, "newsgraph train ner: --train, --dev and --out are required")
		return 2
	}
	fail := func(err error) int { fmt.Fprintln(stderr, "newsgraph train ner:", err); return 1 }
	tr, err := readCoNLL(*train)
	if err != nil {
		return fail(err)
	}
	dv, err := readCoNLL(*dev)
	if err != nil {
		return fail(err)
	}
	lex, err := lexicon.Default()
	if err != nil {
		return fail(err)
	}
	pt, err := pos.Load()
	if err != nil {
		return fail(err)
	}
	m, f1, err := ner.Train(tr, dv, lex, pt, ner.TrainOptions{Options: *opt, TwoStage: *two, Folds: *folds, NoNames: *noNames, Bits: *bits, Prune: float32(*prune)})
	if err != nil {
		return fail(err)
	}
	if err := writeModel(*out, m); err != nil {
		return fail(err)
	}
	stages := 1
	if m.Stage2 != nil {
		stages = 2
	}
	fmt.Fprintf(stdout, "ner model %s: %d stage(s), dev F1 %.4f\n", *out, stages, f1)
	return 0
}

// runTag reads CoNLL columns on stdin and writes each token line back with the predicted IOB2 tag appended;
// blank and -DOCSTART- lines are copied unchanged.
func runTag(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("tag", flag.ContinueOnError)
	fs.SetOutput(stderr)
	_ = fs.Bool("conll", true, "read and write CoNLL columns (the only format)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	t, err := ner.Load()
	if err != nil {
		fmt.Fprintln(stderr, "newsgraph tag:", err)
		return 1
	}
	bw := bufio.NewWriterSize(stdout, 1<<16)
	defer bw.Flush()
	err = conll.Scan(os.Stdin, func(d conll.Document) error {
		sents := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			sents[i] = s.Words()
		}
		pred := t.TagDocument(sents, nil)
		for i, s := range d.Sentences {
			tags := ner.IOB2(len(s.Tokens), pred[i])
			for j, tk := range s.Tokens {
				bw.WriteString(strings.Join(tk.Cols, " "))
				bw.WriteByte(' ')
				bw.WriteString(tags[j])
				bw.WriteByte('\n')
			}
			bw.WriteByte('\n')
		}
		if d.Marker != "" {
			bw.WriteString(d.Marker)
			bw.WriteString("\n\n")
		}
		return nil
	})
	if err != nil {
		fmt.Fprintln(stderr, "newsgraph tag:", err)
		return 1
	}
	return 0
}

// evalNER scores the tagger on CoNLL files (gold tags in the last column), or on GUM's TSV files with
// --gum (see internal/ner/EVAL.md for the type mapping).
func evalNER(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval ner", flag.ContinueOnError)
	fs.SetOutput(stderr)
	gum := fs.Bool("gum", false, "inputs are GUM entity TSV files (or directories of them): map GUM types to ours")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: newsgraph eval ner [--gum] FILE|DIR...")
		return 2
	}
	t, err := ner.Load()
	if err != nil {
		fmt.Fprintln(stderr, "newsgraph eval ner:", err)
		return 1
	}
	var docs []conll.Document
	for _, p := range fs.Args() {
		files := []string{p}
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			files, _ = filepath.Glob(filepath.Join(p, "*"))
			sort.Strings(files)
		}
		for _, f := range files {
			ds, err := readCoNLL(f)
			if err != nil {
				fmt.Fprintln(stderr, "newsgraph eval ner:", err)
				return 1
			}
			if *gum {
				// One GUM file is one document.
				var one conll.Document
				for _, d := range ds {
					one.Sentences = append(one.Sentences, d.Sentences...)
				}
				ds = []conll.Document{ner.MapGUM(one)}
			}
			docs = append(docs, ds...)
		}
	}
	var c *conll.Counts
	var ov ner.Overlap
	if *gum {
		c, ov = ner.EvaluateGUM(t, docs)
	} else {
		c = ner.Evaluate(t, docs)
	}
	c.Report(stdout)
	if *gum {
		p, r, f := ov.PRF()
		fmt.Fprintf(stdout, "overlap (same type, any shared token): precision: %6.2f%%; recall: %6.2f%%; F1: %6.2f\n", 100*p, 100*r, 100*f)
	}
	o := c.Overall()
	fmt.Fprintf(stdout, "eval ner f1=%.4f precision=%.4f recall=%.4f", o.F1, o.P, o.R)
	for _, ty := range ner.Types {
		fmt.Fprintf(stdout, " %s_f1=%.4f", ty, c.Type(ty).F1)
	}
	fmt.Fprintln(stdout)
	return 0
}

func runBench(args []string, stdout, stderr io.Writer) int {
	return subcommand("bench", args, map[string]func([]string, io.Writer, io.Writer) int{
		"ner":      benchNER,
		"pipeline": benchPipeline,
	}, stdout, stderr)
}

// benchNER times model loading and tagging on one core, in CPU seconds (user + system) so that the figure is
// per core whatever else the machine runs. The comparison with jdkato/prose is bench/ner (own module).
func benchNER(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench ner", flag.ContinueOnError)
	fs.SetOutput(stderr)
	rounds := fs.Int("rounds", 3, "timed rounds (the best is kept)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: newsgraph bench ner [--rounds N] CONLL-FILE")
		return 2
	}
	runtime.GOMAXPROCS(1)
	docs, err := readCoNLL(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, "newsgraph bench ner:", err)
		return 1
	}
	c0, w0 := processCPU(), time.Now()
	t, err := ner.Load()
	if err != nil {
		fmt.Fprintln(stderr, "newsgraph bench ner:", err)
		return 1
	}
	fmt.Fprintf(stdout, "load: %v CPU, %v wall\n", (processCPU() - c0).Round(time.Millisecond), time.Since(w0).Round(time.Millisecond))
	pt, _ := pos.Load()
	sents := make([][][]string, len(docs))
	tags := make([][][]string, len(docs))
	tokens := 0
	for i, d := range docs {
		for _, s := range d.Sentences {
			sents[i] = append(sents[i], s.Words())
			tokens += len(s.Tokens)
		}
	}
	best := func(f func()) time.Duration {
		var b time.Duration
		for r := 0; r < max(*rounds, 1); r++ {
			c := processCPU()
			f()
			if d := processCPU() - c; r == 0 || d < b {
				b = d
			}
		}
		return b
	}
	posTime := best(func() {
		for i, ss := range sents {
			forms := pos.Forms(ss)
			tags[i] = tags[i][:0]
			for _, s := range ss {
				tags[i] = append(tags[i], pt.Tag(s, forms))
			}
		}
	})
	nerTime := best(func() {
		for i, ss := range sents {
			t.TagDocument(ss, tags[i])
		}
	})
	rate := func(d time.Duration) float64 { return float64(tokens) / d.Seconds() }
	fmt.Fprintf(stdout, "%d documents, %d tokens, one core\n", len(docs), tokens)
	fmt.Fprintf(stdout, "pos:       %9.0f tokens/s\n", rate(posTime))
	fmt.Fprintf(stdout, "ner:       %9.0f tokens/s (POS given)\n", rate(nerTime))
	fmt.Fprintf(stdout, "pos + ner: %9.0f tokens/s\n", rate(posTime+nerTime))
	return 0
}
