package clean

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/internal/doc"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// golden is what a golden file records of a cleaned article.
type golden struct {
	Title     string   `json:"title,omitempty"`
	Author    string   `json:"author,omitempty"`
	SiteName  string   `json:"site_name,omitempty"`
	URL       string   `json:"url,omitempty"`
	Published string   `json:"published,omitempty"`
	Language  string   `json:"language"`
	Warnings  []string `json:"warnings,omitempty"`
	Removed   []string `json:"removed,omitempty"`
	Text      []string `json:"paragraphs"`
}

func process(t *testing.T, cfg Config, d *doc.Document) error {
	t.Helper()
	return New(cfg).Process(context.Background(), d)
}

// TestGolden cleans the fixtures in testdata and the articles in examples/ and compares the result with
// testdata/<name>.golden.json; go test ./internal/clean -update rewrites them (review the diff).
func TestGolden(t *testing.T) {
	var files []string
	for _, pat := range []string{"testdata/*.txt", "testdata/*.html", "../../examples/*.txt", "../../examples/*.html"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if len(files) < 6 {
		t.Fatalf("only %d fixtures found", len(files))
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			format := "text"
			if filepath.Ext(f) == ".html" {
				format = "html"
			}
			d := &doc.Document{Raw: raw, Format: format}
			if err := process(t, Config{}, d); err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, string(raw), d)
			got := golden{Title: d.Title, Author: d.Author, SiteName: d.SiteName, URL: d.URL, Published: d.Published,
				Language: d.Language, Warnings: d.Warnings, Removed: d.Removed, Text: strings.Split(d.Text, "\n\n")}
			path := filepath.Join("testdata", strings.TrimSuffix(name, filepath.Ext(name))+".golden.json")
			if *update {
				b, _ := json.MarshalIndent(got, "", "  ")
				if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			var want golden
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", path, diff)
			}
		})
	}
}

// checkInvariants asserts what cleaning always guarantees: valid UTF-8 in NFC with no control characters
// but newlines, paragraphs separated by exactly one blank line and trimmed, and each removed piece taken
// from a line of the input.
func checkInvariants(t *testing.T, raw string, d *doc.Document) {
	t.Helper()
	if !utf8.ValidString(d.Text) {
		t.Errorf("text is not valid UTF-8")
	}
	if strings.Contains(d.Text, "\n\n\n") || strings.TrimSpace(d.Text) != d.Text {
		t.Errorf("text has extra blank lines or surrounding space: %q", d.Text)
	}
	for _, r := range d.Text {
		if r < 0x20 && r != '\n' || r == '\r' {
			t.Errorf("text holds control character %U", r)
			break
		}
	}
	for _, p := range strings.Split(d.Text, "\n\n") {
		if p == "" || strings.TrimSpace(p) != p {
			t.Errorf("paragraph %q is empty or not trimmed", p)
		}
	}
	for _, piece := range d.Removed {
		if piece == "" || !strings.Contains(normSpace(strings.ReplaceAll(raw, "\n", " ")), piece) && !strings.Contains(raw, piece) {
			t.Errorf("removed piece %q is not in the input", piece)
		}
	}
}

func TestHTMLMetadata(t *testing.T) {
	raw, err := os.ReadFile("../../examples/rubio-nato-summit.html")
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Raw: raw, Format: "html"}
	if err := process(t, Config{Published: "2020-01-01"}, d); err != nil {
		t.Fatal(err)
	}
	want := time.Date(2025, 12, 3, 16, 20, 0, 0, time.UTC)
	if !d.PublishedAt.Equal(want) || d.Published != "2025-12-03T17:20:00+01:00" {
		t.Errorf("published %q at %v, want the page's 2025-12-03T17:20:00+01:00", d.Published, d.PublishedAt)
	}
	for _, s := range []string{"Advertisement", "Subscribe", "Select Language", "Share on", "cookies", "All rights reserved", "AP Photo", "By Daniel"} {
		if strings.Contains(d.Text, s) {
			t.Errorf("text still holds furniture %q", s)
		}
	}
	if n := strings.Count(d.Text, "\n\n") + 1; n != 7 {
		t.Errorf("%d paragraphs, want the article's 7", n)
	}
}

