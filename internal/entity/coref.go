package entity

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/entity/lexicon"
)

// anchor is a mention of a person that later pronouns may refer to.
type anchor struct {
	e    *ent
	sent int
	pos  int // byte offset
}

// titleCoref links definite descriptions made of a title ("the chancellor", "the Ukrainian leader", "the
// president of France") to the one person in the article so far who holds that title (with that country). When
// two people qualify, or none, the description is left alone.
func (r *run) titleCoref() {
	for i := 0; i < len(r.w); i++ {
		if r.w[i].lower != "the" || r.inName[i] >= 0 {
			continue
		}
		sent := r.w[i].sent
		at := func(k int) bool { return k < len(r.w) && r.w[k].sent == sent }
		k := i + 1
		country := ""
		if at(k) && r.w[k].cap {
			if mi := r.inName[k]; mi >= 0 && r.ms[mi].e.isCountry {
				country = r.ms[mi].e.country
				k = r.ms[mi].we
			} else if c, ok := lexicon.DemonymCode(r.w[k].text); ok && r.inName[k] < 0 {
				country = c
				k++
			}
		}
		start := k
		var phrase []string
		lastHead := ""
		for at(k) && r.inName[k] < 0 {
			ok, head := titleWord(r.w[k])
			if !ok {
				break
			}
			phrase = append(phrase, r.w[k].lower)
			if head {
				lastHead = r.w[k].lower
			} else {
				lastHead = ""
			}
			k++
		}
		if k == start || lastHead == "" {
			if e, end := r.description(i, start); e != nil {
				e.mentions = append(e.mentions, doc.Mention{Span: doc.Span{Start: r.w[i].start, End: r.w[end-1].end}, Kind: doc.KindTitle})
				r.titleAnchors = append(r.titleAnchors, anchor{e: e, sent: sent, pos: r.w[i].start})
				i = end - 1
			}
			continue
		}
		end := k
		if at(k) && (r.inName[k] >= 0 || r.w[k].cap && r.w[k].alpha) {
			continue // "the chancellor Friedrich Merz": a premodifier
		}
		if at(k) && r.w[k].lower == "of" {
			if at(k+1) && r.inName[k+1] >= 0 && r.ms[r.inName[k+1]].e.isCountry && country == "" {
				mi := r.inName[k+1]
				country = r.ms[mi].e.country
				end = r.ms[mi].we
			} else {
				continue
			}
		}
		form := strings.Join(stripFormer(phrase), " ")
		e := r.holder(form, lastHead, country, r.w[i].start)
		if e == nil {
			continue
		}
		e.mentions = append(e.mentions, doc.Mention{Span: doc.Span{Start: r.w[i].start, End: r.w[end-1].end}, Kind: doc.KindTitle})
		r.titleAnchors = append(r.titleAnchors, anchor{e: e, sent: sent, pos: r.w[i].start})
		i = end - 1
	}
}

// personNouns are nouns for a person that are not titles, with their gender: "the actress", "the singer".
// Nouns that often bring in someone new ("the man", "the suspect", "the victim") are left out.
var personNouns = map[string]byte{
	"actor": 'm', "actress": 'f', "star": 0, "singer": 0, "player": 0, "rapper": 0, "comedian": 0, "host": 0,
	"athlete": 0, "quarterback": 0, "veteran": 0, "businessman": 'm', "businesswoman": 'f', "billionaire": 0,
	"tycoon": 0, "musician": 0, "writer": 0, "author": 0, "filmmaker": 0, "pitcher": 0, "climber": 0,
	"mobster": 'm',
}

