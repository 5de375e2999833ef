package place

import (
	"iter"
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// Weights are the terms of a candidate's score. The zero value is not useful: start from DefaultWeights.
type Weights struct {
	// Pop multiplies log10(population+1) of places and countries; PopDiv that of divisions, continents and
	// regions (whose population is the sum over their listed places).
	Pop, PopDiv float64
	// Demonym is added to a country named by a demonym ("Canadian").
	Demonym float64
	// Feature is added by feature code (PCLI, ADM1, PPLC ...); codes absent from the map get 0.
	Feature map[string]float64
	// AltOnly is added when the name is only an alternate name of the candidate (not its main name).
	AltOnly float64
	// Pattern is added when a "City, State" or "City, Country" pattern names the candidate's division.
	Pattern float64
	// Country, Admin1 multiply log(1 + n) for the n other places of the article in the same country / first-level
	// division (including the country or division itself when it is mentioned).
	Country, Admin1 float64
	// Near is added when another place of the article lies within NearKm.
	Near, NearKm float64
	// Publication is added when the candidate lies in the publication's country (from the URL's domain).
	Publication float64
	// ContainedADM1 lets the fallback find first-level divisions too ("University of California").
	ContainedADM1 bool
	// Support multiplies log(1 + n) for the n other entities of the article that have a candidate in the
	// candidate's first-level division.
	Support float64
	// Contained is added to the candidates of a place found inside an unknown name ("Manila Cathedral" →
	// Manila); -100 or less turns that fallback off.
	Contained float64
	// NamesakeShare is the share of a first-level division's people that a city named like it must hold to
	// count as its namesake for DivisionSeat; AltShadow is added to alternate-only names when the name is the
	// main name of a place of 100,000 people or a division.
	NamesakeShare, AltShadow float64
	// DominantSeat is added besides DivisionSeat to a seat that also holds NamesakeShare of its division's
	// people (Kharkiv, Luhansk: the city, not the oblast; Quebec City holds too few of Quebec's).
	DominantSeat float64
	// Stateless gives a place without a country (ocean, sea, continent) the country evidence of the article's
	// best-supported country.
	Stateless bool
	// SmallADM1 is the population below which a first-level division gets no feature bonus.
	SmallADM1 float64
	// HomeName is added to the populated places, in the publication's country, of an entity named like the
	// town in the publication's domain.
	HomeName float64
	// GenericUS is added to places in the United States when the publication's domain is generic (.com, .net,
	// .org), most of whose news sites are American.
	GenericUS float64
	// Home is the weight of the publication's home town, found in its domain name ("columbuslocalnews.com"),
	// counted as one more place of the article.
	Home float64
	// DivisionSeat is added to a city that shares its name with the first-level division it is the seat of
	// (Luhansk the city, not the oblast; Washington, D.C. is handled by its own capital bonus).
	DivisionSeat float64
	// Rounds is the number of context passes after the first, prior-only, choice.
	Rounds int
	// JointAdmin2 multiplies log(1 + n) for the n other entities that have a candidate (any, not only the
	// chosen one) in the candidate's second-level division: "Paris" and "Henry County" agree on Tennessee's
	// Henry County before either is chosen. JointNear does the same for candidates within JointKm.
	JointAdmin2, JointNear, JointKm float64
	// JointHome counts the populated places named like the publication's home town as one more entity.
	JointHome bool
	// HomeNear is added to a candidate within HomeKm of a populated place named like the home town.
	HomeNear, HomeKm float64
	// Facility is the confidence given to a named facility the gazetteer lacks ("Royal Street", "Mercy
	// Hospital") placed in the town the text gives or else the article's focus (its most mentioned populated
	// place), and to an unknown name the text places "in Town". 0 turns this off.
	Facility float64
	// Obscure scales the country and first-level division evidence of a candidate whose prior lies more than
	// ObscureGap below the best of its name's: a village of 2,000 people is not "Washington" just because the
	// article is about England.
	Obscure, ObscureGap float64
	// FacilityAltOnly drops the candidates of a facility's name ("Washington Square") that bear it only as an
	// alternate name, so that it is placed as a facility.
	FacilityAltOnly bool
	// BigCity is the population above which a chosen city gives no first-level division evidence (0: all do).
	BigCity float64
	// ContainedDemonym lets the fallback for unknown names find the country or continent of a demonym the
	// name starts with ("European Commission" → Europe).
	ContainedDemonym bool
	// DivisionCue is added to the first-level divisions among a name's candidates when the text marks the
	// name as a state ("New York Gov.", "upstate New York", "the Bronx, New York").
	DivisionCue float64
	// ListType is added to the candidates of the kind (country, first-level division, populated place) of the
	// likeliest reading of a neighbour in a list ("Missouri, New York and Virginia").
	ListType float64
	// Namesake is added besides DivisionSeat to a city that is not its division's seat but holds NamesakeShare
	// of its people (New York City in New York state).
	Namesake float64
	// FamePop and FameRatio: a populated place of at least FamePop people, and FameRatio times the people of the
	// chosen one, is the reading of its name unless the text gives the smaller namesake local evidence (a
	// "City, State" pattern, another place of its first-level or second-level division, a place nearby, the
	// paper's home town, the country of a country-code domain): the country of the article's other places
	// alone does not make "Cambridge Analytica" the one in Maryland. FameRatio 0 turns this off.
	FamePop, FameRatio float64
	// CapitalNear: a chosen national capital, city of more than BigCity people or building (the seats of
	// government of extra.tsv: White House, Congress, Kremlin) is no "place nearby" evidence (Washington, D.C.
	// is national news and does not make "Cambridge" the one in Maryland).
	CapitalNear bool
	// Missions: a ministry of a country is placed in its capital ("Russian Foreign Ministry" → Moscow), and a
	// demonym places an unknown name only when no place is named in it ("British Embassy Tokyo" → Tokyo).
	Missions bool
	// StateInstitution places an unknown name in the first-level division it names before "State" ("Arizona
	// State University" → Arizona).
	StateInstitution bool
	// FocusLocal: an article without a populated place has as focus (for its facilities) its second-level
	// division, island, harbour, building, venue or street with the most mentions (localFocus).
	FocusLocal bool
	// FacilityNext makes a name a facility's when the word after one of its mentions is a facility word ("the
	// Air Balloon roundabout") or the word before it is "at" ("a class at Whole Foods").
	FacilityNext bool
	// CountyNamesake is added to the county (or parish) "X County" as a candidate of "X" when the article names
	// both ("Suffolk" beside "Suffolk County").
	CountyNamesake float64
	// FacilityClause is how far (bytes) after an unknown name's mention, within its clause, "in Town" still
	// places it ("a class at Whole Foods on Wednesday, Nov. 2, 2016, in Fresno"), and half of it how far before
	// a town's possessive does ("Cairo's gated suburb of Madinaty"); 0 turns this off.
	FacilityClause int
	// OutlierPop and OutlierKm: a chosen town of fewer than OutlierPop people that nothing supports, in an
	// article whose three or more other places all lie in one other country, none within OutlierKm, is left
	// unresolved (see outliers); OutlierPop 0 turns this off.
	OutlierPop, OutlierKm float64
	// StateCapitol: "the state Capitol" has the seats of the US states as candidates (the article's state
	// picks one), not only Capitol Hill.
	StateCapitol bool
	// FacilityCounty places an unknown name in the second-level division the text gives right after a comma
	// ("Oulton Park, Cheshire", "Knockhill, Fife"), as it does in a town.
	FacilityCounty bool
	// Relocate: a chosen town that nothing supports (no pattern, no local evidence, not in the publication's
	// country) is placed where the text puts the name instead — a county after a comma ("Rockingham,
	// Northamptonshire"), or, for a town under OutlierPop, the town of a facility ("the Pioneer cinema in
	// Dewsbury") or "in Town" ("August in New Orleans") — when that is more than 100 km from it.
	Relocate bool
}

// DefaultWeights are the weights tuned on the dev corpora (LGL, TR-News, GeoWebNews; see README.md).
func DefaultWeights() Weights {
	return Weights{
		Pop:     0.6,
		PopDiv:  0.5,
		Demonym: 3,
		Feature: map[string]float64{
			"PCLI": 6, "PCLD": 1, "AIRP": 3, "BLDG": 3, "ST": 1, "SQR": 1, "PRK": 1, "PCLS": 5, "PCLF": 5, "PCLIX": 4, "TERR": 4, "CONT": 7,
			"RGN": 4, "SEA": 6, "OCN": 8, "GULF": 4,
			"ADM1": 3.5, "ADM2": -3,
			"PPLC": 4, "PPLA": 0, "PPLA2": 0.5, "PPLG": 1, "PPL": -1,
			"PPLX": -1, "PPLH": -2, "PPLQ": -3, "PPLW": -3, "PPLCH": -2,
		},
		DivisionSeat:     2,
		AltOnly:          -4,
		Pattern:          5,
		Country:          3,
		Admin1:           3,
		Near:             2,
		NearKm:           100,
		Publication:      4,
		Home:             0,
		GenericUS:        1,
		Contained:        0,
		Support:          0.5,
		HomeName:         2,
		SmallADM1:        20000,
		Stateless:        true,
		DominantSeat:     2,
		NamesakeShare:    0.2,
		AltShadow:        0,
		ContainedADM1:    false,
		Rounds:           2,
		JointAdmin2:      1,
		JointNear:        0,
		JointKm:          50,
		JointHome:        true,
		HomeNear:         2,
		HomeKm:           30,
		Facility:         0.3,
		Namesake:         2.5,
		DivisionCue:      4,
		ContainedDemonym: true,
		FacilityAltOnly:  true,
		BigCity:          1e6,
		Obscure:          0.5,
		ObscureGap:       3,
		ListType:         1,
		FamePop:          100000,
		FameRatio:        10,
		CapitalNear:      true,
		Missions:         true,
		StateInstitution: true,
		FacilityNext:     true,
		CountyNamesake:   2,
		FacilityClause:   200,
		OutlierPop:       100000,
		OutlierKm:        1000,
		StateCapitol:     true,
		FacilityCounty:   true,
		Relocate:         true,
		FocusLocal:       true,
	}
}

// maxCandidates bounds the candidates kept per entity (the most likely by prior).
const maxCandidates = 64

// item is one LOC entity being resolved.
type item struct {
	ent int // index in d.Entities
	// contained marks candidates found inside the entity's name, not for it ("Manila" for "Manila Cathedral").
	contained bool
	cands     []int32
	prior     []float64
	pattern   []bool
	local     []bool  // a candidate with evidence from its own division or neighbourhood (see joint)
	weak      bool    // the chosen town has no support of its own (Relocate)
	maxPrior  float64 // the best prior among cands
	choice    int     // index into cands, -1 when none
	conf      float64
	scoreBuf  []float64
}

// resolve chooses a gazetteer entry for each LOC entity of d; it returns the items (choice -1: unresolved).
func (r *Resolver) resolve(d *doc.Document) []item {
	g, w := r.gaz, r.w
	var items []item
	docNames := map[string]bool{}
	for i := range d.Entities {
		if e := &d.Entities[i]; e.Type == "LOC" {
			docNames[Normalize(e.Name)] = true
		}
	}
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Type != "LOC" {
			continue
		}
		it := item{ent: i, choice: -1}
		it.cands, it.prior, it.contained = r.candidates(d, e, docNames)
		if len(it.cands) == 0 {
			items = append(items, it)
			continue
		}
		it.pattern = make([]bool, len(it.cands))
		it.local = make([]bool, len(it.cands))
		namesCountry := false // "Mexico, the US and Canada" is a list, not a place in the US
		for _, c := range it.cands {
			if isCountry(g.Entries[c].Feature) {
				namesCountry = true
			}
		}
		if cc, a1, ok := r.patternDivision(d, e); ok && !namesCountry {
			for k, c := range it.cands {
				en := &g.Entries[c]
				if en.Country == cc && (a1 == "" || en.Admin1 == a1) && en.Feature != "ADM1" && !isCountry(en.Feature) {
					it.pattern[k] = true
				}
			}
		}
		items = append(items, it)
	}
	if w.DivisionCue != 0 || w.ListType != 0 {
		r.typeCues(d, items)
	}
	// support counts, for each first-level division, the entities that have a candidate in it: "Hall County"
	// and "Gainesville" both have one in Georgia. It breaks ties that one entity's choice alone cannot.
	support := map[string]float64{}
	if w.Support != 0 {
		for i := range items {
			seenA := map[string]bool{}
			for _, c := range items[i].cands {
				en := &g.Entries[c]
				if en.Admin1 == "" || isCountry(en.Feature) {
					continue
				}
				k := en.Country + "." + en.Admin1
				if !seenA[k] {
					seenA[k] = true
					support[k]++
				}
			}
		}
	}
	pub := publicationCountry(d.URL)
	generic := pub == "" && genericDomain(d.URL)
	homeKey, home := r.homePlace(d.URL, pub, generic)
	homeCountry := pub
	if homeCountry == "" {
		homeCountry = "US"
	}
	// An entity named like the paper's home town is that town, or another populated place of its country,
	// rather than the country or capital of the same name ("Jordan" in jordannews.com).
	if homeKey != "" && w.HomeName != 0 {
		for i := range items {
			it := &items[i]
			if Normalize(d.Entities[it.ent].Name) != homeKey {
				continue
			}
			for k, c := range it.cands {
				if en := &g.Entries[c]; strings.HasPrefix(en.Feature, "PPL") && en.Country == homeCountry {
					it.prior[k] += w.HomeName
					it.local[k] = true
				}
			}
		}
	}
	if w.JointAdmin2 != 0 || w.JointNear != 0 || w.HomeNear != 0 {
		r.joint(items, r.homeCands(homeKey, homeCountry))
	}
	for i := range items {
		it := &items[i]
		it.maxPrior = math.Inf(-1)
		for _, p := range it.prior {
			it.maxPrior = math.Max(it.maxPrior, p)
		}
	}
	score := func(it *item, k int, ctx *evidence) float64 {
		en := &g.Entries[it.cands[k]]
		s := it.prior[k]
		if it.pattern[k] {
			s += w.Pattern
		}
		if pub != "" && en.Country == pub {
			s += w.Publication
		}
		if generic && en.Country == "US" {
			s += w.GenericUS
		}
		if w.Support != 0 && en.Admin1 != "" && !isCountry(en.Feature) {
			if n := support[en.Country+"."+en.Admin1] - 1; n > 0 { // less the entity itself
				s += w.Support * math.Log1p(n)
			}
		}
		if ctx != nil {
			scale := 1.0
			if w.Obscure != 1 && it.maxPrior-it.prior[k] > w.ObscureGap {
				scale = w.Obscure
			}
			s += ctx.score(en, it.ent, scale)
		}
		return s
	}
	var ctx *evidence
	for pass := 0; pass <= w.Rounds; pass++ {
		ctx = nil
		if pass > 0 {
			ctx = newContext(g, w, items, home)
		}
		for i := range items {
			it := &items[i]
			if len(it.cands) == 0 {
				continue
			}
			it.scoreBuf = it.scoreBuf[:0]
			best, bestS := 0, math.Inf(-1)
			for k := range it.cands {
				s := score(it, k, ctx)
				it.scoreBuf = append(it.scoreBuf, s)
				if s > bestS {
					best, bestS = k, s
				}
			}
			it.choice = best
			// Confidence: the softmax probability of the chosen candidate (halved for a containing place).
			var z float64
			for _, s := range it.scoreBuf {
				z += math.Exp(s - bestS)
			}
			it.conf = 1 / z
			if it.contained {
				it.conf /= 2
			}
		}
	}
	if w.FameRatio > 0 && ctx != nil {
		r.fame(items, ctx, pub)
	}
	if w.OutlierPop > 0 && ctx != nil {
		r.outliers(items, ctx, pub)
		// "the West", "Western countries": a compass word alone is not a foreign province that nothing else in
		// the article is in (Ghana's Western Region, Cameroon's West Region).
		for it := range placed(items) {
			if !compassWord[Normalize(d.Entities[it.ent].Name)] {
				continue
			}
			c := &g.Entries[it.cands[it.choice]]
			n := ctx.country[c.Country]
			if me, ok := ctx.byEntity[it.ent]; ok && me.en.Country == c.Country {
				n -= me.conf
			}
			if c.Country != pub && n <= 1e-9 && !it.pattern[it.choice] {
				it.choice, it.conf = -1, 0
			}
		}
	}
	if w.Relocate && ctx != nil {
		// A town that nothing in the text supports may be relocated by the text's own words (facilities).
		for it := range placed(items) {
			it.weak = it.unsupported(&g.Entries[it.cands[it.choice]], ctx, pub)
		}
	}
	if w.Facility > 0 {
		r.facilities(d, items)
	}
	return items
}

