package timex

import (
	"strings"
	"testing"
)

// TestTenseAt checks the tense found for the expression written in brackets, from the lexicon alone.
func TestTenseAt(t *testing.T) {
	tests := []struct {
		name, text string
		want       tense
	}{
		{"will", "The leaders will meet on [Monday].", tenseFuture},
		{"contraction-ll", "They'll vote [Tuesday].", tenseFuture},
		{"going-to", "She is going to testify [Friday].", tenseFuture},
		{"plans-to", "The union plans to strike [Monday].", tenseFuture},
		{"progressive", "Leaders are heading to Washington on [Monday].", tenseFuture},
		{"is-to", "Trading is to resume [Tuesday].", tenseFuture},
		{"scheduled", "The court has scheduled a hearing [Thursday].", tenseFuture},
		{"irregular-past", "The king met Bush [Monday].", tensePast},
		{"ed-past", "The company announced [Friday] that it would sell.", tensePast},
		{"verb-after", "On [Sunday], Trump posted a message.", tensePast},
		{"said-first", "He said [Friday] the firm will appeal.", tensePast},
		{"passive-is-not-past", "The dividend will be paid [Dec. 14].", tenseFuture},
		{"was-due-to", "The offer was due to expire [Friday].", tensePast},
		{"modal-have", "Customers should have power back by [Tuesday].", tenseFuture},
		{"perfect-is-past", "The union has voted [Monday] to strike.", tensePast},
		{"copula-present", "The deadline is [Thursday].", tensePresent},
		{"schedule-present", "Netanyahu and Arafat meet separately [Monday] in London.", tenseFuture},
		{"schedule-present-3sg", "The offer expires [Friday].", tenseFuture},
		{"schedule-noun-is-not-future", "After his visit [Monday], talks stalled.", tensePast},
		{"sentence-bound", "Prices rose. On [Monday] stocks", tenseNone},
		{"no-verb", "[Monday] morning", tenseNone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := strings.Index(tt.text, "["), strings.Index(tt.text, "]")
			text := tt.text[:a] + tt.text[a+1:b] + tt.text[b+1:]
			toks := tokenize(text)
			i, j := -1, -1
			for k, tk := range toks {
				if tk.start == a {
					i = k
				}
				if tk.end == b-1 {
					j = k + 1
				}
			}
			if i < 0 || j < 0 {
				t.Fatalf("no tokens for the bracketed span of %q", tt.text)
			}
			e := &env{toks: toks}
			if got := e.tenseAt(i, j); got != tt.want {
				t.Errorf("tenseAt(%q) = %d, want %d", tt.text, got, tt.want)
			}
		})
	}
}

// TestTokenize checks offsets and the hyphen, abbreviation and number rules of the tokenizer.
func TestTokenize(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Aug. 18, 2025", "aug|18|,|2025"},
		{"8 p.m. ET", "8|p.m|et"},
		{"third-quarter mid-August 2025-08-18", "third|quarter|mid|august|2025|-|08|-|18"},
		{"the '80s and 1990s, 18th", "the|'80s|and|1990s|,|18th"},
		{"$1,000.50 on 8/18/2025", "$|1,000.50|on|8|/|18|/|2025"},
		{"Friday's", "friday|'s"},
		{"Roe vs. Wade in Birmingham, Ala., fell", "roe|vs|wade|in|birmingham|,|ala|,|fell"},
		{"Acme Inc. said so. He joined Acme Inc. The end", "acme|inc|said|so|.|he|joined|acme|inc|.|the|end"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, tk := range tokenize(tt.text) {
				if tt.text[tk.start:tk.end] != tk.text {
					t.Errorf("token %q has span %d:%d = %q", tk.text, tk.start, tk.end, tt.text[tk.start:tk.end])
				}
				got = append(got, tk.low)
			}
			if strings.Join(got, "|") != tt.want {
				t.Errorf("tokenize(%q) = %s, want %s", tt.text, strings.Join(got, "|"), tt.want)
			}
		})
	}
}

// TestPlannedParticipleDespiteTag: "planned" followed by a preposition is a participle even when a POS tagger
// calls it VBD, so the weekday of the canceled lecture stays in the past.
func TestPlannedParticipleDespiteTag(t *testing.T) {
	text := "A lecture planned at the university for Saturday was canceled."
	pos := map[int]string{strings.Index(text, "planned"): "VBD", strings.Index(text, "was"): "VBD", strings.Index(text, "canceled"): "VBN"}
	got := Find(text, testDCT, pos)
	if len(got) != 1 || got[0].Text != "Saturday" || got[0].Value != "2025-08-16" {
		t.Fatalf("Find = %+v, want Saturday 2025-08-16", got)
	}
}
