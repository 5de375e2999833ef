package timex

import (
	"fmt"
	"strconv"
	"time"
)

// env is what a rule's value function may consult: the document creation time, the tokens, the tense
// around the match and the dates mentioned so far.
type env struct {
	dct      time.Time // midnight UTC of the publication day; zero when unknown
	has      bool      // dct is known
	toks     []tok
	pos      map[int]string // POS tag by token start offset, from the POS stage when it ran
	lastQ    string         // the last quarter mentioned ("1989-Q3"), for "the quarter", "a year earlier"
	lastQAt  int            // byte offset of that mention
	monthsAt int            // byte offset of the last "the first nine months" (a period that is no quarter); -1 before any
	lastD    string         // the last calendar DATE value ("2025", "2025-08", "2025-08-18"), for "the following year"
	lastDEnd int            // token index just after the expression that set lastD; -1 before any
}

// quarterWindow is how far (bytes) back a quarter mention makes "a year earlier" mean that quarter.
const quarterWindow = 1000

// quarterNear returns the last quarter mentioned within quarterWindow bytes before m, or "".
// setQuarter makes quarter v the one in view, unless it is mentioned in a future-tense clause: "the
// earthquake will result in a fourth-quarter charge" does not change the quarter a report is about.
func (e *env) setQuarter(m *match, v string) {
	if e.lastQ != "" && e.clauseTense(m.start, m.end) == tenseFuture {
		return
	}
	if e.lastQ != "" && v < e.lastQ && afterPrep(m) {
		return // "After a flat second quarter, ...": an earlier quarter as the background of the one reported
	}
	if e.lastQ != "" && e.has && len(v) == 7 && v[5] == 'Q' && v[6] >= '1' && v[6] <= '4' {
		// "the impact of the earthquake on fourth-quarter results" in October: a quarter not yet closed
		// at the DCT is not the one reported, unless its end is given ("the fourth quarter ended Sept. 30")
		y, err := strconv.Atoi(v[:4])
		q := int(v[6] - '0')
		ended := m.end < len(m.toks) && (m.toks[m.end].low == "ended" || m.toks[m.end].low == "ending")
		if err == nil && !ended && date(y, 3*q, 1).AddDate(0, 1, -1).After(e.dct) {
			return
		}
	}
	e.lastQ, e.lastQAt = v, m.toks[m.start].start
}

func (e *env) quarterNear(m *match) string {
	if e.lastQ == "" || m.toks[m.start].start-e.lastQAt > quarterWindow || e.monthsAt > e.lastQAt {
		return ""
	}
	return e.lastQ
}

func day(t time.Time) string { return fmt.Sprintf("%04d-%02d-%02d", t.Year(), int(t.Month()), t.Day()) }

func ym(y, m int) string { return fmt.Sprintf("%04d-%02d", y, m) }

func yearStr(y int) string { return fmt.Sprintf("%04d", y) }

func week(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

func quarterOf(t time.Time) int { return (int(t.Month())-1)/3 + 1 }

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// validDate reports whether y-m-d is a real calendar date.
func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1 || y > 9999 {
		return false
	}
	return date(y, m, d).Day() == d
}

// dayOff formats a day relative to the DCT, or an underspecified day when there is none.
func (e *env) dayOff(days int) string {
	if !e.has {
		return "XXXX-XX-XX"
	}
	return day(e.dct.AddDate(0, 0, days))
}

// monthAhead and monthBack bound how far from the DCT month a bare month name is read ("March" in an
// October article is last March; "January" is next January): news look back more than ahead. Tuned on
// TBAQ-cleaned; the tense of the sentence did not help there.
const monthAhead, monthBack = 5, 7

// yearFor picks the year of a month (d == 0) or month and day without one: the closest to the DCT.
// On TBAQ-cleaned the closest date beat any use of the tense (which passives and reported speech blur).
func (e *env) yearFor(m, d int) (int, bool) { return e.yearForDir(m, d, false) }

// yearForDir is yearFor; with past set it only considers dates on or before the DCT.
func (e *env) yearForDir(m, d int, past bool) (int, bool) {
	if !e.has {
		return 0, false
	}
	y := e.dct.Year()
	if d == 0 {
		cur := int(e.dct.Month())
		diff := m - cur // -11..11
		switch {
		case diff > monthAhead:
			return y - 1, true
		case diff < -monthBack:
			return y + 1, true
		}
		return y, true
	}
	if !validDate(y, m, d) && !(m == 2 && d == 29) {
		return 0, false
	}
	best, bestDist := y, 1<<30
	for _, c := range []int{y - 1, y, y + 1} {
		if !validDate(c, m, d) {
			continue
		}
		diff := int(date(c, m, d).Sub(e.dct).Hours() / 24)
		if past && diff > 0 {
			continue
		}
		if abs(diff) < bestDist {
			best, bestDist = c, abs(diff)
		}
	}
	return best, true
}

