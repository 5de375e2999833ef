package quote

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/perceptron"
)

// Config tunes the extractor. The zero value uses the defaults tuned on PolNeAR dev.
type Config struct {
	// MinP is the least fraction of a word's training occurrences that must be cues for the word to count as
	// a cue by itself (default 0.30).
	MinP float64
	// MinCount is the least number of training cue occurrences for a learned cue (default 3).
	MinCount int
	// MinSrcP is the least fraction of a lower-case word's training occurrences that must end a source for
	// the word to head a source noun phrase (default 0.01).
	MinSrcP float64
	// MinVerbP is the least cue fraction for a word tagged as a verb by the POS stage to count as a cue
	// (default 0.10; 1 or more turns verb cues off). Without POS tags only MinP applies.
	MinVerbP float64
	// MinPatternP is the least precision a word must have shown as a cue in training, where the patterns
	// took it for one at least MinCount times, to count as a cue (default 0.5).
	MinPatternP float64
	// Permissive takes every word seen as a cue in training for a cue; it is for measuring MinPatternP.
	Permissive bool
	// DetNouns accepts any determiner + noun phrase as a subject source ("The commission says").
	DetNouns bool
	// KeepParticiples lets reported content run on over ", adding ..." and the like (by default it ends
	// there when the participle has an attribution of its own).
	KeepParticiples bool
	// InheritDirectOnly lets an unattributed quotation inherit only the attribution of a direct quote just
	// before it (by default any attributed quote will do).
	InheritDirectOnly bool
	// MinDirectWords is the least number of words of an unattributed quotation for it to be kept as speech
	// rather than taken for a scare quote or a title (default 4).
	MinDirectWords int
	// NoRuleCues keeps the cues of the rules' reported speech that the sequence model missed from the
	// argument model (by default it labels their sources and contents too).
	NoRuleCues bool
	// JoinContent makes one content of the argument labeller's content runs for a cue (by default a run
	// after a word outside the content, such as the cue of "A, he said, B", starts a quote of its own, as
	// PolNeAR's units do).
	JoinContent bool
}

func (c Config) withDefaults() Config {
	if c.MinP == 0 {
		c.MinP = 0.30
	}
	if c.MinCount == 0 {
		c.MinCount = 3
	}
	if c.MinPatternP == 0 {
		c.MinPatternP = 0.5
	}
	if c.MinVerbP == 0 {
		c.MinVerbP = 0.10
	}
	if c.MinSrcP == 0 {
		c.MinSrcP = 0.01
	}
	if c.MinDirectWords == 0 {
		c.MinDirectWords = 4
	}
	return c
}

// Extractor is the quote stage. It is safe for concurrent use.
type Extractor struct {
	cfg  Config
	cues map[string]bool // words that signal attribution
	lex  Lexicon
	seq  *perceptron.Model // the sequence labeller, nil for rules only
	args *perceptron.Model // the argument labeller, nil to use the sequence labeller's spans
	wc   *cacheHolder      // the word cache of seq and args (see cache.go)
	// cue is the cue classifier (nil: none, the default) and cueThr its margin threshold (see cue.go)
	cue        *perceptron.Model
	cueThr     float32
	cueAllToks bool // CueExamples labels every token of a gold cue (see WithCueAllTokens)
	argHeads   int  // how ArgExamples presents a gold cue of several words (see WithArgHeads)
}

// New returns the stage with the embedded cue lexicon and the default configuration.
func New() (*Extractor, error) { return NewWithConfig(Config{}) }

// NewWithConfig returns the stage with the given configuration.
func NewWithConfig(cfg Config) (*Extractor, error) {
	lex, err := ParseLexicon(cuesTSV)
	if err != nil {
		return nil, fmt.Errorf("quote: %w", err)
	}
	x := &Extractor{cfg: cfg.withDefaults(), lex: lex, cues: map[string]bool{}, wc: &cacheHolder{}}
	x.buildCues()
	m, err := loadSeq()
	if err != nil {
		return nil, err
	}
	x.seq = m
	if x.args, err = loadArgs(); err != nil {
		return nil, err
	}
	if x.seq != nil {
		x.cache() // build the embedded models' word cache and interleaved table with the models
	}
	return x, nil
}

// buildCues fills x.cues: the hand-written base and nominal cues and the learned ones.
func (x *Extractor) buildCues() {
	for w := range baseCues {
		x.cues[w] = true
	}
	for w := range nominalCues {
		x.cues[w] = true
	}
	minCount, minP := x.cfg.MinCount, x.cfg.MinP
	if x.cfg.Permissive {
		minCount, minP = 2, 0
	}
	for w, st := range x.lex {
		if st.Cue >= minCount && st.P() >= minP && !stopWords[w] && !pronouns[w] && !determiners[w] && !npJoins[w] && !auxWords[w] {
			x.cues[w] = true
		}
	}
}

// Name returns the stage name.
func (*Extractor) Name() string { return "quote" }

// attrib is an attribution: the token ranges of its cue and source (srcS < 0: no source).
type attrib struct {
	cueS, cueE int
	srcS, srcE int
}

func (a attrib) hasSource() bool { return a.srcS >= 0 }

// cand is a quotation found by the patterns, before speaker resolution.
type cand struct {
	s, e int // content byte span
	kind string
	at   attrib
	ok   bool // has an attribution (cue)
}

// Process finds the quotations of d.Text and sets d.Quotes. It reads d.Text, d.Tokens' POS tags when the
// POS stage ran (to tell verbs from nouns), and d.Entities for speakers; it never changes d.Text.
func (x *Extractor) Process(ctx context.Context, d *doc.Document) error {
	res := newResolver(d) // one per document, for the rules and the models
	rules := x.extractRes(d, res)
	d.Quotes = x.post(d, merge(d.Text, rules, x.modelQuotesRes(d, rules, res)))
	return nil
}

// post runs the passes after the merge (split.go) over the merged quotes qs, in order.
func (x *Extractor) post(d *doc.Document, qs []doc.Quote) []doc.Quote {
	qs = x.splitCoordinated(d, qs)
	qs = x.passiveAgent(d, x.colonSource(d, x.tailAttrib(d, x.headlineTail(d, x.parenBefore(d, x.coordAfter(d, qs))))))
	qs = dropIntro(d, dropInSource(dropWithout(d.Text, qs)))
	return x.gerundSubject(d, x.splitSource(d, badSource(d, passiveNoSource(d, raisingNoSource(d, qs)))))
}

// renumber sets the ids of qs to q1, q2, ... in their order and returns qs.
func renumber(qs []doc.Quote) []doc.Quote {
	for i := range qs {
		qs[i].ID = "q" + strconv.Itoa(i+1)
	}
	return qs
}

