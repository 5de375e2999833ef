package place

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/klauspost/compress/gzip"
	"golang.org/x/text/unicode/norm"
)

//go:generate go run ./gen -out gazetteer.tsv.gz

//go:embed gazetteer.tsv.gz
var gazetteerGz []byte

// extraTSV is the hand-kept table applied over the generated file (format in its header).
//
//go:embed extra.tsv
var extraTSV string

// Entry is one gazetteer place.
type Entry struct {
	// ID is the GeoNames id; 0 for the few entries without one (derived divisions, regions of extra.tsv).
	ID int
	// Name is the GeoNames name.
	Name string
	// Feature is the GeoNames feature code: PCLI, ADM1, ADM2, PPL, PPLA, PPLC, CONT, RGN, ...
	Feature string
	// Country is the ISO 3166-1 alpha-2 code; Admin1 and Admin2 are the GeoNames division codes.
	Country, Admin1, Admin2 string
	// Population is GeoNames' figure (for divisions and countries: the sum over their listed places).
	Population int64
	Lat, Lon   float64
}

// Gazetteer is the embedded place list with its name index. It is read-only and safe for concurrent use.
type Gazetteer struct {
	Entries []Entry
	// names maps a normalised name to the entries that bear it; primary marks entries whose main name it is.
	names    map[string][]cand
	demonyms map[string][]int32
	country  map[string]int32 // ISO2 → its country entry
	admin1   map[string]int32 // "US.LA" → its ADM1 entry
	pool     []cand           // spare one-element candidate lists, used while loading
}

type cand struct {
	idx     int32
	primary bool
}

var (
	gazOnce sync.Once
	gaz     *Gazetteer
	gazErr  error
)

// LoadGazetteer returns the embedded gazetteer, decoding it on the first call only.
func LoadGazetteer() (*Gazetteer, error) {
	gazOnce.Do(func() {
		gaz, gazErr = parseGazetteer(gazetteerGz)
		if gazErr == nil {
			gazErr = gaz.applyExtra(extraTSV)
		}
	})
	return gaz, gazErr
}

func parseGazetteer(gz []byte) (*Gazetteer, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("place: gazetteer: %w", err)
	}
	// The gzip trailer holds the decoded size (mod 2^32): read into one buffer of that size.
	var raw []byte
	if len(gz) >= 4 {
		raw = make([]byte, 0, int(binary.LittleEndian.Uint32(gz[len(gz)-4:]))+1)
	}
	buf := bytes.NewBuffer(raw)
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, fmt.Errorf("place: gazetteer: %w", err)
	}
	raw = buf.Bytes()
	text := string(raw)
	n := strings.Count(text, "\n")
	g := &Gazetteer{
		Entries:  make([]Entry, 0, n),
		names:    make(map[string][]cand, n*3),
		demonyms: map[string][]int32{},
		country:  map[string]int32{},
		admin1:   map[string]int32{},
	}
	var f [11]string
	for line := 1; len(text) > 0; line++ {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			i = len(text)
		}
		row := text[:i]
		text = text[min(i+1, len(text)):]
		k := 0
		for k < 10 {
			j := strings.IndexByte(row, '\t')
			if j < 0 {
				break
			}
			f[k], row = row[:j], row[j+1:]
			k++
		}
		f[k] = row
		if k != 10 {
			return nil, fmt.Errorf("place: gazetteer line %d: %d fields", line, k+1)
		}
		id, err1 := strconv.Atoi(f[0])
		pop, err2 := strconv.ParseInt(f[6], 10, 64)
		lat, err3 := strconv.ParseFloat(f[7], 64)
		lon, err4 := strconv.ParseFloat(f[8], 64)
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
			return nil, fmt.Errorf("place: gazetteer line %d: bad number", line)
		}
		idx := int32(len(g.Entries))
		e := Entry{ID: id, Name: f[1], Feature: f[2], Country: f[3], Admin1: f[4], Admin2: f[5], Population: pop, Lat: lat, Lon: lon}
		g.Entries = append(g.Entries, e)
		g.add(f[1], idx, true)
		for a := range strings.SplitSeq(f[9], ";") {
			g.add(a, idx, false)
		}
		for d := range strings.SplitSeq(f[10], ";") {
			if k := Normalize(d); k != "" {
				g.demonyms[k] = append(g.demonyms[k], idx)
			}
		}
		switch e.Feature {
		case "PCLI", "PCLD", "PCLS", "PCLF", "PCLIX", "TERR":
			if _, ok := g.country[e.Country]; !ok {
				g.country[e.Country] = idx
			}
		case "ADM1":
			g.admin1[e.Country+"."+e.Admin1] = idx
		}
	}
	return g, nil
}

