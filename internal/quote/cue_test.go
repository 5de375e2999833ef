package quote

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// sentOf builds a seqSent of space-separated tokens, each "word/POS".
func sentOf(t *testing.T, x *Extractor, spec string) *seqSent {
	t.Helper()
	d := &doc.Document{}
	for _, f := range strings.Fields(spec) {
		w, p, _ := strings.Cut(f, "/")
		if d.Text != "" {
			d.Text += " "
		}
		d.Tokens = append(d.Tokens, doc.Token{Text: w, POS: p, Start: len(d.Text), End: len(d.Text) + len(w)})
		d.Text += w
	}
	d.Sents = []doc.Sentence{{Span: doc.Span{Start: 0, End: len(d.Text)}, TokStart: 0, TokEnd: len(d.Tokens)}}
	return x.prepSeq(d, nil)
}

func TestContentSplit(t *testing.T) {
	x, err := NewWithConfig(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name       string
		spec       string
		runEnd     int // first token after the first content run
		split, wrd bool
	}{
		{"comma before the cue", "Taxes/NNS will/MD rise/VB ,/, she/PRP said/VBD ,/, next/JJ year/NN", 3, true, true},
		{"comma inside the run", "Taxes/NNS will/MD rise/VB ,/, she/PRP said/VBD", 4, true, true},
		{"closing mark", "”/'' she/PRP said/VBD", 0, true, true},
		{"no comma", "The/DT plan/NN she/PRP said/VBD would/MD fail/VB", 2, false, true},
		{"punctuation only between", "fail/VB ,/, ”/'' more/JJR", 1, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := sentOf(t, x, tc.spec)
			if got := splitBefore(s, tc.runEnd); got != tc.split {
				t.Errorf("splitBefore(%d) = %v, want %v", tc.runEnd, got, tc.split)
			}
			if got := wordBetween(s, tc.runEnd, tc.runEnd+2); got != tc.wrd {
				t.Errorf("wordBetween(%d, %d) = %v, want %v", tc.runEnd, tc.runEnd+2, got, tc.wrd)
			}
		})
	}
}

func TestCueCand(t *testing.T) {
	x, err := NewWithConfig(Config{})
	if err != nil {
		t.Fatal(err)
	}
	s := sentOf(t, x, "According/VBG to/TO the/DT senator/NN ,/, taxes/NNS will/MD rise/VB per/IN the/DT plan/NN")
	want := []bool{true, true, false, true, false, true, false, true, true, false, true}
	for i, w := range want {
		if got := cueCand(s, i); got != w {
			t.Errorf("cueCand(%q) = %v, want %v", s.lows[i], got, w)
		}
	}
}