func TestPublishedPrecedence(t *testing.T) {
	page := `<html><head><meta property="article:published_time" content="2025-03-01T08:00:00-05:00"></head><body><article><p>` +
		strings.Repeat("Officials in Kyiv said on Monday that talks would resume in Geneva next week. ", 5) + `</p></article></body></html>`
	bare := strings.Replace(page, `<meta property="article:published_time" content="2025-03-01T08:00:00-05:00">`, "", 1)
	tests := []struct {
		name, raw, format, input, flag string
		want                           string
		warnings                       int
	}{
		{"page date wins over a WARC date", page, "html", "2025-03-02T10:00:00Z", "2020-01-01", "2025-03-01T08:00:00-05:00", 0},
		{"a stated input date wins over the page's", page, "html", "2025-03-03", "2020-01-01", "2025-03-03", 0},
		{"input date when the page has none", bare, "html", "2025-03-02T10:00:00Z", "2020-01-01", "2025-03-02T10:00:00Z", 0},
		{"flag when the input has none", "Officials said talks would resume.", "text", "", "2020-01-01", "2020-01-01", 0},
		{"no date at all", "Officials said talks would resume.", "text", "", "", "", 0},
		{"bad input date falls back with a warning", "Officials said talks would resume.", "text", "next Tuesday", "2020-01-01", "2020-01-01", 1},
		{"bad input date on a page with a date warns once", page, "html", "garbage", "", "2025-03-01T08:00:00-05:00", 1},
		{"bad input date on a page without one warns once", bare, "html", "garbage", "", "", 1},
		{"RFC 1123 input", "Officials said talks would resume.", "text", "Mon, 02 Jun 2025 15:04:05 +0300", "", "2025-06-02T15:04:05+03:00", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &doc.Document{Raw: []byte(tc.raw), Format: tc.format, Published: tc.input, Source: "in.jsonl:1"}
			if strings.Contains(tc.name, "WARC") {
				d.Source = "crawl.warc.gz#record-2"
			}
			if err := process(t, Config{Published: tc.flag}, d); err != nil {
				t.Fatal(err)
			}
			if d.Published != tc.want {
				t.Errorf("Published = %q, want %q", d.Published, tc.want)
			}
			if (d.Published == "") != d.PublishedAt.IsZero() {
				t.Errorf("PublishedAt %v does not match Published %q", d.PublishedAt, d.Published)
			}
			if len(d.Warnings) != tc.warnings {
				t.Errorf("warnings %q, want %d", d.Warnings, tc.warnings)
			}
		})
	}
}

func TestNoArticle(t *testing.T) {
	for _, tc := range []struct{ name, raw, format string }{
		{"empty page", "<html><head><title>Home</title></head><body></body></html>", "html"},
		{"navigation only", `<html><body><nav><a href="/">Home</a><a href="/world">World</a></nav><footer>© 2025</footer></body></html>`, "html"},
		{"furniture only", "Advertisement\nShare on Facebook | X\nSubscribe to our newsletter", "text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := process(t, Config{}, &doc.Document{Raw: []byte(tc.raw), Format: tc.format})
			if !errors.Is(err, ErrNoArticle) {
				t.Errorf("err = %v, want ErrNoArticle", err)
			}
		})
	}
}

