package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// rule is one pattern of the grammar with its value function and an example the tests check against a
// DCT of Sunday 2025-08-17 (see rules_test.go).
type rule struct {
	name    string
	pattern string
	val     func(e *env, m *match) (typ, value string, ok bool)
	example string // a sentence containing the expression
	want    string // "expression|TYPE|value" expected from the example
	p       pattern
	index   int    // position in rules
	start   uint32 // the classes of the elements that may match the first token (see canStart)
}

// Lists of words used by several patterns.
const (
	mods   = "early|late|mid|middle|end|beginning|start|earlier|later"
	approx = "nearly|around|approximately"
	// limit is "more than", "less than", "at least", "up to", "no more than" (checked by okLimit)
	limit    = "l1:more|less|at|up|no? l2:more? l3:than|least|to?"
	relWords = "last|this|next|past|previous|coming|current|latest|recent|following|same|that"
)

// rules is the grammar. At each token the longest match wins; among equally long ones the first rule.
var rules = []*rule{
	// ---- absolute dates ----
	{name: "weekday-month-day-year", pattern: "w:WDAY? ,? m:MONTH d:DAY ,? y:YEAR",
		example: "On Aug. 18, 2025 the talks began.", want: "Aug. 18, 2025|DATE|2025-08-18", val: valMDY},
	{name: "day-month-year", pattern: "w:WDAY? ,? the? d:DAY of? m:MONTH ,? y:YEAR",
		example: "It opened on 18 August 2025.", want: "18 August 2025|DATE|2025-08-18", val: valMDY},
	{name: "iso-date", pattern: "y:YEAR - m:NUM - d:NUM",
		example: "Filed 2025-08-18 in court.", want: "2025-08-18|DATE|2025-08-18", val: valISO},
	{name: "slash-date", pattern: "m:NUM / d:NUM / y:NUM",
		example: "Signed 8/18/2025 by both.", want: "8/18/2025|DATE|2025-08-18", val: valSlash},
	{name: "conjoined-day", pattern: "c:and|or|to|through|- d:DAY",
		example: "The summit is set for Sept. 24 and 25.", want: "25|DATE|2025-09-25", val: valConjoinedDay},
	{name: "weekday-month-day", pattern: "r:this|next|last|coming? coming? w:WDAY? ,? m:MONTH d:DAY",
		example: "The vote is set for Aug. 18.", want: "Aug. 18|DATE|2025-08-18", val: valMD},
	{name: "day-month", pattern: "w:WDAY? ,? the? d:DAY of? m:MONTH",
		example: "The vote was held on 12 August.", want: "12 August|DATE|2025-08-12", val: valMD},
	{name: "month-year", pattern: "mod:" + mods + "? m:MONTH of? ,? y:YEAR",
		example: "Prices peaked in June 2024.", want: "June 2024|DATE|2024-06", val: valMY},
	{name: "month-spoken-year", pattern: "m:MONTH c:nineteen t:NUMW u:NUMW?",
		example: "Atlanta was hit again in January nineteen ninety-seven.", want: "January nineteen ninety-seven|DATE|1997-01", val: valMonthSpokenYear},
	{name: "month", pattern: "mod:" + mods + "|this|last|next? m:MONTH",
		example: "Prices fell in March.", want: "March|DATE|2025-03", val: valMonth},
	{name: "year", pattern: "mod:" + mods + "|fiscal|calendar? y:YEAR",
		example: "Sales rose in 2024.", want: "2024|DATE|2024", val: valYear},
	{name: "decade", pattern: "the? mod:" + mods + "? d:DECADE",
		example: "It began in the 1990s.", want: "the 1990s|DATE|199", val: valDecade},
	{name: "century", pattern: "the? mod:" + mods + "? o:ORD century",
		example: "Late in the 20th century.", want: "the 20th century|DATE|19", val: valCentury},
	{name: "season-year", pattern: "the? mod:" + mods + "? s:SEASON of? y:YEAR",
		example: "It closed in the summer of 2023.", want: "the summer of 2023|DATE|2023-SU", val: valSeasonYear},
	{name: "season-spoken-year", pattern: "the? mod:" + mods + "? s:SEASON of? c:nineteen t:NUMW u:NUMW?",
		example: "Oil last sold this cheaply in the winter of nineteen ninety-four.", want: "the winter of nineteen ninety-four|DATE|1994-WI", val: valSeasonSpokenYear},
	{name: "season", pattern: "the? rel:this|last|next|past|early|late|mid? past? s:SEASON",
		example: "They met last fall.", want: "last fall|DATE|2024-FA", val: valSeason},
	{name: "quarter", pattern: "the? y:YEAR? rel:fiscal|calendar|this|last|next? ry:year? s:'s? y2:YEAR? fiscal? o:ORD fiscal? quarter of? fiscal? y3:YEAR?",
		example: "Profit rose in the third quarter.", want: "the third quarter|DATE|2025-Q3", val: valQuarter},
	{name: "quarter-code", pattern: "q:q n:NUM y:YEAR?",
		example: "Sales in Q3 were flat.", want: "Q3|DATE|2025-Q3", val: valQCode},
	{name: "half", pattern: "the? o:first|second|last h:half of? y:YEAR?",
		example: "Growth slowed in the first half of 2025.", want: "the first half of 2025|DATE|2025-H1", val: valHalf},
	{name: "two-quarters", pattern: "the? o:first|last two quarters of y:YEAR",
		example: "Demand should stay weak through the first two quarters of 2026.", want: "the first two quarters of 2026|DATE|2026-H1", val: valTwoQuarters},
	{name: "the-quarter", pattern: "the|this|that rel:latest|current|recent|fiscal|same|most? recent? q:quarter|period",
		example: "Revenue in the third quarter rose; the quarter was strong.", want: "the quarter|DATE|2025-Q3", val: valTheQuarter},
	{name: "year-ago-quarter", pattern: "the? comparable|corresponding? year ago|earlier ORD? q:quarter|period",
		example: "Revenue in the third quarter beat the year-ago quarter.", want: "the year-ago quarter|DATE|2024-Q3", val: valYearAgoQuarter},
	{name: "quarter-last-year", pattern: "the? comparable|corresponding|same? q:quarter|period a year ago|earlier",
		example: "Profit rose in the third quarter; for the quarter a year ago it fell.", want: "the quarter a year ago|DATE|2024-Q3", val: valYearAgoQuarter},
	{name: "period-last-year", pattern: "the comparable|corresponding|same q:quarter|period last year",
		example: "Profit rose in the third quarter from the corresponding period last year.", want: "the corresponding period last year|DATE|2024-Q3", val: valYearAgoQuarter},
	{name: "last-years-quarter", pattern: "last year 's ORD? q:quarter|period",
		example: "Profit rose in the third quarter above last year's quarter.", want: "last year's quarter|DATE|2024-Q3", val: valYearAgoQuarter},
	{name: "year-ago-months", pattern: "the year ago|earlier n:NUM u:months|quarters|weeks",
		example: "Net for the year-earlier nine months included a gain.", want: "the year-earlier nine months|DURATION|P9M", val: valDuration},
	{name: "holiday-week", pattern: "h:christmas|thanksgiving|easter|holy w:week",
		example: "Pilgrims gathered as Easter week began.", want: "Easter week|DATE|2025-W16", val: valHolidayWeek},
	{name: "holiday", pattern: "rel:last|next|this? h:christmas|thanksgiving|easter|halloween|independence|labor|memorial|election|new|valentine|veterans|mother|father ny:year? s:'s? d:day|eve?",
		example: "Stores close on Christmas Day.", want: "Christmas Day|DATE|2025-12-25", val: valHoliday},

	// ---- other calendar and financial periods ----
	{name: "month-relative-year", pattern: "m:MONTH r:last|this|next year",
		example: "In June last year the plant closed.", want: "June last year|DATE|2024-06", val: valMonthRelYear},
	{name: "year-period", pattern: "the y:YEAR ORD? q:quarter|period",
		example: "Profit in the third quarter beat the 2024 period.", want: "the 2024 period|DATE|2024-Q3", val: valYearPeriod},
	{name: "year-ago-adjective", pattern: "y:year a:ago|earlier",
		example: "Profit rose from year-earlier levels.", want: "year-earlier|DATE|2024", val: valYearAgoAdj},
	{name: "year-two-thousand", pattern: "the? year two thousand",
		example: "Computers may fail in the year two thousand.", want: "the year two thousand|DATE|2000", val: valRef("2000")},
	{name: "unit-period", pattern: "the? rel:past|last|next|coming|previous u:decade|century",
		example: "Prices doubled over the past decade.", want: "the past decade|DURATION|P10Y", val: valDuration},
	{name: "year-end", pattern: "the? y:year s:'s? end",
		example: "The deal should close by year-end.", want: "year-end|DATE|2025", val: valYearEnd},
	{name: "year-ended", pattern: "mod:earlier|later? in? the fiscal? year",
		example: "Sales rose 9% in the fiscal year ended June 30.", want: "the fiscal year|DURATION|P1Y", val: valYearEnded},
	{name: "current-year", pattern: "the r:current|full|latest fiscal? year",
		example: "Profit should rise in the current fiscal year.", want: "the current fiscal year|DATE|2025", val: valCurrentYear},
	{name: "spoken-year", pattern: "the? year? c:nineteen t:NUMW u:NUMW?",
		example: "It happened in nineteen ninety-six.", want: "nineteen ninety-six|DATE|1996", val: valSpokenYear},
	{name: "recent-units", pattern: "recent u:years|months|weeks|days|quarters",
		example: "Sales fell in recent years.", want: "recent years|DATE|PAST_REF", val: valRecentUnits},
	{name: "vague-ago", pattern: "a? q:few|several|many u:UNIT ago",
		example: "It closed several years ago.", want: "several years ago|DATE|PAST_REF", val: valRef("PAST_REF")},
	{name: "range-duration", pattern: "the? rel:past|last|next|first? n:NUM to|or n2:NUM u:UNIT",
		example: "Shipments resume within two to three weeks.", want: "two to three weeks|DURATION|P2W", val: valDuration},
	{name: "week-of", pattern: "the week of m:MONTH d:DAY",
		example: "A hearing is set for the week of Sept. 8.", want: "the week of Sept. 8|DATE|2025-W37", val: valWeekOf},
	{name: "the-week", pattern: "the u:week",
		example: "For the week, the index dropped 3.8%.", want: "the week|DATE|2025-WXX", val: valTheWeek},
	{name: "weekend", pattern: "the|this|that|last|next weekend",
		example: "Protests spread over the weekend.", want: "the weekend|DATE|2025-W33-WE", val: valWeekend},

	// ---- relative to the last date mentioned ----
	{name: "anchored-unit", pattern: "mod:earlier|later|early|late? the|that r:following|previous|prior|same? u:day|week|month|year",
		example: "The plant opened in March 2019. The following year it closed.", want: "The following year|DATE|2020", val: valAnchored},

	{name: "anchored-next-day", pattern: "the r:next|following u:day|morning|afternoon|evening|night",
		example: "The storm reached the coast on Aug. 12. The next morning the river broke its banks.", want: "The next morning|DATE|2025-08-13", val: valNextDay},

	// ---- relative to the DCT ----
	{name: "today", pattern: "mod:" + mods + "? d:today|yesterday|tomorrow",
		example: "He resigned yesterday.", want: "yesterday|DATE|2025-08-16", val: valToday},
	{name: "today-part", pattern: "mod:" + mods + "? d:today|yesterday|tomorrow p:PART",
		example: "He spoke yesterday morning.", want: "yesterday morning|TIME|2025-08-16TMO", val: valTodayPart},
	{name: "part-today", pattern: "mod:" + mods + "? p:PART d:yesterday|today|tomorrow",
		example: "Shares in London were up 2 pence at mid-afternoon yesterday.", want: "mid-afternoon yesterday|TIME|2025-08-16TAF", val: valPartToday},
	{name: "mid-part", pattern: "mod:mid|middle p:morning|afternoon",
		example: "By mid afternoon, officials said the village had fallen.", want: "mid afternoon|TIME|2025-08-17TAF", val: valMidPart},
	{name: "tonight", pattern: "d:tonight|overnight",
		example: "Results come in tonight.", want: "tonight|TIME|2025-08-17TNI", val: valTonight},
	{name: "this-part", pattern: "mod:" + mods + "? r:this|last|later p:PART",
		example: "Markets opened lower this morning.", want: "this morning|TIME|2025-08-17TMO", val: valThisPart},
	{name: "relative-unit", pattern: "the? mod:" + mods + "? of? the? r:" + relWords + " u:week|month|year|weekend|quarter",
		example: "Talks stalled last week.", want: "last week|DATE|2025-W32", val: valRelUnit},
	{name: "earlier-this", pattern: "mod:" + mods + "|end|start|middle of? the? r:this|last|next|the u:week|month|year|weekend|quarter",
		example: "The law passed earlier this month.", want: "earlier this month|DATE|2025-08", val: valRelUnit},
	{name: "unit-ago", pattern: "approx:" + approx + "? " + limit + " n:NUM nn:NUMW? u:UNIT or? so? a:ago|earlier",
		example: "The firm was founded two years ago.", want: "two years ago|DATE|2023", val: valAgo},
	{name: "day-before-today", pattern: "the u:day b:before|after d:yesterday|tomorrow",
		example: "He left the day before yesterday.", want: "the day before yesterday|DATE|2025-08-15", val: valDayBefore},
	{name: "day-before-weekday", pattern: "the u:day b:before|after r:last|next|this? w:WDAY",
		example: "The day before last Tuesday's hearing, he flew home.", want: "The day before last Tuesday|DATE|2025-08-11", val: valDayBefore},
	{name: "anchored-weekday", pattern: "the r:previous|following|preceding w:WDAY",
		example: "Stocks closed 4.5% lower on Friday, Aug. 15 than the previous Friday.", want: "the previous Friday|DATE|2025-08-08", val: valAnchoredWeekday},
	{name: "weekday", pattern: "r:last|next|this|coming|early|late|mid? w:WDAY",
		example: "Zelensky and European leaders are heading to Washington on Monday.", want: "Monday|DATE|2025-08-18", val: valWeekday},
	{name: "weekday-part", pattern: "r:last|next|this|early|late? w:WDAY p:PART",
		example: "The deal was struck Friday night.", want: "Friday night|DATE|2025-08-15", val: valWeekdayPart},

	// ---- clock times ----
	{name: "clock", pattern: "approx:around|about? h:HOUR :? mi:MIN? ap:AMPM z:ZONE? ,? w:WDAY? ,? m:MONTH? d:DAY?",
		example: "Polls close at 8 p.m. ET.", want: "8 p.m. ET|TIME|2025-08-17T20:00", val: valClock},
	{name: "clock-24h", pattern: "h:HOUR : mi:MIN z:ZONE",
		example: "Trading halted at 14:30 GMT.", want: "14:30 GMT|TIME|2025-08-17T14:30", val: valClock},
	{name: "noon", pattern: "approx:around|about? n:noon|midnight|midday w:WDAY?",
		example: "The deadline is noon Thursday.", want: "noon Thursday|TIME|2025-08-21T12:00", val: valNoon},

	// ---- durations ----
	{name: "duration", pattern: "approx:" + approx + "? " + limit + " the? rel:past|last|next|first|final|coming|previous|latest|initial? n:NUM nn:NUMW? more|additional|full|straight|consecutive|trading|business? u:UNIT long?",
		example: "The war has lasted three years.", want: "three years|DURATION|P3Y", val: valDuration},
	{name: "duration-half", pattern: "approx:" + approx + "? n:NUM h:NUM / two:NUM u:UNIT",
		example: "The flight took 5 1/2 hours.", want: "5 1/2 hours|DURATION|PT5H30M", val: valHalfDuration},
	{name: "duration-and-half", pattern: "approx:" + approx + "? " + limit + " n:NUM nn:NUMW? u:UNIT and a half",
		example: "The talks took a year and a half.", want: "a year and a half|DURATION|P1Y6M", val: valAndHalf},
	{name: "duration-and-half-before", pattern: "approx:" + approx + "? " + limit + " n:NUM nn:NUMW? and a half u:UNIT",
		example: "The station was off the air for two and a half hours.", want: "two and a half hours|DURATION|PT2H30M", val: valAndHalf},
	{name: "duration-couple", pattern: "approx:" + approx + "? the? rel:past|last|next|first|coming? a couple of? u:UNIT",
		example: "It will take a couple of years.", want: "a couple of years|DURATION|P2Y", val: valDuration},
	{name: "duration-vague", pattern: "the? rel:past|last|next|coming|first|recent? a? q:few|several|many|some u:UNIT",
		example: "Talks could take several months.", want: "several months|DURATION|PXM", val: valVague},
	{name: "duration-plural", pattern: "the? rel:recent|coming|past|first|early? u:years|months|weeks|days|decades|centuries|hours|minutes ahead?",
		example: "The dispute has run for years.", want: "years|DURATION|PXY", val: valPlural},

	{name: "a-while", pattern: "a w:while",
		example: "They will have to live without power for a while.", want: "a while|DURATION|PXX", val: valWhile},

	{name: "unit-long", pattern: "u:UNIT l:long",
		example: "It was a decades-long battle.", want: "decades-long|DURATION|PXY", val: valUnitLong},

	{name: "nth-day-of", pattern: "the o:ORD u:day|week of",
		example: "It is the fifth day of the strike.", want: "the fifth day|DATE|2025-08-17", val: valNthDayToday},

	// ---- sets ----
	{name: "every", pattern: "q:every|each u:UNIT",
		example: "The board meets every week.", want: "every week|SET|P1W", val: valEvery},
	{name: "every-month", pattern: "q:every|each m:MONTH",
		example: "Orangemen march each July.", want: "each July|SET|XXXX-07", val: valEveryMonth},
	{name: "every-weekday", pattern: "q:every|each w:WDAY",
		example: "He calls each Thursday.", want: "each Thursday|SET|XXXX-WXX-4", val: valEveryWeekday},
	{name: "adverb-set", pattern: "a:daily|weekly|monthly|yearly|hourly|nightly",
		example: "The paper is published daily.", want: "daily|SET|P1D", val: valAdverbSet},

	// ---- references ----
	{name: "current", pattern: "then? a:current",
		example: "Its current chief took over in June.", want: "current|DATE|PRESENT_REF", val: valCurrent},
	{name: "soon", pattern: "a:soon",
		example: "The ministry may soon seek new bids.", want: "soon|DATE|FUTURE_REF", val: valSoon},
	{name: "present", pattern: "a:now|currently|presently",
		example: "Prices are now falling.", want: "now|DATE|PRESENT_REF", val: valPresent},
	{name: "this-moment", pattern: "this a:crucial|critical|difficult|delicate|historic|important|particular|sensitive|present? moment",
		example: "He would not travel at this crucial moment.", want: "this crucial moment|DATE|PRESENT_REF", val: valThisMoment},
	{name: "these-days", pattern: "a:these days",
		example: "These days few buy records.", want: "These days|DATE|PRESENT_REF", val: valRef("PRESENT_REF")},
	{name: "past", pattern: "more|most? a:recently",
		example: "She recently moved.", want: "recently|DATE|PAST_REF", val: valRef("PAST_REF")},
	{name: "the-past", pattern: "a:the past",
		example: "In the past, rates were higher.", want: "the past|DATE|PAST_REF", val: valThePast},
	{name: "near-term", pattern: "the a:near|short term",
		example: "We don't minimize the challenges of the near term.", want: "the near term|DATE|FUTURE_REF", val: valNearTerm},
	{name: "future-units", pattern: "a:future u:years|months|weeks|quarters|decades|generations",
		example: "The charge will lower tax payments in future quarters.", want: "future quarters|DATE|FUTURE_REF", val: valRef("FUTURE_REF")},
	{name: "future", pattern: "the near|distant? a:future",
		example: "Rates may rise in the near future.", want: "the near future|DATE|FUTURE_REF", val: valFuture},
}

