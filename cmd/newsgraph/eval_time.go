package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/eval/timeml"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/timex"
)

// timeTagger runs either the timex stage alone on the gold text or the whole pipeline (as extract does).
type timeTagger struct {
	p *pipeline.Pipeline
	t *timex.Tagger
}

func newTimeTagger(full bool) (*timeTagger, error) {
	tt := &timeTagger{t: timex.New()}
	if full {
		p, err := pipeline.New(pipeline.Config{Workers: 1})
		if err != nil {
			return nil, err
		}
		tt.p = p
	}
	return tt, nil
}

// tag returns the document text the predictions refer to and the predictions.
func (tt *timeTagger) tag(ctx context.Context, name, text, dct string) (string, []timeml.Pred, error) {
	d := &doc.Document{ID: name, Source: name + ".txt", Published: dct, PublishedAt: (&timeml.Doc{DCT: dct}).DCTDay()}
	var err error
	if tt.p != nil {
		d.Raw, d.Format = []byte(text), "text"
		err = tt.p.Process(ctx, d)
	} else {
		d.Text = text
		err = tt.t.Process(ctx, d)
	}
	if err != nil {
		return "", nil, err
	}
	ps := make([]timeml.Pred, len(d.Times))
	for i, t := range d.Times {
		ps[i] = timeml.Pred{Start: t.Start, End: t.End, Type: t.Type, Value: t.Value}
	}
	return d.Text, ps, nil
}

func evalTime(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval time", flag.ContinueOnError)
	fs.SetOutput(stderr)
	alone := fs.Bool("timex-only", false, "run the timex stage alone on the gold text, without tokens and POS tags (default: the whole pipeline, as extract does)")
	errs := fs.Bool("errors", false, "list misses, spurious and wrong predictions on stderr")
	oks := fs.Bool("matches", false, "with --errors, also list the predictions that are right (OK lines)")
	var mins multiFlag
	fs.Var(&mins, "min", "exit 1 when metric KEY (as printed, rounded to 4 places) is below VALUE: `KEY=VALUE`, repeatable")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newsgraph eval time [--timex-only] [--errors] [--min KEY=VALUE] TML_FILE_OR_DIR...")
		fmt.Fprintln(stderr, "Scores time expressions against TimeML gold (TempEval-3 metrics, as ../shared/eval/score_times.py")
		fmt.Fprintln(stderr, "scores `newsgraph extract --jsonl --published DCT` on the texts of timeml_to_text.py).")
		fs.PrintDefaults()
	}
	if code, ok := parseFlagsFirst(fs, args, 1); !ok {
		return code
	}
	files, err := timeml.Files(fs.Args())
	if err != nil || len(files) == 0 {
		fmt.Fprintf(stderr, "newsgraph eval time: no .tml files (%v)\n", err)
		return 2
	}
	tt, err := newTimeTagger(!*alone)
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph eval time: %v\n", err)
		return 2
	}
	ctx := context.Background()
	var total timeml.Counts
	for _, f := range files {
		d, err := timeml.ReadFile(f)
		if err != nil {
			fmt.Fprintf(stderr, "newsgraph eval time: %v\n", err)
			return 2
		}
		text, preds, err := tt.tag(ctx, d.Name, d.Text, d.DCT)
		if err != nil {
			fmt.Fprintf(stderr, "newsgraph eval time: %s: %v\n", f, err)
			return 2
		}
		c, pairs := timeml.ScoreDoc(d, text, preds)
		total.Add(c)
		if *errs {
			listErrors(stderr, d, text, preds, pairs, *oks)
		}
	}
	m := timeml.Compute(total)
	m.Write(stdout)
	status := 0
	for _, kv := range mins {
		k, v, _ := strings.Cut(kv, "=")
		want, err := strconv.ParseFloat(v, 64)
		got, ok := m.Get(k)
		if err != nil || !ok {
			fmt.Fprintf(stderr, "newsgraph eval time: bad --min %q\n", kv)
			return 2
		}
		if belowMin("eval time", k, got, want, stderr) {
			status = 1
		}
	}
	return status
}

