package quote

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// tagged builds a document from "word/POS" items joined by single spaces.
func tagged(t *testing.T, s string) *doc.Document {
	t.Helper()
	d := &doc.Document{}
	var b strings.Builder
	for i, item := range strings.Fields(s) {
		w, pos, ok := strings.Cut(item, "/")
		if !ok {
			t.Fatalf("item %q without a tag", item)
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		d.Tokens = append(d.Tokens, doc.Token{Start: b.Len(), End: b.Len() + len(w), Text: w, POS: pos, SpaceBefore: i > 0})
		b.WriteString(w)
	}
	d.Text = b.String()
	return d
}

// oneSentence is tagged with the whole text as one sentence.
func oneSentence(t *testing.T, s string) *doc.Document {
	t.Helper()
	d := tagged(t, s)
	d.Sents = []doc.Sentence{{Span: doc.Span{Start: 0, End: len(d.Text)}, TokStart: 0, TokEnd: len(d.Tokens)}}
	return d
}

// span returns the byte span of the first occurrence of sub in text.
func span(t *testing.T, text, sub string) doc.Span {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in %q", sub, text)
	}
	return doc.Span{Start: i, End: i + len(sub)}
}

func TestSplitCoordinated(t *testing.T) {
	x, err := NewWithConfig(Config{})
	if err != nil {
		t.Fatal(err)
	}
	type want struct{ content, cue, source, kind string }
	for _, tc := range []struct {
		name, text           string
		content, cue, source string
		kind                 string
		want                 []want
	}{
		{
			name:    "same subject",
			text:    "The/DT mayor/NN praised/VBD the/DT budget/NN and/CC said/VBD it/PRP would/MD pass/VB ./.",
			content: "the budget and said it would pass", cue: "praised", source: "The mayor", kind: doc.Indirect,
			want: []want{{"the budget", "praised", "The mayor", doc.Indirect}, {"it would pass", "said", "The mayor", doc.Indirect}},
		},
		{
			name:    "auxiliary and adverb before the verb",
			text:    "Ms./NNP Ortiz/NNP defended/VBD the/DT plan/NN ,/, and/CC has/VBZ also/RB said/VBN voters/NNS agree/VBP ./.",
			content: "the plan , and has also said voters agree", cue: "defended", source: "Ms. Ortiz", kind: doc.Indirect,
			want: []want{{"the plan", "defended", "Ms. Ortiz", doc.Indirect}, {"voters agree", "has also said", "Ms. Ortiz", doc.Indirect}},
		},
		{
			name:    "new subject",
			text:    "Republicans/NNPS said/VBD the/DT hearing/NN was/VBD needed/VBN and/CC Democrats/NNPS said/VBD it/PRP was/VBD theater/NN ./.",
			content: "the hearing was needed and Democrats said it was theater", cue: "said", source: "Republicans", kind: doc.Indirect,
			want: []want{{"the hearing was needed", "said", "Republicans", doc.Indirect}, {"it was theater", "said", "Democrats", doc.Indirect}},
		},
		{
			name:    "verb that is no cue",
			text:    "Analysts/NNS said/VBD the/DT economy/NN grew/VBD and/CC prices/NNS rose/VBD ./.",
			content: "the economy grew and prices rose", cue: "said", source: "Analysts", kind: doc.Indirect,
			want: []want{{"the economy grew and prices rose", "said", "Analysts", doc.Indirect}},
		},
		{
			name:    "inside quotation marks",
			text:    "She/PRP called/VBD it/PRP “/`` fair/JJ and/CC said/VBD to/TO last/VB ”/''",
			content: "it “ fair and said to last ”", cue: "called", source: "She", kind: doc.Mixed,
			want: []want{{"it “ fair and said to last ”", "called", "She", doc.Mixed}},
		},
		{
			name:    "direct quote left alone",
			text:    "“/`` We/PRP won/VBD and/CC said/VBD so/RB ”/'' ,/, she/PRP said/VBD",
			content: "“ We won and said so ”", cue: "said", source: "she", kind: doc.Direct,
			want: []want{{"“ We won and said so ”", "said", "she", doc.Direct}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := tagged(t, tc.text)
			src := span(t, d.Text, tc.source)
			if tc.kind == doc.Direct {
				src = doc.Span{Start: strings.LastIndex(d.Text, tc.source), End: strings.LastIndex(d.Text, tc.source) + len(tc.source)}
			}
			cue := span(t, d.Text, tc.cue)
			if tc.kind == doc.Direct {
				cue = doc.Span{Start: strings.LastIndex(d.Text, tc.cue), End: strings.LastIndex(d.Text, tc.cue) + len(tc.cue)}
			}
			q := doc.Quote{ID: "q1", Kind: tc.kind, Content: span(t, d.Text, tc.content), Cue: cue, Source: &src}
			got := x.splitCoordinated(d, []doc.Quote{q})
			if len(got) != len(tc.want) {
				t.Fatalf("got %d quotes %+v, want %d", len(got), got, len(tc.want))
			}
			for i, w := range tc.want {
				g := got[i]
				txt := func(s doc.Span) string { return d.Text[s.Start:s.End] }
				if txt(g.Content) != w.content || txt(g.Cue) != w.cue || g.Source == nil || txt(*g.Source) != w.source || g.Kind != w.kind {
					t.Errorf("quote %d: content %q cue %q source %v kind %s, want %+v", i, txt(g.Content), txt(g.Cue), g.Source, g.Kind, w)
				}
				if g.ID != "q"+string(rune('1'+i)) {
					t.Errorf("quote %d: id %s", i, g.ID)
				}
			}
		})
	}
}

