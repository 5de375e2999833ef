package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/dataset"
)

// writeSplit writes a one-text PolNeAR-style split (text/, attributions/) of an article written for this test.
func writeSplit(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	text := "“The levee will hold,” said Mayor Ana Ortiz.\n\nCritics said the city had ignored its engineers.\n"
	ann := "T1\tContent 0 22\t“The levee will hold,”\n" +
		"T2\tCue 23 27\tsaid\n" +
		"T3\tSource 28 43\tMayor Ana Ortiz\n" +
		"E1\tAttribution:T2 Content:T1 Cue:T2 Source:T3\n" +
		"T4\tSource 46 53\tCritics\n" +
		"T5\tCue 54 58\tsaid\n" +
		"T6\tContent 59 94\tthe city had ignored its engineers\n" +
		"E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n"
	for _, d := range []string{"text", "attributions"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "text", "levee.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "attributions", "levee_ab12.ann"), []byte(ann), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestEvalQuotes(t *testing.T) {
	dir := writeSplit(t)
	out := filepath.Join(t.TempDir(), "pred.jsonl")
	var stdout, stderr bytes.Buffer
	if code := evalQuotes([]string{"--quote-only", "--out", out, "--min", "content_overlap_f1=0.99", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s%s", code, stdout.String(), stderr.String())
	}
	last := lastLine(stdout.String())
	for _, want := range []string{"gold=2", "pred=2", "matched=2", "content_exact_f1=1.0000", "source_f1=1.0000", "direct_exact_f1=1.0000", "direct_speaker_acc=1.0000"} {
		if !strings.Contains(last, want) {
			t.Errorf("last line lacks %s: %s", want, last)
		}
	}
	// scoring the written predictions gives the same figures
	stdout.Reset()
	if code := evalQuotes([]string{"--pred", out, dir}, &stdout, &stderr); code != 0 || lastLine(stdout.String()) != last {
		t.Errorf("--pred: exit %d, %q, want %q", code, lastLine(stdout.String()), last)
	}
	// an unreachable threshold fails with status 1, an unknown metric with 2
	if code := evalQuotes([]string{"--quote-only", "--min", "cue_f1=1.01", dir}, &stdout, &stderr); code != 1 {
		t.Errorf("--min above the score: exit %d, want 1", code)
	}
	if code := evalQuotes([]string{"--quote-only", "--min", "nonsense=1", dir}, &stdout, &stderr); code != 2 {
		t.Errorf("--min unknown metric: exit %d, want 2", code)
	}
	if code := evalQuotes(nil, &stdout, &stderr); code != 2 {
		t.Errorf("no DIR: exit %d, want 2", code)
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// TestEvalQuotesPolNeAR pins the figures issue 5 asks of the whole pipeline on PolNeAR dev (content overlap
// F1 >= 0.80, source F1 >= 0.80, direct exact F1 >= 0.90, direct speaker accuracy >= 0.90), as `newsgraph
// eval quotes` prints them (the reference scorer agrees on `newsgraph extract --jsonl`).
func TestEvalQuotesPolNeAR(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole pipeline over 84 articles")
	}
	dir := dataset.Require(t, "polnear", "dev")
	var stdout, stderr bytes.Buffer
	args := []string{"--min", "content_overlap_f1=0.80", "--min", "source_f1=0.80", "--min", "direct_exact_f1=0.90",
		"--min", "direct_speaker_acc=0.90", dir}
	if code := evalQuotes(args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s%s", code, lastLine(stdout.String()), stderr.String())
	}
}
