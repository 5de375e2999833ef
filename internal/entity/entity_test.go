package entity

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// mentionsOf lists an entity's mentions as "start-end:kind:text".
func mentionsOf(d *doc.Document, e *doc.Entity) string {
	var out []string
	for _, m := range e.Mentions {
		out = append(out, fmt.Sprintf("%d-%d:%s:%s", m.Start, m.End, m.Kind, d.Text[m.Start:m.End]))
	}
	return strings.Join(out, " ")
}

func TestGrouping(t *testing.T) {
	tests := []struct {
		name, src, of string
		want          string // mentions of the entity holding a mention with text `of`
		wantName      string
		wantKey       string
	}{
		{
			name:     "surname before full name",
			src:      `{Merz|PER} arrived late. {Friedrich Merz|PER} then spoke.`,
			of:       "Merz",
			want:     "0-4:name:Merz 19-33:name:Friedrich Merz",
			wantName: "Friedrich Merz", wantKey: "person:friedrich-merz",
		},
		{
			name:     "particle surname in any case",
			src:      `{Ursula von der Leyen|PER} spoke. {Von der Leyen|PER} left.`,
			of:       "Von der Leyen",
			want:     "0-20:name:Ursula von der Leyen 28-41:name:Von der Leyen",
			wantName: "Ursula von der Leyen", wantKey: "person:ursula-von-der-leyen",
		},
		{
			name:     "possessive trimmed",
			src:      `{Trump's|PER} envoy arrived. {Donald Trump|PER} was not there.`,
			of:       "Trump",
			want:     "0-5:name:Trump 23-35:name:Donald Trump",
			wantName: "Donald Trump", wantKey: "person:donald-trump",
		},
		{
			name:     "title inside the tagged name",
			src:      `{President Joe Biden|PER} spoke.`,
			of:       "Joe Biden",
			want:     "10-19:name:Joe Biden",
			wantName: "Joe Biden", wantKey: "person:joe-biden",
		},
		{
			name:     "acronym after expansion",
			src:      `The {European Union|ORG} met. The {EU|ORG} agreed.`,
			of:       "EU",
			want:     "4-18:name:European Union 28-30:name:EU",
			wantName: "European Union", wantKey: "org:eu",
		},
		{
			name:     "acronym from initials, not in the lexicon",
			src:      `The {FTC|ORG} sued. The {Federal Trade Commission|ORG} said so.`,
			of:       "FTC",
			want:     "4-7:name:FTC 18-42:name:Federal Trade Commission",
			wantName: "Federal Trade Commission", wantKey: "org:federal-trade-commission",
		},
		{
			name:     "country abbreviations",
			src:      `The {U.S.|LOC} and the {US|ORG} and the {United States|LOC}.`,
			of:       "US",
			want:     "4-8:name:U.S. 17-19:name:US 28-41:name:United States",
			wantName: "United States", wantKey: "loc:united-states",
		},
		{
			name:     "short team name",
			src:      `The {Chiefs|ORG} won. The {Kansas City Chiefs|ORG} lead the league.`,
			of:       "Chiefs",
			want:     "4-10:name:Chiefs 20-38:name:Kansas City Chiefs",
			wantName: "Kansas City Chiefs", wantKey: "org:kansas-city-chiefs",
		},
		{
			name:     "transliteration variants",
			src:      `{Zelenskiy|PER} spoke. {Volodymyr Zelenskyy|PER} left.`,
			of:       "Zelenskiy",
			want:     "0-9:name:Zelenskiy 17-36:name:Volodymyr Zelenskyy",
			wantName: "Volodymyr Zelenskyy", wantKey: "person:volodymyr-zelensky",
		},
		{
			name:     "headline read as one organization",
			src:      "{Lena Holt Checks Into Clinic|ORG}\n\n{Lena Holt|PER} entered a clinic on Monday.",
			of:       "Lena Holt",
			want:     "0-9:name:Lena Holt 30-39:name:Lena Holt",
			wantName: "Lena Holt", wantKey: "person:lena-holt",
		},
		{
			name:     "title-case headline starting with a short name",
			src:      "{Colts Clinch Playoff Berth With Win|ORG}\n\nThe {Colts|ORG} won again.",
			of:       "Colts",
			want:     "0-5:name:Colts 41-46:name:Colts",
			wantName: "Colts", wantKey: "org:colts",
		},
		{
			name:     "long name kept whole",
			src:      "The {EYP Mission Critical Facilities|ORG} deal. {EYP|ORG} staff will stay.",
			of:       "EYP Mission Critical Facilities",
			want:     "4-35:name:EYP Mission Critical Facilities 42-45:name:EYP",
			wantName: "EYP Mission Critical Facilities", wantKey: "org:eyp-mission-critical-facilities",
		},
		{
			name:     "short given name",
			src:      `{Fred LaRue|PER} died. {Frederick C. LaRue|PER} was 75. {LaRue|PER} had retired.`,
			of:       "Fred LaRue",
			want:     "0-10:name:Fred LaRue 17-35:name:Frederick C. LaRue 44-49:name:LaRue",
			wantName: "Frederick C. LaRue", wantKey: "person:frederick-larue",
		},
		{
			name:     "untagged occurrences",
			src:      `{Lena Holt|PER} arrived. Holt said {Acme Corp|ORG} and Acme Corp agreed.`,
			of:       "Holt",
			want:     "0-9:name:Lena Holt 19-23:name:Holt",
			wantName: "Lena Holt", wantKey: "person:lena-holt",
		},
		{
			name:     "no month as a surname",
			src:      `{Theresa May|PER} spoke in May. {May|PER} left.`,
			of:       "Theresa May",
			want:     "0-11:name:Theresa May 26-29:name:May",
			wantName: "Theresa May", wantKey: "person:theresa-may",
		},
		{
			name:     "capitalised particle",
			src:      `{Gaetano Lo Presti|PER} was found. {Lo Presti|PER} had been arrested.`,
			of:       "Lo Presti",
			want:     "0-17:name:Gaetano Lo Presti 29-38:name:Lo Presti",
			wantName: "Gaetano Lo Presti", wantKey: "person:gaetano-lo-presti",
		},
		{
			name:     "head word of a known organization",
			src:      `The {European Commission|ORG} proposed it. The {Commission|ORG} will vote.`,
			of:       "Commission",
			want:     "4-23:name:European Commission 41-51:name:Commission",
			wantName: "European Commission", wantKey: "org:ec",
		},
		{
			name:     "dateline capitals give way to the body's spelling",
			src:      "{BRUSSELS|LOC} — Talks in {Brussels|LOC} ended.",
			of:       "BRUSSELS",
			want:     "0-8:name:BRUSSELS 22-30:name:Brussels",
			wantName: "Brussels", wantKey: "loc:brussels",
		},
		{
			name:     "dateline capitals only",
			src:      "{SOUTH CAROLINA|LOC} — {NYC|LOC} talks ended.",
			of:       "SOUTH CAROLINA",
			want:     "0-14:name:SOUTH CAROLINA",
			wantName: "South Carolina", wantKey: "loc:south-carolina",
		},
		{
			name:     "short capitals stay",
			src:      "{SOUTH CAROLINA|LOC} — {NYC|LOC} talks ended.",
			of:       "NYC",
			want:     "19-22:name:NYC",
			wantName: "NYC", wantKey: "loc:nyc",
		},
		{
			name:     "leading preposition and modifier",
			src:      `Fighting {in southern Lebanon|LOC} and {Lebanon|LOC}.`,
			of:       "Lebanon",
			want:     "21-28:name:Lebanon 33-40:name:Lebanon",
			wantName: "Lebanon", wantKey: "loc:lebanon",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := resolve(t, tt.src)
			e := entityOf(d, tt.of)
			if e == nil {
				t.Fatalf("no entity with mention %q in %+v", tt.of, d.Entities)
			}
			if got := mentionsOf(d, e); got != tt.want {
				t.Errorf("mentions = %s\nwant       %s", got, tt.want)
			}
			if e.Name != tt.wantName || e.Key != tt.wantKey {
				t.Errorf("name, key = %q, %q; want %q, %q", e.Name, e.Key, tt.wantName, tt.wantKey)
			}
		})
	}
}

