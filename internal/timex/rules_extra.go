package timex

import (
	"fmt"
	"strings"
	"time"
)

// Value functions and helpers of the rules added while tuning on TBAQ-cleaned for issue 6: number words
// and spoken years, half periods, parts of yesterday/today, the narrative anchors ("the next morning",
// "the previous Friday", "April 24 and 25"), report periods ("the week", "the near term", holiday weeks)
// and the names and titles that are no time expressions ("Orion 1980", ABC's "This Week").

// compound returns the number captured under "n", joined with the number word captured under "nn" when
// there is one: "twenty four", "twenty-five" (25), "two hundred" (200). ok is false for any other pair
// ("five six", "3 four").
func compound(m *match) (int, bool) {
	nt, _ := m.tok("n")
	n, ok := cardinal(nt)
	if !ok {
		return 0, false
	}
	t2, has := m.tok("nn")
	if !has {
		return n, true
	}
	n2, _ := cardinal(t2)
	switch {
	case nt.kind != tWord || t2.kind != tWord:
		return 0, false
	case n >= 20 && n <= 90 && n%10 == 0 && n2 >= 1 && n2 <= 9:
		return n + n2, true
	case t2.low == "hundred" && n >= 1 && n <= 9 && nt.low != "a" && nt.low != "an":
		return n * 100, true
	}
	return 0, false
}

// spokenYear reads a year written in words from the captures c ("nineteen"), t (tens, "ninety") and u
// (units, "four"): "nineteen ninety-four" is 1994, "nineteen eighty" 1980.
func spokenYear(m *match) (int, bool) {
	tt, _ := m.tok("t")
	tens, ok := numberWords[tt.low]
	if !ok || tens < 10 || tt.low == "dozen" || tt.low == "couple" || tt.low == "hundred" {
		return 0, false
	}
	units := 0
	if ut, ok := m.tok("u"); ok {
		units = numberWords[ut.low]
		if units >= 10 || units < 1 || tens%10 != 0 || tens < 20 || ut.low == "a" || ut.low == "an" {
			return 0, false
		}
	}
	return 1900 + tens + units, true
}

func valMonthSpokenYear(e *env, m *match) (string, string, bool) {
	y, ok := spokenYear(m)
	if !ok {
		return "", "", false
	}
	return "DATE", ym(y, monthOf(m)), true
}

func valSeasonSpokenYear(e *env, m *match) (string, string, bool) {
	y, ok := spokenYear(m)
	if !ok {
		return "", "", false
	}
	return "DATE", fmt.Sprintf("%04d-%s", y, seasons[m.low("s")]), true
}

// valTwoQuarters: "the first two quarters of 1990" is the first half of that year, "the last two
// quarters" the second.
func valTwoQuarters(e *env, m *match) (string, string, bool) {
	t, _ := m.tok("y")
	y, _ := year(t)
	h := "H1"
	if m.low("o") == "last" {
		h = "H2"
	}
	return "DATE", fmt.Sprintf("%04d-%s", y, h), true
}

// valPartToday: "mid-afternoon yesterday", "morning today" are the TIME of that part of the day.
func valPartToday(e *env, m *match) (string, string, bool) {
	_, v, _ := valToday(e, m)
	return "TIME", v + "T" + dayParts[m.low("p")], true
}

// valNextDay: "the next day", "the following morning" is the day after the last day the text mentioned
// (a narrative reference, as HeidelTime resolves it); TBAQ annotates "the next morning" as that DATE.
// Without a day mentioned before (in the same or the previous paragraph) it is not resolved.
func valNextDay(e *env, m *match) (string, string, bool) {
	ref, gran, ok := parseDate(e.lastD)
	if !ok || gran < 3 || m.start-e.lastDEnd > anchorWindow {
		return "", "", false
	}
	return "DATE", day(ref.AddDate(0, 0, 1)), true
}

// anchorWindow is how many tokens after a written day "the next day" may still refer to it.
const anchorWindow = 120