func TestHeadlineTail(t *testing.T) {
	x, err := NewWithConfig(Config{})
	if err != nil {
		t.Fatal(err)
	}
	testAddingPass(t, x.headlineTail, []addCase{
		{
			name:    "headline",
			text:    "Bridge/NNP Repairs/NNPS Will/MD Take/VB Two/CD Years/NNS ,/, State/NNP Engineer/NNP Says/VBZ ./.",
			content: "Bridge Repairs Will Take Two Years", cue: "Says", source: "State Engineer",
		},
		{
			name: "body sentence in lower case",
			text: "The/DT repairs/NNS will/MD take/VB two/CD years/NNS ,/, the/DT engineer/NN says/VBZ ./.",
		},
		{
			name: "no comma",
			text: "State/NNP Engineer/NNP Says/VBZ Bridge/NNP Repairs/NNPS Will/MD Take/VB Years/NNS ./.",
		},
	})
}

// addCase is a tagged sentence ("word/TAG ...") and the one quote a pass adds to it (empty content: none).
type addCase struct {
	name, text           string
	content, cue, source string
}

// testAddingPass runs pass on each case's sentence with no quotes, checks the quote it adds, and checks
// that a second run over that quote adds none (a sentence that already holds a quote is left alone).
func testAddingPass(t *testing.T, pass func(*doc.Document, []doc.Quote) []doc.Quote, cases []addCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := oneSentence(t, tc.text)
			got := pass(d, nil)
			if tc.content == "" {
				if len(got) != 0 {
					t.Fatalf("got %+v, want no quote", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("got %d quotes %+v, want 1", len(got), got)
			}
			q := got[0]
			txt := func(s doc.Span) string { return d.Text[s.Start:s.End] }
			if txt(q.Content) != tc.content || txt(q.Cue) != tc.cue || q.Source == nil || txt(*q.Source) != tc.source || q.ID != "q1" {
				t.Errorf("got content %q cue %q source %v id %s, want %q %q %q", txt(q.Content), txt(q.Cue), q.Source, q.ID, tc.content, tc.cue, tc.source)
			}
			if again := pass(d, got); len(again) != 1 {
				t.Errorf("second pass: %d quotes, want 1", len(again))
			}
		})
	}
}

func TestSpeakerRelativePronoun(t *testing.T) {
	text := "The union leader, Doris Crouse-Mays, who said the vote was close, left early."
	d := &doc.Document{Text: text, Entities: []doc.Entity{{ID: "e1", Type: "PERSON", Mentions: []doc.Mention{{Span: span(t, text, "Doris Crouse-Mays")}}}}}
	r := newResolver(d)
	who := span(t, text, "who")
	if got := r.speaker(who, "who"); got == nil || *got != "e1" {
		t.Errorf("who: speaker %v, want e1", got)
	}
	// a relative pronoun far from any mention has no speaker
	d2 := &doc.Document{Text: text, Entities: []doc.Entity{{ID: "e1", Type: "PERSON", Mentions: []doc.Mention{{Span: span(t, text, "The union")}}}}}
	if got := newResolver(d2).speaker(who, "who"); got != nil {
		t.Errorf("who far from the mention: speaker %v, want none", *got)
	}
}

