package sqlite

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/store"
)

// ftsQuery turns what a user typed into a safe FTS5 query: every word becomes a quoted string (so that
// AND, NEAR, column filters, parentheses, ^ and quotes are taken literally), "phrases in quotes" stay
// phrases, a trailing * keeps prefix search, and an upper-case OR between words means either. Words with no
// letter or digit are dropped. It returns an *store.InvalidError when nothing searchable is left.
func ftsQuery(field, in string) (string, error) {
	type term struct {
		text   string
		prefix bool
		or     bool
	}
	var terms []term
	// Control characters (NUL ends a string inside SQLite's FTS5 parser) and invalid UTF-8 separate words.
	in = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(in, " "))
	rs := []rune(in)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '"' || r == '“' || r == '”':
			j := i + 1
			for j < len(rs) && rs[j] != '"' && rs[j] != '“' && rs[j] != '”' {
				j++
			}
			terms = append(terms, term{text: string(rs[i+1 : min(j, len(rs))])})
			i = j + 1
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '"' && rs[j] != '“' && rs[j] != '”' {
				j++
			}
			w := string(rs[i:j])
			i = j
			if w == "OR" {
				if len(terms) > 0 {
					terms[len(terms)-1].or = true
				}
				continue
			}
			t := term{text: w}
			if strings.HasSuffix(w, "*") {
				t.text, t.prefix = strings.TrimRight(w, "*"), true
			}
			terms = append(terms, t)
		}
	}
	// Consecutive terms joined by OR form one group; groups are joined by AND.
	var groups [][]string
	joinNext := false
	for _, t := range terms {
		if !searchable(t.text) {
			continue
		}
		q := `"` + strings.ReplaceAll(t.text, `"`, `""`) + `"`
		if t.prefix {
			q += "*"
		}
		if joinNext && len(groups) > 0 {
			groups[len(groups)-1] = append(groups[len(groups)-1], q)
		} else {
			groups = append(groups, []string{q})
		}
		joinNext = t.or
	}
	if len(groups) == 0 {
		return "", store.Invalid(field, "%q has no word to search for", in)
	}
	parts := make([]string, len(groups))
	for i, g := range groups {
		parts[i] = g[0]
		if len(g) > 1 {
			parts[i] = "(" + strings.Join(g, " OR ") + ")"
		}
	}
	return strings.Join(parts, " AND "), nil
}

func searchable(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