// valAndHalf: "a year and a half" (P1Y6M), "two and a half hours" (PT2H30M), "a minute and a half"
// (PT1M30S).
func valAndHalf(e *env, m *match) (string, string, bool) {
	if !okLimit(m) {
		return "", "", false
	}
	n, ok := compound(m)
	u, uok := units[m.low("u")]
	if !ok || !uok || u.letter == "WE" || n < 1 {
		return "", "", false
	}
	n *= u.mult
	switch {
	case u.letter == "Y" && u.mult == 1:
		return "DURATION", fmt.Sprintf("P%dY6M", n), true
	case u.letter == "Y": // decades, centuries: half of 10 or 100 years
		return "DURATION", fmt.Sprintf("P%dY", n+u.mult/2), true
	case u.letter == "M" && !u.time:
		return "DURATION", fmt.Sprintf("P%dM15D", n), true
	case u.letter == "W":
		return "DURATION", fmt.Sprintf("P%dDT12H", 7*n+3), true
	case u.letter == "D":
		return "DURATION", fmt.Sprintf("P%dDT12H", n), true
	case u.letter == "H":
		return "DURATION", fmt.Sprintf("PT%dH30M", n), true
	case u.letter == "M":
		return "DURATION", fmt.Sprintf("PT%dM30S", n), true
	}
	return "", "", false
}

// valAnchoredWeekday: "the previous Friday", "the following Monday" is the weekday before (after) the last
// day the text mentioned: "down 4.5% from the previous Friday" after "on Friday, Oct. 27". Without such a
// day nearby the weekday is that before (after) the one the DCT would give.
func valAnchoredWeekday(e *env, m *match) (string, string, bool) {
	wd := weekdays[m.low("w")]
	step := -1
	if m.low("r") == "following" {
		step = 1
	}
	ref, gran, ok := parseDate(e.lastD)
	if !ok || gran < 3 || m.start-e.lastDEnd > anchorWindow {
		if !e.has {
			return "DATE", fmt.Sprintf("XXXX-WXX-%d", wd), true
		}
		// no day in view: the one before the last such weekday ("down 4.5% from the previous Friday"
		// in a Monday paper), or the next one
		if step > 0 {
			return "DATE", e.weekday(wd, tenseFuture, ""), true
		}
		ref, _, _ = parseDate(e.weekday(wd, tensePast, ""))
	}
	t := ref.AddDate(0, 0, step)
	for isoWeekday(t) != wd {
		t = t.AddDate(0, 0, step)
	}
	return "DATE", day(t), true
}

// genericNouns are heads after which "today's" means the present age, which TimeBank leaves unannotated
// ("today's youth", "in today's world", "today's personal computers").
var genericNouns = map[string]bool{
	"world": true, "youth": true, "society": true, "generation": true, "economy": true, "culture": true,
	"children": true, "kids": true, "teenagers": true, "young": true, "computers": true, "technology": true,
	"standards": true, "market": true, "markets": true, "families": true, "students": true, "consumers": true,
}

// genericToday reports whether "today" is the possessive of the present age: "today's" + a generic head
// within two words.
func genericToday(m *match) bool {
	k := m.end
	if k >= len(m.toks) || m.toks[k].low != "'s" {
		return false
	}
	for j := k + 1; j < len(m.toks) && j <= k+2; j++ {
		if genericNouns[m.toks[j].low] {
			return true
		}
	}
	return false
}

// valTheWeek: a bare "the week" ("For the week, the index dropped", "the week's most active session") is
// the week of the report, which TBAQ-cleaned annotates as an unspecified week of the DCT's year (3 of 3);
// "the week of March 6", "the week before", "the week ahead" are left to other rules.
func valTheWeek(e *env, m *match) (string, string, bool) {
	if m.end < len(m.toks) {
		switch n := m.toks[m.end]; n.low {
		case "of", "before", "after", "ahead", "earlier", "later", "ended", "ending", "following", "that", "when", "in", "to":
			return "", "", false
		default:
			if !n.space && n.kind == tWord && n.low != "'s" {
				return "", "", false // "the week-long strike"
			}
		}
	}
	if !e.has {
		return "DATE", "XXXX-WXX", true
	}
	return "DATE", yearStr(e.dct.Year()) + "-WXX", true
}

