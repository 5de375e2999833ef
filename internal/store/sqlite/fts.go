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
	p, err := parseFTS(field, in)
	return p.match, err
}

// ftsTerm is one word, phrase or prefix of a full-text query.
type ftsTerm struct {
	text   string
	prefix bool
	or     bool
}

// ftsParsed is a full-text query as FTS5 syntax, and its terms: a match needs one term of every group.
type ftsParsed struct {
	match  string
	groups [][]ftsTerm
}

func parseFTS(field, in string) (ftsParsed, error) {
	type term = ftsTerm
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
	var parsed ftsParsed
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
			parsed.groups[len(parsed.groups)-1] = append(parsed.groups[len(parsed.groups)-1], t)
		} else {
			groups = append(groups, []string{q})
			parsed.groups = append(parsed.groups, []ftsTerm{t})
		}
		joinNext = t.or
	}
	if len(groups) == 0 {
		return parsed, store.Invalid(field, "%q has no word to search for", in)
	}
	parts := make([]string, len(groups))
	for i, g := range groups {
		parts[i] = g[0]
		if len(g) > 1 {
			parts[i] = "(" + strings.Join(g, " OR ") + ")"
		}
	}
	parsed.match = strings.Join(parts, " AND ")
	return parsed, nil
}

// tokens splits text the way the unicode61 tokenizer with remove_diacritics does, near enough to look
// terms up in the vocabulary: folded, split at anything but letters and digits.
func tokens(text string) []string {
	return strings.FieldsFunc(Fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func searchable(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
