package sbd_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/dataset"
	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/internal/text/sbd"
)

// TestAgreesWithPythonScorer checks that the Go reconstruction and metrics agree with the independent
// Python implementation in bench/sentences/score_sentences.py on eng.testa: same boundary counts, same
// figures. It skips when the data or python3 is absent.
func TestAgreesWithPythonScorer(t *testing.T) {
	path := dataset.Require(t, "conll2003-en", "eng.testa")
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: skipping")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := sbd.ReadCoNLL(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "eval.jsonl")
	jf, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(jf)
	var score sbd.Score
	for i, d := range docs {
		r := text.Segment(d.Text)
		pred := make([]sbd.Span, len(r.Sentences))
		enc := doc.Document{Source: fmt.Sprintf("doc-%03d.txt", i+1), Text: d.Text}
		for k, s := range r.Sentences {
			pred[k] = sbd.Span{Start: s.Start, End: s.End}
			enc.Sentences = append(enc.Sentences, s.Span)
		}
		score.Add(d, pred)
		b, err := json.Marshal(enc)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(append(b, '\n'))
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	jf.Close()
	got, err := exec.Command(py, "../../../bench/sentences/score_sentences.py", path, out).CombinedOutput()
	if err != nil {
		t.Fatalf("score_sentences.py: %v\n%s", err, got)
	}
	want := fmt.Sprintf("sentences gold=%d pred=%d correct=%d precision=%.4f recall=%.4f f1=%.4f exact=%.4f",
		score.Gold, score.Pred, score.Correct, score.Precision(), score.Recall(), score.F1(), score.ExactShare())
	lines := strings.Split(strings.TrimSpace(string(got)), "\n")
	if last := lines[len(lines)-1]; last != want {
		t.Errorf("python scorer:\n %s\nGo:\n %s", last, want)
	}
}