// valNearTerm: "the near term", "in the short term" are FUTURE_REF (TBAQ-cleaned: 2 of 2); not the
// hyphenated adjective ("the near-term outlook").
func valNearTerm(e *env, m *match) (string, string, bool) {
	if !m.toks[m.end-1].space || m.end < len(m.toks) && !m.toks[m.end].space && m.toks[m.end].kind == tWord {
		return "", "", false
	}
	return "DATE", "FUTURE_REF", true
}

// titleCase reports whether every word of the match is capitalized although it does not open a sentence:
// a title ("ABC's \"This Week\"", "Good Morning America"), not a time expression.
func titleCase(m *match) bool {
	if m.start == 0 || sentenceEnd(m.toks[m.start-1]) || m.toks[m.start].para {
		return false
	}
	if p := m.toks[m.start-1]; p.kind == tPunct && p.low != "\"" && p.low != "`" && p.low != "'" {
		return false
	}
	for k := m.start; k < m.end; k++ {
		if m.toks[k].kind == tWord && !upperFirst(m.toks[k].text) {
			return false
		}
	}
	return true
}

// valConjoinedDay: the second day of "April 24 and 25", "Oct. 12-13" is a date of its own, in the month
// of the day written just before. The match starts at the conjunction, which adjustExtent leaves out.
func valConjoinedDay(e *env, m *match) (string, string, bool) {
	if e.lastDEnd != m.start || !m.has("c") {
		return "", "", false
	}
	dt, _ := m.tok("d")
	if m.end < len(m.toks) && (classes["MONTH"](m.toks, m.end) || classes["UNIT"](m.toks, m.end)) {
		return "", "", false // "Oct. 3 and 4 November" or "... to 5 days"
	}
	d, ok := ordinalDay(dt)
	if !ok || dt.kind != tNum {
		return "", "", false
	}
	v := e.lastD
	if len(v) != 10 || v[4] != '-' || v[7] != '-' {
		return "", "", false
	}
	prev, _ := atoi(v[8:])
	y, _ := atoi(v[:4])
	mo, _ := atoi(v[5:7])
	if d <= prev || !validDate(y, mo, d) {
		return "", "", false
	}
	return "DATE", v[:8] + fmt.Sprintf("%02d", d), true
}

// valHolidayWeek: "Easter week", "Christmas week", "Holy Week" is the ISO week of the holiday closest to
// the DCT (tense is not consulted: "as Easter week began" is written in the past on its first day).
func valHolidayWeek(e *env, m *match) (string, string, bool) {
	ht, _ := m.tok("h")
	if !upperFirst(ht.text) {
		return "", "", false
	}
	name := ht.low
	if name == "holy" {
		name = "easter" // Holy Week ends on Easter Sunday
	}
	if !e.has {
		return "DATE", "XXXX-WXX", true
	}
	best, bestDist := time.Time{}, 1<<30
	for _, y := range []int{e.dct.Year() - 1, e.dct.Year(), e.dct.Year() + 1} {
		mo, d, ok := holidayDate(name, "day", y)
		if !ok {
			return "", "", false
		}
		t := date(y, mo, d) // an ISO week ends on Sunday: Easter's week is Holy Week
		if dist := abs(int(t.Sub(e.dct).Hours() / 24)); dist < bestDist {
			best, bestDist = t, dist
		}
	}
	return "DATE", week(best), true
}

// nameYear reports whether the year at token i belongs to a name: after a capitalized word that is not a
// time word and does not open the sentence ("Orion 1980", "Euro 2000"), or a model year between a
// possessive "'s" and a capitalized noun ("Kopp's 1987 Chevrolet"). After an article the year is mostly
// an event's and stays a date ("the 1996 Olympic bombing", "a 1971 Convention").
func nameYear(toks []tok, i int) bool {
	if i == 0 {
		return false
	}
	p := toks[i-1]
	if p.kind == tWord && upperFirst(p.text) && p.cls == 0 && !yearContext[p.low] && i >= 2 && !sentenceEnd(toks[i-2]) && toks[i-2].low != "\"" && !toks[i-1].para {
		return true
	}
	if i+1 < len(toks) && p.low == "'s" {
		n := toks[i+1]
		return n.kind == tWord && upperFirst(n.text) && n.cls == 0 && n.space
	}
	return false
}

