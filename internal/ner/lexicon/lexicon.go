package lexicon

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Entry is what the lexicon knows about one lower-cased word.
type Entry struct {
	// Form is the word's most frequent spelling in running text outside sentence starts and all-caps lines.
	Form string
	// Clusters are the word's classes at each granularity (Grains), valid when HasClusters.
	Clusters    [len(Grains)]int32
	HasClusters bool
}

// Grains are the numbers of classes of the word clusterings, coarse to fine.
var Grains = [...]int{64, 256, 1024}

// Lexicon maps lower-cased words to entries. The zero value (nil map) knows nothing. It is read-only after
// loading and safe for concurrent use.
type Lexicon struct {
	m map[string]Entry
}

// New returns a lexicon of the given entries.
func New(m map[string]Entry) *Lexicon { return &Lexicon{m: m} }

// Lookup returns the entry of a lower-cased word.
func (l *Lexicon) Lookup(lower string) (Entry, bool) {
	if l == nil || l.m == nil {
		return Entry{}, false
	}
	e, ok := l.m[lower]
	return e, ok
}

// Len returns the number of entries.
func (l *Lexicon) Len() int {
	if l == nil {
		return 0
	}
	return len(l.m)
}

// Read reads a gzipped lexicon.
func Read(r io.Reader) (*Lexicon, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	m := map[string]Entry{}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 2 {
			continue
		}
		e := Entry{Form: f[1]}
		if len(f) > 2 && f[2] != "" {
			cs := strings.Fields(f[2])
			if len(cs) == len(Grains) {
				e.HasClusters = true
				for i, c := range cs {
					v, err := strconv.Atoi(c)
					if err != nil {
						return nil, fmt.Errorf("lexicon: bad cluster %q", f[2])
					}
					e.Clusters[i] = int32(v)
				}
			}
		}
		m[f[0]] = e
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	return &Lexicon{m: m}, nil
}

// Write writes the lexicon gzipped, in the order of keys.
func (l *Lexicon) Write(w io.Writer, keys []string) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	for _, k := range keys {
		e := l.m[k]
		cs := ""
		if e.HasClusters {
			for i, c := range e.Clusters {
				if i > 0 {
					cs += " "
				}
				cs += strconv.Itoa(int(c))
			}
		}
		fmt.Fprintf(bw, "%s\t%s\t%s\n", k, e.Form, cs)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Casing classes.
const (
	CaseNone  = iota // no letters
	CaseLower        // all letters lower case
	CaseTitle        // first letter upper, the rest lower
	CaseUpper        // all letters upper case (at least one)
	CaseMixed        // anything else ("iPhone", "McDonald")
)

// Casing returns the casing class of s.
func Casing(s string) int {
	upper, lower, firstUpper, first := 0, 0, false, true
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
			if first {
				firstUpper = true
			}
		case unicode.IsLower(r):
			lower++
		default:
			continue
		}
		first = false
	}
	switch {
	case upper == 0 && lower == 0:
		return CaseNone
	case upper == 0:
		return CaseLower
	case lower == 0:
		return CaseUpper
	case upper == 1 && firstUpper:
		return CaseTitle
	}
	return CaseMixed
}

// Shape maps upper-case letters to X, lower-case to x, digits to d and keeps other ASCII characters,
// cutting runs of one class after 3 ("Leicestershire" → "Xxxx") and the result after 8 characters.
func Shape(s string, buf []byte) []byte {
	buf = buf[:0]
	var last byte
	run := 0
	n := 0
	for _, r := range s {
		c := class(r)
		if c == last {
			run++
			if run > 3 {
				continue
			}
		} else {
			last, run = c, 1
		}
		buf = append(buf, c)
		n++
		if n >= 8 {
			break
		}
	}
	return buf
}

// ShortShape is Shape with every run collapsed to one character ("Xx", "d-d", "X.X.").
func ShortShape(s string, buf []byte) []byte {
	buf = buf[:0]
	var last byte
	for _, r := range s {
		c := class(r)
		if c == last {
			continue
		}
		last = c
		buf = append(buf, c)
		if len(buf) >= 8 {
			break
		}
	}
	return buf
}

func class(r rune) byte {
	switch {
	case r >= 'A' && r <= 'Z':
		return 'X'
	case r >= 'a' && r <= 'z':
		return 'x'
	case r >= '0' && r <= '9':
		return 'd'
	case r < utf8.RuneSelf:
		return byte(r)
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLower(r):
		return 'x'
	case unicode.IsLetter(r):
		return 'L' // caseless scripts
	case unicode.IsDigit(r):
		return 'd'
	case unicode.IsPunct(r):
		return 'p'
	}
	return 'o'
}

// Lower returns the lower-case form of s (ASCII fast path).
func Lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			return strings.ToLower(s)
		}
	}
	return s
}

// AllCaps reports whether a sentence is shouted: at least two words with letters, and at least 80% of
// the words with two or more letters are all upper case. Such sentences carry no casing information.
func AllCaps(words []string) bool {
	withLetters, upper := 0, 0
	for _, w := range words {
		letters := 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters < 2 {
			continue
		}
		withLetters++
		if Casing(w) == CaseUpper {
			upper++
		}
	}
	return withLetters >= 2 && upper*5 >= withLetters*4
}

// Prefix returns the first n bytes of s, or s when it is shorter: the prefix features of the taggers.
func Prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

// Suffix returns the last n bytes of s, or s when it is shorter: the suffix features of the taggers.
func Suffix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}