// keepOnly returns the quotes of qs for which keep is true, renumbered, or qs itself (not copied) when it
// keeps them all.
func keepOnly(qs []doc.Quote, keep func(i int) bool) []doc.Quote {
	var out []doc.Quote
	for i := range qs {
		switch k := keep(i); {
		case !k && out == nil:
			out = append(make([]doc.Quote, 0, len(qs)-1), qs[:i]...)
		case k && out != nil:
			out = append(out, qs[i])
		}
	}
	if out == nil {
		return qs
	}
	return renumber(out)
}

// dropWithout drops a quote whose cue follows "without" ("singled out Spain without naming its prime
// minister"): a speech act that did not happen reports nothing.
func dropWithout(text string, qs []doc.Quote) []doc.Quote {
	return keepOnly(qs, func(i int) bool {
		before := strings.TrimRightFunc(text[max(0, qs[i].Cue.Start-16):qs[i].Cue.Start], unicode.IsSpace)
		w := before[strings.LastIndexFunc(before, unicode.IsSpace)+1:]
		return !strings.EqualFold(w, "without")
	})
}

// dropInSource drops a quote whose content lies inside the source of another quote with the same cue: in
// "..., according to two diplomats who attended the session" the relative clause is part of the source, not
// what was said. The ids are renumbered when a quote goes.
func dropInSource(qs []doc.Quote) []doc.Quote {
	return keepOnly(qs, func(i int) bool {
		q := qs[i]
		for j, o := range qs {
			if j != i && o.Source != nil && o.Cue == q.Cue &&
				o.Source.Start <= q.Content.Start && q.Content.End <= o.Source.End {
				return false
			}
		}
		return true
	})
}

// state is the working data of one document.
type state struct {
	x        *Extractor
	text     string
	toks     []tok
	paras    []int // first token of each paragraph, then len(toks)
	regions  []region
	regionOf []int // region of each token (marks included), -1 outside
	words    []int // words[i] = number of word tokens before token i
	used     []bool
	cands    []cand
	// direct is set while quotations in marks are being attributed
	direct bool
	// pos is the part-of-speech tag of each token, from d.Tokens when the POS stage ran ("" otherwise)
	pos []string
}

func (x *Extractor) extract(d *doc.Document) []doc.Quote { return x.extractRes(d, nil) }

// extractRes is extract with the document's speaker resolver (nil: built here).
func (x *Extractor) extractRes(d *doc.Document, res *resolver) []doc.Quote {
	st := &state{x: x, text: d.Text, toks: tokenize(d.Text)}
	n := len(st.toks)
	for i, t := range st.toks {
		if i == 0 || t.nl {
			st.paras = append(st.paras, i)
		}
	}
	st.paras = append(st.paras, n)
	st.regions = pairMarks(d.Text, st.toks, st.paras)
	st.regionOf = make([]int, n)
	for i := range st.regionOf {
		st.regionOf[i] = -1
	}
	for k, r := range st.regions {
		end := r.close
		if r.closed {
			end++
		}
		for i := r.open; i < end && i < n; i++ {
			if st.regionOf[i] < 0 {
				st.regionOf[i] = k
			}
		}
	}
	st.words = make([]int, n+1)
	for i, t := range st.toks {
		st.words[i+1] = st.words[i]
		if t.kind == tWord {
			st.words[i+1]++
		}
	}
	st.used = make([]bool, n)
	st.pos = make([]string, n)
	if len(d.Tokens) > 0 {
		// align the POS stage's tokens with ours by start offset, in one merge pass
		j := 0
		for i, t := range st.toks {
			for j < len(d.Tokens) && d.Tokens[j].Start < t.s {
				j++
			}
			if j < len(d.Tokens) && d.Tokens[j].Start == t.s {
				st.pos[i] = d.Tokens[j].POS
			}
		}
	}
	st.direct = true
	for p := 0; p+1 < len(st.paras); p++ {
		st.transcript(st.paras[p], st.paras[p+1])
		for _, s := range st.sentences(st.paras[p], st.paras[p+1]) {
			st.attributeMarked(s[0], s[1])
		}
	}
	st.direct = false
	for p := 0; p+1 < len(st.paras); p++ {
		for _, s := range st.sentences(st.paras[p], st.paras[p+1]) {
			st.indirect(s[0], s[1])
		}
	}
	st.unattributed()
	return st.finish(d, res)
}

// sentences splits the paragraph's tokens [a, b) into sentences, never inside a quotation.
func (st *state) sentences(a, b int) [][2]int {
	var out [][2]int
	start := a
	for i := a; i < b; i++ {
		t := st.toks[i]
		end := false
		if st.regionOf[i] < 0 && t.kind == tPunct && (st.text[t.s] == '.' || st.text[t.s] == '!' || st.text[t.s] == '?') {
			end = true
		} else if k := st.regionOf[i]; k >= 0 && st.regions[k].closed && st.regions[k].close == i && i > 0 {
			p := st.toks[i-1]
			end = p.kind == tPunct && (st.text[p.s] == '.' || st.text[p.s] == '!' || st.text[p.s] == '?')
		}
		if end && i+1 < b {
			nx := st.toks[i+1]
			end = (nx.kind == tWord && (nx.upper || (nx.low[0] >= '0' && nx.low[0] <= '9'))) || (nx.kind == tMark && st.regionOf[i+1] >= 0 && st.regions[st.regionOf[i+1]].open == i+1)
		}
		if end {
			out = append(out, [2]int{start, i + 1})
			start = i + 1
		}
	}
	if start < b {
		out = append(out, [2]int{start, b})
	}
	return out
}

func (st *state) isCue(i int) bool {
	t := st.toks[i]
	if t.kind != tWord || (t.upper && t.low != "according" && !(baseCues[t.low] && st.startsSentence(i))) || st.regionOf[i] >= 0 || st.used[i] {
		return false // a capitalised word is a name, except a cue opening its sentence ("Said Ellis: “...”")
	}
	if (t.low == "put" || t.low == "puts") && i+1 < len(st.toks) && st.toks[i+1].low == "it" {
		return true // "as The New Yorker put it, “...”"
	}
	if p := st.pos[i]; p != "" && !baseCues[t.low] && !nominalCues[t.low] && !strings.HasPrefix(p, "VB") && !strings.HasPrefix(p, "NN") {
		return false // "skeptical", "consistently": adjectives and adverbs are not cues
	}
	if st.passive(i) {
		return false // "was charged with": the subject is not the source
	}
	if st.direct && mannerCues[t.low] && (!strings.HasPrefix(st.pos[i], "NN") || i > 0 && st.toks[i-1].upper) {
		// ("“...,” Lena sings": the tagger may read "sings" as a plural noun after a name)
		return true // "“...,” she yelled", "“...,” the statement read": speech verbs too rare to be learned
	}
	if ls := st.x.lex[t.low]; st.direct && st.x.cues[t.low] && !strings.HasPrefix(st.pos[i], "NN") {
		return true // next to quotation marks a known cue needs no more evidence
	} else if !st.x.cfg.Permissive && ls.PCand >= st.x.cfg.MinCount && float64(ls.PTP) < st.x.cfg.MinPatternP*float64(ls.PCand) {
		return false // in training, the patterns mostly misfired on this word
	} else if !st.x.cfg.Permissive && ls.PCand >= st.x.cfg.MinCount && !strings.HasPrefix(st.pos[i], "NN") {
		return true
	}
	switch p := st.pos[i]; {
	case p == "":
		return st.x.cues[t.low]
	case strings.HasPrefix(p, "NN"):
		// "the reports", "his claims": a noun is a cue only as a nominal attribution
		return nominalCues[t.low] || st.x.cues[t.low] && !strings.HasSuffix(t.low, "s")
	case strings.HasPrefix(p, "VB"):
		if st.x.cues[t.low] {
			return true
		}
		// a verb that the training data shows as a cue now and then: "compares", "wants", "plans"
		ls := st.x.lex[t.low]
		return st.x.cfg.MinVerbP < 1 && ls.Cue >= 2 && ls.P() >= st.x.cfg.MinVerbP && !auxWords[t.low]
	}
	return st.x.cues[t.low]
}

