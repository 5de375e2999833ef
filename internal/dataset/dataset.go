// Package dataset locates the public annotated corpora in ../shared/data (beside the repository), for
// evaluation commands and for tests that skip when the data is absent.
package dataset

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared data directory: $NEWSGRAPH_DATA when set, else the first "shared/data" found
// beside the current directory or any of its parents. It returns "" when there is none.
func Dir() string {
	if d := os.Getenv("NEWSGRAPH_DATA"); d != "" {
		return d
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		for _, c := range []string{filepath.Join(dir, "shared", "data"), filepath.Join(dir, "..", "shared", "data")} {
			if fi, err := os.Stat(c); err == nil && fi.IsDir() {
				return filepath.Clean(c)
			}
		}
		if filepath.Dir(dir) == dir {
			return ""
		}
	}
}

// Path joins elem onto Dir; it returns "" when the data directory is absent or the path does not exist.
func Path(elem ...string) string {
	d := Dir()
	if d == "" {
		return ""
	}
	p := filepath.Join(append([]string{d}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// Require returns Path(elem...) or skips the test with a clear message when it is absent.
func Require(t testing.TB, elem ...string) string {
	t.Helper()
	p := Path(elem...)
	if p == "" {
		t.Skipf("shared data %s not found (looked for ../shared/data; set NEWSGRAPH_DATA): skipping", filepath.Join(elem...))
	}
	return p
}
