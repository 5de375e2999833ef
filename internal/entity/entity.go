package entity

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/entity/lexicon"
)

// Resolver is the entity stage. It is stateless and safe for concurrent use; the lexicon is loaded once.
type Resolver struct{}

// New returns the stage.
func New() *Resolver {
	lexicon.CountryName("US") // load the tables now, not on the first document
	places()
	return &Resolver{}
}

// Name returns the stage name.
func (*Resolver) Name() string { return "entity" }

// Process reads d.Text, d.Sents and d.Names and sets d.Entities (replacing any). It never changes anything else.
func (*Resolver) Process(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	r := newRun(d)
	r.group()
	r.propagate()
	r.titles()
	r.repairTypes()
	r.titledByHead = map[string][]*ent{}
	for _, e := range r.ents {
		if len(e.mentions) == 0 {
			continue
		}
		heads := map[string]bool{}
		for _, t := range e.titleForms {
			if h := lastWord(t); !heads[h] {
				heads[h] = true
				r.titledByHead[h] = append(r.titledByHead[h], e)
			}
		}
		if e.leader {
			r.leaders = append(r.leaders, e)
		}
	}
	r.demonyms()
	r.titleCoref()
	r.pronouns()
	d.Entities = r.output()
	return nil
}

// ent is an entity while the article is being read.
type ent struct {
	votes      [4]int // PER, ORG, LOC, MISC name mentions
	mentions   []doc.Mention
	surfaces   []string // name surfaces in text order
	country    string   // ISO code of the entity itself (countries) or of its holder's country
	isCountry  bool
	lexOrg     *lexicon.Org
	org        *ent
	titles     []string
	titleForms []string // titles in lower case without "former"
	leader     bool     // holds a leader-like title
	gender     byte
	// PER name parts, folded: given name and surname of the fullest name so far.
	given, surname string
	nwords         int
	last           int // start of the latest mention (for picking among same-surname people)
}

var types = [4]string{"PER", "ORG", "LOC", "MISC"}

func typeIndex(t string) int {
	for i, x := range types {
		if x == t {
			return i
		}
	}
	return 3
}

// mention is one name mention after trimming.
type mention struct {
	ws, we int // word range
	typ    string
	span   doc.Span
	text   string
	e      *ent
}

type run struct {
	d      *doc.Document
	w      []word
	nsent  int
	ms     []mention
	inName []int // word index → mention index, -1
	ents   []*ent

	byForm    map[string]*ent // folded surface → entity (all types)
	byPerson  map[string]*ent // folded "given surname" → PER entity
	bySurname map[string][]*ent
	latest    map[string]*ent // surname → the person with it mentioned last
	byCountry map[string]*ent
	byLexOrg  map[string]*ent
	byAcronym map[string]*ent   // acronym letters → ORG entity named by its expansion or by it
	partials  map[string][]*ent // "ORG|chiefs" → organizations whose name starts or ends with those words

	titledByHead map[string][]*ent // people by the last word of their titles, for title coreference
	leaders      []*ent            // people with a leader-like title
	titleAnchors []anchor          // title mentions, for pronoun resolution
}

func newRun(d *doc.Document) *run {
	breaks := make(map[int]bool, 2*len(d.Names))
	for _, n := range d.Names {
		breaks[n.Start], breaks[n.End] = true, true
	}
	r := &run{
		d:         d,
		w:         scan(d.Text, breaks),
		byForm:    map[string]*ent{},
		byPerson:  map[string]*ent{},
		bySurname: map[string][]*ent{},
		latest:    map[string]*ent{},
		byCountry: map[string]*ent{},
		byLexOrg:  map[string]*ent{},
		byAcronym: map[string]*ent{},
		partials:  map[string][]*ent{},
	}
	r.nsent = assignSentences(d, r.w)
	r.inName = make([]int, len(r.w))
	for i := range r.inName {
		r.inName[i] = -1
	}
	names := append([]doc.Name(nil), d.Names...)
	sort.SliceStable(names, func(i, j int) bool { return names[i].Start < names[j].Start })
	wi := 0
	lastEnd := -1
	for _, n := range names {
		if n.Start < lastEnd || n.Start < 0 || n.End > len(d.Text) || n.Start >= n.End {
			continue // overlapping or out of bounds
		}
		for wi < len(r.w) && r.w[wi].end <= n.Start {
			wi++
		}
		ws := wi
		we := ws
		for we < len(r.w) && r.w[we].start < n.End {
			we++
		}
		m, ok := r.trim(ws, we, n.Type)
		if !ok {
			continue
		}
		lastEnd = n.End
		for k := m.ws; k < m.we; k++ {
			r.inName[k] = len(r.ms)
		}
		r.ms = append(r.ms, m)
	}
	surnames := map[string]bool{} // one-word names the tagger typed PER
	for _, m := range r.ms {
		if m.typ == "PER" && m.we-m.ws == 1 {
			surnames[fold(m.text)] = true
		}
	}
	for i := range r.ms {
		if r.personShaped(&r.ms[i], surnames) {
			r.ms[i].typ = "PER"
		}
	}
	return r
}

