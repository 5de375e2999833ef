package timex

import "strings"

// tense is the tense of the verb that governs a time expression, as far as it matters for resolving it.
type tense uint8

const (
	tenseNone tense = iota
	tensePast
	tensePresent
	tenseFuture
)

// irregularPast are simple-past forms that do not end in -ed.
var irregularPast = map[string]bool{
	"said": true, "was": true, "were": true, "had": true, "did": true, "met": true, "went": true, "came": true,
	"told": true, "made": true, "took": true, "gave": true, "saw": true, "found": true, "left": true,
	"began": true, "rose": true, "fell": true, "sold": true, "bought": true, "paid": true, "won": true,
	"lost": true, "held": true, "led": true, "ran": true, "spoke": true, "wrote": true, "got": true,
	"became": true, "brought": true, "thought": true, "felt": true, "kept": true, "knew": true, "broke": true,
	"chose": true, "drew": true, "drove": true, "flew": true, "grew": true, "sent": true, "spent": true,
	"stood": true, "struck": true, "threw": true, "fought": true, "caught": true, "sought": true,
	"built": true, "meant": true, "dealt": true, "shot": true, "sank": true, "swore": true, "woke": true,
	"heard": true, "understood": true, "forgot": true, "hid": true, "slid": true, "stole": true, "rang": true,
	"sang": true, "swam": true, "arose": true, "overtook": true, "withdrew": true, "undertook": true,
	"wasn't": true, "weren't": true, "didn't": true, "hadn't": true, "ended": true, "declined": true,
}

// notPast are words ending in -ed that are not verbs in the past.
var notPast = map[string]bool{
	"red": true, "bed": true, "need": true, "speed": true, "seed": true, "hundred": true, "indeed": true,
	"feed": true, "shed": true, "proceed": true, "succeed": true, "exceed": true, "breed": true, "greed": true,
	"weed": true, "wed": true, "led": false, "unprecedented": true, "united": true, "limited": true,
	"based": true, "so-called": true, "detailed": true, "related": true, "advanced": true, "supposed": true,
	"expected": true, "scheduled": true, "planned": true, "continued": true, "proposed": true,
}

// futureBefore are words that, followed by "to", announce a future ("plans to meet on Monday").
// scheduleVerbs in the simple present state a schedule ("Arafat and Netanyahu meet Monday in London",
// "the offer expires Friday"): the day lies ahead.
var scheduleVerbs = map[string]bool{
	"meet": true, "meets": true, "begin": true, "begins": true, "start": true, "starts": true,
	"resume": true, "resumes": true, "arrive": true, "arrives": true, "leave": true, "leaves": true,
	"return": true, "returns": true, "visit": true, "visits": true, "travel": true, "travels": true,
	"expire": true, "expires": true, "convene": true, "convenes": true, "reconvene": true, "reconvenes": true,
}

var futureBefore = map[string]bool{
	"going": true, "plans": true, "plan": true, "planned": true, "expected": true, "scheduled": true,
	"set": true, "due": true, "intends": true, "hopes": true, "wants": true, "aims": true, "expects": true,
	"prepared": true, "slated": true, "poised": true, "ready": true, "likely": true, "planning": true,
}

// modal are the modal verbs; "have" after one is not a present perfect.
var modal = map[string]bool{
	"will": true, "would": true, "shall": true, "should": true, "could": true, "might": true, "must": true,
	"may": true, "can": true, "'ll": true,
}

// intention are verbs whose time is that of a planned event, hence future.
var intention = map[string]bool{
	"scheduled": true, "schedules": true, "plans": true, "planning": true, "slated": true, "expects": true,
	"expected": true, "due": true, "upcoming": true, "planned": true,
}

// tenseAt finds the tense of the nearest verb before tokens [i, j) in their sentence, else of the nearest
// one after them ("On Sunday, Trump posted"): POS tags from the POS stage when present, else a lexicon (will/'ll/would/going to → future; -ed forms and irregular pasts
// → past; "is heading" → future, a present progressive that news use for scheduled events).
func (e *env) tenseAt(i, j int) tense {
	t, _ := e.tenseAtK(i, j)
	return t
}

// tenseAtK is tenseAt that also returns the index of the token that marks the tense (-1: none).
func (e *env) tenseAtK(i, j int) (tense, int) {
	if t, k := e.tenseBefore(i); t != tenseNone {
		return t, k
	}
	return e.tenseAfter(j, j+tenseWindow)
}

// tenseWindow is how many tokens tenseAt and clauseTense search on either side of an expression.
const tenseWindow = 12