// placed yields the items resolved to a place that is the entity itself (not one found inside its name); it
// reads each item's choice when it reaches it.
func placed(items []item) iter.Seq[*item] {
	return func(yield func(*item) bool) {
		for i := range items {
			if it := &items[i]; it.choice >= 0 && !it.contained && !yield(it) {
				return
			}
		}
	}
}

// unsupported reports whether the item's chosen candidate c is a populated place that nothing in the text
// supports: no pattern, no local evidence, and not in the publication's country pub.
func (it *item) unsupported(c *Entry, ctx *evidence, pub string) bool {
	k := it.choice
	return strings.HasPrefix(c.Feature, "PPL") && !it.pattern[k] && !it.local[k] && c.Country != pub && !ctx.local(c, it.ent)
}

// outliers leaves unresolved a chosen small town (fewer than OutlierPop people) that nothing in the text
// supports — no pattern, no local evidence, no other place of its country — in an article whose other places
// lie in one other country, at least OutlierKm from all of them: Delft, the Netherlands, is no reading of
// "Delft" in an article about Cape Town's townships; its facilities then fall to the article's focus.
func (r *Resolver) outliers(items []item, ctx *evidence, pub string) {
	g, w := r.gaz, r.w
	for it := range placed(items) {
		c := &g.Entries[it.cands[it.choice]]
		if float64(c.Population) >= w.OutlierPop || !it.unsupported(c, ctx, pub) {
			continue
		}
		// The other chosen places: their countries and nearest distance.
		countries := map[string]int{}
		near := false
		n := 0
		for o := range placed(items) {
			if o == it {
				continue
			}
			oe := &g.Entries[o.cands[o.choice]]
			if oe.Country == "" {
				continue
			}
			n++
			countries[oe.Country]++
			if !isCountry(oe.Feature) && oe.Feature != "ADM1" && HaversineKm(c.Lat, c.Lon, oe.Lat, oe.Lon) < w.OutlierKm {
				near = true
			}
		}
		if near || n < 3 || countries[c.Country] > 0 || len(countries) != 1 {
			continue
		}
		it.choice = -1
		it.conf = 0
	}
}