// trim drops what is not part of a name from a tagged word range: a leading "the", honorifics and (for people)
// leading title words, trailing possessives and punctuation.
func (r *run) trim(ws, we int, typ string) (mention, bool) {
	for k := ws + 1; k < we; k++ {
		if r.w[k].text == "(" || r.w[k].text == "[" {
			we = k // "Colts (11-4)", "Advanced Micro Devices (AMD)"
			break
		}
	}
	for changed := true; changed; {
		changed = false
		for ws < we && !r.w[ws].alpha {
			ws, changed = ws+1, true
		}
		for we > ws && (!r.w[we-1].alpha || r.w[we-1].lower == "'s" || r.w[we-1].lower == "’s" || allDigits(r.w[we-1].text)) {
			we, changed = we-1, true
		}
		if we-ws > 1 && r.leadingJunk(ws, we, typ) {
			ws, changed = ws+1, true
		}
		if we-ws > 1 && typ != "PER" && corporate[strings.TrimSuffix(r.w[we-1].lower, ".")] {
			we, changed = we-1, true
		}
	}
	if typ == "PER" {
		for ws+1 < we {
			lw := lexicon.LookupWord(r.w[ws].lower)
			if lw == nil && !(r.w[ws].lower == "of" && ws > 0) {
				break
			}
			ws++
		}
	}
	if ws >= we {
		return mention{}, false
	}
	sp := doc.Span{Start: r.w[ws].start, End: r.w[we-1].end}
	return mention{ws: ws, we: we, typ: typ, span: sp, text: r.d.Text[sp.Start:sp.End]}, true
}

// corporate are company-form suffixes left out of organization names ("Advanced Micro Devices Inc.").
var corporate = map[string]bool{"inc": true, "corp": true, "ltd": true, "llc": true, "plc": true, "co": true, "gmbh": true, "ag": true, "sa": true, "nv": true}

// orgWords are words that make a name an organization or place, whatever its first word ("Christian
// Democratic Union", "Grant Park").
var orgWords = map[string]bool{
	"union": true, "party": true, "democratic": true, "republican": true, "national": true, "international": true,
	"council": true, "committee": true, "commission": true, "ministry": true, "department": true, "agency": true,
	"office": true, "bureau": true, "court": true, "university": true, "college": true, "school": true,
	"institute": true, "foundation": true, "center": true, "centre": true, "hospital": true, "clinic": true,
	"company": true, "group": true, "bank": true, "fund": true, "trust": true, "society": true, "association": true,
	"league": true, "club": true, "team": true, "awards": true, "award": true, "prize": true, "church": true,
	"airport": true, "street": true, "road": true, "avenue": true, "park": true, "square": true, "bridge": true,
	"stadium": true, "arena": true, "hall": true, "theatre": true, "theater": true, "museum": true,
	"library": true, "station": true, "county": true, "city": true, "island": true, "lake": true, "river": true,
	"mountain": true, "valley": true, "hotel": true, "house": true, "times": true, "post": true, "news": true,
	"press": true, "media": true, "studios": true, "records": true, "motors": true, "airlines": true,
	"energy": true, "systems": true, "technologies": true, "services": true, "holdings": true, "capital": true,
	"partners": true, "force": true, "forces": true, "army": true, "navy": true, "police": true, "state": true,
	"states": true, "republic": true, "kingdom": true, "federation": true, "region": true, "province": true,
}

// personShaped reports whether a name the tagger typed ORG, MISC or LOC looks like a person's: two or three
// capitalised words, none an organization word, not a known organization or country, and either the first a
// known given name (lexicon; not for LOC) or the last a one-word name the tagger typed PER elsewhere in the
// article ("Bettie Page" ... "Page"). The tagger often types people in headlines as organizations.
func (r *run) personShaped(m *mention, surnames map[string]bool) bool {
	if m.typ == "PER" || m.we-m.ws < 2 || m.we-m.ws > 3 {
		return false
	}
	for k := m.ws; k < m.we; k++ {
		w := r.w[k]
		if !w.cap || !w.alpha || orgWords[w.lower] || acronym(w.text) != "" {
			return false
		}
	}
	_, given := lexicon.GivenName(r.w[m.ws].text)
	if !(given && m.typ != "LOC" || surnames[fold(r.w[m.we-1].text)]) {
		return false
	}
	if _, ok := lexicon.LookupOrg(m.text); ok {
		return false
	}
	return r.countryOf(m.text) == ""
}

