package perceptron

import "sync"

// Memo is a bounded, concurrency-safe cache of per-word values, for the taggers that keep each word's summed
// feature weights: it keeps the first max words it is given (a news vocabulary fills it with the frequent
// ones early) and computes the others on every call.
type Memo[V any] struct {
	mu  sync.RWMutex
	m   map[string]V
	max int
}

// NewMemo returns a Memo that keeps at most max words.
func NewMemo[V any](max int) *Memo[V] { return &Memo[V]{m: map[string]V{}, max: max} }

// Lookup sets out (reset) to the value of each word, calling compute, outside the lock, for the words not
// kept. It takes the read lock once per call and the write lock at most once, so a sentence costs two lock
// operations, not two per word. A word computed by two goroutines at once keeps the first value stored.
func (c *Memo[V]) Lookup(words []string, out []V, compute func(string) V) []V {
	out = out[:0]
	var missing []int
	c.mu.RLock()
	for i, w := range words {
		v, ok := c.m[w]
		if !ok {
			missing = append(missing, i)
		}
		out = append(out, v)
	}
	c.mu.RUnlock()
	if len(missing) == 0 {
		return out
	}
	for _, i := range missing {
		out[i] = compute(words[i])
	}
	c.mu.Lock()
	for _, i := range missing {
		if old, ok := c.m[words[i]]; ok {
			out[i] = old // the same values; keep one copy
		} else if len(c.m) < c.max {
			c.m[words[i]] = out[i]
		}
	}
	c.mu.Unlock()
	return out
}
