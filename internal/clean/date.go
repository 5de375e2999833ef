package clean

import (
	"regexp"
	"strings"
	"time"
)

// dateLayouts are the publication date forms accepted, with whether they carry a time of day.
var dateLayouts = []struct {
	layout  string
	hasTime bool
}{
	{time.RFC3339Nano, true},
	{"2006-01-02T15:04:05.999999999-0700", true},
	{"2006-01-02T15:04:05-0700", true},
	{"2006-01-02T15:04-07:00", true},
	{"2006-01-02T15:04:05.999999999", true},
	{"2006-01-02T15:04:05", true},
	{"2006-01-02T15:04", true},
	{"2006-01-02 15:04:05.999999999Z07:00", true},
	{"2006-01-02 15:04:05Z07:00", true},
	{"2006-01-02 15:04:05 -0700", true},
	{"2006-01-02 15:04:05 MST", true},
	{"2006-01-02 15:04:05", true},
	{"2006-01-02 15:04", true},
	{time.RFC1123Z, true},
	{time.RFC1123, true},
	{"Mon, 2 Jan 2006 15:04:05 -0700", true},
	{"Mon, 2 Jan 2006 15:04:05 MST", true},
	{"2006-01-02", false},
	{"20060102", false},
}

// ParseDate parses a publication date: ISO 8601 (a date, or a date and time with or without a zone, as
// RFC 3339 writes it) or the RFC 1123 form of feeds and HTTP. It returns the time and its normalised ISO 8601
// form: "2006-01-02" for a date alone, RFC 3339 keeping the written offset otherwise ("2025-08-18T09:30:00"
// without a zone when none was written).
func ParseDate(s string) (time.Time, string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, "", false
	}
	for _, l := range dateLayouts {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if t.Year() < 1800 || t.Year() > 2200 {
			return time.Time{}, "", false
		}
		switch {
		case !l.hasTime:
			return t, t.Format("2006-01-02"), true
		case hasZone(l.layout):
			return t, t.Format(time.RFC3339), true
		default:
			return t, t.Format("2006-01-02T15:04:05"), true
		}
	}
	return time.Time{}, "", false
}

func hasZone(layout string) bool {
	return strings.Contains(layout, "07") || strings.Contains(layout, "MST")
}

// months maps English month names and abbreviations to their number.
var months = map[string]time.Month{}

func init() {
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		months[name] = m
		months[name[:3]] = m
	}
	months["sept"] = time.September
}

// dateInLine finds the calendar date in a timestamp line that cleaning removed from a scraped page
// ("Updated 6:42 PM CET, Thu March 13, 2025", "Posted 09:15 GMT, Mon 18 August 2025", "2025-03-13"). It
// returns the date alone, as YYYY-MM-DD: the time of day is left out, since the zone abbreviations such lines
// use are ambiguous. Relative stamps ("2 hours ago") have no date.
func dateInLine(line string) (string, bool) {
	lower := strings.ToLower(line)
	if strings.Contains(lower, "ago") {
		return "", false
	}
	if m := isoDateRe.FindStringSubmatch(line); m != nil {
		if _, norm, ok := ParseDate(m[0]); ok {
			return norm, true
		}
	}
	var month time.Month
	var nums []int
	for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return r == ' ' || r == ',' || r == '.' || r == '|' || r == '/' }) {
		if m, ok := months[w]; ok && month == 0 {
			month = m
			continue
		}
		if strings.Contains(w, ":") {
			continue // a time of day
		}
		w = strings.TrimRight(w, "stndrh") // 13th, 1st, 2nd, 3rd
		if n, ok := atoi(w); ok {
			nums = append(nums, n)
		}
	}
	if month == 0 {
		return "", false
	}
	var day, year int
	for _, n := range nums {
		switch {
		case n >= 1800 && n <= 2200 && year == 0:
			year = n
		case n >= 1 && n <= 31 && day == 0:
			day = n
		}
	}
	if day == 0 || year == 0 {
		return "", false
	}
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return "", false // 31 June
	}
	return t.Format("2006-01-02"), true
}

var isoDateRe = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`)

func atoi(s string) (int, bool) {
	if s == "" || len(s) > 4 {
		return 0, false
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, true
}