func TestOrgKeyCountryPrefix(t *testing.T) {
	var keys []string
	for _, name := range []string{"U.S. Geological Survey", "US Geological Survey", "United States Geological Survey"} {
		d := resolve(t, "The {"+name+"|ORG} said.")
		keys = append(keys, d.Entities[0].Key)
	}
	if keys[0] != "org:us-geological-survey" || keys[1] != keys[0] || keys[2] != keys[0] {
		t.Errorf("keys %v", keys)
	}
}

func TestNotGrouped(t *testing.T) {
	tests := []struct{ name, src, a, b string }{
		{"two people, one surname", `{Joe Biden|PER} and {Hunter Biden|PER} arrived.`, "Joe Biden", "Hunter Biden"},
		{"place and person", `{George Washington|PER} never saw {Washington|LOC}.`, "George Washington", "Washington"},
		{"Us is not the US", `{Us Weekly|ORG} said the {US|LOC} would act.`, "Us Weekly", "US"},
		{"two orgs sharing a word", `{Deutsche Bank|ORG} and {Deutsche Post|ORG} said {Deutsche|ORG} data was wrong.`, "Deutsche Bank", "Deutsche Post"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := resolve(t, tt.src)
			a, b := entityOf(d, tt.a), entityOf(d, tt.b)
			if a == nil || b == nil {
				t.Fatalf("missing entity: %v %v", a, b)
			}
			if a.ID == b.ID {
				t.Errorf("%q and %q grouped into %s", tt.a, tt.b, a.ID)
			}
		})
	}
}

