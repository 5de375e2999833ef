package entity

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/entity/lexicon"
)

func (e *ent) isPerson() bool { return !e.isCountry && e.lexOrg == nil && e.typeName() == "PERSON" }

// titleWord reports whether w may stand in a title phrase, and whether it is a role noun (head).
func titleWord(w word) (ok, head bool) {
	lw := lexicon.LookupWord(w.lower)
	if lw == nil || lw.Hon {
		return false, false
	}
	return lw.Head || lw.Mod, lw.Head
}

// titles finds the roles of people in premodifiers ("UK Prime Minister Keir Starmer", "Trump's envoy Steve
// Witkoff") and appositions ("Mark Rutte, NATO's secretary general,"), with the country or organization that
// qualifies them, and honorifics that give a gender ("Mr.", "Mrs.").
func (r *run) titles() {
	for i := range r.ms {
		m := &r.ms[i]
		if !m.e.isPerson() {
			continue
		}
		r.premodifier(m)
		r.apposition(m)
	}
}

func (r *run) premodifier(m *mention) {
	i := m.ws - 1
	sent := r.w[m.ws].sent
	inSent := func(k int) bool { return k >= 0 && k < len(r.w) && r.w[k].sent == sent && r.inName[k] < 0 }
	if inSent(i) {
		if lw := lexicon.LookupWord(r.w[i].lower); lw != nil && lw.Hon {
			if m.e.gender == 0 {
				m.e.gender = lw.Gender
			}
			i--
		}
	}
	end := i + 1
	for inSent(i) {
		if ok, _ := titleWord(r.w[i]); ok {
			i--
			continue
		}
		if r.w[i].lower == "of" && inSent(i-1) && i+1 < end {
			if ok, _ := titleWord(r.w[i-1]); ok {
				i--
				continue
			}
		}
		break
	}
	start := i + 1
	// "head of President Volodymyr Zelensky's office", "the wife of President X": a role of someone else
	// governs "of TITLE NAME"; only TITLE is this person's.
	for o := end - 2; o > start; o-- {
		if r.w[o].lower == "of" && ownRole(r.w[o+1:end]) {
			start, i = o+1, o
			break
		}
	}
	for start < end && r.w[start].lower == "of" {
		start++
	}
	if start == end && inSent(m.ws-1) && r.w[m.ws-1].text == "," {
		r.preApposition(m)
		return
	}
	if !r.addTitle(m.e, start, end) {
		return
	}
	r.qualifier(m.e, i, sent)
	// "President Emmanuel Macron of France"
	if k := m.we; k+1 < len(r.w) && r.w[k].lower == "of" && r.w[k+1].sent == sent {
		if k+2 < len(r.w) && r.w[k+1].lower == "the" {
			k++
		}
		if mi := r.inName[k+1]; mi >= 0 {
			r.qualify(m.e, r.ms[mi].e)
		}
	}
}

// ownRole reports whether a title phrase after "of" holds a capitalised role noun that never stands as the
// domain of another title: "President" in "head of President ...", not "Justice" in "Minister of Justice".
func ownRole(ws []word) bool {
	for _, w := range ws {
		if lw := lexicon.LookupWord(w.lower); lw != nil && lw.Head && !lw.Mod && w.cap {
			return true
		}
	}
	return false
}

