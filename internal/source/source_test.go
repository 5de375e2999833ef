package source

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/source/warctest"
)

const article = "Kyiv, Jan. 9 — Foreign Minister Andrii Sybiha said on Thursday that Ukraine would attend the talks.\n"

const page = `<!DOCTYPE html><html><head><title>Talks</title></head><body><article><p>` +
	`Foreign Minister Andrii Sybiha said on Thursday that Ukraine would attend the talks.</p></article></body></html>`

// result is what Walk reported for one article or failure, in a form easy to compare.
type result struct {
	Source, Format, URL, Title, Published, Raw, Err string
}

func walk(t *testing.T, inputs []string, opts Options) []result {
	t.Helper()
	var got []result
	err := Walk(context.Background(), inputs, opts, func(d *doc.Document, err error) error {
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("error %v is not a *source.Error", err)
			}
			got = append(got, result{Err: err.Error()})
			return nil
		}
		if d.ID == "" || len(d.ID) != 16 {
			t.Errorf("%s: bad id %q", d.Source, d.ID)
		}
		got = append(got, result{Source: d.Source, Format: d.Format, URL: d.URL, Title: d.Title, Published: d.Published, Raw: string(d.Raw)})
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return got
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func write(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func zlibbed(s string) string {
	var buf bytes.Buffer
	w := zlib.NewWriter(&buf)
	w.Write([]byte(s))
	w.Close()
	return buf.String()
}

func warcFile(t *testing.T, compress bool, recs ...warctest.Record) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := warctest.Write(&buf, compress, recs...); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestWalkFormats(t *testing.T) {
	dir := t.TempDir()
	rec := warctest.Record{URI: "https://news.example/talks", Date: "2025-01-09T10:00:00Z", Body: page}
	bigPage := strings.Replace(page, "</article>", strings.Repeat("<p>More reporting from Kyiv and Brussels.</p>", 300)+"</article>", 1)
	tests := []struct {
		name string
		file string
		data []byte
		want []result
	}{
		{"text", "a.txt", []byte(article), []result{{Format: "text", Raw: article}}},
		{"html", "a.html", []byte(page), []result{{Format: "html", Raw: page}}},
		{"htm gzip", "a.htm.gz", gz([]byte(page)), []result{{Format: "html", Raw: page}}},
		{"text gzip", "a.txt.gz", gz([]byte(article)), []result{{Format: "text", Raw: article}}},
		{"txt holding html is html", "b.txt", []byte(page), []result{{Format: "html", Raw: page}}},
		{"unknown extension sniffed as text", "a.dat", []byte(article), []result{{Format: "text", Raw: article}}},
		{"unknown extension sniffed as html", "b.dat", []byte(page), []result{{Format: "html", Raw: page}}},
		{"jsonl", "a.jsonl", []byte(`{"text":"One.","url":"https://x.example/1","title":"T","published":"2025-01-09"}` + "\n\n" +
			`{"html":"<p>Two.</p>"}` + "\r\n"),
			[]result{{Source: ":1", Format: "text", URL: "https://x.example/1", Title: "T", Published: "2025-01-09", Raw: "One."},
				{Source: ":3", Format: "html", Raw: "<p>Two.</p>"}}},
		{"jsonl in news-please form", "np.jsonl", []byte(`{"maintext":"One.","title":"T","url":"https://x.example/1","date_publish":"2017-02-21 10:12:00","language":"en"}`),
			[]result{{Source: ":1", Format: "text", URL: "https://x.example/1", Title: "T", Published: "2017-02-21 10:12:00", Raw: "One."}}},
		{"jsonl bad lines go on", "b.jsonl", []byte(`{"text":"One."}` + "\n{broken\n" + `{"url":"u"}` + "\n" + `{"text":"Four."}`),
			[]result{{Source: ":1", Format: "text", Raw: "One."},
				{Err: ":2: invalid JSON at byte 2: invalid character 'b' looking for beginning of object key string"},
				{Err: `:3: no "text" or "html" field with content`},
				{Source: ":4", Format: "text", Raw: "Four."}}},
		{"warc", "a.warc", warcFile(t, false, rec), []result{{Source: "#record-2", Format: "html", URL: "https://news.example/talks", Published: "2025-01-09T10:00:00Z", Raw: page}}},
		{"warc.gz skips non-articles", "a.warc.gz", warcFile(t, true,
			warctest.Record{Type: "request", URI: "https://news.example/talks", Body: "GET / HTTP/1.1\r\n\r\n"},
			rec,
			warctest.Record{URI: "https://news.example/gone", Status: 404, Body: "<p>gone</p>"},
			warctest.Record{URI: "https://news.example/logo.png", ContentType: "image/png", Body: "PNG"},
			warctest.Record{URI: "https://news.example/two", Body: strings.Replace(page, "Thursday", "Friday", 1)}),
			[]result{{Source: "#record-3", Format: "html", URL: "https://news.example/talks", Published: "2025-01-09T10:00:00Z", Raw: page},
				{Source: "#record-6", Format: "html", URL: "https://news.example/two", Raw: strings.Replace(page, "Thursday", "Friday", 1)}}},
		{"warc record over 4 KB", "big.warc", warcFile(t, false, warctest.Record{URI: "https://news.example/big", Body: bigPage}), []result{{Source: "#record-2", Format: "html", URL: "https://news.example/big", Raw: bigPage}}},
		{"empty", "empty.txt", nil, []result{{Err: ": empty input"}}},
		{"blank", "blank.txt", []byte(" \n\t\n"), []result{{Err: ": empty input"}}},
		{"binary", "bin.txt", []byte("PK\x03\x04\x00\x00\x08\x00binary"), []result{{Err: ": binary data, not text"}}},
		{"truncated gzip", "cut.txt.gz", gz([]byte(strings.Repeat(article, 50)))[:60], []result{{Err: ": truncated input: unexpected EOF"}}},
		{"not gzip after all", "bad.txt.gz", []byte("\x1f\x8bnot really"), []result{{Err: ": bad gzip data: gzip: invalid header"}}},
		{"jsonl that is not", "c.jsonl", []byte(article), []result{{Err: ": not JSON Lines (first line is not a JSON object)"}}},
		{"warc that is not", "c.warc", []byte(article), []result{{Err: ": not a WARC file (no WARC/ version line)"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := write(t, dir, tc.file, tc.data)
			got := walk(t, []string{p}, Options{})
			// names in the table are relative to the file
			for i := range tc.want {
				if tc.want[i].Err != "" {
					tc.want[i].Err = p + tc.want[i].Err
				} else {
					tc.want[i].Source = p + tc.want[i].Source
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d results %+v, want %d %+v", len(got), got, len(tc.want), tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("result %d:\n got %+v\nwant %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestWalkTruncatedWARC(t *testing.T) {
	dir := t.TempDir()
	full := warcFile(t, false,
		warctest.Record{URI: "https://news.example/1", Body: page},
		warctest.Record{URI: "https://news.example/2", Body: page + strings.Repeat("<p>More text here.</p>", 50)})
	cut := full[:len(full)-500]
	members := warcFile(t, true,
		warctest.Record{URI: "https://news.example/1", Body: page},
		warctest.Record{URI: "https://news.example/2", Body: page + strings.Repeat("<p>More text here.</p>", 50)})
	for _, tc := range []struct {
		name string
		file string
		data []byte
	}{
		{"plain", "cut.warc", cut},
		{"gzip stream cut", "cut.warc.gz", gz(full)[:len(gz(full))-20]},
		{"gzip member cut", "cut2.warc.gz", members[:len(members)-20]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := write(t, dir, tc.file, tc.data)
			got := walk(t, []string{p}, Options{})
			if len(got) != 2 {
				t.Fatalf("got %+v, want the first record and one error", got)
			}
			if got[0].Source != p+"#record-2" || got[0].Err != "" {
				t.Errorf("first record: %+v", got[0])
			}
			if !strings.HasPrefix(got[1].Err, p+"#record-3: ") || !strings.Contains(got[1].Err, "truncated") {
				t.Errorf("error %q does not name the record", got[1].Err)
			}
		})
	}
}

func TestWalkMaxBytes(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat(article, 40) // 4 KB
	flat := strings.Repeat("word ", 800)
	tests := []struct {
		name, file string
		data       []byte
		want       []string // sources of articles, or "!"+input for errors
	}{
		{"text", "big.txt", []byte(big), []string{"!big.txt"}},
		{"gzip bomb", "big.txt.gz", gz([]byte(strings.Repeat("a", 1<<20))), []string{"!big.txt.gz"}},
		{"jsonl line", "big.jsonl", []byte(`{"text":"small"}` + "\n" + `{"text":"` + flat + `"}` + "\n" + `{"text":"small again"}`),
			[]string{"big.jsonl:1", "!big.jsonl:2", "big.jsonl:3"}},
		{"jsonl last line", "last.jsonl", []byte(`{"text":"small"}` + "\n" + `{"text":"` + flat + `"}`), []string{"last.jsonl:1", "!last.jsonl:2"}},
		{"warc record", "big.warc", warcFile(t, false, warctest.Record{URI: "u1", Body: page + big}, warctest.Record{URI: "u2", Body: page}),
			[]string{"!big.warc#record-2", "big.warc#record-3"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := write(t, dir, tc.file, tc.data)
			got := walk(t, []string{p}, Options{MaxBytes: 1000})
			var names []string
			for _, r := range got {
				if r.Err != "" {
					if !strings.Contains(r.Err, "larger than the size limit") {
						t.Errorf("error %q", r.Err)
					}
					names = append(names, "!"+filepath.Base(strings.SplitN(r.Err, ": ", 2)[0]))
				} else {
					names = append(names, filepath.Base(r.Source))
				}
			}
			if strings.Join(names, " ") != strings.Join(tc.want, " ") {
				t.Errorf("got %v, want %v", names, tc.want)
			}
		})
	}
}

// TestWalkHugeFile reads a sparse 2 GiB file: the size limit must stop it after MaxBytes, without reading
// (or allocating) the rest.
func TestWARCCharset(t *testing.T) {
	// "Київ" in windows-1251, served with the charset in the HTTP header only
	body := "<html><body><article><p>\xca\xe8\xbf\xe2 said on Monday that talks would resume.</p></article></body></html>"
	p := write(t, t.TempDir(), "cp.warc", warcFile(t, false, warctest.Record{URI: "https://news.example/k", ContentType: "text/html; charset=windows-1251", Body: body}))
	var got *doc.Document
	Walk(context.Background(), []string{p}, Options{}, func(d *doc.Document, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		got = d
		return nil
	})
	if got == nil || !strings.Contains(string(got.Raw), "<p>Київ said") || len(got.Warnings) != 1 {
		t.Errorf("got %+v", got)
	}
}

func TestJSONLLongLine(t *testing.T) {
	long := strings.Repeat("Talks resumed in Geneva. ", 8000) // 200 KB, over the 64 KB read buffer
	data := `{"text":"` + long + `"}` + "\n" + `{"text":"short"}` + "\n"
	got := walk(t, []string{write(t, t.TempDir(), "long.jsonl", []byte(data))}, Options{})
	if len(got) != 2 || got[0].Raw != long || got[1].Raw != "short" {
		t.Errorf("got %d results", len(got))
	}
}

func TestWARCTransferEncodings(t *testing.T) {
	var chunked strings.Builder
	for i := 0; i < len(page); i += 100 {
		part := page[i:min(i+100, len(page))]
		fmt.Fprintf(&chunked, "%x\r\n%s\r\n", len(part), part)
	}
	chunked.WriteString("0\r\n\r\n")
	zipped := string(gz([]byte(page)))
	var zipChunked strings.Builder
	fmt.Fprintf(&zipChunked, "%x\r\n%s\r\n0\r\n\r\n", len(zipped), zipped)
	tests := []struct {
		name   string
		header []string
		body   string
	}{
		{"gzip", []string{"Content-Encoding: gzip"}, zipped},
		{"chunked", []string{"Transfer-Encoding: chunked"}, chunked.String()},
		{"chunked gzip", []string{"Transfer-Encoding: chunked", "Content-Encoding: gzip"}, zipChunked.String()},
		{"deflate", []string{"Content-Encoding: deflate"}, zlibbed(page)},
		{"declared but already decoded", []string{"Transfer-Encoding: chunked", "Content-Encoding: gzip"}, page},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := write(t, t.TempDir(), "a.warc", warcFile(t, false, warctest.Record{URI: "https://news.example/a", Header: tc.header, Body: tc.body}))
			got := walk(t, []string{p}, Options{})
			if len(got) != 1 || got[0].Raw != page {
				t.Errorf("got %+v", got)
			}
		})
	}
}

func TestWalkHugeFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(article)
	if err := f.Truncate(2 << 30); err != nil {
		f.Close()
		t.Skipf("cannot make a sparse file here: %v", err)
	}
	f.Close()
	got := walk(t, []string{p}, Options{MaxBytes: 1 << 20})
	if len(got) != 1 || !strings.HasPrefix(got[0].Err, p+": article larger than the size limit") {
		t.Errorf("got %+v", got)
	}
}

func TestWalkDirectory(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b.txt", []byte(article))
	write(t, dir, "a/z.html", []byte(page))
	write(t, dir, "a/b.txt", []byte(article))
	write(t, dir, "c.jsonl", []byte(`{"text":"x"}`))
	write(t, dir, "notes.md", []byte("ignored: unknown extension in a directory"))
	write(t, dir, ".hidden.txt", []byte(article))
	write(t, dir, ".git/x.txt", []byte(article))
	write(t, dir, "empty.txt", nil)
	got := walk(t, []string{dir, "-", filepath.Join(dir, "missing.txt")}, Options{Stdin: strings.NewReader(page)})
	var names []string
	for _, r := range got {
		if r.Err != "" {
			names = append(names, "!"+strings.TrimPrefix(r.Err, dir+"/"))
		} else {
			names = append(names, strings.TrimPrefix(r.Source, dir+"/")+"="+r.Format)
		}
	}
	want := []string{"a/b.txt=text", "a/z.html=html", "b.txt=text", "c.jsonl:1=text", "!empty.txt: empty input", "-=html",
		"!missing.txt: no such file or directory"}
	if strings.Join(names, "|") != strings.Join(want, "|") {
		t.Errorf("got  %q\nwant %q", names, want)
	}
	if n, ok := Count([]string{filepath.Join(dir, "a")}); n != 2 || !ok {
		t.Errorf("Count(a) = %d, %v; want 2, true", n, ok)
	}
	if _, ok := Count([]string{dir}); ok {
		t.Errorf("Count(dir with jsonl) is exact")
	}
}

func TestWalkUnreadable(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", []byte(article))
	p := write(t, dir, "b.txt", []byte(article))
	write(t, dir, "c.txt", []byte(article))
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(p, 0o644)
	if f, err := os.Open(p); err == nil {
		f.Close()
		t.Skip("running with privileges that read a mode 000 file (root?): cannot test")
	}
	got := walk(t, []string{dir}, Options{})
	if len(got) != 3 || got[1].Err != p+": permission denied" || got[0].Err != "" || got[2].Err != "" {
		t.Errorf("got %+v", got)
	}
}

func TestID(t *testing.T) {
	a := ID("https://x.example/1", []byte(article))
	if a != ID("https://x.example/1", []byte(article)) {
		t.Error("ID is not stable")
	}
	if a == ID("https://x.example/2", []byte(article)) || a == ID("https://x.example/1", []byte(article+" ")) {
		t.Error("ID ignores its input")
	}
	// pinned: the same input must give the same id on every machine and in every version
	if got, want := ID("", []byte("hello")), "a1ad92f331dce2e0"; got != want {
		t.Errorf("ID = %s, want %s", got, want)
	}
}

func TestWalkStopsWhenFnFails(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", []byte(article))
	write(t, dir, "b.txt", []byte(article))
	stop := errors.New("stop")
	n := 0
	err := Walk(context.Background(), []string{dir}, Options{}, func(*doc.Document, error) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("Walk = %v after %d calls, want stop after 1", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Walk(ctx, []string{dir}, Options{}, func(*doc.Document, error) error { return nil }); err != context.Canceled {
		t.Errorf("Walk with a cancelled context = %v", err)
	}
}

// FuzzWalk feeds arbitrary bytes to the readers as standard input: they must never panic, and every article
// they yield must be within the size limit and carry an id and a format.
func FuzzWalk(f *testing.F) {
	f.Add([]byte(article))
	f.Add([]byte(page))
	f.Add(gz([]byte(page)))
	f.Add([]byte(`{"text":"One."}` + "\n{bad\n"))
	var buf bytes.Buffer
	warctest.Write(&buf, true, warctest.Record{URI: "u", Body: page})
	f.Add(buf.Bytes())
	buf.Reset()
	warctest.Write(&buf, false, warctest.Record{URI: "u", Body: page})
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, in []byte) {
		err := Walk(context.Background(), []string{"-"}, Options{MaxBytes: 1 << 16, Stdin: bytes.NewReader(in)}, func(d *doc.Document, err error) error {
			if err != nil {
				if !strings.HasPrefix(err.Error(), "-") {
					t.Errorf("error %q does not name the input", err)
				}
				return nil
			}
			if d.ID == "" || (d.Format != "html" && d.Format != "text") || len(d.Raw) > 1<<16 || len(d.Raw) == 0 {
				t.Errorf("bad document: id %q format %q %d bytes", d.ID, d.Format, len(d.Raw))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