// BenchmarkPostPasses times the passes after the merge (Extractor.post) on the pipeline benchmark's article:
// their share of BenchmarkPreparedArticle.
func BenchmarkPostPasses(b *testing.B) {
	x, d := preparedArticle(b)
	rules := x.extract(d)
	merged := merge(d.Text, rules, x.modelQuotes(d, rules))
	b.ReportAllocs()
	for b.Loop() {
		qs := append([]doc.Quote(nil), merged...)
		x.post(d, qs)
	}
}

func TestCoordAfter(t *testing.T) {
	x, err := NewWithConfig(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text           string
		content, cue, source string
		wantContent, wantCue string // empty: no second quote
	}{
		{
			name:    "continuation with said",
			text:    "The/DT mayor/NN praised/VBD the/DT budget/NN ,/, and/CC said/VBD it/PRP would/MD pass/VB ./.",
			content: "the budget", cue: "praised", source: "The mayor",
			wantContent: "it would pass", wantCue: "said",
		},
		{
			name:    "verb that is no cue",
			text:    "The/DT mayor/NN praised/VBD the/DT budget/NN and/CC left/VBD the/DT hall/NN early/RB ./.",
			content: "the budget", cue: "praised", source: "The mayor",
		},
		{
			name:    "next sentence",
			text:    "The/DT mayor/NN praised/VBD the/DT budget/NN ./. And/CC said/VBD it/PRP would/MD pass/VB ./.",
			content: "the budget", cue: "praised", source: "The mayor",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := tagged(t, tc.text)
			for i, st := 0, 0; i < len(d.Tokens); i++ {
				if d.Tokens[i].POS == "." {
					d.Sents = append(d.Sents, doc.Sentence{Span: doc.Span{Start: d.Tokens[st].Start, End: d.Tokens[i].End}, TokStart: st, TokEnd: i + 1})
					st = i + 1
				}
			}
			src := span(t, d.Text, tc.source)
			q := doc.Quote{ID: "q1", Kind: doc.Indirect, Content: span(t, d.Text, tc.content), Cue: span(t, d.Text, tc.cue), Source: &src}
			got := x.coordAfter(d, []doc.Quote{q})
			if tc.wantContent == "" {
				if len(got) != 1 {
					t.Fatalf("got %d quotes %+v, want 1", len(got), got)
				}
				return
			}
			if len(got) != 2 {
				t.Fatalf("got %d quotes %+v, want 2", len(got), got)
			}
			g := got[1]
			txt := func(s doc.Span) string { return d.Text[s.Start:s.End] }
			if txt(g.Content) != tc.wantContent || txt(g.Cue) != tc.wantCue || g.Source == nil || txt(*g.Source) != tc.source || g.ID != "q2" {
				t.Errorf("got content %q cue %q source %v id %s, want %q %q %q", txt(g.Content), txt(g.Cue), g.Source, g.ID, tc.wantContent, tc.wantCue, tc.source)
			}
		})
	}
}

