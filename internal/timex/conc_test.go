package timex

import (
	"context"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// TestConcurrent runs one Tagger on many documents at once (run with -race): the stage has no mutable state.
func TestConcurrent(t *testing.T) {
	tg := New()
	want := Find(article, testDCT, nil)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := &doc.Document{Text: article, PublishedAt: testDCT}
			if err := tg.Process(context.Background(), d); err != nil {
				t.Error(err)
				return
			}
			if len(d.Times) != len(want) {
				t.Errorf("got %d times, want %d", len(d.Times), len(want))
			}
		}()
	}
	wg.Wait()
}