// fame replaces a chosen populated place that has no local evidence by a far larger namesake (FamePop,
// FameRatio): "Cambridge" with only American places around it is still England's Cambridge, not Maryland's.
func (r *Resolver) fame(items []item, ctx *evidence, pub string) {
	g, w := r.gaz, r.w
	for it := range placed(items) {
		k := it.choice
		c := &g.Entries[it.cands[k]]
		// A country-code domain is the paper's home country: a British paper's "Perth" is Scotland's.
		if !it.unsupported(c, ctx, pub) {
			continue
		}
		best := -1
		for j, x := range it.cands {
			b := &g.Entries[x]
			if j == k || !strings.HasPrefix(b.Feature, "PPL") || float64(b.Population) < w.FamePop ||
				float64(b.Population) < w.FameRatio*float64(c.Population) {
				continue
			}
			if best < 0 || b.Population > g.Entries[it.cands[best]].Population {
				best = j
			}
		}
		if best < 0 {
			continue
		}
		it.choice = best
		var z float64
		for _, s := range it.scoreBuf {
			z += math.Exp(s - it.scoreBuf[best])
		}
		it.conf = 1 / z
	}
}

// facilityHead are the last words of names of buildings, streets and other works, which lie in a town.
var facilityHead = map[string]bool{"street": true, "st": true, "avenue": true, "ave": true, "road": true, "rd": true,
	"boulevard": true, "blvd": true, "lane": true, "drive": true, "square": true, "plaza": true, "park": true,
	"church": true, "cathedral": true, "chapel": true, "mosque": true, "temple": true, "synagogue": true,
	"school": true, "academy": true, "university": true, "college": true, "hospital": true, "clinic": true,
	"center": true, "centre": true, "hall": true, "library": true, "museum": true, "theatre": true, "theater": true,
	"stadium": true, "arena": true, "bridge": true, "canal": true, "station": true, "hotel": true, "inn": true,
	"club": true, "courthouse": true, "tower": true, "building": true, "market": true, "mall": true,
	"prison": true, "jail": true, "zoo": true, "gardens": true, "pier": true, "cemetery": true, "court": true,
	"house": true, "terrace": true, "highway": true, "railroad": true, "railway": true, "estate": true, "farm": true,
	"farms": true, "castle": true, "palace": true, "office": true, "campus": true, "cottage": true, "quarter": true,
	"plantation": true, "racecourse": true, "studio": true, "restaurant": true, "graveyard": true, "basilica": true,
	"elementary": true, "metro": true, "parade": true, "place": true, "complex": true, "gallery": true,
	"cafe": true, "pub": true, "factory": true, "mill": true, "barracks": true, "airfield": true, "circuit": true,
	"embassy": true, "consulate": true, "ministry": true, "headquarters": true,
	// Local features and bodies (issue 7, second round): headlands, bends, avenues, schools, councils, trusts.
	"point": true, "bend": true, "fields": true, "gateway": true, "high": true, "middle": true, "council": true,
	"trust": true, "furnaces": true, "lga": true, "ns": true, "mountains": true, "hills": true, "area": true,
	"reserve": true, "forest": true, "show": true}

// facilityFirst are the first words of facility names ("University of Perpetual Help", "Camp Murray").
var facilityFirst = map[string]bool{"university": true, "museum": true, "hotel": true, "camp": true, "rue": true,
	"church": true, "college": true, "school": true, "hospital": true, "palais": true, "bank": true,
	"faubourg": true, "barangay": true, "lake": true, "point": true, "old": true}

// facilityName reports whether lower-cased words name a facility: a facility word among them, other than the
// first ("Eglinton Avenue West", "Guildhall School of Music"), or a first word that opens facility names
// ("University of Perpetual Help", "Camp Murray").
func facilityName(toks []string) bool {
	if len(toks) < 2 {
		return false
	}
	if facilityFirst[toks[0]] {
		return true
	}
	// A street address or numbered street: "2231 Royal", "22nd St. North".
	if n := strings.TrimRight(toks[0], "abcdefghijklmnopqrstuvwxyz"); n != "" && strings.Trim(n, "0123456789") == "" {
		return true
	}
	for _, t := range toks[1:] {
		if facilityHead[strings.Trim(t, ".,'’")] {
			return true
		}
	}
	return false
}

// roadName reports whether lower-cased words name a numbered road: "A417", "I-95", "Route 9", "Highway 61".
func roadName(toks []string) bool {
	digits := func(s string) bool {
		if s == "" || len(s) > 4 {
			return false
		}
		for _, r := range s {
			if r < '0' || r > '9' {
				return false
			}
		}
		return true
	}
	switch len(toks) {
	case 1:
		t := toks[0]
		if strings.HasPrefix(t, "i-") || strings.HasPrefix(t, "us-") || strings.HasPrefix(t, "sr-") {
			return digits(t[strings.IndexByte(t, '-')+1:])
		}
		return len(t) >= 2 && strings.ContainsRune("abmn", rune(t[0])) && digits(t[1:])
	case 2:
		switch toks[0] {
		case "route", "highway", "interstate", "i", "us", "sr", "road":
			return digits(toks[1])
		}
	}
	return false
}

