package perceptron

import (
	"fmt"
	"sync"
	"testing"
)

func TestMemo(t *testing.T) {
	calls := 0
	square := func(w string) int { calls++; return len(w) * len(w) }
	c := NewMemo[int](2)
	got := c.Lookup([]string{"a", "bb", "ccc"}, nil, square)
	if fmt.Sprint(got) != "[1 4 9]" || calls != 3 {
		t.Fatalf("first lookup = %v after %d calls, want [1 4 9] after 3", got, calls)
	}
	// "a" and "bb" are kept (the bound is 2); "ccc" is computed again.
	got = c.Lookup([]string{"bb", "a", "ccc"}, got, square)
	if fmt.Sprint(got) != "[4 1 9]" || calls != 4 {
		t.Errorf("second lookup = %v after %d calls, want [4 1 9] after 4", got, calls)
	}
}

func TestMemoConcurrent(t *testing.T) {
	c := NewMemo[string](1000)
	words := make([]string, 300)
	for i := range words {
		words[i] = fmt.Sprint("w", i%120)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out []string
			for r := range 20 {
				out = c.Lookup(words[(g+r)%50:], out, func(w string) string { return w + "!" })
				for i, v := range out {
					if v != words[(g+r)%50+i]+"!" {
						t.Errorf("Lookup gave %q for %q", v, words[(g+r)%50+i])
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}
