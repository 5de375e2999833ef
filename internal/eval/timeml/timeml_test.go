package timeml

import (
	"bytes"
	"strings"
	"testing"
)

// sample is a TimeML document written for these tests.
const sample = `<?xml version="1.0" ?>
<TimeML>
<DOCID>sample</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-08-17" temporalFunction="false" functionInDocument="CREATION_TIME">August 17, 2025</TIMEX3></DCT>
<TEXT>
Leaders <EVENT eid="e1" class="OCCURRENCE">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2025-08-15">Friday</TIMEX3> &amp; will talk again in <TIMEX3 tid="t2" type="DATE" value="2025-09">September</TIMEX3>
for <TIMEX3 tid="t3" type="DURATION" value="P2D">two days</TIMEX3>.
</TEXT>
</TimeML>
`

func TestParse(t *testing.T) {
	d, err := Parse("sample", []byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	wantText := "\nLeaders met Friday & will talk again in September\nfor two days.\n"
	if d.Text != wantText || d.DCT != "2025-08-17" {
		t.Fatalf("got text %q DCT %q", d.Text, d.DCT)
	}
	want := []string{"13:19 DATE 2025-08-15 Friday", "41:50 DATE 2025-09 September", "55:63 DURATION P2D two days"}
	var got []string
	for _, g := range d.Gold {
		got = append(got, strings.Join([]string{itoa(g.Start) + ":" + itoa(g.End), g.Type, g.Value, g.Text}, " "))
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("gold = %q, want %q", got, want)
	}
}

func TestParseErrors(t *testing.T) {
	for name, in := range map[string]string{
		"no-text":    "<TimeML><DOCID>x</DOCID></TimeML>",
		"unbalanced": "<TEXT>a </TIMEX3> b</TEXT>",
		"not-utf8":   "<TEXT>\xff</TEXT>",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := Parse(name, []byte(in)); err == nil {
				t.Errorf("Parse(%q) succeeded, want an error", in)
			}
		})
	}
}

func TestScoreDoc(t *testing.T) {
	d, err := Parse("sample", []byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		text  string // predicted text; "" means the gold text
		preds []Pred
		want  Counts
	}{
		{"perfect", "", []Pred{{13, 19, "DATE", "2025-08-15"}, {41, 50, "DATE", "2025-09"}, {55, 63, "DURATION", "P2D"}},
			Counts{Docs: 1, Gold: 3, Pred: 3, Strict: 3, Relaxed: 3, TypeOK: 3, ValueOK: 3}},
		{"overlap-and-wrong-value", "", []Pred{{13, 19, "date", "2025-08-22"}, {38, 50, "DATE", "2025-09"}},
			Counts{Docs: 1, Gold: 3, Pred: 2, Strict: 1, Relaxed: 2, TypeOK: 2, ValueOK: 1}},
		{"spurious", "", []Pred{{1, 8, "DATE", "PRESENT_REF"}},
			Counts{Docs: 1, Gold: 3, Pred: 1}},
		{"one-to-one", "", []Pred{{55, 58, "DURATION", "P2D"}, {55, 63, "DURATION", "P2D"}},
			Counts{Docs: 1, Gold: 3, Pred: 2, Strict: 1, Relaxed: 1, TypeOK: 1, ValueOK: 1}},
		{"whitespace-differs", "Leaders met Friday & will talk again in September\n\nfor two days.", []Pred{{12, 18, "DATE", "2025-08-15"}, {55, 63, "DURATION", "P2D"}},
			Counts{Docs: 1, Gold: 3, Pred: 2, Strict: 2, Relaxed: 2, TypeOK: 2, ValueOK: 2}},
		// difflib aligns scattered letters: score_times.py projects "Completely" onto [9, 43) too
		{"text-differs", "Completely different text here.", []Pred{{0, 10, "DATE", "2025-08-15"}},
			Counts{Docs: 1, Gold: 3, Pred: 1, Relaxed: 1, TypeOK: 1, ValueOK: 1}},
		{"line-removed", "Leaders met Friday & will talk again in September\nfor two days.\nA reporter contributed.", []Pred{{12, 18, "DATE", "2025-08-15"}, {66, 74, "DATE", "XXXX"}},
			Counts{Docs: 1, Gold: 3, Pred: 2, Strict: 1, Relaxed: 1, TypeOK: 1, ValueOK: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.text
			if text == "" {
				text = d.Text
			}
			got, _ := ScoreDoc(d, text, tt.preds)
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestCompute(t *testing.T) {
	m := Compute(Counts{Docs: 2, Gold: 10, Pred: 8, Strict: 6, Relaxed: 8, TypeOK: 7, ValueOK: 5})
	for _, c := range []struct {
		key  string
		want float64
	}{{"strict_p", 0.75}, {"strict_r", 0.6}, {"relaxed_p", 1}, {"relaxed_r", 0.8}, {"type_acc", 0.875},
		{"value_p", 0.625}, {"value_r", 0.5}} {
		if got, _ := m.Get(c.key); got != c.want {
			t.Errorf("%s = %v, want %v", c.key, got, c.want)
		}
	}
	if f, _ := m.Get("relaxed_f1"); f < 0.8888 || f > 0.8889 {
		t.Errorf("relaxed_f1 = %v", f)
	}
	var b bytes.Buffer
	m.Write(&b)
	if !strings.Contains(b.String(), "score_times docs=2 missing_docs=0 gold=10 pred=8 strict=6 relaxed=8 strict_p=0.7500") {
		t.Errorf("Write: %s", b.String())
	}
}

// TestWriteRoundTrip: what Write produces parses back to the same text and spans.
func TestWriteRoundTrip(t *testing.T) {
	text := "Talks on Monday & <later> ran \"three hours\"."
	preds := []Pred{{9, 15, "DATE", "2025-08-18"}, {31, 42, "DURATION", "PT3H"}, {10, 12, "DATE", "overlap skipped"}}
	var b bytes.Buffer
	if err := Write(&b, "rt", "2025-08-17", text, preds); err != nil {
		t.Fatal(err)
	}
	d, err := Parse("rt", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != text || d.DCT != "2025-08-17" || len(d.Gold) != 2 {
		t.Fatalf("round trip: %q %q %+v\n%s", d.Text, d.DCT, d.Gold, b.String())
	}
	if d.Gold[0].Text != "Monday" || d.Gold[1].Text != "three hours" || d.Gold[1].Value != "PT3H" {
		t.Errorf("gold = %+v", d.Gold)
	}
}

func FuzzParse(f *testing.F) {
	f.Add(sample)
	f.Add("<TEXT><TIMEX3 type='DATE' value=\"x\">a</TIMEX3></TEXT>")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse("f", []byte(s))
		if err != nil {
			return
		}
		for _, g := range d.Gold {
			if g.Start < 0 || g.End < g.Start || g.End > len(d.Text) || g.Text != d.Text[g.Start:g.End] {
				t.Fatalf("bad gold %+v for %q", g, s)
			}
		}
	})
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

func TestDCTDay(t *testing.T) {
	for _, tc := range []struct{ name, dct, want string }{
		{"date", "1998-02-06", "1998-02-06"},
		{"date and time", "1998-02-06T22:19:00", "1998-02-06"},
		{"none", "", ""},
		{"no date", "PRESENT_REF", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := (&Doc{DCT: tc.dct}).DCTDay()
			if s := got.Format("2006-01-02"); got.IsZero() && tc.want != "" || !got.IsZero() && s != tc.want {
				t.Errorf("DCTDay(%q) = %v, want %q", tc.dct, got, tc.want)
			}
		})
	}
}