// compiled rules, built once.
func init() {
	for k, r := range rules {
		r.p = compile(r.pattern)
		r.index = k
		for _, e := range r.p {
			r.start |= e.class
			for w := range e.words {
				rulesByWord[w] = append(rulesByWord[w], r)
			}
			if !e.optional {
				break
			}
		}
		if r.start != 0 {
			rulesByClass = append(rulesByClass, r)
		}
	}
	buildWordInfo()
}

// rulesByWord lists, in grammar order, the rules whose match may start with a given word; rulesByClass
// those whose match may start with a token of a lexical class. Find only tries these.
var (
	rulesByWord  = map[string][]*rule{}
	rulesByClass []*rule
)

// candidates returns the rules that may match at token t, in grammar order: those that may start with
// its lower-case form or with one of its lexical classes.
func candidates(t *tok, buf []*rule) []*rule {
	a := rulesByWord[t.low]
	buf = buf[:0]
	if t.cls == 0 {
		return append(buf, a...)
	}
	b := rulesByClass
	for len(a) > 0 || len(b) > 0 {
		if len(b) > 0 && b[0].start&t.cls == 0 {
			b = b[1:]
			continue
		}
		switch {
		case len(b) == 0 || len(a) > 0 && a[0].index < b[0].index:
			buf = append(buf, a[0])
			a = a[1:]
		case len(a) == 0 || b[0].index < a[0].index:
			buf = append(buf, b[0])
			b = b[1:]
		default: // the same rule in both lists
			buf = append(buf, a[0])
			a, b = a[1:], b[1:]
		}
	}
	return buf
}

