package place

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
	"golang.org/x/text/unicode/norm"
)

//go:generate go run ./gen -out gazetteer.tsv.gz

//go:generate go run ./gen -recompress gazetteer.tsv.gz -out gazetteer.tsv.zst
//go:generate go run ./gen -supplement gazetteer.tsv.gz -out supplement.tsv.zst

//go:embed gazetteer.tsv.zst
var gazetteerZst []byte

// supplementZst holds the GeoNames cities500 places that gazetteer.tsv.gz lacks (same format, zstd), loaded
// after it.
//
//go:embed supplement.tsv.zst
var supplementZst []byte

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
	names    [nameShards]map[string][]cand
	demonyms map[string][]int32
	country  map[string]int32 // ISO2 → its country entry
	admin1   map[string]int32 // "US.LA" → its ADM1 entry
	// capitals maps ISO2 to the country's most populous PPLC entry, built on first use (capital).
	capitalOnce sync.Once
	capitals    map[string]int32
	seats       map[string][]int32 // ISO2 → its first-level divisions' seats (PPLA)
}

// divisionSeats returns the seats (PPLA) of country cc's first-level divisions.
func (g *Gazetteer) divisionSeats(cc string) []int32 {
	g.capital(cc) // builds both tables
	return g.seats[cc]
}

// capital returns the entry of country cc's capital, or -1.
func (g *Gazetteer) capital(cc string) int32 {
	g.capitalOnce.Do(func() {
		g.capitals = map[string]int32{}
		g.seats = map[string][]int32{}
		for i := range g.Entries {
			en := &g.Entries[i]
			if en.Feature == "PPLA" {
				g.seats[en.Country] = append(g.seats[en.Country], int32(i))
			}
			if en.Feature != "PPLC" {
				continue
			}
			if j, ok := g.capitals[en.Country]; !ok || g.Entries[j].Population < en.Population {
				g.capitals[en.Country] = int32(i)
			}
		}
	})
	if i, ok := g.capitals[cc]; ok {
		return i
	}
	return -1
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
		gaz, gazErr = parseGazetteer(gazetteerZst, supplementZst)
		if gazErr == nil {
			gazErr = gaz.applyExtra(extraTSV)
		}
	})
	return gaz, gazErr
}

// parseGazetteer decodes gazetteer files (zstd or gzip TSV), in order, into one gazetteer without extra.tsv.
func parseGazetteer(files ...[]byte) (*Gazetteer, error) {
	// Each file is decompressed by its own goroutine, which hands runs of whole lines to parsing workers.
	perFile := make([][]*chunk, len(files))
	errs := make([]error, len(files))
	var wg, decoders sync.WaitGroup
	for i, gz := range files {
		decoders.Add(1)
		go func() {
			defer decoders.Done()
			errs[i] = decompressLines(gz, func(text string) {
				c := &chunk{text: text}
				perFile[i] = append(perFile[i], c)
				wg.Add(1)
				go func() {
					defer wg.Done()
					c.parse()
				}()
			})
		}()
	}
	decoders.Wait()
	wg.Wait()
	var chunks []*chunk
	for i := range files {
		if errs[i] != nil {
			return nil, errs[i]
		}
		chunks = append(chunks, perFile[i]...)
	}
	return buildIndex(chunks)
}

