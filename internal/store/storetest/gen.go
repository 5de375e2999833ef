package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// Generator makes synthetic processed articles for benchmarks: about 450 words each, with entities drawn
// from a fixed pool with a Zipf distribution (a few entities appear in a large share of the articles, as
// heads of state do), quotations by people in the article, dates, resolved places and events. The text is
// made of news-like filler from a small vocabulary, so full-text queries hit realistic numbers of documents.
// The same seed gives the same documents.
type Generator struct {
	rng    *rand.Rand
	zipf   *rand.Zipf
	pool   []genEntity
	start  time.Time
	Vocab  []string // the filler vocabulary, for building queries
	People []string // names of the person entities, most frequent first
	n      int
}

type genEntity struct {
	typ, name, key, title, country string
}

var (
	genFirst = []string{"Anna", "Marco", "Olena", "Pieter", "Katja", "Tomas", "Maria", "Jean", "Ahmed", "Li", "Sofia",
		"Viktor", "Elena", "David", "Ingrid", "Kwame", "Yusuf", "Hana", "Rafael", "Nadia", "Oskar", "Priya", "Lars",
		"Amara", "Dmytro", "Mateusz", "Chiara", "Kenji", "Fatima", "Jonas"}
	genSyl     = []string{"ber", "ko", "lin", "mar", "ta", "ro", "vic", "sen", "dal", "mo", "ri", "chen", "ova", "ski", "dorf", "ez", "van", "hal", "tu", "ne"}
	genTitles  = []string{"President", "Prime Minister", "Foreign Minister", "Defence Minister", "Secretary of State", "spokesperson", "ambassador", "Chancellor", "envoy", "governor"}
	genCountry = []string{"US", "UA", "RU", "DE", "FR", "GB", "PL", "BE", "IT", "ES", "CN", "TR", "IL", "EG", "IN"}
	genOrgKind = []string{"Ministry of", "Council of", "Bank of", "Agency for", "Union of", "Institute of"}
	genWords   = strings.Fields(`government officials talks ceasefire sanctions oil gas energy prices market troops border
		drone strike attack missile defence aid package vote parliament election campaign court ruling inflation
		budget deal agreement summit meeting negotiations peace war army security port grain exports imports
		tariffs trade economy growth protest police minister spokesman statement report week month year city
		region capital embassy refugees humanitarian convoy hospital school power plant grid winter shelling
		frontline offensive counteroffensive reserves reserve bank rates interest debt loan fund reconstruction
		investment companies workers union strike shipping route canal pipeline reactor nuclear inspectors
		agency commission council alliance members partners allies leaders delegation envoy visit proposal
		plan framework guarantees pressure threat warning response demand support opposition coalition court
		judge trial investigation corruption scandal resignation appointment cabinet reshuffle poll voters
		turnout results ballot fraud observers monitors mission mandate resolution veto draft text clause`)
	genClauses = []string{"the talks would continue next week", "the sanctions were already working",
		"no agreement had been reached", "the ceasefire must hold", "more aid would arrive before winter",
		"the country would not accept any deal imposed from outside", "prices would fall once the route reopened",
		"the investigation was still under way", "the alliance stood united", "the vote would go ahead as planned"}
	genVerbs = []string{"said", "told reporters", "warned", "added", "insisted", "argued"}
	genDays  = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)