// facilities places each unresolved entity named like a facility ("Royal Street", "Mercy Hospital") in the
// town the text gives right after it ("in Springfield", ", Springfield", "at"/"of" too), else in the article's
// focus, the populated place chosen for the most mentions; any other unresolved name only in the town the
// text gives after "in" or a comma ("Bywater, New Orleans"). It gets confidence Facility and keeps its own key
// (as a place found inside a name).
func (r *Resolver) facilities(d *doc.Document, items []item) {
	g := r.gaz
	weight := map[int32]float64{}
	var focus int32 = -1
	// Populated places first; without one, a second-level division or a smaller named place (island, district).
	for _, pass := range []func(f string) bool{
		func(f string) bool { return strings.HasPrefix(f, "PPL") },
		func(f string) bool { return r.w.FocusLocal && localFocus[f] },
	} {
		for it := range placed(items) {
			c := it.cands[it.choice]
			if !pass(g.Entries[c].Feature) {
				continue
			}
			weight[c] += float64(max(1, len(d.Entities[it.ent].Mentions))) * it.conf
			if focus < 0 || weight[c] > weight[focus] || (weight[c] == weight[focus] && c < focus) {
				focus = c
			}
		}
		if focus >= 0 {
			break
		}
	}
	if focus < 0 {
		return
	}
	// starts maps the start of each mention of a chosen populated place to its entry.
	starts := map[int]int32{}
	ends := map[int]int32{}     // and the end of each
	counties := map[int]int32{} // the starts of mentions of chosen second-level divisions
	for it := range placed(items) {
		f := g.Entries[it.cands[it.choice]].Feature
		for _, m := range d.Entities[it.ent].Mentions {
			if strings.HasPrefix(f, "PPL") {
				starts[m.Start] = it.cands[it.choice]
				ends[m.End] = it.cands[it.choice]
			} else if f == "ADM2" && r.w.FacilityCounty {
				counties[m.Start] = it.cands[it.choice]
			}
		}
	}
	for i := range items {
		it := &items[i]
		if len(it.cands) > 0 && !it.weak && it.choice >= 0 {
			continue
		}
		toks := strings.Fields(strings.ToLower(d.Entities[it.ent].Name))
		facility := roadName(toks) || facilityName(toks) || (r.w.FacilityNext && facilityNext(d, d.Entities[it.ent].Mentions))
		at := int32(-1)
		// "Main Street in Springfield", "Washington University, St. Louis": the town the text gives right after
		// a mention.
		right := func(m doc.Mention) int32 {
			rest := d.Text[m.End:]
			for _, sep := range []string{" in ", ", ", " of ", " at "} {
				if strings.HasPrefix(rest, sep) && (facility || sep == " in " || sep == ", ") {
					if c, ok := starts[m.End+len(sep)]; ok {
						return c
					}
				}
			}
			// "Oulton Park, Cheshire", "Knockhill, Fife": the county.
			if strings.HasPrefix(rest, ", ") {
				if c, ok := counties[m.End+2]; ok {
					return c
				}
			}
			return -1
		}
		// "a class at Whole Foods on Wednesday, Nov. 2, in Fresno": the town given later in the clause.
		later := func(m doc.Mention) int32 {
			rest := clauseOf(d.Text[m.End:min(len(d.Text), m.End+r.w.FacilityClause)])
			for _, prep := range clausePreps {
				for off := 0; ; {
					i := strings.Index(rest[off:], prep)
					if i < 0 {
						break
					}
					off += i + len(prep)
					if c, ok := starts[m.End+off]; ok {
						return c
					}
				}
			}
			return -1
		}
		// "Cairo's gated suburb of Madinaty": a town's possessive earlier in the clause.
		earlier := func(m doc.Mention) int32 {
			lo := max(0, m.Start-r.w.FacilityClause/2)
			before := d.Text[lo:m.Start]
			if i := strings.LastIndexAny(before, ";!?\n"); i >= 0 {
				before, lo = before[i+1:], lo+i+1
			}
			for _, poss := range []string{"'s ", "’s "} {
				for off := len(before); off > 0; {
					i := strings.LastIndex(before[:off], poss)
					if i < 0 {
						break
					}
					off = i
					if c, ok := ends[lo+i]; ok {
						return c
					}
				}
			}
			return -1
		}
		// "August in New Orleans": a town is not in another town; what is, is a venue.
		inTown := false
		for _, m := range d.Entities[it.ent].Mentions {
			if m.End > 0 && m.End <= len(d.Text) && strings.HasPrefix(d.Text[m.End:], " in ") {
				if _, ok := starts[m.End+4]; ok {
					inTown = true
				}
			}
		}
		// The first mention that the text places decides.
		for _, m := range d.Entities[it.ent].Mentions {
			if m.Start < 0 || m.End <= 0 || m.End > len(d.Text) || m.Start > m.End {
				continue
			}
			at = right(m)
			if at < 0 && r.w.FacilityClause > 0 {
				if at = later(m); at < 0 {
					at = earlier(m)
				}
			}
			if at >= 0 {
				break
			}
		}
		if it.weak && it.choice >= 0 {
			// "the Pioneer cinema in Dewsbury", "the CHU in Montpellier", "Rockingham, Northamptonshire": the
			// place the text gives, when the chosen namesake lies far from it.
			if at < 0 || at == it.cands[it.choice] {
				continue
			}
			a, c := &g.Entries[at], &g.Entries[it.cands[it.choice]]
			// The county the text gives moves any town; a facility word only a small one ("Moscow and Beijing
			// embassies in Washington" leave Moscow where it is).
			if a.Feature != "ADM2" && (!(facility || inTown) || float64(c.Population) >= r.w.OutlierPop) {
				continue
			}
			if HaversineKm(a.Lat, a.Lon, c.Lat, c.Lon) <= 100 {
				continue
			}
		}
		if at < 0 && facility {
			at = focus
		}
		if at < 0 {
			continue
		}
		it.cands, it.prior, it.pattern = []int32{at}, []float64{0}, []bool{false}
		it.choice, it.conf, it.contained = 0, r.w.Facility, true
	}
}

// clausePreps are the words before a town that place what the clause is about in or near it.
var clausePreps = []string{" in ", " near ", " outside "}

// clauseOf cuts s at the end of its clause: ";", "!", "?", a line break, or a full stop before a capital
// ("Nov. 2" goes on).
func clauseOf(s string) string {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ';', '!', '?', '\n':
			return s[:i]
		case '.':
			if i+2 < len(s) && s[i+1] == ' ' && s[i+2] >= 'A' && s[i+2] <= 'Z' {
				return s[:i]
			}
		}
	}
	return s
}

// localFocus are the feature codes of places that can be an article's focus when it has no populated place: a
// second-level division, an island, or a building, venue or street of extra.tsv.
var localFocus = map[string]bool{"ADM2": true, "ISL": true, "HBR": true, "BLDG": true, "CSTL": true, "STDM": true,
	"UNIV": true, "PRK": true, "ST": true, "SQR": true, "AMUS": true, "HTL": true, "TOWR": true, "AIRP": true}

// facilityNext reports whether the word after a mention is a facility word, or the word before it "at": the
// text names the thing a facility ("the Air Balloon roundabout", "a class at Whole Foods").
func facilityNext(d *doc.Document, ms []doc.Mention) bool {
	for _, m := range ms {
		// "a class at Whole Foods": towns take "in", venues "at".
		if m.Start >= 4 && m.Start <= len(d.Text) && d.Text[m.Start-4:m.Start] == " at " {
			return true
		}
		if m.End <= 0 || m.End >= len(d.Text) || d.Text[m.End] != ' ' {
			continue
		}
		rest := d.Text[m.End+1:]
		n := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
		if n < 0 {
			n = len(rest)
		}
		if w := rest[:n]; w != "" && unicode.IsLower(rune(w[0])) && (facilityHead[w] || nextFacility[w]) {
			return true
		}
		// "State and Hubbard streets": the first of two names that share a facility word.
		if r, ok := strings.CutPrefix(rest, "and "); ok {
			f := strings.Fields(r)
			for j := 0; j < len(f) && j < 3; j++ {
				w := strings.TrimRight(f[j], ".,;:")
				if w == "" {
					break
				}
				if unicode.IsLower(rune(w[0])) {
					if j > 0 && (facilityHead[w] || nextFacility[w]) {
						return true
					}
					break
				}
			}
		}
	}
	return false
}

// nextFacility are words that, right after a name, make it a facility's.
var nextFacility = map[string]bool{"roundabout": true, "junction": true, "interchange": true, "store": true,
	"shop": true, "circuit": true, "racecourse": true, "ground": true, "neighborhood": true, "neighbourhood": true,
	"suburb": true, "township": true, "district": true, "campus": true, "site": true, "cinema": true,
	"councillor": true, "ward": true, "concert": true, "festival": true, "lagoon": true, "streets": true,
	"avenues": true, "roads": true}

