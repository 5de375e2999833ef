package doc

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// text mixes one-, two-, three- and four-byte code points before the spans, so byte and code point offsets
// differ: "Zelensky" starts at byte 22 but at code point 10.
const text = "Київ — 🇺🇦 Zelensky said “no”."

func span(s, sub string) Span {
	i := strings.Index(s, sub)
	return Span{Start: i, End: i + len(sub)}
}

func sample() Document {
	speaker := "e1"
	tm := 0
	return Document{
		ID:       "abc",
		Language: "uk",
		Text:     text,
		Sentences: []Span{
			{Start: 0, End: len(text)},
		},
		Entities: []Entity{{ID: "e1", Type: "PERSON", Name: "Volodymyr Zelensky", Key: "person:volodymyr-zelensky",
			Mentions: []Mention{{Span: span(text, "Zelensky"), Kind: KindName}}}},
		Quotes: []Quote{{ID: "q1", Kind: Direct, Content: span(text, "no"), Cue: span(text, "said"),
			Source: func() *Span { s := span(text, "Zelensky"); return &s }(), Speaker: &speaker}},
		Times:  []Time{{Start: 0, End: len("Київ"), Type: "DATE", Value: "2025"}},
		Events: []Event{{ID: "v1", Code: "01", Trigger: span(text, "said"), Time: &tm}},
	}
}

func TestMarshalCodePoints(t *testing.T) {
	b, err := json.Marshal(sample())
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Schema    string
		Sentences []Span
		Entities  []struct{ Mentions []Mention }
		Quotes    []struct {
			Content, Cue Span
			Source       *Span
		}
		Times  []Time
		Events []struct{ Trigger Span }
		Places []Place
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	runes := []rune(text)
	sub := func(s Span) string { return string(runes[s.Start:s.End]) }
	tests := []struct {
		name       string
		got        Span
		start, end int
		text       string
	}{
		{"sentence", got.Sentences[0], 0, utf8.RuneCountInString(text), text},
		{"mention", got.Entities[0].Mentions[0].Span, 10, 18, "Zelensky"},
		{"quote content", got.Quotes[0].Content, 25, 27, "no"},
		{"quote cue", got.Quotes[0].Cue, 19, 23, "said"},
		{"quote source", *got.Quotes[0].Source, 10, 18, "Zelensky"},
		{"time", Span{Start: got.Times[0].Start, End: got.Times[0].End, Text: got.Times[0].Text}, 0, 4, "Київ"},
		{"event trigger", got.Events[0].Trigger, 19, 23, "said"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got.Start != tc.start || tc.got.End != tc.end || tc.got.Text != tc.text {
				t.Errorf("got [%d,%d) %q, want [%d,%d) %q", tc.got.Start, tc.got.End, tc.got.Text, tc.start, tc.end, tc.text)
			}
			if sub(tc.got) != tc.text {
				t.Errorf("text[%d:%d] in code points = %q, want %q", tc.got.Start, tc.got.End, sub(tc.got), tc.text)
			}
		})
	}
	if got.Schema != Schema {
		t.Errorf("schema = %q", got.Schema)
	}
	if got.Places == nil {
		t.Errorf("places encoded as null, want []")
	}
}

func TestMarshalLeavesDocumentAlone(t *testing.T) {
	d := sample()
	before := d.Entities[0].Mentions[0].Span
	if _, err := json.Marshal(d); err != nil {
		t.Fatal(err)
	}
	if d.Entities[0].Mentions[0].Span != before || d.Quotes[0].Source.Start != strings.Index(text, "Zelensky") {
		t.Errorf("Marshal changed the document's byte offsets")
	}
}