func TestParenBefore(t *testing.T) {
	x, err := NewWithConfig(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text           string
		content, cue, source string
		want                 string // the added first half; empty: none
	}{
		{
			name:    "interrupted content",
			text:    "The/DT air/NN had/VBD become/VBN so/RB bad/JJ ,/, Mr./NNP Li/NNP noted/VBD ,/, that/IN schools/NNS closed/VBD ./.",
			content: "that schools closed", cue: "noted", source: "Mr. Li",
			want: "The air had become so bad",
		},
		{
			name:    "subordinate clause",
			text:    "If/IN the/DT plan/NN fails/VBZ again/RB ,/, Mr./NNP Li/NNP said/VBD ,/, schools/NNS will/MD close/VB ./.",
			content: "schools will close", cue: "said", source: "Mr. Li",
		},
		{
			name:    "no verb before the comma",
			text:    "In/IN the/DT early/JJ years/NNS ,/, she/PRP said/VBD ,/, schools/NNS closed/VBD ./.",
			content: "schools closed", cue: "said", source: "she",
		},
		{
			name:    "no comma after the cue",
			text:    "The/DT air/NN had/VBD become/VBN bad/JJ ,/, and/CC Mr./NNP Li/NNP said/VBD schools/NNS closed/VBD ./.",
			content: "schools closed", cue: "said", source: "Mr. Li",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := oneSentence(t, tc.text)
			src := span(t, d.Text, tc.source)
			q := doc.Quote{ID: "q1", Kind: doc.Indirect, Content: span(t, d.Text, tc.content), Cue: span(t, d.Text, tc.cue), Source: &src}
			got := x.parenBefore(d, []doc.Quote{q})
			if tc.want == "" {
				if len(got) != 1 {
					t.Fatalf("got %d quotes %+v, want 1", len(got), got)
				}
				return
			}
			if len(got) != 2 {
				t.Fatalf("got %d quotes %+v, want 2", len(got), got)
			}
			g := got[0]
			txt := func(s doc.Span) string { return d.Text[s.Start:s.End] }
			if txt(g.Content) != tc.want || txt(g.Cue) != tc.cue || g.Source == nil || txt(*g.Source) != tc.source || g.ID != "q1" || got[1].ID != "q2" {
				t.Errorf("got content %q cue %q source %v ids %s %s, want %q %q %q", txt(g.Content), txt(g.Cue), g.Source, g.ID, got[1].ID, tc.want, tc.cue, tc.source)
			}
		})
	}
}

func TestTailAttrib(t *testing.T) {
	x, err := NewWithConfig(Config{})
	if err != nil {
		t.Fatal(err)
	}
	testAddingPass(t, x.tailAttrib, []addCase{
		{
			name:    "cue before source",
			text:    "The/DT meeting/NN went/VBD badly/RB from/IN there/RB ,/, said/VBD one/CD source/NN in/IN the/DT room/NN ./.",
			content: "The meeting went badly from there", cue: "said", source: "one source in the room",
		},
		{
			name:    "source before cue",
			text:    "The/DT meeting/NN went/VBD badly/RB from/IN there/RB ,/, two/CD aides/NNS said/VBD ./.",
			content: "The meeting went badly from there", cue: "said", source: "two aides",
		},
		{
			name: "no verb in the clause",
			text: "A/DT bad/JJ meeting/NN for/IN everyone/NN there/RB ,/, two/CD aides/NNS said/VBD ./.",
		},
		{
			name: "verb that is no cue",
			text: "The/DT meeting/NN went/VBD badly/RB from/IN there/RB ,/, two/CD aides/NNS left/VBD ./.",
		},
	})
}

func TestColonSource(t *testing.T) {
	x, err := NewWithConfig(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text, content string
		cue, source         string // empty: no source
	}{
		{
			name:    "verb before the colon",
			text:    "The/DT Daily/NNP Ledger/NNP reported/VBD :/: “/`` Turnout/NN fell/VBD ./. ”/''",
			content: "Turnout fell .", cue: "reported :", source: "The Daily Ledger",
		},
		{
			name:    "noun-tagged cue",
			text:    "The/DT Daily/NNP Ledger/NNP reports/NNS :/: “/`` Turnout/NN fell/VBD ./. ”/''",
			content: "Turnout fell .", cue: "reports :", source: "The Daily Ledger",
		},
		{
			name:    "no cue before the colon",
			text:    "The/DT results/NNS :/: “/`` Turnout/NN fell/VBD ./. ”/''",
			content: "Turnout fell .",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := oneSentence(t, tc.text)
			c := span(t, d.Text, tc.content)
			got := x.colonSource(d, []doc.Quote{{ID: "q1", Kind: doc.Direct, Content: c, Cue: doc.Span{Start: c.Start, End: c.Start}}})
			q := got[0]
			txt := func(s doc.Span) string { return d.Text[s.Start:s.End] }
			if tc.source == "" {
				if q.Source != nil {
					t.Fatalf("source %q, want none", txt(*q.Source))
				}
				return
			}
			if q.Source == nil || txt(*q.Source) != tc.source || txt(q.Cue) != tc.cue {
				t.Errorf("source %v cue %q, want %q %q", q.Source, txt(q.Cue), tc.source, tc.cue)
			}
		})
	}
}

