package lexicon

import "sort"

// Counter counts the spellings of words in running text, to learn each word's usual casing.
type Counter struct {
	forms map[string]map[string]int
	total map[string]int
}

// NewCounter returns an empty counter.
func NewCounter() *Counter {
	return &Counter{forms: map[string]map[string]int{}, total: map[string]int{}}
}

// Add counts the words of one sentence. Sentence-initial words and all-caps sentences only count towards
// the word's frequency, not its casing (they carry no casing information).
func (c *Counter) Add(words []string) {
	caps := AllCaps(words)
	for i, w := range words {
		l := Lower(w)
		c.total[l]++
		if caps || i == 0 {
			continue
		}
		m := c.forms[l]
		if m == nil {
			m = map[string]int{}
			c.forms[l] = m
		}
		m[w]++
	}
}

// Entries returns, for every word seen at least min times, its most frequent mid-sentence spelling (ties go
// to the lexicographically smallest; the word itself when only seen sentence-initially or shouted), and the
// words sorted by descending frequency then alphabetically.
func (c *Counter) Entries(min int) (map[string]Entry, []string) {
	m := map[string]Entry{}
	var keys []string
	for l, n := range c.total {
		if n < min {
			continue
		}
		best, bn := "", 0
		for f, k := range c.forms[l] {
			if k > bn || (k == bn && f < best) {
				best, bn = f, k
			}
		}
		if best == "" {
			best = l
		}
		m[l] = Entry{Form: best}
		keys = append(keys, l)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := c.total[keys[i]], c.total[keys[j]]
		if a != b {
			return a > b
		}
		return keys[i] < keys[j]
	})
	return m, keys
}

// ClusterWords clusters the lower-cased words of sents seen at least min times (rarer words share one
// "<unk>" id) at every granularity in Grains and stores the classes in m, adding entries as needed.
func ClusterWords(sents [][]string, m map[string]Entry, min, iters int) {
	freq := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			freq[Lower(w)]++
		}
	}
	words := []string{"<unk>", "<s>"}
	for w, n := range freq {
		if n >= min {
			words = append(words, w)
		}
	}
	sort.Slice(words[2:], func(i, j int) bool {
		a, b := words[2+i], words[2+j]
		if freq[a] != freq[b] {
			return freq[a] > freq[b]
		}
		return a < b
	})
	id := map[string]int{}
	for i, w := range words {
		id[w] = i
	}
	ids := make([][]int, len(sents))
	for i, s := range sents {
		row := []int{1}
		for _, w := range s {
			k, ok := id[Lower(w)]
			if !ok {
				k = 0
			}
			row = append(row, k)
		}
		ids[i] = append(row, 1)
	}
	var classes [len(Grains)][]int
	for g, k := range Grains {
		classes[g] = Cluster(ids, len(words), k, iters)
	}
	for i, w := range words[2:] {
		e, ok := m[w]
		if !ok {
			e = Entry{Form: w}
		}
		e.HasClusters = true
		for g := range Grains {
			e.Clusters[g] = int32(classes[g][i+2])
		}
		m[w] = e
	}
}
