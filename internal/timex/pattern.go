package timex

import (
	"fmt"
	"strings"
)

// A pattern is a sequence of elements separated by spaces, matched against consecutive tokens:
//
//	word|other     one of these lower-case words or punctuation marks
//	CLASS          a token of a lexical class (see classes)
//	name:ELEM      the same, captured under name for the rule's value function
//	ELEM?          optional
//
// For example "w:WDAY? ,? m:MONTH d:DAY ,? y:YEAR" matches "Friday, Oct. 23, 1998" and "Aug. 18 2025".
type pattern []elem

type elem struct {
	name     string
	words    map[string]bool // literal alternatives (lower case)
	wset     []uint64        // the same as a bit set over vocabulary ids (see vocab)
	class    uint32          // the bit of a lexical class (see classBits), 0 for literals
	optional bool
}

// vocab numbers the literal words of all patterns; a token carries the id of its lower-case form (tok.wid),
// so that matching a literal is a bit test instead of a map lookup.
var vocab = map[string]int32{}

// wordID returns the vocabulary id of w, adding it when new.
func wordID(w string) int32 {
	id, ok := vocab[w]
	if !ok {
		id = int32(len(vocab))
		vocab[w] = id
	}
	return id
}

// classes are the lexical classes a pattern may name.
var classes = map[string]func(toks []tok, i int) bool{
	"MONTH": func(toks []tok, i int) bool {
		t := toks[i]
		if _, ok := months[t.low]; !ok || !upperFirst(t.text) {
			return false
		}
		// abbreviations without a period are only months before a number ("Aug 18")
		if len(t.low) <= 4 && t.low != "june" && t.low != "july" && t.low != "may" && t.text[len(t.text)-1] != '.' {
			return i+1 < len(toks) && toks[i+1].kind == tNum
		}
		return true
	},
	"WDAY": func(toks []tok, i int) bool {
		t := toks[i]
		if _, ok := weekdays[t.low]; !ok || !upperFirst(t.text) {
			return false
		}
		return len(t.low) > 5 || t.text[len(t.text)-1] == '.'
	},
	"DAY":  func(toks []tok, i int) bool { _, ok := ordinalDay(toks[i]); return ok && !isAbbrevOrd(toks[i]) },
	"YEAR": func(toks []tok, i int) bool { _, ok := year(toks[i]); return ok },
	"NUM": func(toks []tok, i int) bool {
		v, ok := cardinal(toks[i])
		return ok && v > 0 && (toks[i].kind != tNum || len(toks[i].low) <= 4)
	},
	"NUMW": func(toks []tok, i int) bool { // a number that is not the article "a"/"an"
		v, ok := cardinal(toks[i])
		return ok && v > 0 && toks[i].low != "a" && toks[i].low != "an" && toks[i].low != "couple"
	},
	"ORD":    func(toks []tok, i int) bool { _, ok := ordinal(toks[i]); return ok },
	"UNIT":   func(toks []tok, i int) bool { _, ok := units[toks[i].low]; return ok },
	"SEASON": func(toks []tok, i int) bool { _, ok := seasons[toks[i].low]; return ok },
	"PART":   func(toks []tok, i int) bool { _, ok := dayParts[toks[i].low]; return ok && toks[i].low != "overnight" },
	"ZONE":   func(toks []tok, i int) bool { return zones[toks[i].low] && toks[i].text != toks[i].low },
	"DECADE": func(toks []tok, i int) bool { _, ok := decade(toks[i]); return ok },
	"HOUR": func(toks []tok, i int) bool {
		v, ok := atoi(toks[i].low)
		return ok && toks[i].kind == tNum && len(toks[i].low) <= 2 && v <= 24
	},
	"MIN": func(toks []tok, i int) bool {
		v, ok := atoi(toks[i].low)
		return ok && toks[i].kind == tNum && len(toks[i].low) == 2 && v < 60 && !toks[i].space
	},
	"AMPM": func(toks []tok, i int) bool {
		switch toks[i].low {
		case "a.m", "p.m", "am", "pm", "a.m.", "p.m.":
			return true
		}
		return false
	},
}

// isAbbrevOrd rejects tokens like "1990s" that ordinalDay would not parse anyway; kept for clarity.
func isAbbrevOrd(t tok) bool { return strings.HasSuffix(t.low, "s") && !strings.HasSuffix(t.low, "st") }