func TestPassiveAgent(t *testing.T) {
	x, err := NewWithConfig(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text              string
		content, cue, source    string
		wantContent, wantSource string
	}{
		{
			name:    "agent",
			text:    "Dr./NNP Vale/NNP has/VBZ been/VBN called/VBN a/DT quack/NN by/IN fellow/JJ doctors/NNS ./.",
			content: "a quack by fellow doctors", cue: "has been called", source: "Dr. Vale",
			wantContent: "a quack", wantSource: "fellow doctors",
		},
		{
			name:    "active cue",
			text:    "Dr./NNP Vale/NNP called/VBD the/DT plan/NN a/DT gift/NN by/IN lobbyists/NNS ./.",
			content: "the plan a gift by lobbyists", cue: "called", source: "Dr. Vale",
			wantContent: "the plan a gift by lobbyists", wantSource: "Dr. Vale",
		},
		{
			name:    "no agent",
			text:    "The/DT plan/NN was/VBD described/VBN as/IN a/DT gift/NN ./.",
			content: "as a gift", cue: "was described", source: "The plan",
			wantContent: "as a gift", wantSource: "The plan",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := tagged(t, tc.text)
			src := span(t, d.Text, tc.source)
			q := doc.Quote{ID: "q1", Kind: doc.Indirect, Content: span(t, d.Text, tc.content), Cue: span(t, d.Text, tc.cue), Source: &src}
			g := x.passiveAgent(d, []doc.Quote{q})[0]
			txt := func(s doc.Span) string { return d.Text[s.Start:s.End] }
			if txt(g.Content) != tc.wantContent || g.Source == nil || txt(*g.Source) != tc.wantSource {
				t.Errorf("got content %q source %v, want %q %q", txt(g.Content), g.Source, tc.wantContent, tc.wantSource)
			}
		})
	}
}

func TestDropIntro(t *testing.T) {
	for _, tc := range []struct {
		name, text           string
		content, cue, source string
		kind                 string
		keep                 bool
	}{
		{
			name:    "prepositional phrase",
			text:    "Through/IN her/PRP$ lawyer/NN ,/, the/DT senator/NN declined/VBD to/TO comment/VB ./.",
			content: "Through her lawyer", cue: "declined", source: "the senator", kind: doc.Indirect,
		},
		{
			name:    "gerund phrase",
			text:    "Touring/VBG the/DT flooded/JJ farms/NNS ,/, the/DT governor/NN promised/VBD new/JJ levees/NNS ./.",
			content: "Touring the flooded farms", cue: "promised", source: "the governor", kind: doc.Indirect,
		},
		{
			name:    "adverb",
			text:    "Meanwhile/RB ,/, the/DT union/NN rejected/VBD the/DT offer/NN ./.",
			content: "Meanwhile", cue: "rejected", source: "the union", kind: doc.Indirect,
		},
		{
			name:    "clause with a finite verb",
			text:    "If/IN the/DT bridge/NN closes/VBZ ,/, the/DT mayor/NN said/VBD ,/, traffic/NN will/MD double/VB ./.",
			content: "If the bridge closes", cue: "said", source: "the mayor", kind: doc.Indirect, keep: true,
		},
		{
			name:    "parenthetical attribution",
			text:    "Too/RB often/RB ,/, the/DT coach/NN said/VBD ,/, players/NNS give/VBP up/RP ./.",
			content: "Too often", cue: "said", source: "the coach", kind: doc.Indirect, keep: true,
		},
		{
			name:    "noun phrase subject",
			text:    "The/DT problem/NN ,/, she/PRP said/VBD ,/, is/VBZ money/NN ./.",
			content: "The problem", cue: "said", source: "she", kind: doc.Indirect, keep: true,
		},
		{
			name:    "source before the content",
			text:    "The/DT mayor/NN said/VBD in/IN the/DT spring/NN ,/, the/DT mayor/NN ./.",
			content: "in the spring", cue: "said", source: "The mayor", kind: doc.Indirect, keep: true,
		},
		{
			name:    "direct quote",
			text:    "“/`` At/IN last/JJ !/. ”/'' ,/, the/DT mayor/NN shouted/VBD ./.",
			content: "“ At last ! ”", cue: "shouted", source: "the mayor", kind: doc.Direct, keep: true,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := tagged(t, tc.text)
			src := span(t, d.Text, tc.source)
			q := doc.Quote{ID: "q1", Kind: tc.kind, Content: span(t, d.Text, tc.content), Cue: span(t, d.Text, tc.cue), Source: &src}
			if got := len(dropIntro(d, []doc.Quote{q})) == 1; got != tc.keep {
				t.Errorf("kept %v, want %v", got, tc.keep)
			}
		})
	}
}