// description links "the [one or two modifiers] NOUN" ("the actress", "the 33-year-old star") starting at
// word i (nounStart: first word after "the" and any country) to the only person, of the noun's gender,
// named in its sentence before it or in the two sentences before. It returns the entity and the end word.
func (r *run) description(i, nounStart int) (*ent, int) {
	sent := r.w[i].sent
	k := nounStart
	for n := 0; n < 3 && k < len(r.w) && r.w[k].sent == sent && r.inName[k] < 0 && r.w[k].alpha && !r.w[k].cap; n++ {
		g, ok := personNouns[r.w[k].lower]
		if !ok && strings.HasSuffix(r.w[k].lower, "-year-old") {
			g, ok = 0, true
		}
		if !ok {
			k++
			continue
		}
		for k+1 < len(r.w) && r.w[k+1].sent == sent && r.inName[k+1] < 0 {
			g2, ok := personNouns[r.w[k+1].lower]
			if !ok {
				break
			}
			k++ // "the 33-year-old actress": the noun is the last
			if g == 0 {
				g = g2
			}
		}
		end := k + 1
		if end < len(r.w) && r.w[end].sent == sent && (r.inName[end] >= 0 || r.w[end].cap && r.w[end].alpha || r.w[end].lower == "who") {
			return nil, 0 // "the actress Tara Reid", "the man who ..."
		}
		var found *ent
		for j := i - 1; j >= 0 && j >= i-reach && r.w[j].sent >= sent-2; j-- {
			mi := r.inName[j]
			if mi < 0 {
				continue
			}
			e := r.ms[mi].e
			if !e.isPerson() || g != 0 && e.gender != 0 && e.gender != g {
				continue
			}
			if found != nil && found != e {
				return nil, 0
			}
			found = e
		}
		return found, end
	}
	return nil, 0
}

// holder returns the only person mentioned before pos whose title ends with form (or who holds a leader-like
// title when form is "leader"), restricted to country when given; nil when there is none or more than one.
func (r *run) holder(form, head, country string, pos int) *ent {
	var found *ent
	generic := head == "leader" || head == "head" || head == "chief"
	cands := r.titledByHead[lastWord(form)]
	if generic {
		cands = append(cands[:len(cands):len(cands)], r.leaders...)
	}
	for _, e := range cands {
		if e.mentions[0].Start >= pos || country != "" && e.country != country {
			continue
		}
		ok := false
		if generic && e.leader && form == head {
			ok = true
		}
		for _, t := range e.titleForms {
			if t == form || strings.HasSuffix(t, " "+form) {
				ok = true
			}
		}
		if !ok {
			continue
		}
		if found != nil && found != e {
			return nil
		}
		found = e
	}
	return found
}

func lastWord(s string) string { return s[strings.LastIndexByte(s, ' ')+1:] }

var pronounGender = map[string]byte{
	"he": 'm', "him": 'm', "his": 'm', "himself": 'm',
	"she": 'f', "her": 'f', "hers": 'f', "herself": 'f',
}

// window is how many sentences before a pronoun's own are searched for its antecedent.
const window = 3

// pronouns links he/him/his/himself and she/her/hers/herself to a person, and "its" to an organization or
// country (see pickOrg). For he/she, candidates are the people mentioned in the pronoun's sentence before it
// and in the three sentences before that; they are tried sentence by sentence from the nearest, and left to
// right inside a sentence (Hobbs' 1978 order, which favours subjects), and the first whose gender agrees wins.
// A person's gender comes from an honorific or gendered title, else from the given-name list
// (lexicon/given_names.tsv: public-domain name lists and CoNLL-2003 counts; names used for both genders give
// none), else from the first pronoun resolved to them. On ECB+ (newsgraph eval entities) he/she links are
// right about six times in seven and "its" links three times in four.
func (r *run) pronouns() {
	for _, e := range r.ents {
		if e.gender == 0 && e.given != "" && e.isPerson() {
			e.gender, _ = lexicon.GivenName(e.given)
		}
	}
	var anchors []anchor
	for i := range r.ms {
		m := &r.ms[i]
		if m.e.isPerson() {
			anchors = append(anchors, anchor{e: m.e, sent: r.w[m.ws].sent, pos: m.span.Start})
		}
	}
	anchors = append(anchors, r.titleAnchors...)
	sort.SliceStable(anchors, func(i, j int) bool { return anchors[i].pos < anchors[j].pos })
	var hist []anchor
	a := 0
	for i, w := range r.w {
		for a < len(anchors) && anchors[a].pos <= w.start {
			hist = append(hist, anchors[a])
			a++
		}
		if w.lower == "its" && r.inName[i] < 0 {
			if e := r.pickOrg(i); e != nil {
				e.mentions = append(e.mentions, doc.Mention{Span: doc.Span{Start: w.start, End: w.end}, Kind: doc.KindPronoun})
			}
			continue
		}
		g, ok := pronounGender[w.lower]
		if !ok || r.inName[i] >= 0 {
			continue
		}
		// A non-reflexive object pronoun does not refer to the subject of its own clause ("Zelensky thanked
		// him"): skip the people of its sentence with no clause break between them and the pronoun.
		skip := -1
		if w.lower == "him" || w.lower == "her" && !r.possessive(i) {
			skip = r.clauseStart(i)
		}
		e := pick(hist, w.sent, g, skip)
		if e == nil {
			continue
		}
		if e.gender == 0 {
			e.gender = g
		}
		e.mentions = append(e.mentions, doc.Mention{Span: doc.Span{Start: w.start, End: w.end}, Kind: doc.KindPronoun})
		hist = append(hist, anchor{e: e, sent: w.sent, pos: w.start})
	}
}