// leadingStop are words a tagged name may wrongly start with.
var leadingStop = map[string]bool{
	"the": true, "a": true, "an": true, "in": true, "at": true, "on": true, "of": true, "off": true, "to": true,
	"from": true, "near": true, "across": true, "between": true, "into": true, "outside": true, "inside": true,
	"around": true, "for": true, "by": true, "with": true,
}

// leadingJunk reports whether word ws of a tagged range [ws, we) is not part of the name: a preposition or
// article, or a lower-case modifier ("southern Iran") before a capitalised word (particles of people's names
// such as "von" and hyphenated words such as "al-Qaeda" stay).
func (r *run) leadingJunk(ws, we int, typ string) bool {
	w := r.w[ws]
	if leadingStop[w.lower] {
		return true
	}
	if w.cap || !w.alpha || strings.ContainsRune(w.text, '-') || particles[w.lower] {
		return false
	}
	for k := ws + 1; k < we; k++ {
		if r.w[k].cap {
			return true
		}
	}
	return false
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

func (r *run) newEnt() *ent {
	e := &ent{last: -1}
	r.ents = append(r.ents, e)
	return e
}

// particles start a surname: "von der Leyen", "de Gaulle", "bin Salman".
var particles = map[string]bool{
	"von": true, "van": true, "der": true, "den": true, "de": true, "la": true, "le": true, "du": true, "da": true,
	"di": true, "del": true, "della": true, "dos": true, "das": true, "bin": true, "ibn": true, "al": true, "el": true,
	"ter": true, "ten": true, "zu": true, "bint": true, "lo": true,
}

var suffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true, "md": true, "phd": true, "esq": true}

// personParts splits a folded person name into given name and surname: initials and suffixes are dropped,
// middle names ignored, and a lower-case particle starts the surname.
func personParts(m mention, ws []word) (given, surname string, n int) {
	var parts []string
	var raw []word
	for k := m.ws; k < m.we; k++ {
		w := ws[k]
		f := fold(w.text)
		if f == "" || !w.alpha || suffixes[f] || len([]rune(f)) == 1 || !w.cap && !particles[f] && len(parts) == 0 {
			continue
		}
		parts = append(parts, f)
		raw = append(raw, w)
	}
	if len(parts) == 0 {
		return "", "", 0
	}
	if len(parts) == 1 || particles[parts[0]] {
		return "", strings.Join(parts, " "), len(parts)
	}
	cut := len(parts) - 1
	for i := 1; i < len(parts)-1; i++ {
		if particles[parts[i]] && (!raw[i].cap || parts[i] == "lo" || parts[i] == "van" || parts[i] == "von" || parts[i] == "de" || parts[i] == "al" || parts[i] == "bin") {
			cut = i
			break
		}
	}
	return parts[0], strings.Join(parts[cut:], " "), len(parts)
}

// shortGiven returns the one person with this surname whose given name is a short form of g or has g as its
// short form ("Fred" / "Frederick", "Alex" / "Alexander"), or nil.
func (r *run) shortGiven(g, surname string) *ent {
	var found *ent
	es := r.bySurname[surname]
	for _, e := range es[:min(len(es), 32)] { // bounded: a surname shared by thousands stays linear
		a, b := e.given, g
		if len(a) > len(b) {
			a, b = b, a
		}
		if len(a) >= 3 && a != b && strings.HasPrefix(b, a) {
			if found != nil && found != e {
				return nil
			}
			found = e
		}
	}
	return found
}

// surnameKeys are the index forms of a surname: itself, and without an Arabic article ("al assad" → "assad").
func surnameKeys(s string) []string {
	out := []string{s}
	for _, p := range []string{"al ", "el "} {
		if strings.HasPrefix(s, p) {
			out = append(out, s[len(p):])
		}
	}
	return out
}

// acronym returns the letters of an all-capitals form like "NATO" or "U.N.", or "".
func acronym(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '.' || r == '-' || r == '&':
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			return ""
		}
	}
	if b.Len() < 2 || b.Len() > 7 {
		return ""
	}
	return b.String()
}

var acronymSkip = map[string]bool{"of": true, "the": true, "and": true, "for": true, "on": true, "in": true, "&": true, "de": true, "des": true, "du": true, "la": true, "le": true}

