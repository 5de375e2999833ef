package polnear

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/align"
	"github.com/newsgraph/newsgraph/internal/doc"
)

// openingMarks start a direct gold unit (after whitespace); so do two ASCII apostrophes.
const openingMarks = "\"“”‘’«»„‟‹›"

// edgeChars are stripped from both ends of a quote before exact comparison.
const edgeChars = "\"'“”‘’«»„‟‹›,.;:"

// Counts are the summed counts of a scoring run.
type Counts struct {
	Docs, MissingDocs                            int
	Attributions, Gold, Pred, Matched            int
	GoldWithSource, PredWithSource, DirectGold   int
	GoldTokens, PredTokens, SharedTokens         int
	Exact, Cue, Source                           int
	DirectPred, DirectExactGold, DirectExactPred int
	DirectWithSource, DirectSpeakerOK            int
}

// Metric is one named figure of a result, in the reference scorer's order.
type Metric struct {
	Name  string
	Value float64
	Int   bool
}

// Metrics returns the figures the reference scorer prints on its last line, in its order.
func (c Counts) Metrics() []Metric {
	m := []Metric{}
	add := func(name string, v int) { m = append(m, Metric{name, float64(v), true}) }
	add("docs", c.Docs)
	add("missing_docs", c.MissingDocs)
	add("attributions", c.Attributions)
	add("gold", c.Gold)
	add("pred", c.Pred)
	add("matched", c.Matched)
	add("gold_with_source", c.GoldWithSource)
	add("pred_with_source", c.PredWithSource)
	add("direct_gold", c.DirectGold)
	prf := func(prefix string, tpPred, nPred, tpGold, nGold int) {
		p, r := ratio(tpPred, nPred), ratio(tpGold, nGold)
		f := 0.0
		if p+r > 0 {
			f = 2 * p * r / (p + r)
		}
		m = append(m, Metric{Name: prefix + "_p", Value: p}, Metric{Name: prefix + "_r", Value: r}, Metric{Name: prefix + "_f1", Value: f})
	}
	prf("content_overlap", c.SharedTokens, c.PredTokens, c.SharedTokens, c.GoldTokens)
	prf("content_exact", c.Exact, c.Pred, c.Exact, c.Gold)
	prf("cue", c.Cue, c.Pred, c.Cue, c.Gold)
	prf("source", c.Source, c.PredWithSource, c.Source, c.GoldWithSource)
	prf("direct_exact", c.DirectExactPred, c.DirectPred, c.DirectExactGold, c.DirectGold)
	m = append(m, Metric{Name: "direct_speaker_acc", Value: ratio(c.DirectSpeakerOK, c.DirectWithSource)})
	return m
}

// Get returns the named metric (0 when unknown).
func (c Counts) Get(name string) float64 {
	for _, m := range c.Metrics() {
		if m.Name == name {
			return m.Value
		}
	}
	return 0
}

