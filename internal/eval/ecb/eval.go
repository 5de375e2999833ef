package ecb

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// SysMention is one mention of a system entity, in byte offsets of the gold document's text.
type SysMention struct {
	Start, End  int
	Entity, Key string
	Title       bool // a mention of kind title
}

// Align returns, for each mention of d, the index in sys of the system mention aligned to it, or -1 (see the
// package doc). Only named mentions are aligned. sys must be sorted by Start.
func Align(d *Doc, sys []SysMention) []int {
	out := make([]int, len(d.Mentions))
	for i, m := range d.Mentions {
		out[i] = -1
		if !m.Named {
			continue
		}
		gs, ge := m.Span(d)
		h := d.Tokens[m.Head(d)]
		best, bestOv, bestLen := -1, 0, 0
		k := sort.Search(len(sys), func(k int) bool { return sys[k].End > gs })
		for ; k < len(sys) && sys[k].Start < ge; k++ {
			s := sys[k]
			if s.Start >= h.End || s.End <= h.Start {
				continue // misses the head
			}
			ov := min(s.End, ge) - max(s.Start, gs)
			if n := s.End - s.Start; ov > bestOv || ov == bestOv && n < bestLen {
				best, bestOv, bestLen = k, ov, n
			}
		}
		out[i] = best
	}
	return out
}

// Result is the score of a run over the corpus.
type Result struct {
	Docs                int
	Gold, Found         int // named gold mentions, and those with an aligned system mention
	GoldPER, FoundPER   int // HUMAN_PART
	GoldLOC, FoundLOC   int // LOC
	Unplaced            int // gold tokens not found in the processed text (cleaning changed it)
	WithinB3, WithinMUC PRF
	CrossB3, CrossMUC   PRF
	// Pronouns: gold he/she/him/her/his/hers mentions whose chain has a found named mention in the same
	// document; Linked: those we linked to some entity; Right: linked to the entity of that chain's found
	// named mentions (their most frequent entity).
	Pronouns, PronounsLinked, PronounsRight int
	// Its: the same for "its" (organizations and countries).
	Its, ItsLinked, ItsRight int
	// Descriptions: gold HUMAN_PART mentions that are not named and start with or follow "the" ("the
	// chancellor"; ECB+ often marks the head alone), whose chain has a found named mention; linked when one of
	// our title mentions covers the gold head, right when that mention's entity is the chain's.
	Descriptions, DescriptionsLinked, DescriptionsRight int
}

// FoundShare is Found / Gold.
func (r Result) FoundShare() float64 {
	if r.Gold == 0 {
		return 0
	}
	return float64(r.Found) / float64(r.Gold)
}