// ---- value functions ----

func monthOf(m *match) int { return months[m.low("m")] }

func valMDY(e *env, m *match) (string, string, bool) {
	t, _ := m.tok("y")
	y, _ := year(t)
	dt, _ := m.tok("d")
	d, _ := ordinalDay(dt)
	mo := monthOf(m)
	if !validDate(y, mo, d) {
		return "", "", false
	}
	return "DATE", day(date(y, mo, d)), true
}

func valISO(e *env, m *match) (string, string, bool) {
	yt, _ := m.tok("y")
	y, _ := year(yt)
	mt, _ := m.tok("m")
	dt, _ := m.tok("d")
	mo, ok1 := atoi(mt.low)
	d, ok2 := atoi(dt.low)
	if !ok1 || !ok2 || len(mt.low) != 2 || len(dt.low) != 2 || !validDate(y, mo, d) || mt.space || dt.space {
		return "", "", false
	}
	return "DATE", day(date(y, mo, d)), true
}

func valSlash(e *env, m *match) (string, string, bool) {
	mt, _ := m.tok("m")
	dt, _ := m.tok("d")
	yt, _ := m.tok("y")
	mo, ok1 := atoi(mt.low)
	d, ok2 := atoi(dt.low)
	y, ok3 := atoi(yt.low)
	if !ok1 || !ok2 || !ok3 || dt.space || yt.space {
		return "", "", false
	}
	if len(yt.low) == 2 {
		y += 1900
		if y < 1950 {
			y += 100
		}
	} else if len(yt.low) != 4 {
		return "", "", false
	}
	if !validDate(y, mo, d) {
		if validDate(y, d, mo) { // 18/8/2025
			mo, d = d, mo
		} else {
			return "", "", false
		}
	}
	return "DATE", day(date(y, mo, d)), true
}

func valMD(e *env, m *match) (string, string, bool) {
	if m.has("r") && !m.has("w") {
		return "", "", false // "this coming Sunday, March 8" only; "last Oct. 23" is the date alone
	}
	if k := m.end; k+1 < len(m.toks) && m.toks[k].low == "," && classes["YEAR"](m.toks, k+1) || k < len(m.toks) && classes["YEAR"](m.toks, k) {
		return "", "", false // "Feb. 29, 2025": the full date was not valid
	}
	dt, _ := m.tok("d")
	d, _ := ordinalDay(dt)
	mo := monthOf(m)
	if !validDate(2000, mo, d) { // 2000 is a leap year: Feb 29 passes
		return "", "", false
	}
	if dt.kind != tNum && !m.has("w") && m.toks[m.start].low != "the" {
		// "May first" is rare; "March second" more often is not a date
		if _, isOrd := ordinalWords[dt.low]; !isOrd {
			return "", "", false
		}
	}
	if w, ok := m.tok("w"); ok && e.has {
		// a weekday with the date picks the year whose date falls on that weekday
		wd := weekdays[w.low]
		for _, y := range []int{e.dct.Year(), e.dct.Year() + 1, e.dct.Year() - 1} {
			if validDate(y, mo, d) && isoWeekday(date(y, mo, d)) == wd {
				return "DATE", day(date(y, mo, d)), true
			}
		}
	}
	y, ok := e.yearForDir(mo, d, e.pastJustBefore(m.start))
	if !ok {
		return "DATE", fmt.Sprintf("XXXX-%02d-%02d", mo, d), true
	}
	y = e.tenseYear(m, y, mo, d)
	if !validDate(y, mo, d) {
		return "", "", false
	}
	return "DATE", day(date(y, mo, d)), true
}

