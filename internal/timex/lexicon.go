package timex

import "strconv"

// months maps month names and abbreviations to 1..12.
var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
	"june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

// weekdays maps weekday names to ISO numbers 1 (Monday) .. 7 (Sunday).
var weekdays = map[string]int{
	"monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3, "thursday": 4,
	"thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
}

// seasons maps season names to TIMEX3 season codes.
var seasons = map[string]string{"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

// dayParts maps parts of the day to TIMEX3 codes.
var dayParts = map[string]string{
	"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}

// numberWords are cardinal numbers written as words.
var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
	"couple": 2,
}

// ordinalWords are ordinal numbers written as words.
var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
	"ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
	"fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
	"thirtieth": 30,
}

// units maps time unit words (singular and plural) to their TIMEX3 letter and whether it is a time unit
// (written after "T" in durations).
var units = map[string]unit{
	"second": {"S", true, 1}, "seconds": {"S", true, 1}, "minute": {"M", true, 1}, "minutes": {"M", true, 1},
	"hour": {"H", true, 1}, "hours": {"H", true, 1}, "day": {"D", false, 1}, "days": {"D", false, 1},
	"week": {"W", false, 1}, "weeks": {"W", false, 1}, "month": {"M", false, 1}, "months": {"M", false, 1},
	"quarter": {"Q", false, 1}, "quarters": {"Q", false, 1}, "year": {"Y", false, 1}, "years": {"Y", false, 1},
	"decade": {"Y", false, 10}, "decades": {"Y", false, 10}, "century": {"Y", false, 100},
	"centuries": {"Y", false, 100}, "weekend": {"WE", false, 1}, "weekends": {"WE", false, 1},
	"night": {"D", false, 1}, "nights": {"D", false, 1},
}

type unit struct {
	letter string
	time   bool
	mult   int
}

// zones are time zone abbreviations that may follow a clock time.
var zones = map[string]bool{
	"et": true, "est": true, "edt": true, "ct": true, "cst": true, "cdt": true, "mt": true, "mst": true,
	"mdt": true, "pt": true, "pst": true, "pdt": true, "gmt": true, "utc": true, "bst": true, "cet": true,
	"cest": true, "jst": true, "ist": true, "aest": true, "msk": true,
}

// atoi parses a plain run of digits (no separators); ok is false otherwise or when it is too long.
func atoi(s string) (int, bool) {
	if s == "" || len(s) > 6 {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	v, err := strconv.Atoi(s)
	return v, err == nil
}

// cardinal returns the number a token denotes ("3", "three", "a"); ok is false when it is none.
func cardinal(t tok) (int, bool) {
	if t.kind == tNum {
		return atoi(t.low)
	}
	v, ok := numberWords[t.low]
	return v, ok
}

// ordinalDay returns the day of month a token denotes ("18", "18th", "eighteenth").
func ordinalDay(t tok) (int, bool) {
	s := t.low
	if t.kind == tNum {
		if n := len(s); n > 2 {
			switch s[n-2:] {
			case "st", "nd", "rd", "th":
				s = s[:n-2]
			}
		}
		v, ok := atoi(s)
		if !ok || len(s) > 2 || v < 1 || v > 31 {
			return 0, false
		}
		return v, true
	}
	v, ok := ordinalWords[s]
	return v, ok && v <= 31
}

// ordinal returns the number of an ordinal token ("third", "3rd").
func ordinal(t tok) (int, bool) {
	if t.kind == tNum {
		s := t.low
		if n := len(s); n > 2 {
			switch s[n-2:] {
			case "st", "nd", "rd", "th":
				return atoi(s[:n-2])
			}
		}
		return 0, false
	}
	v, ok := ordinalWords[t.low]
	return v, ok
}

// year returns the year of a four-digit token in 1000..2999.
func year(t tok) (int, bool) {
	if t.kind != tNum || len(t.low) != 4 {
		return 0, false
	}
	v, ok := atoi(t.low)
	return v, ok && v >= 1000 && v <= 2999
}
