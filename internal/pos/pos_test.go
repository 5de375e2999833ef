package pos

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/conll"
	"github.com/newsgraph/newsgraph/internal/dataset"
	"github.com/newsgraph/newsgraph/internal/doc"
)

func load(t testing.TB) *Tagger {
	t.Helper()
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

func TestTag(t *testing.T) {
	tg := load(t)
	tests := []struct {
		name, words, want string
	}{
		{"past tense and nouns", "The minister said the talks had failed .", "DT NN VBD DT NNS VBD VBN ."},
		{"proper nouns and numbers", "Shares of Siemens rose 3 percent on Monday .", "NNS IN NNP VBD CD NN IN NNP ."},
		{"shouted", "STOCKS FALL AS TALKS FAIL", "NNS VBP IN NNS VBP"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(tg.Tag(strings.Fields(tt.words), nil), " ")
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestProcess(t *testing.T) {
	tg := load(t)
	d := &doc.Document{Text: "Rome fell .  "}
	d.Tokens = []doc.Token{{Start: 0, End: 4, Text: "Rome"}, {Start: 5, End: 9, Text: "fell"}, {Start: 10, End: 11, Text: "."}}
	d.Sents = []doc.Sentence{{TokStart: 0, TokEnd: 3}, {TokStart: 3, TokEnd: 3}, {TokStart: 2, TokEnd: 99}}
	if err := tg.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tk := range d.Tokens {
		got = append(got, tk.POS)
	}
	if strings.Join(got, " ") != "NNP VBD ." {
		t.Errorf("got %v", got)
	}
}

func TestBadInput(t *testing.T) {
	tg := load(t)
	for _, words := range [][]string{
		nil,
		{""},
		{"\x00", "\xff", "北京", "Москва"},
		strings.Fields(strings.Repeat("a b C 1 ", 2500)),
	} {
		tags := tg.Tag(words, nil)
		if len(tags) != len(words) {
			t.Fatalf("%d tags for %d words", len(tags), len(words))
		}
		for _, tag := range tags {
			if tag == "" {
				t.Fatal("empty tag")
			}
		}
	}
}

// TestDevAccuracy pins the accuracy on the POS column of eng.testa.
func TestDevAccuracy(t *testing.T) {
	p := dataset.Require(t, "conll2003-en", "eng.testa")
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := conll.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	acc := Accuracy(load(t), docs, 1)
	t.Logf("eng.testa POS accuracy %.4f", acc)
	if acc < 0.953 {
		t.Errorf("accuracy %.4f < 0.953", acc)
	}
}

func BenchmarkTag(b *testing.B) {
	tg := load(b)
	words := strings.Fields("U.S. Secretary of State Marco Rubio said on Monday that talks with Russian officials in Riyadh had been constructive , and that a delegation would travel to Saudi Arabia next week .")
	out := make([]string, len(words))
	for b.Loop() {
		tg.TagInto(words, nil, out)
	}
	b.ReportMetric(float64(len(words)*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func ExampleTagger_Tag() {
	tg, _ := Load()
	fmt.Println(tg.Tag([]string{"The", "minister", "resigned", "on", "Friday", "."}, nil))
	// Output: [DT NN VBD IN NNP .]
}
