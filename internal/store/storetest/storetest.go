package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/store"
)

// Opener returns a new, empty, writable store; the test closes it.
type Opener func(t *testing.T) store.Store

// Run runs the conformance suite against the stores that open returns.
func Run(t *testing.T, open Opener) {
	t.Run("PutDocument", func(t *testing.T) { testPutDocument(t, open) })
	t.Run("Idempotent", func(t *testing.T) { testIdempotent(t, open) })
	t.Run("Replace", func(t *testing.T) { testReplace(t, open) })
	t.Run("Entities", func(t *testing.T) { testEntities(t, open) })
	t.Run("Profile", func(t *testing.T) { testProfile(t, open) })
	t.Run("Quotes", func(t *testing.T) { testQuotes(t, open) })
	t.Run("Search", func(t *testing.T) { testSearch(t, open) })
	t.Run("Timeline", func(t *testing.T) { testTimeline(t, open) })
	t.Run("Documents", func(t *testing.T) { testDocuments(t, open) })
	t.Run("BadInput", func(t *testing.T) { testBadInput(t, open) })
	t.Run("Stored", func(t *testing.T) { testStored(t, open) })
}

func filled(t *testing.T, open Opener) store.Store {
	t.Helper()
	s := open(t)
	if err := s.Put(context.Background(), Fixtures()); err != nil {
		t.Fatalf("Put: %v", err)
	}
	return s
}

func testPutDocument(t *testing.T, open Opener) {
	ctx := context.Background()
	s := filled(t, open)
	fx := Fixtures()
	a := fx[0]
	raw, err := s.Document(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Schema string      `json:"schema"`
		ID     string      `json:"id"`
		Text   string      `json:"text"`
		Quotes []doc.Quote `json:"quotes"`
		Places []doc.Place `json:"places"`
		Events []doc.Event `json:"events"`
	}
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatalf("stored body is not JSON: %v", err)
	}
	if got.Schema != doc.Schema || got.ID != "a1" || got.Text != a.Text {
		t.Fatalf("document: schema %q id %q, text equal %v", got.Schema, got.ID, got.Text == a.Text)
	}
	q := a.Quotes[0]
	want := doc.Span{Start: doc.RuneOffset(a.Text, q.Content.Start), End: doc.RuneOffset(a.Text, q.Content.End), Text: a.Text[q.Content.Start:q.Content.End]}
	if got.Quotes[0].Content != want {
		t.Errorf("quote content = %+v, want code point span %+v", got.Quotes[0].Content, want)
	}
	if want.Start == q.Content.Start {
		t.Fatalf("fixture should have non-ASCII text before the quote")
	}
	if len(got.Places) != 1 || got.Places[0].GeonameID != 2800866 || len(got.Events) != 1 || got.Events[0].Code != "036" {
		t.Errorf("places %+v events %+v", got.Places, got.Events)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantStats := store.Stats{Documents: 3, Quotes: 6, Times: 3, Places: 2, Events: 2}
	// Distinct keys: rubio, nato, rutte, sikorski, brussels, zelensky, kyiv, washington, ukrainian, muller, berlin, kharkiv.
	wantStats.Entities = 12
	for _, d := range fx {
		for _, e := range d.Entities {
			wantStats.Mentions += int64(len(e.Mentions))
		}
		wantStats.Words += int64(len(strings.Fields(d.Text)))
	}
	if diff := cmp.Diff(wantStats, st); diff != "" {
		t.Errorf("Stats (-want +got):\n%s", diff)
	}
	if ok, err := s.Has(ctx, "b2"); !ok || err != nil {
		t.Errorf("Has(b2) = %v, %v", ok, err)
	}
	if ok, err := s.Has(ctx, "zz"); ok || err != nil {
		t.Errorf("Has(zz) = %v, %v", ok, err)
	}
}