// valMidPart: "by mid afternoon" without a day is the TIME of that part of the day written shortly before
// (narration), else of the DCT.
func valMidPart(e *env, m *match) (string, string, bool) {
	if m.end < len(m.toks) && (classes["WDAY"](m.toks, m.end) || m.toks[m.end].low == "of") {
		return "", "", false // "mid-morning Friday", "the middle of the afternoon": other rules
	}
	d := e.dayOff(0)
	if e.lastDEnd >= 0 && m.start-e.lastDEnd <= narrationWindow {
		if _, gran, ok := parseDate(e.lastD); ok && gran == 3 {
			d = e.lastD
		}
	}
	return "TIME", d + "T" + dayParts[m.low("p")], true
}

// valPresent: "now", "currently" are PRESENT_REF, except the discourse marker "Now," opening a sentence
// ("Now, he says, ..."), which TimeML does not mark (TBAQ-cleaned: 0 of 3).
func valPresent(e *env, m *match) (string, string, bool) {
	if m.low("a") == "now" && m.end < len(m.toks) && m.toks[m.end].low == "," && sentenceStart(m.toks, m.start) {
		return "", "", false
	}
	return "DATE", "PRESENT_REF", true
}

// valFuture: "the future" is FUTURE_REF, but not "the future of our peoples" (the prospects of
// something, not a time).
func valFuture(e *env, m *match) (string, string, bool) {
	if m.end < len(m.toks) && m.toks[m.end].low == "of" && indexOf(m, "a") == m.start+1 {
		return "", "", false
	}
	return "DATE", "FUTURE_REF", true
}

// sentenceStart reports whether token i opens a sentence or paragraph (opening quotes skipped).
func sentenceStart(toks []tok, i int) bool {
	k := i - 1
	for k >= 0 && toks[k].kind == tPunct && strings.Trim(toks[k].low, "\"'`") == "" {
		k--
	}
	return k < 0 || toks[i].para || sentenceEnd(toks[k])
}

// valDayBefore: "the day before yesterday", "the day after next Monday" are one day from the day named.
func valDayBefore(e *env, m *match) (string, string, bool) {
	if !e.has {
		return "", "", false
	}
	off := 1
	if m.low("b") == "before" {
		off = -1
	}
	var v string
	switch m.low("d") {
	case "yesterday":
		v = e.dayOff(-1)
	case "tomorrow":
		v = e.dayOff(1)
	default:
		_, v, _ = valWeekday(e, m)
	}
	ref, gran, ok := parseDate(v)
	if !ok || gran != 3 {
		return "", "", false
	}
	return "DATE", day(ref.AddDate(0, 0, off)), true
}

// valWhile: "for a while" is a vague DURATION of unknown unit (PXX); "a while ago", "once in a while" are
// not.
func valWhile(e *env, m *match) (string, string, bool) {
	if m.start == 0 || m.toks[m.start-1].low != "for" || m.end < len(m.toks) && m.toks[m.end].low == "ago" {
		return "", "", false
	}
	return "DURATION", "PXX", true
}

// valUnitLong: the hyphenated adjectives "day-long" (P1D), "decades-long" (PXY, as TBAQ-cleaned writes
// plural years) are durations; "a mile long" is not a time.
func valUnitLong(e *env, m *match) (string, string, bool) {
	u, ok := units[m.low("u")]
	lt, _ := m.tok("l")
	if !ok || lt.space || u.letter == "WE" {
		return "", "", false
	}
	if strings.HasSuffix(m.low("u"), "s") {
		return "DURATION", durationValue(u, -1), true
	}
	return "DURATION", durationValue(u, 1), true
}