// preApposition reads "the [qualifier] TITLE [of [the] ORG/COUNTRY], NAME" ("The UN secretary-general, António
// Guterres, said"): the title phrase must open its sentence or follow "the" or a possessive, and the name must
// close the apposition.
func (r *run) preApposition(m *mention) {
	sent := r.w[m.ws].sent
	ok := func(k int) bool { return k >= 0 && k < len(r.w) && r.w[k].sent == sent }
	if ok(m.we) && !appositionEnd[r.w[m.we].text] {
		return // "the president, Anna Berg and others": a list
	}
	k := m.ws - 2 // the word before the comma
	var post *ent
	if ok(k) && r.inName[k] >= 0 {
		mi := r.inName[k]
		j := r.ms[mi].ws - 1
		if ok(j) && r.w[j].lower == "the" {
			j--
		}
		if !ok(j) || r.w[j].lower != "of" && r.w[j].lower != "at" && r.w[j].lower != "for" {
			return
		}
		post, k = r.ms[mi].e, j-1
	}
	end := k + 1
	for ok(k) && r.inName[k] < 0 {
		if tw, _ := titleWord(r.w[k]); tw {
			k--
			continue
		}
		break
	}
	start := k + 1
	if start == end {
		return
	}
	// what precedes: sentence start, "the", a possessive, or a qualifier then one of those
	q := k
	if ok(q) && (r.inName[q] >= 0 || r.w[q].cap) && r.w[q].lower != "the" {
		if mi := r.inName[q]; mi >= 0 {
			q = r.ms[mi].ws - 1
		} else {
			q--
		}
	}
	if ok(q) && r.w[q].lower != "the" && r.w[q].lower != "'s" && r.w[q].lower != "’s" {
		return
	}
	if !r.addTitle(m.e, start, end) {
		return
	}
	r.qualifier(m.e, k, sent)
	if post != nil {
		r.qualify(m.e, post)
	}
}

// qualifier reads the word before a title phrase (at k): a country, demonym or organization, or a possessive.
func (r *run) qualifier(e *ent, k, sent int) {
	if k < 0 || r.w[k].sent != sent {
		return
	}
	if r.w[k].lower == "'s" || r.w[k].lower == "’s" {
		k--
		if k < 0 || r.w[k].sent != sent {
			return
		}
	}
	if mi := r.inName[k]; mi >= 0 {
		r.qualify(e, r.ms[mi].e)
		return
	}
	if c, ok := lexicon.DemonymCode(r.w[k].text); ok && r.w[k].cap {
		r.setCountry(e, c)
		return
	}
	if c := r.countryOf(r.w[k].text); c != "" && r.w[k].cap {
		r.setCountry(e, c)
	}
}

func (r *run) qualify(e, q *ent) {
	switch {
	case q == e:
	case q.isCountry:
		r.setCountry(e, q.country)
	case q.lexOrg != nil || q.typeName() == "ORG":
		if e.org == nil {
			e.org = q
		}
	}
}

func (r *run) setCountry(e *ent, c string) {
	if e.country == "" {
		e.country = c
	}
}

// addTitle records words [start, end) as a title of e when they hold a role noun. It reports whether it did.
func (r *run) addTitle(e *ent, start, end int) bool {
	if start >= end {
		return false
	}
	hasHead := false
	var parts []string
	for k := start; k < end; k++ {
		w := r.w[k]
		_, head := titleWord(w)
		hasHead = hasHead || head
		parts = append(parts, titleCase(w.text))
	}
	if !hasHead {
		return false
	}
	t := strings.Join(parts, " ")
	for _, x := range e.titles {
		if strings.EqualFold(x, t) {
			return true
		}
	}
	e.titles = append(e.titles, t)
	for k := start; k < end; k++ {
		if lw := lexicon.LookupWord(r.w[k].lower); lw != nil && lw.Head {
			if lw.Leader {
				e.leader = true
			}
			if lw.Gender != 0 && e.gender == 0 {
				e.gender = lw.Gender
			}
		}
	}
	e.titleForms = append(e.titleForms, strings.ToLower(strings.Join(stripFormer(parts), " ")))
	return true
}

func stripFormer(parts []string) []string {
	for len(parts) > 1 {
		switch strings.ToLower(parts[0]) {
		case "former", "acting", "then", "ex":
			parts = parts[1:]
			continue
		}
		break
	}
	return parts
}

