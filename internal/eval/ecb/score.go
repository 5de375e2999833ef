package ecb

// Item is one found gold mention: its gold chain and the system cluster it was put in.
type Item struct{ Gold, Sys string }

// PRF is precision, recall and F1.
type PRF struct{ P, R, F float64 }

func prf(p, r float64) PRF {
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{p, r, f}
}

// B3 scores the system partition of items against the gold one with B³: for each mention, precision is the
// share of its system cluster in its gold cluster and recall the share of its gold cluster in its system
// cluster; both are averaged over mentions.
func B3(items []Item) PRF {
	if len(items) == 0 {
		return PRF{}
	}
	gold, sys, both := map[string]int{}, map[string]int{}, map[[2]string]int{}
	for _, it := range items {
		gold[it.Gold]++
		sys[it.Sys]++
		both[[2]string{it.Gold, it.Sys}]++
	}
	var p, r float64
	for _, it := range items {
		n := float64(both[[2]string{it.Gold, it.Sys}])
		p += n / float64(sys[it.Sys])
		r += n / float64(gold[it.Gold])
	}
	return prf(p/float64(len(items)), r/float64(len(items)))
}

// MUC scores links: recall is Σ(|G| − p(G)) / Σ(|G| − 1) over gold clusters G, where p(G) is the number of
// system clusters G is split into; precision is the same with the roles swapped. With no links to score the
// measure is 0.
func MUC(items []Item) PRF {
	r := mucRecall(items, func(it Item) (string, string) { return it.Gold, it.Sys })
	p := mucRecall(items, func(it Item) (string, string) { return it.Sys, it.Gold })
	return prf(p, r)
}

func mucRecall(items []Item, kv func(Item) (string, string)) float64 {
	size := map[string]int{}
	parts := map[string]map[string]bool{}
	for _, it := range items {
		k, v := kv(it)
		size[k]++
		if parts[k] == nil {
			parts[k] = map[string]bool{}
		}
		parts[k][v] = true
	}
	var num, den int
	for k, n := range size {
		num += n - len(parts[k])
		den += n - 1
	}
	if den == 0 {
		return 0
	}
	return float64(num) / float64(den)
}