// initials returns the acronym of a multi-word name ("European Union" → "EU"), or "".
func initials(s string) string {
	ws := strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '-' })
	if len(ws) < 2 {
		return ""
	}
	var b strings.Builder
	for _, w := range ws {
		if acronymSkip[strings.ToLower(w)] {
			continue
		}
		r := []rune(w)[0]
		if !unicode.IsUpper(r) {
			return ""
		}
		b.WriteRune(r)
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

// group assigns every name mention to an entity.
func (r *run) group() {
	r.splitHeadlines()
	// Pass 1: people with a given name and a surname, so that a bare surname before the full name still finds it.
	for i := range r.ms {
		m := &r.ms[i]
		if m.typ != "PER" || r.countryOf(m.text) != "" {
			continue
		}
		g, s, n := personParts(*m, r.w)
		if g == "" {
			continue
		}
		k := match(g + " " + s)
		e := r.byPerson[k]
		if e == nil {
			e = r.shortGiven(g, match(s))
		}
		if e != nil {
			r.byPerson[k] = e
		} else {
			e = r.newEnt()
			r.byPerson[k] = e
			for _, sk := range surnameKeys(match(s)) {
				r.bySurname[sk] = append(r.bySurname[sk], e)
			}
		}
		if n > e.nwords || n == e.nwords && len(g) > len(e.given) {
			e.given, e.surname, e.nwords = g, s, n
		}
		r.byForm[match(fold(m.text))] = e
		m.e = e
	}
	// Pass 1b: multi-word organizations and places, so that a short form before the full one ("Chiefs" in a
	// headline, "Kansas City Chiefs" in the body) finds it.
	for i := range r.ms {
		m := &r.ms[i]
		if m.e != nil || m.we-m.ws < 2 || m.typ == "PER" || m.typ == "MISC" {
			continue
		}
		m.e = r.find(m)
		r.byForm[match(fold(m.text))] = m.e
		if !m.e.isCountry && m.e.lexOrg == nil {
			r.addPartials(m)
			if a := initials(m.text); a != "" && m.typ == "ORG" && r.byAcronym[a] == nil {
				r.byAcronym[a] = m.e
			}
		} else if m.e.lexOrg != nil && m.typ == "ORG" {
			// "the Commission" after "the European Commission": the head word of a known organization's name
			if w := r.w[m.we-1]; w.alpha && w.cap && orgWords[w.lower] {
				r.addPartial("ORG", match(fold(w.text)), m.e)
			}
		}
	}
	// Pass 2: everything else, in text order.
	for i := range r.ms {
		m := &r.ms[i]
		if m.e == nil {
			m.e = r.find(m)
		}
		e := m.e
		if m.e.isCountry && m.e.country != "" {
			if _, ok := lexicon.DemonymCode(m.text); ok && r.countryOf(m.text) == "" {
				// a demonym tagged as a name
				e.mentions = append(e.mentions, doc.Mention{Span: m.span, Kind: doc.KindDemonym})
				continue
			}
		}
		e.votes[typeIndex(m.typ)]++
		e.mentions = append(e.mentions, doc.Mention{Span: m.span, Kind: doc.KindName})
		e.surfaces = append(e.surfaces, m.text)
		e.last = m.span.Start
		if e.isPerson() && e.surname != "" {
			for _, sk := range surnameKeys(match(e.surname)) {
				r.latest[sk] = e
			}
		}
		r.byForm[match(fold(m.text))] = e
		if a := initials(m.text); a != "" && m.typ != "PER" && r.byAcronym[a] == nil {
			r.byAcronym[a] = e
		}
	}
}

// propagate adds the occurrences of a name that the tagger missed: a capitalised word sequence outside any
// tagged name that is written exactly as a name of an entity elsewhere in the article ("Lohan" tagged four
// times out of five), as the surname of a person named in full, or as the acronym of an organization named in
// full ("ECB" after "European Central Bank"). One-word forms need three letters or more
// (or capitals, as acronyms do); the longest form wins.
func (r *run) propagate() {
	forms := map[string]*ent{}
	longest := 0
	add := func(form string, e *ent) {
		if len(form) < 3 && acronym(form) == "" || calendar[strings.ToLower(form)] {
			return
		}
		if old, ok := forms[form]; ok && old != e {
			forms[form] = nil // two entities: ambiguous
			return
		}
		forms[form] = e
		if n := len(strings.Fields(form)); n > longest {
			longest = n
		}
	}
	for i := range r.ms {
		m := &r.ms[i]
		if m.e == nil || m.typ == "MISC" && !m.e.isCountry {
			continue
		}
		if _, ok := lexicon.DemonymCode(m.text); ok {
			continue // demonyms are found by demonyms()
		}
		add(m.text, m.e)
		if m.e.isPerson() && m.e.given != "" && m.we-m.ws >= 2 {
			add(r.w[m.we-1].text, m.e)
		}
		if m.typ == "ORG" && !m.e.isPerson() {
			if a := initials(m.text); len(a) >= 2 {
				add(a, m.e) // "ECB" for the European Central Bank
			}
		}
		if o := m.e.lexOrg; o != nil {
			for _, a := range o.Acronyms {
				if a != "-" {
					add(a, m.e)
				}
			}
		}
	}
	if len(forms) == 0 {
		return
	}
	longest = min(longest, 4)
	for k := 0; k < len(r.w); k++ {
		if r.inName[k] >= 0 || !r.w[k].cap {
			continue
		}
		for l := longest; l >= 1; l-- {
			end := k + l
			if end > len(r.w) || r.w[end-1].sent != r.w[k].sent {
				continue
			}
			free := true
			for j := k; j < end; j++ {
				free = free && r.inName[j] < 0
			}
			if !free {
				continue
			}
			sp := doc.Span{Start: r.w[k].start, End: r.w[end-1].end}
			text := r.d.Text[sp.Start:sp.End]
			e := forms[text]
			if e == nil {
				continue
			}
			// the form must end at a word edge: not "Page" inside "Pages"
			if end < len(r.w) && r.w[end].start == sp.End && r.w[end].alpha {
				continue
			}
			typ := types[0]
			if !e.isPerson() {
				typ = "ORG"
				if e.isCountry || e.typeName() == "LOC" {
					typ = "LOC"
				}
			}
			m := mention{ws: k, we: end, typ: typ, span: sp, text: text, e: e}
			for j := k; j < end; j++ {
				r.inName[j] = len(r.ms)
			}
			r.ms = append(r.ms, m)
			e.mentions = append(e.mentions, doc.Mention{Span: sp, Kind: doc.KindName})
			e.surfaces = append(e.surfaces, text)
			k = end - 1
			break
		}
	}
}

// calendar words are never propagated as names: "May" the month is not Theresa May.
var calendar = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true, "monday": true,
	"tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
}