// titleCase capitalises each part of a title word except linking words: "secretary-general" → "Secretary-General".
func titleCase(s string) string {
	switch strings.ToLower(s) {
	case "of", "for", "and", "the":
		return strings.ToLower(s)
	}
	if strings.ToUpper(s) == s {
		return s // CEO
	}
	parts := strings.Split(s, "-")
	for i, p := range parts {
		if p != "" {
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
	}
	return strings.Join(parts, "-")
}

// appositionEnd are the words that may close an apposition. "said" is not one: in "Anna Berg, the president
// said, ..." the title belongs to someone else.
var appositionEnd = map[string]bool{",": true, ".": true, ";": true, ")": true, "—": true, "–": true}

// apposition reads ", [the] [qualifier] TITLE [of|at|for [the] ORG/COUNTRY]," after a person's name.
func (r *run) apposition(m *mention) {
	k := m.we
	if k >= len(r.w) || r.w[k].text != "," {
		return
	}
	sent := r.w[m.ws].sent
	k++
	at := func(k int) bool { return k < len(r.w) && r.w[k].sent == sent }
	if at(k) {
		switch r.w[k].lower {
		case "the", "a", "an":
			k++
		}
	}
	// qualifier: a name (with or without 's) or a demonym / country word
	var qual *ent
	qualCountry := ""
	if at(k) && r.inName[k] >= 0 {
		mi := r.inName[k]
		qual = r.ms[mi].e
		k = r.ms[mi].we
		if at(k) && (r.w[k].lower == "'s" || r.w[k].lower == "’s") {
			k++
		}
	} else if at(k) && r.w[k].cap {
		if c, ok := lexicon.DemonymCode(r.w[k].text); ok {
			qualCountry = c
			k++
		} else if c := r.countryOf(r.w[k].text); c != "" {
			qualCountry = c
			k++
		}
	}
	start := k
	for at(k) {
		if ok, _ := titleWord(r.w[k]); ok {
			k++
			continue
		}
		if r.w[k].lower == "of" && at(k+1) && k > start {
			if ok, _ := titleWord(r.w[k+1]); ok {
				k++
				continue
			}
		}
		break
	}
	end := k
	// trailing "of the European Commission", "at NATO", "for Ukraine"
	var post *ent
	if at(k) && (r.w[k].lower == "of" || r.w[k].lower == "at" || r.w[k].lower == "for") {
		k++
		if at(k) && r.w[k].lower == "the" {
			k++
		}
		if at(k) && r.inName[k] >= 0 {
			mi := r.inName[k]
			post = r.ms[mi].e
			k = r.ms[mi].we
		} else {
			return
		}
	}
	if k < len(r.w) && r.w[k].sent == sent && !appositionEnd[r.w[k].lower] {
		return
	}
	if !r.addTitle(m.e, start, end) {
		return
	}
	if qual != nil {
		r.qualify(m.e, qual)
	}
	if qualCountry != "" {
		r.setCountry(m.e, qualCountry)
	}
	if post != nil {
		r.qualify(m.e, post)
	}
}

// demonyms adds a demonym mention ("Ukrainian", "South Korean") to its country's entity for every demonym
// outside a tagged name, creating the country entity when the article has no other mention of it.
func (r *run) demonyms() {
	for i := 0; i < len(r.w); i++ {
		w := r.w[i]
		if !w.cap || r.inName[i] >= 0 {
			continue
		}
		if i+1 < len(r.w) && r.inName[i+1] < 0 && r.w[i+1].cap && r.w[i+1].start-w.end == 1 {
			if c, ok := lexicon.DemonymCode(w.text + " " + r.w[i+1].text); ok {
				e := r.country(c)
				e.mentions = append(e.mentions, doc.Mention{Span: doc.Span{Start: w.start, End: r.w[i+1].end}, Kind: doc.KindDemonym})
				i++
				continue
			}
		}
		if c, ok := lexicon.DemonymCode(w.text); ok {
			e := r.country(c)
			e.mentions = append(e.mentions, doc.Mention{Span: doc.Span{Start: w.start, End: w.end}, Kind: doc.KindDemonym})
		}
	}
}
