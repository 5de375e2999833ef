// Package align finds the characters two versions of a text share, as Python's
// difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks() does. The scorers use it to project
// spans of the cleaned text that newsgraph prints onto a gold corpus's text, exactly as the reference scorers
// in ../shared/eval do (their scoring.Projector).
package align

import "github.com/pmezard/go-difflib/difflib"

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
