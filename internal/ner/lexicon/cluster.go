package lexicon

import (
	"math"
	"sort"
)

// Cluster partitions the words of a corpus into k classes with the exchange algorithm (Kneser and Ney 1993;
// Martin, Liermann and Ney 1998), maximising the likelihood of a class bigram model: each word in turn moves
// to the class that most increases sum N(c,d) log N(c,d) - 2 sum N(c) log N(c). sents hold word ids in
// [0, vocab); words are processed in the order of ids (pass them by descending frequency). The result maps
// word id to class; it is deterministic. Self-bigrams are counted but left out of the gain (a small
// approximation that keeps each move O(k × distinct neighbours)).
func Cluster(sents [][]int, vocab, k, iters int) []int {
	type pair struct{ w, n int }
	count := make([]int, vocab)
	big := map[[2]int]int{}
	total := 0
	for _, s := range sents {
		for i, w := range s {
			count[w]++
			total++
			if i > 0 {
				big[[2]int{s[i-1], w}]++
			}
		}
	}
	right := make([][]pair, vocab) // w → (next word, n)
	left := make([][]pair, vocab)  // w → (previous word, n)
	self := make([]int, vocab)
	keys := make([][2]int, 0, len(big))
	for b := range big {
		keys = append(keys, b)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	for _, b := range keys {
		n := big[b]
		if b[0] == b[1] {
			self[b[0]] += n
			continue
		}
		right[b[0]] = append(right[b[0]], pair{b[1], n})
		left[b[1]] = append(left[b[1]], pair{b[0], n})
	}
	flog := make([]float64, total+2)
	for i := 2; i < len(flog); i++ {
		flog[i] = float64(i) * math.Log(float64(i))
	}
	f := func(x int32) float64 { return flog[x] }
	class := make([]int, vocab)
	for w := range class {
		class[w] = w % k
	}
	N := make([]int32, k*k)
	Nc := make([]int32, k)
	for b, n := range big {
		N[class[b[0]]*k+class[b[1]]] += int32(n)
	}
	for w, n := range count {
		Nc[class[w]] += int32(n)
	}
	lc := make([]int32, k) // class → count of left neighbours of w in that class
	rc := make([]int32, k)
	var lcs, rcs []int // classes touched
	gain := make([]float64, k)
	for it := 0; it < iters; it++ {
		moved := 0
		for w := 0; w < vocab; w++ {
			if count[w] == 0 {
				continue
			}
			a := class[w]
			lcs, rcs = lcs[:0], rcs[:0]
			for _, p := range right[w] {
				c := class[p.w]
				if rc[c] == 0 {
					rcs = append(rcs, c)
				}
				rc[c] += int32(p.n)
			}
			for _, p := range left[w] {
				c := class[p.w]
				if lc[c] == 0 {
					lcs = append(lcs, c)
				}
				lc[c] += int32(p.n)
			}
			nw := int32(count[w])
			// Remove w from a.
			for _, c := range rcs {
				N[a*k+c] -= rc[c]
			}
			for _, c := range lcs {
				N[c*k+a] -= lc[c]
			}
			N[a*k+a] -= int32(self[w])
			Nc[a] -= nw
			best, arg := math.Inf(-1), a
			for t := 0; t < k; t++ {
				g := 0.0
				row := N[t*k : t*k+k]
				for _, c := range rcs {
					x := row[c]
					g += f(x+rc[c]) - f(x)
				}
				for _, c := range lcs {
					x := N[c*k+t]
					g += f(x+lc[c]) - f(x)
				}
				g -= 2 * (f(Nc[t]+nw) - f(Nc[t]))
				gain[t] = g
				if g > best+1e-9 {
					best, arg = g, t
				}
			}
			if gain[a] >= best-1e-9 {
				arg = a
			}
			for _, c := range rcs {
				N[arg*k+c] += rc[c]
			}
			for _, c := range lcs {
				N[c*k+arg] += lc[c]
			}
			N[arg*k+arg] += int32(self[w])
			Nc[arg] += nw
			if arg != a {
				moved++
				class[w] = arg
			}
			for _, c := range rcs {
				rc[c] = 0
			}
			for _, c := range lcs {
				lc[c] = 0
			}
		}
		if moved == 0 {
			break
		}
	}
	return class
}