// applyExtra applies the hand-kept table: GeoNames ids, points and names of countries and divisions, extra
// places (continents, regions), extra names of places, demonyms. Its names count as main names.
func (g *Gazetteer) applyExtra(table string) error {
	byID := map[int]int32{}
	for i := range g.Entries {
		if id := g.Entries[i].ID; id != 0 {
			if _, ok := byID[id]; !ok {
				byID[id] = int32(i)
			}
		}
	}
	firstExtra := len(g.Entries)
	for n, row := range strings.Split(table, "\n") {
		if strings.HasPrefix(row, "#") || strings.TrimSpace(row) == "" {
			continue
		}
		c := strings.Split(row, "\t")
		bad := func() error { return fmt.Errorf("place: extra.tsv:%d: malformed %q row", n+1, c[0]) }
		list := func(i int) []string {
			if i >= len(c) || c[i] == "" {
				return nil
			}
			return strings.Split(c[i], ";")
		}
		point := func(e *Entry, lat, lon string) error {
			if lat == "-" {
				return nil
			}
			la, err1 := strconv.ParseFloat(lat, 64)
			lo, err2 := strconv.ParseFloat(lon, 64)
			if err1 != nil || err2 != nil {
				return bad()
			}
			e.Lat, e.Lon = la, lo
			return nil
		}
		switch c[0] {
		case "country", "admin":
			if len(c) < 5 {
				return bad()
			}
			idx, ok := g.country[c[1]]
			if c[0] == "admin" {
				idx, ok = g.admin1[c[1]]
			}
			if !ok {
				return fmt.Errorf("place: extra.tsv:%d: unknown %s %s", n+1, c[0], c[1])
			}
			e := &g.Entries[idx]
			if c[2] != "-" {
				id, err := strconv.Atoi(c[2])
				if err != nil {
					return bad()
				}
				e.ID = id
				byID[id] = idx
			}
			if err := point(e, c[3], c[4]); err != nil {
				return err
			}
			for _, a := range list(5) {
				g.add(a, idx, true)
			}
		case "place":
			if len(c) < 9 {
				return bad()
			}
			id, err1 := strconv.Atoi(c[1])
			pop, err2 := strconv.ParseInt(c[8], 10, 64)
			if err1 != nil || err2 != nil {
				return bad()
			}
			e := Entry{ID: id, Name: c[2], Feature: c[3], Country: c[4], Admin1: c[5], Population: pop}
			if err := point(&e, c[6], c[7]); err != nil {
				return err
			}
			idx := int32(len(g.Entries))
			g.Entries = append(g.Entries, e)
			if id != 0 {
				byID[id] = idx
			}
			g.add(e.Name, idx, true)
			for _, a := range list(9) {
				g.add(a, idx, true)
			}
		case "alias", "demonym":
			if len(c) < 3 {
				return bad()
			}
			idx, ok := g.country[c[1]]
			if !ok {
				if id, err := strconv.Atoi(c[1]); err == nil {
					idx, ok = byID[id]
				} else if a, isAdmin := g.admin1[c[1]]; isAdmin {
					idx, ok = a, true
				} else {
					// A place of this table without a GeoNames id, by its name.
					for _, cd := range g.names[Normalize(c[1])] {
						if cd.primary && int(cd.idx) >= firstExtra {
							idx, ok = cd.idx, true
						}
					}
				}
			}
			if !ok {
				return fmt.Errorf("place: extra.tsv:%d: unknown place %s", n+1, c[1])
			}
			for _, a := range list(2) {
				if c[0] == "alias" {
					g.add(a, idx, true)
				} else if k := Normalize(a); k != "" {
					g.demonyms[k] = append(g.demonyms[k], idx)
				}
			}
		default:
			return bad()
		}
	}
	return nil
}