// passive reports whether the cue at token i is a past participle after a form of "be" ("was endorsed").
func (st *state) passive(i int) bool {
	if st.pos[i] != "VBN" {
		return false
	}
	for j := i - 1; j >= 0 && i-j <= 3; j-- {
		t := st.toks[j]
		if t.kind != tWord {
			return false
		}
		switch t.low {
		case "is", "was", "were", "are", "be", "been", "being", "’s", "'s", "get", "got", "gets":
			return true
		}
		if !strings.HasSuffix(t.low, "ly") && t.low != "not" && t.low != "also" {
			return false
		}
	}
	return false
}

// srcHead reports whether a lower-case word heads sources often enough in training ("officials", "campaign").
func (x *Extractor) srcHead(w string) bool {
	st := x.lex[w]
	return st.Src >= x.cfg.MinCount && float64(st.Src) >= x.cfg.MinSrcP*float64(st.Total)
}

func (st *state) isPunct(i int, chars string) bool {
	return i >= 0 && i < len(st.toks) && st.toks[i].kind == tPunct && strings.Contains(chars, st.text[st.toks[i].s:st.toks[i].e])
}

// leftSource finds the subject noun phrase that ends just before token i (the cue), not before a. It skips
// auxiliaries and adverbs ("has also said") and an appositive between commas ("Trump, the nominee, said").
func (st *state) leftSource(i, a int) (int, int, bool) {
	j := i - 1
	for j >= a && st.toks[j].kind == tWord && st.regionOf[j] < 0 && (auxWords[st.toks[j].low] || st.adverb(j)) && i-j <= 3 {
		j--
	}
	// a time phrase between subject and cue: "the Supreme Court this month rejected"
	if j-1 >= a && st.toks[j].kind == tWord && timeNouns[st.toks[j].low] && (st.toks[j-1].low == "this" || st.toks[j-1].low == "last" || st.toks[j-1].low == "next" || st.toks[j-1].low == "that") {
		j -= 2
		for j >= a && st.toks[j].kind == tWord && auxWords[st.toks[j].low] && i-j <= 6 {
			j--
		}
	}
	if j < a {
		return 0, 0, false
	}
	if st.isDash(j) {
		// a parenthesis between dashes: "The film ― which weaves together ..., among others ― explains"
		if st.isPunct(j-1, "-") {
			j-- // the first hyphen of "--"
		}
		for k := j - 1; k > a && j-k <= 40; k-- {
			if st.regionOf[k] >= 0 || st.isPunct(k, ".;:!?") {
				break
			}
			if st.isDash(k) {
				if st.isPunct(k-1, "-") {
					k-- // the first hyphen of "--"
				}
				if s, e, ok := st.npLeft(k-1, a); ok && st.toks[s].kind == tWord && (st.toks[s].upper || pronouns[st.toks[s].low]) {
					return s, e, true
				}
				// "John Dickey, the chief executive of Ora Media -- the company that ... -- told": the
				// name that opens the sentence
				if s, e, ok := st.rightSource(a, k); ok && s == a && st.properName(s, e) && st.isPunct(e, ",") {
					return s, e, true
				}
				break
			}
		}
		return 0, 0, false
	}
	if st.isPunct(j, ",") {
		// a name opening the sentence, then appositives or a relative clause up to the cue: "Jean-Marc
		// Ayrault, the foreign minister of France, a permanent member of the Security Council, said", "Dr.
		// Connie Mariano, who as a Navy captain was the White House physician ..., said"
		if s, e, ok := st.rightSource(a, j); ok && s == a && e < j && st.isPunct(e, ",") && st.properName(s, e) && j-e <= 40 && st.appositives(e+1, j) {
			return s, e, true
		}
		// appositive or relative clause: "Trump, the Republican nominee, said"
		for k := j - 1; k >= a && k >= j-22; k-- {
			if st.regionOf[k] >= 0 || st.isPunct(k, ".;:") {
				break
			}
			if st.isPunct(k, ",") {
				if s, e, ok := st.npLeft(k-1, a); ok && st.toks[s].kind == tWord && (st.toks[s].upper || pronouns[st.toks[s].low]) {
					// "Becker's campaign manager, Tom Haines, told": the name in apposition to a role
					if !st.allUpper(s, e) && st.allUpper(k+1, j) && j-k-1 <= 4 {
						return k + 1, j, true
					}
					return s, e, true
				}
				// "Her opponent, state Sen. Roy Becker, posted": the appositive names the speaker
				if s, e, ok := st.npLeft(j-1, k+1); ok && s == k+1 {
					return s, e, true
				}
				break
			}
		}
		return 0, 0, false
	}
	s, e, ok := st.npLeft(j, a)
	// "A Quinnipiac poll in late August found": the phrase after a preposition is not the subject
	if ok && s-2 >= a && st.toks[s-1].kind == tWord && subjPreps[st.toks[s-1].low] {
		if s2, _, ok2 := st.npLeft(s-2, a); ok2 {
			return s2, e, true
		}
	}
	return s, e, ok
}

// appositives reports whether tokens [s, e) are noun phrases set off by commas ("the foreign minister of
// France, a permanent member of the Security Council") or a relative clause ("who ... was ..."): no quotation
// and, outside a relative clause, no finite verb (by the POS tags; without them, no cue word).
func (st *state) appositives(s, e int) bool {
	if s >= e || st.toks[s].upper {
		return false // "Chez Vachon, Clinton and husband Bill, said": a list, not an appositive
	}
	if w := st.toks[s].low; w == "who" || w == "which" || w == "whose" {
		for k := s; k < e; k++ {
			if st.regionOf[k] >= 0 {
				return false
			}
		}
		return true
	}
	for k := s; k < e; k++ {
		if st.regionOf[k] >= 0 || st.isPunct(k, ".;:!?") {
			return false
		}
		switch p := st.pos[k]; {
		case p == "VBD" || p == "VBZ" || p == "VBP" || p == "MD":
			return false
		case p == "" && st.toks[k].kind == tWord && st.x.cues[st.toks[k].low]:
			return false
		}
	}
	return true
}