func TestShapeType(t *testing.T) {
	tests := []struct{ src, of, want string }{
		{`Ships in the {Gulf of Aden|MISC}.`, "Gulf of Aden", "LOC"},
		{`The {Staunton Police|LOC} said.`, "Staunton Police", "ORG"},
		{`At the {Betty Ford Center|ORG}.`, "Betty Ford Center", "LOC"},
		{`The {Acme Widgets|ORG} said.`, "Acme Widgets", "ORG"},
		{`The {Acme Widgets|MISC} said.`, "Acme Widgets", "MISC"},
	}
	for _, tt := range tests {
		t.Run(tt.of+"/"+tt.want, func(t *testing.T) {
			d := resolve(t, tt.src)
			if e := entityOf(d, tt.of); e == nil || e.Type != tt.want {
				t.Errorf("entity %+v, want type %s", e, tt.want)
			}
		})
	}
}

func TestTitles(t *testing.T) {
	tests := []struct {
		name, src, of       string
		title, country, org string
	}{
		{"country premodifier", `{UK|LOC} Prime Minister {Keir Starmer|PER} spoke.`, "Keir Starmer", "Prime Minister", "GB", ""},
		{"demonym premodifier", `{Finnish|MISC} President {Alexander Stubb|PER} spoke.`, "Alexander Stubb", "President", "FI", ""},
		{"untagged demonym", `Finnish President {Alexander Stubb|PER} spoke.`, "Alexander Stubb", "President", "FI", ""},
		{"possessive person", `{Trump|PER}'s envoy {Steve Witkoff|PER} arrived.`, "Steve Witkoff", "Envoy", "", ""},
		{"untagged acronym as qualifier", `The {European Central Bank|ORG} met. ECB President {Christine Lagarde|PER} spoke.`, "Christine Lagarde", "President", "", "European Central Bank"},
		{"org apposition", `{Mark Rutte|PER}, {NATO|ORG}'s secretary general, spoke.`, "Mark Rutte", "Secretary General", "", "NATO"},
		{"org premodifier", `{European Commission|ORG} President {Ursula von der Leyen|PER} spoke.`, "Ursula von der Leyen", "President", "", "European Commission"},
		{"of-title", `{U.S.|LOC} Secretary of State {Marco Rubio|PER} spoke.`, "Marco Rubio", "Secretary of State", "US", ""},
		{"apposition with of", `{Jane Doe|PER}, director of the {World Health Organization|ORG}, spoke.`, "Jane Doe", "Director", "", "World Health Organization"},
		{"apposition with demonym", `{Friedrich Merz|PER}, the {German|MISC} chancellor, spoke.`, "Friedrich Merz", "Chancellor", "DE", ""},
		{"title before the name", `The {UN|ORG} secretary-general, {Antonio Guterres|PER}, spoke.`, "Antonio Guterres", "Secretary-General", "", "UN"},
		{"title of org before the name", `The head of the {International Monetary Fund|ORG}, {Kristalina Georgieva|PER}, spoke.`, "Kristalina Georgieva", "Head", "", "International Monetary Fund"},
		{"demonym title before the name", `The {German|MISC} chancellor, {Friedrich Merz|PER}, spoke.`, "Friedrich Merz", "Chancellor", "DE", ""},
		{"list, not a title", `Officials met the president, {Anna Berg|PER} and others.`, "Anna Berg", "", "", ""},
		{"title with of-country after the name", `President {Emmanuel Macron|PER} of {France|LOC} spoke.`, "Emmanuel Macron", "President", "FR", ""},
		{"no title", `{Anna Berg|PER} said the plan was good.`, "Anna Berg", "", "", ""},
		{"majority leader", `Senate Majority Leader {John Hale|PER} agreed.`, "John Hale", "Majority Leader", "", ""},
		{"policy chief before the name", `The {European Union|ORG}'s foreign policy chief, {Anna Berg|PER}, spoke.`, "Anna Berg", "Foreign Policy Chief", "", "European Union"},
		{"role of someone else before of", `The head of President {Ivan Koval|PER}'s office, {Petro Hrytsenko|PER}, spoke.`, "Ivan Koval", "President", "", ""},
		{"holder of the governing role", `The head of President {Ivan Koval|PER}'s office, {Petro Hrytsenko|PER}, spoke.`, "Petro Hrytsenko", "", "", ""},
		{"kin of a titled person", `The wife of Prime Minister {Ivan Koval|PER} spoke.`, "Ivan Koval", "Prime Minister", "", ""},
		{"domain noun after of stays", `Minister of Justice {Olga Marchenko|PER} spoke.`, "Olga Marchenko", "Minister of Justice", "", ""},
		{"not a title apposition", `{Anna Berg|PER}, the president said, was late.`, "Anna Berg", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := resolve(t, tt.src)
			e := entityOf(d, tt.of)
			if e == nil {
				t.Fatalf("no entity %q", tt.of)
			}
			title := strings.Join(e.Titles, "|")
			if title != tt.title || e.Country != tt.country || e.Org != tt.org {
				t.Errorf("titles %q country %q org %q; want %q %q %q", title, e.Country, e.Org, tt.title, tt.country, tt.org)
			}
		})
	}
}