// splitHeadlines shortens a long name that starts with a person's full name named elsewhere in the article to
// that name, and a name of four words or more that starts with a shorter name of the article to that: the
// tagger reads title-case headlines such as "Lindsay Lohan Checks Into Rehab" or "Colts Clinch Playoff Berth"
// as one organization, or "Pierre Thomas Placed" as one person.
func (r *run) splitHeadlines() {
	people := map[string]bool{} // full names of people
	names := map[string]int{}   // every name, with its type
	for _, m := range r.ms {
		f := match(fold(m.text))
		if m.typ == "PER" && m.we-m.ws >= 2 {
			people[f] = true
		}
		if m.we-m.ws <= 3 {
			names[f] = typeIndex(m.typ)
		}
	}
	for i := range r.ms {
		m := &r.ms[i]
		n := m.we - m.ws
		if n < 3 {
			continue
		}
		// A 3-word name is cut only at a person's full name; a longer one at any shorter name of the article.
		for k := min(3, n-1); k >= 1; k-- {
			end := m.ws + k
			sp := doc.Span{Start: r.w[m.ws].start, End: r.w[end-1].end}
			text := r.d.Text[sp.Start:sp.End]
			f := match(fold(text))
			typ := ""
			switch t, ok := names[f]; {
			case people[f] && k >= 2:
				typ = "PER"
			case ok && n >= 4 && r.headline(m):
				typ = types[t]
			}
			if typ == "" {
				continue
			}
			for j := end; j < m.we; j++ {
				r.inName[j] = -1
			}
			m.we, m.span, m.text, m.typ = end, sp, text, typ
			break
		}
	}
}

// capFunction are function words that only a title-case headline capitalises inside a name.
var capFunction = map[string]bool{
	"Into": true, "With": true, "For": true, "To": true, "After": true, "As": true, "Over": true, "In": true,
	"At": true, "On": true, "From": true, "And": true, "The": true, "Of": true, "By": true, "Is": true, "Are": true,
	"Was": true, "Be": true, "Has": true, "Have": true, "Will": true, "Out": true, "Up": true, "Amid": true,
}

// headline reports whether a tagged name reads as part of a title-case headline: it holds a capitalised
// function word after its first word, or nearly every other word of its sentence (at least two) is
// capitalised.
func (r *run) headline(m *mention) bool {
	for k := m.ws + 1; k < m.we; k++ {
		if capFunction[r.w[k].text] {
			return true
		}
	}
	s := r.w[m.ws].sent
	lo, hi := m.ws, m.we
	for lo > 0 && lo > m.ws-reach && r.w[lo-1].sent == s {
		lo--
	}
	for hi < len(r.w) && hi < m.we+reach && r.w[hi].sent == s {
		hi++
	}
	words, caps := 0, 0
	for k := lo; k < hi; k++ {
		if k == m.ws {
			k = m.we - 1 // only the words around the name count
			continue
		}
		if w := r.w[k]; w.alpha && !allDigits(w.text) {
			words++
			if w.cap {
				caps++
			}
		}
	}
	return words >= 2 && caps*5 >= words*4
}