// NewGenerator returns a generator over a pool of entities (0 means 8,000).
func NewGenerator(seed uint64, poolSize int) *Generator {
	if poolSize <= 0 {
		poolSize = 8000
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	g := &Generator{rng: rng, start: time.Date(2024, 1, 1, 6, 0, 0, 0, time.UTC), Vocab: genWords}
	g.zipf = rand.NewZipf(rng, 1.07, 8, uint64(poolSize-1))
	seen := map[string]bool{}
	for i := 0; len(g.pool) < poolSize; i++ {
		var e genEntity
		switch i % 8 {
		case 0, 1, 2, 3: // people
			last := strings.Title(genSyl[rng.IntN(len(genSyl))] + genSyl[rng.IntN(len(genSyl))] + genSyl[rng.IntN(len(genSyl))])
			e = genEntity{typ: "PERSON", name: genFirst[rng.IntN(len(genFirst))] + " " + last,
				title: genTitles[rng.IntN(len(genTitles))], country: genCountry[rng.IntN(len(genCountry))]}
		case 4, 5: // places
			e = genEntity{typ: "LOC", name: strings.Title(genSyl[rng.IntN(len(genSyl))] + genSyl[rng.IntN(len(genSyl))] + "ia"), country: genCountry[rng.IntN(len(genCountry))]}
		case 6: // organisations
			e = genEntity{typ: "ORG", name: genOrgKind[rng.IntN(len(genOrgKind))] + " " + strings.Title(genWords[rng.IntN(len(genWords))])}
		default:
			e = genEntity{typ: "MISC", name: strings.Title(genSyl[rng.IntN(len(genSyl))]+genSyl[rng.IntN(len(genSyl))]) + " Accord"}
		}
		if seen[e.name] {
			continue
		}
		seen[e.name] = true
		switch e.typ {
		case "LOC":
			e.key = fmt.Sprintf("loc:geonames:%d", 1000000+len(g.pool))
		default:
			e.key = strings.ToLower(e.typ) + ":" + strings.ReplaceAll(strings.ToLower(e.name), " ", "-")
		}
		g.pool = append(g.pool, e)
		if e.typ == "PERSON" {
			g.People = append(g.People, e.name)
		}
	}
	return g
}

// Next returns the next document; documents come in publication order, a few dozen a day.
func (g *Generator) Next() *doc.Document {
	i := g.n
	g.n++
	rng := g.rng
	pub := g.start.Add(time.Duration(i)*17*time.Minute + time.Duration(rng.IntN(600))*time.Second)
	d := &doc.Document{ID: fmt.Sprintf("gen%08d", i), URL: fmt.Sprintf("https://news.example/%d", i), Source: "generated",
		Published: pub.Format(time.RFC3339), Language: "en"}
	// Pick the article's entities: always at least two people and one place.
	var ents []genEntity
	picked := map[int]bool{}
	want := 6 + rng.IntN(9)
	var people, places []int
	for tries := 0; len(ents) < want && tries < 200; tries++ {
		k := int(g.zipf.Uint64())
		if picked[k] {
			continue
		}
		e := g.pool[k]
		if len(ents) < 3 && ((len(people) < 2 && e.typ != "PERSON") || (len(people) >= 2 && len(places) == 0 && e.typ != "LOC")) {
			continue
		}
		picked[k] = true
		switch e.typ {
		case "PERSON":
			people = append(people, len(ents))
		case "LOC":
			places = append(places, len(ents))
		}
		ents = append(ents, e)
	}
	var b strings.Builder
	entMentions := make([][]doc.Mention, len(ents))
	mention := func(k int, s string) {
		start := b.Len()
		b.WriteString(s)
		entMentions[k] = append(entMentions[k], doc.Mention{Span: doc.Span{Start: start, End: b.Len()}, Kind: doc.KindName})
	}
	filler := func(n int) {
		for j := range n {
			w := genWords[int(float64(len(genWords))*rng.Float64()*rng.Float64())]
			if j == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			} else {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
		b.WriteString(". ")
	}
	var quotes []doc.Quote
	var times []doc.Time
	var events []doc.Event
	title := ""
	for p := 0; p < 6; p++ {
		if p > 0 {
			b.WriteString("\n\n")
		}
		sp := people[rng.IntN(len(people))]
		e := ents[sp]
		switch p % 3 {
		case 0: // indirect quote with a date
			b.WriteString(e.title + " ")
			src := b.Len()
			mention(sp, e.name)
			b.WriteString(" ")
			cue := b.Len()
			v := genVerbs[rng.IntN(len(genVerbs))]
			b.WriteString(v)
			b.WriteString(" on ")
			ts := b.Len()
			day := genDays[pub.Weekday()]
			b.WriteString(day)
			times = append(times, doc.Time{Start: ts, End: b.Len(), Text: day, Type: "DATE", Value: pub.Format("2006-01-02")})
			b.WriteString(" that ")
			cs := b.Len()
			b.WriteString(genClauses[rng.IntN(len(genClauses))])
			ce := b.Len()
			b.WriteString(". ")
			speaker := fmt.Sprintf("e%d", sp+1)
			quotes = append(quotes, doc.Quote{Kind: doc.Indirect, Content: doc.Span{Start: cs, End: ce}, Cue: doc.Span{Start: cue, End: cue + len(v)},
				Source: &doc.Span{Start: src, End: src + len(e.name)}, Speaker: &speaker})
			if title == "" {
				title = e.name + ": " + genClauses[rng.IntN(len(genClauses))]
			}
		case 1: // direct quote
			b.WriteString("“")
			cs := b.Len()
			filler(8 + rng.IntN(8))
			ce := b.Len() - 2
			b.WriteString("” ")
			src := b.Len()
			surname := e.name[strings.LastIndexByte(e.name, ' ')+1:]
			mention(sp, surname)
			b.WriteString(" ")
			cue := b.Len()
			b.WriteString("said")
			b.WriteString(". ")
			speaker := fmt.Sprintf("e%d", sp+1)
			quotes = append(quotes, doc.Quote{Kind: doc.Direct, Content: doc.Span{Start: cs, End: ce}, Cue: doc.Span{Start: cue, End: cue + 4},
				Source: &doc.Span{Start: src, End: src + len(surname)}, Speaker: &speaker})
		default: // an event at a place
			if len(places) > 0 && len(events) < 2 {
				pl := places[rng.IntN(len(places))]
				mention(sp, e.name)
				b.WriteString(" ")
				ts := b.Len()
				b.WriteString("visited")
				b.WriteString(" ")
				mention(pl, ents[pl].name)
				b.WriteString(" for talks. ")
				src, place := fmt.Sprintf("e%d", sp+1), fmt.Sprintf("e%d", pl+1)
				events = append(events, doc.Event{Code: "042", Label: "Make a visit", Trigger: doc.Span{Start: ts, End: ts + 7},
					Source: []string{src}, Place: &place, Date: pub.Format("2006-01-02"), Modality: "asserted"})
			}
		}
		// Filler that mentions the other entities.
		for k := range ents {
			if rng.IntN(3) == 0 || len(entMentions[k]) == 0 && p == 5 {
				filler(4 + rng.IntN(6))
				b.WriteString("Officials from ")
				mention(k, ents[k].name)
				b.WriteString(" were also present. ")
			}
		}
		for range 2 + rng.IntN(3) {
			filler(12 + rng.IntN(10))
		}
	}
	d.Text = strings.TrimSpace(b.String())
	d.Title = title
	for k, e := range ents {
		id := fmt.Sprintf("e%d", k+1)
		ent := doc.Entity{ID: id, Type: e.typ, Name: e.name, Key: e.key, Country: e.country, Mentions: entMentions[k]}
		if e.title != "" {
			ent.Titles = []string{e.title}
		}
		d.Entities = append(d.Entities, ent)
		if e.typ == "LOC" {
			var gid int
			fmt.Sscanf(e.key, "loc:geonames:%d", &gid)
			d.Places = append(d.Places, doc.Place{Entity: id, Name: e.name, GeonameID: gid, Feature: "PPL", Country: e.country,
				Lat: float64(gid%180) - 90, Lon: float64(gid%360) - 180, Confidence: 0.8})
		}
	}
	for k := range quotes {
		quotes[k].ID = fmt.Sprintf("q%d", k+1)
	}
	for k := range events {
		events[k].ID = fmt.Sprintf("v%d", k+1)
	}
	d.Quotes, d.Times, d.Events = quotes, times, events
	return d
}