// tenseBefore finds the tense of the nearest verb among the tenseWindow tokens before token i in its
// sentence, and the index of that verb (-1: none).
func (e *env) tenseBefore(i int) (tense, int) {
	limit := i - tenseWindow
	for k := i - 1; k >= 0 && k >= limit; k-- {
		if sentenceEnd(e.toks[k]) || e.toks[k+1].para {
			break
		}
		if t := e.verbTense(k); t != tenseNone {
			return t, k
		}
		if k == limit && k > 0 && e.toks[k-1].low != "to" && auxiliaryDecides(e.toks[k-1].low) {
			// the window ends inside a verb group ("will be named commander of the Space Shuttle
			// Columbia for a mission in [December]"): its auxiliary, just before, decides; "to" is no
			// auxiliary, and the verb before an infinitive is not searched beyond the window either
			limit -= 2
		}
	}
	return tenseNone, -1
}

// auxiliaryDecides reports whether a verb after word w takes its tense from w or from an auxiliary
// before it (passives, infinitives: "be named", "been named", "to name", "will be").
func auxiliaryDecides(w string) bool {
	switch w {
	case "be", "been", "being", "will", "to":
		return true
	}
	return false
}

// tenseAfter finds the tense of the nearest verb among tokens [from, limit) that are in the sentence of
// token from, and the index of that verb (-1: none).
func (e *env) tenseAfter(from, limit int) (tense, int) {
	for k := from; k < len(e.toks) && k < limit; k++ {
		if sentenceEnd(e.toks[k]) || e.toks[k].para {
			break
		}
		if t := e.verbTense(k); t != tenseNone {
			return t, k
		}
	}
	return tenseNone, -1
}

func sentenceEnd(t tok) bool {
	return t.kind == tPunct && (t.low == "." || t.low == "?" || t.low == "!" || t.low == ";")
}

// verbTense classifies token k as a tense marker, or tenseNone.
func (e *env) verbTense(k int) tense {
	t := e.toks[k]
	if t.kind != tWord {
		return tenseNone
	}
	w := t.low
	switch w {
	case "will", "'ll", "shall", "would", "won't", "wo":
		return tenseFuture
	case "is", "are", "am":
		if k+1 < len(e.toks) && (strings.HasSuffix(e.toks[k+1].low, "ing") || e.toks[k+1].low == "to") {
			return tenseFuture
		}
		return tensePresent
	case "has", "have":
		if k > 0 && modal[e.toks[k-1].low] {
			return tenseFuture // "should have power back by Tuesday"
		}
		return tensePast
	}
	prev := ""
	if k > 0 {
		prev = e.toks[k-1].low
	}
	if (intention[w] && e.plannedActive(k) || k+1 < len(e.toks) && e.toks[k+1].low == "to" && futureBefore[w]) && !e.nounAt(k) {
		// "has scheduled a news conference Thursday", "plans to meet Monday"; but "was due to expire"
		if (prev == "was" || prev == "were" || prev == "been" || prev == "had") && w != "planning" {
			return tensePast // but "were planning to drive to the airport on Monday" is still ahead
		}
		return tenseFuture
	}
	if auxiliaryDecides(prev) {
		return tenseNone // passives and infinitives: the auxiliary decides
	}
	if scheduleVerbs[w] && !e.nounAt(k) && !modal[prev] && prev != "did" && prev != "does" && prev != "do" {
		if tag, ok := e.pos[t.start]; !ok || tag == "VBP" || tag == "VBZ" {
			return tenseFuture
		}
	}
	if tag, ok := e.pos[t.start]; ok {
		switch tag {
		case "VBD":
			return tensePast
		case "VBN":
			if k > 0 && (e.toks[k-1].low == "has" || e.toks[k-1].low == "have" || e.toks[k-1].low == "had") {
				return tensePast
			}
		case "MD":
			if w == "could" || w == "might" || w == "must" {
				return tenseNone // "could be located Wednesday": as often past ability as a prospect
			}
			return tenseFuture
		}
		return tenseNone // present-tense verbs ("says") are reporting verbs more often than schedules
	}
	if irregularPast[w] {
		return tensePast
	}
	if len(w) > 4 && strings.HasSuffix(w, "ed") && !notPast[w] {
		if k > 0 {
			switch e.toks[k-1].low {
			case "the", "a", "an", "be", "been", "being", "is", "are", "was", "were", "will":
				return tenseNone
			}
		}
		return tensePast
	}
	return tenseNone
}

// plannedActive reports, for "planned", whether it is the active past of a plan ("exiles planned a rally
// on Saturday": ahead) rather than a participle ("a lecture planned for Saturday was canceled", "as
// previously planned"); other words pass.
func (e *env) plannedActive(k int) bool {
	if e.toks[k].low != "planned" {
		return true
	}
	if k+1 < len(e.toks) {
		switch e.toks[k+1].low {
		case "for", "at", "in", "on", "by", "as", "since", "until":
			return false // "a lecture planned at the university for Saturday": a participle, whatever its tag
		}
	}
	if tag, ok := e.pos[e.toks[k].start]; ok {
		return tag == "VBD"
	}
	if k+1 >= len(e.toks) {
		return false
	}
	switch e.toks[k+1].low {
	case "a", "an", "the", "to", "his", "her", "their", "its":
		return true
	}
	return false
}

