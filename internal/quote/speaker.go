package quote

import (
	"sort"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// mention is one entity mention with its entity's index.
type mention struct {
	s, e   int
	entity int
	person bool
}

// resolver maps source spans to entity ids through the mentions of d.Entities.
type resolver struct {
	ents     []doc.Entity
	mentions []mention // sorted by start
}

func newResolver(d *doc.Document) *resolver {
	r := &resolver{ents: d.Entities}
	for i, e := range d.Entities {
		for _, m := range e.Mentions {
			r.mentions = append(r.mentions, mention{s: m.Start, e: m.End, entity: i, person: e.Type == "PERSON" || e.Type == "PER"})
		}
	}
	sort.Slice(r.mentions, func(i, j int) bool { return r.mentions[i].s < r.mentions[j].s })
	return r
}

// speaker returns the id of the entity whose mention overlaps src (the longest overlap wins); for a
// relative pronoun that no mention covers, the entity mentioned right before it ("Doris Crouse-Mays, who
// said"); for a personal pronoun, the person mentioned last before it; else nil.
func (r *resolver) speaker(src doc.Span, head string) *string {
	if len(r.mentions) == 0 {
		return nil
	}
	// mentions that start before src.End; scan back over the few that can overlap
	j := sort.Search(len(r.mentions), func(i int) bool { return r.mentions[i].s >= src.End })
	best, bestLen := -1, 0
	for i := j - 1; i >= 0 && i >= j-64; i-- {
		m := r.mentions[i]
		if ov := min(m.e, src.End) - max(m.s, src.Start); ov > bestLen {
			best, bestLen = m.entity, ov
		}
	}
	if best < 0 && relPronouns[head] {
		// "Doris Crouse-Mays, who said ...": the mention that ends right before the pronoun
		for i := j - 1; i >= 0 && i >= j-64; i-- {
			if m := r.mentions[i]; m.e <= src.Start && src.Start-m.e <= 3 {
				best = m.entity
				break
			}
		}
	}
	if best < 0 && personalPronouns[head] {
		for i := j - 1; i >= 0 && i >= j-200; i-- {
			if m := r.mentions[i]; m.person && m.e <= src.Start {
				best = m.entity
				break
			}
		}
	}
	if best < 0 || r.ents[best].ID == "" {
		return nil
	}
	id := r.ents[best].ID
	return &id
}

var relPronouns = set("who", "whom", "which", "that")