func TestEncoding(t *testing.T) {
	cp1251 := []byte("<html><head><meta charset=\"windows-1251\"></head><body><article><p>\xc7\xe5\xeb\xe5\xed\xf1\xfc\xea\xe8\xe9 " +
		"\xef\xf0\xee\xe2\xb3\xe2 \xe7\xf3\xf1\xf2\xf0\xb3\xf7 \xe7 \xef\xf0\xe5\xec'\xba\xf0-\xec\xb3\xed\xb3\xf1\xf2\xf0\xee\xec.</p></article></body></html>")
	tests := []struct {
		name   string
		raw    []byte
		format string
		text   string
		warn   string
	}{
		{"utf-8 kept", []byte("Zelensky met Merz in Berlin."), "text", "Zelensky met Merz in Berlin.", ""},
		{"utf-8 bom dropped", []byte("\xef\xbb\xbfZelensky met Merz in Berlin."), "text", "Zelensky met Merz in Berlin.", ""},
		{"utf-16le bom", []byte("\xff\xfeK\x00y\x00i\x00v\x00.\x00"), "text", "Kyiv.", ""},
		{"invalid bytes replaced", []byte("Zelensky met Merz in Berlin \xff\xfe today."), "text", "Zelensky met Merz in Berlin \uFFFD today.", "U+FFFD"},
		{"charset from meta", cp1251, "html", "Зеленський провів зустріч з прем'єр-міністром.", "windows-1251"},
		{"NFC", []byte("Jean-Noe\u0308l Barrot met Sa\u0301nchez."), "text", "Jean-Noël Barrot met Sánchez.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &doc.Document{Raw: tc.raw, Format: tc.format}
			if err := process(t, Config{}, d); err != nil {
				t.Fatal(err)
			}
			if d.Text != tc.text {
				t.Errorf("text = %q, want %q", d.Text, tc.text)
			}
			w := strings.Join(d.Warnings, "; ")
			if tc.warn == "" && w != "" || !strings.Contains(w, tc.warn) {
				t.Errorf("warnings = %q, want one mentioning %q", w, tc.warn)
			}
		})
	}
}

