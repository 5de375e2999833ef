package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/perceptron"
	"github.com/newsgraph/newsgraph/internal/quote"
)

func TestTrainQuotes(t *testing.T) {
	dir := writeSplit(t) // one written article, used as train and dev
	out := filepath.Join(t.TempDir(), "quotes.model.gz")
	var stdout, stderr bytes.Buffer
	if code := trainQuotes([]string{"--train", dir, "--dev", dir, "--out", out, "--epochs", "2", "--prune", "0"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, tc := range []struct {
		name   string
		path   string
		labels []string
	}{
		{"sequence model", out, quote.SeqLabels},
		{"argument model", filepath.Join(filepath.Dir(out), "quotes.args.gz"), quote.ArgLabels},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := os.Open(tc.path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			m, err := perceptron.Load(f)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(m.Labels, " ") != strings.Join(tc.labels, " ") {
				t.Errorf("labels %v, want %v", m.Labels, tc.labels)
			}
		})
	}
	prov, err := os.ReadFile(strings.TrimSuffix(out, ".gz") + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"1 texts", "command: newsgraph train quotes --train", "score_quotes docs=1"} {
		if !strings.Contains(string(prov), want) || !strings.Contains(stdout.String(), want) {
			t.Errorf("provenance lacks %q:\n%s", want, prov)
		}
	}
	if code := trainQuotes([]string{"--train", dir}, &stdout, &stderr); code != 2 {
		t.Errorf("missing --dev and --out: exit %d, want 2", code)
	}
}

// TestTrainQuotesVariants runs the training variants of internal/quote/README.md's fourth round
// (out-of-fold lexicon and rules, rule dropout, repeated weak-cue sentences) on the written article: they
// train and save both models.
func TestTrainQuotesVariants(t *testing.T) {
	dir := writeSplit(t)
	out := filepath.Join(t.TempDir(), "quotes.model.gz")
	var stdout, stderr bytes.Buffer
	args := []string{"--train", dir, "--dev", dir, "--out", out, "--epochs", "1", "--prune", "0",
		"--oof-lexicon", "--oof-rules", "--rule-dropout", "0.5", "--weak-cue-p", "1", "--weak-cue-repeat", "2"}
	if code := trainQuotes(args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, p := range []string{out, filepath.Join(filepath.Dir(out), "quotes.args.gz")} {
		if _, err := os.Stat(p); err != nil {
			t.Error(err)
		}
	}
	// the article's only cue, "said", is never a weak cue word
	if !strings.Contains(stderr.String(), "(0 texts skipped; 0 repeats of sentences with a weak cue)") {
		t.Errorf("unexpected training summary:\n%s", stderr.String())
	}
}