func valMY(e *env, m *match) (string, string, bool) {
	t, _ := m.tok("y")
	y, _ := year(t)
	return "DATE", ym(y, monthOf(m)), true
}

// monthContext are words after which a bare "May" or "March" is a month.
var monthContext = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "by": true, "before": true, "after": true,
	"during": true, "early": true, "late": true, "mid": true, "last": true, "next": true, "this": true,
	"of": true, "through": true, "from": true, "to": true, "between": true, "and": true, "or": true,
	"end": true, "beginning": true, "middle": true, "each": true, "every": true, "that": true,
}

func valMonth(e *env, m *match) (string, string, bool) {
	mt, _ := m.tok("m")
	mo := months[mt.low]
	if len(mt.low) <= 4 && mt.low != "june" && mt.low != "july" && mt.low != "may" {
		return "", "", false // abbreviations need a day
	}
	if mt.low == "may" || mt.low == "march" {
		prev := ""
		if k := indexOf(m, "m") - 1; k >= 0 {
			prev = m.toks[k].low
		}
		if (!monthContext[prev] || prev == "and" || prev == "or" || prev == "to" || prev == "that") && !monthModifier(m) {
			return "", "", false
		}
	}
	if !e.has {
		return "DATE", fmt.Sprintf("XXXX-%02d", mo), true
	}
	y := e.dct.Year()
	cur := int(e.dct.Month())
	switch m.low("mod") {
	case "last", "next":
		// the closest such month on that side, skipping the month next to the DCT's: "last February"
		// written in March is a year back, as the month just gone is "last month" (and the coming one
		// "next month")
		back := m.low("mod") == "last"
		n := (mo - cur + 12) % 12 // months ahead to that month
		if back {
			n = (cur - mo + 12) % 12 // months back to it
		}
		if n < 2 {
			n += 12
		}
		if back {
			n = -n
		}
		y = (y*12 + cur - 1 + n) / 12
	case "this":
	default:
		yy, _ := e.yearFor(mo, 0)
		y = e.tenseYear(m, yy, mo, 0)
		if k := m.start - 1; k >= 0 && m.toks[k].low == "since" {
			y = e.dct.Year() // "since January": the last January
			if mo > cur {
				y--
			}
		}
	}
	return "DATE", ym(y, mo), true
}

// indexOf returns the token index captured under name, or -1.
func indexOf(m *match, name string) int {
	for k, el := range m.p {
		if el.name == name {
			return m.at[k]
		}
	}
	return -1
}

// yearContext are words after which a bare four-digit number is a year.
var yearContext = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "by": true, "before": true, "after": true,
	"during": true, "of": true, "through": true, "from": true, "to": true, "between": true, "and": true,
	"for": true, "early": true, "late": true, "mid": true, "fiscal": true, "calendar": true, "year": true,
	"around": true, "circa": true, "spring": true, "summer": true, "fall": true, "winter": true, "the": true,
	"end": true, "beginning": true, "start": true, "middle": true, "or": true, "than": true, "at": true,
	"as": true, "that": true, "'s": true, "post": true, "pre": true,
}

// notYearBefore are nouns after which a four-digit number is an identifier ("flight 1998").
var notYearBefore = map[string]bool{
	"flight": true, "route": true, "room": true, "page": true, "pages": true, "section": true, "article": true,
	"number": true, "no.": true, "model": true, "version": true, "item": true, "bus": true, "highway": true,
	"interstate": true, "channel": true, "resolution": true, "rule": true, "code": true, "suite": true,
}

func valYear(e *env, m *match) (string, string, bool) {
	yt, _ := m.tok("y")
	y, _ := year(yt)
	i := indexOf(m, "y")
	prev, next := tok{}, tok{}
	if i > 0 {
		prev = m.toks[i-1]
	}
	if i+1 < len(m.toks) {
		next = m.toks[i+1]
	}
	// numbers in tables, amounts, identifiers and broken dates are not years
	if i > 1 && prev.low == "," && m.toks[i-2].kind == tNum || notYearBefore[prev.low] {
		return "", "", false
	}
	if (prev.low == "/" || prev.low == "-" || prev.low == ":") && !m.toks[i].space || next.low == "/" && !next.space {
		return "", "", false
	}
	if prev.kind == tNum || next.kind == tNum || prev.low == "$" || prev.low == "#" || next.low == "%" ||
		(next.kind == tWord && units[next.low].letter != "" && next.low != "year") {
		return "", "", false
	}
	switch next.low {
	case "percent", "million", "billion", "people", "shares", "points", "feet", "miles", "tons":
		return "", "", false
	case "-", "/": // "1990-91", "1998/99"; but not the dash of "in 1984 -- part of"
		if !next.space {
			return "", "", false
		}
	}
	if nameYear(m.toks, i) {
		return "", "", false
	}
	if !(y >= 1800 && y <= 2100) && !yearContext[prev.low] {
		return "", "", false
	}
	return "DATE", yearStr(y), true
}

// decade returns the TIMEX3 decade value of a token: "1990s" → "199", "'80s" → "198", "nineties" → "199".
func decade(t tok) (string, bool) {
	s := t.low
	switch {
	case t.kind == tNum && len(s) == 5 && s[4] == 's' && s[3] == '0':
		if _, ok := atoi(s[:4]); ok {
			return s[:3], true
		}
	case len(s) == 4 && s[0] == '\'' && s[3] == 's' && s[2] == '0':
		if s[1] >= '0' && s[1] <= '9' {
			if s[1] <= '2' {
				return "20" + s[1:2], true
			}
			return "19" + s[1:2], true
		}
	}
	v, ok := decadeWords[s]
	return v, ok
}

// decadeWords are the decades written in words.
var decadeWords = map[string]string{"twenties": "192", "thirties": "193", "forties": "194", "fifties": "195",
	"sixties": "196", "seventies": "197", "eighties": "198", "nineties": "199"}

func valDecade(e *env, m *match) (string, string, bool) {
	t, _ := m.tok("d")
	v, _ := decade(t)
	if t.kind == tWord && !strings.HasPrefix(t.low, "'") && m.toks[m.start].low != "the" {
		return "", "", false
	}
	return "DATE", v, true
}

func valCentury(e *env, m *match) (string, string, bool) {
	t, _ := m.tok("o")
	n, _ := ordinal(t)
	if n < 1 || n > 30 {
		return "", "", false
	}
	return "DATE", fmt.Sprintf("%02d", n-1), true
}

func valSeasonYear(e *env, m *match) (string, string, bool) {
	t, _ := m.tok("y")
	y, _ := year(t)
	return "DATE", fmt.Sprintf("%04d-%s", y, seasons[m.low("s")]), true
}

func valSeason(e *env, m *match) (string, string, bool) {
	s := seasons[m.low("s")]
	rel := m.low("rel")
	if rel == "" && m.toks[m.start].low != "the" && (s == "FA" || s == "SP") {
		return "", "", false
	}
	if !e.has {
		return "DATE", "XXXX-" + s, true
	}
	y := e.dct.Year()
	switch rel {
	case "last", "past":
		if m.toks[m.start].low != "this" {
			y--
		}
	case "next":
		y++
	}
	return "DATE", fmt.Sprintf("%04d-%s", y, s), true
}

func valQuarter(e *env, m *match) (string, string, bool) {
	if i := indexOf(m, "ry"); i < 0 && m.has("s") || i >= 0 && !m.has("s") {
		return "", "", false // "'s" only in "this year's third quarter"
	}
	ot, _ := m.tok("o")
	n, _ := ordinal(ot)
	if n < 1 || n > 4 {
		return "", "", false
	}
	y := 0
	for _, k := range []string{"y", "y2", "y3"} {
		if t, ok := m.tok(k); ok {
			y, _ = year(t)
		}
	}
	if y == 0 {
		if !e.has {
			return "DATE", fmt.Sprintf("XXXX-Q%d", n), true
		}
		y = e.dct.Year()
		switch {
		case m.low("rel") == "last":
			y--
		case m.low("rel") == "next":
			y++
		case n > quarterOf(e.dct) && quarterOf(e.dct) == 1:
			y-- // early in the year, "the fourth quarter" reports last year's
		}
		if ey, ok := e.endedYear(m); ok && m.low("rel") == "" {
			y = ey // "the second quarter ended Oct. 31" in an October article: last year's
		}
	}
	v := fmt.Sprintf("%04d-Q%d", y, n)
	e.setQuarter(m, v)
	return "DATE", v, true
}

