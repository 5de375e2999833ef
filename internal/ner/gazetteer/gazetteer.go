package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/internal/ner/lexicon"
)

// Lists, in the order of their bits.
var Lists = []string{"country", "region", "city", "town", "demonym", "first"}

// MaxLen is the longest name, in tokens, that is matched.
const MaxLen = 6

// Positions of a token in a matched name.
const (
	Begin = iota
	Inside
	Last
	Unit
)

// Gazetteer is a set of token sequences, each in one or more lists. Read-only after loading; safe for
// concurrent use.
type Gazetteer struct {
	names map[uint64]uint8 // hash of lower-cased token sequence → list bits
	// filter has one bit per hash value modulo its size: most token sequences of a sentence are no name,
	// and a 512 KiB bit set answers that without a map probe.
	filter []uint64
}

const filterBits = 22

func (g *Gazetteer) mayHave(h uint64) bool {
	b := (h >> 7) & (1<<filterBits - 1)
	return g.filter[b>>6]&(1<<(b&63)) != 0
}

// Match is one token's membership: the list index and the token's position in the name.
type Match struct {
	List, Pos uint8
}

func hashSeq(h uint64, tok string) uint64 {
	for i := 0; i < len(tok); i++ {
		h ^= uint64(tok[i])
		h *= 1099511628211
	}
	h ^= 0x20
	h *= 1099511628211
	return h
}

const seed = 14695981039346656037

// New returns an empty gazetteer.
func New() *Gazetteer {
	return &Gazetteer{names: map[uint64]uint8{}, filter: make([]uint64, 1<<filterBits/64)}
}

// Add adds a name (already tokenized) to list i (0 to 7; Lists names the embedded ones).
func (g *Gazetteer) Add(list int, tokens []string) {
	if len(tokens) == 0 || len(tokens) > MaxLen {
		return
	}
	h := uint64(seed)
	for _, t := range tokens {
		h = hashSeq(h, lexicon.Lower(t))
	}
	g.names[h] |= 1 << list
	b := (h >> 7) & (1<<filterBits - 1)
	g.filter[b>>6] |= 1 << (b & 63)
}

// Len returns the number of distinct names.
func (g *Gazetteer) Len() int { return len(g.names) }

// Matches calls fn(i, m) for every token i of lower (lower-cased tokens) inside a name of some list, once
// per (name, list). Its cost is at most MaxLen lookups per token.
func (g *Gazetteer) Matches(lower []string, fn func(i int, m Match)) {
	if g == nil || len(g.names) == 0 {
		return
	}
	for i := range lower {
		h := uint64(seed)
		for j := i; j < len(lower) && j < i+MaxLen; j++ {
			h = hashSeq(h, lower[j])
			if !g.mayHave(h) {
				continue
			}
			bits, ok := g.names[h]
			if !ok {
				continue
			}
			for l := 0; l < 8; l++ {
				if bits&(1<<l) == 0 {
					continue
				}
				if i == j {
					fn(i, Match{uint8(l), Unit})
					continue
				}
				fn(i, Match{uint8(l), Begin})
				for k := i + 1; k < j; k++ {
					fn(k, Match{uint8(l), Inside})
				}
				fn(j, Match{uint8(l), Last})
			}
		}
	}
}

// Read reads "list TAB name" lines (gzipped), each name already tokenized (Tokenize) with its tokens
// joined by single spaces.
func Read(r io.Reader) (*Gazetteer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	index := map[string]int{}
	for i, l := range Lists {
		index[l] = i
	}
	g := New()
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		list, name, ok := strings.Cut(sc.Text(), "\t")
		k, known := index[list]
		if !ok || !known {
			continue
		}
		g.Add(k, strings.Split(name, " "))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	return g, nil
}

// Tokenize splits a name into tokens the way the tagger sees running text.
func Tokenize(name string) []string {
	var out []string
	for _, s := range lexicon.SimpleSentences(name) {
		out = append(out, s...)
	}
	return out
}

//go:embed gazetteer.txt.gz
var embedded []byte

var (
	once   sync.Once
	def    *Gazetteer
	defErr error
)

// Default returns the embedded gazetteer, read once per process.
func Default() (*Gazetteer, error) {
	once.Do(func() {
		if len(embedded) == 0 {
			def = New()
			return
		}
		def, defErr = Read(bytes.NewReader(embedded))
	})
	return def, defErr
}