func TestTitleLine(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Kyiv hit by overnight drone attack\n\nAt least four people were injured.", "Kyiv hit by overnight drone attack"},
		{"Kyiv drone attack\n\nAt least four people were injured.", ""},
		{"Is a ceasefire close?\n\nDiplomats doubt it.", "Is a ceasefire close?"},
		{"At least four people were injured.\n\nMore later.", ""},
		{"Only one paragraph here", ""},
		{"Hi\n\nThere.", ""},
		{"The Brussels Note\n\nEurope | Analysis\n\nCan Europe replace American intelligence for Ukraine?\n\nText follows here.", "Can Europe replace American intelligence for Ukraine?"},
		{"Three word kicker\n\nKyiv hit by overnight drone attack\n\nText.", "Kyiv hit by overnight drone attack"},
	}
	for _, tc := range tests {
		if got := titleLine(tc.text); got != tc.want {
			t.Errorf("titleLine(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestBylineAuthor(t *testing.T) {
	tests := []struct {
		removed []string
		want    string
	}{
		{[]string{"Menu", "By Olena Harmash and Tom Balmforth, Reuters"}, "Olena Harmash; Tom Balmforth"},
		{[]string{"By Rachel Moore", "Published 7:04 AM EDT, Wed October 15, 2025"}, "Rachel Moore"},
		{[]string{"By Sarah Jones | Senior Political Correspondent"}, "Sarah Jones"},
		{[]string{"By AP"}, "AP"},
		{[]string{"By Iryna Kovalchuk and Daniel Harper Associated Press"}, "Iryna Kovalchuk; Daniel Harper"},
		{[]string{"Advertisement", "Reporting by Jane Doe"}, ""},
	}
	for _, tc := range tests {
		if got := bylineAuthor(tc.removed); got != tc.want {
			t.Errorf("bylineAuthor(%q) = %q, want %q", tc.removed, got, tc.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2025-08-18", "2025-08-18"},
		{"20250818", "2025-08-18"},
		{"2025-08-18T09:30:00Z", "2025-08-18T09:30:00Z"},
		{"2025-08-18T09:30:00+03:00", "2025-08-18T09:30:00+03:00"},
		{"2025-08-18T09:30:00.123+0300", "2025-08-18T09:30:00+03:00"},
		{"2025-08-18T09:30", "2025-08-18T09:30:00"},
		{"2025-08-18 09:30:00", "2025-08-18T09:30:00"},
		{"Mon, 18 Aug 2025 09:30:00 GMT", "2025-08-18T09:30:00Z"},
		{" 2025-08-18 ", "2025-08-18"},
		{"18/08/2025", ""},
		{"yesterday", ""},
		{"0001-01-01", ""},
		{"", ""},
	}
	for _, tc := range tests {
		_, got, ok := ParseDate(tc.in)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

func TestDateInLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Updated 6:42 PM CET, Thu March 13, 2025", "2025-03-13"},
		{"Posted 09:15 GMT, Mon 18 August 2025", "2025-08-18"},
		{"Published 7:04 AM EDT, Wed October 15, 2025", "2025-10-15"},
		{"Sept. 3rd, 2024", "2024-09-03"},
		{"Published: 2025-08-18 10:32", "2025-08-18"},
		{"Last updated 2 hours ago", ""},
		{"June 31, 2025", ""},
		{"3 min read", ""},
		{"Updated Thursday", ""},
	}
	for _, tc := range tests {
		got, ok := dateInLine(tc.in)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("dateInLine(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
	// the date of a removed timestamp line dates a scraped article, after the input's own date and before
	// the --published fallback
	raw := []byte("Updated 6:42 PM CET, Thu March 13, 2025\nZelensky met EU leaders in Brussels on Thursday.\nRead also: Talks set for May 2, 2025\n")
	for _, tc := range []struct{ input, flag, want string }{{"", "2020-01-01", "2025-03-13"}, {"2025-03-14", "", "2025-03-14"}} {
		d := &doc.Document{Raw: raw, Format: "text", Published: tc.input}
		if err := process(t, Config{Published: tc.flag}, d); err != nil {
			t.Fatal(err)
		}
		if d.Published != tc.want {
			t.Errorf("input %q, flag %q: published %q, want %q", tc.input, tc.flag, d.Published, tc.want)
		}
	}
}

func TestLanguageOfArticles(t *testing.T) {
	uk := "Міністр закордонних справ України Андрій Сибіга заявив у вівторок, що Київ очікує від партнерів нових систем протиповітряної оборони."
	d := &doc.Document{Raw: []byte(uk), Format: "text"}
	if err := process(t, Config{}, d); err != nil {
		t.Fatal(err)
	}
	if d.Language != "uk" {
		t.Errorf("language = %q, want uk", d.Language)
	}
}

// Example shows the clean stage on a scraped page.
func Example() {
	d := &doc.Document{Format: "text", Raw: []byte("Menu\nKallas urges new sanctions\nBy Léa Marchetti\n" +
		"EU foreign policy chief Kaja Kallas said on Tuesday that the bloc must tighten sanctions.\nAdvertisement\n")}
	if err := New(Config{Published: "2025-05-20"}).Process(context.Background(), d); err != nil {
		panic(err)
	}
	b, _ := json.MarshalIndent(map[string]any{"title": d.Title, "published": d.Published, "language": d.Language, "text": d.Text, "removed": d.Removed}, "", "  ")
	os.Stdout.Write(append(b, '\n'))
	// Output:
	// {
	//   "language": "en",
	//   "published": "2025-05-20",
	//   "removed": [
	//     "Menu",
	//     "By Léa Marchetti",
	//     "Advertisement"
	//   ],
	//   "text": "Kallas urges new sanctions\n\nEU foreign policy chief Kaja Kallas said on Tuesday that the bloc must tighten sanctions.",
	//   "title": "Kallas urges new sanctions"
	// }
}
