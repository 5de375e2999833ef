package storetest

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// builder makes a document whose spans are found by searching its text, so fixtures carry no hand-counted
// offsets.
type builder struct {
	d *doc.Document
}

func newDoc(id, published, title, text string) *builder {
	return &builder{d: &doc.Document{ID: id, Published: published, Title: title, Language: "en", Text: text,
		URL: "https://news.example/" + id, Source: "fixture/" + id + ".txt"}}
}

// span returns the byte span of the n-th (0-based) occurrence of s; it panics on a fixture typo, which is a
// bug in this file, not in the store.
func (b *builder) span(s string, n int) doc.Span {
	from := 0
	for i := 0; ; i++ {
		k := strings.Index(b.d.Text[from:], s)
		if k < 0 {
			panic(fmt.Sprintf("fixture %s: %q occurrence %d not in text", b.d.ID, s, n))
		}
		if i == n {
			return doc.Span{Start: from + k, End: from + k + len(s)}
		}
		from += k + len(s)
	}
}

// entity adds an entity with one name mention per listed surface form (first occurrence of each).
func (b *builder) entity(typ, name, key string, titles []string, country string, surfaces ...string) string {
	id := fmt.Sprintf("e%d", len(b.d.Entities)+1)
	e := doc.Entity{ID: id, Type: typ, Name: name, Key: key, Titles: titles, Country: country}
	for _, s := range surfaces {
		e.Mentions = append(e.Mentions, doc.Mention{Span: b.span(s, 0), Kind: doc.KindName})
		if s != name {
			e.Aliases = append(e.Aliases, s)
		}
	}
	b.d.Entities = append(b.d.Entities, e)
	return id
}

func (b *builder) quote(kind, content, cue, source, speaker string) {
	q := doc.Quote{ID: fmt.Sprintf("q%d", len(b.d.Quotes)+1), Kind: kind, Content: b.span(content, 0), Cue: b.span(cue, 0)}
	if source != "" {
		s := b.span(source, 0)
		q.Source = &s
	}
	if speaker != "" {
		q.Speaker = &speaker
	}
	b.d.Quotes = append(b.d.Quotes, q)
}

func (b *builder) time(text, typ, value string) int {
	s := b.span(text, 0)
	b.d.Times = append(b.d.Times, doc.Time{Start: s.Start, End: s.End, Text: text, Type: typ, Value: value})
	return len(b.d.Times) - 1
}