// properName reports whether tokens [s, e) are a name: capitalised words tagged NNP or NNPS (any
// capitalised word without tags), not a sentence adverb ("Moreover").
func (st *state) properName(s, e int) bool {
	if notSpeakers[st.toks[s].low] || !st.allUpper(s, e) {
		return false
	}
	for k := s; k < e; k++ {
		if p := st.pos[k]; p != "" && p != "NNP" && p != "NNPS" {
			return false
		}
	}
	return true
}

// isDash reports whether token i is a dash that sets off a parenthesis: ―, —, – or "--".
func (st *state) isDash(i int) bool {
	if st.isPunct(i, "―—–") {
		return true
	}
	return st.isPunct(i, "-") && (st.isPunct(i+1, "-") || st.isPunct(i-1, "-"))
}

// allUpper reports whether tokens [s, e) are all capitalised words (a name; "Sen." counts).
func (st *state) allUpper(s, e int) bool {
	if s >= e {
		return false
	}
	for k := s; k < e; k++ {
		if st.toks[k].kind != tWord || !st.toks[k].upper {
			return false
		}
	}
	return true
}

// adverb reports whether token j is a lower-case adverb in -ly ("has repeatedly said"), unless the POS
// stage tags it otherwise or it is a noun in -ly ("lawyers for the family said").
func (st *state) adverb(j int) bool {
	t := st.toks[j]
	if p := st.pos[j]; p != "" && !strings.HasPrefix(p, "RB") || lyNouns[t.low] {
		return false
	}
	return strings.HasSuffix(t.low, "ly") && !t.upper
}

// npLeft returns the noun phrase whose last token is j, scanning left no further than a.
func (st *state) npLeft(j, a int) (int, int, bool) {
	if j < a || j >= len(st.toks) {
		return 0, 0, false
	}
	if st.isPunct(j, ")") {
		// "Rep. Jim Jordan (R-Ohio) said": skip the parenthetical
		for k := j - 1; k > a && j-k <= 8; k-- {
			if st.isPunct(k, "(") {
				if s, _, ok := st.npLeft(k-1, a); ok {
					return s, j + 1, true
				}
				break
			}
		}
		return 0, 0, false
	}
	t := st.toks[j]
	if t.kind != tWord || st.regionOf[j] >= 0 {
		return 0, 0, false
	}
	if pronouns[t.low] {
		return j, j + 1, true
	}
	if stopWords[t.low] || st.x.cues[t.low] && !t.upper || determiners[t.low] || npJoins[t.low] {
		return 0, 0, false
	}
	if t.upper && notSpeakers[t.low] && (j == a) {
		return 0, 0, false
	}
	headOK := t.upper || st.x.srcHead(t.low)
	s := j
	for k := j - 1; k >= a && j-k <= 7; k-- {
		u := st.toks[k]
		if st.regionOf[k] >= 0 {
			break
		}
		if u.kind != tWord {
			if st.isPunct(k, "-–") && k > a && st.toks[k-1].kind == tWord {
				continue
			}
			break
		}
		if determiners[u.low] {
			s = k
			// "Mr. Morgan of the Sierra Club", "Video of the incident": go on past "of the" to the head
			// "lawyers for the family": a source word before the join heads the phrase
			if k-2 >= a && st.toks[k-1].kind == tWord && npJoins[st.toks[k-1].low] && st.toks[k-2].kind == tWord && !stopWords[st.toks[k-2].low] && !determiners[st.toks[k-2].low] && (st.toks[k-2].upper || !headOK || st.x.srcHead(st.toks[k-2].low)) {
				continue
			}
			break
		}
		if npJoins[u.low] {
			continue
		}
		if stopWords[u.low] || (st.x.cues[u.low] && !u.upper) || pronouns[u.low] {
			break
		}
		if u.upper && notSpeakers[u.low] {
			break
		}
		s = k
	}
	for s < j && st.toks[s].kind == tWord && npJoins[st.toks[s].low] {
		s++
	}
	if !headOK {
		// a lower-case head needs a name or a known source word in its phrase ("Video of the incident"),
		// or, with POS tags, a determiner and a noun ("The commission")
		for k := s; k < j && !headOK; k++ {
			u := st.toks[k]
			headOK = u.kind == tWord && (u.upper && !(k == a && notSpeakers[u.low]) || st.x.srcHead(u.low))
		}
		if !headOK && (st.x.cfg.DetNouns || st.direct) && determiners[st.toks[s].low] && (st.pos[j] == "" || strings.HasPrefix(st.pos[j], "NN")) {
			headOK = true // "the announcer said, “...”": next to quotation marks a noun phrase will do
		}
		if !headOK {
			return 0, 0, false
		}
	}
	return s, j + 1, true
}

// rightSource finds an inverted subject starting at token k: "said Trump", "said a spokesman for the campaign".
func (st *state) rightSource(k, b int) (int, int, bool) {
	if k >= b || st.toks[k].kind != tWord || st.regionOf[k] >= 0 {
		return 0, 0, false
	}
	t := st.toks[k]
	// an inverted subject ends its clause: "said Trump.", "said Trump, who ...", "said Trump in a statement"
	ends := func(e int) bool {
		return e >= b || st.toks[e].kind != tWord || invEnd[st.toks[e].low]
	}
	switch {
	case t.low == "he" || t.low == "she" || t.low == "they" || t.low == "i" || t.low == "we":
		if !ends(k + 1) {
			return 0, 0, false
		}
		return k, k + 1, true
	case !t.upper && !determiners[t.low] && !stopWords[t.low] && !st.x.cues[t.low] && !pronouns[t.low]:
		// "said 9/11 widow Terry Strada", "said former governor Jan Hill": a lower-case lead to a name
		e := k
		for e < b && e-k < 6 && st.toks[e].kind == tWord && !st.toks[e].upper && !stopWords[st.toks[e].low] {
			e++
		}
		if e == k || e >= b || st.toks[e].kind != tWord || !st.toks[e].upper {
			return 0, 0, false
		}
		for e < b && st.toks[e].kind == tWord && st.toks[e].upper {
			e++
		}
		if !ends(e) {
			return 0, 0, false
		}
		return k, e, true
	case t.upper && !notSpeakers[t.low] || determiners[t.low]:
		e := k + 1
		for e < b && e-k < 8 && st.toks[e].kind == tWord && st.regionOf[e] < 0 {
			u := st.toks[e]
			if stopWords[u.low] || (st.x.cues[u.low] && !u.upper) || pronouns[u.low] || strings.HasPrefix(st.pos[e], "VB") {
				break
			}
			if npJoins[u.low] && !(e+1 < b && st.toks[e+1].kind == tWord) {
				break
			}
			if !t.upper && !determiners[t.low] {
				break
			}
			e++
		}
		for e > k+1 && npJoins[st.toks[e-1].low] {
			e--
		}
		if determiners[t.low] && e == k+1 || !ends(e) {
			return 0, 0, false
		}
		return k, e, true
	}
	return 0, 0, false
}

