package entity

import (
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/internal/entity/lexicon"
	"github.com/newsgraph/newsgraph/internal/place"
)

// places is the place stage's gazetteer (GeoNames), loaded once per process and shared with that stage. It
// is the evidence for repairing the tagger's types of one-word place names; nil when it cannot be loaded.
var places = sync.OnceValue(func() *place.Gazetteer {
	g, err := place.LoadGazetteer()
	if err != nil {
		return nil
	}
	return g
})

// Place sizes that make a one-word name read as a place rather than a surname or an organization.
const (
	minCapital = 100_000   // a national capital (PPLC) at least this large
	minCity    = 1_000_000 // any other populated place at least this large
)

// placeClass says what a one-word name (not an acronym) is as the main name of a gazetteer place: 2 for a country or a national capital of
// minCapital people or more, 1 for another populated place of minCity people or more, 0 otherwise.
// Divisions (ADM1, ADM2) do not count: their population is a sum and their names are often people's.
func placeClass(name string) int {
	g := places()
	if g == nil || strings.ContainsAny(name, " -") || acronym(name) != "" {
		return 0
	}
	best := 0
	norm := place.Normalize(name)
	for _, i := range g.Lookup(name) {
		e := &g.Entries[i]
		if place.Normalize(e.Name) != norm {
			continue // an alternate name: "Philadelphia" for Amman
		}
		switch {
		case strings.HasPrefix(e.Feature, "PCL"), e.Feature == "PPLC" && e.Population >= minCapital:
			return 2
		case strings.HasPrefix(e.Feature, "PPL") && e.Population >= minCity:
			best = 1
		}
	}
	return best
}

// knownPlace reports whether the gazetteer has any place of that name.
func knownPlace(name string) bool {
	g := places()
	return g == nil || len(g.Lookup(name)) > 0
}

// majorPlace reports whether word is the main name of a country, first-level division, continent or region,
// or of a place of 100,000 people or more: "Washington" beside "George Washington" stays a place, while
// "Rubio" (a town of 50,000) beside "Marco Rubio" is his surname.
func majorPlace(word string) bool {
	g := places()
	if g == nil {
		return true
	}
	norm := place.Normalize(word)
	for _, i := range g.Lookup(word) {
		e := &g.Entries[i]
		if place.Normalize(e.Name) != norm {
			continue
		}
		if strings.HasPrefix(e.Feature, "PCL") || e.Feature == "ADM1" || e.Feature == "CONT" || e.Feature == "RGN" || e.Population >= minCapital {
			return true
		}
	}
	return false
}

// personVerbs follow a name only when it names a person: "Kyiv said" is the government (a place, as CoNLL
// tags such capitals), "Kyiv died" is not.
var personVerbs = map[string]bool{
	"born": true, "died": true, "dies": true, "married": true, "marries": true, "smiled": true, "laughed": true,
	"resigned": true, "retired": true, "testified": true, "pleaded": true, "apologized": true, "apologised": true,
	"tweeted": true, "himself": true, "herself": true,
}

// repairTypes corrects the tagger's type of one-word names with evidence from the gazetteer and the article
// (the tagger itself is not changed):
//
//   - a "person" named only by one word that is a country, a national capital or a city of a million people
//     ("Kyiv reports gains", "Bratislava"), with no given name, no title or honorific, not itself a given name
//     and never followed by a verb only people do, is a place;
//   - an "organization" named only by a country or national capital ("Kyiv's red lines"), not a known
//     organization, is a place: CoNLL tags such metonymic capitals LOC;
//   - a "place" the gazetteer does not know that is only named as a credit, in parentheses after a dateline
//     ("PARIS (Continental Wire) —") or after a copyright sign ("© 2025 Continental Wire"), is an
//     organization: the wire service or publisher;
//   - an "organization" or "place" named only by a word that is the surname of exactly one person named in
//     full in the article, and that the gazetteer does not know as a place nor the lexicon as an
//     organization, is that person (a headline "Zelensky presses EU leaders" tagged LOC);
//   - a "place" or "person" named only by a word the gazetteer does not know and that always follows "on" or
//     "via" after a verb of writing or posting ("wrote on Telegram", "follow us on Telegram") is an
//     organization: a platform (not "an earthquake on Sumatra").
//
// It runs after titles (whose evidence it reads) and before coreference, so that no pronoun or description
// is linked to a place.
func (r *run) repairTypes() {
	for _, e := range r.ents {
		if len(e.mentions) == 0 || e.isCountry || e.lexOrg != nil || e.nwords > 1 {
			continue
		}
		if e.typeName() == "LOC" && r.credit(e) {
			r.retype(e, "ORG")
			continue
		}
		word := oneWord(e.surfaces)
		if word == "" {
			continue
		}
		switch e.typeName() {
		case "PERSON":
			if e.given != "" || len(e.titles) > 0 || e.gender != 0 || r.followedBy(e, personVerbs) {
				continue
			}
			if r.platform(e, word) {
				r.retype(e, "ORG")
				continue
			}
			if _, ok := lexicon.GivenName(word); ok || placeClass(word) == 0 {
				continue
			}
		case "ORG", "LOC":
			if p := r.surnameOf(word); p != nil {
				r.merge(p, e)
				continue
			}
			if e.typeName() == "LOC" {
				if !r.platform(e, word) {
					continue
				}
				r.retype(e, "ORG")
				continue
			}
			if placeClass(word) < 2 {
				continue
			}
		default:
			continue
		}
		r.retype(e, "LOC")
	}
}