func upperFirst(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// compile parses a pattern; it panics on a malformed one (patterns are program text, checked by tests).
func compile(src string) pattern {
	var p pattern
	for _, f := range strings.Fields(src) {
		var e elem
		if strings.HasSuffix(f, "?") && len(f) > 1 {
			e.optional = true
			f = f[:len(f)-1]
		}
		if k := strings.Index(f, ":"); k > 0 {
			e.name, f = f[:k], f[k+1:]
		}
		if c, ok := classBits[f]; ok {
			e.class = c
		} else if strings.ToUpper(f) == f && strings.ToLower(f) != f {
			panic(fmt.Sprintf("timex: unknown class %q in pattern %q", f, src))
		} else {
			e.words = map[string]bool{}
			for _, w := range strings.Split(f, "|") {
				e.words[w] = true
				id := wordID(w)
				for int(id>>6) >= len(e.wset) {
					e.wset = append(e.wset, 0)
				}
				e.wset[id>>6] |= 1 << (id & 63)
			}
		}
		p = append(p, e)
	}
	return p
}

// match is one way a pattern matched: the token range and the token index of each element (-1: absent).
type match struct {
	toks       []tok
	start, end int // token range [start, end)
	at         []int
	p          pattern
}

// tok returns the token captured under name.
func (m *match) tok(name string) (tok, bool) {
	for k, e := range m.p {
		if e.name == name && m.at[k] >= 0 {
			return m.toks[m.at[k]], true
		}
	}
	return tok{}, false
}

// low returns the lower-case text captured under name, or "".
func (m *match) low(name string) string {
	t, _ := m.tok(name)
	return t.low
}

func (m *match) has(name string) bool { _, ok := m.tok(name); return ok }

// matcher finds the matches of patterns at a token, reusing its buffers from one call to the next.
type matcher struct {
	p     pattern
	toks  []tok
	i     int
	at    []int   // element positions of the match being built
	out   []match // matches found at the current token
	arena []int   // backing store of the out matches' element positions
}

// reset forgets the matches found so far (at the previous token).
func (mt *matcher) reset() { mt.out, mt.arena = mt.out[:0], mt.arena[:0] }

// matchAt appends every way p matches at token i to mt.out, longest first (at most a few: patterns are
// short), and returns them.
func (mt *matcher) matchAt(p pattern, toks []tok, i int) []match {
	mt.p, mt.toks, mt.i = p, toks, i
	if cap(mt.at) < len(p) {
		mt.at = make([]int, len(p))
	}
	mt.at = mt.at[:len(p)]
	first := len(mt.out)
	mt.rec(0, i)
	out := mt.out[first:]
	// longest first, stable
	for a := 1; a < len(out); a++ {
		for b := a; b > 0 && out[b].end > out[b-1].end; b-- {
			out[b], out[b-1] = out[b-1], out[b]
		}
	}
	return out
}

func (mt *matcher) rec(k, j int) {
	p := mt.p
	if k == len(p) {
		if j > mt.i {
			n := len(mt.arena)
			mt.arena = append(mt.arena, mt.at...)
			mt.out = append(mt.out, match{toks: mt.toks, start: mt.i, end: j, at: mt.arena[n:len(mt.arena):len(mt.arena)], p: p})
		}
		return
	}
	e := &p[k]
	if j < len(mt.toks) && e.matches(mt.toks, j) && (j == mt.i || !crossesLine(mt.toks, j)) {
		mt.at[k] = j
		mt.rec(k+1, j+1)
	}
	if e.optional {
		mt.at[k] = -1
		mt.rec(k+1, j)
	}
}

func (e *elem) matches(toks []tok, j int) bool {
	if e.class != 0 {
		return toks[j].cls&e.class != 0
	}
	return e.hasWord(toks[j].wid)
}

// hasWord reports whether the word with vocabulary id wid (-1: none) is one of the element's literals.
func (e *elem) hasWord(wid int32) bool {
	return wid >= 0 && int(wid>>6) < len(e.wset) && e.wset[wid>>6]&(1<<(wid&63)) != 0
}

// classOrder fixes a bit for each lexical class; classBits maps a class name to its bit.
var (
	classOrder = []string{"MONTH", "WDAY", "DAY", "YEAR", "NUM", "NUMW", "ORD", "UNIT", "SEASON", "PART", "ZONE",
		"DECADE", "HOUR", "MIN", "AMPM"}
	classBits = map[string]uint32{}
	classFns  []func(toks []tok, i int) bool
)

func init() {
	if len(classOrder) != len(classes) || len(classOrder) > 32 {
		panic("timex: classOrder must list every class, at most 32")
	}
	for k, name := range classOrder {
		classBits[name] = 1 << k
		classFns = append(classFns, classes[name])
	}
}

// classWords are the words that may belong to a lexical class: the keys of the lexicons the classes
// consult. A word outside them ("the", "company") belongs to none, which spares most tokens the class tests.
var classWords = map[string]bool{"a.m": true, "p.m": true, "am": true, "pm": true, "a.m.": true, "p.m.": true}

func init() {
	for w := range months {
		classWords[w] = true
	}
	for w := range weekdays {
		classWords[w] = true
	}
	for w := range seasons {
		classWords[w] = true
	}
	for w := range dayParts {
		classWords[w] = true
	}
	for w := range numberWords {
		classWords[w] = true
	}
	for w := range ordinalWords {
		classWords[w] = true
	}
	for w := range units {
		classWords[w] = true
	}
	for w := range zones {
		classWords[w] = true
	}
	for w := range decadeWords {
		classWords[w] = true
	}
}

// wordInfo joins, for one lookup per token, the vocabulary id of a word (-1: no pattern names it) and
// whether it is in classWords. Built once the grammar is compiled (see buildWordInfo).
type wordInfo struct {
	wid       int32
	classWord bool
}

var words map[string]wordInfo

// buildWordInfo fills words from vocab and classWords; it runs once, after the rules are compiled.
func buildWordInfo() {
	words = make(map[string]wordInfo, len(vocab)+len(classWords))
	for w, id := range vocab {
		words[w] = wordInfo{wid: id}
	}
	for w := range classWords {
		wi, ok := words[w]
		if !ok {
			wi.wid = -1
		}
		wi.classWord = true
		words[w] = wi
	}
}

// classify sets the vocabulary id and the lexical classes of every token, once, so that matching a literal
// or a class is a bit test.
func classify(toks []tok) {
	for i := range toks {
		t := &toks[i]
		wi, ok := words[t.low]
		t.wid = -1
		if ok {
			t.wid = wi.wid
		}
		if t.kind == tWord && !wi.classWord && (t.low == "" || t.low[0] != '\'') {
			t.cls = 0
			continue
		}
		t.cls = classOf(toks, i)
	}
}

// classOf tests token i against every lexical class.
func classOf(toks []tok, i int) uint32 {
	var c uint32
	for k, f := range classFns {
		if f(toks, i) {
			c |= 1 << k
		}
	}
	return c
}

// crossesLine reports whether a blank line separates token j from the one before it; expressions never
// span paragraphs.
func crossesLine(toks []tok, j int) bool { return toks[j].para }