func TestCoreference(t *testing.T) {
	tests := []struct {
		name, src, of, want string
	}{
		{
			name: "she after a sentence about her",
			src:  `{Ursula von der Leyen|PER} visited {Kyiv|LOC}. She commented on the talks.`,
			of:   "Ursula von der Leyen",
			want: "0-20:name:Ursula von der Leyen 35-38:pronoun:She",
		},
		{
			name: "gender from the given-name list",
			src:  `{Maria Lopez|PER} met {John Reyes|PER}. She said he was late.`,
			of:   "Maria Lopez",
			want: "0-11:name:Maria Lopez 28-31:pronoun:She",
		},
		{
			name: "person typed as an organization",
			src:  `{Ellen Marsh|ORG} will host the show. {Marsh|ORG} said she was happy.`,
			of:   "Ellen Marsh",
			want: "0-11:name:Ellen Marsh 32-37:name:Marsh 43-46:pronoun:she",
		},
		{
			name: "person typed as an organization, surname typed as a person",
			src:  `{Bettie Marsh|ORG} died. {Marsh|PER} was 85. She had retired.`,
			of:   "Bettie Marsh",
			want: "0-12:name:Bettie Marsh 19-24:name:Marsh 33-36:pronoun:She",
		},
		{
			name: "gender from an honorific",
			src:  `Mrs. {Okafor|PER} met {Tom Reyes|PER}. He said she was right.`,
			of:   "Okafor",
			want: "5-11:name:Okafor 35-38:pronoun:she",
		},
		{
			name: "object pronoun skips its clause's subject",
			src:  `{Paul Berg|PER} met {John Reyes|PER}. {Reyes|PER} thanked him.`,
			of:   "Paul Berg",
			want: "0-9:name:Paul Berg 40-43:pronoun:him",
		},
		{
			name: "the only chancellor",
			src:  `Chancellor {Friedrich Merz|PER} met {Emmanuel Macron|PER}. The chancellor said little.`,
			of:   "Friedrich Merz",
			want: "11-25:name:Friedrich Merz 47-61:title:The chancellor",
		},
		{
			name: "leader by country",
			src:  `{Ukrainian|MISC} President {Volodymyr Zelensky|PER} met {Keir Starmer|PER}. The Ukrainian leader smiled.`,
			of:   "Volodymyr Zelensky",
			want: "20-38:name:Volodymyr Zelensky 57-77:title:The Ukrainian leader",
		},
		{
			name: "two presidents: no title link",
			src:  `President {Ann Lee|PER} met President {Bo Kim|PER}. The president smiled.`,
			of:   "Ann Lee",
			want: "10-17:name:Ann Lee",
		},
		{
			name: "its: the nearest organization",
			src:  `{Acme|ORG} sued {Globex|ORG} over its patents.`,
			of:   "Globex",
			want: "10-16:name:Globex 22-25:pronoun:its",
		},
		{
			name: "description of the only person near",
			src:  `{Tara Lane|PER} entered a clinic in {Malibu|LOC}. The 33-year-old actress asked for privacy.`,
			of:   "Tara Lane",
			want: "0-9:name:Tara Lane 38-61:title:The 33-year-old actress",
		},
		{
			name: "description with two people near",
			src:  `{Tara Lane|PER} met {Ann Cole|PER}. The actress left.`,
			of:   "Tara Lane",
			want: "0-9:name:Tara Lane",
		},
		{
			name: "too far back",
			src:  `{Ann Lee|PER} spoke. One. Two. Three. Four. He left.`,
			of:   "Ann Lee",
			want: "0-7:name:Ann Lee",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := resolve(t, tt.src)
			e := entityOf(d, tt.of)
			if e == nil {
				t.Fatalf("no entity %q", tt.of)
			}
			if got := mentionsOf(d, e); got != tt.want {
				t.Errorf("mentions = %s\nwant       %s", got, tt.want)
			}
		})
	}
}