var platformPrep = map[string]bool{"on": true, "via": true}

// platform reports whether a one-word name, no acronym and no place the gazetteer knows, is only read "on"
// or "via" after a verb of posting: a medium ("wrote on Telegram").
func (r *run) platform(e *ent, word string) bool {
	return acronym(word) == "" && !knownPlace(word) && r.allAfter(e, platformPrep)
}

// postVerbs are the words before "on" that make what follows a medium: "wrote on", "follow us on".
var postVerbs = map[string]bool{
	"wrote": true, "writes": true, "write": true, "written": true, "posted": true, "posts": true, "post": true,
	"said": true, "says": true, "published": true, "shared": true, "announced": true, "tweeted": true,
	"us": true, "streamed": true, "broadcast": true, "message": true, "messages": true, "channel": true,
	"statement": true, "video": true,
}

// oneWord returns the name of an entity all of whose name surfaces are one and the same word (up to case),
// or "".
func oneWord(surfaces []string) string {
	if len(surfaces) == 0 {
		return ""
	}
	w := surfaces[0]
	for _, s := range surfaces {
		if strings.ContainsAny(s, " -") || !strings.EqualFold(s, w) {
			return ""
		}
	}
	return w
}

// credit reports whether every name mention of e is a credit line's: "(NAME) —" right after a place name
// that opens its sentence (a dateline), or NAME after "©" or "Copyright" and an optional year; and the
// gazetteer does not know the name as a place.
func (r *run) credit(e *ent) bool {
	seen := false
	for _, m := range r.ms {
		if m.e != e {
			continue
		}
		if !r.creditAt(m) {
			return false
		}
		seen = true
	}
	return seen && !knownPlace(e.surfaces[0])
}

func (r *run) creditAt(m mention) bool {
	k := m.ws - 1
	if k >= 0 && (r.w[k].lower == "©" || r.w[k].lower == "copyright") {
		return true
	}
	if k >= 0 && allDigits(r.w[k].text) && k > 0 && (r.w[k-1].lower == "©" || r.w[k-1].lower == "copyright") {
		return true
	}
	if k < 1 || r.w[k].text != "(" || m.we+1 >= len(r.w) || r.w[m.we].text != ")" || !dash[r.w[m.we+1].text] {
		return false
	}
	mi := r.inName[k-1]
	if mi < 0 || r.ms[mi].e == nil || r.ms[mi].e.typeName() != "LOC" {
		return false
	}
	d := r.ms[mi]
	return d.ws == 0 || r.w[d.ws-1].sent != r.w[d.ws].sent
}

// dash are the words that close a dateline: "PARIS (Reuters) -".
var dash = map[string]bool{"—": true, "–": true, "-": true, "--": true}

// surnameOf returns the one person named in full in the article whose surname is word, when word is no
// major place (see majorPlace), known organization or acronym; else nil.
func (r *run) surnameOf(word string) *ent {
	if acronym(word) != "" || majorPlace(word) {
		return nil
	}
	if _, ok := lexicon.LookupOrg(word); ok {
		return nil
	}
	var found *ent
	for _, sk := range surnameKeys(match(fold(word))) {
		for _, p := range r.bySurname[sk] {
			if p.given == "" || !p.isPerson() || found != nil && found != p {
				if found != nil && found != p {
					return nil
				}
				continue
			}
			found = p
		}
	}
	return found
}

// merge moves the mentions of entity from into entity into.
func (r *run) merge(into, from *ent) {
	for i := range r.ms {
		if r.ms[i].e == from {
			r.ms[i].e = into
			r.ms[i].typ = "PER"
		}
	}
	into.mentions = append(into.mentions, from.mentions...)
	into.surfaces = append(into.surfaces, from.surfaces...)
	for i, v := range from.votes {
		into.votes[0] += v
		_ = i
	}
	for f, e := range r.byForm {
		if e == from {
			r.byForm[f] = into
		}
	}
	from.mentions, from.surfaces, from.votes = nil, nil, [4]int{}
}

// retype gives an entity the votes of one type and its mentions that type.
func (r *run) retype(e *ent, typ string) {
	n := 0
	for _, v := range e.votes {
		n += v
	}
	e.votes = [4]int{}
	e.votes[typeIndex(typ)] = max(n, 1)
	if typ != "PER" {
		e.given, e.surname, e.nwords = "", "", 0
	}
	for i := range r.ms {
		if r.ms[i].e == e {
			r.ms[i].typ = typ
		}
	}
}

// followedBy reports whether a name mention of e is followed by one of the words.
func (r *run) followedBy(e *ent, words map[string]bool) bool {
	for _, m := range r.ms {
		if m.e == e && m.we < len(r.w) && words[r.w[m.we].lower] {
			return true
		}
	}
	return false
}

// allAfter reports whether every name mention of e follows one of the words, itself after one of postVerbs.
func (r *run) allAfter(e *ent, words map[string]bool) bool {
	seen := false
	for _, m := range r.ms {
		if m.e != e {
			continue
		}
		if m.ws < 2 || !words[r.w[m.ws-1].lower] || !postVerbs[r.w[m.ws-2].lower] {
			return false
		}
		seen = true
	}
	return seen
}