// weekday resolves a weekday name (1 = Monday) against the DCT by tense: past → the last such day on or
// before the DCT, future → the next one on or after it; otherwise the last one (news report the past).
func (e *env) weekday(wd int, t tense, rel string) string {
	if !e.has {
		return fmt.Sprintf("XXXX-WXX-%d", wd)
	}
	cur := isoWeekday(e.dct)
	back := (cur - wd + 7) % 7 // days back to the last such day (0 = today)
	fwd := (wd - cur + 7) % 7  // days forward to the next one (0 = today)
	switch rel {
	case "last", "previous", "past":
		if back == 0 {
			back = 7
		}
		return e.dayOff(-back)
	case "next", "coming":
		if fwd == 0 {
			fwd = 7
		}
		return e.dayOff(fwd)
	case "this":
		if t == tensePast {
			return e.dayOff(-back)
		}
		return e.dayOff(fwd)
	}
	switch t {
	case tenseFuture, tensePresent:
		return e.dayOff(fwd)
	case tensePast:
		return e.dayOff(-back)
	}
	if fwd > 0 && fwd <= 1 {
		return e.dayOff(fwd)
	}
	return e.dayOff(-back)
}

func isoWeekday(t time.Time) int {
	w := int(t.Weekday())
	if w == 0 {
		return 7
	}
	return w
}

// shift moves the DCT by n units (unit letters Y, Q, M, W, D) and formats it at that granularity.
func (e *env) shift(u string, n int) string {
	if !e.has {
		switch u {
		case "Y":
			return "XXXX"
		case "Q":
			return "XXXX-QX"
		case "M":
			return "XXXX-XX"
		case "W":
			return "XXXX-WXX"
		}
		return "XXXX-XX-XX"
	}
	switch u {
	case "Y":
		return yearStr(e.dct.Year() + n)
	case "Q":
		q := e.dct.Year()*4 + quarterOf(e.dct) - 1 + n
		return fmt.Sprintf("%04d-Q%d", q/4, q%4+1)
	case "M":
		t := date(e.dct.Year(), int(e.dct.Month()), 1).AddDate(0, n, 0)
		return ym(t.Year(), int(t.Month()))
	case "W":
		return week(e.dct.AddDate(0, 0, 7*n))
	case "D":
		return e.dayOff(n)
	}
	return ""
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// farDays is how far (days) from the DCT the closest reading of a month or month-day must lie on the side
// the tense of the sentence contradicts before the tense moves it a year: "was shot on Oct. 23" in a May
// article is last October, "the mission in December" in a March article with "will" is next December.
var farDays = 90

// aheadDays is farDays for a future tense.
var aheadDays = 60

// tenseYear revises the year y picked for month mo (and day d, 0 for none) by the tense of the governing
// verb when the picked date lies far on the other side of the DCT.
func (e *env) tenseYear(m *match, y, mo, d int) int {
	if !e.has {
		return y
	}
	dd := d
	if dd == 0 {
		dd = 15
	}
	if !validDate(y, mo, dd) {
		return y
	}
	diff := int(date(y, mo, dd).Sub(e.dct).Hours() / 24)
	if diff > 0 || diff < -aheadDays {
		t, k := e.clauseTenseAt(m.start, m.end)
		// a bare month ahead of the DCT that opens a past-tense sentence is last year's whatever its
		// distance ("In January, the company brought in a new chief" in October); otherwise only a date
		// far ahead moves back (reported speech: "said the rules would be published in November")
		ahead := farDays
		if d == 0 && k >= m.end && int(e.dct.Month()) != mo {
			ahead = 0
		}
		switch {
		case t == tensePast && diff > ahead && validDate(y-1, mo, dd) && !startsLater(m):
			return y - 1
		case t == tenseFuture && diff < -aheadDays && validDate(y+1, mo, dd) && !e.progressive(k):
			return y + 1
		}
	}
	return y
}

// startsLater reports whether the expression follows a word that puts it after the event of a past-tense
// sentence: "was named chairman effective Feb. 1", "extended the offer until Nov. 6".
func startsLater(m *match) bool {
	k := m.start - 1
	return k >= 0 && (m.toks[k].low == "effective" || m.toks[k].low == "until")
}

// afterPrep reports whether "after", "following" or "since" opens the phrase of the expression ("After a
// flat second quarter").
func afterPrep(m *match) bool {
	for k := m.start - 1; k >= 0 && k >= m.start-3; k-- {
		switch m.toks[k].low {
		case "after", "following", "since":
			return true
		}
		if m.toks[k].kind != tWord {
			return false
		}
	}
	return false
}
