package quote

import (
	"os"
	"reflect"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// TestCachedScores checks that the emission scores of the tagger (remaining rows plus the word cache's
// vectors) equal those of the full feature rows that training uses, for both models, on every sentence of
// the golden articles, and that a second pass (every word cached) gives the same scores; and that the
// per-word fields read from the cache equal those prepSeq computes.
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
			rules := x.extract(d)
			s := x.prepSeq(d, rules)
			wc := x.cache()
			for pass := range 2 {
				sc, ents := x.prepCached(d, rules, wc, &scratch{})
				for _, f := range []struct {
					name      string
					got, want any
				}{{"wh", sc.wh, s.wh}, {"ph", sc.ph, s.ph}, {"sth", sc.sth, s.sth}, {"sufh", sc.sufh, s.sufh},
					{"shp", sc.shp, s.shp}, {"pron", sc.pron, s.pron}, {"strong", sc.strong, s.strong},
					{"cb", sc.cb, s.cb}, {"sb", sc.sb, s.sb}, {"pb", sc.pb, s.pb}, {"ab", sc.ab, s.ab}} {
					if !reflect.DeepEqual(f.got, f.want) {
						t.Fatalf("pass %d: field %s from the word cache differs from prepSeq's", pass, f.name)
					}
				}
				sents := 0
				scr := &scratch{cached: true} // reused across sentences, as the tagger does
				for _, se := range d.Sents {
					a, e := se.TokStart, min(se.TokEnd, len(d.Tokens))
					if e <= a {
						continue
					}
					sents++
					full := x.feats(s, a, e, nil)
					part := x.feats(sc, a, e, scr)
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
						wc.addCached(sc, ents, scr.v45, a, e, got, m.off, m.L)
						if !slices.Equal(got, want) {
							t.Fatalf("pass %d, %s model, sentence at token %d: cached scores differ from the full rows", pass, m.name, a)
						}
					}
					// the argument model's features of a cue at each token: template 104 from the cache
					for cs := a; cs < e; cs++ {
						fullA := x.argFeats(s, a, e, cs, cs+1, nil)
						partA := x.argFeats(sc, a, e, cs, cs+1, scr)
						La := wc.la
						var sink int16
						want, got := make([]int32, La), make([]int32, La)
						for i := range fullA {
							emit(x.args, fullA[i], want, &sink)
							emit(x.args, partA[i], got, &sink)
							k := 2
							if a+i < cs {
								k = 0
							} else if a+i > cs {
								k = 1
							}
							o := (gRel+k)*(wc.ls+La) + wc.ls
							for j := range got {
								got[j] += ents[a+i].v[o+j]
							}
							if !slices.Equal(got, want) {
								t.Fatalf("cue at token %d, token %d: cached argument scores differ from the full rows", cs, a+i)
							}
						}
					}
					// the interleaved table gives both models' scores of the same rows
					if wc.fw == nil {
						t.Fatal("no interleaved table for the embedded models")
					}
					var sink int16
					ws, wa := make([]int32, wc.ls), make([]int32, wc.la)
					gs, ga := make([]int32, wc.ls), make([]int32, wc.la)
					for i := range full {
						emit(x.seq, full[i], ws, &sink)
						emit(x.args, full[i], wa, &sink)
						wc.emitBoth(full[i], gs, ga, &sink)
						if !slices.Equal(gs, ws) || !slices.Equal(ga, wa) {
							t.Fatalf("token %d: interleaved table scores %v %v, want %v %v", a+i, gs, ga, ws, wa)
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