// countryOf returns the ISO code when s names a country ("UK", "the United States"), else "".
func (r *run) countryOf(s string) string {
	if c, ok := lexicon.CountryCode(s); ok {
		return c
	}
	return ""
}

// find returns the entity of a mention that pass 1 did not place, creating it when needed.
func (r *run) find(m *mention) *ent {
	f := match(fold(m.text))
	if c := r.countryOf(m.text); c != "" {
		return r.country(c)
	}
	if c, ok := lexicon.DemonymCode(m.text); ok && m.we-m.ws <= 2 {
		return r.country(c)
	}
	single := m.we-m.ws == 1 || r.surnameOnly(m)
	if m.typ == "PER" || (single && m.typ != "LOC") {
		if e := r.bySurnameLatest(f); e != nil {
			m.typ = "PER" // a person's surname, whatever the tagger said
			return e
		}
	}
	if e := r.byForm[f]; e != nil {
		return e
	}
	if m.typ == "PER" && single {
		// a team or company tagged as a person ("Colts" after "Indianapolis Colts")
		if e := r.partial(m, f); e != nil {
			return e
		}
	}
	if m.typ != "PER" {
		if e := r.partial(m, f); e != nil {
			return e
		}
	}
	if o, ok := lexicon.LookupOrg(m.text); ok && m.typ != "PER" {
		if e := r.byLexOrg[o.Key]; e != nil {
			return e
		}
		e := r.byAcronymOf(o)
		if e == nil {
			e = r.newEnt()
		}
		e.lexOrg = o
		r.byLexOrg[o.Key] = e
		return e
	}
	if m.typ != "PER" {
		if a := acronym(m.text); a != "" {
			if e := r.byAcronym[a]; e != nil {
				return e
			}
		}
		if a := initials(m.text); a != "" {
			if e := r.byForm[match(strings.ToLower(a))]; e != nil && e.votes[0] == 0 {
				return e
			}
		}
	}
	e := r.newEnt()
	if m.typ == "PER" {
		for _, sk := range surnameKeys(f) {
			r.bySurname[sk] = append(r.bySurname[sk], e)
		}
		e.surname, e.nwords = fold(m.text), 1
	}
	if a := acronym(m.text); a != "" && m.typ != "PER" {
		r.byAcronym[a] = e
	}
	return e
}

func (r *run) byAcronymOf(o *lexicon.Org) *ent {
	for _, a := range o.Acronyms {
		if e := r.byForm[match(fold(a))]; e != nil {
			return e
		}
	}
	for _, n := range o.Names {
		if e := r.byForm[match(fold(n))]; e != nil {
			return e
		}
	}
	return nil
}

// surnameOnly reports whether a mention is a surname with particles ("von der Leyen").
func (r *run) surnameOnly(m *mention) bool {
	w := r.w[m.ws]
	return particles[fold(w.text)] && m.we-m.ws <= 4
}

// bySurnameLatest returns the person with this surname mentioned most recently (or first created).
func (r *run) bySurnameLatest(f string) *ent {
	if e := r.latest[f]; e != nil {
		return e
	}
	if es := r.bySurname[f]; len(es) > 0 {
		return es[0]
	}
	return nil
}

// country returns the entity of a country, creating it when needed.
func (r *run) country(code string) *ent {
	if e := r.byCountry[code]; e != nil {
		return e
	}
	e := r.newEnt()
	e.isCountry, e.country = true, code
	r.byCountry[code] = e
	return e
}

// output turns the entities into doc.Entities: ids in order of first mention, mentions in text order.
func (r *run) output() []doc.Entity {
	var live []*ent
	for _, e := range r.ents {
		if len(e.mentions) == 0 {
			continue
		}
		sort.Slice(e.mentions, func(i, j int) bool {
			if e.mentions[i].Start != e.mentions[j].Start {
				return e.mentions[i].Start < e.mentions[j].Start
			}
			return e.mentions[i].End < e.mentions[j].End
		})
		// drop duplicate spans
		out := e.mentions[:1]
		for _, m := range e.mentions[1:] {
			if p := out[len(out)-1]; p.Start == m.Start && p.End == m.End {
				continue
			}
			out = append(out, m)
		}
		e.mentions = out
		live = append(live, e)
	}
	sort.SliceStable(live, func(i, j int) bool { return live[i].mentions[0].Start < live[j].mentions[0].Start })
	res := make([]doc.Entity, 0, len(live))
	ids := map[*ent]string{}
	for i, e := range live {
		ids[e] = fmt.Sprintf("e%d", i+1)
	}
	for _, e := range live {
		x := doc.Entity{ID: ids[e], Type: e.typeName(), Titles: e.titles, Mentions: e.mentions}
		x.Name, x.Aliases = e.canonical()
		if x.Type != "PERSON" && !e.isCountry && e.lexOrg == nil {
			if t := shapeType(x.Name); t != "" {
				x.Type = t
			}
		}
		if (x.Type == "LOC" || x.Type == "PERSON") && allCaps(x.Name) {
			// only a dateline or byline names it: "WASHINGTON" → "Washington" (not "NYC")
			if n := capWords(x.Name); n != x.Name {
				x.Aliases = append([]string{x.Name}, x.Aliases...)
				x.Name = n
			}
		}
		x.Key = e.key(x.Type, x.Name)
		x.Country = e.country
		if e.org != nil && e.org != e {
			x.Org, _ = e.org.canonical()
		}
		res = append(res, x)
	}
	return res
}