// joint adds to each candidate's prior the support of the other entities' candidates, chosen or not: those in
// the same second-level division (JointAdmin2) and those within JointKm (JointNear). Countries, first-level
// divisions, continents and regions neither give nor get this support.
func (r *Resolver) joint(items []item, home []int32) {
	g, w := r.gaz, r.w
	local := func(en *Entry) bool {
		return !isCountry(en.Feature) && en.Feature != "ADM1" && en.Feature != "CONT" && en.Feature != "RGN" && en.Country != ""
	}
	type jp struct {
		item     int
		lat, lon float64
	}
	adm2 := map[string][]int{} // division → items with a candidate in it (each once, ascending)
	cell := math.Max(w.JointKm/111.19, 0.01)
	grid := map[[2]int][]jp{}
	for i := range items {
		for _, c := range items[i].cands {
			en := &g.Entries[c]
			if !local(en) {
				continue
			}
			if en.Admin2 != "" {
				k := en.Country + "." + en.Admin1 + "." + en.Admin2
				if l := adm2[k]; len(l) == 0 || l[len(l)-1] != i {
					adm2[k] = append(l, i)
				}
			}
			if w.JointNear != 0 {
				k := [2]int{int(math.Floor(en.Lat / cell)), int(math.Floor(en.Lon / cell))}
				grid[k] = append(grid[k], jp{i, en.Lat, en.Lon})
			}
		}
	}
	// The paper's home towns of that name support like one more entity (index len(items)), receiving nothing.
	for _, c := range home {
		en := &g.Entries[c]
		if w.JointHome && en.Admin2 != "" {
			k := en.Country + "." + en.Admin1 + "." + en.Admin2
			if l := adm2[k]; len(l) == 0 || l[len(l)-1] != len(items) {
				adm2[k] = append(l, len(items))
			}
		}
	}
	if w.HomeNear != 0 && len(home) > 0 {
		for i := range items {
			it := &items[i]
			for k, c := range it.cands {
				en := &g.Entries[c]
				if !local(en) {
					continue
				}
				for _, h := range home {
					if he := &g.Entries[h]; h != c && HaversineKm(en.Lat, en.Lon, he.Lat, he.Lon) <= w.HomeKm {
						it.prior[k] += w.HomeNear
						it.local[k] = true
						break
					}
				}
			}
		}
	}
	stamp := make([]int, len(items)+1)
	tick := 0
	for i := range items {
		it := &items[i]
		for k, c := range it.cands {
			en := &g.Entries[c]
			if !local(en) {
				continue
			}
			if w.JointAdmin2 != 0 && en.Admin2 != "" {
				n := 0
				for _, j := range adm2[en.Country+"."+en.Admin1+"."+en.Admin2] {
					if j != i {
						n++
					}
				}
				it.prior[k] += w.JointAdmin2 * math.Log1p(float64(n))
				if n > 0 {
					it.local[k] = true
				}
			}
			if w.JointNear != 0 {
				tick++
				n := 0
				la, lo := int(math.Floor(en.Lat/cell)), int(math.Floor(en.Lon/cell))
				span := 1
				if cosLat := math.Cos(math.Min(math.Abs(en.Lat)+cell, 89.9) * math.Pi / 180); cosLat > 0 {
					span = min(int(math.Ceil(1/cosLat))+1, int(360/cell)+1)
				}
				for a := la - 1; a <= la+1; a++ {
					for b := lo - span; b <= lo+span; b++ {
						for _, p := range grid[[2]int{a, b}] {
							if p.item == i || stamp[p.item] == tick {
								continue
							}
							if HaversineKm(en.Lat, en.Lon, p.lat, p.lon) <= w.JointKm {
								stamp[p.item] = tick
								n++
							}
						}
					}
				}
				it.prior[k] += w.JointNear * math.Log1p(float64(n))
			}
		}
	}
}

// candidates looks up every name of the entity: its name, aliases and mentions (demonyms through the demonym
// table), then keeps the best maxCandidates by prior.
func (r *Resolver) candidates(d *doc.Document, e *doc.Entity, docNames map[string]bool) ([]int32, []float64, bool) {
	g, w := r.gaz, r.w
	seen := map[int32]found{}
	var order []int32
	tried := map[string]bool{}
	try := func(name string) {
		k := Normalize(name)
		if k == "" || tried[k] {
			return
		}
		tried[k] = true
		for _, c := range g.lookup(k) {
			f, ok := seen[c.idx]
			if !ok {
				order = append(order, c.idx)
			}
			seen[c.idx] = found{f.primary || c.primary}
		}
	}
	try(e.Name)
	for _, a := range e.Aliases {
		try(a)
	}
	var demonyms []string
	for _, m := range e.Mentions {
		if m.Kind == doc.KindPronoun {
			continue
		}
		t := d.Slice(m.Span)
		if m.Kind == doc.KindDemonym {
			demonyms = append(demonyms, t)
			continue
		}
		try(t)
	}
	if w.FacilityAltOnly && len(order) > 0 && facilityName(strings.Fields(strings.ToLower(e.Name))) {
		// A facility's name ("Washington Square") that is only an alternate name of some town is not that town.
		primary := false
		for _, c := range order {
			primary = primary || seen[c].primary
		}
		if !primary {
			order = order[:0]
		}
	}
	// "the state Capitol": the capitol of a state, in its seat; the article's state picks it.
	if w.StateCapitol && stateHouse[Normalize(e.Name)] {
		for _, m := range e.Mentions {
			if m.Start >= 6 && m.Start <= len(d.Text) && strings.EqualFold(d.Text[m.Start-6:m.Start], "state ") {
				for _, c := range g.divisionSeats("US") {
					if _, ok := seen[c]; !ok {
						seen[c] = found{true}
						order = append(order, c)
					}
				}
				break
			}
		}
	}
	// "Suffolk" beside "Suffolk County" in the same article is that county's short name.
	countyOf := map[int32]bool{}
	if w.CountyNamesake != 0 {
		base := Normalize(e.Name)
		for _, suf := range []string{" county", " parish"} {
			if base == "" || strings.HasSuffix(base, suf) || !docNames[base+suf] {
				continue
			}
			for _, c := range g.lookup(base + suf) {
				if g.Entries[c.idx].Feature == "ADM2" && c.primary {
					countyOf[c.idx] = true
					if _, ok := seen[c.idx]; !ok {
						seen[c.idx] = found{true}
						order = append(order, c.idx)
					}
				}
			}
		}
	}
	// A demonym ("Russian", "Canadian") names its country, even when a town bears the same name.
	demonymOf := map[int32]bool{}
	for _, n := range append([]string{e.Name}, demonyms...) {
		for _, c := range g.demonyms[Normalize(n)] {
			demonymOf[c] = true
			if _, ok := seen[c]; !ok {
				seen[c] = found{true}
				order = append(order, c)
			}
		}
	}
	if len(order) == 0 {
		if s := stripGeneric(e.Name); s != "" {
			try(s)
			// "Washington Township" is no country, state or national capital ("Colorado State", "Fars
			// Province" are).
			kept := order[:0]
			townLike := false
			for _, suf := range []string{" township", " borough", " village", " town", " city"} {
				townLike = townLike || strings.HasSuffix(strings.ToLower(e.Name), suf)
			}
			for _, c := range order {
				if f := g.Entries[c].Feature; !townLike || (!isCountry(f) && f != "ADM1" && f != "PPLC" && f != "CONT") {
					kept = append(kept, c)
				} else {
					delete(seen, c)
				}
			}
			order = kept
		}
	}
	if len(order) == 0 {
		// Arabic names with and without their article: "Qamishli" is GeoNames' "Al Qāmishlī", "al-Tanf" its "At Tanf".
		for _, v := range arabicArticle(e.Name) {
			try(v)
		}
	}
	if len(order) == 0 {
		// A division named without its generic word ("Avoyelles" for Avoyelles Parish, "Ceredigion" for County of
		// Ceredigion, "South Waziristan" for South Waziristan Agency).
		for _, v := range []string{e.Name + " County", e.Name + " Parish", e.Name + " Borough", "County of " + e.Name,
			e.Name + " Agency", e.Name + " District", e.Name + " Province", e.Name + " Region", "Province of " + e.Name} {
			k := Normalize(v)
			for _, c := range g.lookup(k) {
				if f := g.Entries[c.idx].Feature; f == "ADM2" || f == "ADM1" {
					if _, ok := seen[c.idx]; !ok {
						seen[c.idx] = found{true}
						order = append(order, c.idx)
					}
				}
			}
		}
	}
	contained := false
	if len(order) == 0 && w.Contained > -100 {
		// A named feature the gazetteer lacks ("Manila Cathedral", "Dubai World Cup") lies in the place its name
		// contains, when that place is another place of the article or a country or first-level division.
		toks := strings.Fields(e.Name)
		low := strings.Fields(strings.ToLower(e.Name))
		for n := len(toks) - 1; n >= 1 && len(order) == 0 && len(toks) <= 8; n-- {
			for i := 0; i+n <= len(toks) && len(order) == 0; i++ {
				sub := strings.Join(toks[i:i+n], " ")
				k := Normalize(sub)
				// Short names only as capitals ("US Federal Reserve", "EU summit").
				if genericWord[k] || (len(k) < 4 && (len(k) < 2 || strings.ToUpper(sub) != sub)) {
					continue
				}
				// The part of a place a compass word names ("West Surrey", "South Florida") lies in that place.
				ok := docNames[k] || (i == 1 && n == len(toks)-1 && compassWord[strings.ToLower(toks[0])])
				// "Arizona State University": a state's own institution, named "State" after it, lies in that state.
				stateOf := w.StateInstitution && i+n < len(toks) && toks[i+n] == "State"
				for _, c := range g.lookup(k) {
					if f := g.Entries[c.idx].Feature; c.primary && (isCountry(f) || (f == "ADM1" && (w.ContainedADM1 || stateOf))) {
						ok = true
					}
				}
				if ok {
					try(sub)
					contained = len(order) > 0
				}
				if len(order) == 0 && w.ContainedDemonym && i == 0 && !w.Missions {
					contained = r.demonymCountry(k, seen, &order)
				}
			}
		}
		if len(order) == 0 && w.ContainedDemonym && w.Missions && len(toks) <= 8 {
			// An institution named by a demonym ("European Commission", "Mexican Senate") lies in the country or
			// continent of the demonym; only when no place is named inside it.
			for n := len(toks) - 1; n >= 1 && len(order) == 0; n-- {
				contained = r.demonymCountry(Normalize(strings.Join(toks[:n], " ")), seen, &order)
			}
		}
		if contained && w.Missions && hasWord(low, ministryWord) && len(order) == 1 {
			// A country's ministry sits in its capital ("Russian Foreign Ministry" → Moscow).
			if en := &g.Entries[order[0]]; isCountry(en.Feature) {
				if c := g.capital(en.Country); c >= 0 {
					delete(seen, order[0])
					order[0] = c
					seen[c] = found{true}
				}
			}
		}
	}
	prior := make([]float64, len(order))
	for i, c := range order {
		en := &g.Entries[c]
		pw := w.Pop
		if isDivision(en.Feature) && !isCountry(en.Feature) {
			pw = w.PopDiv
		}
		fb := w.Feature[en.Feature]
		if en.Feature == "ADM1" && float64(en.Population) < w.SmallADM1 {
			fb = 0 // a small province abroad is rarely what a bare name means
		}
		p := pw*math.Log10(float64(en.Population)+1) + fb
		if !seen[c].primary {
			p += w.AltOnly
		}
		if countyOf[c] {
			p += w.CountyNamesake
		}
		if demonymOf[c] {
			p += w.Demonym
		}
		if contained {
			p += w.Contained
		}
		prior[i] = p
	}
	if w.DivisionSeat != 0 {
		// The seat of a first-level division named like it (Luhansk), or its namesake city holding a large
		// share of its people (New York City in New York).
		for _, c := range order {
			en := &g.Entries[c]
			if en.Feature != "ADM1" {
				continue
			}
			for j, c2 := range order {
				e2 := &g.Entries[c2]
				if e2.Country != en.Country || e2.Admin1 != en.Admin1 || !seen[c2].primary || !strings.HasPrefix(e2.Feature, "PPL") {
					continue
				}
				seat := e2.Feature == "PPLA" || e2.Feature == "PPLC"
				dominant := float64(e2.Population) >= w.NamesakeShare*float64(en.Population)
				if seat || dominant {
					prior[j] += w.DivisionSeat
				}
				if seat && dominant {
					prior[j] += w.DominantSeat
				}
				if !seat && dominant {
					prior[j] += w.Namesake
				}
			}
		}
	}
	if w.AltShadow != 0 {
		// An alternate name that is the main name of a sizeable place is that place's ("Rome" is not an old
		// name of Washington, D.C. here).
		shadow := false
		for _, c := range order {
			if en := &g.Entries[c]; seen[c].primary && (en.Population >= 50000 || en.Feature == "PPLA" || en.Feature == "PPLC" || isDivision(en.Feature)) {
				shadow = true
			}
		}
		if shadow {
			for i, c := range order {
				if !seen[c].primary {
					prior[i] += w.AltShadow
				}
			}
		}
	}
	if len(order) > maxCandidates {
		idx := make([]int, len(order))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool { return prior[idx[a]] > prior[idx[b]] })
		idx = idx[:maxCandidates]
		o2, p2 := make([]int32, len(idx)), make([]float64, len(idx))
		for i, j := range idx {
			o2[i], p2[i] = order[j], prior[j]
		}
		order, prior = o2, p2
	}
	return order, prior, contained
}

