package timex

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// TestBadInput: impossible dates, out-of-range years and tables of numbers yield no invented dates.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // expression texts that may be found
	}{
		{"impossible-slash-date", "The form was dated 32/13/2025 by mistake.", nil},
		{"impossible-iso-date", "Entries like 2025-13-45 and 2025-02-30 are rejected.", nil},
		{"feb-29-non-leap", "The notice was dated Feb. 29, 2025.", nil},
		{"year-zero", "The counter showed 0000 and then 99999.", nil},
		{"amounts", "Revenue was $1,995 million, up 2010% on 1,000 units; flight 1998 landed.", nil},
		{"only-valid-of-several", "Compare 31/12/2024 with 32/12/2024.", []string{"31/12/2024"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, x := range Find(tt.text, testDCT, nil) {
				got = append(got, x.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Find(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestNumberTable: 10,000 numbers in a table are not dates, and the tagger gets through them.
func TestNumberTable(t *testing.T) {
	var b strings.Builder
	for i := range 10000 {
		b.WriteString(itoa(1000 + i%1100))
		if i%10 == 9 {
			b.WriteString("\n")
		} else {
			b.WriteString("\t")
		}
	}
	if got := Find(b.String(), testDCT, nil); len(got) != 0 {
		t.Errorf("found %d times in a table of numbers, e.g. %+v", len(got), got[0])
	}
}

// TestProcessNoDCT: without a publication date values stay underspecified and there is one warning.
func TestProcessNoDCT(t *testing.T) {
	d := &doc.Document{Text: "She spoke on Monday and again yesterday, and will speak next week."}
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Times) != 3 {
		t.Fatalf("got %d times, want 3: %+v", len(d.Times), d.Times)
	}
	for _, x := range d.Times {
		if !strings.HasPrefix(x.Value, "XXXX") {
			t.Errorf("%q: value %q is not underspecified", x.Text, x.Value)
		}
	}
	if len(d.Warnings) != 1 || d.Warnings[0] != WarnNoDCT {
		t.Errorf("warnings = %q, want exactly one %q", d.Warnings, WarnNoDCT)
	}
}

// TestProcessUsesPOS: a VBD tag from the POS stage makes the weekday past where the lexicon knows no verb.
func TestProcessUsesPOS(t *testing.T) {
	thursday := time.Date(2025, 8, 21, 0, 0, 0, 0, time.UTC)
	text := "The envoys strode in Friday."
	d := &doc.Document{Text: text, PublishedAt: thursday}
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Times) != 1 || d.Times[0].Value != "2025-08-22" {
		t.Fatalf("without POS: %+v, want tomorrow 2025-08-22", d.Times)
	}
	d = &doc.Document{Text: text, PublishedAt: thursday, Tokens: []doc.Token{
		{Start: 0, End: 3, Text: "The", POS: "DT"}, {Start: 4, End: 10, Text: "envoys", POS: "NNS"},
		{Start: 11, End: 17, Text: "strode", POS: "VBD"}, {Start: 18, End: 20, Text: "in", POS: "RB"},
		{Start: 21, End: 27, Text: "Friday", POS: "NNP"},
	}}
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Times) != 1 || d.Times[0].Value != "2025-08-15" {
		t.Fatalf("with VBD: %+v, want last Friday 2025-08-15", d.Times)
	}
}

// FuzzFind checks the invariants of Find on arbitrary input: no panic, spans in bounds, ordered and
// disjoint, on UTF-8 boundaries, with a type and a value.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"On Aug. 18, 2025 the talks began.", "32/13/2025", "0000 99999", "last week; two days ago; 8 p.m. ET",
		"mid-August, the 1990s, fiscal 2024, Q3", "\xff\xfe Monday", "the end of", "a 6-year-old", "'80s",
		"5 1/2 hours", "Friday's summit", "nineteen ninety-six", "every Thursday", "Christmas Eve 2024",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, dct := range []time.Time{testDCT, {}} {
			prev := 0
			for _, x := range Find(s, dct, nil) {
				if x.Start < prev || x.End <= x.Start || x.End > len(s) {
					t.Fatalf("bad span %d:%d after %d in %q", x.Start, x.End, prev, s)
				}
				if utf8.ValidString(s) && (!utf8.RuneStart(s[x.Start]) || x.End < len(s) && !utf8.RuneStart(s[x.End])) {
					t.Fatalf("span %d:%d splits a character in %q", x.Start, x.End, s)
				}
				if x.Text != s[x.Start:x.End] || x.Type == "" || x.Value == "" {
					t.Fatalf("bad time %+v in %q", x, s)
				}
				prev = x.End
			}
		}
	})
}
