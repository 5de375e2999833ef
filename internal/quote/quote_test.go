package quote

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// want is one expected quote: its kind, content, cue and source texts, and the exact byte offset of its
// content (the cue and source offsets are checked against their texts' first occurrence at or after
// cueFrom and srcFrom).
type want struct {
	kind, content, cue, source string
	start                      int
}

func extract(t *testing.T, d *doc.Document) []doc.Quote {
	t.Helper()
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d.Quotes
}

func TestConstructions(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"curly after close", "“We will win this state,” Smith said on Tuesday.",
			[]want{{doc.Direct, "We will win this state,", "said", "Smith", 3}}},
		{"ascii inverted subject", `"Taxes are too high," said Mayor Ana Ortiz.`,
			[]want{{doc.Direct, "Taxes are too high,", "said", "Mayor Ana Ortiz", 1}}},
		{"colon before open", `The governor told reporters: "The bridge will reopen in May."`,
			[]want{{doc.Direct, "The bridge will reopen in May.", "told", "The governor", 30}}},
		{"guillemets", "The minister said: «We will not yield.»",
			[]want{{doc.Direct, "We will not yield.", "said", "The minister", 21}}},
		{"low-high marks", "Mueller said: „The order stands.“",
			[]want{{doc.Direct, "The order stands.", "said", "Mueller", 17}}},
		{"single marks", "‘I am not resigning,’ the mayor said.",
			[]want{{doc.Direct, "I am not resigning,", "said", "the mayor", 3}}},
		{"two apostrophes", "''We are ready,'' Ms. Lee said.",
			[]want{{doc.Direct, "We are ready,", "said", "Ms. Lee", 2}}},
		{"split quote", "“The plan is sound,” she said. “It will pass.”",
			[]want{{doc.Direct, "The plan is sound,", "said", "she", 3}, {doc.Direct, "It will pass.", "said", "she", 38}}},
		{"paragraphs", "Brown said: “The first part.\n\n“The second part.”",
			[]want{{doc.Direct, "The first part.\n\n“The second part.", "said", "Brown", 15}}},
		{"nested", "“He told me ‘no way’ last night,” Kerr said.",
			[]want{{doc.Direct, "He told me ‘no way’ last night,", "said", "Kerr", 3}}},
		{"scare quote", "The so-called “coalition of the willing” met again.", nil},
		{"title in marks", "She reviewed “The Art of the Deal” for the paper.", nil},
		// PolNeAR's content includes the complementizer "that"
		{"said that", "The mayor said that the budget would be balanced by June.",
			[]want{{doc.Indirect, "that the budget would be balanced by June", "said", "The mayor", 15}}},
		{"warned object that", "Jones warned NBC that the deal could collapse.",
			[]want{{doc.Indirect, "that the deal could collapse", "warned", "Jones", 17}}},
		{"trailing cue", "The vote will be close, Smith emphasized.",
			[]want{{doc.Indirect, "The vote will be close", "emphasized", "Smith", 0}}},
		{"according to first", "According to the report, unemployment fell to 4 percent.",
			[]want{{doc.Indirect, "unemployment fell to 4 percent", "According to", "the report", 25}}},
		{"according to last", "Unemployment fell to 4 percent, according to the report.",
			[]want{{doc.Indirect, "Unemployment fell to 4 percent", "according to", "the report", 0}}},
		{"nominal claim", "Officials rejected Smith’s claim that the vote was rigged.",
			[]want{{doc.Indirect, "Smith’s claim that the vote was rigged", "rejected", "Officials", 19},
				{doc.Indirect, "that the vote was rigged", "claim", "Smith’s", 35}}},
		{"mixed", "Trump said the plan was “a disaster” for workers.",
			[]want{{doc.Mixed, "the plan was “a disaster” for workers", "said", "Trump", 11}}},
		{"social post", "Trump posted on Truth Social: “The election was a disaster.”",
			[]want{{doc.Direct, "The election was a disaster.", "posted", "Trump", 33}}},
		{"appositive", "“Prices will rise,” Dana Cole, the bank’s chief economist, said.",
			[]want{{doc.Direct, "Prices will rise,", "said", "Dana Cole", 3}}},
		{"manner of speaking", "“Get off the bridge!” the officer yells as she runs toward the car.",
			[]want{{doc.Direct, "Get off the bridge!", "yells", "the officer", 3}}},
		{"a text reads", "“The plant will close on Friday,” the notice read.",
			[]want{{doc.Direct, "The plant will close on Friday,", "read", "the notice", 3}}},
		{"final quotation, participle after the attribution", "“Who would have guessed we would win?” Ortiz said, waving to the crowd.",
			[]want{{doc.Direct, "Who would have guessed we would win?", "said", "Ortiz", 3}}},
		{"participle is not an inverted subject's cue", "“Prices went up,” she said, citing the bank’s own figures.",
			[]want{{doc.Direct, "Prices went up,", "said", "she", 3},
				{doc.Indirect, "the bank’s own figures", "citing", "she", 39}}},
		{"capitalised cue opening the sentence", "Said Ortiz: “Nobody here believes the numbers.”",
			[]want{{doc.Direct, "Nobody here believes the numbers.", "Said", "Ortiz", 15}}},
		{"continued before a paragraph", "Ortiz continued:\n\n“The health issue is a partisan one.”",
			[]want{{doc.Direct, "The health issue is a partisan one.", "continued", "Ortiz", 21}}},
		{"name with two appositives", "Ana Ruiz, the foreign minister of Peru, a member of the council, said the test “cannot go unanswered.”",
			[]want{{doc.Mixed, "the test “cannot go unanswered.”", "said", "Ana Ruiz", 70}}},
		{"name with a relative clause", "Dr. Lena Park, who as a Navy captain was the White House physician, said that the leg injury was minor.",
			[]want{{doc.Indirect, "that the leg injury was minor", "said", "Dr. Lena Park", 73}}},
		{"a noun in -ly before the cue", "The relatives watched the video on Thursday, lawyers for the family said.",
			[]want{{doc.Indirect, "The relatives watched the video on Thursday", "said", "lawyers for the family", 0}}},
		{"parenthesis between dashes", "The film ― which weaves together the voices of historians, among others ― explains how the prisons grew.",
			[]want{{doc.Indirect, "how the prisons grew", "explains", "The film", 87}}},
		{"parenthesis between double hyphens", "Ana Ruiz, the chief executive of Orla Media -- the company that owns the channel -- told me, “We sell content.”",
			[]want{{doc.Direct, "We sell content.", "told", "Ana Ruiz", 96}}},
		{"manner verb after a name", "“Keep your hands in sight,” Lena sings to the senator.",
			[]want{{doc.Direct, "Keep your hands in sight,", "sings", "Lena", 3}}},
		{"party and state after the name", "“The override will pass,” Sen. Ann Reyes, D-Ore., said Tuesday.",
			[]want{{doc.Direct, "The override will pass,", "said", "Sen. Ann Reyes", 3}}},
		{"inverted subject led by a number", "“Nobody in this city forgets that morning,” said 9/11 survivor Luis Ortega.",
			[]want{{doc.Direct, "Nobody in this city forgets that morning,", "said", "9/11 survivor Luis Ortega", 3}}},
		{"appositive holding a cue-like word", "“It is an overreach,” Maria Voss, the attorney general of Utah, one of the states suing the agency, said.",
			[]want{{doc.Direct, "It is an overreach,", "said", "Maria Voss", 3}}},
		{"paragraph's own speaker", "The council met on Monday, Ortiz reported.\n\n“You cut the bus lines” first. “That was the mistake,” Lena Park said.",
			[]want{{doc.Indirect, "The council met on Monday", "reported", "Ortiz", 0},
				{doc.Direct, "You cut the bus lines", "said", "Lena Park", 47},
				{doc.Direct, "That was the mistake,", "said", "Lena Park", 82}}},
		{"transcript", "HOLT: What is your plan for jobs?",
			[]want{{doc.Indirect, "What is your plan for jobs?", ":", "HOLT", 6}}},
		{"signed", "“The debate changed my mind.” ― Rosa Diaz",
			[]want{{doc.Direct, "The debate changed my mind.", "―", "Rosa Diaz", 3}}},
		{"that before marks", "Lee said that “the vote is final.”",
			[]want{{doc.Mixed, "that “the vote is final.", "said", "Lee", 9}}},
		{"label verb", "It was what he calls “a witch hunt.”",
			[]want{{doc.Mixed, "what he calls “a witch hunt.", "calls", "he", 7}}},
		{"clause runs on", "The report said “prices rose” in every state.",
			[]want{{doc.Mixed, "“prices rose” in every state", "said", "The report", 16}}},
		{"participle after attribution", "“We won,” he said, adding that the count was fair.",
			[]want{{doc.Direct, "We won,", "said", "he", 3}, {doc.Indirect, "that the count was fair", "adding", "he", 30}}},
		{"unattributed", "“Nobody could have predicted the storm would turn north.”",
			[]want{{doc.Direct, "Nobody could have predicted the storm would turn north.", "", "", 3}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &doc.Document{Text: tc.text}
			got := extract(t, d)
			if len(got) != len(tc.want) {
				for _, q := range got {
					t.Logf("got %s %q cue=%q", q.Kind, d.Slice(q.Content), d.Slice(q.Cue))
				}
				t.Fatalf("got %d quotes, want %d", len(got), len(tc.want))
			}
			for i, w := range tc.want {
				q := got[i]
				if q.Kind != w.kind || d.Slice(q.Content) != w.content || q.Content.Start != w.start {
					t.Errorf("quote %d: got %s %q at %d, want %s %q at %d", i, q.Kind, d.Slice(q.Content), q.Content.Start, w.kind, w.content, w.start)
				}
				if d.Slice(q.Cue) != w.cue {
					t.Errorf("quote %d: cue %q, want %q", i, d.Slice(q.Cue), w.cue)
				} else if w.cue != "" && q.Cue.Start != strings.Index(tc.text, w.cue) && !strings.Contains(tc.text[q.Cue.End:], w.cue) {
					t.Errorf("quote %d: cue at %d, want %d", i, q.Cue.Start, strings.Index(tc.text, w.cue))
				}
				src := ""
				if q.Source != nil {
					src = d.Slice(*q.Source)
				}
				if src != w.source {
					t.Errorf("quote %d: source %q, want %q", i, src, w.source)
				}
				if w.source == "" && q.Speaker != nil {
					t.Errorf("quote %d: speaker %q, want null", i, *q.Speaker)
				}
				if q.ID == "" {
					t.Errorf("quote %d: empty id", i)
				}
			}
		})
	}
}

