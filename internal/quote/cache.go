package quote

import (
	"sync"

	"github.com/newsgraph/newsgraph/internal/doc"

	"github.com/newsgraph/newsgraph/internal/perceptron"
)

// Tagging reads the same features as feats builds for training, but some of them depend on one token only:
// on its word, POS tag and shape (templates 0, 1, 2, 11, 13, 14, 20, 36, 40 and 41), on the word of a
// neighbour (3, 4, 9, 10), or on the word and a small context (17: the rule role; 45: quote and clean;
// 104 of the argument model: the relation to the cue). Their summed weights are kept per word (wordEntry)
// for both models, one vector per context value, so that a token's emission scores are the remaining rows
// plus seven cached vectors. Integer sums are exact in any
// order, so the scores equal those of the full rows (TestCachedScores). A change of those templates must
// be made in feats and in selfRows/nbRows alike (TestCachedScores fails until it is).

// Word groups: a token's own features, and its word as the neighbour at each offset.
const (
	gSelf = iota
	gPrev
	gNext
	gPrev2
	gNext2
	nGroups
	// templates that join the word to a small context, one group per value of the context:
	gRole = nGroups   // 17: the token's rule role (rNone .. rSrc)
	gInq  = gRole + 4 // 45: stem and POS, with 2*inq + clean (see feats)
	gRel  = gInq + 4  // 104 (the argument model alone): relation to the cue, 'L', 'R', 'C'
	nAll  = gRel + 3
)

// argRels are the relations to the cue of template 104, in group order.
var argRels = [3]byte{'L', 'R', 'C'}

// wordKey is what a token's cached features depend on.
type wordKey struct {
	w, pos string
	shp    byte
}

// wordEntry holds nGroups vectors of the summed weights of the sequence model (Ls) then of the argument
// model (La, when there is one).
type wordEntry struct {
	v []int32
	// the word's fields of seqSent (see setWord)
	wh, ph, sth, sufh uint64
	cb, sb, pb, ab    int8
	pron, lexStrong   bool
}

// prepCached is prepSeq with the per-word fields taken from the word cache; it also returns each token's
// entry.
func (x *Extractor) prepCached(d *doc.Document, rules []doc.Quote, c *wordCache, sc *scratch) (*seqSent, []*wordEntry) {
	return x.prepCachedInto(&seqSent{}, d, rules, c, sc)
}

// prepCachedInto is prepCached into s, whose slices it reuses.
func (x *Extractor) prepCachedInto(s *seqSent, d *doc.Document, rules []doc.Quote, c *wordCache, sc *scratch) (*seqSent, []*wordEntry) {
	x.prepBaseInto(s, d, rules)
	for i := range s.lows {
		s.shp[i] = shape(d.Tokens[i].Text)
	}
	return s, c.lookup(x, s, sc)
}

// maxCachedWords bounds a word cache (about 900 bytes a word: 16 vectors of 12 int32 and the fields).
const maxCachedWords = 1 << 16

// wordCache maps words to their entries for one pair of models; safe for concurrent use.
type wordCache struct {
	mu        sync.RWMutex
	m         map[wordKey]*wordEntry
	seq, args *perceptron.Model
	ls, la    int
	// bound holds the neighbour group vectors of the sentence boundaries (<s> before, </s> after).
	bound wordEntry
	// fw interleaves the two models' weight tables (see fuse); nil when they cannot be.
	fw []int16
}

// fStride is the row size of the interleaved table: 32 bytes, so that a row never straddles cache lines.
const fStride = 16

// fuse builds c.fw: row r holds the sequence model's L_s weights of row r, then the argument model's L_a,
// then zeros. Tagging reads every row of a token's sequence features in both models; a miss then fetches
// one cache line instead of two.
func (c *wordCache) fuse() {
	if c.args == nil || c.ls+c.la > fStride || c.ls == 0 || c.la == 0 ||
		len(c.seq.W)/c.ls != len(c.args.W)/c.la || len(c.seq.W)%c.ls != 0 || len(c.args.W)%c.la != 0 {
		return
	}
	n := len(c.seq.W) / c.ls
	fw := make([]int16, n*fStride)
	ls, la, sw, aw := c.ls, c.la, c.seq.W, c.args.W
	for r := range n {
		row := fw[r*fStride : r*fStride+ls+la]
		for j, v := range sw[r*ls : r*ls+ls] {
			row[j] = v
		}
		for j, v := range aw[r*la : r*la+la] {
			row[ls+j] = v
		}
	}
	c.fw = fw
}

