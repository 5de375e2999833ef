package quote

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// sentOf builds a seqSent of space-separated tokens, each "word/POS".
func sentOf(t *testing.T, x *Extractor, spec string) *seqSent {
	t.Helper()
	return x.prepSeq(oneSentence(t, spec), nil)
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

func TestCloseMarks(t *testing.T) {
	x, err := NewWithConfig(Config{})
	if err != nil {
		t.Fatal(err)
	}
	s := sentOf(t, x, `He/PRP said/VBD the/DT goal/NN was/VBD "/'' a/DT floor/NN ./. "/'' Then/RB`)
	for _, tc := range []struct {
		name       string
		cs, ce     int
		want       int
		wantReason string
	}{
		{"open mark at the end", 2, 6, 10, "extended past the closing mark"},
		{"no mark", 2, 5, 5, "unchanged"},
		{"closed inside", 5, 10, 10, "unchanged"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := closeMarks(s, tc.cs, tc.ce, len(s.lows)); got != tc.want {
				t.Errorf("closeMarks(%d, %d) = %d, want %d (%s)", tc.cs, tc.ce, got, tc.want, tc.wantReason)
			}
		})
	}
}

func TestInsideModel(t *testing.T) {
	text := `Rubio told ministers that allies must meet their pledge “without excuses,” officials said.`
	at := func(s string) doc.Span {
		i := strings.Index(text, s)
		return doc.Span{Start: i, End: i + len(s)}
	}
	fragment := doc.Quote{Kind: doc.Direct, Content: at("“without excuses,”"), Cue: at("pledge")}
	model := []doc.Quote{{Content: at("that allies must meet their pledge “without excuses,”"), Cue: at("told")}}
	for _, tc := range []struct {
		name  string
		r     doc.Quote
		model []doc.Quote
		want  bool
	}{
		{"fragment with its cue inside the reported speech", fragment, model, true},
		{"no model quote", fragment, nil, false},
		{"own cue outside", doc.Quote{Kind: doc.Direct, Content: fragment.Content, Cue: at("officials said")}, model, false},
		{"model cue inside the fragment", fragment, []doc.Quote{{Content: model[0].Content, Cue: at("excuses")}}, false},
		{"same span", fragment, []doc.Quote{{Content: fragment.Content, Cue: at("told")}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := insideModel(text, tc.r, tc.model); got != tc.want {
				t.Errorf("insideModel = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestFalseCues(t *testing.T) {
	td := TrainDoc{Cues: [][][2]int{{{10, 14}}, {{30, 34}, {40, 42}}}}
	for _, tc := range []struct {
		name string
		cues [][2]int
		want [][2]int
	}{
		{"all gold", [][2]int{{10, 14}, {41, 45}}, nil},
		{"one false", [][2]int{{10, 14}, {20, 25}}, [][2]int{{20, 25}}},
		{"touching is not overlapping", [][2]int{{14, 20}, {34, 40}}, [][2]int{{14, 20}, {34, 40}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := FalseCues(tc.cues, td)
			if len(got) != len(tc.want) {
				t.Fatalf("FalseCues = %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("FalseCues = %v, want %v", got, tc.want)
				}
			}
		})
	}
}

func TestSeqCueSpans(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if x.seq == nil {
		t.Skip("no sequence model embedded")
	}
	text := "The mayor said on Friday that the bridge would reopen in May."
	d := &doc.Document{Text: text}
	prepare(t, d)
	spans := x.SeqCueSpans(d, x.Rules(d))
	if len(spans) != 1 || text[spans[0][0]:spans[0][1]] != "said" {
		var got []string
		for _, sp := range spans {
			got = append(got, text[sp[0]:sp[1]])
		}
		t.Errorf("SeqCueSpans = %q, want [said]", got)
	}
}

// TestFixedArityFk checks that fk0 ... fk4 give fk's rows.
func TestFixedArityFk(t *testing.T) {
	p := []uint64{0x1234, 0xdeadbeefcafe, 7, 1 << 63}
	for tm := uint64(0); tm < 250; tm += 13 {
		if got, want := fk0(tm), fk(tm); got != want {
			t.Errorf("fk0(%d) = %d, want %d", tm, got, want)
		}
		if got, want := fk1(tm, p[0]), fk(tm, p[0]); got != want {
			t.Errorf("fk1(%d) = %d, want %d", tm, got, want)
		}
		if got, want := fk2(tm, p[0], p[1]), fk(tm, p[0], p[1]); got != want {
			t.Errorf("fk2(%d) = %d, want %d", tm, got, want)
		}
		if got, want := fk3(tm, p[0], p[1], p[2]), fk(tm, p[0], p[1], p[2]); got != want {
			t.Errorf("fk3(%d) = %d, want %d", tm, got, want)
		}
		if got, want := fk4(tm, p[0], p[1], p[2], p[3]), fk(tm, p...); got != want {
			t.Errorf("fk4(%d) = %d, want %d", tm, got, want)
		}
	}
}

// FuzzProcessPrepared is FuzzProcess with the stages before the quote stage run first, so that the models,
// the content split and the merge see the input too.
func FuzzProcessPrepared(f *testing.F) {
	for _, s := range []string{
		"“A b c d,” she said. “E f g.”",
		"Rubio told them that allies must meet their pledge “without excuses,” warning that more was due.",
		`He said the goal was "a floor, not a ceiling." Then he left.`,
		"The plan, Smith said, is dead, according to two aides.",
		"“Unclosed quote, he said\n\n“and more",
		// the post-merge passes (split.go)
		"The mayor praised the budget and said it would pass, and Democrats said it was theater.",
		"The air had become so bad, Mr. Li noted, that schools closed. The meeting went badly, said one aide.",
		"Repairs Will Take Two Years, State Engineer Says.\n\nThe Daily Ledger reports:\n\n“Turnout fell.”",
		"Dr. Vale has been called a quack by fellow doctors.",
	} {
		f.Add(s)
	}
	x, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || len(s) > 2000 {
			t.Skip("the clean stage hands on valid UTF-8 only; long inputs are for the benchmarks")
		}
		d := &doc.Document{Text: s}
		prepare(t, d)
		if err := x.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, d)
	})
}