func TestRaisingNoSource(t *testing.T) {
	testSourceKept(t, raisingNoSource, []sourceCase{
		{
			name:    "seems",
			text:    "The/DT mayor/NN seems/VBZ to/TO have/VB forgotten/VBN the/DT budget/NN ./.",
			content: "to have forgotten the budget", cue: "seems", source: "The mayor",
		},
		{
			name:    "seem with an adjective",
			text:    "Investors/NNS seem/VBP confident/JJ rates/NNS will/MD fall/VB ./.",
			content: "rates will fall", cue: "seem confident", source: "Investors",
		},
		{
			name:    "appeared",
			text:    "It/PRP appeared/VBD that/IN the/DT talks/NNS had/VBD stalled/VBN ./.",
			content: "that the talks had stalled", cue: "appeared", source: "It",
		},
		{
			name:    "a later verb",
			text:    "The/DT governor/NN appears/VBZ set/VBN to/TO veto/VB the/DT bill/NN ./.",
			content: "to veto the bill", cue: "appears set", source: "The governor", keep: true,
		},
		{
			name:    "said",
			text:    "The/DT governor/NN said/VBD the/DT bill/NN seems/VBZ fair/JJ ./.",
			content: "the bill seems fair", cue: "said", source: "The governor", keep: true,
		},
	})
}

func TestPassiveNoSource(t *testing.T) {
	testSourceKept(t, passiveNoSource, []sourceCase{
		{
			name:    "accused of",
			text:    "The/DT treasurer/NN was/VBD accused/VBN of/IN hiding/VBG the/DT losses/NNS ./.",
			content: "hiding the losses", cue: "was accused of", source: "The treasurer",
		},
		{
			name:    "adverb and perfect",
			text:    "Regulators/NNS have/VBP often/RB been/VBN criticized/VBN for/IN acting/VBG late/RB ./.",
			content: "acting late", cue: "have often been criticized for", source: "Regulators",
		},
		{
			name:    "participle tagged as past tense",
			text:    "The/DT senator/NN was/VBD once/RB asked/VBD how/WRB the/DT war/NN would/MD end/VB ./.",
			content: "how the war would end", cue: "was once asked", source: "The senator",
		},
		{
			name:    "feeling",
			text:    "Farmers/NNS were/VBD worried/VBN about/IN the/DT drought/NN ./.",
			content: "the drought", cue: "were worried about", source: "Farmers", keep: true,
		},
		{
			name:    "active",
			text:    "The/DT senator/NN accused/VBD the/DT treasurer/NN of/IN lying/VBG ./.",
			content: "the treasurer of lying", cue: "accused", source: "The senator", keep: true,
		},
		{
			name:    "has, not is",
			text:    "The/DT mayor/NN ’s/VBZ sought/VBN more/JJR money/NN ./.",
			content: "more money", cue: "’s sought", source: "The mayor", keep: true,
		},
		{
			name:    "agent after the cue",
			text:    "The/DT plan/NN was/VBD called/VBN reckless/JJ by/IN economists/NNS ./.",
			content: "reckless", cue: "was called", source: "economists", keep: true,
		},
		{
			name:    "another verb in the cue",
			text:    "Some/DT believe/VBP the/DT weight/NN being/VBG placed/VBN on/IN turnout/NN matters/VBZ ./.",
			content: "turnout matters", cue: "believe the weight being placed on", source: "Some", keep: true,
		},
		{
			name:    "reduced relative: participle after the comma",
			text:    "Guard/NNP members/NNS ,/, called/VBN to/TO service/NN by/IN the/DT governor/NN ,/, arrived/VBD ./.",
			content: "to service", cue: "called", source: "Guard members",
		},
		{
			name:    "past tense after the comma",
			text:    "The/DT mayor/NN ,/, frustrated/VBD ,/, called/VBD for/IN calm/NN ./.",
			content: "calm", cue: "called for", source: "The mayor", keep: true,
		},
	})
}