// geoFirst and geoLast are words that make a name a place; orgLast words that make it an organization. They
// settle the type of names the tagger types inconsistently ("Gulf of Aden" as MISC in one article and ORG in
// another), so that cross-document keys agree.
var (
	geoFirst = map[string]bool{"gulf": true, "mount": true, "mt": true, "lake": true, "cape": true, "isle": true, "strait": true, "bay": true}
	geoLast  = map[string]bool{
		"sea": true, "ocean": true, "river": true, "lake": true, "gulf": true, "bay": true, "mountains": true,
		"mountain": true, "island": true, "islands": true, "peninsula": true, "desert": true, "strait": true,
		"canal": true, "valley": true, "street": true, "avenue": true, "road": true, "square": true, "bridge": true,
		"airport": true, "stadium": true, "arena": true, "prison": true, "hospital": true, "center": true,
		"centre": true, "clinic": true, "theatre": true, "theater": true, "park": true, "county": true,
	}
	orgLast = map[string]bool{
		"department": true, "police": true, "ministry": true, "agency": true, "commission": true, "committee": true,
		"council": true, "party": true, "university": true, "college": true, "institute": true, "foundation": true,
		"association": true, "union": true, "bank": true, "company": true, "corporation": true, "group": true,
		"navy": true, "army": true, "force": true, "forces": true, "court": true, "office": true, "bureau": true,
		"service": true, "services": true, "inc": true, "corp": true, "ltd": true, "league": true, "club": true,
	}
)

// shapeType returns LOC or ORG when the words of a name say so, else "".
func shapeType(name string) string {
	ws := strings.Fields(strings.ToLower(name))
	if len(ws) < 2 {
		return ""
	}
	first, last := strings.TrimSuffix(ws[0], "."), strings.TrimSuffix(ws[len(ws)-1], ".")
	switch {
	case orgLast[last]:
		return "ORG"
	case geoFirst[first] || geoLast[last]:
		return "LOC"
	}
	return ""
}

func (e *ent) typeName() string {
	if e.isCountry {
		return "LOC"
	}
	best := 0
	for i := 1; i < 4; i++ {
		if e.votes[i] > e.votes[best] {
			best = i
		}
	}
	if e.lexOrg != nil && e.votes[0] == 0 {
		return "ORG"
	}
	return [4]string{"PERSON", "ORG", "LOC", "MISC"}[best]
}

// canonical returns the fullest name (most words, then longest, then first) and the other surface forms.
func (e *ent) canonical() (string, []string) {
	if len(e.surfaces) == 0 {
		if e.isCountry {
			return lexicon.CountryName(e.country), nil
		}
		return "", nil
	}
	best := ""
	bw := -1
	for _, s := range e.surfaces {
		n := len(strings.Fields(s))
		if acronym(s) != "" {
			n = 0 // an acronym is never fuller than its expansion
		}
		if n > bw || n == bw && len(s) > len(best) {
			best, bw = s, n
		}
	}
	if e.isCountry && bw == 0 {
		best = lexicon.CountryName(e.country)
	}
	// Prefer a mixed-case form of the same words ("von der Leyen" over a sentence-initial "Von der Leyen",
	// "Brussels" over a dateline's "BRUSSELS").
	for _, s := range e.surfaces {
		if s != best && strings.EqualFold(s, best) && s[0] != best[0] && unicode.IsLower(rune(s[0])) {
			best = s
			break
		}
	}
	if allCaps(best) {
		for _, s := range e.surfaces {
			if strings.EqualFold(s, best) && !allCaps(s) {
				best = s
				break
			}
		}
	}
	var aliases []string
	seen := map[string]bool{best: true}
	for _, s := range e.surfaces {
		if !seen[s] {
			seen[s] = true
			aliases = append(aliases, s)
		}
	}
	return best, aliases
}