// found marks a candidate of candidates: primary when the name is its main name.
type found struct {
	primary bool
}

// demonymCountry adds the countries and continents of demonym key k to order; it reports whether it found any.
func (r *Resolver) demonymCountry(k string, seen map[int32]found, order *[]int32) bool {
	g := r.gaz
	for _, c := range g.demonyms[k] {
		if f := g.Entries[c].Feature; isCountry(f) || f == "CONT" {
			if _, dup := seen[c]; !dup {
				seen[c] = found{true}
				*order = append(*order, c)
			}
		}
	}
	return len(*order) > 0
}

// stateHouse are the names of a state's capitol.
var stateHouse = map[string]bool{"capitol": true, "statehouse": true, "state house": true, "capitol building": true}

// ministryWord are words of the names of a government's ministries, which sit in its capital.
var ministryWord = map[string]bool{"ministry": true, "ministries": true}

func hasWord(words []string, set map[string]bool) bool {
	for _, w := range words {
		if set[strings.Trim(w, ".,;:'’")] {
			return true
		}
	}
	return false
}

// genericWord are words that name no place on their own inside a longer name ("South Ossetia" is not in
// "South" province).
var genericWord = map[string]bool{"north": true, "south": true, "east": true, "west": true, "central": true,
	"northern": true, "southern": true, "eastern": true, "western": true, "upper": true, "lower": true, "new": true,
	"old": true, "great": true, "greater": true, "saint": true, "san": true, "santa": true, "united": true,
	"republic": true, "state": true, "city": true, "county": true, "island": true, "islands": true, "lake": true,
	"river": true, "mount": true, "fort": true, "port": true, "center": true, "centre": true, "valley": true}

// compassWord are words that name a part of the place after them.
var compassWord = map[string]bool{"north": true, "south": true, "east": true, "west": true, "central": true,
	"northern": true, "southern": true, "eastern": true, "western": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "upper": true, "lower": true, "greater": true}

var genericWords = []string{" county", " township", " borough", " village", " city", " town", " area", " region",
	" province", " state", " parish", " district", " metro", " metropolitan area"}

// stripGeneric drops one trailing generic word ("Greene Township" → "Greene"), or "" when there is none.
func stripGeneric(name string) string {
	l := strings.ToLower(strings.TrimSpace(name))
	for _, s := range genericWords {
		if strings.HasSuffix(l, s) && len(l) > len(s)+2 {
			return strings.TrimSpace(name)[:len(l)-len(s)]
		}
	}
	for _, p := range []string{"city of ", "town of ", "state of ", "county of ", "village of "} {
		if strings.HasPrefix(l, p) && len(l) > len(p)+2 {
			return strings.TrimSpace(name)[len(p):]
		}
	}
	return ""
}

