package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/newsgraph/newsgraph/internal/ner/lexicon"
)

// trainLexicon learns word casings and clusters from unlabeled text (CoNLL files: the word column).
func trainLexicon(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("train lexicon", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "lexicon file to write (gzipped TSV, required)")
	min := fs.Int("min", 2, "keep words seen at least this often")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: newsgraph train lexicon --out FILE CONLL...")
		return 2
	}
	c := lexicon.NewCounter()
	for _, p := range fs.Args() {
		docs, err := readCoNLL(p)
		if err != nil {
			fmt.Fprintln(stderr, "newsgraph train lexicon:", err)
			return 1
		}
		for _, d := range docs {
			for _, s := range d.Sentences {
				c.Add(s.Words())
			}
		}
	}
	m, keys := c.Entries(*min)
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(stderr, "newsgraph train lexicon:", err)
		return 1
	}
	if err := lexicon.New(m).Write(f, keys); err != nil {
		fmt.Fprintln(stderr, "newsgraph train lexicon:", err)
		return 1
	}
	f.Close()
	fmt.Fprintf(stdout, "lexicon %s: %d words\n", *out, len(keys))
	return 0
}
