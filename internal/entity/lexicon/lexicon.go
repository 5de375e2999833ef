// Package lexicon holds the small word lists the entity stage uses: countries with their names, abbreviations
// and demonyms (ISO 3166-1 alpha-2 codes), well-known organizations with their acronyms, and title and role
// words. The data is embedded; see README.md for its sources and licences.
//
// Every look-up is case-insensitive and ignores dots in abbreviations only where the table lists the dotted form.
package lexicon

import (
	_ "embed"
	"strings"
	"sync"
)

//go:generate sh gen.sh

//go:embed countries.tsv
var countriesTSV string

//go:embed extra_countries.tsv
var extraTSV string

//go:embed orgs.tsv
var orgsTSV string

//go:embed titles.tsv
var titlesTSV string

//go:embed given_names.tsv
var namesTSV string

// Country is one country of the table.
type Country struct {
	Code string // ISO 3166-1 alpha-2
	Name string // common English name, e.g. "United Kingdom"
}

// Org is one well-known organization.
type Org struct {
	Key      string   // cross-document key after "org:", e.g. "nato"
	Acronyms []string // e.g. "NATO"
	Names    []string // expansions, the first is canonical
}

// Word is what the title table says about one word.
type Word struct {
	Head   bool   // a role noun: "minister", "envoy"
	Mod    bool   // may stand inside a title: "prime", "foreign"
	Hon    bool   // an honorific before a name: "Mr."
	Gender byte   // 'm', 'f' or 0
	Leader bool   // "the X leader" may refer to its holder
	Text   string // the word, lower case
}

type tables struct {
	countryByName map[string]string // lower-case name/alias → code
	countryExact  map[string]string // abbreviation as written ("US", "U.K.") → code
	demonym       map[string]string // lower-case demonym → code
	countryName   map[string]string // code → common name
	orgByForm     map[string]*Org   // lower-case name → org
	orgExact      map[string]*Org   // acronym as written → org
	words         map[string]*Word
	given         map[string]byte // lower-case given name → 'm', 'f' or '-'
	maxCountryLen int             // words in the longest country name
}

var (
	once sync.Once
	tab  *tables
)

func load() *tables {
	once.Do(func() {
		t := &tables{
			countryByName: map[string]string{},
			countryExact:  map[string]string{},
			demonym:       map[string]string{},
			countryName:   map[string]string{},
			orgByForm:     map[string]*Org{},
			orgExact:      map[string]*Org{},
			words:         map[string]*Word{},
			given:         map[string]byte{},
		}
		for _, f := range rows(namesTSV, 3) {
			t.given[strings.ToLower(f[0])] = f[1][0]
		}
		addCountry := func(code, name string, aliases, dems []string) {
			if name != "-" && name != "" {
				if _, ok := t.countryName[code]; !ok {
					t.countryName[code] = name
				}
				t.addName(name, code)
			}
			for _, a := range aliases {
				t.addName(a, code)
			}
			for _, d := range dems {
				if d == "" {
					continue
				}
				t.demonym[strings.ToLower(d)] = code
				if !strings.HasSuffix(d, "s") && !strings.HasSuffix(d, "ese") && !strings.HasSuffix(d, "sh") && !strings.HasSuffix(d, "ch") {
					t.demonym[strings.ToLower(d)+"s"] = code
				}
			}
		}
		for _, tsv := range []string{countriesTSV, extraTSV} {
			for _, f := range rows(tsv, 4) {
				addCountry(f[0], f[1], split(f[2]), split(f[3]))
			}
		}
		for _, f := range rows(orgsTSV, 3) {
			o := &Org{Key: f[0], Acronyms: split(f[1]), Names: split(f[2])}
			for _, a := range o.Acronyms {
				if a != "-" {
					t.orgExact[a] = o
				}
			}
			for _, n := range o.Names {
				t.orgByForm[strings.ToLower(n)] = o
			}
		}
		for _, f := range rows(titlesTSV, 4) {
			w := t.words[f[0]]
			if w == nil {
				w = &Word{Text: f[0]}
				t.words[f[0]] = w
			}
			switch f[1] {
			case "head":
				w.Head = true
			case "mod":
				w.Mod = true
			case "hon":
				w.Hon = true
			}
			if f[2] == "m" || f[2] == "f" {
				w.Gender = f[2][0]
			}
			if f[3] == "y" {
				w.Leader = true
			}
		}
		tab = t
	})
	return tab
}

func (t *tables) addName(name, code string) {
	if abbreviation(name) {
		t.countryExact[name] = code
		return
	}
	k := strings.ToLower(name)
	if _, ok := t.countryByName[k]; !ok {
		t.countryByName[k] = code
	}
	if n := len(strings.Fields(name)); n > t.maxCountryLen {
		t.maxCountryLen = n
	}
}

// rows splits a TSV table into rows of n fields, skipping comments and blank lines; missing fields are "".
func rows(tsv string, n int) [][]string {
	var out [][]string
	for _, line := range strings.Split(tsv, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		for len(f) < n {
			f = append(f, "")
		}
		out = append(out, f)
	}
	return out
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// abbreviation reports whether s is written in capitals only ("US", "U.K."): such forms match only as written,
// so that "Us Weekly" or "us" never read as the United States.
func abbreviation(s string) bool {
	hasUpper := false
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			hasUpper = true
		case r == '.' || r == ' ' || r == '-':
		default:
			return false
		}
	}
	return hasUpper
}

// CountryCode returns the ISO code of a country name or abbreviation ("UK" → "GB", "Ukraine" → "UA").
// Names match in any case; abbreviations in capitals match only as written.
func CountryCode(name string) (string, bool) {
	t := load()
	if c, ok := t.countryExact[name]; ok {
		return c, true
	}
	if abbreviation(name) && len(name) <= 4 {
		return "", false
	}
	c, ok := t.countryByName[strings.ToLower(name)]
	return c, ok
}

// DemonymCode returns the ISO code of a demonym or adjectival form ("Ukrainian" → "UA", "Finnish" → "FI").
func DemonymCode(word string) (string, bool) {
	c, ok := load().demonym[strings.ToLower(word)]
	return c, ok
}

// CountryName returns the common English name of an ISO code ("GB" → "United Kingdom").
func CountryName(code string) string { return load().countryName[code] }

// MaxCountryWords is the number of words in the longest country name or alias.
func MaxCountryWords() int { return load().maxCountryLen }

// LookupOrg returns the well-known organization with this acronym (as written) or name (any case): "EU",
// "European Union".
func LookupOrg(form string) (*Org, bool) {
	t := load()
	if o, ok := t.orgExact[form]; ok {
		return o, true
	}
	o, ok := t.orgByForm[strings.ToLower(form)]
	return o, ok
}

// LookupWord returns what the title table says about a word (any case), or nil.
func LookupWord(w string) *Word { return load().words[strings.ToLower(w)] }

// GivenName reports whether w (any case) is a known given name, and its gender: 'm', 'f', or 0 when the name
// is shared or its gender unknown.
func GivenName(w string) (gender byte, ok bool) {
	g, ok := load().given[strings.ToLower(w)]
	if g == '-' {
		g = 0
	}
	return g, ok
}