// cueAt tries token i as a cue with a source, within sentence [a, b).
func (st *state) cueAt(i, a, b int) (attrib, bool) {
	if !st.isCue(i) {
		return attrib{}, false
	}
	at := attrib{cueS: i, cueE: i + 1, srcS: -1, srcE: -1}
	if st.toks[i].low == "according" {
		if i+1 < b && st.toks[i+1].low == "to" {
			at.cueE = i + 2
			if s, e, ok := st.rightSource(i+2, b); ok {
				at.srcS, at.srcE = s, e
				return at, true
			}
			if s, e, ok := st.npRight(i+2, b); ok {
				at.srcS, at.srcE = s, e
				return at, true
			}
		}
		return at, false
	}
	if s, e, ok := st.leftSource(i, a); ok {
		at.srcS, at.srcE = s, e
		return at, true
	}
	// an inverted subject follows a cue that opens its clause: "“...,” said Trump", ", says a report"; not a
	// participle, whose subject comes before it ("she said, referencing the bank's drive")
	if (i == a || st.isPunct(i-1, ",—–―:") || st.toks[i-1].kind == tMark) && !strings.HasSuffix(st.toks[i].low, "ing") {
		if s, e, ok := st.rightSource(i+1, b); ok {
			at.srcS, at.srcE = s, e
			return at, true
		}
	}
	// a participle after a comma takes the sentence's subject: "Trump attacked Clinton, saying ..."
	if strings.HasSuffix(st.toks[i].low, "ing") && st.isPunct(i-1, ",") && i-1 > a {
		sa := a
		for k := a; k < i-1 && k-a < 6; k++ {
			if st.isPunct(k, "—–") { // dateline: "DES MOINES — ..."
				sa = k + 1
				break
			}
		}
		if s, e, ok := st.rightSource(sa, i-1); ok {
			at.srcS, at.srcE = s, e
			return at, true
		}
		// "Ukrainian President Volodymyr Zelensky urged ..., telling a summit that ...": a name and its verb
		if s, e, ok := st.subjectAt(sa, i-1); ok && st.toks[sa].upper {
			at.srcS, at.srcE = s, e
			return at, true
		}
		// "During a speech, Trump attacked Clinton, saying ...": the subject after a leading phrase
		for k := sa + 1; k < i-2 && k-sa < 12; k++ {
			if st.isPunct(k-1, ",") && st.toks[k].kind == tWord && (st.toks[k].upper || pronouns[st.toks[k].low]) {
				if s, e, ok := st.subjectAt(k, i-1); ok {
					at.srcS, at.srcE = s, e
					return at, true
				}
				break
			}
		}
		// "“...,” he said, adding that ...": the attribution just before the comma
		for k := len(st.cands) - 1; k >= 0 && k >= len(st.cands)-8; k-- {
			if c := st.cands[k]; c.ok && c.at.hasSource() && (c.at.cueE == i-1 || c.at.srcE == i-1) {
				at.srcS, at.srcE = c.at.srcS, c.at.srcE
				return at, true
			}
		}
	}
	return at, false
}

// subjectAt returns the name or pronoun starting at token k when a word follows it (the verb of its clause).
func (st *state) subjectAt(k, b int) (int, int, bool) {
	t := st.toks[k]
	if pronouns[t.low] && t.low != "it" && t.low != "which" {
		return k, k + 1, k+1 < b && st.toks[k+1].kind == tWord
	}
	if !t.upper || notSpeakers[t.low] {
		return 0, 0, false
	}
	e := k + 1
	for e < b && e-k < 6 && st.toks[e].kind == tWord && st.toks[e].upper {
		e++
	}
	return k, e, e < b && st.toks[e].kind == tWord && !st.toks[e].upper
}

// npRight is a lenient noun phrase starting at k: words up to punctuation, at most 8.
func (st *state) npRight(k, b int) (int, int, bool) {
	e := k
	for e < b && e-k < 8 && st.toks[e].kind == tWord && st.regionOf[e] < 0 && !(e > k && (st.toks[e].low == "that" || st.toks[e].low == "who")) {
		e++
	}
	return k, e, e > k
}

// transcript handles interview transcripts and headlines: "PENCE: Well, look, ..." — a paragraph that starts
// with one to three capitalised words and a colon.
func (st *state) transcript(a, b int) {
	if a < b && st.toks[a].kind == tMark && st.toks[a].double && a+1 < b {
		a++ // a transcript quoted paragraph by paragraph: "\"PENCE: Well, ..."
	}
	for c := a + 1; c < b && c <= a+3; c++ {
		if !st.isPunct(c, ":") {
			t := st.toks[c]
			if t.kind != tWord || !t.upper {
				return
			}
			continue
		}
		if notSpeakers[st.toks[a].low] || baseCues[st.toks[a].low] || !st.toks[a].upper || st.toks[a].kind != tWord || c+1 >= b {
			return // not "Said Ortiz: “...”", an inverted attribution
		}
		at := attrib{cueS: c, cueE: c + 1, srcS: a, srcE: c}
		e := b
		for e > c+2 && st.toks[e-1].kind == tMark {
			e-- // the closing mark of the quoted transcript
		}
		s, e := st.toks[c+1].s, st.toks[e-1].e
		kind := doc.Indirect
		if k := st.regionOf[c+1]; k >= 0 && st.regions[k].open == c+1 && (st.regions[k].close >= b-2) {
			st.regions[k].attributed = true
			s, e, kind = st.regions[k].s, st.regions[k].e, doc.Direct
		}
		st.cands = append(st.cands, cand{s: s, e: e, kind: kind, at: at, ok: true})
		for i := a; i < b; i++ {
			if k := st.regionOf[i]; k >= 0 {
				st.regions[k].consumed = true
			}
		}
		st.used[c] = true
		return
	}
}