func TestSpeakers(t *testing.T) {
	text := "Senator Maria Lopez spoke on Monday. “We need the votes,” she said. “Cuts hurt,” Lopez added. “Nobody asked us,” said the crowd."
	idx := func(s string) doc.Span { i := strings.Index(text, s); return doc.Span{Start: i, End: i + len(s)} }
	d := &doc.Document{Text: text, Entities: []doc.Entity{
		{ID: "e1", Type: "PERSON", Name: "Maria Lopez", Mentions: []doc.Mention{
			{Span: idx("Maria Lopez"), Kind: doc.KindName}, {Span: idx("Lopez added")}}},
	}}
	d.Entities[0].Mentions[1].End = d.Entities[0].Mentions[1].Start + len("Lopez")
	got := extract(t, d)
	wantSpk := []string{"e1", "e1", ""}
	if len(got) != len(wantSpk) {
		t.Fatalf("got %d quotes, want %d", len(got), len(wantSpk))
	}
	for i, w := range wantSpk {
		s := ""
		if got[i].Speaker != nil {
			s = *got[i].Speaker
		}
		if s != w {
			t.Errorf("quote %d %q: speaker %q, want %q", i, d.Slice(got[i].Content), s, w)
		}
	}
}

func checkInvariants(t *testing.T, d *doc.Document) {
	t.Helper()
	prev := -1
	for i, q := range d.Quotes {
		spans := []doc.Span{q.Content, q.Cue}
		if q.Source != nil {
			spans = append(spans, *q.Source)
		}
		for _, s := range spans {
			if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
				t.Fatalf("quote %d: span %+v out of bounds (%d)", i, s, len(d.Text))
			}
			for _, b := range []int{s.Start, s.End} {
				if b < len(d.Text) && !utf8.RuneStart(d.Text[b]) {
					t.Fatalf("quote %d: span %+v splits a character", i, s)
				}
			}
		}
		if q.Content.Start < prev {
			t.Fatalf("quote %d: not in text order", i)
		}
		prev = q.Content.Start
		if q.Kind != doc.Direct && q.Kind != doc.Indirect && q.Kind != doc.Mixed {
			t.Fatalf("quote %d: kind %q", i, q.Kind)
		}
	}
}