func TestDemonyms(t *testing.T) {
	d := resolve(t, `South Korean and {Ukrainian|MISC} officials met in {Ukraine|LOC}. Dutch voters disagreed.`)
	var got []string
	for _, e := range d.Entities {
		got = append(got, fmt.Sprintf("%s %s %s %s [%s]", e.ID, e.Type, e.Name, e.Country, mentionsOf(d, &e)))
	}
	want := []string{
		"e1 LOC South Korea KR [0-12:demonym:South Korean]",
		"e2 LOC Ukraine UA [17-26:demonym:Ukrainian 44-51:name:Ukraine]",
		"e3 LOC Netherlands NL [53-58:demonym:Dutch]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// checkInvariants asserts what every output must satisfy: ids e1.. in order of first mention, mentions in
// bounds, sorted, on rune boundaries, with a known kind; names and keys not empty.
func checkInvariants(t *testing.T, d *doc.Document) {
	t.Helper()
	prev := -1
	for i, e := range d.Entities {
		if e.ID != fmt.Sprintf("e%d", i+1) {
			t.Errorf("entity %d has id %q", i, e.ID)
		}
		if len(e.Mentions) == 0 || e.Key == "" || !strings.Contains(e.Key, ":") {
			t.Errorf("entity %s: no mentions or bad key %q", e.ID, e.Key)
		}
		if e.Mentions[0].Start < prev {
			t.Errorf("entity %s out of order", e.ID)
		}
		prev = e.Mentions[0].Start
		last := -1
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(d.Text) || m.Start >= m.End || m.Start < last {
				t.Errorf("entity %s: bad mention %+v", e.ID, m)
				continue
			}
			last = m.Start
			if !utf8.RuneStart(d.Text[m.Start]) || m.End < len(d.Text) && !utf8.RuneStart(d.Text[m.End]) {
				t.Errorf("entity %s: mention %+v splits a rune", e.ID, m)
			}
			switch m.Kind {
			case doc.KindName, doc.KindTitle, doc.KindPronoun, doc.KindDemonym:
			default:
				t.Errorf("entity %s: kind %q", e.ID, m.Kind)
			}
		}
		switch e.Type {
		case "PERSON", "ORG", "LOC", "MISC":
		default:
			t.Errorf("entity %s: type %q", e.ID, e.Type)
		}
	}
}

func TestBadInput(t *testing.T) {
	t.Run("nameless", func(t *testing.T) {
		d := resolve(t, "The council met. She said it went well.\n\nNothing else happened.")
		if len(d.Entities) != 0 {
			t.Errorf("entities from a nameless text: %+v", d.Entities)
		}
	})
	t.Run("empty", func(t *testing.T) {
		d := resolve(t, "")
		if len(d.Entities) != 0 {
			t.Errorf("entities from nothing: %+v", d.Entities)
		}
	})
	t.Run("non-Latin names", func(t *testing.T) {
		d := resolve(t, `{Володимир Зеленський|PER} заявив. {Зеленський|PER} додав. {習近平|PER}と{東京|LOC}。`)
		checkInvariants(t, d)
		e := entityOf(d, "Зеленський")
		if e == nil || e.Key != "person:volodymyr-zelensky" || len(e.Mentions) != 2 {
			t.Errorf("Cyrillic person: %+v", e)
		}
		if e := entityOf(d, "習近平"); e == nil || e.Key != "person:習近平" {
			t.Errorf("CJK person: %+v", e)
		}
	})
	t.Run("names out of bounds and overlapping", func(t *testing.T) {
		d := &doc.Document{Text: "Anna Berg met Tom.", Names: []doc.Name{
			{Span: doc.Span{Start: 0, End: 9}, Type: "PER"},
			{Span: doc.Span{Start: 5, End: 9}, Type: "PER"},
			{Span: doc.Span{Start: 14, End: 99}, Type: "PER"},
			{Span: doc.Span{Start: 3, End: 2}, Type: "ORG"},
		}}
		if err := New().Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, d)
		if len(d.Entities) != 1 {
			t.Errorf("want only Anna Berg, got %+v", d.Entities)
		}
	})
	t.Run("no sentence breaks", func(t *testing.T) {
		// one 40,000-word "sentence" of titled names, descriptions and pronouns: the backward scans are bounded
		var b strings.Builder
		d := &doc.Document{}
		for i := range 2000 {
			b.WriteString("and Minister ")
			start := b.Len()
			fmt.Fprintf(&b, "Ola Kar%dson", i)
			d.Names = append(d.Names, doc.Name{Span: doc.Span{Start: start, End: b.Len()}, Type: "PER"})
			b.WriteString(" met the minister and the actress while he and its staff waited ")
		}
		d.Text = b.String()
		if err := New().Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, d)
	})
	t.Run("3000 people, one surname", func(t *testing.T) {
		var b strings.Builder
		d := &doc.Document{}
		add := func(s string) {
			start := b.Len()
			b.WriteString(s)
			d.Names = append(d.Names, doc.Name{Span: doc.Span{Start: start, End: b.Len()}, Type: "PER"})
		}
		syl := []string{"ba", "de", "fi", "mo", "nu", "pa", "re", "si", "to", "lu"}
		for i := range 3000 {
			given := "Ka" + syl[i/1000%10] + syl[i/100%10] + syl[i/10%10] + syl[i%10] // equal lengths: none a short form of another
			add(given + " Smith")
			b.WriteString(" spoke. ")
			add("Smith")
			b.WriteString(" left. ")
		}
		d.Text = b.String()
		if err := New().Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, d)
		if len(d.Entities) != 3000 {
			t.Errorf("got %d entities, want 3000", len(d.Entities))
		}
	})
	t.Run("5000 entities", func(t *testing.T) {
		d := manyEntities(5000)
		if err := New().Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, d)
		if len(d.Entities) != 5000 {
			t.Errorf("got %d entities, want 5000", len(d.Entities))
		}
	})
}

