package polnear_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/dataset"
	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/eval/polnear"
	"github.com/newsgraph/newsgraph/internal/quote"
)

const ann = "T1\tSource 0 5\tSmith\n" +
	"T2\tCue 6 10\tsaid\n" +
	"T3\tContent 11 20;25 30\tthe budget ... ready\n" +
	"continuation line of a span text\n" +
	"T4\tAttribution 6 10\tsaid\n" +
	"E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n" +
	"E2\tAttribution:T4 Cue:T2\n"

func TestReadAnn(t *testing.T) {
	got, err := polnear.ReadAnn(strings.NewReader(ann))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("got %d attributions, want 1 (an E line without content is dropped)", len(got))
	}
	a := got[0]
	want := polnear.Attribution{Content: []polnear.Frag{{11, 20}, {25, 30}}, Cue: []polnear.Frag{{6, 10}}, Source: []polnear.Frag{{0, 5}}}
	if len(a.Content) != 2 || a.Content[0] != want.Content[0] || a.Content[1] != want.Content[1] || a.Cue[0] != want.Cue[0] || a.Source[0] != want.Source[0] {
		t.Errorf("got %+v, want %+v", a, want)
	}
	for _, bad := range []string{"T1\tSource x 5\tSmith\n", "T1\tSource\n", "E1\tAttribution\n"} {
		if _, err := polnear.ReadAnn(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadAnn(%q): no error", bad)
		}
	}
}

func TestScore(t *testing.T) {
	// code points: the “ marks are one code point each, three bytes each in the prediction
	text := "“Taxes are high,” Smith said. Jones said the plan fails."
	gold := []polnear.Doc{{Name: "a", Text: text, Attributions: []polnear.Attribution{
		{Content: []polnear.Frag{{0, 17}}, Cue: []polnear.Frag{{24, 28}}, Source: []polnear.Frag{{18, 23}}},
		{Content: []polnear.Frag{{41, 55}}, Cue: []polnear.Frag{{36, 40}}, Source: []polnear.Frag{{30, 35}}},
	}}}
	span := func(s string) doc.Span { i := strings.Index(text, s); return doc.Span{Start: i, End: i + len(s)} }
	src := span("Smith")
	d := &doc.Document{Text: text, Quotes: []doc.Quote{
		{ID: "q1", Kind: doc.Direct, Content: span("Taxes are high,"), Cue: span("said"), Source: &src},
	}}
	c := polnear.Score(gold, map[string]*doc.Document{"a": d})
	for k, want := range map[string]float64{
		"gold": 2, "pred": 1, "matched": 1, "direct_gold": 1, "content_exact_p": 1, "content_exact_r": 0.5,
		"cue_p": 1, "source_p": 1, "source_r": 0.5, "direct_exact_f1": 1, "direct_speaker_acc": 1,
		"content_overlap_p": 1, "content_overlap_r": 0.5,
	} {
		if got := c.Get(k); got != want {
			t.Errorf("%s = %v, want %v", k, got, want)
		}
	}
	if c := polnear.Score(gold, nil); c.MissingDocs != 1 || c.Get("content_overlap_r") != 0 {
		t.Errorf("missing prediction: got %+v", c)
	}
}

// TestAgreesWithReferenceScorer runs the quote stage on PolNeAR dev and checks that the Go scorer prints
// exactly the reference scorer's last line (needs python3 and ../shared).
func TestAgreesWithReferenceScorer(t *testing.T) {
	dir := dataset.Require(t, "polnear", "dev")
	script := filepath.Join(filepath.Dir(dataset.Dir()), "eval", "score_quotes.py")
	if _, err := os.Stat(script); err != nil {
		t.Skipf("reference scorer %s not found", script)
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	gold, err := polnear.LoadSplit(dir)
	if err != nil {
		t.Fatal(err)
	}
	x, err := quote.New()
	if err != nil {
		t.Fatal(err)
	}
	preds := map[string]*doc.Document{}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for _, g := range gold {
		d := &doc.Document{ID: g.Name, Source: filepath.Join(dir, "text", g.Name+".txt"), Text: g.Text}
		if err := x.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		preds[g.Name] = d
		if err := enc.Encode(d); err != nil {
			t.Fatal(err)
		}
	}
	f := filepath.Join(t.TempDir(), "pred.jsonl")
	if err := os.WriteFile(f, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, script, dir, f).Output()
	if err != nil {
		t.Fatalf("%s: %v", script, err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	want := lines[len(lines)-1]
	if got := polnear.Score(gold, preds).Line(); got != want {
		t.Errorf("Go scorer disagrees with score_quotes.py:\n go: %s\n py: %s", got, want)
	}
}