// emitBoth sets s (L_s) and a (L_a) to the summed weights of the rows in the two models, from c.fw.
func (c *wordCache) emitBoth(rows []uint32, s, a []int32, sink *int16) {
	W := c.fw
	var acc [fStride]int32
	if hasAVX2 && len(rows) > 0 && fStride == 16 {
		nr := uint32(len(W) / fStride)
		for _, r := range rows { // (the assembly loop reads no row outside the table)
			if r >= nr {
				panic("quote: feature row out of the table")
			}
		}
		addRows16AVX2(&W[0], &rows[0], len(rows), (*[16]int32)(acc[:]))
		copy(s, acc[:c.ls])
		copy(a, acc[c.ls:c.ls+c.la])
		return
	}
	var t int16
	for _, r := range rows { // touch first, as emit does
		t += W[int(r)*fStride]
	}
	*sink += t
	switch {
	case c.ls+c.la == 12: // the embedded models (7 + 5 labels): skip the padding
		a12 := (*[12]int32)(acc[:12])
		for _, r := range rows {
			w := (*[12]int16)(W[int(r)*fStride : int(r)*fStride+12])
			for j := range a12 {
				a12[j] += int32(w[j])
			}
		}
	default:
		for _, r := range rows {
			w := (*[fStride]int16)(W[int(r)*fStride : int(r)*fStride+fStride])
			for j := range acc {
				acc[j] += int32(w[j])
			}
		}
	}
	copy(s, acc[:c.ls])
	copy(a, acc[c.ls:c.ls+c.la])
}

// cacheHolder holds the word cache of an Extractor's models, built at first use. Extractors made by
// WithModel or WithArgs get their own (freed with them: training scores a new model every epoch).
type cacheHolder struct {
	once sync.Once
	c    *wordCache
}

var (
	embOnce  sync.Once
	embCache *wordCache // the cache of the embedded models, shared by every Extractor that uses them
)

// cache returns the word cache of x's models.
func (x *Extractor) cache() *wordCache {
	es, _ := loadSeq() // (through their sync.Once: no race with the first load)
	ea, _ := loadArgs()
	if x.seq != nil && x.seq == es && x.args == ea {
		embOnce.Do(func() { embCache = newWordCache(x.seq, x.args) })
		return embCache
	}
	h := x.wc
	if h == nil { // not made by New: a cache for this call alone
		return newWordCache(x.seq, x.args)
	}
	h.once.Do(func() { h.c = newWordCache(x.seq, x.args) })
	return h.c
}

func newWordCache(seq, args *perceptron.Model) *wordCache {
	c := &wordCache{m: map[wordKey]*wordEntry{}, seq: seq, args: args, ls: len(seq.Labels)}
	if args != nil {
		c.la = len(args.Labels)
	}
	c.bound.v = make([]int32, nGroups*(c.ls+c.la))
	var sink int16
	var rows []uint32
	for g := gPrev; g < nGroups; g++ {
		h := hStart
		if g == gNext || g == gNext2 {
			h = hEnd
		}
		rows = nbRows(rows[:0], g, h)
		c.sum(rows, g, c.bound.v, &sink)
	}
	c.fuse()
	return c
}

// sum sets group g of v to the summed weights of the rows in both models.
func (c *wordCache) sum(rows []uint32, g int, v []int32, sink *int16) {
	o := g * (c.ls + c.la)
	emit(c.seq, rows, v[o:o+c.ls], sink)
	if c.args != nil {
		emit(c.args, rows, v[o+c.ls:o+c.ls+c.la], sink)
	}
}

// selfRows appends the rows of token i's cached own features (the same as feats adds).
func selfRows(rows []uint32, s *seqSent, i int) []uint32 {
	cb, sb, pb, ab := int(s.cb[i]), int(s.sb[i]), int(s.pb[i]), int(s.ab[i])
	rows = append(rows, fk0(0), fk1(1, s.wh[i]), fk1(2, s.ph[i]))
	if len(s.lows[i]) > 3 {
		rows = append(rows, fk1(11, s.sufh[i]))
	}
	rows = append(rows, fk2(13, uint64(cb), s.ph[i]), fk2(14, uint64(sb), uint64(s.shp[i])))
	if s.pron[i] {
		rows = append(rows, fk1(20, s.wh[i]))
	}
	return append(rows, fk1(36, s.sth[i]), fk3(40, uint64(pb), uint64(cb), s.ph[i]),
		fk2(41, uint64(ab), uint64(min(cb, 3))))
}