func valQCode(e *env, m *match) (string, string, bool) {
	nt, _ := m.tok("n")
	n, _ := atoi(nt.low)
	if q, _ := m.tok("q"); q.text != "Q" || nt.space || n < 1 || n > 4 {
		return "", "", false
	}
	y := 0
	if t, ok := m.tok("y"); ok {
		y, _ = year(t)
	} else if e.has {
		y = e.dct.Year()
	} else {
		return "DATE", fmt.Sprintf("XXXX-Q%d", n), true
	}
	v := fmt.Sprintf("%04d-Q%d", y, n)
	e.setQuarter(m, v)
	return "DATE", v, true
}

func valHalf(e *env, m *match) (string, string, bool) {
	h := "H1"
	if m.low("o") == "second" || m.low("o") == "last" {
		h = "H2" // "the last half of 1989"
	}
	if _, ok := units[m.low("u")]; ok || m.end < len(m.toks) && units[m.toks[m.end].low].letter != "" {
		return "", "", false // "the first half hour"
	}
	if t, ok := m.tok("y"); ok {
		y, _ := year(t)
		return "DATE", fmt.Sprintf("%04d-%s", y, h), true
	}
	if m.toks[m.start].low != "the" || m.low("o") == "last" {
		return "", "", false // "the last half" needs its year ("of the '80s" is the decade's)
	}
	if !e.has {
		return "DATE", "XXXX-" + h, true
	}
	return "DATE", fmt.Sprintf("%04d-%s", e.dct.Year(), h), true
}

func valTheQuarter(e *env, m *match) (string, string, bool) {
	if m.low("q") == "period" && m.low("rel") == "" {
		return "", "", false
	}
	switch m.low("rel") {
	case "current":
		return "DATE", e.shift("Q", 0), true
	}
	if e.lastQ != "" {
		e.lastQAt = m.toks[m.start].start // the report still speaks of that quarter
		return "DATE", e.lastQ, true
	}
	if m.low("q") == "period" {
		return "", "", false
	}
	if e.clauseTense(m.start, m.end) == tenseFuture {
		return "DATE", e.shift("Q", 0), true // "profit will rise in the quarter": the current one
	}
	return "DATE", e.shift("Q", -1), true // a report speaks of the last quarter closed
}

func valYearAgoQuarter(e *env, m *match) (string, string, bool) {
	q := e.lastQ
	if e.monthsAt > e.lastQAt && m.low("q") == "period" {
		// "in the first nine months ... the year-earlier period": that span a year before, whose year
		// is all TIMEX3 can say as a date
		return "DATE", e.shift("Y", -1), true
	}
	if q == "" {
		q = e.shift("Q", -1)
	} else {
		e.lastQAt = m.toks[m.start].start
	}
	y, err := strconv.Atoi(q[:4])
	if err != nil {
		return "DATE", "XXXX" + q[4:], true
	}
	return "DATE", fmt.Sprintf("%04d%s", y-1, q[4:]), true
}

func valToday(e *env, m *match) (string, string, bool) {
	if m.low("d") == "today" && m.low("mod") == "" && genericToday(m) {
		return "", "", false
	}
	if m.low("mod") == "" && notTheDay(m) {
		return "", "", false
	}
	switch m.low("d") {
	case "yesterday":
		return "DATE", e.dayOff(-1), true
	case "tomorrow":
		return "DATE", e.dayOff(1), true
	}
	return "DATE", e.dayOff(0), true
}

func valTodayPart(e *env, m *match) (string, string, bool) {
	_, v, _ := valToday(e, m)
	return "TIME", v + "T" + dayParts[m.low("p")], true
}

func valTonight(e *env, m *match) (string, string, bool) {
	if m.low("d") == "overnight" {
		return "", "", false
	}
	return "TIME", e.dayOff(0) + "TNI", true
}

func valThisPart(e *env, m *match) (string, string, bool) {
	off := 0
	if m.low("r") == "last" {
		if m.low("p") != "night" {
			return "", "", false
		}
		off = -1
	}
	return "TIME", e.dayOff(off) + "T" + dayParts[m.low("p")], true
}

func valRelUnit(e *env, m *match) (string, string, bool) {
	u := m.low("u")
	n := 0
	if titleCase(m) {
		return "", "", false // ABC's "This Week": a title
	}
	switch m.low("r") {
	case "last", "past", "previous":
		n = -1
	case "next", "coming", "following":
		n = 1
	case "the":
		if u != "year" && u != "month" && u != "week" {
			return "", "", false
		}
		if m.low("mod") == "" {
			return "", "", false
		}
	case "latest", "recent", "same", "that":
		if u != "quarter" {
			return "", "", false
		}
		if e.lastQ != "" {
			return "DATE", e.lastQ, true
		}
		n = -1
	}
	switch u {
	case "week":
		return "DATE", e.shift("W", n), true
	case "month":
		return "DATE", e.shift("M", n), true
	case "year":
		if q := e.quarterNear(m); n == -1 && m.low("r") == "last" && m.low("mod") == "" && q != "" && comparedAmount(m) {
			// "compared with a loss of $3 million last year", "up from last year's $1.55 billion" in a
			// quarterly report: the reported quarter a year before, as "a year earlier"
			if y, err := strconv.Atoi(q[:4]); err == nil {
				return "DATE", fmt.Sprintf("%04d%s", y-1, q[4:]), true
			}
		}
		return "DATE", e.shift("Y", n), true
	case "quarter":
		return "DATE", e.shift("Q", n), true
	case "weekend":
		if !e.has {
			return "DATE", "XXXX-WXX-WE", true
		}
		// the weekend: the coming one in future tense, else the last one
		t := e.dct
		if n == 1 || (n == 0 && e.tenseAt(m.start, m.end) == tenseFuture) {
			t = t.AddDate(0, 0, 7-isoWeekday(t)+6-7)
			if isoWeekday(e.dct) >= 6 {
				t = e.dct
			}
			return "DATE", week(t) + "-WE", true
		}
		if isoWeekday(t) < 6 {
			t = t.AddDate(0, 0, -isoWeekday(t))
		}
		return "DATE", week(t) + "-WE", true
	}
	return "", "", false
}

func valAgo(e *env, m *match) (string, string, bool) {
	if !okLimit(m) {
		return "", "", false
	}
	nt, _ := m.tok("n")
	n, ok := compound(m)
	u := units[m.low("u")]
	if !ok || u.time || u.letter == "WE" {
		return "", "", false
	}
	n *= u.mult
	if n > 3000 {
		return "", "", false // no calendar year to give
	}
	if m.low("a") != "ago" && !(nt.low == "a" || nt.low == "an" || nt.low == "one") {
		return "", "", false
	}
	if k := indexOf(m, "u"); m.toks[k+1].low == "or" && m.toks[k+2].low != "so" || m.toks[k+1].low == "so" {
		return "", "", false // only "a week or so ago"
	}
	if at, _ := m.tok("a"); !at.space && nt.low == "a" {
		return "", "", false // "a year-earlier loss": the article belongs to the noun
	}
	if q := e.quarterNear(m); u.letter == "Y" && n == 1 && q != "" {
		// "up from $3 million a year earlier" in a quarterly report: the same quarter a year before
		y, err := strconv.Atoi(q[:4])
		if err == nil {
			return "DATE", fmt.Sprintf("%04d%s", y-1, q[4:]), true
		}
	}
	return "DATE", e.shift(u.letter, -n), true
}

func valWeekday(e *env, m *match) (string, string, bool) {
	wd := weekdays[m.low("w")]
	rel := m.low("r")
	t := e.dayTense(m, m.end)
	if i := indexOf(m, "w"); i+1 < len(m.toks) && m.toks[i+1].low == "'s" {
		// "Friday's ruling", "ahead of Friday's summit": the verb of the sentence is not the weekday's
		t = tenseNone
	}
	return "DATE", e.weekday(wd, t, rel), true
}