// attributeMarked attributes the quotations of sentence [a, b) from the cue next to them: after the closing mark
// ("“...,” she said") or before the opening one ("She said: “...”"). A quotation split by its attribution
// ("“...,” she said. “...”") gives both parts the same cue and source.
func (st *state) attributeMarked(a, b int) {
	for i := a; i < b; i++ {
		k := st.regionOf[i]
		if k < 0 || st.regions[k].open != i {
			continue
		}
		r := &st.regions[k]
		if r.attributed || r.consumed {
			continue
		}
		at, ok := st.afterClose(r)
		if ok {
			if ls := st.leadIn(r, a); ls >= 0 {
				// "The country “has made ... better,” Obama said": the words before the mark are part of it
				st.cands = append(st.cands, cand{s: st.toks[ls].s, e: r.e, kind: doc.Mixed, at: at, ok: true})
				r.attributed = true
				for t := at.cueS; t < at.cueE; t++ {
					st.used[t] = true
				}
				continue
			}
		} else {
			at, ok = st.beforeOpen(r, a)
			if ok {
				cs := -1
				if callVerbs[st.toks[at.cueS].low] && at.srcS >= 0 {
					// "what it calls “...”": the label is part of a mixed quote from its subject
					cs = at.srcS
					if cs > a && st.toks[cs-1].kind == tWord && st.toks[cs-1].low == "what" {
						cs--
					}
				} else if r.closed && r.close+1 < b && st.toks[r.close+1].kind == tWord && !st.isCue(r.close+1) && !st.toks[r.close+1].upper {
					// "“Trump exaggerates” the level of ...": the clause goes on after the marks
					cs = r.open
				}
				if cs >= 0 {
					ce := b
					for ce > r.close+1 && st.isPunct(ce-1, ".!?;") {
						ce--
					}
					if cs == r.open {
						st.cands = append(st.cands, cand{s: st.toks[cs].s, e: st.toks[ce-1].e, kind: doc.Mixed, at: at, ok: true})
					} else {
						st.cands = append(st.cands, cand{s: st.toks[cs].s, e: r.e, kind: doc.Mixed, at: at, ok: true})
					}
					r.attributed = true
					for t := at.cueS; t < at.cueE; t++ {
						st.used[t] = true
					}
					continue
				}
				// "said that “...”": PolNeAR's content starts at "that", so the quote is not direct
				if th := st.thatBefore(r.open, max(at.cueE, at.srcE)); th >= 0 {
					st.cands = append(st.cands, cand{s: st.toks[th].s, e: r.e, kind: doc.Mixed, at: at, ok: true})
					r.attributed = true
					for t := at.cueS; t < at.cueE; t++ {
						st.used[t] = true
					}
					continue
				}
			}
		}
		if !ok {
			continue
		}
		st.addDirect(k, at)
		// split quotation: the next quotation starts right after the attribution ("he told the host, “...”")
		j := max(at.cueE, at.srcE)
		for n := 0; n < 4 && j < len(st.toks) && st.toks[j].kind == tWord && !st.toks[j].nl; n++ {
			j++
		}
		for j < len(st.toks) && st.isPunct(j, ",.:;—–-") {
			j++
		}
		if j < len(st.toks) && j > r.close && !st.toks[j].nl { // not across a paragraph break
			if k2 := st.regionOf[j]; k2 >= 0 && k2 != k && st.regions[k2].open == j && !st.regions[k2].attributed && !st.regions[k2].consumed {
				if _, own := st.afterClose(&st.regions[k2]); !own {
					st.addDirect(k2, at)
				}
			}
		}
	}
}

// leadIn returns the first token of the words that lead into quotation r within its sentence (from the
// sentence start, or after an earlier quotation or a colon), or -1 when the mark starts its clause.
func (st *state) leadIn(r *region, a int) int {
	s := r.open
	for s > a {
		p := s - 1
		if st.regionOf[p] >= 0 || st.isPunct(p, ":;—–") {
			break
		}
		s = p
	}
	for s < r.open && st.isPunct(s, ",([") {
		s++
	}
	if s < r.open && st.words[r.open]-st.words[s] > 0 {
		return s
	}
	return -1
}

func (st *state) addDirect(k int, at attrib) {
	r := &st.regions[k]
	r.attributed = true
	st.cands = append(st.cands, cand{s: r.s, e: r.e, kind: doc.Direct, at: at, ok: true})
	for i := at.cueS; i < at.cueE; i++ {
		st.used[i] = true
	}
}

// afterClose looks for "SOURCE CUE" or "CUE SOURCE" right after the closing mark.
func (st *state) afterClose(r *region) (attrib, bool) {
	if !r.closed {
		return attrib{}, false
	}
	k := r.close + 1
	if st.isPunct(k, ",—–-―") {
		k++
	}
	// end of the clause that holds the attribution
	b := k
	for b < len(st.toks) && b-k < 30 && st.regionOf[b] < 0 && !(st.isPunct(b, ".;!?:") && !st.isPunct(b+1, ")")) && !st.toks[b].nl {
		b++
	}
	if k >= b {
		return attrib{}, false
	}
	if k == r.close+2 && st.isPunct(k-1, "―—–-") && st.toks[k].upper {
		// a signed quotation: "“...” ― Martha Aguilar"
		if s, e, ok := st.rightSource(k, b); ok && (e >= len(st.toks) || st.toks[e].nl || st.isPunct(e, ".,")) {
			return attrib{cueS: k - 1, cueE: k, srcS: s, srcE: e}, true
		}
	}
	// a quotation that ends its own sentence ("“... .” She adds, “...”") takes an attribution after it only
	// when that attribution ends the sentence too ("“... .” Trump said.")
	final := r.close > 0 && st.isPunct(r.close-1, ".!?") || st.titleCase(r) // a title: "On “Face the Nation,” Ryan said the ..."
	ends := func(at attrib) bool {
		g := max(at.cueE, at.srcE)
		if !final || g >= len(st.toks) || st.toks[g].nl || st.isPunct(g, ".!?") {
			return true
		}
		// a participle or a clause of time may follow: "“... ?” Trump said, looking out on the crowd.",
		// "“...!” she yells as she runs"
		comma := st.isPunct(g, ",") && g+1 < len(st.toks)
		if comma {
			g++
		}
		t := st.toks[g]
		return t.kind == tWord && !t.upper && (comma && strings.HasSuffix(t.low, "ing") || !comma && clauseLinks[t.low])
	}
	if st.isCue(k) { // "said Trump"
		if at, ok := st.cueAt(k, k, b); ok && ends(at) {
			return at, true
		}
	}
	for j := k + 1; j < b && j-k <= 24; j++ {
		if st.isCue(j) {
			s, e, ok := st.leftSource(j, k)
			if ok && s > k {
				// "Scott Pruitt, the attorney general, one of ..., said": the name that opens the clause
				if rs, re, rok := st.rightSource(k, j); rok {
					s, e = rs, re
				}
			}
			if ok && s == k {
				at := attrib{cueS: j, cueE: j + 1, srcS: s, srcE: e}
				if ends(at) {
					return at, true
				}
			}
			break
		}
	}
	// "Scott Pruitt, the attorney general of Oklahoma, one of the states suing the agency, said": a name,
	// an appositive that may hold cue-like words of its own, a comma and the cue
	if s, e, ok := st.rightSource(k, b); ok && st.isPunct(e, ",") && st.toks[k].upper {
		for j := e + 2; j < b && j-k <= 30; j++ {
			if st.isPunct(j-1, ",") && st.isCue(j) {
				if at := (attrib{cueS: j, cueE: j + 1, srcS: s, srcE: e}); ends(at) {
					return at, true
				}
				break
			}
		}
	}
	return attrib{}, false
}