// nbRows appends the row of a word hash h as the neighbour of group g.
func nbRows(rows []uint32, g int, h uint64) []uint32 {
	t := [nGroups]uint64{gPrev: 3, gNext: 4, gPrev2: 9, gNext2: 10}[g]
	return append(rows, fk1(t, h))
}

// lookup returns the entry of every token of s and sets the tokens' per-word fields from it, computing the
// entries not cached (and keeping them while the cache has room). The lock is taken once per document.
func (c *wordCache) lookup(x *Extractor, s *seqSent, sc *scratch) []*wordEntry {
	toks := s.d.Tokens
	n := len(s.lows)
	ents := make([]*wordEntry, n)
	var miss []int
	c.mu.RLock()
	for i := 0; i < n; i++ {
		e := c.m[wordKey{s.lows[i], toks[i].POS, s.shp[i]}]
		if e == nil {
			miss = append(miss, i)
			continue
		}
		ents[i] = e
		s.wh[i], s.ph[i], s.sth[i], s.sufh[i] = e.wh, e.ph, e.sth, e.sufh
		s.cb[i], s.sb[i], s.pb[i], s.ab[i] = e.cb, e.sb, e.pb, e.ab
		s.pron[i] = e.pron
		s.strong[i] = s.role[i] == rCue || e.lexStrong
	}
	c.mu.RUnlock()
	if len(miss) == 0 {
		return ents
	}
	var rows []uint32
	fresh := make(map[wordKey]*wordEntry, len(miss))
	for _, i := range miss {
		lexStrong := x.setWord(s, i)
		s.strong[i] = s.role[i] == rCue || lexStrong
		k := wordKey{s.lows[i], toks[i].POS, s.shp[i]}
		e := fresh[k]
		if e == nil {
			e = &wordEntry{v: make([]int32, nAll*(c.ls+c.la)), wh: s.wh[i], ph: s.ph[i], sth: s.sth[i],
				sufh: s.sufh[i], cb: s.cb[i], sb: s.sb[i], pb: s.pb[i], ab: s.ab[i], pron: s.pron[i],
				lexStrong: lexStrong}
			rows = selfRows(rows[:0], s, i)
			c.sum(rows, gSelf, e.v, &sc.sink)
			for g := gPrev; g < nGroups; g++ {
				rows = nbRows(rows[:0], g, s.wh[i])
				c.sum(rows, g, e.v, &sc.sink)
			}
			for rl := range 4 {
				rows = append(rows[:0], fk2(17, uint64(rl), s.wh[i]))
				c.sum(rows, gRole+rl, e.v, &sc.sink)
			}
			for v := range 4 {
				rows = append(rows[:0], fk4(45, s.sth[i], s.ph[i], uint64(v>>1), uint64(v&1)))
				c.sum(rows, gInq+v, e.v, &sc.sink)
			}
			if c.args != nil {
				W := c.ls + c.la
				for k, rel := range argRels {
					o := (gRel+k)*W + c.ls
					rows = append(rows[:0], fk2(104, uint64(rel), s.wh[i]))
					emit(c.args, rows, e.v[o:o+c.la], &sc.sink)
				}
			}
			fresh[k] = e
		}
		ents[i] = e
	}
	c.mu.Lock()
	for k, e := range fresh {
		if len(c.m) >= maxCachedWords {
			break
		}
		if c.m[k] == nil {
			c.m[k] = e
		}
	}
	c.mu.Unlock()
	return ents
}

// addCached adds to em (one vector of L scores per token of [a, b)) the cached groups of model part off
// (0: the sequence model, c.ls: the argument model).
// v45 holds the context of template 45 per token of [a, b) (as feats sets it).
func (c *wordCache) addCached(s *seqSent, ents []*wordEntry, v45 []int8, a, b int, em []int32, off, L int) {
	W := c.ls + c.la
	vec := func(e *wordEntry, g int) []int32 { return e.v[g*W+off : g*W+off+L] }
	nb := func(j, g int) []int32 {
		if j < a || j >= b {
			return vec(&c.bound, g)
		}
		return vec(ents[j], g)
	}
	for i := a; i < b; i++ {
		em1 := em[(i-a)*L : (i-a+1)*L]
		self, p1, n1, p2, n2 := vec(ents[i], gSelf), nb(i-1, gPrev), nb(i+1, gNext), nb(i-2, gPrev2), nb(i+2, gNext2)
		ro, iq := vec(ents[i], gRole+int(s.role[i])), vec(ents[i], gInq+int(v45[i-a]))
		for j := range em1 {
			em1[j] += self[j] + p1[j] + n1[j] + p2[j] + n2[j] + ro[j] + iq[j]
		}
	}
}
