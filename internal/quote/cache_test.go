package quote

import (
	"os"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// TestCachedScores checks that the emission scores of the tagger (remaining rows plus the word cache's
// vectors) equal those of the full feature rows that training uses, for both models, on every sentence of
// the golden articles, and that a second pass (every word cached) gives the same scores.
func TestCachedScores(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if x.seq == nil || x.args == nil {
		t.Skip("no embedded models")
	}
	for _, name := range []string{"testdata/council.txt", "testdata/campaign.txt", "../pipeline/testdata/article.txt"} {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Skip(err)
			}
			d := &doc.Document{Text: string(b)}
			prepare(t, d)
			s := x.prepSeq(d, x.extract(d))
			wc := cacheFor(x.seq, x.args)
			for pass := range 2 {
				ents := wc.lookup(s, nil, &scratch{})
				sents := 0
				for _, se := range d.Sents {
					a, e := se.TokStart, min(se.TokEnd, len(d.Tokens))
					if e <= a {
						continue
					}
					sents++
					full := x.feats(s, a, e, nil)
					sc := &scratch{cached: true}
					part := x.feats(s, a, e, sc)
					for _, m := range []struct {
						name string
						off  int
						L    int
					}{{"seq", 0, wc.ls}, {"args", wc.ls, wc.la}} {
						model := x.seq
						if m.name == "args" {
							model = x.args
						}
						want := make([]int32, (e-a)*m.L)
						got := make([]int32, (e-a)*m.L)
						var sink int16
						for i := range full {
							emit(model, full[i], want[i*m.L:(i+1)*m.L], &sink)
							emit(model, part[i], got[i*m.L:(i+1)*m.L], &sink)
						}
						wc.addCached(ents, a, e, got, m.off, m.L)
						if !slices.Equal(got, want) {
							t.Fatalf("pass %d, %s model, sentence at token %d: cached scores differ from the full rows", pass, m.name, a)
						}
					}
				}
				if sents == 0 {
					t.Fatal("no sentences")
				}
			}
		})
	}
}
