package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/internal/text/sbd"
)

// evalSentences scores the text stage's sentence boundaries against a CoNLL-2003 file reconstructed as
// running text (see package sbd for the reconstruction and the metrics).
func evalSentences(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval sentences", flag.ContinueOnError)
	fs.SetOutput(stderr)
	minF1 := fs.Float64("min-f1", 0, "exit 1 when boundary F1 is below this")
	errors := fs.Int("errors", 0, "print up to N documents' missed and spurious boundaries")
	textsDir := fs.String("write-texts", "", "also write each reconstructed document to `DIR`/doc-NNN.txt (for newsgraph extract)")
	jsonOut := fs.String("jsonl", "", "also write each document with its predicted sentences as schema newsgraph/1 JSON Lines to `FILE`")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newsgraph eval sentences [flags] FILE...\n\nEach FILE holds CoNLL columns (token first; documents split at -DOCSTART-, else one per file),\ne.g. ../shared/data/conll2003-en/eng.testa.")
		fs.PrintDefaults()
	}
	if code, ok := parseFlagsFirst(fs, args, 1); !ok {
		return code
	}
	var docs []sbd.Doc
	for _, path := range fs.Args() {
		f, err := os.Open(path)
		if err != nil {
			fmt.Fprintf(stderr, "newsgraph eval sentences: %v\n", err)
			return 1
		}
		ds, err := sbd.ReadCoNLL(f)
		f.Close()
		if err != nil {
			fmt.Fprintf(stderr, "newsgraph eval sentences: %s: %v\n", path, err)
			return 1
		}
		docs = append(docs, ds...)
	}
	var jw *bufio.Writer
	if *jsonOut != "" {
		jf, err := os.Create(*jsonOut)
		if err != nil {
			fmt.Fprintf(stderr, "newsgraph eval sentences: %v\n", err)
			return 1
		}
		defer jf.Close()
		jw = bufio.NewWriter(jf)
		defer jw.Flush()
	}
	if *textsDir != "" {
		if err := os.MkdirAll(*textsDir, 0o755); err != nil {
			fmt.Fprintf(stderr, "newsgraph eval sentences: %v\n", err)
			return 1
		}
	}
	var score sbd.Score
	shown := 0
	for i, d := range docs {
		name := fmt.Sprintf("doc-%03d.txt", i+1)
		if *textsDir != "" {
			if err := os.WriteFile(filepath.Join(*textsDir, name), []byte(d.Text+"\n"), 0o644); err != nil {
				fmt.Fprintf(stderr, "newsgraph eval sentences: %v\n", err)
				return 1
			}
		}
		res := text.Segment(d.Text)
		pred := make([]sbd.Span, len(res.Sentences))
		for i, s := range res.Sentences {
			pred[i] = sbd.Span{Start: s.Start, End: s.End}
		}
		toks := make([]sbd.Span, len(res.Tokens))
		for i, t := range res.Tokens {
			toks[i] = sbd.Span{Start: t.Start, End: t.End}
		}
		score.AddTokens(d, toks)
		if jw != nil {
			out := doc.Document{Source: name, Text: d.Text, Sentences: make([]doc.Span, len(res.Sentences))}
			for i, s := range res.Sentences {
				out.Sentences[i] = s.Span
			}
			b, err := json.Marshal(out)
			if err != nil {
				fmt.Fprintf(stderr, "newsgraph eval sentences: %v\n", err)
				return 1
			}
			jw.Write(append(b, '\n'))
		}
		before := score
		score.Add(d, pred)
		if shown < *errors && (score.Correct-before.Correct != score.Gold-before.Gold || score.Correct-before.Correct != score.Pred-before.Pred) {
			shown++
			printErrors(stdout, d, pred)
		}
	}
	fmt.Fprintf(stdout, "sentence boundaries on %s (CoNLL sentences reconstructed as text; package sbd defines it)\n", strings.Join(fs.Args(), " "))
	fmt.Fprintln(stdout, score.Format("sentences"))
	if score.F1() < *minF1 {
		fmt.Fprintf(stderr, "newsgraph eval sentences: f1 %.4f below --min-f1 %.4f\n", score.F1(), *minF1)
		return 1
	}
	return 0
}

// printErrors shows the text of d with gold-only boundaries marked "<<MISS>>" and predicted-only ones
// marked "<<SPUR>>".
func printErrors(w io.Writer, d sbd.Doc, pred []sbd.Span) {
	gold := map[int]bool{}
	for _, s := range d.Sentences[:len(d.Sentences)-1] {
		gold[s.End] = true
	}
	predB := map[int]bool{}
	for _, s := range pred[:max(0, len(pred)-1)] {
		predB[s.End] = true
	}
	fmt.Fprintln(w, "----")
	last := 0
	for i := 0; i <= len(d.Text); i++ {
		mark := ""
		switch {
		case gold[i] && !predB[i]:
			mark = "<<MISS>>"
		case predB[i] && !gold[i]:
			mark = "<<SPUR>>"
		}
		if mark != "" {
			fmt.Fprint(w, d.Text[last:i], mark)
			last = i
		}
	}
	fmt.Fprintln(w, d.Text[last:])
}
