package sbd

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func sentsOf(lines ...string) [][]string {
	out := make([][]string, len(lines))
	for i, l := range lines {
		out[i] = strings.Fields(l)
	}
	return out
}

func TestBuild(t *testing.T) {
	tests := []struct {
		name  string
		sents [][]string
		text  string
		spans []Span
	}{
		{"headline dateline body",
			sentsOf("TENNIS - SMITH WINS IN OSLO .", "OSLO 2025-03-01", "Smith won the final on Sunday .", "She did n't drop a set ."),
			"TENNIS - SMITH WINS IN OSLO.\nOSLO 2025-03-01\nSmith won the final on Sunday. She didn't drop a set.",
			[]Span{{0, 28}, {29, 44}, {45, 75}, {76, 98}}},
		{"quotes brackets clitics money",
			sentsOf(`x .`, `" We 're ready , " the coach ( a former player ) said of Oslo 's $ 5 deal .`),
			"x.\n\"We're ready,\" the coach (a former player) said of Oslo's $5 deal.",
			[]Span{{0, 2}, {3, 69}}},
		{"opening quote left at sentence end moves on",
			sentsOf(`Head .`, `" Go , " he said . "`, `Now . "`),
			"Head.\n\"Go,\" he said. \"Now.\"",
			[]Span{{0, 5}, {6, 20}, {21, 27}}},
		{"table rows end their line",
			sentsOf("RESULTS .", "Leeds 2 Hull 1", "York 0 Bath 3", "Play resumes on Friday ."),
			"RESULTS.\nLeeds 2 Hull 1\nYork 0 Bath 3\nPlay resumes on Friday.",
			[]Span{{0, 8}, {9, 23}, {24, 37}, {38, 61}}},
		{"curly quotes, opening one left at sentence end",
			sentsOf("H .", "“ Go , ” he said . “", "Now . ”"),
			"H.\n“Go,” he said. “Now.”",
			[]Span{{0, 2}, {3, 21}, {22, 32}}},
		{"possessive plural",
			sentsOf("H .", "The players ' union met ."),
			"H.\nThe players' union met.",
			[]Span{{0, 2}, {3, 26}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Build(tc.sents)
			if d.Text != tc.text {
				t.Errorf("text = %q, want %q", d.Text, tc.text)
			}
			if diff := cmp.Diff(tc.spans, d.Sentences); diff != "" {
				t.Errorf("spans (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadCoNLL(t *testing.T) {
	in := "A DT O\nb NN O\n. . O O\n\nC NNP I-LOC\n\n-DOCSTART- -X- O O\n\nD NNP O\n"
	docs, err := ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].Text != "A b.\nC" || docs[1].Text != "D" || docs[0].Words != 4 {
		t.Fatalf("docs = %+v", docs)
	}
	if diff := cmp.Diff([]Span{{0, 1}, {2, 3}, {3, 4}, {5, 6}}, docs[0].Tokens); diff != "" {
		t.Errorf("token spans (-want +got):\n%s", diff)
	}
	var s Score
	s.AddTokens(docs[0], []Span{{0, 1}, {2, 4}, {5, 6}})
	if s.GoldToks != 4 || s.PredToks != 3 || s.CorrectToks != 2 {
		t.Errorf("token score = %+v", s)
	}
}

func TestScore(t *testing.T) {
	d := Doc{Text: "One. Two. Three.", Sentences: []Span{{0, 4}, {5, 9}, {10, 16}}}
	var s Score
	// Predicted: "One." then "Two. Three." (a missed boundary), padded with spaces.
	s.Add(d, []Span{{0, 5}, {5, 16}})
	want := Score{Docs: 1, Gold: 2, Pred: 1, Correct: 1, GoldSents: 3, Exact: 1}
	if s != want {
		t.Fatalf("score = %+v, want %+v", s, want)
	}
	if s.Precision() != 1 || s.Recall() != 0.5 || s.F1() < 0.666 || s.F1() > 0.667 {
		t.Errorf("P/R/F1 = %v %v %v", s.Precision(), s.Recall(), s.F1())
	}
	if got := s.Format("x"); !strings.HasPrefix(got, "x docs=1 gold=2 pred=1 correct=1 precision=1.0000 recall=0.5000 f1=0.6667 exact=0.3333") {
		t.Errorf("Format = %q", got)
	}
}

func TestLocate(t *testing.T) {
	text := "One. Two. One."
	got := Locate(text, []string{"One. ", " Two.", "One.", "missing"})
	want := []Span{{0, 4}, {5, 9}, {10, 14}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Locate (-want +got):\n%s", diff)
	}
}
