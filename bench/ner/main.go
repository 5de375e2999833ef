// Command ner compares the speed of newsgraph's NER tagger with jdkato/prose v2 on the same text and prints
// words per second for both and their ratio. It lives in its own module so that prose stays out of the
// main module.
//
//	cd bench/ner && go run . [-file eng.testa] [-rounds 3]
//
// The text is the word column of a CoNLL file (default ../../../shared/data/conll2003-en/eng.testa, one
// sentence per line), or a built-in article when the file is absent. Both taggers get the same raw text and
// do all their own work: newsgraph tokenizes it (lexicon.SimpleSentences), tags POS and names; prose runs
// NewDocument with its defaults (tokenizer, segmenter, POS tagger, NER). Words are counted once, as
// newsgraph's tokens, for both. Runs with GOMAXPROCS=1 and times CPU
// seconds (user + system), so words/s is per core whatever else the machine is doing.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/newsgraph/newsgraph/internal/conll"
	"github.com/newsgraph/newsgraph/internal/ner"
	"github.com/newsgraph/newsgraph/internal/ner/lexicon"
)

const article = `WASHINGTON (Reuters) - U.S. Secretary of State Marco Rubio said on Monday that talks with Russian officials in Riyadh had been constructive, and that a delegation from Kyiv would travel to Saudi Arabia next week.
Ukrainian President Volodymyr Zelenskiy told reporters in Kyiv that his government would not accept any deal reached without it.
The European Union's foreign policy chief, Kaja Kallas, said the bloc stood ready to increase military aid, while NATO Secretary General Mark Rutte called for higher defence spending.
Shares of Lockheed Martin and Rheinmetall rose after the comments, and the Stoxx 600 index closed 0.4 percent higher in Frankfurt.
`

func main() {
	file := flag.String("file", "../../../shared/data/conll2003-en/eng.testa", "CoNLL file whose words make the text")
	rounds := flag.Int("rounds", 3, "timed rounds per tagger (the best is kept)")
	limit := flag.Int("words", 20000, "use the first documents of the file up to about this many words")
	flag.Parse()
	runtime.GOMAXPROCS(1)

	docs := textDocs(*file, *limit)
	t, err := ner.Load()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	words := 0
	for _, d := range docs {
		for _, s := range lexicon.SimpleSentences(d) {
			words += len(s)
		}
	}
	ours := best(*rounds, func() {
		for _, d := range docs {
			t.TagDocument(lexicon.SimpleSentences(d), nil)
		}
	})
	theirs := best(*rounds, func() {
		for _, d := range docs {
			if _, err := prose.NewDocument(d); err != nil {
				panic(err)
			}
		}
	})
	o := float64(words) / ours.Seconds()
	p := float64(words) / theirs.Seconds()
	fmt.Printf("text: %d documents, %d words\n", len(docs), words)
	fmt.Printf("newsgraph: %10.0f words/s per core (%v CPU)\n", o, ours.Round(time.Millisecond))
	fmt.Printf("prose v2:  %10.0f words/s per core (%v CPU)\n", p, theirs.Round(time.Millisecond))
	fmt.Printf("ratio: %.1fx\n", o/p)
}

// best runs f rounds times and returns the smallest CPU time (user + system) of one run. CPU time, not
// wall time, is what "per core" means, and it does not depend on what else the machine is running.
func best(rounds int, f func()) time.Duration {
	var b time.Duration
	for i := 0; i < rounds; i++ {
		start := cpuTime()
		f()
		if d := cpuTime() - start; i == 0 || d < b {
			b = d
		}
	}
	return b
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// textDocs returns one text per document of the CoNLL file, or the built-in article.
func textDocs(path string, limit int) []string {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%v: using the built-in article\n", err)
		return []string{article}
	}
	defer f.Close()
	ds, err := conll.Read(f)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var out []string
	n := 0
	for _, d := range ds {
		if n >= limit {
			break
		}
		var b strings.Builder
		for _, s := range d.Sentences {
			b.WriteString(strings.Join(s.Words(), " "))
			n += len(s.Tokens)
			b.WriteString("\n")
		}
		out = append(out, b.String())
	}
	return out
}