// patternDivision finds "Name, State" or "Name, Country" after a mention of e and returns the division's
// country and first-level code (a1 "" for a country).
func (r *Resolver) patternDivision(d *doc.Document, e *doc.Entity) (cc, a1 string, ok bool) {
	g := r.gaz
	for _, m := range e.Mentions {
		if m.Kind == doc.KindPronoun || m.End <= 0 || m.End > len(d.Text) {
			continue
		}
		rest := d.Text[m.End:]
		rest = strings.TrimLeft(rest, " ")
		if !strings.HasPrefix(rest, ",") {
			continue
		}
		rest = strings.TrimLeft(rest[1:], " ")
		if strings.HasPrefix(rest, "the ") || strings.HasPrefix(rest, "and ") {
			continue // a list ("Mexico, the US"), not a division
		}
		// Up to four words, stopping at punctuation other than '.' and '\''.
		end, words := 0, 0
		var cands []int
		for i := 0; i <= len(rest) && words < 4; i++ {
			if i == len(rest) || rest[i] == ' ' || rest[i] == ',' || rest[i] == ';' || rest[i] == ')' || rest[i] == '\n' || rest[i] == '"' {
				if i > end {
					words++
					cands = append(cands, i)
				}
				if i == len(rest) || rest[i] != ' ' {
					break
				}
				end = i + 1
			}
		}
		for k := len(cands) - 1; k >= 0; k-- {
			phrase := strings.TrimRight(rest[:cands[k]], ".")
			for _, variant := range []string{rest[:cands[k]], phrase} {
				for _, c := range g.lookup(Normalize(variant)) {
					en := &g.Entries[c.idx]
					if en.Feature == "ADM1" {
						return en.Country, en.Admin1, true
					}
					if isCountry(en.Feature) && c.primary {
						return en.Country, "", true
					}
				}
			}
		}
	}
	return "", "", false
}

func isDivision(feature string) bool {
	return isCountry(feature) || strings.HasPrefix(feature, "ADM") || feature == "CONT" || feature == "RGN"
}

func isCountry(feature string) bool {
	switch feature {
	case "PCLI", "PCLD", "PCLS", "PCLF", "PCLIX", "TERR":
		return true
	}
	return false
}

// evidence holds what the other places of the article say: their countries, divisions and points.
type evidence struct {
	g        *Gazetteer
	w        Weights
	country  map[string]float64
	admin1   map[string]float64
	byEntity map[int]chosen
	points   []pt
	// grid buckets points by cells of cell degrees, so that a nearness test costs O(1) per point nearby.
	grid map[[2]int][]pt
	cell float64
}

// nearby reports whether a point of another entity lies within NearKm of (lat, lon).
func (c *evidence) nearby(lat, lon float64, ent int) bool {
	if c.grid == nil {
		c.cell = math.Max(c.w.NearKm/111.19, 0.01) // a degree of latitude is 111.19 km
		c.grid = map[[2]int][]pt{}
		for _, p := range c.points {
			k := [2]int{int(math.Floor(p.lat / c.cell)), int(math.Floor(p.lon / c.cell))}
			c.grid[k] = append(c.grid[k], p)
		}
	}
	la := int(math.Floor(lat / c.cell))
	// Cells in longitude shrink towards the poles: look as many cells east and west as NearKm spans there.
	span := 1
	if cosLat := math.Cos(math.Min(math.Abs(lat)+c.cell, 89.9) * math.Pi / 180); cosLat > 0 {
		span = int(math.Ceil(1/cosLat)) + 1
	}
	span = min(span, int(360/c.cell)+1)
	lo := int(math.Floor(lon / c.cell))
	for i := la - 1; i <= la+1; i++ {
		for j := lo - span; j <= lo+span; j++ {
			for _, p := range c.grid[[2]int{i, j}] {
				if p.ent != ent && HaversineKm(lat, lon, p.lat, p.lon) <= c.w.NearKm {
					return true
				}
			}
		}
	}
	return false
}

type chosen struct {
	en   *Entry
	conf float64
}

type pt struct {
	ent      int
	lat, lon float64
}

func newContext(g *Gazetteer, w Weights, items []item, home *Entry) *evidence {
	c := &evidence{g: g, w: w, country: map[string]float64{}, admin1: map[string]float64{}, byEntity: map[int]chosen{}}
	if home != nil && w.Home > 0 {
		c.country[home.Country] += w.Home
		c.admin1[home.Country+"."+home.Admin1] += w.Home
		c.points = append(c.points, pt{-1, home.Lat, home.Lon})
	}
	for i := range items {
		it := &items[i]
		if it.choice < 0 {
			continue
		}
		en := &g.Entries[it.cands[it.choice]]
		c.byEntity[it.ent] = chosen{en, it.conf}
		c.country[en.Country] += it.conf
		if en.Admin1 != "" && !isCountry(en.Feature) {
			// A city of millions is news far beyond its state: it says nothing of which state's towns the
			// article is about ("New York City" does not make "Boston" the one in New York).
			if w.BigCity <= 0 || !strings.HasPrefix(en.Feature, "PPL") || float64(en.Population) <= w.BigCity {
				c.admin1[en.Country+"."+en.Admin1] += it.conf
			}
		}
		if w.CapitalNear && (en.Feature == "BLDG" || en.Feature == "PPLC" || (strings.HasPrefix(en.Feature, "PPL") && w.BigCity > 0 && float64(en.Population) > w.BigCity)) {
			continue
		}
		if !isCountry(en.Feature) && en.Feature != "CONT" && en.Feature != "ADM1" && en.Feature != "RGN" && en.Feature != "OCN" {
			c.points = append(c.points, pt{it.ent, en.Lat, en.Lon})
		}
	}
	return c
}

// local reports whether the other entities give en evidence of its own first-level division or neighbourhood.
func (c *evidence) local(en *Entry, ent int) bool {
	if en.Admin1 != "" {
		n := c.admin1[en.Country+"."+en.Admin1]
		if me, ok := c.byEntity[ent]; ok && me.en.Country == en.Country && me.en.Admin1 == en.Admin1 && !isCountry(me.en.Feature) {
			n -= me.conf
		}
		if n > 1e-9 {
			return true
		}
	}
	return c.w.Near != 0 && c.nearby(en.Lat, en.Lon, ent)
}

// score is the context term for candidate en of entity ent: the evidence of the other entities only.
func (c *evidence) score(en *Entry, ent int, scale float64) float64 {
	me, ok := c.byEntity[ent]
	self := me.en
	if !ok {
		self = nil
	}
	own := func(m map[string]float64, key string, mine bool) float64 {
		n := m[key]
		if mine {
			n -= me.conf // only the other entities are evidence
		}
		if n < 0 {
			n = 0
		}
		return n
	}
	var s float64
	if en.Country != "" {
		mine := self != nil && self.Country == en.Country
		s += scale * c.w.Country * math.Log1p(own(c.country, en.Country, mine))
	} else if c.w.Stateless {
		// An ocean, sea or continent lies in no one country: it competes with the best-supported one.
		best := 0.0
		for k, n := range c.country {
			if self != nil && self.Country == k {
				n -= me.conf
			}
			best = math.Max(best, n)
		}
		s += scale * c.w.Country * math.Log1p(best)
	}
	if en.Admin1 != "" && !isCountry(en.Feature) {
		key := en.Country + "." + en.Admin1
		mine := self != nil && !isCountry(self.Feature) && self.Country+"."+self.Admin1 == key
		s += c.w.Admin1 * math.Log1p(own(c.admin1, key, mine))
	}
	if c.w.Near != 0 && !isCountry(en.Feature) && en.Feature != "CONT" && en.Feature != "ADM1" {
		if c.nearby(en.Lat, en.Lon, ent) {
			s += c.w.Near
		}
	}
	return s
}

// homeCands are the populated places of country cc whose main name has key ("" key: none).
func (r *Resolver) homeCands(key, cc string) []int32 {
	if key == "" {
		return nil
	}
	var out []int32
	for _, c := range r.gaz.lookup(key) {
		if en := &r.gaz.Entries[c.idx]; c.primary && strings.HasPrefix(en.Feature, "PPL") && en.Country == cc {
			out = append(out, c.idx)
		}
	}
	return out
}

// homePlace finds the town a local publication is named after in its domain ("columbuslocalnews.com" →
// Columbus, "jordannews.com" → Jordan): the longest prefix (at least 5 letters) of the domain's main label that
// is the one-word name of a populated place of the publication's country (the United States for generic
// domains). It returns that name's key and, when one has at least 20,000 people, the most populous such place
// (nil otherwise).
func (r *Resolver) homePlace(url, pub string, generic bool) (string, *Entry) {
	label := domainLabel(url)
	if len(label) < 5 {
		return "", nil
	}
	if pub == "" && generic {
		pub = "US"
	}
	if pub == "" {
		return "", nil
	}
	var key string
	var best *Entry
	for _, p := range []string{"the", "my"} { // "theparisnews" is named after Paris
		if strings.HasPrefix(label, p) && len(label) >= len(p)+5 {
			if k, _ := r.homePlace(label[len(p):]+".com", pub, false); k != "" {
				label = label[len(p):]
			}
		}
	}
	for n := min(len(label), 16); n >= 5 && key == ""; n-- {
		for _, c := range r.gaz.lookup(label[:n]) {
			en := &r.gaz.Entries[c.idx]
			if !c.primary || !strings.HasPrefix(en.Feature, "PPL") || en.Country != pub {
				continue
			}
			key = label[:n]
			if en.Population >= 20000 && (best == nil || en.Population > best.Population) {
				best = en
			}
		}
	}
	return key, best
}

