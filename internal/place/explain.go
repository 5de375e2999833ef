package place

import (
	"fmt"
	"io"
	"sort"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// Explain writes, for each LOC entity of d, its best candidates (at most n) with their final scores, as the
// resolver saw them; for studying errors (eval places --explain), not for programs.
func (r *Resolver) Explain(w io.Writer, d *doc.Document, n int) {
	for _, it := range r.resolve(d) {
		e := &d.Entities[it.ent]
		fmt.Fprintf(w, "%s\t%q\t%d mentions", d.ID, e.Name, len(e.Mentions))
		if it.contained {
			fmt.Fprint(w, "\tcontained")
		}
		fmt.Fprintln(w)
		order := make([]int, len(it.cands))
		for k := range order {
			order[k] = k
		}
		score := func(k int) float64 {
			if k < len(it.scoreBuf) {
				return it.scoreBuf[k]
			}
			return it.prior[k]
		}
		sort.SliceStable(order, func(a, b int) bool { return score(order[a]) > score(order[b]) })
		for _, k := range order[:min(n, len(order))] {
			en := &r.gaz.Entries[it.cands[k]]
			mark := " "
			if k == it.choice {
				mark = "*"
			}
			fmt.Fprintf(w, "\t%s %.2f (prior %.2f) %s %s %s.%s.%s %d pop %d (%.2f,%.2f)\n", mark, score(k), it.prior[k],
				en.Name, en.Feature, en.Country, en.Admin1, en.Admin2, en.ID, en.Population, en.Lat, en.Lon)
		}
	}
}
