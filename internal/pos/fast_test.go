package pos

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestFastScores checks that the emission scores of tagging (word-group sums from the cache plus the
// remaining rows, fastSentence) equal those of the full feature rows that training uses (sentence), on the
// articles of ../ner/testdata/identical (one paragraph per line) and on edge cases.
func TestFastScores(t *testing.T) {
	tg := load(t)
	files, _ := filepath.Glob(filepath.Join("..", "ner", "testdata", "identical", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no articles")
	}
	var docs [][][]string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var sents [][]string
		for _, line := range strings.Split(string(b), "\n") {
			if ws := strings.Fields(line); len(ws) > 0 {
				sents = append(sents, ws)
			}
		}
		docs = append(docs, sents)
	}
	docs = append(docs, [][]string{
		{"A"},
		{"BREAKING", ":", "NATO", "CHIEF", "IN", "KYIV"},
		{"<s>", "</s>", "é", "Zürich", "\xff"},
		{"x", "y"},
	})
	m := tg.model
	L := m.NumLabels()
	slow := featurizer{lex: tg.lex}
	fast := featurizer{lex: tg.lex}
	n := 0
	for _, sents := range docs {
		forms := Forms(sents)
		for _, s := range sents {
			rows := slow.sentence(s, forms)
			rest := fast.fastSentence(tg.words, s, forms)
			got := make([]int32, len(s)*L)
			tg.words.groupScores(fast.infos, got)
			for i := range s {
				m.AddEmissions(rest[i], got[i*L:(i+1)*L])
				want := make([]int32, L)
				m.Emissions(rows[i], want)
				if !slices.Equal(got[i*L:(i+1)*L], want) {
					t.Fatalf("%q token %d: scores %v, want %v", s, i, got[i*L:(i+1)*L], want)
				}
				n++
			}
		}
	}
	if n < 1000 {
		t.Fatalf("only %d tokens compared", n)
	}
}