// sourceCase is a tagged sentence ("word/TAG ...") with one reported quote whose source and speaker a pass
// either keeps or takes away.
type sourceCase struct {
	name, text           string
	content, cue, source string
	keep                 bool
}

// testSourceKept runs pass on the quote of each case and checks that its source and speaker stay (keep)
// or go.
func testSourceKept(t *testing.T, pass func(*doc.Document, []doc.Quote) []doc.Quote, cases []sourceCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := tagged(t, tc.text)
			src := span(t, d.Text, tc.source)
			spk := "e1"
			q := doc.Quote{ID: "q1", Kind: doc.Indirect, Content: span(t, d.Text, tc.content), Cue: span(t, d.Text, tc.cue), Source: &src, Speaker: &spk}
			g := pass(d, []doc.Quote{q})[0]
			if got := g.Source != nil; got != tc.keep || (g.Speaker != nil) != tc.keep {
				t.Errorf("source %v speaker %v, want kept %v", g.Source, g.Speaker, tc.keep)
			}
		})
	}
}

func TestBadSource(t *testing.T) {
	text := "The report left little doubt that costs rose, and in 2019 analysts found that wages fell."
	for _, tc := range []struct {
		name, content, cue, source string
		keep                       bool
	}{
		{name: "source inside the cue", content: "that costs rose", cue: "left little doubt", source: "left little"},
		{name: "number", content: "that wages fell", cue: "found", source: "2019"},
		{name: "noun phrase", content: "that wages fell", cue: "found", source: "analysts", keep: true},
		{name: "noun phrase with a number", content: "that wages fell", cue: "found", source: "in 2019 analysts", keep: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := span(t, text, tc.source)
			spk := "e1"
			q := doc.Quote{ID: "q1", Kind: doc.Indirect, Content: span(t, text, tc.content), Cue: span(t, text, tc.cue), Source: &src, Speaker: &spk}
			g := badSource(&doc.Document{Text: text}, []doc.Quote{q})[0]
			if got := g.Source != nil; got != tc.keep || (g.Speaker != nil) != tc.keep {
				t.Errorf("source %v speaker %v, want kept %v", g.Source, g.Speaker, tc.keep)
			}
		})
	}
}

func TestBadSourceTagged(t *testing.T) {
	testSourceKept(t, badSource, []sourceCase{
		{
			name:    "adverb",
			text:    "He/PRP arrived/VBD and/CC promptly/RB voted/VBD against/IN the/DT bill/NN ./.",
			content: "the bill", cue: "voted against", source: "promptly",
		},
		{
			name:    "gerund",
			text:    "Having/VBG said/VBD that/IN ,/, some/DT argue/VBP taxes/NNS should/MD fall/VB ./.",
			content: "taxes should fall", cue: "said", source: "Having",
		},
		{
			name:    "noun",
			text:    "Analysts/NNS promptly/RB said/VBD taxes/NNS would/MD fall/VB ./.",
			content: "taxes would fall", cue: "said", source: "Analysts", keep: true,
		},
	})
}

func TestSplitSource(t *testing.T) {
	x, err := NewWithConfig(Config{})
	if err != nil {
		t.Fatal(err)
	}
	text := "The minister praised the plan, the aide said, which Ortiz called fair."
	for _, tc := range []struct {
		name, content, cue, source, kind string
		keep                             bool
	}{
		{name: "cue before, source after", content: "the plan", cue: "praised", source: "the aide", kind: doc.Indirect},
		{name: "source inside, cue before", content: "the plan, the aide", cue: "praised", source: "the aide", kind: doc.Indirect},
		{name: "both before", content: "the plan", cue: "praised", source: "The minister", kind: doc.Indirect, keep: true},
		{name: "both after", content: "The minister praised the plan", cue: "said", source: "the aide", kind: doc.Indirect, keep: true},
		{name: "both inside", content: "which Ortiz called fair", cue: "called", source: "Ortiz", kind: doc.Indirect, keep: true},
		{name: "direct", content: "the plan", cue: "praised", source: "the aide", kind: doc.Direct, keep: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := span(t, text, tc.source)
			spk := "e1"
			q := doc.Quote{ID: "q1", Kind: tc.kind, Content: span(t, text, tc.content), Cue: span(t, text, tc.cue), Source: &src, Speaker: &spk}
			g := x.splitSource(&doc.Document{Text: text}, []doc.Quote{q})[0]
			if got := g.Source != nil; got != tc.keep || (g.Speaker != nil) != tc.keep {
				t.Errorf("source %v speaker %v, want kept %v", g.Source, g.Speaker, tc.keep)
			}
		})
	}
}

