package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestBenchPipeline(t *testing.T) {
	dir := t.TempDir()
	article := "Talks resume in Geneva\n\nGENEVA — Negotiators from both sides met on Tuesday in Geneva, officials said.\n" +
		"\"We are not there yet,\" the mediator, Anna Keller, told reporters after the meeting.\n"
	p := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(p, []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"one article", []string{"--rounds", "1", "--repeat", "1", p}, 0,
			[]string{"1 articles, ", "\n pos ", "\n ner ", "\n timex ", "sum of stages", "pipeline (thread CPU)", "pipeline (wall)", "first pass"}},
		{"missing file", []string{"--rounds", "1", filepath.Join(dir, "none.txt")}, 1, nil},
		{"bad flag", []string{"--rounds=x", p}, 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(append([]string{"bench", "pipeline"}, tt.args...), &out, &errb)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, tt.code, errb.String())
			}
			// Collapse the table's alignment so that the checks do not depend on column widths.
			got := regexp.MustCompile(` +`).ReplaceAllString(out.String(), " ")
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
		})
	}
}
