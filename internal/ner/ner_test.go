package ner

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

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

func names(d *doc.Document) []string {
	var out []string
	for _, n := range d.Names {
		out = append(out, fmt.Sprintf("%s %q %d-%d", n.Type, n.Text, n.Start, n.End))
	}
	return out
}

func TestProcess(t *testing.T) {
	tg := load(t)
	tests := []struct {
		name string
		text string
		want []string
	}{
		{
			"title stays out of the person",
			"UK Prime Minister Keir Starmer met German Chancellor Friedrich Merz in Berlin on Tuesday.",
			[]string{`LOC "UK" 0-2`, `PER "Keir Starmer" 18-30`, `MISC "German" 35-41`, `PER "Friedrich Merz" 53-67`, `LOC "Berlin" 71-77`},
		},
		{
			"organization and place",
			"The European Commission fined Microsoft 2.4 billion euros , officials in Brussels said .",
			[]string{`ORG "European Commission" 4-23`, `ORG "Microsoft" 30-39`, `LOC "Brussels" 73-81`},
		},
		{
			"shouted post is not a string of entities",
			"BIG PROGRESS ON RUSSIA. STAY TUNED!",
			[]string{`LOC "RUSSIA" 16-22`},
		},
		{
			"lower-case sentence has no names",
			"the talks ended without a deal , and both sides went home .",
			nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := makeDoc(tt.text)
			if err := tg.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			got := names(d)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	tg := load(t)
	long := strings.Repeat("Paris London 12 | ", 2500) // 10,000 tokens in one "sentence"
	tests := []struct{ name, text string }{
		{"empty", ""},
		{"only spaces", "   \n \n"},
		{"non-Latin", "Владимир Путин встретился с Си Цзиньпином в Пекине . 習近平 在 北京 會見 普京 。"},
		{"control characters", "Angela\x00 Merkel\x1b[31m visited\x7f Paris\u200b ."},
		{"invalid UTF-8", "Boris \xff\xfe Johnson in \xc3 London ."},
		{"long sentence", long},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := makeDoc(tt.text)
			start := time.Now()
			if err := tg.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if el := time.Since(start); el > 5*time.Second {
				t.Errorf("took %v", el)
			}
			checkNames(t, d)
		})
	}
	// An empty sentence in the middle of a document.
	d := makeDoc("Paris is big .\nRome too .")
	d.Sents = append(d.Sents[:1], doc.Sentence{TokStart: 4, TokEnd: 4}, d.Sents[1])
	if err := tg.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	checkNames(t, d)
}

// checkNames asserts the invariants of d.Names: in bounds, in text order, non-empty, matching their tokens.
func checkNames(t *testing.T, d *doc.Document) {
	t.Helper()
	last := -1
	for _, n := range d.Names {
		if n.Start < 0 || n.End > len(d.Text) || n.Start >= n.End || n.Start < last {
			t.Fatalf("bad span %+v", n)
		}
		if n.TokStart >= n.TokEnd || n.TokEnd > len(d.Tokens) || d.Tokens[n.TokStart].Start != n.Start || d.Tokens[n.TokEnd-1].End != n.End {
			t.Fatalf("tokens do not match span %+v", n)
		}
		if n.Text != d.Text[n.Start:n.End] {
			t.Fatalf("text %q != %q", n.Text, d.Text[n.Start:n.End])
		}
		switch n.Type {
		case "PER", "ORG", "LOC", "MISC":
		default:
			t.Fatalf("bad type %q", n.Type)
		}
		last = n.Start
	}
}

func TestLoadIsShared(t *testing.T) {
	a, b := load(t), load(t)
	if a != b {
		t.Error("Load returned two taggers")
	}
}

// TestDevF1 pins the eng.testa score so that a change that loses accuracy fails.
func TestDevF1(t *testing.T) {
	p := dataset.Require(t, "conll2003-en", "eng.testa")
	docs := readFile(t, p)
	c := Evaluate(load(t), docs)
	f1 := c.Overall().F1
	t.Logf("eng.testa F1 %.4f", f1)
	if f1 < minDevF1 {
		t.Errorf("eng.testa F1 %.4f < %.4f", f1, minDevF1)
	}
}

func readFile(t testing.TB, p string) []conll.Document {
	t.Helper()
	docs, err := readPath(p)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func FuzzProcess(f *testing.F) {
	f.Add("UK Prime Minister Keir Starmer met Merz .")
	f.Add("BIG NEWS !\n\n\x00 é")
	tg := load(f)
	f.Fuzz(func(t *testing.T, text string) {
		d := makeDoc(text)
		if err := tg.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		checkNames(t, d)
	})
}

const article = `WASHINGTON (Reuters) - U.S. Secretary of State Marco Rubio said on Monday that talks with Russian officials in Riyadh had been "constructive", and that a delegation from Kyiv would travel to Saudi Arabia next week.
Ukrainian President Volodymyr Zelenskiy told reporters in Kyiv that his government would not accept any deal reached without it.
The European Union's foreign policy chief, Kaja Kallas, said the bloc stood ready to increase military aid, while NATO Secretary General Mark Rutte called for higher defence spending.
Shares of Lockheed Martin and Rheinmetall rose after the comments, and the Stoxx 600 index closed 0.4 percent higher in Frankfurt.
`

func BenchmarkProcess(b *testing.B) {
	tg := load(b)
	base := makeDoc(article)
	ntok := len(base.Tokens)
	ctx := context.Background()
	for b.Loop() {
		d := *base
		d.Names = nil
		tg.Process(ctx, &d)
	}
	b.ReportMetric(float64(ntok*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func ExampleTagger_Process() {
	tg, _ := Load()
	d := &doc.Document{Text: "Angela Merkel visited Paris ."}
	for _, w := range strings.Fields(d.Text) {
		at := strings.Index(d.Text, w)
		d.Tokens = append(d.Tokens, doc.Token{Start: at, End: at + len(w), Text: w})
	}
	d.Sents = []doc.Sentence{{Span: doc.Span{Start: 0, End: len(d.Text)}, TokStart: 0, TokEnd: len(d.Tokens)}}
	tg.Process(context.Background(), d)
	for _, n := range d.Names {
		fmt.Println(n.Type, n.Text)
	}
	// Output:
	// PER Angela Merkel
	// LOC Paris
}

// TestConcurrent runs one tagger from many goroutines (run with -race): results must equal a serial run.
func TestConcurrent(t *testing.T) {
	tg := load(t)
	want := makeDoc(article)
	if err := tg.Process(context.Background(), want); err != nil {
		t.Fatal(err)
	}
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		go func() {
			d := makeDoc(article)
			if err := tg.Process(context.Background(), d); err != nil {
				errs <- err.Error()
				return
			}
			errs <- strings.Join(names(d), "|")
		}()
	}
	for g := 0; g < 8; g++ {
		if got := <-errs; got != strings.Join(names(want), "|") {
			t.Errorf("concurrent run got %s", got)
		}
	}
}
