// Command sentences compares newsgraph's sentence splitter (internal/text) with
// github.com/neurosnap/sentences (a Go port of NLTK's Punkt with its English training data) on the
// sentences of a CoNLL-2003 file reconstructed as text, scored as `newsgraph eval sentences` scores them
// (package internal/text/sbd defines the reconstruction and the metrics).
//
// It is a separate module so that the peer never enters the main module's dependencies:
//
//	cd bench/sentences && go run . [FILE...]   # default ../../../shared/data/conll2003-en/eng.testa
//
// The peer gets the text twice: as is, and split at line breaks first (each line tokenized on its own),
// which gives it the newline boundaries our splitter also uses.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/neurosnap/sentences/english"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/internal/text/sbd"
)

func main() {
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run . [FILE...]  (CoNLL columns; default ../../../shared/data/conll2003-en/eng.testa)")
	}
	flag.Parse()
	paths := flag.Args()
	if len(paths) == 0 {
		paths = []string{"../../../shared/data/conll2003-en/eng.testa"}
	}
	var docs []sbd.Doc
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			log.Fatal(err)
		}
		ds, err := sbd.ReadCoNLL(f)
		f.Close()
		if err != nil {
			log.Fatal(err)
		}
		docs = append(docs, ds...)
	}
	path := &paths[0]
	if len(paths) > 1 {
		s := fmt.Sprintf("%s and %d more files", paths[0], len(paths)-1)
		path = &s
	}
	words := 0
	for _, d := range docs {
		words += len(strings.Fields(d.Text))
	}
	peer, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		log.Fatal(err)
	}
	systems := []system{
		{"newsgraph", func(t string) []sbd.Span {
			r := text.Segment(t)
			out := make([]sbd.Span, len(r.Sentences))
			for i, s := range r.Sentences {
				out[i] = sbd.Span{Start: s.Start, End: s.End}
			}
			return out
		}},
		{"neurosnap", func(t string) []sbd.Span {
			var out []sbd.Span
			for _, s := range peer.Tokenize(t) {
				out = append(out, sbd.Span{Start: s.Start, End: s.End})
			}
			return out
		}},
		{"neurosnap+lines", func(t string) []sbd.Span {
			var out []sbd.Span
			off := 0
			for _, line := range strings.SplitAfter(t, "\n") {
				for _, s := range peer.Tokenize(line) {
					out = append(out, sbd.Span{Start: off + s.Start, End: off + s.End})
				}
				off += len(line)
			}
			return out
		}},
	}
	fmt.Printf("sentence boundaries on %s: %d documents, %d words\n", *path, len(docs), words)
	score(docs, systems, words)
	// The same texts with every line break replaced by a space (offsets unchanged): only punctuation and
	// capitalisation are left to find boundaries, and no one can split headlines from datelines.
	flat := make([]sbd.Doc, len(docs))
	for i, d := range docs {
		flat[i] = d
		flat[i].Text = strings.ReplaceAll(d.Text, "\n", " ")
	}
	fmt.Println("the same, with line breaks replaced by spaces:")
	score(flat, systems[:2], words)
}

type system struct {
	name  string
	split func(string) []sbd.Span
}

func score(docs []sbd.Doc, systems []system, words int) {
	for _, sys := range systems {
		var score sbd.Score
		start := time.Now()
		preds := make([][]sbd.Span, len(docs))
		for i, d := range docs {
			preds[i] = sys.split(d.Text)
		}
		el := time.Since(start)
		for i, d := range docs {
			score.Add(d, preds[i])
		}
		fmt.Printf("%s words/s=%.0f\n", score.Format(sys.name), float64(words)/el.Seconds())
	}
}
