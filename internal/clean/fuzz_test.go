package clean

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/doc"
)

func addSeeds(f *testing.F, pattern string) {
	files, _ := os.ReadDir("testdata")
	for _, e := range files {
		if strings.HasSuffix(e.Name(), pattern) {
			b, _ := os.ReadFile("testdata/" + e.Name())
			f.Add(b)
		}
	}
	for _, name := range []string{"../../examples/zelensky-brussels.txt", "../../examples/kallas-sanctions.html"} {
		if strings.HasSuffix(name, pattern) {
			b, _ := os.ReadFile(name)
			f.Add(b)
		}
	}
}

// checkClean asserts the invariants of any cleaned text: valid UTF-8, trimmed paragraphs separated by
// exactly one blank line, no runs of spaces, no control characters but newlines.
func checkClean(t *testing.T, d *doc.Document) {
	t.Helper()
	if !utf8.ValidString(d.Text) {
		t.Fatalf("text is not valid UTF-8: %q", d.Text)
	}
	if d.Text == "" || strings.TrimSpace(d.Text) != d.Text || strings.Contains(d.Text, "\n\n\n") || strings.Contains(d.Text, "  ") {
		t.Fatalf("text not tidy: %q", d.Text)
	}
	for _, r := range d.Text {
		if r < 0x20 && r != '\n' || r == 0x7f {
			t.Fatalf("control character %U in %q", r, d.Text)
		}
	}
	if !utf8.ValidString(d.Title) || d.Language == "" {
		t.Fatalf("bad title %q or language %q", d.Title, d.Language)
	}
}

func FuzzCleanText(f *testing.F) {
	addSeeds(f, ".txt")
	f.Add([]byte("Advertisement\r\nBy Jane DoeKYIV — Ukraine said.\n\n\n\xff\xfe"))
	c := New(Config{})
	f.Fuzz(func(t *testing.T, raw []byte) {
		d := &doc.Document{Raw: raw, Format: "text"}
		err := c.Process(context.Background(), d)
		if errors.Is(err, ErrNoArticle) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		checkClean(t, d)
		// every removed piece is a whole line of the input, or the byline prefix of one
		src, _ := toUTF8(raw, false)
		src = strings.ReplaceAll(strings.ReplaceAll(src, "\r\n", "\n"), "\r", "\n")
		lines := map[string]bool{}
		var joined strings.Builder
		for l := range strings.SplitSeq(src, "\n") {
			l = normSpace(l)
			lines[l] = true
			joined.WriteString(l + "\n")
		}
		for _, p := range d.Removed {
			if !lines[p] && !strings.Contains(joined.String(), p) {
				t.Fatalf("removed %q is not from the input", p)
			}
		}
		// the text is no longer than the input needs: at most the input's letters, re-encoded
		if len(d.Text) > 3*len(raw) {
			t.Fatalf("text of %d bytes from %d input bytes", len(d.Text), len(raw))
		}
	})
}

func FuzzCleanHTML(f *testing.F) {
	addSeeds(f, ".html")
	f.Add([]byte(`<html><head><meta charset="koi8-r"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025"}</script></head><body><p>x</p></body></html>`))
	f.Add([]byte(`<p>Kyiv said on Monday that talks would resume.<br>Next line.</p><p>Kyiv said on Monday that talks would resume.</p>`))
	c := New(Config{})
	f.Fuzz(func(t *testing.T, raw []byte) {
		d := &doc.Document{Raw: raw, Format: "html"}
		err := c.Process(context.Background(), d)
		if err != nil {
			return // an error is a fine answer to a broken page; a panic is not
		}
		checkClean(t, d)
		for _, p := range d.Removed {
			if p == "" || !utf8.ValidString(p) {
				t.Fatalf("bad removed piece %q", p)
			}
		}
		if d.Published != "" {
			if _, _, ok := ParseDate(d.Published); !ok {
				t.Fatalf("published %q does not parse", d.Published)
			}
		}
	})
}
