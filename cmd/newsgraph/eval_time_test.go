package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/dataset"
)

// TestEvalTimeTBAQ pins the figures issue 6 asks of the whole pipeline on TempEval-3 TBAQ-cleaned (relaxed
// extent F1 >= 0.92, value F1 >= 0.85), as `newsgraph eval time` prints them.
func TestEvalTimeTBAQ(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole pipeline over 256 documents")
	}
	dir := dataset.Require(t, "tempeval3", "Training", "TBAQ-cleaned")
	var stdout, stderr bytes.Buffer
	args := []string{"--min", "relaxed_f1=0.95", "--min", "value_f1=0.85",
		filepath.Join(dir, "TimeBank"), filepath.Join(dir, "AQUAINT")}
	if code := evalTime(args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s%s", code, stdout.String(), stderr.String())
	}
	if last := lastLine(stdout.String()); !strings.Contains(last, "docs=256 ") {
		t.Errorf("not every document scored: %s", last)
	}
}