// beforeOpen looks for "SOURCE CUE[ OBJECT][ PHRASE][ that|,|:] “" before the opening mark, within the
// sentence: the quotation must be the whole of what the cue introduces, else it is part of a mixed quote.
func (st *state) beforeOpen(r *region, a int) (attrib, bool) {
	for c := r.open - 1; c >= a && r.open-c <= 10; c-- {
		if st.regionOf[c] >= 0 || st.isPunct(c, ".;!?") {
			break
		}
		if !st.isCue(c) {
			continue
		}
		at, ok := st.cueAt(c, a, r.open)
		if !ok {
			return attrib{}, false
		}
		if st.gapOK(max(at.cueE, at.srcE), r.open, st.toks[c].low) {
			return at, true
		}
		return attrib{}, false
	}
	return attrib{}, false
}

// thatBefore returns the token of a "that" (optionally followed by a comma) just before the opening mark at
// token open and not before token from, or -1.
func (st *state) thatBefore(open, from int) int {
	j := open - 1
	if st.isPunct(j, ",") {
		j--
	}
	if j >= from && st.toks[j].kind == tWord && st.toks[j].low == "that" {
		return j
	}
	return -1
}

// gapPreps start the short phrases that may stand between a cue and its quotation: "said in a statement:".
var gapPreps = set("in", "on", "at", "during", "via", "from", "to", "after", "before", "while", "when", "about", "of", "with", "later", "again", "simply", "flatly", "bluntly")

// gapOK reports whether tokens [s, e) between a cue group and an opening mark only introduce the quotation:
// punctuation, "that", an object of verbs like "told", or a short phrase closed by a comma or colon.
func (st *state) gapOK(s, e int, cue string) bool {
	if s >= e {
		return true
	}
	if callVerbs[cue] {
		return false // "called the plan “a disaster”": a label inside a mixed quote
	}
	if objVerbs[cue] {
		if _, oe, ok := st.npRightObj(s, e); ok {
			s = oe
		}
	}
	for s < e && (st.isPunct(s, ",:—–-") || (st.toks[s].kind == tWord && st.toks[s].low == "that")) {
		s++
	}
	if s >= e {
		return true
	}
	if st.toks[s].kind != tWord || !gapPreps[st.toks[s].low] || e-s > 8 {
		return false
	}
	last := e - 1
	return st.isPunct(last, ",:—") || (st.toks[last].kind == tWord && st.toks[last].low == "that")
}

// indirect finds reported speech in sentence [a, b): a cue with a source and the clause it governs.
func (st *state) indirect(a, b int) {
	for i := a; i < b; i++ {
		if !st.isCue(i) {
			continue
		}
		at, ok := st.cueAt(i, a, b)
		if !ok {
			continue
		}
		groupS := min(at.cueS, at.srcS)
		groupE := max(at.cueE, at.srcE)
		// content after the cue: skip an object, a "that", a comma or a colon
		cs := groupE
		if objVerbs[st.toks[i].low] && !callVerbs[st.toks[i].low] {
			// "told reporters that ...": the object is not content; "called the plan “a disaster”": it is
			if _, e, ok := st.npRightObj(cs, b); ok {
				cs = e
			}
		}
		for t := cs; t < b && t-cs < 8; t++ {
			if st.regionOf[t] >= 0 || st.isPunct(t, ".;!?\"") || nominalCues[st.toks[t].low] {
				break
			}
			if st.toks[t].kind == tWord && st.toks[t].low == "that" {
				cs = t // PolNeAR's content includes the complementizer: "said [that the plan failed]"
				break
			}
		}
		if st.isPunct(cs, ":") {
			cs++
		}
		ce := b
		for ce > cs && st.isPunct(ce-1, ".!?;") {
			ce--
		}
		// the content ends where a participle attribution of the same sentence begins: "..., arguing that ..."
		if !st.x.cfg.KeepParticiples {
			for t := cs + 1; t+1 < ce; t++ {
				if !st.isPunct(t, ",;") || st.regionOf[t] >= 0 {
					continue
				}
				n := t + 1
				if st.toks[n].kind == tWord && st.toks[n].low == "and" {
					n++
				}
				if n < ce && strings.HasSuffix(st.toks[n].low, "ing") && st.isCue(n) {
					if _, ok := st.cueAt(n, a, b); ok {
						ce = t
						break
					}
				}
			}
		}
		var spans [][2]int
		if cs < ce && st.toks[cs].kind == tWord && gapPreps[st.toks[cs].low] && st.words[ce]-st.words[cs] <= 5 {
			cs = ce // "the office said in a statement."
		}
		if cs < ce && st.words[ce]-st.words[cs] >= 3 && !st.isPunct(cs, ",") {
			spans = append(spans, [2]int{cs, ce})
		} else if pre := groupS - 1; pre > a && st.isPunct(pre, ",—–") {
			// "CONTENT, SOURCE CUE." and "CONTENT, SOURCE CUE, CONTENT."
			// "A, X said, B" (not "A, said X, a senior official": after an inverted subject comes its apposition)
			middle := at.srcS < at.cueS && st.isPunct(cs, ",") && cs+1 < ce && st.words[ce]-st.words[cs+1] >= 2
			if n := st.words[pre] - st.words[a]; n >= 3 || middle && n >= 1 {
				spans = append(spans, [2]int{a, pre})
			}
			if middle {
				spans = append(spans, [2]int{cs + 1, ce})
			}
		} else if at.cueS == groupS && st.toks[i].low == "according" && cs < ce && st.isPunct(cs, ",") && st.words[ce]-st.words[cs+1] >= 2 {
			spans = append(spans, [2]int{cs + 1, ce})
		}
		for _, sp := range spans {
			st.addIndirect(sp[0], sp[1], at)
		}
		if len(spans) > 0 {
			for t := at.cueS; t < at.cueE; t++ {
				st.used[t] = true
			}
		}
	}
}

// npRightObj skips the object of verbs like "told": a pronoun, a name, "reporters", "the audience".
func (st *state) npRightObj(k, b int) (int, int, bool) {
	if k >= b || st.toks[k].kind != tWord {
		return 0, 0, false
	}
	t := st.toks[k]
	e := k + 1
	switch {
	case t.low == "him" || t.low == "her" || t.low == "them" || t.low == "us" || t.low == "me" || t.low == "reporters" || t.low == "supporters":
	case t.upper:
		for e < b && st.toks[e].kind == tWord && st.toks[e].upper {
			e++
		}
	case determiners[t.low]:
		for e < b && e-k < 4 && st.toks[e].kind == tWord && !stopWords[st.toks[e].low] {
			e++
		}
	default:
		return 0, 0, false
	}
	return k, e, true
}

