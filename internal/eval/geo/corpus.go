package geo

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Toponym is one gold toponym.
type Toponym struct {
	// Start, End are code point offsets into Article.Text (after repair).
	Start, End int
	Name       string
	// GeonameID is 0 when the corpus gives none.
	GeonameID int
	// HasCoords reports whether Lat, Lon are set (LGL/TR-News toponyms without <gaztag> have none).
	HasCoords bool
	Lat, Lon  float64
	// Type is GeoWebNews' toponym type (Literal, Metonymic, Demonym ...); empty elsewhere.
	Type               string
	Verified, Repaired bool
}

// Article is one corpus article.
type Article struct {
	DocID, URL, Published string
	Text                  string
	Toponyms              []Toponym
}

type xmlToponym struct {
	Start         string `xml:"start"`
	End           string `xml:"end"`
	Phrase        string `xml:"phrase"`
	Name          string `xml:"name"`
	ExtractedName string `xml:"extractedName"`
	Type          string `xml:"type"`
	Lat           string `xml:"lat"`
	Lon           string `xml:"lon"`
	Latitude      string `xml:"latitude"`
	Longitude     string `xml:"longitude"`
	GeonamesID    string `xml:"geonamesID"`
	Gaztag        *struct {
		ID  string `xml:"geonameid,attr"`
		Lat string `xml:"lat"`
		Lon string `xml:"lon"`
	} `xml:"gaztag"`
}

type xmlArticle struct {
	DocID    string       `xml:"docid,attr"`
	URL      string       `xml:"url"`
	Link     string       `xml:"link"`
	Dltime   string       `xml:"dltime"`
	Text     string       `xml:"text"`
	Toponyms []xmlToponym `xml:"toponyms>toponym"`
	// GWN.xml puts <toponym> under <toponyms> too; Locations is GeoVirus' form.
	Locations []xmlToponym `xml:"locations>location"`
}

// Load reads a corpus file (LGL, TR-News or GWN XML).
func Load(path string) ([]Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	arts, err := Read(f, strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return arts, nil
}

// Read reads a corpus from r; stem names the articles that have no docid ("<stem>-0001", as geo_to_text.py).
func Read(r io.Reader, stem string) ([]Article, error) {
	dec := xml.NewDecoder(r)
	var out []Article
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "article" {
			continue
		}
		var xa xmlArticle
		if err := dec.DecodeElement(&xa, &se); err != nil {
			return nil, err
		}
		n := len(out) + 1
		a := Article{DocID: xa.DocID, URL: firstNonEmpty(xa.URL, xa.Link), Published: strings.TrimSpace(xa.Dltime), Text: xa.Text}
		if a.DocID == "" {
			a.DocID = fmt.Sprintf("%s-%04d", stem, n)
		}
		for _, xt := range append(xa.Toponyms, xa.Locations...) {
			t := Toponym{Name: firstNonEmpty(xt.Phrase, xt.Name, xt.ExtractedName), Type: xt.Type}
			var err1, err2 error
			t.Start, err1 = strconv.Atoi(strings.TrimSpace(xt.Start))
			t.End, err2 = strconv.Atoi(strings.TrimSpace(xt.End))
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("article %d: toponym %q without integer start/end", n, t.Name)
			}
			lat, lon, id := firstNonEmpty(xt.Lat, xt.Latitude), firstNonEmpty(xt.Lon, xt.Longitude), xt.GeonamesID
			if xt.Gaztag != nil {
				lat, lon, id = firstNonEmpty(lat, xt.Gaztag.Lat), firstNonEmpty(lon, xt.Gaztag.Lon), firstNonEmpty(id, xt.Gaztag.ID)
			}
			if la, err := strconv.ParseFloat(strings.TrimSpace(lat), 64); err == nil {
				if lo, err := strconv.ParseFloat(strings.TrimSpace(lon), 64); err == nil {
					t.Lat, t.Lon, t.HasCoords = la, lo, true
				}
			}
			t.GeonameID, _ = strconv.Atoi(strings.TrimSpace(id))
			a.Toponyms = append(a.Toponyms, t)
		}
		sort.SliceStable(a.Toponyms, func(i, j int) bool {
			if a.Toponyms[i].Start != a.Toponyms[j].Start {
				return a.Toponyms[i].Start < a.Toponyms[j].Start
			}
			return a.Toponyms[i].End < a.Toponyms[j].End
		})
		repair([]rune(a.Text), a.Toponyms)
		out = append(out, a)
	}
}

// window is how far (code points) repair looks for a toponym's name.
const window = 300

// repair moves each toponym onto the nearest occurrence of its name (geo_to_text.py's repair()).
func repair(text []rune, tops []Toponym) {
	drift := 0
	for i := range tops {
		t := &tops[i]
		name := []rune(t.Name)
		s := t.Start - drift
		t.Verified, t.Repaired = true, false
		if t.Start >= 0 && t.End <= len(text) && t.Start <= t.End && string(text[t.Start:t.End]) == t.Name {
			continue
		}
		lo := max(0, s-window)
		hi := min(len(text), max(lo, s+window+len(name)))
		best, found := 0, false
		if len(name) > 0 {
			for o := lo; o+len(name) <= hi; o++ {
				if !runesEqual(text[o:o+len(name)], name) {
					continue
				}
				if !found || abs(o-s) < abs(best-s) {
					best, found = o, true
				}
				o += len(name) - 1 // non-overlapping occurrences, as re.finditer
			}
		}
		if !found {
			t.Verified = false
			continue
		}
		drift = t.Start - best
		t.Start, t.End, t.Repaired = best, best+len(name), true
	}
}

func runesEqual(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}