// Fixtures returns three short articles written for these tests, with entities, quotes, times, places and
// an event. Texts use typographic quotes and accented names, so byte and code point offsets differ.
func Fixtures() []*doc.Document {
	a := newDoc("a1", "2025-08-18T09:30:00+02:00", "Rubio presses allies on sanctions in Brussels",
		"BRUSSELS — Secretary of State Marco Rubio urged European allies on Monday to tighten sanctions on Russian oil.\n\n"+
			"“We will not ease the pressure until the guns fall silent,” Rubio told reporters at NATO headquarters.\n\n"+
			"Mark Rutte, NATO’s secretary general, said the alliance stood united. Rubio later met Radosław Sikorski, Poland’s foreign minister.")
	rubio := a.entity("PERSON", "Marco Rubio", "person:marco-rubio", []string{"Secretary of State"}, "US", "Marco Rubio", "Rubio")
	a.d.Entities[0].Mentions = append(a.d.Entities[0].Mentions, doc.Mention{Span: a.span("Rubio", 2), Kind: doc.KindName})
	nato := a.entity("ORG", "NATO", "org:nato", nil, "", "NATO")
	rutte := a.entity("PERSON", "Mark Rutte", "person:mark-rutte", []string{"secretary general"}, "", "Mark Rutte")
	a.d.Entities[2].Org = "NATO"
	sik := a.entity("PERSON", "Radosław Sikorski", "person:radoslaw-sikorski", []string{"foreign minister"}, "PL", "Radosław Sikorski")
	bru := a.entity("LOC", "Brussels", "loc:geonames:2800866", nil, "BE", "BRUSSELS")
	_ = nato
	_ = sik
	a.quote(doc.Direct, "We will not ease the pressure until the guns fall silent", "told", "Rubio", rubio)
	a.quote(doc.Indirect, "the alliance stood united", "said", "Mark Rutte", rutte)
	ti := a.time("Monday", "DATE", "2025-08-18")
	a.d.Places = []doc.Place{{Entity: bru, Name: "Brussels", GeonameID: 2800866, Feature: "PPLC", Country: "BE", Lat: 50.85045, Lon: 4.34878, Confidence: 0.9}}
	place := bru
	a.d.Events = []doc.Event{{ID: "v1", Code: "036", Label: "Express intent to meet or negotiate", Trigger: a.span("met", 0),
		Source: []string{rubio}, Target: []string{sik}, Place: &place, Time: &ti, Date: "2025-08-18", Modality: "asserted"}}

	b := newDoc("b2", "2025-08-20", "Kyiv braces for winter as strikes hit power plants",
		"KYIV — Ukrainian President Volodymyr Zelenskyy said on Wednesday that Russian drones had struck two power plants near Kyiv.\n\n"+
			"“Every strike on our grid is a strike on our children,” Zelenskyy said in his nightly address. "+
			"Secretary of State Marco Rubio condemned the attacks and said Washington would weigh new sanctions.")
	zel := b.entity("PERSON", "Volodymyr Zelenskyy", "person:volodymyr-zelensky", []string{"President"}, "UA", "Volodymyr Zelenskyy", "Zelenskyy")
	b.d.Entities[0].Mentions = append(b.d.Entities[0].Mentions, doc.Mention{Span: b.span("Zelenskyy", 1), Kind: doc.KindName})
	kyiv := b.entity("LOC", "Kyiv", "loc:geonames:703448", nil, "UA", "KYIV")
	b.d.Entities[1].Mentions = append(b.d.Entities[1].Mentions, doc.Mention{Span: b.span("Kyiv", 0), Kind: doc.KindName})
	rubio2 := b.entity("PERSON", "Marco Rubio", "person:marco-rubio", []string{"Secretary of State"}, "US", "Marco Rubio")
	b.entity("LOC", "Washington", "loc:geonames:4140963", nil, "US", "Washington")
	b.entity("MISC", "Ukrainian", "misc:ukrainian", nil, "UA", "Ukrainian")
	b.quote(doc.Indirect, "Russian drones had struck two power plants near Kyiv", "said", "Volodymyr Zelenskyy", zel)
	b.quote(doc.Direct, "Every strike on our grid is a strike on our children", "said", "Zelenskyy", zel)
	b.quote(doc.Indirect, "Washington would weigh new sanctions", "said", "Marco Rubio", rubio2)
	b.time("Wednesday", "DATE", "2025-08-20")
	b.d.Places = []doc.Place{{Entity: kyiv, Name: "Kyiv", GeonameID: 703448, Feature: "PPLC", Country: "UA", Lat: 50.45466, Lon: 30.5238, Confidence: 0.95}}

	c := newDoc("c3", "2025-07-02", "Zelensky meets Müller in Berlin",
		"BERLIN — President Volodymyr Zelensky met German economy minister Katja Müller on Tuesday to discuss reconstruction.\n\n"+
			"Müller said Germany would guarantee loans for rebuilding Kharkiv’s tram network. No date was given for the first payments.")
	zc := c.entity("PERSON", "Volodymyr Zelensky", "person:volodymyr-zelensky", []string{"President"}, "UA", "Volodymyr Zelensky")
	mu := c.entity("PERSON", "Katja Müller", "person:katja-muller", []string{"economy minister"}, "DE", "Katja Müller")
	c.d.Entities[1].Mentions = append(c.d.Entities[1].Mentions, doc.Mention{Span: c.span("Müller", 1), Kind: doc.KindName})
	c.entity("LOC", "Berlin", "loc:geonames:2950159", nil, "DE", "BERLIN")
	c.entity("LOC", "Kharkiv", "loc:geonames:706483", nil, "UA", "Kharkiv")
	c.quote(doc.Indirect, "Germany would guarantee loans for rebuilding Kharkiv’s tram network", "said", "Müller", mu)
	c.time("Tuesday", "DATE", "2025-07-01")
	c.d.Events = []doc.Event{{ID: "v1", Code: "040", Label: "Consult", Trigger: c.span("met", 0), Source: []string{zc}, Target: []string{mu}}}
	return []*doc.Document{a.d, b.d, c.d}
}