// decompressLines decompresses data (a zstd frame or gzip) and hands each run of whole lines (about a sixteenth of the file) to launch
// while the rest is still being decompressed.
func decompressLines(data []byte, launch func(string)) error {
	var r io.Reader
	size := 4 * len(data)
	if bytes.HasPrefix(data, []byte{0x28, 0xb5, 0x2f, 0xfd}) { // zstd frame
		dec, err := zstd.NewReader(bytes.NewReader(data), zstd.WithDecoderConcurrency(1))
		if err != nil {
			return fmt.Errorf("place: gazetteer: %w", err)
		}
		defer dec.Close()
		var h zstd.Header
		if h.Decode(data) == nil && h.HasFCS {
			size = int(h.FrameContentSize) + 1
		}
		r = dec
	} else {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return fmt.Errorf("place: gazetteer: %w", err)
		}
		// The gzip trailer holds the decoded size (mod 2^32).
		if len(data) >= 4 {
			size = int(binary.LittleEndian.Uint32(data[len(data)-4:])) + 1
		}
		r = zr
	}
	raw := make([]byte, 0, size)
	block := max(size/16, 64<<10)
	start := 0
	for {
		if len(raw) == cap(raw) {
			raw = append(raw, 0)[:len(raw)] // the size was wrong: grow (launched runs are copies)
		}
		n, err := r.Read(raw[len(raw):min(cap(raw), len(raw)+block)])
		raw = raw[:len(raw)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("place: gazetteer: %w", err)
		}
		if len(raw)-start >= block {
			if i := bytes.LastIndexByte(raw[start:], '\n'); i >= 0 {
				launch(string(raw[start : start+i+1]))
				start += i + 1
			}
		}
	}
	if start < len(raw) {
		launch(string(raw[start:]))
	}
	return nil
}

// parseText decodes a TSV text in up to workers parallel chunks of whole lines (as parseGazetteer does while
// decompressing). Entry order and each name's candidate order are the file's, whatever workers is.
func parseText(text string, workers int) (*Gazetteer, error) {
	var chunks []*chunk
	for _, t := range splitLines(text, workers) {
		chunks = append(chunks, &chunk{text: t})
	}
	var wg sync.WaitGroup
	for _, c := range chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.parse()
		}()
	}
	wg.Wait()
	return buildIndex(chunks)
}

// nameShards is the number of parts of the name index, built in parallel; a name's part is fixed by its key.
const nameShards = 8

// shardOf is the part of the name index that holds key (FNV-1a).
func shardOf(key string) int {
	h := uint32(2166136261)
	for i := 0; i < len(key); i++ {
		h = (h ^ uint32(key[i])) * 16777619
	}
	return int(h % nameShards)
}

// nameRec is one name of an entry, keyed, before it enters the index.
type nameRec struct {
	key     string
	idx     int32 // within its chunk until merged
	primary bool
}

// chunk is what one worker decodes from a run of whole lines.
type chunk struct {
	text     string
	entries  []Entry
	names    [nameShards][]nameRec
	demonyms []nameRec
	lines    int
	err      error
	errLine  int
}

// buildIndex joins the decoded chunks, in order, and builds the name index in nameShards parallel parts.
func buildIndex(chunks []*chunk) (*Gazetteer, error) {
	var wg sync.WaitGroup
	total, line := 0, 0
	for _, c := range chunks {
		if c.err != nil {
			return nil, fmt.Errorf("place: gazetteer line %d: %w", line+c.errLine, c.err)
		}
		total += len(c.entries)
		line += c.lines
	}
	g := &Gazetteer{
		Entries:  make([]Entry, 0, total),
		demonyms: map[string][]int32{},
		country:  map[string]int32{},
		admin1:   map[string]int32{},
	}
	offsets := make([]int32, len(chunks))
	for i, c := range chunks {
		offsets[i] = int32(len(g.Entries))
		g.Entries = append(g.Entries, c.entries...)
		for _, d := range c.demonyms {
			g.demonyms[d.key] = append(g.demonyms[d.key], offsets[i]+d.idx)
		}
	}
	for s := range nameShards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := 0
			for _, c := range chunks {
				n += len(c.names[s])
			}
			m := make(map[string][]cand, n)
			pool := make([]cand, n)
			for i, c := range chunks {
				for _, r := range c.names[s] {
					idx := offsets[i] + r.idx
					cs, ok := m[r.key]
					if !ok {
						// Most names have one entry: carve their one-element slices from one block.
						cs, pool = pool[:1:1], pool[1:]
						cs[0] = cand{idx, r.primary}
						m[r.key] = cs
						continue
					}
					m[r.key] = appendCand(cs, idx, r.primary)
				}
			}
			g.names[s] = m
		}()
	}
	wg.Wait()
	for i := range g.Entries {
		e := &g.Entries[i]
		switch e.Feature {
		case "PCLI", "PCLD", "PCLS", "PCLF", "PCLIX", "TERR":
			if _, ok := g.country[e.Country]; !ok {
				g.country[e.Country] = int32(i)
			}
		case "ADM1":
			g.admin1[e.Country+"."+e.Admin1] = int32(i)
		}
	}
	return g, nil
}

