package main

import (
	"flag"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/ner/lexicon"
)

// trainLexicon learns word casings and clusters from unlabeled text: the word column of CoNLL files and the
// plain text (XML tags stripped) of every file under --text directories.
func trainLexicon(args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("train lexicon", flag.ContinueOnError)
	fset.SetOutput(stderr)
	out := fset.String("out", "", "lexicon file to write (gzipped TSV, required)")
	min := fset.Int("min", 2, "keep words seen at least this often")
	cmin := fset.Int("cluster-min", 3, "cluster words seen at least this often")
	iters := fset.Int("iters", 8, "exchange-algorithm passes per clustering (0: no clusters)")
	var texts []string
	fset.Func("text", "directory of plain-text or XML files to learn from (repeatable)", func(s string) error {
		texts = append(texts, s)
		return nil
	})
	if err := fset.Parse(args); err != nil {
		return 2
	}
	if *out == "" || (fset.NArg() == 0 && len(texts) == 0) {
		fmt.Fprintln(stderr, "usage: newsgraph train lexicon --out FILE [--text DIR]... CONLL...")
		return 2
	}
	fail := func(err error) int { fmt.Fprintln(stderr, "newsgraph train lexicon:", err); return 1 }
	var sents [][]string
	for _, p := range fset.Args() {
		docs, err := readCoNLL(p)
		if err != nil {
			return fail(err)
		}
		for _, d := range docs {
			for _, s := range d.Sentences {
				sents = append(sents, s.Words())
			}
		}
	}
	tag := regexp.MustCompile(`<[^>]*>`)
	for _, dir := range texts {
		var files []string
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				files = append(files, p)
			}
			return err
		})
		if err != nil {
			return fail(err)
		}
		sort.Strings(files)
		for _, p := range files {
			b, err := os.ReadFile(p)
			if err != nil {
				return fail(err)
			}
			text := string(b)
			if strings.HasSuffix(p, ".xml") || strings.HasSuffix(p, ".tml") {
				text = html.UnescapeString(tag.ReplaceAllString(text, ""))
			}
			sents = append(sents, lexicon.SimpleSentences(text)...)
		}
	}
	c := lexicon.NewCounter()
	ntok := 0
	for _, s := range sents {
		c.Add(s)
		ntok += len(s)
	}
	m, keys := c.Entries(*min)
	if *iters > 0 {
		lexicon.ClusterWords(sents, m, *cmin, *iters)
		keys = keys[:0]
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
	}
	f, err := os.Create(*out)
	if err != nil {
		return fail(err)
	}
	if err := lexicon.New(m).Write(f, keys); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		return fail(err)
	}
	fmt.Fprintf(stdout, "lexicon %s: %d words from %d sentences, %d tokens\n", *out, len(keys), len(sents), ntok)
	return 0
}
