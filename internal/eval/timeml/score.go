package timeml

import (
	"fmt"
	"github.com/newsgraph/newsgraph/internal/align"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pred is one predicted time expression: a byte span of the predicted text with its type and value.
type Pred struct {
	Start, End  int
	Type, Value string
}

// Counts are the raw numbers behind the metrics; they add up over documents.
type Counts struct {
	Docs, MissingDocs, Gold, Pred, Strict, Relaxed, TypeOK, ValueOK int
}

// Add adds c2 to c.
func (c *Counts) Add(c2 Counts) {
	c.Docs += c2.Docs
	c.MissingDocs += c2.MissingDocs
	c.Gold += c2.Gold
	c.Pred += c2.Pred
	c.Strict += c2.Strict
	c.Relaxed += c2.Relaxed
	c.TypeOK += c2.TypeOK
	c.ValueOK += c2.ValueOK
}

// Pair is one matched gold/prediction pair, for error listings.
type Pair struct{ Gold, Pred int }

// ScoreDoc scores the predictions made on predText (which may differ from the gold text in whitespace)
// against d. It returns the counts and the matched pairs (indices into d.Gold and preds).
func ScoreDoc(d *Doc, predText string, preds []Pred) (Counts, []Pair) {
	c := Counts{Docs: 1, Gold: len(d.Gold), Pred: len(preds)}
	gr := runeIndex(d.Text)
	gold := make([][2]int, len(d.Gold))
	for i, g := range d.Gold {
		gold[i] = trim(d.Text, gr, g.Start, g.End)
	}
	proj := newProjector(d.Text, predText)
	ps := make([]*[2]int, len(preds))
	for i, p := range preds {
		ps[i] = proj.span(p.Start, p.End)
	}
	type cand struct {
		same   bool
		ov, gi int
		pi     int
	}
	var cands []cand
	for gi, g := range gold {
		for pi, p := range ps {
			if ov := overlap(g, p); ov > 0 {
				cands = append(cands, cand{p != nil && g == *p, ov, gi, pi})
			}
		}
	}
	sort.SliceStable(cands, func(a, b int) bool {
		x, y := cands[a], cands[b]
		if x.same != y.same {
			return x.same
		}
		if x.ov != y.ov {
			return x.ov > y.ov
		}
		if x.gi != y.gi {
			return x.gi < y.gi
		}
		return x.pi < y.pi
	})
	usedG, usedP := map[int]bool{}, map[int]bool{}
	var pairs []Pair
	for _, k := range cands {
		if usedG[k.gi] || usedP[k.pi] {
			continue
		}
		usedG[k.gi], usedP[k.pi] = true, true
		pairs = append(pairs, Pair{k.gi, k.pi})
		g, p := d.Gold[k.gi], preds[k.pi]
		c.Relaxed++
		if k.same {
			c.Strict++
		}
		if strings.ToUpper(p.Type) == strings.ToUpper(g.Type) {
			c.TypeOK++
		}
		if p.Value == g.Value {
			c.ValueOK++
		}
	}
	sort.Slice(pairs, func(a, b int) bool { return pairs[a].Gold < pairs[b].Gold })
	return c, pairs
}

// Metrics are the scores, as fractions (x/0 counts as 0).
type Metrics struct {
	Counts
	StrictP, StrictR, StrictF1    float64
	RelaxedP, RelaxedR, RelaxedF1 float64
	TypeAcc                       float64
	ValueP, ValueR, ValueF1       float64
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func prf(tp, pred, gold int) (p, r, f float64) {
	p, r = ratio(tp, pred), ratio(tp, gold)
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// Compute turns counts into metrics.
func Compute(c Counts) Metrics {
	m := Metrics{Counts: c}
	m.StrictP, m.StrictR, m.StrictF1 = prf(c.Strict, c.Pred, c.Gold)
	m.RelaxedP, m.RelaxedR, m.RelaxedF1 = prf(c.Relaxed, c.Pred, c.Gold)
	m.TypeAcc = ratio(c.TypeOK, c.Relaxed)
	m.ValueP, m.ValueR, m.ValueF1 = prf(c.ValueOK, c.Pred, c.Gold)
	return m
}

// Write prints the metrics as score_times.py does: a summary line, then `score_times key=value ...`.
func (m Metrics) Write(w io.Writer) {
	fmt.Fprintf(w, "%d documents, %d gold timexes, %d predicted; strict %d, relaxed %d, value correct %d\n",
		m.Docs, m.Gold, m.Pred, m.Strict, m.Relaxed, m.ValueOK)
	fmt.Fprintf(w, "score_times docs=%d missing_docs=%d gold=%d pred=%d strict=%d relaxed=%d "+
		"strict_p=%.4f strict_r=%.4f strict_f1=%.4f relaxed_p=%.4f relaxed_r=%.4f relaxed_f1=%.4f "+
		"type_acc=%.4f value_p=%.4f value_r=%.4f value_f1=%.4f\n",
		m.Docs, m.MissingDocs, m.Gold, m.Pred, m.Strict, m.Relaxed, m.StrictP, m.StrictR, m.StrictF1,
		m.RelaxedP, m.RelaxedR, m.RelaxedF1, m.TypeAcc, m.ValueP, m.ValueR, m.ValueF1)
}

// Get returns a metric by its score_times.py name, for --min thresholds.
func (m Metrics) Get(key string) (float64, bool) {
	v, ok := map[string]float64{
		"docs": float64(m.Docs), "missing_docs": float64(m.MissingDocs), "gold": float64(m.Gold),
		"pred": float64(m.Pred), "strict": float64(m.Strict), "relaxed": float64(m.Relaxed),
		"strict_p": m.StrictP, "strict_r": m.StrictR, "strict_f1": m.StrictF1,
		"relaxed_p": m.RelaxedP, "relaxed_r": m.RelaxedR, "relaxed_f1": m.RelaxedF1, "type_acc": m.TypeAcc,
		"value_p": m.ValueP, "value_r": m.ValueR, "value_f1": m.ValueF1,
	}[key]
	return v, ok
}

// runeIndex maps byte offsets of s to code point offsets (len(s)+1 entries): the number of code points
// that start before the offset.
func runeIndex(s string) []int {
	idx := make([]int, len(s)+1)
	k := 0
	for i := 0; i < len(s); i++ {
		idx[i] = k
		if utf8.RuneStart(s[i]) {
			k++
			idx[i] = k - 1
		}
	}
	idx[len(s)] = k
	return idx
}

// trim returns the code point span of [start, end) without edge whitespace.
func trim(s string, ri []int, start, end int) [2]int {
	for start < end {
		r, n := utf8.DecodeRuneInString(s[start:])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(s[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return [2]int{ri[start], ri[end]}
}

func overlap(a [2]int, b *[2]int) int {
	if b == nil {
		return 0
	}
	return max(0, min(a[1], b[1])-max(a[0], b[0]))
}

// projector maps byte spans of the predicted text to code point spans of the gold text, as scoring.py
// does: when the two texts have the same non-whitespace characters they map one to one; otherwise the
// characters inside the matching blocks of difflib.SequenceMatcher(autojunk=False) over the two
// non-whitespace strings map (see matchingBlocks), and the others map to nothing.
type projector struct {
	m       []int // predicted byte offset → gold code point offset of the same character, -1
	Difflib bool  // the texts differed beyond whitespace
}

func newProjector(gold, pred string) *projector {
	p := &projector{m: make([]int, len(pred))}
	for i := range p.m {
		p.m[i] = -1
	}
	var gs, ps []rune
	var gOff, pOff []int // code point offset in gold / byte offset in pred of each non-space rune
	k := 0
	for _, r := range gold {
		if !unicode.IsSpace(r) {
			gs = append(gs, r)
			gOff = append(gOff, k)
		}
		k++
	}
	for i, r := range pred {
		if !unicode.IsSpace(r) {
			ps = append(ps, r)
			pOff = append(pOff, i)
		}
	}
	if string(gs) == string(ps) {
		for i := range ps {
			p.m[pOff[i]] = gOff[i]
		}
		return p
	}
	p.Difflib = true
	for _, bl := range align.MatchingBlocks(ps, gs) {
		for n := 0; n < bl[2]; n++ {
			p.m[pOff[bl[0]+n]] = gOff[bl[1]+n]
		}
	}
	return p
}

func (p *projector) span(start, end int) *[2]int {
	start, end = max(start, 0), min(end, len(p.m))
	first, last := -1, -1
	for i := start; i < end; i++ {
		if p.m[i] >= 0 {
			first = p.m[i]
			break
		}
	}
	if first < 0 {
		return nil
	}
	for i := end - 1; i >= start; i-- {
		if p.m[i] >= 0 {
			last = p.m[i]
			break
		}
	}
	return &[2]int{first, last + 1}
}