func testIdempotent(t *testing.T, open Opener) {
	ctx := context.Background()
	s := filled(t, open)
	before, _ := s.Stats(ctx)
	e1, err := s.Resolve(ctx, "person:marco-rubio")
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := s.Put(ctx, Fixtures()); err != nil {
			t.Fatal(err)
		}
	}
	after, _ := s.Stats(ctx)
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("Stats changed by re-putting the same documents (-before +after):\n%s", diff)
	}
	e2, err := s.Resolve(ctx, "person:marco-rubio")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(e1, e2); diff != "" {
		t.Errorf("entity changed by re-putting (-before +after):\n%s", diff)
	}
}

func testReplace(t *testing.T, open Opener) {
	ctx := context.Background()
	s := filled(t, open)
	// c3 re-extracted: Müller is gone, a new entity appears, the quote is gone.
	c := Fixtures()[2]
	c.Entities = []doc.Entity{c.Entities[0], {ID: "e2", Type: "LOC", Name: "Germany", Key: "loc:geonames:2921044",
		Mentions: []doc.Mention{{Span: doc.Span{Start: strings.Index(c.Text, "Germany"), End: strings.Index(c.Text, "Germany") + 7}, Kind: doc.KindName}}}}
	c.Quotes = nil
	c.Events = nil
	if err := s.Put(ctx, []*doc.Document{c}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Resolve(ctx, "person:katja-muller"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("entity only the replaced version mentioned: err = %v, want ErrNotFound", err)
	}
	g, err := s.Resolve(ctx, "Germany")
	if err != nil || g.Documents != 1 {
		t.Errorf("new entity: %+v, %v", g, err)
	}
	z, err := s.Resolve(ctx, "person:volodymyr-zelensky")
	if err != nil {
		t.Fatal(err)
	}
	if z.Documents != 2 || z.FirstSeen[:10] != "2025-07-02" || z.LastSeen[:10] != "2025-08-20" {
		t.Errorf("zelensky after replace: docs %d first %s last %s", z.Documents, z.FirstSeen, z.LastSeen)
	}
	st, _ := s.Stats(ctx)
	if st.Documents != 3 || st.Quotes != 5 || st.Events != 1 {
		t.Errorf("stats after replace: %+v", st)
	}
	hits, err := s.Search(ctx, store.SearchQuery{Text: "tram network", In: "quotes"})
	if err != nil || len(hits.Items) != 0 {
		t.Errorf("the replaced quote is still searchable: %+v %v", hits.Items, err)
	}
}

func testEntities(t *testing.T, open Opener) {
	ctx := context.Background()
	s := filled(t, open)
	page, err := s.Entities(ctx, store.EntityQuery{Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, e := range page.Items {
		keys = append(keys, e.Key)
	}
	// Rubio: 3 + 1 mentions; Zelensky: 3 + 1; Kyiv 2; ties broken by first stored.
	if diff := cmp.Diff([]string{"person:marco-rubio", "person:volodymyr-zelensky", "loc:geonames:703448"}, keys); diff != "" {
		t.Errorf("top entities (-want +got):\n%s", diff)
	}
	if page.Next == "" {
		t.Fatal("no next cursor with more entities left")
	}
	seen := map[string]bool{}
	cur := ""
	for i := 0; i < 10; i++ {
		p, err := s.Entities(ctx, store.EntityQuery{Limit: 5, Cursor: cur})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range p.Items {
			if seen[e.Key] {
				t.Errorf("entity %s on two pages", e.Key)
			}
			seen[e.Key] = true
		}
		if cur = p.Next; cur == "" {
			break
		}
	}
	if len(seen) != 12 {
		t.Errorf("paging saw %d entities, want 12", len(seen))
	}
	z, err := s.Resolve(ctx, "person:volodymyr-zelensky")
	if err != nil {
		t.Fatal(err)
	}
	want := store.Entity{Key: "person:volodymyr-zelensky", Type: "PERSON", Name: "Volodymyr Zelenskyy",
		Names:     []store.Count{{Value: "Volodymyr Zelensky", N: 1}, {Value: "Volodymyr Zelenskyy", N: 1}, {Value: "Zelenskyy", N: 1}},
		Titles:    []store.Count{{Value: "President", N: 2}},
		Countries: []store.Count{{Value: "UA", N: 2}},
		FirstSeen: "2025-07-02", LastSeen: "2025-08-20", Documents: 2, Mentions: 4, Quotes: 2}
	if diff := cmp.Diff(want, z); diff != "" {
		t.Errorf("Resolve (-want +got):\n%s", diff)
	}
	people, err := s.Entities(ctx, store.EntityQuery{Type: "person", Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(people.Items) != 5 {
		t.Errorf("PERSON entities: %d, want 5", len(people.Items))
	}
	byName, err := s.Entities(ctx, store.EntityQuery{Name: "muell"})
	if err != nil || len(byName.Items) != 0 {
		t.Errorf("name prefix muell: %+v %v", byName.Items, err)
	}
	byName, err = s.Entities(ctx, store.EntityQuery{Name: "katja mu"})
	if err != nil || len(byName.Items) != 1 || byName.Items[0].Key != "person:katja-muller" {
		t.Errorf("name prefix 'katja mu' (diacritics folded): %+v %v", byName.Items, err)
	}
}

func testProfile(t *testing.T, open Opener) {
	ctx := context.Background()
	s := filled(t, open)
	p, err := s.Profile(ctx, "rubio")
	if err != nil {
		t.Fatal(err)
	}
	if p.Key != "person:marco-rubio" || p.Documents != 2 || p.Quotes != 2 {
		t.Fatalf("profile of rubio: %+v", p.Entity)
	}
	if len(p.CoOccurring) == 0 || p.CoOccurring[0].Documents != 1 {
		t.Errorf("co-occurring: %+v", p.CoOccurring)
	}
	if len(p.LatestQuotes) != 2 || p.LatestQuotes[0].Document != "b2" || p.LatestQuotes[1].Document != "a1" {
		t.Errorf("latest quotes: %+v", p.LatestQuotes)
	}
	var places []string
	for _, pl := range p.Places {
		places = append(places, pl.Name)
	}
	if diff := cmp.Diff([]string{"Brussels", "Kyiv"}, places); diff != "" {
		t.Errorf("places (-want +got):\n%s", diff)
	}
	if len(p.LatestDocuments) != 2 || p.LatestDocuments[0].ID != "b2" {
		t.Errorf("latest documents: %+v", p.LatestDocuments)
	}
	k, err := s.Profile(ctx, "loc:geonames:703448")
	if err != nil || k.Place == nil || k.Place.GeonameID != 703448 {
		t.Errorf("place entity profile: %+v %v", k.Place, err)
	}
	if _, err := s.Profile(ctx, "Nobody Atall"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown entity: %v", err)
	}
}

func testQuotes(t *testing.T, open Opener) {
	ctx := context.Background()
	s := filled(t, open)
	contents := func(p store.Page[store.Quote]) []string {
		var out []string
		for _, q := range p.Items {
			out = append(out, q.Content.Text)
		}
		return out
	}
	tests := []struct {
		name string
		q    store.QuoteQuery
		want []string
	}{
		{"all newest first", store.QuoteQuery{}, []string{
			"Washington would weigh new sanctions", "Every strike on our grid is a strike on our children",
			"Russian drones had struck two power plants near Kyiv", "the alliance stood united",
			"We will not ease the pressure until the guns fall silent", "Germany would guarantee loans for rebuilding Kharkiv’s tram network"}},
		{"speaker by surname", store.QuoteQuery{Speaker: "Rubio"}, []string{"Washington would weigh new sanctions", "We will not ease the pressure until the guns fall silent"}},
		{"speaker by key", store.QuoteQuery{Speaker: "person:mark-rutte"}, []string{"the alliance stood united"}},
		{"speaker folded", store.QuoteQuery{Speaker: "katja muller"}, []string{"Germany would guarantee loans for rebuilding Kharkiv’s tram network"}},
		{"about", store.QuoteQuery{About: "sanctions"}, []string{"Washington would weigh new sanctions"}},
		{"about with speaker", store.QuoteQuery{Speaker: "Rubio", About: "pressure"}, []string{"We will not ease the pressure until the guns fall silent"}},
		{"about prefix", store.QuoteQuery{About: "sanct*"}, []string{"Washington would weigh new sanctions"}},
		{"since", store.QuoteQuery{Dates: store.Dates{Since: "2025-08-19"}}, []string{"Washington would weigh new sanctions", "Every strike on our grid is a strike on our children", "Russian drones had struck two power plants near Kyiv"}},
		{"until", store.QuoteQuery{Dates: store.Dates{Until: "2025-07"}}, []string{"Germany would guarantee loans for rebuilding Kharkiv’s tram network"}},
		{"since and until", store.QuoteQuery{Dates: store.Dates{Since: "2025-08-18", Until: "2025-08-18"}}, []string{"the alliance stood united", "We will not ease the pressure until the guns fall silent"}},
		{"sql metacharacters", store.QuoteQuery{About: "'; DROP TABLE quotes; --"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := s.Quotes(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, contents(p)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	// Speaker and code point offsets on a returned quote.
	p, _ := s.Quotes(ctx, store.QuoteQuery{Speaker: "Zelenskyy", Limit: 1})
	if len(p.Items) != 1 || p.Next == "" {
		t.Fatalf("limit 1: %+v next %q", p.Items, p.Next)
	}
	q := p.Items[0]
	b := Fixtures()[1]
	start := strings.Index(b.Text, "Every strike")
	if q.SpeakerKey != "person:volodymyr-zelensky" || q.SpeakerName != "Volodymyr Zelenskyy" || q.Document != "b2" ||
		q.Content.Start != doc.RuneOffset(b.Text, start) || q.Source == nil || q.Source.Text != "Zelenskyy" {
		t.Errorf("quote: %+v", q)
	}
	p2, err := s.Quotes(ctx, store.QuoteQuery{Speaker: "Zelenskyy", Limit: 1, Cursor: p.Next})
	if err != nil || len(p2.Items) != 1 || p2.Items[0].Content.Text != "Russian drones had struck two power plants near Kyiv" || p2.Next != "" {
		t.Errorf("second page: %+v next %q err %v", p2.Items, p2.Next, err)
	}
}

func testSearch(t *testing.T, open Opener) {
	ctx := context.Background()
	s := filled(t, open)
	tests := []struct {
		name string
		q    store.SearchQuery
		want []string // document ids
	}{
		{"word", store.SearchQuery{Text: "sanctions"}, []string{"b2", "a1"}},
		{"diacritics folded", store.SearchQuery{Text: "muller"}, []string{"c3"}},
		{"diacritics in query", store.SearchQuery{Text: "Sikorskí RADOSŁAW"}, []string{"a1"}},
		{"all words", store.SearchQuery{Text: "sanctions drones"}, []string{"b2"}},
		{"or", store.SearchQuery{Text: "tram OR guns"}, []string{"c3", "a1"}},
		{"or binds within group", store.SearchQuery{Text: "tram OR guns Rutte"}, []string{"a1"}},
		{"phrase", store.SearchQuery{Text: `"power plants"`}, []string{"b2"}},
		{"phrase no match", store.SearchQuery{Text: `"plants power"`}, nil},
		{"prefix", store.SearchQuery{Text: "reconstr*"}, []string{"c3"}},
		{"title", store.SearchQuery{Text: "braces"}, []string{"b2"}},
		{"quotes", store.SearchQuery{Text: "children", In: "quotes"}, []string{"b2"}},
		{"dates", store.SearchQuery{Text: "sanctions", Dates: store.Dates{Until: "2025-08-19"}}, []string{"a1"}},
		{"fts syntax is literal", store.SearchQuery{Text: `NEAR(sanctions drones) AND text:"unbalanced ^ (`}, nil},
		{"sql metacharacters", store.SearchQuery{Text: `Robert'); DROP TABLE documents;--`}, nil},
		{"column filter is literal", store.SearchQuery{Text: "title:Kyiv"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := s.Search(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, h := range p.Items {
				ids = append(ids, h.Document)
				if !strings.Contains(h.Snippet, store.MarkStart) {
					t.Errorf("snippet without a mark: %q", h.Snippet)
				}
				if tt.q.In == "quotes" && (h.Quote == nil || h.Kind != "quote") {
					t.Errorf("quote hit without its quote: %+v", h)
				}
			}
			if diff := cmp.Diff(tt.want, ids); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	st, _ := s.Stats(ctx)
	if st.Documents != 3 {
		t.Errorf("documents after hostile searches: %d", st.Documents)
	}
	p, err := s.Search(ctx, store.SearchQuery{Text: "sanctions", Limit: 1})
	if err != nil || len(p.Items) != 1 || p.Next == "" {
		t.Fatalf("page 1: %+v %v", p, err)
	}
	p2, err := s.Search(ctx, store.SearchQuery{Text: "sanctions", Limit: 1, Cursor: p.Next})
	if err != nil || len(p2.Items) != 1 || p2.Items[0].Document != "a1" || p2.Next != "" {
		t.Errorf("page 2: %+v %v", p2, err)
	}
}

func testTimeline(t *testing.T, open Opener) {
	ctx := context.Background()
	s := filled(t, open)
	render := func(p store.Page[store.TimelineItem]) []string {
		var out []string
		for _, it := range p.Items {
			out = append(out, it.Date+" "+it.Kind+" "+it.Document)
		}
		return out
	}
	all := []string{"2025-07-02 article c3", "2025-07-02 quote c3", "2025-07-02 event c3",
		"2025-08-18 event a1", "2025-08-18 article a1", "2025-08-18 quote a1", "2025-08-18 quote a1",
		"2025-08-20 article b2", "2025-08-20 quote b2", "2025-08-20 quote b2", "2025-08-20 quote b2"}
	tests := []struct {
		name string
		q    store.TimelineQuery
		want []string
	}{
		{"all", store.TimelineQuery{Limit: 100}, all},
		{"entity", store.TimelineQuery{Entity: "Zelensky"}, []string{"2025-07-02 article c3", "2025-07-02 event c3", "2025-08-20 article b2", "2025-08-20 quote b2", "2025-08-20 quote b2"}},
		{"place entity", store.TimelineQuery{Entity: "loc:geonames:2800866"}, []string{"2025-08-18 event a1", "2025-08-18 article a1"}},
		{"about", store.TimelineQuery{About: "sanctions"}, []string{"2025-08-18 event a1", "2025-08-18 article a1", "2025-08-20 article b2", "2025-08-20 quote b2"}},
		{"since", store.TimelineQuery{Dates: store.Dates{Since: "2025-08-20"}}, all[7:]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := s.Timeline(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, render(p)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	var paged []string
	cur := ""
	for i := 0; i < 20; i++ {
		p, err := s.Timeline(ctx, store.TimelineQuery{Limit: 2, Cursor: cur})
		if err != nil {
			t.Fatal(err)
		}
		paged = append(paged, render(p)...)
		if cur = p.Next; cur == "" {
			break
		}
	}
	if diff := cmp.Diff(all, paged); diff != "" {
		t.Errorf("paged timeline (-want +got):\n%s", diff)
	}
}

func testDocuments(t *testing.T, open Opener) {
	ctx := context.Background()
	s := filled(t, open)
	ids := func(p store.Page[store.DocumentSummary]) []string {
		var out []string
		for _, d := range p.Items {
			out = append(out, d.ID)
		}
		return out
	}
	p, err := s.Documents(ctx, store.DocumentQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"b2", "a1", "c3"}, ids(p)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if d := p.Items[1]; d.Title != Fixtures()[0].Title || d.Quotes != 2 || d.Entities != 5 || d.Published != "2025-08-18T09:30:00+02:00" {
		t.Errorf("summary: %+v", d)
	}
	p, err = s.Documents(ctx, store.DocumentQuery{Entity: "Zelenskyy", Limit: 1})
	if err != nil || len(p.Items) != 1 || p.Items[0].ID != "b2" {
		t.Fatalf("entity page 1: %+v %v", p, err)
	}
	p, err = s.Documents(ctx, store.DocumentQuery{Entity: "Zelenskyy", Limit: 1, Cursor: p.Next})
	if err != nil || len(ids(p)) != 1 || p.Items[0].ID != "c3" || p.Next != "" {
		t.Errorf("entity page 2: %+v %v", p, err)
	}
}

func testBadInput(t *testing.T, open Opener) {
	ctx := context.Background()
	s := filled(t, open)
	invalid := []struct {
		name string
		run  func() error
	}{
		{"bad cursor", func() error { _, err := s.Quotes(ctx, store.QuoteQuery{Cursor: "not-a-cursor!"}); return err }},
		{"bad since", func() error {
			_, err := s.Quotes(ctx, store.QuoteQuery{Dates: store.Dates{Since: "last tuesday"}})
			return err
		}},
		{"until before since", func() error {
			_, err := s.Documents(ctx, store.DocumentQuery{Dates: store.Dates{Since: "2025-09-01", Until: "2025-08-01"}})
			return err
		}},
		{"no words", func() error { _, err := s.Search(ctx, store.SearchQuery{Text: `"" *** ()`}); return err }},
		{"empty about", func() error { _, err := s.Quotes(ctx, store.QuoteQuery{About: "?!"}); return err }},
		{"bad type", func() error { _, err := s.Entities(ctx, store.EntityQuery{Type: "PLANET"}); return err }},
		{"bad in", func() error { _, err := s.Search(ctx, store.SearchQuery{Text: "x", In: "tweets"}); return err }},
	}
	for _, tt := range invalid {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.run(); !store.IsInvalid(err) {
				t.Errorf("err = %v, want an InvalidError", err)
			}
		})
	}
	if _, err := s.Document(ctx, "nope' OR '1'='1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown document: %v", err)
	}
	if _, err := s.Quotes(ctx, store.QuoteQuery{Speaker: "Nobody"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown speaker: %v", err)
	}
	p, err := s.Entities(ctx, store.EntityQuery{Limit: 1 << 40})
	if err != nil || len(p.Items) != 12 {
		t.Errorf("huge limit: %d items, %v", len(p.Items), err)
	}
	if err := s.Put(ctx, []*doc.Document{{ID: "ok", Text: "fine"}, {Text: "no id"}}); err == nil {
		t.Error("Put accepted a document without id")
	}
	if ok, _ := s.Has(ctx, "ok"); ok {
		t.Error("a failed Put stored part of its batch")
	}
}

func testStored(t *testing.T, open Opener) {
	ctx := context.Background()
	s := filled(t, open)
	var ids []string
	after := ""
	for {
		ds, err := s.Stored(ctx, after, 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(ds) == 0 {
			break
		}
		for _, d := range ds {
			ids = append(ids, d.ID)
			if d.Text == "" || len(d.Entities) != 0 {
				t.Errorf("stored %s: text %d bytes, %d entities", d.ID, len(d.Text), len(d.Entities))
			}
		}
		after = ds[len(ds)-1].ID
	}
	if diff := cmp.Diff([]string{"a1", "b2", "c3"}, ids); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
