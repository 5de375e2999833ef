// Command gen derives the segmenter's learned word lists from the CoNLL-2003 English training split:
//
//   - data/abbrev.txt: words ending in a period that occur inside a sentence (not as its last token) at
//     least -min-abbrev times, other than initials, letter-dot acronyms and numbers (the segmenter knows
//     those by their shape);
//   - data/starters.txt: words that, capitalised after an abbreviation, start a new sentence: words seen
//     at least -min-first times first in a sentence, at least -min-lower times in lower case inside
//     sentences, and capitalised inside sentences at most -max-cap of those times (the orthographic
//     evidence of Punkt, Kiss and Strunk 2006).
//
// Headline sentences (no lower-case letter) are skipped. Run it through go generate in internal/text.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

func main() {
	conll := flag.String("conll", "", "CoNLL-2003 training file (eng.train)")
	out := flag.String("out", "data", "output directory")
	minAbbrev := flag.Int("min-abbrev", 1, "minimum sentence-internal occurrences of an abbreviation")
	minLower := flag.Int("min-lower", 3, "minimum lower-case sentence-internal occurrences of a starter")
	minFirst := flag.Int("min-first", 1, "minimum sentence-initial occurrences of a starter")
	maxCap := flag.Float64("max-cap", 0.05, "maximum share of capitalised sentence-internal occurrences of a starter")
	flag.Parse()
	if *conll == "" {
		log.Fatal("gen: -conll FILE is required")
	}
	sents, err := readSentences(*conll)
	if err != nil {
		log.Fatal(err)
	}
	abbr := map[string]int{}
	lower := map[string]int{}
	capital := map[string]int{}
	first := map[string]int{}
	for _, s := range sents {
		if !hasLower(s) {
			continue
		}
		for i, w := range s {
			if i < len(s)-1 && len(w) >= 3 && strings.HasSuffix(w, ".") && isAbbrevCandidate(w) {
				abbr[w]++
			}
			if !isWord(w) {
				continue
			}
			if i == 0 {
				first[strings.ToLower(w)]++
				continue
			}
			r := []rune(w)
			if unicode.IsLower(r[0]) {
				lower[w]++
			} else if unicode.IsUpper(r[0]) {
				capital[strings.ToLower(w)]++
			}
		}
	}
	var abbrevs, starters []string
	for w, n := range abbr {
		if n >= *minAbbrev {
			abbrevs = append(abbrevs, w)
		}
	}
	for w, n := range lower {
		if n >= *minLower && first[w] >= *minFirst && float64(capital[w]) <= *maxCap*float64(n) {
			starters = append(starters, w)
		}
	}
	sort.Strings(abbrevs)
	sort.Strings(starters)
	src := "# Derived by internal/text/gen from CoNLL-2003 English eng.train (" + filepath.Base(*conll) + "); see README.md.\n"
	write(filepath.Join(*out, "abbrev.txt"), src, abbrevs)
	write(filepath.Join(*out, "starters.txt"), src, starters)
	fmt.Printf("gen: %d sentences, %d abbreviations, %d starters\n", len(sents), len(abbrevs), len(starters))
}

func readSentences(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var sents [][]string
	var cur []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || fields[0] == "-DOCSTART-" {
			if len(cur) > 0 {
				sents = append(sents, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, fields[0])
	}
	if len(cur) > 0 {
		sents = append(sents, cur)
	}
	return sents, sc.Err()
}

func hasLower(s []string) bool {
	for _, w := range s {
		for _, r := range w {
			if unicode.IsLower(r) {
				return true
			}
		}
	}
	return false
}

// isAbbrevCandidate accepts letters followed by one period ("Corp.", "vs."), rejecting shapes the segmenter
// recognises by itself (initials, "U.S."-like acronyms) and ellipses.
func isAbbrevCandidate(w string) bool {
	body := w[:len(w)-1]
	for _, r := range body {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return len(body) >= 2
}

func isWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

func write(path, header string, words []string) {
	if err := os.WriteFile(path, []byte(header+strings.Join(words, "\n")+"\n"), 0o644); err != nil {
		log.Fatal(err)
	}
}
