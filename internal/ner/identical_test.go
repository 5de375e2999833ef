package ner

import (
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/dataset"
	"github.com/newsgraph/newsgraph/internal/golden"
	"github.com/newsgraph/newsgraph/internal/pos"
)

// The tests of this file pin the exact output of the POS and NER taggers, so that speed work (feature
// hashing, caches, emission loops) cannot change a single tag. Regenerate with go test -update only when a
// change of output is intended (a new model).

// TestIdenticalArticles tags the articles of testdata/identical (copies of the project's example articles,
// written for it; one paragraph per line) with the POS and NER stages and compares every token's POS tag
// and every name with testdata/identical/*.golden.
func TestIdenticalArticles(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "identical", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no testdata/identical/*.txt")
	}
	tg := load(t)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d := makeDoc(string(text))
			if err := tg.pos.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if err := tg.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, s := range d.Sents {
				for _, tk := range d.Tokens[s.TokStart:s.TokEnd] {
					fmt.Fprintf(&b, "%s/%s ", tk.Text, tk.POS)
				}
				b.WriteString("\n")
			}
			for _, n := range d.Names {
				fmt.Fprintf(&b, "%s %d-%d %q\n", n.Type, n.Start, n.End, n.Text)
			}
			got := b.String()
			path := strings.TrimSuffix(f, ".txt") + ".golden"
			if *golden.Update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
				for i := 0; i < len(gl) && i < len(wl); i++ {
					if gl[i] != wl[i] {
						t.Fatalf("line %d differs:\ngot  %s\nwant %s", i+1, gl[i], wl[i])
					}
				}
				t.Fatalf("output has %d lines, want %d", len(gl), len(wl))
			}
		})
	}
}

// devDigest is the SHA-256 of the POS tags and NER chunks the taggers give eng.testa (see
// TestIdenticalDev); the tags themselves are not kept, being derived from the corpus.
const devDigest = "49e26c79c3323646aaa5d45a6e6587bbe7d5512f99960f70ca51af71b93237ac"

// TestIdenticalDev tags eng.testa (the development split) as Evaluate does, POS tags by the POS tagger, and
// compares a digest of every POS tag and chunk with devDigest.
func TestIdenticalDev(t *testing.T) {
	p := dataset.Require(t, "conll2003-en", "eng.testa")
	docs := readFile(t, p)
	tg := load(t)
	h := sha256.New()
	for _, d := range docs {
		sents := docWords(d)
		forms := pos.Forms(sents)
		tags := make([][]string, len(sents))
		for i, s := range sents {
			tags[i] = tg.pos.Tag(s, forms)
			fmt.Fprintln(h, strings.Join(tags[i], " "))
		}
		for i, cs := range tg.TagDocument(sents, nil) {
			for _, c := range cs {
				fmt.Fprintf(h, "%d %d %d %s\n", i, c.Start, c.End, c.Type)
			}
		}
	}
	got := fmt.Sprintf("%x", h.Sum(nil))
	if *golden.Update {
		t.Logf("eng.testa digest %s: set devDigest to it", got)
		return
	}
	if got != devDigest {
		t.Errorf("eng.testa digest %s, want %s: the taggers' output changed", got, devDigest)
	}
}