// valWeekdayPart: "Friday evening" (and afternoon) is the TIME of that part of the day (TEV, TAF), as TimeML
// prescribes and TBAQ-cleaned annotates (4 of 4); "Friday morning" and "Friday night" are annotated there
// mostly as the DATE of the day alone, often with the part of day left out of the extent, so the value
// stays the day's.
func valWeekdayPart(e *env, m *match) (string, string, bool) {
	_, v, ok := valWeekday(e, m)
	p := m.low("p")
	if !ok || p != "evening" && p != "afternoon" || !e.has {
		return "DATE", v, ok
	}
	return "TIME", v + "T" + dayParts[p], true
}

func valClock(e *env, m *match) (string, string, bool) {
	ht, _ := m.tok("h")
	h, _ := atoi(ht.low)
	mi := 0
	if t, ok := m.tok("mi"); ok {
		mi, _ = atoi(t.low)
	}
	if ap := m.low("ap"); ap != "" {
		if h < 1 || h > 12 {
			return "", "", false
		}
		if strings.HasPrefix(ap, "p") && h < 12 {
			h += 12
		} else if strings.HasPrefix(ap, "a") && h == 12 {
			h = 0
		}
	} else if h > 23 {
		return "", "", false
	}
	d := clockDay(e, m)
	return "TIME", fmt.Sprintf("%sT%02d:%02d", d, h, mi), true
}

// clockDay is the day part of a clock time: a weekday or date written with it, else the DCT.
func clockDay(e *env, m *match) string {
	if mt, ok := m.tok("m"); ok {
		if dt, ok := m.tok("d"); ok {
			mo := months[mt.low]
			d, _ := ordinalDay(dt)
			if y, ok := e.yearFor(mo, d); ok && validDate(y, mo, d) {
				return day(date(y, mo, d))
			}
			return fmt.Sprintf("XXXX-%02d-%02d", mo, d)
		}
	}
	if w, ok := m.tok("w"); ok {
		return e.weekday(weekdays[w.low], e.dayTense(m, m.end), "")
	}
	// "on Dec. 3 at 9 a.m.": a day written just before the time gives its day
	if e.lastDEnd >= 0 && (e.lastDEnd == m.start || e.lastDEnd == m.start-1 && (m.toks[m.start-1].low == "at" || m.toks[m.start-1].low == ",")) {
		if _, gran, ok := parseDate(e.lastD); ok && gran == 3 {
			return e.lastD
		}
	}
	// "11 a.m. local time on Friday": the weekday written after the time gives its day
	for k := m.end; k < len(m.toks) && k < m.end+4; k++ {
		switch m.toks[k].low {
		case "local", "time", "on", ",":
			continue
		}
		if classes["WDAY"](m.toks, k) {
			return e.weekday(weekdays[m.toks[k].low], e.dayTense(m, k+1), "")
		}
		break
	}
	// "was shot on Oct. 23. ... He died at 10 p.m.": in narration a bare clock time falls on the day
	// written shortly before it
	if e.lastDEnd >= 0 && m.start-e.lastDEnd <= narrationWindow {
		if _, gran, ok := parseDate(e.lastD); ok && gran == 3 {
			return e.lastD
		}
	}
	return e.dayOff(0)
}

// narrationWindow is how many tokens after a written day a bare clock time still falls on it.
var narrationWindow = 80

func valNoon(e *env, m *match) (string, string, bool) {
	if m.start > 0 && m.toks[m.start].low == "noon" && m.toks[m.start-1].low == "high" {
		return "", "", false // "High Noon", "high noon comes today": the idiom, not a clock time
	}
	h := "12:00"
	if m.low("n") == "midnight" {
		h = "24:00"
	}
	return "TIME", clockDay(e, m) + "T" + h, true
}

// durationValue formats n units as a TIMEX3 duration ("P3Y", "PT48H"); n < 0 means unspecified ("PXY").
func durationValue(u unit, n int) string {
	num := "X"
	if n >= 0 {
		num = strconv.Itoa(n * u.mult)
	}
	if u.time {
		return "PT" + num + u.letter
	}
	return "P" + num + u.letter
}

// okLimit checks the words of a limit: "more than", "less than", "at least", "up to", "no more than".
func okLimit(m *match) bool {
	l1, l2, l3 := m.low("l1"), m.low("l2"), m.low("l3")
	if l1 == "" && l2 == "" && l3 == "" {
		return true
	}
	switch l1 + " " + l2 + " " + l3 {
	case "more  than", "less  than", "at  least", "up  to", "no more than":
		return true
	}
	return false
}

func valDuration(e *env, m *match) (string, string, bool) {
	if !okLimit(m) {
		return "", "", false
	}
	u, ok := units[m.low("u")]
	if !ok || u.letter == "WE" {
		return "", "", false
	}
	n := 1 // "the past decade"
	for k := m.start; k < m.end; k++ {
		if m.toks[k].low == "couple" {
			n = 2 // "a couple of years"
		}
	}
	if nt, ok := m.tok("n"); ok {
		if n, ok = compound(m); !ok {
			return "", "", false
		}
		if nt.kind == tNum && len(nt.low) > 4 {
			return "", "", false
		}
		if k := indexOf(m, "n"); k > 0 && m.toks[k-1].low == "$" {
			return "", "", false
		}
	}
	if m.toks[m.start].low == "the" && m.low("rel") == "" && m.low("n") != "" && m.low("u") == "year" {
		return "", "", false
	}
	ut, _ := m.tok("u")
	if (m.low("n") == "a" || m.low("n") == "an") && strings.HasSuffix(ut.low, "s") && !strings.HasSuffix(ut.low, "ss") {
		return "", "", false // "a decades-long battle": the article belongs to the noun (rule unit-long)
	}
	if (m.low("rel") == "first" || m.low("rel") == "last") && n == 2 && m.low("u") == "quarters" && m.end+1 < len(m.toks) &&
		m.toks[m.end].low == "of" && classes["YEAR"](m.toks, m.end+1) {
		return "", "", false // "the first two quarters of 1990": the half year (rule two-quarters)
	}
	if k := indexOf(m, "u"); k+1 < len(m.toks) && m.toks[k+1].low == "old" || m.end < len(m.toks) && m.toks[m.end].low == "old" {
		return "", "", false // ages: "a 6-year-old", "52 years old"
	}
	if k := indexOf(m, "u"); k+1 < len(m.toks) && !m.toks[k+1].space && (m.toks[k+1].low == "earlier" || m.toks[k+1].low == "ago") {
		return "", "", false // "a year-earlier loss": the adjective rule takes "year-earlier"
	}
	switch {
	case u.letter == "Q" && (m.low("n") == "a" || m.low("n") == "an" || !ut.space):
		return "", "", false // fractions: "a quarter", "three-quarters"
	case u.letter == "S" && (m.low("n") == "a" || m.low("n") == "an"):
		return "", "", false // "a second" is mostly the ordinal
	case ut.text != ut.low && ut.text[0] >= 'A' && ut.text[0] <= 'Z' && m.toks[indexOf(m, "n")].kind == tNum:
		return "", "", false // "60 Minutes"
	}
	if nt, ok := m.tok("n"); ok && nt.kind == tNum {
		if v, _ := atoi(nt.low); v >= 1000 {
			return "", "", false
		}
	}
	if m.low("n") == "one" && m.low("u") == "day" && m.start == indexOf(m, "n") && m.start > 0 && (modal[m.toks[m.start-1].low] || subjectPronoun[m.toks[m.start-1].low]) {
		// "Islam will one day be the second religion", "hopes he one day follows them": some day ahead
		return "DATE", "FUTURE_REF", true
	}
	if (m.low("n") == "a" || m.low("n") == "an") && m.start == indexOf(m, "n") && m.start > 0 {
		// "$5 a year", "twice a year": a rate, not a duration
		switch m.toks[m.start-1].low {
		case "times", "twice", "once", "thrice":
			return "SET", "P1" + u.letter, true
		}
		switch p := m.toks[m.start-1]; {
		case p.kind == tNum, p.low == "million", p.low == "billion", p.low == "percent", p.low == "thousand",
			p.low == "flights", p.low == "seats", p.low == "dollars", p.low == "cents":
			return "SET", "P1" + u.letter, true // a rate: "$33 million a year"
		}
	}
	if u.letter == "M" && !u.time && n > 1 && (m.low("rel") == "first" || m.low("rel") == "past" || m.low("rel") == "last" || m.low("rel") == "latest") {
		e.monthsAt = m.toks[m.start].start // "in the first nine months, ... the 1988 period": not a quarter
	}
	return "DURATION", durationValue(u, n), true
}