// genericDomain reports whether the URL's host ends in .com, .net or .org.
func genericDomain(url string) bool {
	host := url
	if i := strings.Index(host, "://"); i >= 0 {
		host = host[i+3:]
	}
	if i := strings.IndexAny(host, "/:?#"); i >= 0 {
		host = host[:i]
	}
	host = strings.ToLower(host)
	return strings.HasSuffix(host, ".com") || strings.HasSuffix(host, ".net") || strings.HasSuffix(host, ".org")
}

// domainLabel is the registered label of a URL's host, lower case ("www.columbuslocalnews.com" →
// "columbuslocalnews"; "thisisoxfordshire.co.uk" → "thisisoxfordshire").
func domainLabel(url string) string {
	host := url
	if i := strings.Index(host, "://"); i >= 0 {
		host = host[i+3:]
	}
	if i := strings.IndexAny(host, "/:?#"); i >= 0 {
		host = host[:i]
	}
	parts := strings.Split(strings.ToLower(strings.TrimSuffix(host, ".")), ".")
	for len(parts) > 1 {
		last := parts[len(parts)-1]
		if len(last) == 2 || last == "com" || last == "org" || last == "net" || last == "co" || last == "gov" || last == "edu" || last == "info" || last == "news" {
			parts = parts[:len(parts)-1]
			continue
		}
		break
	}
	if len(parts) == 0 {
		return ""
	}
	l := parts[len(parts)-1]
	if l == "www" {
		return ""
	}
	return strings.ReplaceAll(l, "-", "")
}

// publicationCountry guesses the publication's country from a country-code top-level domain ("" when the
// URL says nothing, as for .com).
func publicationCountry(url string) string {
	if url == "" {
		return ""
	}
	host := url
	if i := strings.Index(host, "://"); i >= 0 {
		host = host[i+3:]
	}
	if i := strings.IndexAny(host, "/:?#"); i >= 0 {
		host = host[:i]
	}
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	i := strings.LastIndexByte(host, '.')
	if i < 0 {
		return ""
	}
	tld := host[i+1:]
	switch tld {
	case "uk":
		return "GB"
	case "ca", "au", "nz", "ie", "in", "za", "ng", "ke", "pk", "ph", "sg", "my", "il", "ae", "jm", "gh":
		return strings.ToUpper(tld)
	}
	return ""
}

// HaversineKm is the great-circle distance on a sphere of radius 6371 km (the reference scorer's haversine_km).
func HaversineKm(lat1, lon1, lat2, lon2 float64) float64 {
	const rad = math.Pi / 180
	p1, p2 := lat1*rad, lat2*rad
	dp, dl := p2-p1, (lon2-lon1)*rad
	h := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * 6371 * math.Asin(math.Min(1, math.Sqrt(h)))
}

// kindOf groups feature codes for list agreement: countries, first-level divisions, populated places, other.
func kindOf(feature string) int {
	switch {
	case isCountry(feature):
		return 1
	case feature == "ADM1":
		return 2
	case strings.HasPrefix(feature, "PPL"):
		return 3
	}
	return 0
}

// divisionAfter and divisionBefore are words next to a name that make it a state or province.
var (
	divisionAfter  = []string{" Gov.", " Gov ", " Governor", " governor", " state ", " State ", " state,", " state.", " Legislature", " legislature", " Assembly", " General Assembly"}
	divisionBefore = []string{"upstate ", "Upstate ", "state of ", "State of ", "governor of ", "Governor of ", "downstate "}
)

// typeCues adds to the priors what the text around each mention says of the kind of place it is: words that
// make it a state (DivisionCue), the second half of "City, State" (DivisionCue to the division holding one of
// the first half's candidates), and its neighbours in a list (ListType to the kind of their likeliest reading).
func (r *Resolver) typeCues(d *doc.Document, items []item) {
	g, w := r.gaz, r.w
	starts, ends := map[int]int{}, map[int]int{}
	for i := range items {
		for _, m := range d.Entities[items[i].ent].Mentions {
			if m.Kind == doc.KindPronoun || m.Start < 0 || m.End > len(d.Text) || m.Start >= m.End {
				continue
			}
			starts[m.Start], ends[m.End] = i, i
		}
	}
	best := make([]int, len(items)) // kind of each item's likeliest candidate by prior, -1 when none
	for i := range items {
		best[i] = -1
		bp := math.Inf(-1)
		for k, c := range items[i].cands {
			if items[i].prior[k] > bp {
				bp, best[i] = items[i].prior[k], kindOf(g.Entries[c].Feature)
			}
		}
	}
	for i := range items {
		it := &items[i]
		if len(it.cands) == 0 {
			continue
		}
		cue := false
		listKinds := map[int]bool{}
		var pairWith []int
		for _, m := range d.Entities[it.ent].Mentions {
			if m.Kind == doc.KindPronoun || m.Start < 0 || m.End > len(d.Text) || m.Start >= m.End {
				continue
			}
			before, after := d.Text[:m.Start], d.Text[m.End:]
			for _, s := range divisionAfter {
				if strings.HasPrefix(after, s) {
					cue = true
				}
			}
			for _, s := range divisionBefore {
				if strings.HasSuffix(before, s) {
					cue = true
				}
			}
			// Neighbours: the mention ending just before and the one starting just after, with the separator.
			left, right := -1, -1
			leftSep, rightSep := "", ""
			for _, sep := range []string{", and ", ", or ", " and ", " or ", ", "} {
				if j, ok := ends[m.Start-len(sep)]; ok && left < 0 && strings.HasSuffix(before, sep) && j != i {
					left, leftSep = j, sep
				}
				if j, ok := starts[m.End+len(sep)]; ok && right < 0 && strings.HasPrefix(after, sep) && j != i {
					right, rightSep = j, sep
				}
			}
			if left >= 0 && leftSep == ", " && right < 0 {
				pairWith = append(pairWith, left) // "the Bronx, New York"
			}
			list := (left >= 0 && right >= 0) || (left >= 0 && leftSep != ", ") || (right >= 0 && rightSep != ", ")
			if list {
				for _, j := range []int{left, right} {
					if j >= 0 && best[j] > 0 {
						listKinds[best[j]] = true
					}
				}
			}
		}
		for k, c := range it.cands {
			en := &g.Entries[c]
			if en.Feature == "ADM1" {
				if cue {
					it.prior[k] += w.DivisionCue
				} else {
				pair:
					for _, j := range pairWith {
						for _, c2 := range items[j].cands {
							if e2 := &g.Entries[c2]; e2.Country == en.Country && e2.Admin1 == en.Admin1 && c2 != c && !isCountry(e2.Feature) {
								it.prior[k] += w.DivisionCue
								break pair
							}
						}
					}
				}
			}
			if listKinds[kindOf(en.Feature)] {
				it.prior[k] += w.ListType
			}
		}
	}
}

// arabicArticle returns spellings of a one- or two-word name with the Arabic article added or dropped: "Qamishli"
// → "Al Qamishli"; "al-Tanf" → "Tanf", "At Tanf" (the article assimilates to a following sun letter).
func arabicArticle(name string) []string {
	name = strings.TrimSpace(name)
	if name == "" || strings.Count(name, " ") > 1 {
		return nil
	}
	l := strings.ToLower(name)
	for _, p := range []string{"al-", "al ", "el-", "el ", "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-", "ad ", "ar ", "as ", "ash ", "at ", "az ", "an "} {
		if strings.HasPrefix(l, p) && len(l) > len(p)+2 {
			rest := name[len(p):]
			return []string{rest, "Al " + rest, strings.ToUpper(p[:1]) + p[1:len(p)-1] + " " + rest}
		}
	}
	out := []string{"Al " + name, "El " + name}
	if r := strings.ToLower(name[:1]); strings.Contains("tdsrzln", r) {
		// Sun letters: "Tanf" → "At Tanf", "Raqqa" → "Ar Raqqa".
		out = append(out, "A"+r+" "+name)
		if strings.HasPrefix(strings.ToLower(name), "sh") {
			out = append(out, "Ash "+name)
		}
	}
	return out
}