func TestGerundSubject(t *testing.T) {
	x, err := NewWithConfig(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text, content, cue string
		want                     string // source, "" for none
	}{
		{
			name:    "participle after the clause",
			text:    "The/DT mayor/NN defended/VBD the/DT budget/NN ,/, arguing/VBG that/IN taxes/NNS must/MD rise/VB ./.",
			content: "that taxes must rise", cue: "arguing", want: "The mayor",
		},
		{
			name:    "after an introductory phrase",
			text:    "On/IN Friday/NNP ,/, the/DT mayor/NN spoke/VBD ,/, promising/VBG new/JJ parks/NNS ./.",
			content: "new parks", cue: "promising", want: "the mayor",
		},
		{
			name:    "participle clause first",
			text:    "Citing/VBG rising/VBG costs/NNS ,/, the/DT council/NN rejected/VBD the/DT plan/NN ./.",
			content: "rising costs", cue: "Citing", want: "the council",
		},
		{
			name:    "preposition and participle first",
			text:    "After/IN praising/VBG the/DT coach/NN ,/, Ms./NNP Ruiz/NNP left/VBD early/RB ./.",
			content: "the coach", cue: "praising", want: "Ms. Ruiz",
		},
		{
			name:    "by and participle",
			text:    "The/DT senator/NN opened/VBD by/IN attacking/VBG the/DT treaty/NN ./.",
			content: "the treaty", cue: "attacking", want: "The senator",
		},
		{
			name:    "no subject followed by a verb",
			text:    "A/DT long/JJ day/NN of/IN talks/NNS ,/, ending/VBG in/IN a/DT deal/NN ./.",
			content: "in a deal", cue: "ending", want: "",
		},
		{
			name:    "participle inside the clause",
			text:    "The/DT mayor/NN was/VBD criticizing/VBG the/DT budget/NN ./.",
			content: "the budget", cue: "criticizing", want: "",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := oneSentence(t, tc.text)
			q := doc.Quote{ID: "q1", Kind: doc.Indirect, Content: span(t, d.Text, tc.content), Cue: span(t, d.Text, tc.cue)}
			g := x.gerundSubject(d, []doc.Quote{q})[0]
			got := ""
			if g.Source != nil {
				got = d.Text[g.Source.Start:g.Source.End]
			}
			if got != tc.want {
				t.Errorf("source %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSplitSourceTailCue(t *testing.T) {
	x, err := NewWithConfig(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text, wantCue string
		keep                bool
	}{
		{name: "cue verb ends the sentence", text: "Work/NN is/VBZ expected/VBN to/TO begin/VB ,/, the/DT city/NN said/VBD ./.", wantCue: "said", keep: true},
		{name: "cue verb before a phrase", text: "Work/NN is/VBZ expected/VBN to/TO begin/VB ,/, the/DT city/NN said/VBD in/IN a/DT statement/NN ./."},
		{name: "no cue verb", text: "Work/NN is/VBZ expected/VBN to/TO begin/VB ,/, the/DT city/NN grew/VBD ./."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := tagged(t, tc.text)
			src := span(t, d.Text, "the city")
			q := doc.Quote{ID: "q1", Kind: doc.Indirect, Content: span(t, d.Text, "Work is expected to begin"), Cue: span(t, d.Text, "is expected"), Source: &src}
			g := x.splitSource(d, []doc.Quote{q})[0]
			if (g.Source != nil) != tc.keep {
				t.Fatalf("source %v, want kept %v", g.Source, tc.keep)
			}
			if cue := d.Text[g.Cue.Start:g.Cue.End]; tc.keep && cue != tc.wantCue {
				t.Errorf("cue %q, want %q", cue, tc.wantCue)
			}
		})
	}
}