// addIndirect adds a reported-speech candidate over tokens [s, e). Quotations inside it make it mixed; a
// clause that is exactly one quotation is a direct quote.
func (st *state) addIndirect(s, e int, at attrib) {
	// trim an attributed quotation off either end rather than overlap it
	for s < e && st.regionOf[s] >= 0 && st.regions[st.regionOf[s]].attributed {
		s++
	}
	for e > s && st.regionOf[e-1] >= 0 && st.regions[st.regionOf[e-1]].attributed {
		e--
	}
	if s >= e {
		return
	}
	kind := doc.Indirect
	if k := st.regionOf[s]; k >= 0 && st.regions[k].open == s && st.regions[k].close >= e-1 && !st.regions[k].attributed {
		st.addDirect(k, at)
		return
	}
	for i := s; i < e; i++ {
		if k := st.regionOf[i]; k >= 0 {
			kind = doc.Mixed
			st.regions[k].consumed = true
		}
	}
	cs, ce := st.toks[s].s, st.toks[e-1].e
	if kind == doc.Indirect {
		for ce > cs && st.isPunct(e-1, ",") {
			e--
			ce = st.toks[e-1].e
		}
	}
	st.cands = append(st.cands, cand{s: cs, e: ce, kind: kind, at: at, ok: true})
}

// unattributed keeps quotations that no cue claims when they look like speech (long enough): they
// inherit the attribution of the quotation just before them in the same or the previous paragraph, the
// news convention for a speaker's further quotes; otherwise their speaker stays unknown.
func (st *state) unattributed() {
	sort.SliceStable(st.cands, func(i, j int) bool { return st.cands[i].s < st.cands[j].s })
	for k := range st.regions {
		r := &st.regions[k]
		if r.attributed || r.consumed || r.words < st.x.cfg.MinDirectWords || !r.closed && r.words < 2*st.x.cfg.MinDirectWords {
			continue
		}
		if !st.startsSentence(r.open) || st.titleCase(r) {
			continue
		}
		c := cand{s: r.s, e: r.e, kind: doc.Direct, at: attrib{cueS: -1, srcS: -1}}
		// "Sanders made the following comment:" closing the paragraph before
		if at, ok := st.colonIntro(r); ok {
			c.at, c.ok = at, true
			st.cands = append(st.cands, c)
			continue
		}
		// the paragraph's own speaker: an attributed quotation after it in the same paragraph ("“...”
		// workers. “...,” Warren said.")
		j := sort.Search(len(st.cands), func(i int) bool { return st.cands[i].s >= r.s })
		if j < len(st.cands) && st.cands[j].ok && st.cands[j].kind == doc.Direct && st.cands[j].at.hasSource() && st.paraOfByte(st.cands[j].s) == r.paraOpen {
			c.at, c.ok = st.cands[j].at, true
			st.cands = append(st.cands, c)
			continue
		}
		// else the closest earlier attributed quotation within the previous paragraph, preferring one
		// attributed by a verb of saying over a weaker cue ("Trump could embrace ..., Graham told HuffPost.
		// “He's the type of guy ...”")
		j--
		for k := j; k >= 0 && st.paraOfByte(st.cands[k].e) >= r.paraOpen-1; k-- {
			if c := st.cands[k]; c.ok && c.at.cueS >= 0 && (c.kind == doc.Direct || baseCues[st.toks[c.at.cueS].low]) {
				j = k
				break
			}
		}
		if j >= 0 && st.cands[j].ok && (st.cands[j].kind == doc.Direct || !st.x.cfg.InheritDirectOnly) {
			p := st.paraOfByte(st.cands[j].e)
			if p >= r.paraOpen-1 {
				c.at, c.ok = st.cands[j].at, true
			}
		}
		st.cands = append(st.cands, c)
	}
}

// colonIntro finds the attribution of a quotation that opens a paragraph when the paragraph before ends with
// a colon after a cue: "On July 6, Sanders made the following comment:".
func (st *state) colonIntro(r *region) (attrib, bool) {
	if !st.toks[r.open].nl || r.open < 2 || !st.isPunct(r.open-1, ":") {
		return attrib{}, false
	}
	end := r.open - 1
	for c := end - 1; c >= 0 && end-c <= 14 && !st.toks[c+1].nl; c-- {
		if st.isPunct(c, ".!?") || st.regionOf[c] >= 0 {
			break
		}
		if st.isCue(c) {
			a := c
			for a > 0 && end-a < 30 && !st.toks[a].nl && !st.isPunct(a-1, ".!?") {
				a--
			}
			if at, ok := st.cueAt(c, a, end); ok {
				return at, true
			}
			return attrib{}, false
		}
	}
	return attrib{}, false
}

// startsSentence reports whether the mark at token i starts a sentence or a paragraph.
func (st *state) startsSentence(i int) bool {
	if i == 0 || st.toks[i].nl {
		return true
	}
	p := i - 1
	if st.isPunct(p, ".!?:") {
		return true
	}
	if k := st.regionOf[p]; k >= 0 && st.regions[k].close == p {
		return true
	}
	return false
}

// titleCase reports whether a short quotation looks like a title ("Make Your Kid a Millionaire").
func (st *state) titleCase(r *region) bool {
	if r.words > 10 {
		return false
	}
	up, n := 0, 0
	first := true
	for i := r.open + 1; i < r.close && i < len(st.toks); i++ {
		t := st.toks[i]
		if t.kind != tWord || len(t.low) <= 3 && !t.upper {
			continue
		}
		if first { // a sentence starts with a capital anyway
			first = false
			continue
		}
		n++
		if t.upper {
			up++
		}
	}
	return n >= 1 && up*10 >= n*7
}

func (st *state) paraOfByte(b int) int {
	i := sort.Search(len(st.toks), func(i int) bool { return st.toks[i].e >= b })
	return sort.Search(len(st.paras), func(p int) bool { return st.paras[p] > i }) - 1
}

// finish turns the candidates into doc.Quotes in text order with resolved speakers.
func (st *state) finish(d *doc.Document, res *resolver) []doc.Quote {
	sort.SliceStable(st.cands, func(i, j int) bool {
		if st.cands[i].s != st.cands[j].s {
			return st.cands[i].s < st.cands[j].s
		}
		return st.cands[i].e < st.cands[j].e
	})
	if res == nil {
		res = newResolver(d)
	}
	out := make([]doc.Quote, 0, len(st.cands))
	for _, c := range st.cands {
		q := doc.Quote{Kind: c.kind, Content: doc.Span{Start: c.s, End: c.e}}
		if c.at.cueS >= 0 {
			q.Cue = doc.Span{Start: st.toks[c.at.cueS].s, End: st.toks[c.at.cueE-1].e}
		} else {
			q.Cue = doc.Span{Start: c.s, End: c.s}
		}
		if c.at.hasSource() {
			src := doc.Span{Start: st.toks[c.at.srcS].s, End: st.toks[c.at.srcE-1].e}
			q.Source = &src
			q.Speaker = res.speaker(src, st.toks[c.at.srcS].low)
		}
		q.ID = fmt.Sprintf("q%d", len(out)+1)
		out = append(out, q)
	}
	return out
}
