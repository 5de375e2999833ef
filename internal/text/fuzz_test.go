package text

import (
	"strings"
	"testing"
)

func FuzzSegment(f *testing.F) {
	for _, s := range []string{
		"“BIG PROGRESS ON RUSSIA. STAY TUNED!” Trump wrote.",
		"Gen. Smith met Mr. Jones in the U.S. The talks ended.\n\nNext paragraph—with a dash.",
		"Trump's aides don't agree... \"Why?\" she asked.",
		"1. Ivanisevic (Croatia)\n2. Sampras (U.S.)",
		"https://x.org/a. me@x.org @h #t",
		"\x00\xff\xfe'’s n’t “”‘’ …—–",
		"Зеленський сказав: «Ні». 北京。",
		strings.Repeat("!", 100) + strings.Repeat(".", 100) + strings.Repeat("'", 50),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		r := Segment(text)
		checkInvariants(t, text, r)
	})
}