// Write prints a readable summary and a last line "ENTITIES key=value ...".
func (r Result) Write(w io.Writer) {
	fmt.Fprintf(w, "ECB+ named HUMAN_PART and LOC mentions in annotated sentences: %d documents\n", r.Docs)
	fmt.Fprintf(w, "gold named mentions %d, found %d (%.2f%%): HUMAN_PART %d/%d, LOC %d/%d\n", r.Gold, r.Found, 100*r.FoundShare(), r.FoundPER, r.GoldPER, r.FoundLOC, r.GoldLOC)
	fmt.Fprintf(w, "%-24s %7s %7s %7s\n", "over found mentions", "P", "R", "F1")
	for _, x := range []struct {
		n string
		s PRF
	}{{"within-document B3", r.WithinB3}, {"within-document MUC", r.WithinMUC}, {"cross-document B3", r.CrossB3}, {"cross-document MUC", r.CrossMUC}} {
		fmt.Fprintf(w, "%-24s %7.2f %7.2f %7.2f\n", x.n, 100*x.s.P, 100*x.s.R, 100*x.s.F)
	}
	if r.Pronouns > 0 {
		p, rc := ratio(r.PronounsRight, r.PronounsLinked), ratio(r.PronounsRight, r.Pronouns)
		fmt.Fprintf(w, "pronouns with a named antecedent chain: %d, linked %d, right %d (P %.2f R %.2f F1 %.2f)\n", r.Pronouns, r.PronounsLinked, r.PronounsRight, 100*p, 100*rc, 100*prf(p, rc).F)
	}
	if r.Its > 0 {
		p, rc := ratio(r.ItsRight, r.ItsLinked), ratio(r.ItsRight, r.Its)
		fmt.Fprintf(w, "\"its\" with a named antecedent chain: %d, linked %d, right %d (P %.2f R %.2f F1 %.2f)\n", r.Its, r.ItsLinked, r.ItsRight, 100*p, 100*rc, 100*prf(p, rc).F)
	}
	if r.Descriptions > 0 {
		p, rc := ratio(r.DescriptionsRight, r.DescriptionsLinked), ratio(r.DescriptionsRight, r.Descriptions)
		fmt.Fprintf(w, "\"the ...\" descriptions with a named antecedent chain: %d, linked %d, right %d (P %.2f R %.2f F1 %.2f)\n", r.Descriptions, r.DescriptionsLinked, r.DescriptionsRight, 100*p, 100*rc, 100*prf(p, rc).F)
	}
	fmt.Fprintf(w, "ENTITIES docs=%d gold=%d found=%d found_share=%.4f within_b3_f1=%.4f within_muc_f1=%.4f cross_b3_f1=%.4f cross_muc_f1=%.4f\n",
		r.Docs, r.Gold, r.Found, r.FoundShare(), r.WithinB3.F, r.WithinMUC.F, r.CrossB3.F, r.CrossMUC.F)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

var pronouns = map[string]bool{"he": true, "him": true, "his": true, "himself": true, "she": true, "her": true, "hers": true, "herself": true}

// scorePronouns counts the pronoun figures of Result for one document.
func (r *Result) scorePronouns(d *Doc, sys []SysMention, al []int) {
	// entity of each chain: the most frequent entity among its found named mentions
	votes := map[string]map[string]int{}
	for j, m := range d.Mentions {
		if m.Named && al[j] >= 0 {
			if votes[m.Chain] == nil {
				votes[m.Chain] = map[string]int{}
			}
			votes[m.Chain][sys[al[j]].Entity]++
		}
	}
	exact := map[[2]int]string{}
	for _, s := range sys {
		exact[[2]int{s.Start, s.End}] = s.Entity
	}
	chainEntity := func(c string) string {
		best, bn := "", 0
		for e, n := range votes[c] {
			if n > bn || n == bn && e < best {
				best, bn = e, n
			}
		}
		return best
	}
	for _, m := range d.Mentions {
		first := m.Tokens[0]
		definite := strings.EqualFold(d.Tokens[first].Text, "the") && len(m.Tokens) > 1 ||
			first > 0 && strings.EqualFold(d.Tokens[first-1].Text, "the") && d.Tokens[first-1].Sent == d.Tokens[first].Sent
		if m.Named || !definite || !strings.HasPrefix(m.Tag, "HUMAN_PART") || votes[m.Chain] == nil {
			continue
		}
		r.Descriptions++
		h := d.Tokens[m.Head(d)]
		for _, s := range sys {
			if s.Title && s.Start < h.End && s.End > h.Start {
				r.DescriptionsLinked++
				if s.Entity == chainEntity(m.Chain) {
					r.DescriptionsRight++
				}
				break
			}
		}
	}
	for _, m := range d.Mentions {
		w := strings.ToLower(d.Tokens[m.Tokens[0]].Text)
		if len(m.Tokens) != 1 || !pronouns[w] && w != "its" || votes[m.Chain] == nil {
			continue
		}
		n, linked, right := &r.Pronouns, &r.PronounsLinked, &r.PronounsRight
		if w == "its" {
			n, linked, right = &r.Its, &r.ItsLinked, &r.ItsRight
		}
		best, bn := "", 0
		for e, c := range votes[m.Chain] {
			if c > bn || c == bn && e < best {
				best, bn = e, c
			}
		}
		*n++
		s, e := m.Span(d)
		if got, ok := exact[[2]int{s, e}]; ok {
			*linked++
			if got == best {
				*right++
			}
		}
	}
}

// Evaluate runs proc on the text of every document (workers at a time; 0 means GOMAXPROCS), aligns the
// mentions of the entities it finds to the named gold mentions and scores them.
func Evaluate(ctx context.Context, docs []*Doc, proc func(context.Context, *doc.Document) error, workers int) (Result, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	sys := make([][]SysMention, len(docs))
	errs := make([]error, len(docs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				sys[i], errs[i] = run(ctx, docs[i], proc)
			}
		}()
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return Result{}, fmt.Errorf("%s: %w", docs[i].Name, err)
		}
	}
	return Score(docs, sys), nil
}