func (g *Gazetteer) add(name string, idx int32, primary bool) {
	k := Normalize(name)
	if k == "" {
		return
	}
	cs := g.names[k]
	for i, c := range cs {
		if c.idx == idx {
			cs[i].primary = cs[i].primary || primary
			return
		}
	}
	if len(cs) == 0 {
		// Most names have one entry: carve their one-element slices from a shared block (fewer allocations).
		if len(g.pool) == 0 {
			g.pool = make([]cand, 8192)
		}
		cs, g.pool = g.pool[:1:1], g.pool[1:]
		cs[0] = cand{idx, primary}
		g.names[k] = cs
		return
	}
	g.names[k] = append(cs, cand{idx, primary})
}

// Lookup returns the indexes of the entries named name (main or alternate name), in file order.
func (g *Gazetteer) Lookup(name string) []int32 {
	cs := g.names[Normalize(name)]
	out := make([]int32, len(cs))
	for i, c := range cs {
		out[i] = c.idx
	}
	return out
}

// Country returns the country entry of an ISO 3166-1 alpha-2 code.
func (g *Gazetteer) Country(iso2 string) (Entry, bool) {
	i, ok := g.country[iso2]
	if !ok {
		return Entry{}, false
	}
	return g.Entries[i], true
}

// hasAbbrevToken reports whether a normalised multi-word name has a token that Normalize rewrites.
func hasAbbrevToken(s string) bool {
	for t := range strings.SplitSeq(s, " ") {
		switch t {
		case "st", "ste", "ft", "mt", "pt", "co", "twp":
			return true
		}
	}
	return false
}

var abbrevTokens = map[string]string{"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "point"}

// Normalize is the name key of the gazetteer: lower case, accents of Latin letters removed, "." and apostrophes dropped,
// other punctuation and runs of space turned into one space, a leading "the" dropped, "St"/"Ft"/"Mt" spelt out
// before a name ("St. Louis" and "Saint Louis" share a key) and a final "Co."/"Twp." read as County/Township.
func Normalize(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	put := func(r rune) {
		if r == ' ' {
			space = b.Len() > 0
			return
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	for _, r := range s {
		if r < utf8.RuneSelf {
			switch {
			case 'A' <= r && r <= 'Z':
				put(r + 'a' - 'A')
			case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
				put(r)
			case r == '.' || r == '\'':
			default:
				put(' ')
			}
			continue
		}
		switch r {
		case '’', '‘', 'ʻ', 'ʼ', '`':
			continue
		case 'ß':
			put('s')
			put('s')
			continue
		case 'æ', 'Æ':
			put('a')
			put('e')
			continue
		case 'ø', 'Ø':
			put('o')
			continue
		case 'ł', 'Ł':
			put('l')
			continue
		case 'đ', 'Đ':
			put('d')
			continue
		case 'ı':
			put('i')
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
			put(' ')
			continue
		}
		if !unicode.Is(unicode.Latin, r) {
			put(unicode.ToLower(r)) // other scripts keep their letters: "й" is not "и"
			continue
		}
		var buf [16]byte
		n := utf8.EncodeRune(buf[:], r)
		for _, d := range norm.NFD.String(string(buf[:n])) {
			if unicode.Is(unicode.Mn, d) {
				continue
			}
			put(unicode.ToLower(d))
		}
	}
	out := b.String()
	out = strings.TrimPrefix(out, "the ")
	if strings.IndexByte(out, ' ') < 0 {
		return out
	}
	if !hasAbbrevToken(out) {
		return out
	}
	toks := strings.Split(out, " ")
	changed := false
	if last := len(toks) - 1; toks[last] == "co" || toks[last] == "twp" {
		// "Plymouth Co." is Plymouth County, "Hanover Twp." Hanover Township.
		toks[last], changed = map[string]string{"co": "county", "twp": "township"}[toks[last]], true
	}
	for i, t := range toks {
		if full, ok := abbrevTokens[t]; ok && i < len(toks)-1 {
			toks[i], changed = full, true
		}
	}
	if changed {
		return strings.Join(toks, " ")
	}
	return out
}
