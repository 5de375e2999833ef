// Command gen learns the quote stage's cue lexicon (cues.tsv) from the PolNeAR train split: for every word
// form, how often it occurs, how often it is part of an annotated attribution cue, how often that
// attribution's content follows the cue, how often it ends a source, and - running the extractor
// permissively over the train texts segmented and POS-tagged by the text and pos stages - how often the
// patterns took it for a cue and how often rightly. Run it with `go generate ./internal/quote`.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/eval/polnear"
	"github.com/newsgraph/newsgraph/internal/pos"
	"github.com/newsgraph/newsgraph/internal/quote"
	"github.com/newsgraph/newsgraph/internal/text"
)

func main() {
	dir := flag.String("polnear", "../../../shared/data/polnear/train", "PolNeAR split directory (text/, attributions/)")
	out := flag.String("out", "cues.tsv", "output file")
	minCue := flag.Int("min", 2, "keep words seen as a cue at least this often")
	flag.Parse()
	docs, err := polnear.LoadSplit(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	var train []quote.TrainDoc
	for _, d := range docs {
		td := quote.TrainDoc{Text: d.Text}
		td.Cues, td.Contents, td.Sources = d.ByteSpans()
		train = append(train, td)
	}
	lex := quote.Learn(train)
	// second pass: the precision of each cue word under the extractor's patterns, on text with POS tags
	seg := text.New()
	tagger, err := pos.Load()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	var prepared []*doc.Document
	var goldCues [][][2]int
	for _, td := range train {
		d := &doc.Document{Text: td.Text}
		if err := seg.Process(context.Background(), d); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		if err := tagger.Process(context.Background(), d); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		prepared = append(prepared, d)
		var cues [][2]int
		for _, c := range td.Cues {
			cues = append(cues, c...)
		}
		goldCues = append(goldCues, cues)
	}
	lex = lex.CountPatterns(prepared, goldCues)
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := lex.Write(f, *minCue); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "gen: learned cue lexicon from %d documents of %s\n", len(docs), *dir)
}
