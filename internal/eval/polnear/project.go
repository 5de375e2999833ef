package polnear

import (
	"unicode"

	"github.com/newsgraph/newsgraph/internal/align"
)

// isSpace is Python's str.isspace, which the reference scorer uses.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// Projector maps code point spans of a predicted (cleaned) text onto the gold text, like scoring.Projector
// in the reference scorer: when the two texts have the same non-whitespace characters they map one to one,
// otherwise a difflib alignment (no auto-junk) of the non-whitespace strings maps the characters inside its
// matching blocks.
type Projector struct {
	m      []int
	Method string // identical, nonspace or difflib
}

// NewProjector aligns pred onto gold.
func NewProjector(gold, pred []rune) *Projector {
	p := &Projector{m: make([]int, len(pred))}
	for i := range p.m {
		p.m[i] = -1
	}
	var gi, pi []int
	for i, c := range gold {
		if !isSpace(c) {
			gi = append(gi, i)
		}
	}
	for i, c := range pred {
		if !isSpace(c) {
			pi = append(pi, i)
		}
	}
	same := len(gi) == len(pi)
	for k := 0; same && k < len(gi); k++ {
		same = gold[gi[k]] == pred[pi[k]]
	}
	if same {
		p.Method = "nonspace"
		if string(gold) == string(pred) {
			p.Method = "identical"
		}
		for k := range pi {
			p.m[pi[k]] = gi[k]
		}
		return p
	}
	p.Method = "difflib"
	a, b := make([]rune, len(pi)), make([]rune, len(gi))
	for k, i := range pi {
		a[k] = pred[i]
	}
	for k, i := range gi {
		b[k] = gold[i]
	}
	for _, blk := range align.MatchingBlocks(a, b) {
		for k := 0; k < blk[2]; k++ {
			p.m[pi[blk[0]+k]] = gi[blk[1]+k]
		}
	}
	return p
}

// Span projects the predicted code point span [start, end); ok is false when nothing in it maps.
func (p *Projector) Span(start, end int) (Frag, bool) {
	start, end = max(start, 0), min(end, len(p.m))
	first, last := -1, -1
	for i := start; i < end; i++ {
		if p.m[i] >= 0 {
			first = p.m[i]
			break
		}
	}
	if first < 0 {
		return Frag{}, false
	}
	for i := end - 1; i >= start; i-- {
		if p.m[i] >= 0 {
			last = p.m[i]
			break
		}
	}
	return Frag{first, last + 1}, true
}