// Line formats the metrics as the reference scorer's last line: "score_quotes key=value ...".
func (c Counts) Line() string {
	var b strings.Builder
	b.WriteString("score_quotes")
	for _, m := range c.Metrics() {
		if m.Int {
			fmt.Fprintf(&b, " %s=%d", m.Name, int(m.Value))
		} else {
			fmt.Fprintf(&b, " %s=%.4f", m.Name, m.Value)
		}
	}
	return b.String()
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Score scores the predicted documents, keyed by gold name, against the gold docs. A gold doc without a
// prediction counts all its attributions as missed.
func Score(gold []Doc, preds map[string]*doc.Document) Counts {
	var c Counts
	c.Docs = len(gold)
	for _, g := range gold {
		p := preds[g.Name]
		if p == nil {
			c.MissingDocs++
		}
		scoreDoc(g, p, &c)
	}
	return c
}

type unit struct {
	content Frag
	tokens  map[int]bool
	norm    string
	cue     []Frag
	source  []Frag
	direct  bool
}

type pred struct {
	content, cue, source       Frag
	hasContent, hasCue, hasSrc bool
	tokens                     map[int]bool
	hasSource, direct          bool
	mentions                   []Frag
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_' }

// wordTokens returns the maximal runs of \w characters (Python's definition) as code point spans.
func wordTokens(text []rune) []Frag {
	var out []Frag
	for i := 0; i < len(text); {
		if !isWord(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isWord(text[j]) {
			j++
		}
		out = append(out, Frag{i, j})
		i = j
	}
	return out
}

// covered returns the indices of the tokens overlapping any fragment.
func covered(tokens []Frag, frags ...Frag) map[int]bool {
	out := map[int]bool{}
	for _, f := range frags {
		i := sort.Search(len(tokens), func(k int) bool { return tokens[k].End > f.Start })
		for ; i < len(tokens) && tokens[i].Start < f.End; i++ {
			out[i] = true
		}
	}
	return out
}

// segments merges sorted content fragments, splitting only where a gap holds a whole token.
func segments(frags []Frag, tokens []Frag) []Frag {
	var segs []Frag
	for _, f := range frags {
		if n := len(segs); n > 0 {
			last := &segs[n-1]
			i := sort.Search(len(tokens), func(k int) bool { return tokens[k].Start >= last.End })
			if !(i < len(tokens) && tokens[i].End <= f.Start) {
				last.End = max(last.End, f.End)
				continue
			}
		}
		segs = append(segs, f)
	}
	return segs
}

// NormQuote strips edge whitespace, quotation marks and , . ; : (repeatedly) and collapses inner whitespace.
func NormQuote(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return align.IsSpace(r) || strings.ContainsRune(edgeChars, r) })
	return strings.Join(strings.FieldsFunc(s, align.IsSpace), " ")
}

func overlap(a Frag, aok bool, b Frag) bool {
	return aok && min(a.End, b.End)-max(a.Start, b.Start) > 0
}

func hits(a Frag, aok bool, frags []Frag) bool {
	for _, f := range frags {
		if overlap(a, aok, f) {
			return true
		}
	}
	return false
}

func isDirect(s string) bool {
	s = strings.TrimLeftFunc(s, align.IsSpace)
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(openingMarks, r) || strings.HasPrefix(s, "''")
}

func scoreDoc(g Doc, d *doc.Document, c *Counts) {
	text := []rune(g.Text)
	tokens := wordTokens(text)
	var gold []unit
	for _, a := range g.Attributions {
		for _, s := range segments(a.Content, tokens) {
			sub := string(text[clampI(s.Start, len(text)):clampI(s.End, len(text))])
			gold = append(gold, unit{content: s, tokens: covered(tokens, s), norm: NormQuote(sub),
				cue: a.Cue, source: a.Source, direct: isDirect(sub)})
		}
	}
	var preds []pred
	if d != nil {
		ptext := []rune(d.Text)
		conv := byteToRune(d.Text)
		proj := align.NewProjector(text, ptext)
		pr := func(s doc.Span) (Frag, bool) {
			gs, ge, ok := proj.Span(conv(s.Start), conv(s.End))
			return Frag{gs, ge}, ok
		}
		ents := map[string]*doc.Entity{}
		for i := range d.Entities {
			ents[d.Entities[i].ID] = &d.Entities[i]
		}
		for _, q := range d.Quotes {
			var p pred
			p.content, p.hasContent = pr(q.Content)
			p.cue, p.hasCue = pr(q.Cue)
			if q.Source != nil {
				p.source, p.hasSrc = pr(*q.Source)
			}
			if p.hasContent {
				p.tokens = covered(tokens, p.content)
			} else {
				p.tokens = map[int]bool{}
			}
			p.hasSource = q.Source != nil || (q.Speaker != nil && *q.Speaker != "")
			p.direct = q.Kind == doc.Direct
			if q.Speaker != nil {
				if e := ents[*q.Speaker]; e != nil {
					for _, m := range e.Mentions {
						if f, ok := pr(m.Span); ok {
							p.mentions = append(p.mentions, f)
						}
					}
				}
			}
			preds = append(preds, p)
		}
	}
	goldTok, predTok := map[int]bool{}, map[int]bool{}
	for _, u := range gold {
		for t := range u.tokens {
			goldTok[t] = true
		}
	}
	for _, p := range preds {
		for t := range p.tokens {
			predTok[t] = true
		}
	}
	c.Attributions += len(g.Attributions)
	c.Gold += len(gold)
	c.Pred += len(preds)
	c.GoldTokens += len(goldTok)
	c.PredTokens += len(predTok)
	for t := range goldTok {
		if predTok[t] {
			c.SharedTokens++
		}
	}
	for _, u := range gold {
		if len(u.source) > 0 {
			c.GoldWithSource++
		}
		if u.direct {
			c.DirectGold++
		}
	}
	for _, p := range preds {
		if p.hasSource {
			c.PredWithSource++
		}
		if p.direct {
			c.DirectPred++
		}
	}
	type cand struct{ score, gi, pi int }
	var pairs []cand
	for gi, u := range gold {
		for pi, p := range preds {
			n := 0
			small, big := u.tokens, p.tokens
			if len(big) < len(small) {
				small, big = big, small
			}
			for t := range small {
				if big[t] {
					n++
				}
			}
			if n > 0 {
				pairs = append(pairs, cand{n, gi, pi})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool {
		if pairs[i].score != pairs[j].score {
			return pairs[i].score > pairs[j].score
		}
		if pairs[i].gi != pairs[j].gi {
			return pairs[i].gi < pairs[j].gi
		}
		return pairs[i].pi < pairs[j].pi
	})
	usedG, usedP := map[int]bool{}, map[int]bool{}
	for _, pc := range pairs {
		if usedG[pc.gi] || usedP[pc.pi] {
			continue
		}
		usedG[pc.gi], usedP[pc.pi] = true, true
		u, p := gold[pc.gi], preds[pc.pi]
		c.Matched++
		exact := NormQuote(string(text[p.content.Start:p.content.End])) == u.norm
		if exact {
			c.Exact++
		}
		if hits(p.cue, p.hasCue, u.cue) {
			c.Cue++
		}
		srcOK := len(u.source) > 0 && p.hasSource && hits(p.source, p.hasSrc, u.source)
		if !srcOK && len(u.source) > 0 && p.hasSource {
			for _, m := range p.mentions {
				if hits(m, true, u.source) {
					srcOK = true
					break
				}
			}
		}
		if srcOK {
			c.Source++
		}
		if u.direct && exact {
			c.DirectExactGold++
		}
		if p.direct && exact {
			c.DirectExactPred++
		}
		if u.direct && len(u.source) > 0 {
			c.DirectWithSource++
		}
		if u.direct && srcOK {
			c.DirectSpeakerOK++
		}
	}
}

func clampI(i, n int) int { return max(0, min(i, n)) }

// byteToRune returns a function converting byte offsets of s to code point offsets.
func byteToRune(s string) func(int) int {
	idx := make([]int, len(s)+1)
	n := 0
	for i := range s {
		for k := i; k < len(s) && (k == i || !utf8.RuneStart(s[k])); k++ {
			idx[k] = n
		}
		n++
	}
	idx[len(s)] = n
	return func(b int) int { return idx[clampI(b, len(s))] }
}
