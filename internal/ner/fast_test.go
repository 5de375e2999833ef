package ner

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/internal/ner/gazetteer"
	"github.com/newsgraph/newsgraph/internal/perceptron"
	"github.com/newsgraph/newsgraph/internal/pos"
)

// identicalSents returns the sentences (as words) of each article of testdata/identical, split as makeDoc
// splits them.
func identicalSents(t *testing.T) [][][]string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("testdata", "identical", "*.txt"))
	var docs [][][]string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := makeDoc(string(b))
		var sents [][]string
		for _, s := range d.Sents {
			var ws []string
			for _, tk := range d.Tokens[s.TokStart:s.TokEnd] {
				ws = append(ws, tk.Text)
			}
			sents = append(sents, ws)
		}
		docs = append(docs, sents)
	}
	return docs
}

// TestFastScores checks that the emission scores of tagging (word-group sums from the cache plus the
// remaining rows, fastSentence) equal those of the full feature rows that training uses (sentence), for
// both stages, on every sentence of testdata/identical and on edge cases.
func TestFastScores(t *testing.T) {
	tg := load(t)
	gaz, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	docs := identicalSents(t)
	docs = append(docs, [][]string{
		{"A"},
		{"BREAKING", ":", "NATO", "CHIEF", "IN", "KYIV"},
		{"<s>", "</s>", "é", "Zürich", "\xff"},
		{"x", "y"},
	})
	bits := tg.model.Stage1.Bits
	slow := featurizer{bits: bits, lex: tg.lex, gaz: gaz}
	fast := featurizer{bits: bits, lex: tg.lex, gaz: gaz}
	stages := []*perceptron.Model{tg.model.Stage1}
	if tg.model.Stage2 != nil {
		stages = append(stages, tg.model.Stage2)
	}
	L := tg.model.Stage1.NumLabels()
	n := 0
	for _, sents := range docs {
		di := &docInfo{forms: pos.Forms(sents), names: tg.model.names}
		for _, s := range sents {
			tags := tg.pos.Tag(s, di.forms)
			rows := slow.sentence(sentInput{words: s, pos: tags}, di)
			rest := fast.fastSentence(tg.words, sentInput{words: s, pos: tags}, di)
			if !slices.Equal(slow.lower, fast.lower) || !slices.Equal(slow.short, fast.short) {
				t.Fatalf("%q: lower/short differ", s)
			}
			for si, m := range stages {
				got := make([]int32, len(s)*L)
				tg.words.groupScores(fast.infos, si, got)
				for i := range s {
					m.AddEmissions(rest[i], got[i*L:(i+1)*L])
					want := make([]int32, L)
					m.Emissions(rows[i], want)
					if !slices.Equal(got[i*L:(i+1)*L], want) {
						t.Fatalf("stage %d, %q token %d: scores %v, want %v", si+1, s, i, got[i*L:(i+1)*L], want)
					}
					n++
				}
			}
		}
	}
	if n < 1000 {
		t.Fatalf("only %d tokens compared", n)
	}
}

// TestCacheConcurrentFill tags documents from many goroutines with fresh word caches (NER and POS), so that
// words are missed, computed and stored concurrently (run with -race); every result must equal a serial run.
func TestCacheConcurrentFill(t *testing.T) {
	tg := load(t)
	docs := identicalSents(t)
	want := make([]string, len(docs))
	for i, d := range docs {
		want[i] = fmt.Sprint(tg.TagDocument(d, nil))
	}
	fresh := New(tg.model, tg.lex, pos.New(tg.pos.Model(), tg.lex))
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		go func() {
			for k := range docs {
				i := (k + g) % len(docs)
				if got := fmt.Sprint(fresh.TagDocument(docs[i], nil)); got != want[i] {
					errs <- fmt.Errorf("goroutine %d, document %d differs", g, i)
					return
				}
			}
			errs <- nil
		}()
	}
	for g := 0; g < 8; g++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