// appendCand adds entry idx to a name's candidates, or marks it primary when it is there already.
func appendCand(cs []cand, idx int32, primary bool) []cand {
	for i, c := range cs {
		if c.idx == idx {
			cs[i].primary = cs[i].primary || primary
			return cs
		}
	}
	return append(cs, cand{idx, primary})
}

// parse decodes the chunk's lines into entries and keyed names.
func (c *chunk) parse() {
	text := c.text
	lines := strings.Count(text, "\n") + 1
	c.entries = make([]Entry, 0, lines)
	// Keys are written into one arena, turned into a string once and sliced.
	arena := make([]byte, 0, len(text))
	type pending struct {
		from, to int32
		idx      int32
		primary  bool
		demonym  bool
	}
	recs := make([]pending, 0, lines+strings.Count(text, ";"))
	key := func(name string, idx int32, primary, demonym bool) {
		from := len(arena)
		arena = appendNormalized(arena, name)
		if len(arena) > from {
			recs = append(recs, pending{int32(from), int32(len(arena)), idx, primary, demonym})
		}
	}
	var f [11]string
	for len(text) > 0 {
		c.lines++
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
			c.err, c.errLine = fmt.Errorf("%d fields", k+1), c.lines
			return
		}
		id, err1 := strconv.Atoi(f[0])
		pop, err2 := strconv.ParseInt(f[6], 10, 64)
		lat, err3 := strconv.ParseFloat(f[7], 64)
		lon, err4 := strconv.ParseFloat(f[8], 64)
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
			c.err, c.errLine = fmt.Errorf("bad number"), c.lines
			return
		}
		idx := int32(len(c.entries))
		c.entries = append(c.entries, Entry{ID: id, Name: f[1], Feature: f[2], Country: f[3], Admin1: f[4], Admin2: f[5], Population: pop, Lat: lat, Lon: lon})
		key(f[1], idx, true, false)
		for a := range strings.SplitSeq(f[9], ";") {
			key(a, idx, false, false)
		}
		if f[10] != "" {
			for d := range strings.SplitSeq(f[10], ";") {
				key(d, idx, false, true)
			}
		}
	}
	keys := string(arena)
	for s := range c.names {
		c.names[s] = make([]nameRec, 0, len(recs)/nameShards+len(recs)/(4*nameShards))
	}
	for _, r := range recs {
		nr := nameRec{keys[r.from:r.to], r.idx, r.primary}
		if r.demonym {
			c.demonyms = append(c.demonyms, nr)
			continue
		}
		s := shardOf(nr.key)
		c.names[s] = append(c.names[s], nr)
	}
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
		case "union":
			// A region made of second-level divisions of one country ("Yorkshire"): their mean point, their
			// summed population.
			if len(c) < 6 {
				return bad()
			}
			e := Entry{Name: c[1], Feature: c[2], Country: c[3], Admin1: c[4]}
			var lat, lon float64
			members := 0
			for _, m := range list(5) {
				found := false
				for _, cd := range g.lookup(Normalize(m)) {
					if en := &g.Entries[cd.idx]; cd.primary && en.Feature == "ADM2" && en.Country == e.Country && int(cd.idx) < firstExtra {
						lat, lon, members = lat+en.Lat, lon+en.Lon, members+1
						e.Population += en.Population
						found = true
						break
					}
				}
				if !found {
					return fmt.Errorf("place: extra.tsv:%d: %s: no second-level division %q in %s", n+1, c[1], m, e.Country)
				}
			}
			if members == 0 {
				return bad()
			}
			e.Lat, e.Lon = lat/float64(members), lon/float64(members)
			idx := int32(len(g.Entries))
			g.Entries = append(g.Entries, e)
			g.add(e.Name, idx, true)
			for _, a := range list(6) {
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
				} else if cc, name, isADM2 := strings.Cut(strings.TrimPrefix(c[1], "ADM2:"), ":"); isADM2 && strings.HasPrefix(c[1], "ADM2:") {
					// A second-level division by country and name ("ADM2:GB:Hertfordshire").
					for _, cd := range g.lookup(Normalize(name)) {
						if en := &g.Entries[cd.idx]; cd.primary && en.Feature == "ADM2" && en.Country == cc {
							idx, ok = cd.idx, true
							break
						}
					}
				} else {
					// A place of this table without a GeoNames id, by its name.
					for _, cd := range g.lookup(Normalize(c[1])) {
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
	m := g.names[shardOf(k)]
	m[k] = appendCand(m[k], idx, primary)
}

// lookup returns the candidates of a normalised name key.
func (g *Gazetteer) lookup(key string) []cand {
	return g.names[shardOf(key)][key]
}

// Lookup returns the indexes of the entries named name (main or alternate name), in file order.
func (g *Gazetteer) Lookup(name string) []int32 {
	cs := g.lookup(Normalize(name))
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
		if f, ok := latinFold(r); ok {
			for _, d := range f {
				put(d)
			}
			continue
		}
		for _, d := range foldLatin(r) {
			put(d)
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

// appendNormalized appends Normalize(s) to dst, without allocating for the common ASCII names.
func appendNormalized(dst []byte, s string) []byte {
	base := len(dst)
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(dst[:base], Normalize(s)...)
		}
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '.' || c == '\'':
			continue
		default:
			space = len(dst) > base
			continue
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		dst = append(dst, c)
	}
	out := dst[base:]
	if len(out) >= 4 && string(out[:4]) == "the " {
		dst = append(dst[:base], out[4:]...)
		out = dst[base:]
	}
	// Abbreviated tokens ("st", "co" ...) in a name of several words: let Normalize spell them out.
	multi := false
	for i, start := 0, 0; i <= len(out); i++ {
		if i < len(out) && out[i] != ' ' {
			continue
		}
		if i < len(out) {
			multi = true
		}
		if multi || start > 0 {
			if t := out[start:i]; len(t) >= 2 && len(t) <= 3 && (string(t) == "st" || string(t) == "ste" || string(t) == "ft" ||
				string(t) == "mt" || string(t) == "pt" || string(t) == "co" || string(t) == "twp") {
				return append(dst[:base], Normalize(s)...)
			}
		}
		start = i + 1
	}
	return dst
}

// foldLatin is a Latin letter without its marks, lower case ("É" → "e").
func foldLatin(r rune) string {
	var buf [16]byte
	n := utf8.EncodeRune(buf[:], r)
	var out []rune
	for _, d := range norm.NFD.String(string(buf[:n])) {
		if !unicode.Is(unicode.Mn, d) {
			out = append(out, unicode.ToLower(d))
		}
	}
	return string(out)
}

// latinFolds holds foldLatin of the Latin-1 Supplement, Latin Extended-A and -B (U+0080–U+024F) and Latin
// Extended Additional (U+1E00–U+1EFF), the accented letters of nearly every place name.
var latinFolds = sync.OnceValue(func() []string {
	t := make([]string, 0x250+0x100)
	for r := rune(0x80); r < 0x250; r++ {
		t[r] = foldLatin(r)
	}
	for r := rune(0x1E00); r < 0x1F00; r++ {
		t[0x250+r-0x1E00] = foldLatin(r)
	}
	return t
})

// latinFold is foldLatin from the table, ok false outside its blocks.
func latinFold(r rune) (string, bool) {
	switch {
	case r < 0x80:
		return "", false
	case r < 0x250:
		return latinFolds()[r], true
	case 0x1E00 <= r && r < 0x1F00:
		return latinFolds()[0x250+r-0x1E00], true
	}
	return "", false
}

// splitLines cuts text into up to n runs of whole lines of about the same size.
func splitLines(text string, n int) []string {
	n = max(1, n)
	var out []string
	for rest := text; len(rest) > 0; {
		size := len(text)/n + 1
		i := -1
		if size < len(rest) {
			i = strings.IndexByte(rest[size:], '\n')
		}
		if i < 0 {
			out = append(out, rest)
			break
		}
		out = append(out, rest[:size+i+1])
		rest = rest[size+i+1:]
	}
	return out
}
