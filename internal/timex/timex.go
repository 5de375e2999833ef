package timex

import (
	"context"
	"time"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// Tagger is the timex stage: it finds time expressions and fills Document.Times. It holds no state and is
// safe for concurrent use.
type Tagger struct{}

// New returns the stage. The grammar is compiled once, at package initialisation.
func New() *Tagger { return &Tagger{} }

// Name returns the stage name.
func (*Tagger) Name() string { return "timex" }

// WarnNoDCT is the warning added to a document without a publication date that has relative expressions.
const WarnNoDCT = "timex: publication date unknown: relative time expressions keep underspecified values"

// Process reads d.Text, d.PublishedAt and the POS tags of d.Tokens (when present) and sets d.Times,
// in text order, without overlaps. It never changes d.Text.
func (*Tagger) Process(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var dct time.Time
	if !d.PublishedAt.IsZero() {
		p := d.PublishedAt
		dct = time.Date(p.Year(), p.Month(), p.Day(), 0, 0, 0, 0, time.UTC)
	}
	var pos map[int]string
	for _, t := range d.Tokens {
		if t.POS != "" {
			if pos == nil {
				pos = make(map[int]string, len(d.Tokens))
			}
			pos[t.Start] = t.POS
		}
	}
	times := Find(d.Text, dct, pos)
	d.Times = times
	if dct.IsZero() {
		for _, t := range times {
			if len(t.Value) >= 4 && t.Value[:4] == "XXXX" {
				d.Warn(WarnNoDCT)
				break
			}
		}
	}
	return nil
}

// Find returns the time expressions of text resolved against dct (zero: unknown). pos optionally gives
// Penn Treebank tags by token start offset. It runs in time linear in the length of text.
func Find(text string, dct time.Time, pos map[int]string) []doc.Time {
	out, _ := find(text, dct, pos)
	return out
}

// find is Find that also returns the name of the rule behind each expression.
func find(text string, dct time.Time, pos map[int]string) ([]doc.Time, []string) {
	var names []string
	toks := tokenize(text)
	e := &env{dct: dct, has: !dct.IsZero(), toks: toks, pos: pos, lastDEnd: -1, monthsAt: -1}
	var out []doc.Time
	type cand struct {
		r *rule
		m match
	}
	var cands []cand
	var try []*rule
	var mt matcher
	for i := 0; i < len(toks); {
		cands = cands[:0]
		mt.reset()
		try = candidates(&toks[i], try)
		for _, r := range try {
			if !r.canStart(toks, i) {
				continue
			}
			for _, m := range mt.matchAt(r.p, toks, i) {
				cands = append(cands, cand{r, m})
			}
		}
		// longest first; among equals, rule order (stable insertion sort: candidate lists are short)
		for a := 1; a < len(cands); a++ {
			for b := a; b > 0 && cands[b].m.end > cands[b-1].m.end; b-- {
				cands[b], cands[b-1] = cands[b-1], cands[b]
			}
		}
		found := false
		for _, c := range cands {
			typ, val, ok := c.r.val(e, &c.m)
			if !ok {
				continue
			}
			s, t := c.m.start, c.m.end
			if t+1 < len(toks) && toks[t].low == "to" && !toks[t].space && !toks[t+1].space && toks[t+1].kind == tWord {
				continue // a hyphenated compound: "the quarter-to-quarter comparison", "on a month-to-month basis"
			}
			for s < t && toks[s].kind == tPunct {
				s++
			}
			s, t = adjustExtent(toks, s, t, typ)
			if s == t {
				continue
			}
			out = append(out, doc.Time{Start: toks[s].start, End: toks[t-1].end, Text: text[toks[s].start:toks[t-1].end], Type: typ, Value: val})
			names = append(names, c.r.name)
			if typ == "DATE" {
				if _, _, ok := parseDate(val); ok {
					e.lastD, e.lastDEnd = val, c.m.end
				}
			}
			i = c.m.end
			found = true
			break
		}
		if !found {
			i++
		}
	}
	return out, names
}

// canStart reports whether a rule could match at token i: some element up to the first required one
// matches there. It lets Find skip most rules at most tokens.
func (r *rule) canStart(toks []tok, i int) bool {
	if r.start&toks[i].cls != 0 {
		return true
	}
	for k := range r.p {
		e := &r.p[k]
		if e.class == 0 && e.hasWord(toks[i].wid) {
			return true
		}
		if !e.optional {
			return false
		}
	}
	return false
}

// edgeWords may end a pattern match but never an expression ("the third quarter of", "two to").
var edgeWords = map[string]bool{"of": true, "the": true, "to": true, "or": true, "and": true, "than": true}

// partOf are the nouns of "the end of 1990", "the beginning of October": they belong to the expression.
var partOf = map[string]bool{"end": true, "beginning": true, "start": true, "middle": true, "close": true}

// adjustExtent applies the TimeBank extent conventions to the token range [s, t) of a match.
func adjustExtent(toks []tok, s, t int, typ string) (int, int) {
	for t > s && (toks[t-1].kind == tPunct || edgeWords[toks[t-1].low]) {
		t--
	}
	// "April 24 and 25": the conjunction before a second day is not part of it
	for s < t && (toks[s].low == "and" || toks[s].low == "or" || toks[s].low == "to" || toks[s].low == "through") {
		s++
	}
	// "the 30-day period", "the third-quarter loss", "a several-year tenure": the article belongs to the
	// noun phrase, not the hyphenated modifier
	if t-s >= 3 && (toks[s].low == "the" || toks[s].low == "a" || toks[s].low == "an") && !toks[t-1].space {
		if _, ok := units[toks[t-1].low]; ok || toks[t-1].low == "quarter" || toks[t-1].low == "long" {
			s++
		}
	}
	// "the end of 1990"
	if typ == "DATE" && s >= 2 && toks[s-1].low == "of" && partOf[toks[s-2].low] {
		s -= 2
	}
	if s >= 1 && partOf[toks[s].low] && toks[s-1].low == "the" {
		s--
	}
	return s, t
}
