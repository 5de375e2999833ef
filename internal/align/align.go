// Package align finds the characters two versions of a text share, as Python's
// difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks() does. The scorers use it to project
// spans of the cleaned text that newsgraph prints onto a gold corpus's text, exactly as the reference scorers
// in ../shared/eval do (their scoring.Projector).
package align

import (
	"unicode"

	"github.com/pmezard/go-difflib/difflib"
)

// MatchingBlocks returns the blocks (i, j, n) with a[i:i+n] == b[j:j+n] that difflib finds without auto-junk,
// in order, without difflib's final empty block.
func MatchingBlocks(a, b []rune) [][3]int {
	as, bs := make([]string, len(a)), make([]string, len(b))
	for i, r := range a {
		as[i] = string(r)
	}
	for i, r := range b {
		bs[i] = string(r)
	}
	var out [][3]int
	for _, m := range difflib.NewMatcherWithJunk(as, bs, false, nil).GetMatchingBlocks() {
		if m.Size > 0 {
			out = append(out, [3]int{m.A, m.B, m.Size})
		}
	}
	return out
}

// IsSpace is Python's str.isspace for one character, which the reference scorers use.
func IsSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// Projector maps code point offsets of a predicted (cleaned) text onto the gold text, like scoring.Projector
// in the reference scorers: when the two texts have the same non-whitespace characters they map one to one,
// otherwise the characters inside the MatchingBlocks of the two non-whitespace strings map, and the others
// map to nothing.
type Projector struct {
	m      []int  // predicted code point offset → gold code point offset, -1
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
		if !IsSpace(c) {
			gi = append(gi, i)
		}
	}
	for i, c := range pred {
		if !IsSpace(c) {
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
	for _, blk := range MatchingBlocks(a, b) {
		for k := 0; k < blk[2]; k++ {
			p.m[pi[blk[0]+k]] = gi[blk[1]+k]
		}
	}
	return p
}

// Span projects the predicted code point span [start, end) (clamped to the text) onto the gold span from the
// first to the last of its characters that map; ok is false when none does.
func (p *Projector) Span(start, end int) (gs, ge int, ok bool) {
	start, end = max(start, 0), min(end, len(p.m))
	first, last := -1, -1
	for i := start; i < end; i++ {
		if p.m[i] >= 0 {
			first = p.m[i]
			break
		}
	}
	if first < 0 {
		return 0, 0, false
	}
	for i := end - 1; i >= start; i-- {
		if p.m[i] >= 0 {
			last = p.m[i]
			break
		}
	}
	return first, last + 1, true
}