// maxLook bounds the anchors examined for one pronoun, keeping the stage linear on pathological input.
const maxLook = 64

func pick(hist []anchor, sent int, g byte, skipFrom int) *ent {
	lo := len(hist)
	for lo > 0 && len(hist)-lo < maxLook && hist[lo-1].sent >= sent-window {
		lo--
	}
	c := hist[lo:]
	// People named in the pronoun's own clause are bound there: "Reyes thanked him" is not about Reyes.
	var bound []*ent
	if skipFrom >= 0 {
		for _, h := range c {
			if h.sent == sent && h.pos >= skipFrom {
				bound = append(bound, h.e)
			}
		}
	}
	// c is in text order; walk sentences from the nearest back, each left to right.
	for s := sent; s >= sent-window; s-- {
	next:
		for _, h := range c {
			if h.sent != s || h.e.gender != 0 && h.e.gender != g {
				continue
			}
			for _, b := range bound {
				if b == h.e {
					continue next
				}
			}
			return h.e
		}
	}
	return nil
}

// clauseStart returns the offset where the clause holding word i starts: just after the nearest comma,
// semicolon, colon, quotation mark, "that", "who", "and" or "but" before it in its sentence.
func (r *run) clauseStart(i int) int {
	s := r.w[i].sent
	k := i - 1
	for ; k >= 0 && k >= i-reach && r.w[k].sent == s; k-- {
		switch r.w[k].lower {
		case ",", ";", ":", "\"", "“", "”", "that", "who", "which", "and", "but", "when", "after", "before", "because", "while", "as", "if":
			return r.w[k].end
		}
	}
	if k >= 0 {
		return r.w[k].end // the sentence start, or as far back as we look
	}
	return 0
}

// reach bounds how many words the backward scans of this file examine, so that a text without sentence breaks
// stays linear.
const reach = 200

// possessive reports whether "her" at word i is a determiner ("her government") rather than an object.
func (r *run) possessive(i int) bool {
	if i+1 >= len(r.w) || !r.w[i+1].alpha || r.w[i+1].sent != r.w[i].sent {
		return false
	}
	switch r.w[i+1].lower {
	case "to", "and", "or", "in", "on", "at", "for", "with", "from", "that", "as", "by", "about", "of", "if", "when", "after", "before":
		return false
	}
	return true
}

// pickOrg returns the organization or country that "its" at word i refers to: the nearest one named before it
// in its sentence, else the first one named in the sentence before; nil when there is none.
func (r *run) pickOrg(i int) *ent {
	s := r.w[i].sent
	var prev *ent
	for k := i - 1; k >= 0 && k >= i-reach && r.w[k].sent >= s-1; k-- {
		mi := r.inName[k]
		if mi < 0 {
			continue
		}
		e := r.ms[mi].e
		if !e.isCountry && e.lexOrg == nil && e.typeName() != "ORG" {
			continue
		}
		if r.w[k].sent == s {
			return e
		}
		prev = e // the leftmost of the previous sentence wins
	}
	return prev
}
