package text

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/internal/doc"
)

// toks renders tokens as "Text@Start", with "/Norm" when Norm is set.
func toks(r Result) []string {
	out := make([]string, len(r.Tokens))
	for i, t := range r.Tokens {
		out[i] = fmt.Sprintf("%s@%d", t.Text, t.Start)
		if t.Norm != "" {
			out[i] += "/" + t.Norm
		}
	}
	return out
}

// sents renders sentences as "Text@Start".
func sents(text string, r Result) []string {
	out := make([]string, len(r.Sentences))
	for i, s := range r.Sentences {
		out[i] = fmt.Sprintf("%s@%d", text[s.Start:s.End], s.Start)
	}
	return out
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"punctuation split", "Yes, he said; no: fine!",
			[]string{"Yes@0", ",@3", "he@5", "said@8", ";@12", "no@14", ":@16", "fine@18", "!@22"}},
		{"possessive", "Trump's aides and the players' union",
			[]string{"Trump@0", "'s@5", "aides@8", "and@14", "the@18", "players@22", "'@29", "union@31"}},
		{"curly possessive", "Zelensky’s plan",
			[]string{"Zelensky@0", "’s@8/'s", "plan@13"}},
		{"negation", "They don't and can't, WON'T",
			[]string{"They@0", "do@5", "n't@7", "and@11", "ca@15", "n't@17", ",@20", "WO@22", "N'T@24"}},
		{"curly negation", "We didn’t",
			[]string{"We@0", "did@3", "n’t@6/n't"}},
		{"other clitics", "I'm sure they're here, we've seen it; she'd know, you'll see",
			[]string{"I@0", "'m@1", "sure@4", "they@9", "'re@13", "here@17", ",@21", "we@23", "'ve@25", "seen@29", "it@34", ";@36",
				"she@38", "'d@41", "know@44", ",@48", "you@50", "'ll@53", "see@57"}},
		{"names with apostrophes stay whole", "O'Brien met O’Neill",
			[]string{"O'Brien@0", "met@8", "O’Neill@12/O'Neill"}},
		{"abbreviations", "U.S. Gen. Mark Milley met Mr. Li in D.C. on Jan. 5",
			[]string{"U.S.@0", "Gen.@5", "Mark@10", "Milley@15", "met@22", "Mr.@26", "Li@30", "in@33", "D.C.@36", "on@41", "Jan.@44", "5@49"}},
		{"abbreviation before comma and bracket", "Apple Inc., (U.S.)",
			[]string{"Apple@0", "Inc.@6", ",@10", "(@12", "U.S.@13", ")@17"}},
		{"number abbreviation only before a number", "No. 5 said No.",
			[]string{"No.@0", "5@4", "said@6", "No@11", ".@13"}},
		{"initials", "J. D. Vance",
			[]string{"J.@0", "D.@3", "Vance@6"}},
		{"numbers", "3.5% of 1,000 at 10:30, 1/2 and -4.2 in 2025.",
			[]string{"3.5@0", "%@3", "of@5", "1,000@8", "at@14", "10:30@17", ",@22", "1/2@24", "and@28", "-4.2@32", "in@37", "2025@40", ".@44"}},
		{"currency", "$5 and €20",
			[]string{"$@0", "5@1", "and@3", "€@7", "20@10"}},
		{"signed numbers and phone numbers", "+0.05 and +44 20 7946",
			[]string{"+0.05@0", "and@6", "+44@10", "20@14", "7946@17"}},
		{"hyphenated words stay whole", "pro-Russian all-rounder",
			[]string{"pro-Russian@0", "all-rounder@12"}},
		{"em and en dashes split", "Stubb—who spoke–left -- then",
			[]string{"Stubb@0", "—@5/--", "who@8", "spoke@12", "–@17/--", "left@20", "--@25", "then@28"}},
		{"ellipsis", "Well... fine… ok",
			[]string{"Well@0", "...@4", "fine@8", "…@12/...", "ok@16"}},
		{"urls emails handles hashtags", "See https://example.org/a-b?x=1. Mail press@gov.example, @Kyiv_Post #Ukraine!",
			[]string{"See@0", "https://example.org/a-b?x=1@4", ".@31", "Mail@33", "press@gov.example@38", ",@55", "@Kyiv_Post@57", "#Ukraine@68", "!@76"}},
		{"straight double quotes", `"We won," he said. "Yes."`,
			[]string{"\"@0/``", "We@1", "won@4", ",@7", "\"@8/''", "he@10", "said@13", ".@17", "\"@19/``", "Yes@20", ".@23", "\"@24/''"}},
		{"curly quotes", "“Yes,” she said, ‘quietly’.",
			[]string{"“@0/``", "Yes@3", ",@6", "”@7/''", "she@11", "said@15", ",@19", "‘@21/`", "quietly@24", "’@31/'", ".@34"}},
		{"quote after an ellipsis closes, after a dash opens", `"It means truth...". Then—"no"`,
			[]string{"\"@0/``", "It@1", "means@4", "truth@10", "...@15", "\"@18/''", ".@19", "Then@21", "—@25/--", "\"@28/``", "no@29", "\"@31/''"}},
		{"spaced quotes by parity", `he said " no " and`,
			[]string{"he@0", "said@3", "\"@8/``", "no@10", "\"@13/''", "and@15"}},
		{"brackets", "(Reuters) [sic] {x}",
			[]string{"(@0", "Reuters@1", ")@8", "[@10", "sic@11", "]@14", "{@16", "x@17", "}@18"}},
		{"control characters are spaces", "a\x00b\x1fc",
			[]string{"a@0", "b@2", "c@4"}},
		{"non-Latin scripts", "Зеленський сказав: «Ні». 北京。",
			[]string{"Зеленський@0", "сказав@21", ":@33", "«@35/``", "Ні@37", "»@41/''", ".@43", "北京@45", "。@51"}},
		{"sentences glued by a period", "New York City.Super PAC haul in St.Louis",
			[]string{"New@0", "York@4", "City@9", ".@13", "Super@14", "PAC@20", "haul@24", "in@29", "St.Louis@32"}},
		{"scraped-text repairs", "Sorry,This 401(k) Review‘s <b>Mass</b> .In",
			[]string{"Sorry@0", ",@5", "This@6", "401(k)@11", "Review@18", "‘s@24/'s", "<@29", "b@30", ">@31", "Mass@32", "<@36", "/b@37", ">@39", ".@41", "In@42"}},
		{"list number at line start", "1. Ivanisevic\n2. Sampras",
			[]string{"1.@0", "Ivanisevic@3", "2.@14", "Sampras@17"}},
		{"sentence-final number", "It rose 3.",
			[]string{"It@0", "rose@3", "3@8", ".@9"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Segment(tc.text)
			checkInvariants(t, tc.text, r)
			if diff := cmp.Diff(tc.want, toks(r)); diff != "" {
				t.Errorf("tokens of %q (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

func TestSpaceBefore(t *testing.T) {
	r := Segment("Hi, (you) there\n“ok”")
	var got []bool
	for _, tk := range r.Tokens {
		got = append(got, tk.SpaceBefore)
	}
	want := []bool{false, false, true, false, false, true, true, false, false}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SpaceBefore (-want +got):\n%s", diff)
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"simple", "The talks ended. Both sides left! Why? Nobody knows.",
			[]string{"The talks ended.@0", "Both sides left!@17", "Why?@34", "Nobody knows.@39"}},
		{"abbreviations inside", "Gen. Smith met Mr. Jones in Washington, D.C., on Jan. 5 at 9 a.m. and left.",
			[]string{"Gen. Smith met Mr. Jones in Washington, D.C., on Jan. 5 at 9 a.m. and left.@0"}},
		{"abbreviation before a name", "The U.S. Army and Apple Inc. Chief Tim Cook spoke.",
			[]string{"The U.S. Army and Apple Inc. Chief Tim Cook spoke.@0"}},
		{"sentence-final abbreviation", "The talks were held in the U.S. The next round is in D.C. It starts soon.",
			[]string{"The talks were held in the U.S.@0", "The next round is in D.C.@32", "It starts soon.@58"}},
		{"company suffix ends a sentence", "Shares rose at Apple Inc. They fell at Acme Corp. But not much.",
			[]string{"Shares rose at Apple Inc.@0", "They fell at Acme Corp.@26", "But not much.@50"}},
		{"initials", "J. D. Vance and W. E. B. Du Bois spoke.",
			[]string{"J. D. Vance and W. E. B. Du Bois spoke.@0"}},
		{"number abbreviation", "He lives at No. 10 Downing St. with his family.",
			[]string{"He lives at No. 10 Downing St. with his family.@0"}},
		{"decimals", "Growth was 3.5 percent. Inflation was 2.1 percent.",
			[]string{"Growth was 3.5 percent.@0", "Inflation was 2.1 percent.@24"}},
		{"ellipsis", "He paused... and went on. Then... Nothing.",
			[]string{"He paused... and went on.@0", "Then...@26", "Nothing.@34"}},
		{"quote spanning two sentences", "“BIG PROGRESS ON RUSSIA. STAY TUNED!” Trump wrote.",
			[]string{"“BIG PROGRESS ON RUSSIA.@0", "STAY TUNED!”@27", "Trump wrote.@42"}},
		{"closing quote belongs to its sentence", `"We will win." He smiled.`,
			[]string{`"We will win."@0`, "He smiled.@15"}},
		{"question in quote then cue", `"Why now?" she asked. "Because."`,
			[]string{`"Why now?" she asked.@0`, `"Because."@22`}},
		{"closing bracket", "It was over (finally). Then rain.",
			[]string{"It was over (finally).@0", "Then rain.@23"}},
		{"full-width sentence marks", "北京下雪了。上海呢？很好！",
			[]string{"北京下雪了。@0", "上海呢？@18", "很好！@30"}},
		{"paragraph break is a hard boundary", "A headline without stop\n\nThe body starts here and\n\ncontinues here.",
			[]string{"A headline without stop@0", "The body starts here and@25", "continues here.@51"}},
		{"dateline line", "KYIV, Ukraine 2025-03-01\nOfficials said the talks ended.",
			[]string{"KYIV, Ukraine 2025-03-01@0", "Officials said the talks ended.@25"}},
		{"line break before lower case continues", "Results of the\nmatches today.",
			[]string{"Results of the\nmatches today.@0"}},
		{"hard-wrapped prose", "The minister said on Tuesday that the plan, which has been\ndebated for months, would go to the Prime Minister\nKeir Starmer next week, and that officials were\nconfident it would pass.",
			[]string{"The minister said on Tuesday that the plan, which has been\ndebated for months, would go to the Prime Minister\nKeir Starmer next week, and that officials were\nconfident it would pass.@0"}},
		{"table rows", "1. Ivanisevic (Croatia) 6-3\n2. Sampras (U.S.) 6-2",
			[]string{"1. Ivanisevic (Croatia) 6-3@0", "2. Sampras (U.S.) 6-2@28"}},
		{"numbered list on one line", "Results: 1. Gail Devers (U.S.) 10.89 seconds 2. Merlene Ottey (Jamaica) 10.94 3. Gwen Torrence 11.07. Devers won 2. The crowd cheered.",
			[]string{"Results: 1. Gail Devers (U.S.) 10.89 seconds 2. Merlene Ottey (Jamaica) 10.94 3. Gwen Torrence 11.07.@0", "Devers won 2.@102", "The crowd cheered.@116"}},
		{"lower case after period", "The rate fell to 2.5 pct. from 3 pct. last year.",
			[]string{"The rate fell to 2.5 pct. from 3 pct. last year.@0"}},
		{"all-caps abbreviation", "ST. LOUIS 1996-08-30\nShares rose.",
			[]string{"ST. LOUIS 1996-08-30@0", "Shares rose.@21"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Segment(tc.text)
			checkInvariants(t, tc.text, r)
			if diff := cmp.Diff(tc.want, sents(tc.text, r)); diff != "" {
				t.Errorf("sentences of %q (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	text := "  First para.\nStill first.\n \n\nSecond\u2029Third  \n"
	r := Segment(text)
	checkInvariants(t, text, r)
	want := []doc.Span{{Start: 2, End: 26}, {Start: 30, End: 36}, {Start: 39, End: 44}}
	if diff := cmp.Diff(want, r.Paragraphs); diff != "" {
		t.Errorf("paragraphs (-want +got):\n%s", diff)
	}
	var paras []int
	for _, s := range r.Sentences {
		paras = append(paras, s.Paragraph)
	}
	if diff := cmp.Diff([]int{0, 0, 1, 2}, paras); diff != "" {
		t.Errorf("sentence paragraphs (-want +got):\n%s", diff)
	}
}

func TestProcess(t *testing.T) {
	d := &doc.Document{Text: "Kyiv said no. Moscow agreed."}
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Sents) != 2 || len(d.Tokens) != 7 || len(d.Paragraphs) != 1 {
		t.Fatalf("got %d sentences, %d tokens, %d paragraphs; want 2, 7, 1", len(d.Sents), len(d.Tokens), len(d.Paragraphs))
	}
	if s := d.Sents[1]; s.TokStart != 4 || s.TokEnd != 7 || d.Slice(s.Span) != "Moscow agreed." {
		t.Errorf("second sentence = %+v %q", s, d.Slice(s.Span))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := New().Process(ctx, d); err == nil {
		t.Error("Process on a cancelled context returned nil")
	}
}

func TestEmpty(t *testing.T) {
	for _, text := range []string{"", " ", "\n\n\n", "\x00\x01"} {
		r := Segment(text)
		if len(r.Tokens)+len(r.Sentences)+len(r.Paragraphs) != 0 {
			t.Errorf("Segment(%q) = %+v, want nothing", text, r)
		}
	}
}

// checkInvariants asserts what every segmentation must satisfy: spans in bounds, ordered, non-overlapping;
// token text equals its slice of text; sentences partition the tokens in order; sentences lie inside their
// paragraph; tokens of valid UTF-8 text are valid UTF-8.
func checkInvariants(t testing.TB, text string, r Result) {
	t.Helper()
	prevEnd := 0
	valid := utf8.ValidString(text)
	for i, tk := range r.Tokens {
		if tk.Start < prevEnd || tk.End <= tk.Start || tk.End > len(text) {
			t.Fatalf("token %d [%d,%d) out of order or bounds (prev end %d, len %d)", i, tk.Start, tk.End, prevEnd, len(text))
		}
		if tk.Text != text[tk.Start:tk.End] {
			t.Fatalf("token %d text %q != slice %q", i, tk.Text, text[tk.Start:tk.End])
		}
		if strings.TrimSpace(tk.Text) == "" {
			t.Fatalf("token %d is blank: %q", i, tk.Text)
		}
		if valid && !utf8.ValidString(tk.Text) {
			t.Fatalf("token %d splits a character: %q", i, tk.Text)
		}
		prevEnd = tk.End
	}
	next := 0
	prevPara := 0
	for i, s := range r.Sentences {
		if s.TokStart != next || s.TokEnd <= s.TokStart || s.TokEnd > len(r.Tokens) {
			t.Fatalf("sentence %d token range [%d,%d) does not follow %d", i, s.TokStart, s.TokEnd, next)
		}
		next = s.TokEnd
		if s.Start != r.Tokens[s.TokStart].Start || s.End != r.Tokens[s.TokEnd-1].End {
			t.Fatalf("sentence %d span [%d,%d) does not match its tokens", i, s.Start, s.End)
		}
		if s.Paragraph < prevPara || s.Paragraph >= len(r.Paragraphs) {
			t.Fatalf("sentence %d paragraph %d out of order", i, s.Paragraph)
		}
		prevPara = s.Paragraph
		p := r.Paragraphs[s.Paragraph]
		if s.Start < p.Start || s.End > p.End {
			t.Fatalf("sentence %d [%d,%d) outside its paragraph [%d,%d)", i, s.Start, s.End, p.Start, p.End)
		}
	}
	if next != len(r.Tokens) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(r.Tokens))
	}
	for i := 1; i < len(r.Paragraphs); i++ {
		if r.Paragraphs[i].Start < r.Paragraphs[i-1].End {
			t.Fatalf("paragraphs %d and %d overlap", i-1, i)
		}
	}
}

// TestPathological segments large adversarial inputs; a quadratic step would make it time out.
func TestPathological(t *testing.T) {
	const n = 200_000
	tests := []struct{ name, text string }{
		{"unbroken line", strings.Repeat("word ", n/5)},
		{"one huge chunk", strings.Repeat("a", n)},
		{"apostrophes", strings.Repeat("'", n)},
		{"quotes", strings.Repeat(`"`, n)},
		{"spaced quotes", strings.Repeat(`" `, n/2)},
		{"dots", strings.Repeat(".", n)},
		{"dotted letters", strings.Repeat("a.", n/2)},
		{"periods and spaces", strings.Repeat(". ", n/2)},
		{"dashes", strings.Repeat("a—", n/4)},
		{"brackets", strings.Repeat("(", n/2) + strings.Repeat(")", n/2)},
		{"control characters", strings.Repeat("\x01\x02a", n/3)},
		{"newlines", strings.Repeat("A\n", n/2)},
		{"invalid UTF-8", strings.Repeat("\xff\xfe.", n/3)},
		{"abbreviations", strings.Repeat("Mr. U.S. No. ", n/13)},
		{"non-Latin", strings.Repeat("Київ。", n/10)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkInvariants(t, tc.text, Segment(tc.text))
		})
	}
}