// allCaps reports whether s has letters and no lower-case one.
func allCaps(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}

// capWords writes each word of four letters or more of an all-capitals name with one capital ("SOUTH
// CAROLINA" → "South Carolina"); shorter words, likely abbreviations, stay ("NYC").
func capWords(s string) string {
	ws := strings.Split(s, " ")
	for i, w := range ws {
		rs := []rune(w)
		letters := 0
		for _, r := range rs {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters < 4 {
			continue
		}
		for j := 1; j < len(rs); j++ {
			if unicode.IsLetter(rs[j-1]) {
				rs[j] = unicode.ToLower(rs[j])
			}
		}
		ws[i] = string(rs)
	}
	return strings.Join(ws, " ")
}

// key returns the cross-document key: "person:given-surname", "org:...", "loc:...", "misc:..." (see slug).
func (e *ent) key(typ, name string) string {
	switch {
	case e.isCountry:
		return "loc:" + strings.ReplaceAll(fold(lexicon.CountryName(e.country)), " ", "-")
	case e.lexOrg != nil:
		return "org:" + e.lexOrg.Key
	}
	switch typ {
	case "PERSON":
		if e.surname != "" {
			if e.given != "" {
				return "person:" + slug(e.given+" "+e.surname)
			}
			return "person:" + slug(e.surname)
		}
		return "person:" + slug(fold(name))
	case "ORG":
		return "org:" + slug(countryPrefix(fold(strings.TrimPrefix(name, "the "))))
	case "LOC":
		return "loc:" + slug(fold(name))
	}
	return "misc:" + slug(fold(name))
}

// countryPrefix writes a country name that opens a folded organization name as its ISO code, so that "U.S.
// Geological Survey", "US Geological Survey" and "United States Geological Survey" share a key.
func countryPrefix(folded string) string {
	ws := strings.Fields(folded)
	for n := min(3, len(ws)-1); n >= 1; n-- {
		head := strings.Join(ws[:n], " ")
		c, ok := lexicon.CountryCode(head)
		if !ok && n == 1 && len(head) <= 3 {
			c, ok = lexicon.CountryCode(strings.ToUpper(head)) // "us", "uk" after folding
		}
		if ok {
			return strings.ToLower(c) + " " + strings.Join(ws[n:], " ")
		}
	}
	return folded
}

// geoGeneric are last words of place names that the short form drops ("the Mediterranean Sea" → "the
// Mediterranean", "Heathrow Airport" → "Heathrow").
var geoGeneric = map[string]bool{
	"sea": true, "ocean": true, "river": true, "lake": true, "gulf": true, "bay": true, "mountains": true,
	"mountain": true, "island": true, "islands": true, "peninsula": true, "desert": true, "strait": true,
	"canal": true, "valley": true, "region": true, "province": true, "county": true, "state": true, "park": true,
	"airport": true, "square": true, "stadium": true, "arena": true, "prison": true, "hospital": true,
}

// addPartials indexes the shorter forms of a multi-word name: for an organization every word prefix and
// suffix ("Kansas City Chiefs" → "Chiefs", "City Chiefs", "Kansas", "Kansas City"); for a place only the name
// without a generic last word ("Mediterranean Sea" → "Mediterranean").
func (r *run) addPartials(m *mention) {
	var ws []string
	for k := m.ws; k < m.we; k++ {
		if r.w[k].alpha {
			ws = append(ws, match(fold(r.w[k].text)))
		}
	}
	n := len(ws)
	add := func(typ string, sub []string) {
		if len(sub) == 0 || acronymSkip[sub[0]] || acronymSkip[sub[len(sub)-1]] {
			return
		}
		r.addPartial(typ, strings.Join(sub, " "), m.e)
	}
	switch m.typ {
	case "ORG":
		for i := 1; i < n; i++ {
			add("ORG", ws[:i])
			add("ORG", ws[i:])
		}
	case "LOC":
		if n > 1 && geoGeneric[ws[n-1]] {
			add("LOC", ws[:n-1])
		}
	}
}

// addPartial indexes f (matched words) as a shorter form of e's name.
func (r *run) addPartial(typ, f string, e *ent) {
	k := typ + "|" + f
	for _, x := range r.partials[k] {
		if x == e {
			return
		}
	}
	r.partials[k] = append(r.partials[k], e)
}

// partial returns the one organization (for ORG and MISC mentions) or place (for LOC) whose longer name
// starts or ends with the mention's words, or nil when there is none or more than one.
func (r *run) partial(m *mention, f string) *ent {
	typ := "ORG"
	if m.typ == "LOC" {
		typ = "LOC"
	}
	if es := r.partials[typ+"|"+f]; len(es) == 1 {
		return es[0]
	}
	return nil
}
