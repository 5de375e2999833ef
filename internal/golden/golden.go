// Package golden runs golden-file tests, the go/printer pattern: a stage's output for each article in a
// package's testdata is compared with the JSON file beside it, and `go test -update` rewrites those files
// after an intended change. Only tests import it.
package golden

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Update is the -update flag of every test binary that imports this package.
var Update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Run calls fn in a subtest for every testdata/*.txt, named for the file, with the file's content, and
// compares the indented JSON of what fn returns with testdata/NAME.golden.json (or, with -update, writes it).
func Run(t *testing.T, fn func(t *testing.T, name string, text []byte) any) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/*.txt (%v)", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			Check(t, strings.TrimSuffix(f, ".txt")+".golden.json", fn(t, name, text))
		})
	}
}

// Check compares the indented JSON of got with the golden file at path, or writes it there with -update.
func Check(t *testing.T, path string, got any) {
	t.Helper()
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	if *Update {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test with -update to create it)", err)
	}
	if !bytes.Equal(b, want) {
		t.Errorf("output differs from %s (-want +got; rewrite with -update after an intended change):\n%s", path, cmp.Diff(string(want), string(b)))
	}
}