// manyEntities returns an article naming n distinct people, each once with a title and once by surname,
// followed by a pronoun.
func manyEntities(n int) *doc.Document {
	var b strings.Builder
	d := &doc.Document{}
	name := func(i int) string {
		// distinct made-up names from syllables
		syl := []string{"ka", "lo", "mi", "ra", "te", "vu", "no", "si", "da", "pe"}
		var s string
		for x := i; ; x /= 10 {
			s += syl[x%10]
			if x < 10 {
				break
			}
		}
		return strings.ToUpper(s[:1]) + s[1:] + "son"
	}
	add := func(s, typ string) {
		start := b.Len()
		b.WriteString(s)
		d.Names = append(d.Names, doc.Name{Span: doc.Span{Start: start, End: b.Len()}, Type: typ})
	}
	for i := range n {
		b.WriteString("Minister ")
		add("Ola "+name(i), "PER")
		b.WriteString(" spoke. ")
		add(name(i), "PER")
		b.WriteString(" said he would go. ")
	}
	d.Text = b.String()
	return d
}

func TestLinearTime(t *testing.T) {
	// Not a timing test: the number of anchors a pronoun examines is bounded, so the work per word is too.
	d := manyEntities(2000)
	r := newRun(d)
	r.group()
	if len(r.ents) != 2000 {
		t.Fatalf("got %d entities", len(r.ents))
	}
	if maxLook > 100 || window > 5 {
		t.Errorf("pronoun search bounds too large: %d anchors, %d sentences", maxLook, window)
	}
}