func TestBadInput(t *testing.T) {
	t.Run("unbalanced 7 open 6 close", func(t *testing.T) {
		var b strings.Builder
		for i := range 6 {
			b.WriteString("“This is quote number " + string(rune('1'+i)) + " of the day,” the chair said.\n\n")
		}
		b.WriteString("“The seventh is never closed, she said as the meeting ended\n\nA new paragraph follows with plain words.")
		d := &doc.Document{Text: b.String()}
		extract(t, d)
		checkInvariants(t, d)
		if len(d.Quotes) != 7 {
			t.Fatalf("got %d quotes, want 7", len(d.Quotes))
		}
		last := d.Quotes[6]
		if strings.Contains(d.Slice(last.Content), "new paragraph") {
			t.Errorf("unclosed quote ran into the next paragraph: %q", d.Slice(last.Content))
		}
		if last.Speaker != nil {
			t.Errorf("unattributed quote got speaker %q", *last.Speaker)
		}
	})
	t.Run("50000-word quote", func(t *testing.T) {
		words := strings.Repeat("the talks went on and on ", 10000)
		text := "Kim said: “" + words + "” Then it ended."
		d := &doc.Document{Text: text}
		extract(t, d)
		checkInvariants(t, d)
		if len(d.Quotes) != 1 || d.Quotes[0].Kind != doc.Direct || d.Slice(*d.Quotes[0].Source) != "Kim" {
			t.Fatalf("got %+v", d.Quotes)
		}
	})
	t.Run("no plausible speaker", func(t *testing.T) {
		d := &doc.Document{Text: "“Everything we were promised turned out to be a mirage in the end.”\n\nIt rained all day."}
		extract(t, d)
		checkInvariants(t, d)
		if len(d.Quotes) != 1 || d.Quotes[0].Speaker != nil || d.Quotes[0].Source != nil {
			t.Fatalf("got %+v, want one quote with null speaker", d.Quotes)
		}
	})
	t.Run("only marks", func(t *testing.T) {
		d := &doc.Document{Text: strings.Repeat("“ ” \" ' ‘ ’ « » „ ", 500)}
		extract(t, d)
		checkInvariants(t, d)
	})
}