func valHalfDuration(e *env, m *match) (string, string, bool) {
	nt, _ := m.tok("n")
	n, _ := cardinal(nt)
	if m.low("h") != "1" || m.low("two") != "2" {
		return "", "", false
	}
	u := units[m.low("u")]
	switch u.letter {
	case "Y":
		return "DURATION", fmt.Sprintf("P%dY6M", n*u.mult), true
	case "H":
		return "DURATION", fmt.Sprintf("PT%dH30M", n), true
	case "D":
		return "DURATION", fmt.Sprintf("P%dDT12H", n), true
	case "M":
		if u.time {
			return "DURATION", fmt.Sprintf("PT%dM30S", n), true
		}
	}
	return "DURATION", durationValue(u, n), true
}

func valVague(e *env, m *match) (string, string, bool) {
	u, ok := units[m.low("u")]
	ut, _ := m.tok("u")
	if !ok || u.letter == "WE" || !strings.HasSuffix(m.low("u"), "s") && (ut.space || m.low("q") == "some") {
		return "", "", false // but "a several-year tenure"
	}
	return "DURATION", durationValue(u, -1), true
}

func valPlural(e *env, m *match) (string, string, bool) {
	u := units[m.low("u")]
	if (m.low("rel") == "first" || m.low("rel") == "early") && m.toks[m.start].low != "the" {
		return "", "", false // "the first hours of the war", "in the early years"; not "early days"
	}
	if k := m.end; m.toks[m.start].low == "the" && k+1 < len(m.toks) && m.toks[k].low == "of" &&
		(classes["WDAY"](m.toks, k+1) || classes["MONTH"](m.toks, k+1) || m.toks[k+1].low == "today" || m.toks[k+1].low == "yesterday" || m.toks[k+1].low == "tomorrow") {
		return "", "", false // "the early hours of Thursday morning": a part of that day, which is tagged
	}
	if m.low("rel") == "" {
		if m.toks[m.start].low == "the" && m.toks[m.end-1].low != "ahead" && (m.start == 0 || m.toks[m.start-1].low != "over") {
			return "", "", false // but "in the weeks ahead", "over the years"
		}
		prev := ""
		if m.start > 0 {
			prev = m.toks[m.start-1].low
		}
		switch prev {
		case "for", "in", "within", "over", "took", "take", "takes", "last", "lasted", "after", "spent":
		default:
			return "", "", false
		}
	}
	return "DURATION", durationValue(u, -1), true
}

func valEvery(e *env, m *match) (string, string, bool) {
	u := units[m.low("u")]
	if u.letter == "WE" || strings.HasSuffix(m.low("u"), "s") {
		return "", "", false
	}
	return "SET", durationValue(u, 1), true
}

func valEveryWeekday(e *env, m *match) (string, string, bool) {
	return "SET", fmt.Sprintf("XXXX-WXX-%d", weekdays[m.low("w")]), true
}

func valAdverbSet(e *env, m *match) (string, string, bool) {
	v := map[string]string{"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
		"hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M"}[m.low("a")]
	return "SET", v, true
}

// valRef returns a value function giving the fixed DATE value v.
// valCurrent: the adjective "current" ("its current chief") is annotated PRESENT_REF in TBAQ-cleaned (9 of
// its 16 uses outside longer expressions); "then current" is PAST_REF.
func valCurrent(e *env, m *match) (string, string, bool) {
	if m.toks[m.start].low == "then" {
		return "DATE", "PAST_REF", true
	}
	return "DATE", "PRESENT_REF", true
}

// valSoon: "soon" is FUTURE_REF, except in "as soon as", "soon after" and past narration ("was soon
// released", "soon became").
func valSoon(e *env, m *match) (string, string, bool) {
	i := m.start
	if i > 0 {
		switch e.toks[i-1].low {
		case "as", "was", "were", "too", "so", "how":
			return "", "", false
		}
	}
	if i+1 < len(e.toks) {
		switch e.toks[i+1].low {
		case "as", "after", "afterward", "afterwards", "thereafter":
			return "", "", false
		}
		if e.verbTense(i+1) == tensePast {
			return "", "", false
		}
	}
	return "DATE", "FUTURE_REF", true
}

// valRecentUnits: "recent years" is PAST_REF; "recent months", "recent weeks", "recent days" are annotated
// in TBAQ-cleaned as vague durations (PXM, PXW, PXD: 4 of 5 cases).
func valRecentUnits(e *env, m *match) (string, string, bool) {
	switch m.low("u") {
	case "months":
		return "DURATION", "PXM", true
	case "weeks":
		return "DURATION", "PXW", true
	case "days":
		return "DURATION", "PXD", true
	}
	return "DATE", "PAST_REF", true
}

func valRef(v string) func(e *env, m *match) (string, string, bool) {
	return func(e *env, m *match) (string, string, bool) { return "DATE", v, true }
}

// holidays maps the first word of a holiday name (with "day"/"eve" as written) to its date in year y.
func holidayDate(name, dayWord string, y int) (int, int, bool) {
	nth := func(m, wd, k int) (int, int, bool) { // k-th weekday wd of month m (k = -1: last)
		if k < 0 {
			t := date(y, m+1, 1).AddDate(0, 0, -1)
			for isoWeekday(t) != wd {
				t = t.AddDate(0, 0, -1)
			}
			return m, t.Day(), true
		}
		t := date(y, m, 1)
		for isoWeekday(t) != wd {
			t = t.AddDate(0, 0, 1)
		}
		return m, t.Day() + 7*(k-1), true
	}
	switch name {
	case "christmas":
		if dayWord == "eve" {
			return 12, 24, true
		}
		return 12, 25, true
	case "new":
		if dayWord == "eve" {
			return 12, 31, true
		}
		return 1, 1, true
	case "halloween":
		return 10, 31, true
	case "independence":
		return 7, 4, true
	case "valentine":
		return 2, 14, true
	case "veterans":
		return 11, 11, true
	case "thanksgiving":
		return nth(11, 4, 4)
	case "labor":
		return nth(9, 1, 1)
	case "memorial":
		return nth(5, 1, -1)
	case "mother":
		return nth(5, 7, 2)
	case "father":
		return nth(6, 7, 3)
	case "election":
		m, d, _ := nth(11, 1, 1)
		return m, d + 1, true
	case "easter": // anonymous Gregorian algorithm (Meeus/Jones/Butcher)
		a, b, c := y%19, y/100, y%100
		d, e := b/4, b%4
		f := (b + 8) / 25
		g := (b - f + 1) / 3
		h := (19*a + b - d - g + 15) % 30
		i, k := c/4, c%4
		l := (32 + 2*e + 2*i - h - k) % 7
		m := (a + 11*h + 22*l) / 451
		month := (h + l - 7*m + 114) / 31
		return month, (h+l-7*m+114)%31 + 1, true
	}
	return 0, 0, false
}

func valHoliday(e *env, m *match) (string, string, bool) {
	ht, _ := m.tok("h")
	if !upperFirst(ht.text) {
		return "", "", false
	}
	name, dw := ht.low, m.low("d")
	switch name {
	case "christmas", "thanksgiving", "easter", "halloween":
		if m.has("ny") {
			return "", "", false
		}
	case "new":
		if !m.has("ny") || dw == "" {
			return "", "", false
		}
	case "valentine", "mother", "father":
		if !m.has("s") || dw != "day" {
			return "", "", false
		}
	default:
		if dw != "day" || m.has("ny") {
			return "", "", false
		}
	}
	if !e.has {
		mo, d, ok := holidayDate(name, dw, 2001)
		if !ok {
			return "", "", false
		}
		return "DATE", fmt.Sprintf("XXXX-%02d-%02d", mo, d), true
	}
	y := e.dct.Year()
	t := e.tenseAt(m.start, m.end)
	switch m.low("rel") {
	case "last":
		t = tensePast
	case "next":
		t = tenseFuture
	}
	best, bestDist := "", 1<<30
	for _, c := range []int{y - 1, y, y + 1} {
		mo, d, _ := holidayDate(name, dw, c)
		diff := int(date(c, mo, d).Sub(e.dct).Hours() / 24)
		if t == tensePast && diff > 0 || t == tenseFuture && diff < 0 {
			continue
		}
		if abs(diff) < bestDist {
			best, bestDist = day(date(c, mo, d)), abs(diff)
		}
	}
	return "DATE", best, true
}