func BenchmarkProcess(b *testing.B) {
	src := ""
	for _, f := range []string{"testdata/diplomacy.txt", "testdata/business.txt", "testdata/variants.txt"} {
		s, err := readFile(f)
		if err != nil {
			b.Fatal(err)
		}
		src += s + "\n\n"
	}
	base := annotated(b, src)
	r := New()
	words := len(strings.Fields(base.Text))
	b.ReportAllocs()
	for b.Loop() {
		d := *base
		if err := r.Process(context.Background(), &d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

func BenchmarkProcess5000(b *testing.B) {
	base := manyEntities(5000)
	r := New()
	for b.Loop() {
		d := *base
		if err := r.Process(context.Background(), &d); err != nil {
			b.Fatal(err)
		}
	}
}

// TestConcurrent runs one Resolver on many documents at once, as the pipeline does (run with -race).
func TestConcurrent(t *testing.T) {
	src, err := readFile("testdata/diplomacy.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := resolve(t, src).Entities
	r := New()
	done := make(chan []doc.Entity)
	for range 8 {
		d := annotated(t, src)
		go func() {
			if err := r.Process(context.Background(), d); err != nil {
				t.Error(err)
			}
			done <- d.Entities
		}()
	}
	for range 8 {
		if got := <-done; fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("concurrent run differs")
		}
	}
}
