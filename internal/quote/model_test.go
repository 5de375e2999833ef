package quote

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/entity"
	"github.com/newsgraph/newsgraph/internal/golden"
	"github.com/newsgraph/newsgraph/internal/ner"
	"github.com/newsgraph/newsgraph/internal/pos"
	"github.com/newsgraph/newsgraph/internal/text"
)

var (
	stagesOnce sync.Once
	stagesList []interface {
		Process(context.Context, *doc.Document) error
	}
	stagesErr error
)

// prepare runs the stages before the quote stage (text, pos, ner, entity) on d, as the pipeline does.
func prepare(t testing.TB, d *doc.Document) {
	t.Helper()
	stagesOnce.Do(func() {
		pt, err := pos.Load()
		if err != nil {
			stagesErr = err
			return
		}
		nt, err := ner.Load()
		if err != nil {
			stagesErr = err
			return
		}
		stagesList = []interface {
			Process(context.Context, *doc.Document) error
		}{text.New(), pt, nt, entity.New()}
	})
	if stagesErr != nil {
		t.Fatal(stagesErr)
	}
	for _, s := range stagesList {
		if err := s.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSeqExamplesLabels(t *testing.T) {
	text := "Ortiz said the levee would hold. Rain fell."
	td := TrainDoc{Text: text,
		Sources:  [][][2]int{{{0, 5}}},
		Cues:     [][][2]int{{{6, 10}}},
		Contents: [][][2]int{{{11, 31}}},
	}
	d := &doc.Document{Text: text}
	prepare(t, d)
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ex := x.SeqExamples(d, nil, td)
	if len(ex) != 2 {
		t.Fatalf("got %d sentences, want 2", len(ex))
	}
	tests := []struct {
		name string
		gold []int
		want []string
	}{
		{"attribution", ex[0].Gold, []string{"B-SRC", "B-CUE", "B-CON", "I-CON", "I-CON", "I-CON", "O"}},
		{"no attribution", ex[1].Gold, []string{"O", "O", "O"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, l := range tc.gold {
				got = append(got, SeqLabels[l])
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("labels %v, want %v", got, tc.want)
			}
		})
	}
	args := x.ArgExamples(d, nil, td, nil)
	if len(args) != 1 {
		t.Fatalf("got %d argument sequences, want 1", len(args))
	}
	var got []string
	for _, l := range args[0].Gold {
		got = append(got, ArgLabels[l])
	}
	if want := "B-SRC O B-CON I-CON I-CON I-CON O"; strings.Join(got, " ") != want {
		t.Errorf("argument labels %v, want %s", got, want)
	}
}

func TestMerge(t *testing.T) {
	src := doc.Span{Start: 0, End: 3}
	rules := []doc.Quote{
		{Kind: doc.Direct, Content: doc.Span{Start: 10, End: 20}},
		{Kind: doc.Indirect, Content: doc.Span{Start: 40, End: 50}},
		{Kind: doc.Indirect, Content: doc.Span{Start: 70, End: 80}},
	}
	model := []doc.Quote{
		{Kind: doc.Indirect, Content: doc.Span{Start: 12, End: 18}, Source: &src}, // inside a direct quote: dropped
		{Kind: doc.Indirect, Content: doc.Span{Start: 42, End: 55}, Source: &src}, // replaces the rules' indirect one
		{Kind: doc.Indirect, Content: doc.Span{Start: 90, End: 99}},               // new
	}
	got := merge("", rules, model)
	var spans []string
	for _, q := range got {
		spans = append(spans, fmt.Sprintf("%s %d %d", q.ID, q.Content.Start, q.Content.End))
	}
	want := []string{"q1 10 20", "q2 42 55", "q3 70 80", "q4 90 99"}
	if strings.Join(spans, ",") != strings.Join(want, ",") {
		t.Errorf("merged %v, want %v", spans, want)
	}
	if got[0].Source == nil || got[0].Source.Start != 0 {
		t.Errorf("the direct quote did not take the overlapping model source: %+v", got[0])
	}
}

// TestGoldenModel runs the golden articles through the stages before the quote stage, so that the sequence
// and argument models take part; testdata/NAME.model.golden.json holds the result (-update rewrites it).
func TestGoldenModel(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if x.seq == nil {
		t.Skip("no sequence model embedded")
	}
	files, _ := filepath.Glob("testdata/*.txt")
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d := &doc.Document{Text: string(b)}
			prepare(t, d)
			if err := x.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, d)
			golden.Check(t, filepath.Join("testdata", name+".model.golden.json"), goldenQuotes(d))
		})
	}
}

// TestModelConcurrent runs the stage with its models on one prepared article from several goroutines (run
// with -race): every run must give the sequential result.
func TestModelConcurrent(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("testdata/council.txt")
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Text: string(b)}
	prepare(t, d)
	want := *d
	if err := x.Process(context.Background(), &want); err != nil {
		t.Fatal(err)
	}
	wantJSON, _ := json.Marshal(want.Quotes)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				c := *d
				if err := x.Process(context.Background(), &c); err != nil {
					errs <- err.Error()
					return
				}
				if got, _ := json.Marshal(c.Quotes); !bytes.Equal(got, wantJSON) {
					errs <- "concurrent result differs"
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestMergeBrokenSource: for the same cue, the rules' source replaces a model source that is not a whole
// phrase (it ends in a comma), and not a whole one ("an admiral" stays).
func TestMergeBrokenSource(t *testing.T) {
	text := "Dr. Ana Ruiz, who retired from the service as an admiral, said that the injury was minor."
	span := func(s string) doc.Span {
		i := strings.Index(text, s)
		return doc.Span{Start: i, End: i + len(s)}
	}
	cue, content := span("said"), span("that the injury was minor")
	for _, tc := range []struct{ model, want string }{
		{"the service as an admiral,", "Dr. Ana Ruiz"},
		{"an admiral", "an admiral"},
	} {
		ms, rs := span(tc.model), span("Dr. Ana Ruiz")
		model := []doc.Quote{{Kind: doc.Indirect, Content: content, Cue: cue, Source: &ms}}
		rules := []doc.Quote{{Kind: doc.Indirect, Content: content, Cue: cue, Source: &rs}}
		got := merge(text, rules, model)
		if len(got) != 1 || got[0].Source == nil || text[got[0].Source.Start:got[0].Source.End] != tc.want {
			t.Errorf("model source %q: got %+v, want source %q", tc.model, got, tc.want)
		}
	}
}

func TestBrokenSource(t *testing.T) {
	for _, tc := range []struct {
		src    string
		broken bool
	}{
		{"the service as a rear admiral,", true},
		{"Lena practices medicine)", true},
		{"Sen. Ana Ruiz (D-Ore.)", false},
		{"Amy Pope,", false},
		{"the council", false},
	} {
		if got := brokenSource(tc.src, doc.Span{End: len(tc.src)}); got != tc.broken {
			t.Errorf("brokenSource(%q) = %v, want %v", tc.src, got, tc.broken)
		}
	}
}