// listErrors prints one line per gold timex that was missed or got a wrong value, and per spurious prediction.
func listErrors(w io.Writer, d *timeml.Doc, text string, preds []timeml.Pred, pairs []timeml.Pair, oks bool) {
	matchedP := map[int]int{}
	for _, p := range pairs {
		matchedP[p.Pred] = p.Gold
	}
	matchedG := map[int]int{}
	for _, p := range pairs {
		matchedG[p.Gold] = p.Pred
	}
	ctx := func(s string, a, b int) string {
		lo, hi := max(0, a-40), min(len(s), b+40)
		return strings.ReplaceAll(s[lo:a]+"[["+s[a:b]+"]]"+s[b:hi], "\n", " ")
	}
	for gi, g := range d.Gold {
		pi, ok := matchedG[gi]
		switch {
		case !ok:
			fmt.Fprintf(w, "MISS\t%s\t%s\t%s %s\t%q\t%s\n", d.Name, d.DCT, g.Type, g.Value, g.Text, ctx(d.Text, g.Start, g.End))
		case preds[pi].Value != g.Value || text[preds[pi].Start:preds[pi].End] != strings.TrimSpace(g.Text):
			p := preds[pi]
			kind := "VALUE"
			if p.Value == g.Value {
				kind = "EXTENT"
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s %s\t%q\tgot %s %s %q\t%s\n", kind, d.Name, d.DCT, g.Type, g.Value, g.Text, p.Type, p.Value, text[p.Start:p.End], ctx(d.Text, g.Start, g.End))
		case oks:
			p := preds[pi]
			fmt.Fprintf(w, "OK\t%s\t%s\t%s %s\t%q\tgot %s %s %q\t%s\n", d.Name, d.DCT, g.Type, g.Value, g.Text, p.Type, p.Value, text[p.Start:p.End], ctx(d.Text, g.Start, g.End))
		}
	}
	for pi, p := range preds {
		if _, ok := matchedP[pi]; !ok {
			fmt.Fprintf(w, "SPURIOUS\t%s\t%s\t%s %s\t%q\t%s\n", d.Name, d.DCT, p.Type, p.Value, text[p.Start:p.End], ctx(text, p.Start, p.End))
		}
	}
}

// multiFlag is a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }

func runTimeML(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("timeml", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "directory for the output .tml files (default: print to stdout)")
	published := fs.String("published", "", "document creation time YYYY-MM-DD for plain-text inputs")
	alone := fs.Bool("timex-only", false, "run the timex stage alone, without tokens and POS tags (default: the whole pipeline)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newsgraph timeml [--out DIR] [--published DATE] [--timex-only] INPUT...")
		fmt.Fprintln(stderr, "Writes TimeML with our TIMEX3 tags: INPUT is a .tml file or directory (its text and DCT are used,")
		fmt.Fprintln(stderr, "its annotations dropped) or a plain-text file. Score with the TempEval-3 tools against the gold .tml.")
		fs.PrintDefaults()
	}
	if code, ok := parseFlagsFirst(fs, args, 1); !ok {
		return code
	}
	tt, err := newTimeTagger(!*alone)
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph timeml: %v\n", err)
		return 2
	}
	if *out != "" {
		if err := os.MkdirAll(*out, 0o755); err != nil {
			fmt.Fprintf(stderr, "newsgraph timeml: %v\n", err)
			return 2
		}
	}
	status := 0
	for _, in := range fs.Args() {
		files := []string{in}
		if fi, err := os.Stat(in); err == nil && fi.IsDir() {
			files, _ = timeml.Files([]string{in})
		}
		for _, f := range files {
			if err := writeTimeML(tt, f, *published, *out, stdout); err != nil {
				fmt.Fprintf(stderr, "newsgraph timeml: %v\n", err)
				status = 1
			}
		}
	}
	return status
}

func writeTimeML(tt *timeTagger, path, published, outDir string, stdout io.Writer) error {
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	var text, dct string
	if strings.HasSuffix(path, ".tml") {
		d, err := timeml.ReadFile(path)
		if err != nil {
			return err
		}
		text, dct = d.Text, d.DCT
	} else {
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text, dct = string(raw), published
	}
	got, preds, err := tt.tag(context.Background(), name, text, dct)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	w := stdout
	if outDir != "" {
		f, err := os.Create(filepath.Join(outDir, name+".tml"))
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	return timeml.Write(w, name, dct, got, preds)
}