func valMonthRelYear(e *env, m *match) (string, string, bool) {
	mo := monthOf(m)
	if !e.has {
		return "DATE", fmt.Sprintf("XXXX-%02d", mo), true
	}
	y := e.dct.Year()
	switch m.low("r") {
	case "last":
		y--
	case "next":
		y++
	}
	return "DATE", ym(y, mo), true
}

func valYearPeriod(e *env, m *match) (string, string, bool) {
	t, _ := m.tok("y")
	y, _ := year(t)
	if q := e.quarterNear(m); q != "" && len(q) > 4 {
		return "DATE", yearStr(y) + q[4:], true
	}
	return "DATE", yearStr(y), true
}

func valYearAgoAdj(e *env, m *match) (string, string, bool) {
	if m.toks[m.start+1].space {
		return "", "", false // only the hyphenated adjective "year-earlier"
	}
	if q := e.quarterNear(m); q != "" {
		y, err := strconv.Atoi(q[:4])
		if err == nil {
			return "DATE", fmt.Sprintf("%04d%s", y-1, q[4:]), true
		}
	}
	return "DATE", e.shift("Y", -1), true
}

func valSpokenYear(e *env, m *match) (string, string, bool) {
	y, ok := spokenYear(m)
	if !ok {
		return "", "", false
	}
	return "DATE", yearStr(y), true
}

func valWeekend(e *env, m *match) (string, string, bool) {
	rel := m.toks[m.start].low
	if !e.has {
		return "DATE", "XXXX-WXX-WE", true
	}
	t := e.dct
	future := rel == "next" || (rel != "last" && e.tenseAt(m.start, m.end) == tenseFuture)
	wd := isoWeekday(t)
	switch {
	case wd >= 6:
	case future:
		t = t.AddDate(0, 0, 6-wd)
	default:
		t = t.AddDate(0, 0, -wd)
	}
	return "DATE", week(t) + "-WE", true
}

func valEveryMonth(e *env, m *match) (string, string, bool) {
	return "SET", fmt.Sprintf("XXXX-%02d", monthOf(m)), true
}

func valThePast(e *env, m *match) (string, string, bool) {
	if m.end < len(m.toks) {
		n := m.toks[m.end]
		if _, ok := cardinal(n); ok || n.low == "few" || n.low == "several" || n.low == "decade" || n.low == "century" {
			return "", "", false // "the past three summers", "the past decade"
		}
		if _, ok := units[n.low]; ok {
			return "", "", false
		}
	}
	return "DATE", "PAST_REF", true
}

func valYearEnd(e *env, m *match) (string, string, bool) {
	if m.toks[m.start].low == "the" {
		return "", "", false
	}
	if m.start > 0 && m.toks[m.start-1].low == "since" && e.has {
		// "the change is since year-end": the last year end before the DCT, a day
		return "DATE", fmt.Sprintf("%04d-12-31", e.dct.Year()-1), true
	}
	return "DATE", e.shift("Y", 0), true
}

// valAnchored resolves "the following year", "that day", "the same month" against the last date the text
// mentioned (HeidelTime's reference time for narratives), at the unit's granularity.
func valAnchored(e *env, m *match) (string, string, bool) {
	det, rel, u := m.toks[indexOf(m, "u")-1].low, m.low("r"), m.low("u")
	if rel != "" {
		det = m.toks[indexOf(m, "r")-1].low
	}
	if det == "that" && rel != "" && rel != "same" || det == "the" && rel == "" {
		return "", "", false
	}
	ref, gran, ok := parseDate(e.lastD)
	if !ok {
		return "", "", false
	}
	n := 0
	switch rel {
	case "following":
		n = 1
	case "previous", "prior":
		n = -1
	}
	switch u {
	case "year":
		return "DATE", yearStr(ref.Year() + n), true
	case "month":
		if gran < 2 {
			return "", "", false
		}
		t := ref.AddDate(0, n, 0)
		return "DATE", ym(t.Year(), int(t.Month())), true
	case "week":
		if gran < 3 {
			return "", "", false
		}
		return "DATE", week(ref.AddDate(0, 0, 7*n)), true
	case "day":
		if gran < 3 {
			return "", "", false
		}
		return "DATE", day(ref.AddDate(0, 0, n)), true
	}
	return "", "", false
}

// parseDate reads a calendar value "2025", "2025-08" or "2025-08-18": the date (first day of the period)
// and its granularity 1 (year), 2 (month) or 3 (day).
func parseDate(v string) (time.Time, int, bool) {
	switch len(v) {
	case 4, 7, 10:
	default:
		return time.Time{}, 0, false
	}
	y, ok := atoi(v[:4])
	if !ok {
		return time.Time{}, 0, false
	}
	mo, d, gran := 1, 1, 1
	if len(v) >= 7 {
		if v[4] != '-' {
			return time.Time{}, 0, false
		}
		if mo, ok = atoi(v[5:7]); !ok {
			return time.Time{}, 0, false
		}
		gran = 2
	}
	if len(v) == 10 {
		if v[7] != '-' {
			return time.Time{}, 0, false
		}
		if d, ok = atoi(v[8:10]); !ok {
			return time.Time{}, 0, false
		}
		gran = 3
	}
	if !validDate(y, mo, d) {
		return time.Time{}, 0, false
	}
	return date(y, mo, d), gran, true
}

// valYearEnded: "the (fiscal) year ended June 30" is a one-year period (TimeBank annotates DURATION P1Y);
// "throughout the year" is the whole of it (DURATION P1Y, as "all year"); "for the year", "the first nine
// months of the year", "earlier in the year" are the DCT's year.
func valYearEnded(e *env, m *match) (string, string, bool) {
	hasMod := m.low("mod") != ""
	hasIn := m.toks[m.start].low == "in" || hasMod && m.toks[m.start+1].low == "in"
	if hasMod != hasIn {
		return "", "", false // "earlier in the year" needs both
	}
	if m.end < len(m.toks) && (m.toks[m.end].low == "ended" || m.toks[m.end].low == "ending") && !hasMod {
		return "DURATION", "P1Y", true
	}
	if m.end < len(m.toks) && !m.toks[m.end].space && m.toks[m.end].kind == tWord {
		return "", "", false // "the year-ago quarter"
	}
	if prev := m.start - 1; !hasMod && prev >= 0 && m.toks[prev].low == "throughout" {
		return "DURATION", "P1Y", true // "throughout the fiscal year": the whole year, as "all year"
	}
	if prev := m.start - 1; hasMod || prev >= 0 && (m.toks[prev].low == "for" || m.toks[prev].low == "of") {
		if !e.has {
			return "DATE", "XXXX", true
		}
		return "DATE", e.shift("Y", 0), true
	}
	return "", "", false
}

func valCurrentYear(e *env, m *match) (string, string, bool) {
	if m.end < len(m.toks) && (m.toks[m.end].low == "ended" || m.toks[m.end].low == "ending") {
		return "DURATION", "P1Y", true
	}
	if m.low("r") == "latest" {
		return "DATE", e.shift("Y", -1), true // "sales in the latest fiscal year": the last one closed
	}
	return "DATE", e.shift("Y", 0), true
}

func valWeekOf(e *env, m *match) (string, string, bool) {
	_, v, ok := valMD(e, m)
	if !ok {
		return "", "", false
	}
	t, gran, ok := parseDate(v)
	if !ok || gran != 3 {
		return "DATE", "XXXX-WXX", true
	}
	return "DATE", week(t), true
}

// subjectPronoun are the personal pronouns in the subject case: "one day" right after one is "some day"
// ("she hopes he one day follows her").
var subjectPronoun = map[string]bool{
	"i": true, "you": true, "he": true, "she": true, "it": true, "we": true, "they": true,
}
