package clean

import (
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