// nounAt reports whether token k is used as a noun: tagged NN* by the POS stage, or (without tags) after
// a determiner or possessive ("set aside her vacation plans", "the plans").
func (e *env) nounAt(k int) bool {
	if tag, ok := e.pos[e.toks[k].start]; ok {
		return strings.HasPrefix(tag, "NN")
	}
	if k == 0 {
		return false
	}
	switch e.toks[k-1].low {
	case "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "'s", "these", "those":
		return true
	}
	return false
}

// pastJustBefore reports whether the word just before token i (skipping "on", "of", "the", "night") is a
// verb in the past: "the year ended March 31", "was last seen Nov. 3". Unlike the tense of the sentence,
// this close cue is reliable enough to move a date before the DCT.
func (e *env) pastJustBefore(i int) bool {
	k := i - 1
	for k >= 0 && (e.toks[k].low == "on" || e.toks[k].low == "of" || e.toks[k].low == "the" || e.toks[k].low == "night") {
		k--
	}
	if k < 0 || e.toks[k].kind != tWord {
		return false
	}
	if k > 0 && (e.toks[k-1].low == "has" || e.toks[k-1].low == "have") {
		return false // present perfect: "has set Nov. 10 as the deadline" says nothing of the date's side
	}
	if tag, ok := e.pos[e.toks[k].start]; ok {
		return tag == "VBD" || tag == "VBN"
	}
	w := e.toks[k].low
	return irregularPast[w] || w == "seen" || w == "been" || len(w) > 4 && strings.HasSuffix(w, "ed") && !notPast[w]
}

// clauseTense is tenseAt that looks after the expression only up to the end of its clause ("closes Jan. 5
// and was first floated": the past belongs to the next clause).
func (e *env) clauseTense(i, j int) tense {
	t, _ := e.clauseTenseAt(i, j)
	return t
}

// clauseTenseAt is clauseTense that also returns the index of the token that marks the tense (-1: none).
func (e *env) clauseTenseAt(i, j int) (tense, int) {
	if t, k := e.tenseBefore(i); t != tenseNone {
		return t, k
	}
	if j < len(e.toks) && e.toks[j].low == "," && e.opensSentence(i) {
		// "In January, a week after the anniversary of the decision, a bombing in Birmingham killed a
		// guard": a sentence-opening expression set off by a comma dates the main verb, however far
		return e.tenseAfter(j+1, j+4*tenseWindow)
	}
	for k := j; k < len(e.toks) && k-j < tenseWindow; k++ {
		if sentenceEnd(e.toks[k]) || e.toks[k].para {
			break
		}
		switch e.toks[k].low {
		case "and", "but", "or", "while", "when", "after", "before", "as":
			return tenseNone, -1
		case ",":
			// "In January, the company brought in a new chief": a comma right after the expression
			// opens its own clause
			if k != j || !e.opensSentence(i) {
				return tenseNone, -1
			}
			continue
		}
		if t := e.verbTense(k); t != tenseNone {
			return t, k
		}
	}
	return tenseNone, -1
}

// opensSentence reports whether the expression at token i opens its sentence, alone or after one
// preposition ("In January, ...").
func (e *env) opensSentence(i int) bool {
	k := i - 1
	if k >= 0 && sentencePreps[e.toks[k].low] {
		k-- // the preposition ("in", "on")
	}
	return k < 0 || sentenceEnd(e.toks[k]) || e.toks[k+1].para
}

var sentencePreps = map[string]bool{"in": true, "on": true, "by": true, "during": true, "since": true, "until": true, "through": true,
	"after": true, "before": true, "at": true, "last": true, "early": true, "late": true}

// progressive reports whether token k is "is"/"are"/"am" followed by an -ing form: a present progressive,
// which verbTense reads as a future ("is heading to Washington on Monday") but which says nothing about
// a date months away ("is continuing to sell itself under a June agreement").
func (e *env) progressive(k int) bool {
	if k < 0 || k+1 >= len(e.toks) {
		return false
	}
	switch e.toks[k].low {
	case "is", "are", "am":
		return strings.HasSuffix(e.toks[k+1].low, "ing")
	}
	return false
}

// dayTense is the tense that resolves a weekday in tokens [m.start, end): a deadline ("postponed until
// Tuesday", "given until 9 a.m. Tuesday") lies ahead whatever the tense; else that of the sentence.
func (e *env) dayTense(m *match, end int) tense {
	if m.start > 0 && e.toks[m.start-1].low == "until" {
		// "Until Thursday, they had not called him a suspect": a sentence-opening limit of a past state
		if e.opensSentence(m.start) && e.tenseAt(m.start, end) == tensePast {
			return tensePast
		}
		return tenseFuture
	}
	t, k := e.tenseAtK(m.start, end)
	if t == tenseFuture && k >= end && e.opensSentence(m.start) && strings.HasSuffix(e.toks[k].low, "ed") {
		// "On Friday, the government planned to pay ...": the planning, in the past, is what happened
		// that day
		return tensePast
	}
	return t
}