func TestRoundTrip(t *testing.T) {
	want := sample()
	b, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	var got Document
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	// encoding fills span texts; the decoded document has them, the original did not
	fill := func(d *Document) {
		for i := range d.Sentences {
			d.Sentences[i].Text = ""
		}
		for i := range d.Entities {
			for j := range d.Entities[i].Mentions {
				d.Entities[i].Mentions[j].Text = ""
			}
		}
		for i := range d.Quotes {
			d.Quotes[i].Content.Text, d.Quotes[i].Cue.Text = "", ""
			if d.Quotes[i].Source != nil {
				d.Quotes[i].Source.Text = ""
			}
		}
		for i := range d.Times {
			d.Times[i].Text = ""
		}
		for i := range d.Events {
			d.Events[i].Trigger.Text = ""
		}
	}
	fill(&got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

func TestMarshalDefaults(t *testing.T) {
	b, err := json.Marshal(Document{ID: "x", Text: "Hi.", Raw: []byte("raw"), Format: "text", Tokens: []Token{{Start: 0, End: 2}}})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"schema":"newsgraph/1","id":"x","language":"und","text":"Hi.","entities":[],"quotes":[],"times":[],"places":[],"events":[]}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}

func TestUnmarshalRejectsOtherSchema(t *testing.T) {
	var d Document
	err := json.Unmarshal([]byte(`{"schema":"newsgraph/2","id":"x","text":""}`), &d)
	if err == nil || !strings.Contains(err.Error(), "unsupported schema") {
		t.Errorf("err = %v", err)
	}
	if err := json.Unmarshal([]byte(`{"id":"x","text":"a"}`), &d); err != nil {
		t.Errorf("a document without a schema field: %v", err)
	}
}

func TestOffsetsOutOfBounds(t *testing.T) {
	d := Document{Text: "Kyiv", Sentences: []Span{{Start: 2, End: 99}, {Start: -3, End: 1}}}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var got struct{ Sentences []Span }
	json.Unmarshal(b, &got)
	if got.Sentences[0] != (Span{Start: 2, End: 4}) || got.Sentences[1] != (Span{Start: 0, End: 1}) {
		t.Errorf("clamped spans = %+v", got.Sentences)
	}
}

func TestRuneOffset(t *testing.T) {
	tests := []struct{ b, want int }{{0, 0}, {2, 1}, {8, 4}, {22, 10}, {-1, 0}, {1000, utf8.RuneCountInString(text)}}
	for _, tc := range tests {
		if got := RuneOffset(text, tc.b); got != tc.want {
			t.Errorf("RuneOffset(%d) = %d, want %d", tc.b, got, tc.want)
		}
	}
}

func TestSliceAndLanguage(t *testing.T) {
	d := &Document{Text: text}
	if got := d.Slice(span(text, "Zelensky")); got != "Zelensky" {
		t.Errorf("Slice = %q", got)
	}
	for _, s := range []Span{{Start: -1, End: 2}, {Start: 3, End: 2}, {Start: 0, End: len(text) + 1}} {
		if got := d.Slice(s); got != "" {
			t.Errorf("Slice(%+v) = %q, want empty", s, got)
		}
	}
	for lang, want := range map[string]bool{"en": true, "und": true, "": true, "uk": false, "ru": false} {
		d.Language = lang
		if d.IsEnglish() != want {
			t.Errorf("IsEnglish with language %q = %v", lang, !want)
		}
	}
	d.Warn("a")
	d.Warn("b")
	if strings.Join(d.Warnings, ",") != "a,b" {
		t.Errorf("warnings %q", d.Warnings)
	}
	if (Span{Start: 3, End: 10}).Len() != 7 {
		t.Error("Len")
	}
}

// FuzzMarshal checks that any text and spans encode to valid JSON whose spans are in bounds, ordered, and
// index the same text in code points as they did in bytes.
func FuzzMarshal(f *testing.F) {
	f.Add(text, 22, 30)
	f.Add("abc", 0, 3)
	f.Add("\xff\xfe bad", 1, 4)
	f.Fuzz(func(t *testing.T, s string, start, end int) {
		d := Document{Text: s, Sentences: []Span{{Start: start, End: end}}}
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var got struct {
			Text      string
			Sentences []Span
		}
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		sp := got.Sentences[0]
		n := utf8.RuneCountInString(got.Text)
		if sp.Start < 0 || sp.End > n || sp.Start > sp.End && start <= end {
			t.Fatalf("span [%d,%d) out of bounds of %d code points", sp.Start, sp.End, n)
		}
		if utf8.ValidString(s) && start >= 0 && end <= len(s) && start <= end && utf8.RuneStart(s[min(start, len(s)-1)]) && (end == len(s) || utf8.RuneStart(s[end])) && len(s) > 0 {
			if r := []rune(got.Text); string(r[sp.Start:sp.End]) != s[start:end] {
				t.Fatalf("code point span %q != byte span %q", string(r[sp.Start:sp.End]), s[start:end])
			}
		}
	})
}