// valNthDayToday: "today is the eighth day of the operation", "it's the second day of an offensive" is the
// DCT (the week in "it is the third week of"); with another subject or tense the day is not known.
func valNthDayToday(e *env, m *match) (string, string, bool) {
	k := m.start
	if k < 2 || m.toks[k-1].low != "is" && m.toks[k-1].low != "'s" {
		return "", "", false
	}
	switch m.toks[k-2].low {
	case "today", "it", "this":
	default:
		return "", "", false
	}
	if m.low("u") == "week" {
		return "DATE", e.shift("W", 0), true
	}
	return "DATE", e.dayOff(0), true
}

// notTheDay reports uses of "today"/"tomorrow" that name no day: a title after a capitalized word ("USA
// Today", "This is VOA Today") and the generic "the people of tomorrow" (but "as of tomorrow", "the
// morning of tomorrow" are days).
func notTheDay(m *match) bool {
	k := indexOf(m, "d")
	d := m.toks[k]
	if k == 0 || sentenceStart(m.toks, k) {
		return false
	}
	p := m.toks[k-1]
	if d.text[0] >= 'A' && d.text[0] <= 'Z' && p.kind == tWord && p.text[0] >= 'A' && p.text[0] <= 'Z' && !sentenceStart(m.toks, k-1) {
		return true
	}
	if d.low == "tomorrow" && p.low == "of" && k >= 2 {
		switch m.toks[k-2].low {
		case "as", "morning", "afternoon", "evening", "night", "end", "start", "beginning", "middle":
			return false
		}
		return m.toks[k-2].kind == tWord
	}
	return false
}

// comparedAmount reports whether the expression follows an amount ("$3 million last year") or "from"
// ("up from last year's $1.55 billion"): a figure compared with its value a year before.
func comparedAmount(m *match) bool {
	if m.start == 0 {
		return false
	}
	p := m.toks[m.start-1]
	return p.kind == tNum || p.low == "million" || p.low == "billion" || p.low == "from"
}

// endedYear reads the year of the end date written after a period ("the second quarter ended Oct. 31"):
// a closed period ends before the DCT.
func (e *env) endedYear(m *match) (int, bool) {
	k := m.end
	if !e.has || k+2 >= len(m.toks) || m.toks[k].low != "ended" && m.toks[k].low != "ending" {
		return 0, false
	}
	mt, dt := m.toks[k+1], m.toks[k+2]
	mo, ok := months[mt.low]
	if !ok || !classes["MONTH"](m.toks, k+1) || !classes["DAY"](m.toks, k+2) {
		return 0, false
	}
	if k+4 < len(m.toks) && m.toks[k+3].low == "," && classes["YEAR"](m.toks, k+4) {
		return year(m.toks[k+4])
	}
	d, _ := ordinalDay(dt)
	if m.toks[k].low == "ending" {
		return e.yearFor(mo, d)
	}
	return e.yearForDir(mo, d, true)
}

// monthModifier reports a capitalized "March" or "May" between "the" and a lower-case noun: "the March
// accession", "the May elections" (not "the March on Washington", "the May Co.").
func monthModifier(m *match) bool {
	k := indexOf(m, "m")
	if k < 1 || k+1 >= len(m.toks) || m.toks[k-1].low != "the" {
		return false
	}
	mt, n := m.toks[k], m.toks[k+1]
	if mt.text[0] < 'A' || mt.text[0] > 'Z' || n.kind != tWord || n.text[0] < 'a' || n.text[0] > 'z' || len(n.low) < 4 {
		return false
	}
	switch n.low {
	case "from", "into", "with", "against", "through", "toward", "towards", "past", "that", "which", "when", "where":
		return false
	}
	return true
}

// valThisMoment: "at this moment", "this crucial moment" are PRESENT_REF; "waited three years for this
// moment" is an event.
func valThisMoment(e *env, m *match) (string, string, bool) {
	if !m.has("a") && (m.start == 0 || m.toks[m.start-1].low != "at") {
		return "", "", false
	}
	return "DATE", "PRESENT_REF", true
}
