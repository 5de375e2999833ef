package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/eval/polnear"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/quote"
)

// evalQuotes implements `newsgraph eval quotes DIR`: it extracts the quotes of a PolNeAR split (or reads
// them from a `newsgraph extract --jsonl` file) and prints the reference scorer's figures.
func evalQuotes(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval quotes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	predPath := fs.String("pred", "", "score this `newsgraph extract --jsonl` output instead of running the pipeline")
	stageOnly := fs.Bool("quote-only", false, "run only the quote stage on the raw texts (no cleaning, entities or speakers)")
	outPath := fs.String("out", "", "also write the predictions as JSON Lines to this file (for the reference scorer)")
	var mins minFlags
	fs.Var(&mins, "min", "fail (exit 1) when metric KEY is below VALUE, as KEY=VALUE; repeatable")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newsgraph eval quotes [--pred FILE.jsonl] [--quote-only] [--out FILE.jsonl] [--min KEY=VALUE]... DIR")
		fmt.Fprintln(stderr, "DIR is a PolNeAR split (text/, attributions/), e.g. ../shared/data/polnear/dev.")
		fs.PrintDefaults()
	}
	if code, ok := parseFlagsFirst(fs, args, 0); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	dir := fs.Arg(0)
	gold, err := polnear.LoadSplit(dir)
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph eval quotes: %v\n", err)
		return 2
	}
	if len(gold) == 0 {
		fmt.Fprintf(stderr, "newsgraph eval quotes: %s: no annotated texts\n", dir)
		return 2
	}
	var preds map[string]*doc.Document
	switch {
	case *predPath != "":
		preds, err = readPredictions(*predPath, stderr)
	case *stageOnly:
		preds, err = runQuoteStage(gold, dir)
	default:
		preds, err = runPipeline(gold, dir)
	}
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph eval quotes: %v\n", err)
		return 2
	}
	if *outPath != "" {
		if err := writePredictions(*outPath, gold, preds); err != nil {
			fmt.Fprintf(stderr, "newsgraph eval quotes: %v\n", err)
			return 2
		}
	}
	c := polnear.Score(gold, preds)
	fmt.Fprintf(stdout, "%d texts, %d gold attributions in %d content segments (%d direct), %d predicted quotes, %d matched; content tokens gold %d, predicted %d, shared %d\n",
		c.Docs, c.Attributions, c.Gold, c.DirectGold, c.Pred, c.Matched, c.GoldTokens, c.PredTokens, c.SharedTokens)
	fmt.Fprintf(stdout, "%-16s %9s %9s %9s\n", "", "precision", "recall", "F1")
	for _, row := range []struct{ label, key string }{
		{"content overlap", "content_overlap"}, {"content exact", "content_exact"}, {"cue", "cue"},
		{"source", "source"}, {"direct exact", "direct_exact"},
	} {
		fmt.Fprintf(stdout, "%-16s %9.4f %9.4f %9.4f\n", row.label, c.Get(row.key+"_p"), c.Get(row.key+"_r"), c.Get(row.key+"_f1"))
	}
	fmt.Fprintf(stdout, "direct speaker accuracy %.4f\n", c.Get("direct_speaker_acc"))
	fmt.Fprintln(stdout, c.Line())
	status := 0
	for _, m := range mins {
		v := c.Get(m.key)
		known := false
		for _, mm := range c.Metrics() {
			known = known || mm.Name == m.key
		}
		if !known {
			fmt.Fprintf(stderr, "newsgraph eval quotes: unknown metric %q for --min\n", m.key)
			return 2
		}
		if belowMin("eval quotes", m.key, v, m.val, stderr) {
			status = 1
		}
	}
	return status
}

// goldDocs builds the input documents of the gold texts as `newsgraph extract` reads .txt files.
func goldDocs(gold []polnear.Doc, dir string) []*doc.Document {
	out := make([]*doc.Document, len(gold))
	for i, g := range gold {
		out[i] = &doc.Document{ID: g.Name, Source: filepath.Join(dir, "text", g.Name+".txt"), Raw: []byte(g.Text),
			Format: "text", Text: g.Text}
	}
	return out
}

func runPipeline(gold []polnear.Doc, dir string) (map[string]*doc.Document, error) {
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		return nil, err
	}
	out := map[string]*doc.Document{}
	err = p.Run(context.Background(), inOrder(goldDocs(gold, dir)), func(r pipeline.Result) error {
		if r.Err != nil {
			return r.Err
		}
		out[r.Doc.ID] = r.Doc
		return nil
	})
	return out, err
}

func runQuoteStage(gold []polnear.Doc, dir string) (map[string]*doc.Document, error) {
	x, err := quote.New()
	if err != nil {
		return nil, err
	}
	out := map[string]*doc.Document{}
	for _, d := range goldDocs(gold, dir) {
		if err := x.Process(context.Background(), d); err != nil {
			return nil, err
		}
		out[d.ID] = d
	}
	return out, nil
}

// writePredictions writes the predicted documents in gold order as JSON Lines.
func writePredictions(path string, gold []polnear.Doc, preds map[string]*doc.Document) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	for _, g := range gold {
		if d := preds[g.Name]; d != nil {
			if err := enc.Encode(d); err != nil {
				f.Close()
				return err
			}
		}
	}
	return f.Close()
}

// readPredictions reads JSON Lines (or concatenated JSON values; arrays contribute their elements) of
// schema newsgraph/1 documents, keyed by the base name of their source without extension.
func readPredictions(path string, stderr io.Writer) (map[string]*doc.Document, error) {
	var r io.Reader = os.Stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	dec := json.NewDecoder(r)
	out := map[string]*doc.Document{}
	add := func(raw json.RawMessage) error {
		var d doc.Document
		if err := json.Unmarshal(raw, &d); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if d.Source == "" {
			fmt.Fprintf(stderr, "newsgraph eval quotes: warning: prediction without source (id=%q) ignored\n", d.ID)
			return nil
		}
		k := strings.TrimSuffix(filepath.Base(d.Source), filepath.Ext(d.Source))
		if _, dup := out[k]; dup {
			fmt.Fprintf(stderr, "newsgraph eval quotes: warning: duplicate prediction for %q: first kept\n", k)
			return nil
		}
		out[k] = &d
		return nil
	}
	for {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err == io.EOF {
			return out, nil
		} else if err != nil {
			return nil, fmt.Errorf("%s: invalid JSON: %w", path, err)
		}
		if t := strings.TrimSpace(string(raw)); strings.HasPrefix(t, "[") {
			var arr []json.RawMessage
			if err := json.Unmarshal(raw, &arr); err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			for _, a := range arr {
				if err := add(a); err != nil {
					return nil, err
				}
			}
			continue
		}
		if err := add(raw); err != nil {
			return nil, err
		}
	}
}