func FuzzProcess(f *testing.F) {
	for _, s := range []string{"“A b c d,” she said.", "He said that x y z.", `"a" 'b' ''c''`, "«x» „y“ ‘z’", "X: y\n\n“z"} {
		f.Add(s)
	}
	x, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip("the clean stage hands on valid UTF-8 only")
		}
		d := &doc.Document{Text: s}
		if err := x.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, d)
	})
}

// TestDropInSource: a quote whose content lies inside the source of another quote with the same cue goes,
// and the ids are renumbered; a content beside that source, or inside the source of another cue, stays.
func TestDropInSource(t *testing.T) {
	sp := func(s, e int) doc.Span { return doc.Span{Start: s, End: e} }
	src := func(s, e int) *doc.Span { x := sp(s, e); return &x }
	for _, tc := range []struct {
		name string
		in   []doc.Quote
		want []string // content spans kept, as "start-end"
	}{
		{"relative clause of the source", []doc.Quote{
			{ID: "q1", Content: sp(0, 40), Cue: sp(42, 54), Source: src(55, 93)},
			{ID: "q2", Content: sp(69, 93), Cue: sp(42, 54), Source: src(55, 68)},
		}, []string{"q1:0-40"}},
		{"another cue's source", []doc.Quote{
			{ID: "q1", Content: sp(0, 40), Cue: sp(42, 54), Source: src(55, 93)},
			{ID: "q2", Content: sp(69, 93), Cue: sp(100, 104), Source: src(95, 99)},
		}, []string{"q1:0-40", "q2:69-93"}},
		{"no source", []doc.Quote{
			{ID: "q1", Content: sp(0, 40), Cue: sp(42, 54)},
			{ID: "q2", Content: sp(69, 93), Cue: sp(42, 54)},
		}, []string{"q1:0-40", "q2:69-93"}},
		{"renumbered", []doc.Quote{
			{ID: "q1", Content: sp(60, 70), Cue: sp(42, 54), Source: src(55, 68)},
			{ID: "q2", Content: sp(0, 40), Cue: sp(42, 54), Source: src(55, 93)},
			{ID: "q3", Content: sp(120, 140), Cue: sp(110, 114), Source: src(100, 109)},
		}, []string{"q1:0-40", "q2:120-140"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, q := range dropInSource(tc.in) {
				got = append(got, fmt.Sprintf("%s:%d-%d", q.ID, q.Content.Start, q.Content.End))
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// TestDropWithout: a cue after "without" reports no speech; other cues stay and the ids are renumbered.
func TestDropWithout(t *testing.T) {
	text := "Rubio singled out Spain without naming its prime minister, and said the target stood."
	at := func(w string) doc.Span {
		i := strings.Index(text, w)
		return doc.Span{Start: i, End: i + len(w)}
	}
	qs := []doc.Quote{
		{ID: "q1", Cue: at("singled out"), Content: at("Spain")},
		{ID: "q2", Cue: at("naming"), Content: at("its prime minister")},
		{ID: "q3", Cue: at("said"), Content: at("the target stood")},
	}
	var got []string
	for _, q := range dropWithout(text, qs) {
		got = append(got, q.ID+":"+text[q.Cue.Start:q.Cue.End])
	}
	if want := "q1:singled out q2:said"; strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

// TestInheritSaidSpeaker: an unattributed quotation opening a paragraph takes the speaker of the previous
// paragraph's attribution by a verb of saying, not of a weaker cue nearer to it.
func TestInheritSaidSpeaker(t *testing.T) {
	text := "The mayor could embrace the plan, but only if it pays for itself, Sen. Ana Ruiz told reporters.\n\n" +
		"“She is the type of leader who listens to numbers.”"
	d := &doc.Document{Text: text}
	for _, q := range extract(t, d) {
		if q.Kind != doc.Direct {
			continue
		}
		if q.Source == nil || d.Slice(*q.Source) != "Sen. Ana Ruiz" || d.Slice(q.Cue) != "told" {
			t.Fatalf("direct quote %q: source %v cue %q, want Sen. Ana Ruiz, told", d.Slice(q.Content), q.Source, d.Slice(q.Cue))
		}
		return
	}
	t.Fatal("no direct quote")
}

// TestParticipleSubject: a participle cue after a comma takes the subject of its sentence when that is a
// name followed by its verb ("Mayor Ana Ruiz urged ..., telling reporters that ...").
func TestParticipleSubject(t *testing.T) {
	d := &doc.Document{Text: "Mayor Ana Ruiz urged the council to act, telling reporters that “every week counts.”"}
	for _, q := range extract(t, d) {
		if d.Slice(q.Cue) != "telling" {
			continue
		}
		if q.Source == nil || d.Slice(*q.Source) != "Mayor Ana Ruiz" {
			t.Fatalf("source %v, want Mayor Ana Ruiz", q.Source)
		}
		return
	}
	t.Fatal("no quote cued by telling")
}
