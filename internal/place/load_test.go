package place

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// TestAppendNormalized: the allocation-free key of the loader is Normalize's, on hand cases and on every name
// of the embedded gazetteer.
func TestAppendNormalized(t *testing.T) {
	for _, s := range []string{"", "the", "The Hague", "the  Bronx", "St. Louis", "Saint Louis", "Plymouth Co.",
		"Hanover Twp.", "St", "Co", "Mt. Pleasant St", "Washington, D.C.", "O'Fallon", "  Lake--Placid ",
		"Thee", "The", "Kyiv", "Zaporizhzhia", "São Paulo", "Łódź", "Straße", "Київ", "İstanbul", "Ærø", "1st Street"} {
		t.Run(s, func(t *testing.T) {
			if got, want := string(appendNormalized([]byte("x"), s)), "x"+Normalize(s); got != want {
				t.Errorf("appendNormalized(%q) = %q, want %q", s, got, want)
			}
		})
	}
	raw := gunzip(t)
	n := 0
	for line := range strings.SplitSeq(raw, "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 11 {
			continue
		}
		for _, name := range append(append([]string{f[1]}, strings.Split(f[9], ";")...), strings.Split(f[10], ";")...) {
			if got, want := string(appendNormalized(nil, name)), Normalize(name); got != want {
				t.Fatalf("appendNormalized(%q) = %q, Normalize = %q", name, got, want)
			}
			n++
		}
	}
	if n < 300000 {
		t.Fatalf("checked %d names only", n)
	}
}

// FuzzAppendNormalized: the loader's key never differs from Normalize, whatever the bytes.
func FuzzAppendNormalized(f *testing.F) {
	for _, s := range []string{"St. Louis", "the Hague", "Zaporizhzhia", "Co co", "\xff\xfe", "a  b", "ǅ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendNormalized(nil, s)), Normalize(s); got != want {
			t.Errorf("appendNormalized(%q) = %q, Normalize = %q", s, got, want)
		}
	})
}

func gunzip(t testing.TB) string {
	t.Helper()
	dec, err := zstd.NewReader(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer dec.Close()
	raw, err := dec.DecodeAll(gazetteerZst, nil)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// TestZstdCopy: the embedded zstd file holds exactly the text of the generated gazetteer.tsv.gz.
func TestZstdCopy(t *testing.T) {
	gz, err := os.ReadFile("gazetteer.tsv.gz")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	want, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if got := gunzip(t); got != string(want) {
		t.Fatalf("gazetteer.tsv.zst (%d bytes of text) differs from gazetteer.tsv.gz (%d): run go generate ./internal/place", len(got), len(want))
	}
}

// TestParseParallel: the entries and the name index do not depend on how the text is cut between workers, and
// equal those of the streaming decoder.
func TestParseParallel(t *testing.T) {
	small := "1\tSpringfield\tPPL\tUS\tIL\t167\t116250\t39.8\t-89.64\tSpringfield City\t\n" +
		"2\tSpringfield\tPPLA2\tUS\tMO\t077\t169176\t37.2\t-93.29\t\tSpringfielder\n" +
		"3\tSt. Louis\tPPL\tUS\tMO\t510\t300576\t38.63\t-90.2\tSaint Louis;Springfield\t\n"
	one, err := parseText(small, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := one.Lookup("springfield"); !reflect.DeepEqual(got, []int32{0, 1, 2}) {
		t.Errorf("Lookup(springfield) = %v, want [0 1 2] in file order", got)
	}
	if got := one.lookup("springfield"); got[2].primary || !got[0].primary {
		t.Errorf("primary marks = %+v", got)
	}
	if got := one.demonyms["springfielder"]; !reflect.DeepEqual(got, []int32{1}) {
		t.Errorf("demonym = %v", got)
	}
	for _, workers := range []int{2, 3, 7} {
		t.Run(fmt.Sprint("small/", workers), func(t *testing.T) {
			g, err := parseText(small, workers)
			if err != nil {
				t.Fatal(err)
			}
			sameGazetteer(t, one, g)
		})
	}
	if testing.Short() {
		return
	}
	raw := gunzip(t)
	streamed, err := parseGazetteer(gazetteerZst)
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 5} {
		t.Run(fmt.Sprint("embedded/", workers), func(t *testing.T) {
			g, err := parseText(raw, workers)
			if err != nil {
				t.Fatal(err)
			}
			sameGazetteer(t, streamed, g)
		})
	}
}

func sameGazetteer(t *testing.T, a, b *Gazetteer) {
	t.Helper()
	if !reflect.DeepEqual(a.Entries, b.Entries) {
		t.Fatalf("entries differ (%d, %d)", len(a.Entries), len(b.Entries))
	}
	for s := range a.names {
		if !reflect.DeepEqual(a.names[s], b.names[s]) {
			t.Fatalf("name index part %d differs", s)
		}
	}
	if !reflect.DeepEqual(a.demonyms, b.demonyms) || !reflect.DeepEqual(a.country, b.country) || !reflect.DeepEqual(a.admin1, b.admin1) {
		t.Fatal("demonyms, countries or divisions differ")
	}
}

// TestParseErrors: a malformed line is reported with its line number, whichever worker read it.
func TestParseErrors(t *testing.T) {
	good := "1\tA\tPPL\tUS\tIL\t\t10\t1\t2\t\t\n"
	for _, tc := range []struct {
		name, text, want string
	}{
		{"fields", good + good + "2\tB\tPPL\n", "line 3: 3 fields"},
		{"number", good + "x\tB\tPPL\tUS\tIL\t\t10\t1\t2\t\t\n" + good, "line 2: bad number"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, workers := range []int{1, 3} {
				_, err := parseText(tc.text, workers)
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("workers %d: err = %v, want %q", workers, err, tc.want)
				}
			}
		})
	}
}

// BenchmarkColdLoad measures LoadGazetteer in a fresh process (nothing cached, the embedded files read from the
// binary as a command would): each iteration runs this test binary as a child that loads the gazetteer once
// and prints its wall time; the benchmark reports it as load-ms and the child's whole life as process-ms.
func BenchmarkColdLoad(b *testing.B) {
	var loadMS, procMS float64
	for b.Loop() {
		start := time.Now()
		cmd := exec.Command(os.Args[0], "-test.run=^TestColdLoadChild$")
		cmd.Env = append(os.Environ(), "PLACE_COLD_LOAD=1")
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("%v: %s", err, out)
		}
		var ms int
		if _, err := fmt.Sscanf(string(out), "load %d", &ms); err != nil {
			b.Fatalf("child printed %q", out)
		}
		loadMS += float64(ms)
		procMS += float64(time.Since(start).Milliseconds())
	}
	b.ReportMetric(loadMS/float64(b.N), "load-ms")
	b.ReportMetric(procMS/float64(b.N), "process-ms")
}

// TestColdLoadChild is the child of BenchmarkColdLoad; without PLACE_COLD_LOAD=1 it does nothing.
func TestColdLoadChild(t *testing.T) {
	if os.Getenv("PLACE_COLD_LOAD") != "1" {
		t.Skip("the child process of BenchmarkColdLoad")
	}
	start := time.Now()
	if _, err := LoadGazetteer(); err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	fmt.Printf("load %d\n", time.Since(start).Milliseconds())
	os.Exit(0)
}