// run processes one document and returns its system mentions in the gold text's offsets.
func run(ctx context.Context, g *Doc, proc func(context.Context, *doc.Document) error) ([]SysMention, error) {
	d := &doc.Document{ID: g.Name, Source: g.Name, Raw: []byte(g.Text), Format: "text", Language: "en"}
	if err := proc(ctx, d); err != nil {
		return nil, err
	}
	conv := offsetMap(g, d.Text)
	var out []SysMention
	for _, e := range d.Entities {
		for _, m := range e.Mentions {
			s, e2 := conv(m.Start, true), conv(m.End, false)
			if s < 0 || e2 < 0 || s >= e2 {
				continue
			}
			out = append(out, SysMention{Start: s, End: e2, Entity: e.ID, Key: e.Key, Title: m.Kind == doc.KindTitle})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out, nil
}

// offsetMap returns a function from byte offsets of text (the processed text) to byte offsets of g.Text. When
// the texts are equal it is the identity; otherwise every gold token is looked for in order in text, and an
// offset maps through the token that contains it (-1 when there is none).
func offsetMap(g *Doc, text string) func(int, bool) int {
	if text == g.Text {
		return func(i int, _ bool) int { return i }
	}
	type pair struct{ ps, pe, gs int }
	var pairs []pair
	cur := 0
	for _, t := range g.Tokens {
		j := strings.Index(text[cur:min(len(text), cur+2000)], t.Text)
		if j < 0 {
			continue
		}
		ps := cur + j
		pairs = append(pairs, pair{ps, ps + len(t.Text), t.Start})
		cur = ps + len(t.Text)
	}
	return func(i int, start bool) int {
		k := sort.Search(len(pairs), func(k int) bool { return pairs[k].pe >= i })
		if k == len(pairs) {
			return -1
		}
		p := pairs[k]
		if start && i >= p.ps && i < p.pe || !start && i > p.ps && i <= p.pe {
			return p.gs + i - p.ps
		}
		if start && i < p.ps {
			return p.gs // mention starts in a gap: snap to the next token
		}
		return -1
	}
}

// Score aligns the system mentions of each document (sys[i] for docs[i], sorted by Start) and scores them.
func Score(docs []*Doc, sys [][]SysMention) Result {
	var r Result
	var within, cross []Item
	for i, d := range docs {
		r.Docs++
		al := Align(d, sys[i])
		r.scorePronouns(d, sys[i], al)
		for j, m := range d.Mentions {
			if !m.Named {
				continue
			}
			per := strings.HasPrefix(m.Tag, "HUMAN")
			r.Gold++
			if per {
				r.GoldPER++
			} else {
				r.GoldLOC++
			}
			k := al[j]
			if k < 0 {
				continue
			}
			r.Found++
			if per {
				r.FoundPER++
			} else {
				r.FoundLOC++
			}
			s := sys[i][k]
			within = append(within, Item{Gold: d.Name + "|" + m.Chain, Sys: d.Name + "|" + s.Entity})
			cross = append(cross, Item{Gold: d.Topic + "|" + m.Chain, Sys: d.Topic + "|" + s.Key})
		}
	}
	r.WithinB3, r.WithinMUC = B3(within), MUC(within)
	r.CrossB3, r.CrossMUC = B3(cross), MUC(cross)
	return r
}

// GoldNames returns a processor that skips cleaning and tagging: it sets the document text to the gold text
// and its names to the named gold mentions (HUMAN_PART_PER → PER, HUMAN_PART_ORG → ORG, LOC_* → LOC, other
// HUMAN_PART → MISC) and runs stage. It measures grouping and coreference alone.
func GoldNames(docs []*Doc, stage interface {
	Process(context.Context, *doc.Document) error
}) func(context.Context, *doc.Document) error {
	byName := map[string]*Doc{}
	for _, d := range docs {
		byName[d.Name] = d
	}
	return func(ctx context.Context, d *doc.Document) error {
		g := byName[d.ID]
		if g == nil {
			return fmt.Errorf("ecb: unknown document %q", d.ID)
		}
		d.Text = g.Text
		d.Names = nil
		end := -1
		for _, m := range g.Mentions {
			if !m.Named {
				continue
			}
			s, e := m.Span(g)
			if s < end {
				continue
			}
			typ := "MISC"
			switch {
			case m.Tag == "HUMAN_PART_PER":
				typ = "PER"
			case m.Tag == "HUMAN_PART_ORG":
				typ = "ORG"
			case strings.HasPrefix(m.Tag, "LOC"):
				typ = "LOC"
			}
			d.Names = append(d.Names, doc.Name{Span: doc.Span{Start: s, End: e}, Type: typ})
			end = e
		}
		return stage.Process(ctx, d)
	}
}
