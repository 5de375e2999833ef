package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/newsgraph/newsgraph/internal/source/warctest"
)

// extract runs "newsgraph extract args..." in process and returns its exit status, stdout and stderr.
func extract(t *testing.T, stdin io.Reader, args ...string) (int, string, string) {
	t.Helper()
	if stdin != nil {
		old := extractStdin
		extractStdin = stdin
		defer func() { extractStdin = old }()
	}
	var out, errb bytes.Buffer
	code := run(append([]string{"extract"}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

// decodeDocs decodes a stream of JSON documents (one per line or indented) into generic maps.
func decodeDocs(t *testing.T, s string) []map[string]any {
	t.Helper()
	var docs []map[string]any
	dec := json.NewDecoder(strings.NewReader(s))
	for {
		var d map[string]any
		if err := dec.Decode(&d); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("output is not a JSON stream: %v\n%s", err, s)
		}
		docs = append(docs, d)
	}
	return docs
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("../../docs/schema/document.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("document.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("document.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestExtractExamples runs extract on every example and validates each document against the project's
// schema, and checks the spans against the text they index (in code points).
func TestExtractExamples(t *testing.T) {
	code, out, stderr := extract(t, nil, "--jsonl", "--sentences", "../../examples")
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	schema := compileSchema(t)
	if bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"schema":"newsgraph/1","id":"x","language":"en"}`)); schema.Validate(bad) == nil {
		t.Fatal("the schema accepts a document without text")
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	want := []string{"briefs.jsonl:1", "briefs.jsonl:2", "briefs.jsonl:3", "crawl.warc.gz#record-3", "crawl.warc.gz#record-5",
		"donetsk-strikes.txt", "kallas-sanctions.html", "rubio-nato-summit.html", "sybiha-vilnius-uk.txt", "zelensky-brussels.txt"}
	if len(lines) != len(want) {
		t.Fatalf("%d documents, want %d:\n%s", len(lines), len(want), out)
	}
	for i, line := range lines {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(line))
		if err != nil {
			t.Fatal(err)
		}
		var d struct {
			Source, Text, Language, Published string
			Sentences                         []struct{ Start, End int }
			Warnings                          []string
		}
		json.Unmarshal([]byte(line), &d)
		t.Run(filepath.Base(d.Source), func(t *testing.T) {
			if err := schema.Validate(inst); err != nil {
				t.Errorf("schema: %v", err)
			}
			if filepath.Base(d.Source) != want[i] {
				t.Errorf("source %q, want %q (input order)", d.Source, want[i])
			}
			wantLang := "en"
			if strings.HasSuffix(d.Source, "-uk.txt") {
				wantLang = "uk"
			}
			if d.Language != wantLang || len(d.Text) < 500 {
				t.Errorf("language %q (want %s), %d bytes of text", d.Language, wantLang, len(d.Text))
			}
			if skipped := strings.Contains(strings.Join(d.Warnings, " "), "not English"); skipped != (wantLang != "en") {
				t.Errorf("warnings %q: English-only stages skipped = %v", d.Warnings, skipped)
			}
			runes := []rune(d.Text)
			if len(d.Sentences) < 3 {
				t.Errorf("%d sentences", len(d.Sentences))
			}
			prev := 0
			for _, s := range d.Sentences {
				if s.Start < prev || s.End < s.Start || s.End > len(runes) {
					t.Errorf("sentence [%d,%d) out of order or bounds (text %d code points)", s.Start, s.End, len(runes))
				}
				prev = s.End
			}
		})
	}
	// more workers than CPUs: the same documents in the same (input) order
	_, many, _ := extract(t, nil, "--jsonl", "--sentences", "--workers", "5", "../../examples")
	if many != out {
		t.Errorf("output with --workers 5 differs from the default run")
	}
	// the same input gives the same ids
	_, again, _ := extract(t, nil, "--jsonl", "../../examples/zelensky-brussels.txt", "../../examples/briefs.jsonl")
	ids := map[string]bool{}
	for _, d := range decodeDocs(t, out) {
		ids[d["id"].(string)] = true
	}
	for _, d := range decodeDocs(t, again) {
		if !ids[d["id"].(string)] {
			t.Errorf("id %v of %v changed between runs", d["id"], d["source"])
		}
	}
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// TestExtractBadInput checks that each bad input gets one line on stderr naming it, that the good inputs are
// still processed, and that the exit status is 1.
func TestExtractBadInput(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile("../../examples/donetsk-strikes.txt")
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile("../../examples/kallas-sanctions.html")
	if err != nil {
		t.Fatal(err)
	}
	var warc bytes.Buffer
	warctest.Write(&warc, false,
		warctest.Record{URI: "https://europedesk.example/a", Date: "2025-05-21T06:00:00Z", Body: string(page)},
		warctest.Record{URI: "https://europedesk.example/b", Body: string(page)})
	files := map[string][]byte{
		"a-good.txt":         good,
		"b-empty.txt":        nil,
		"c-binary.txt":       {0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 1, 0},
		"d-truncated.txt.gz": gzipped(good)[:200],
		"e-truncated.warc":   warc.Bytes()[:warc.Len()-300],
		"f-no-article.html":  []byte(`<html><head><title>Europe Desk</title></head><body><nav><a href="/">Home</a> <a href="/eu">EU</a></nav><footer>© 2025 Europe Desk</footer></body></html>`),
		"g-big.txt":          bytes.Repeat(good, 20),
		"h-lines.jsonl":      []byte(`{"text":"Officials in Kyiv said on Monday that the talks in Geneva would resume next week."}` + "\n{\"text\": oops}\n"),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// a file that cannot be opened even by root: a dangling symbolic link
	if err := os.Symlink(filepath.Join(dir, "gone.txt"), filepath.Join(dir, "i-dangling.txt")); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := extract(t, nil, "--jsonl", "--max-bytes", "20000", dir, filepath.Join(dir, "missing.html"))
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	wantErr := []string{
		"b-empty.txt: empty input",
		"c-binary.txt: binary data, not text",
		"d-truncated.txt.gz: truncated input",
		"e-truncated.warc#record-3: truncated WARC record",
		"f-no-article.html: clean: no article text",
		"g-big.txt: article larger than the size limit",
		"h-lines.jsonl:2: invalid JSON",
		"i-dangling.txt: no such file or directory",
		"missing.html: no such file or directory",
	}
	errLines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(errLines) != len(wantErr) {
		t.Fatalf("stderr has %d lines, want %d:\n%s", len(errLines), len(wantErr), stderr)
	}
	for i, w := range wantErr {
		if !strings.HasPrefix(errLines[i], "newsgraph: "+filepath.Join(dir, w)) {
			t.Errorf("stderr line %d = %q, want it to start with %q", i, errLines[i], "newsgraph: "+filepath.Join(dir, w))
		}
	}
	var sources []string
	for _, d := range decodeDocs(t, out) {
		sources = append(sources, strings.TrimPrefix(d["source"].(string), dir+"/"))
	}
	if got := strings.Join(sources, " "); got != "a-good.txt e-truncated.warc#record-2 h-lines.jsonl:1" {
		t.Errorf("documents from %s", got)
	}
}

func TestExtractUnreadable(t *testing.T) {
	dir := t.TempDir()
	good, _ := os.ReadFile("../../examples/donetsk-strikes.txt")
	os.WriteFile(filepath.Join(dir, "a.txt"), good, 0o644)
	locked := filepath.Join(dir, "b.txt")
	os.WriteFile(locked, good, 0o644)
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	if f, err := os.Open(locked); err == nil {
		f.Close()
		t.Skip("mode 000 files are readable here (running as root?): cannot test")
	}
	code, out, stderr := extract(t, nil, dir)
	if code != 1 || strings.TrimSpace(stderr) != "newsgraph: "+locked+": permission denied" || len(decodeDocs(t, out)) != 1 {
		t.Errorf("exit %d, stderr %q, output %q", code, stderr, out)
	}
}

func TestExtractFlags(t *testing.T) {
	text := "Kallas urges new sanctions\n\nEU foreign policy chief Kaja Kallas said on Tuesday that the bloc must tighten sanctions on Russia.\n"
	code, out, stderr := extract(t, strings.NewReader(text), "--pretty", "--published", "2025-05-20", "--url", "https://europedesk.example/k", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "\n  \"id\": ") {
		t.Errorf("--pretty output is not indented:\n%s", out)
	}
	docs := decodeDocs(t, out)
	if len(docs) != 1 {
		t.Fatalf("%d documents", len(docs))
	}
	d := docs[0]
	for k, want := range map[string]string{"source": "-", "published": "2025-05-20", "url": "https://europedesk.example/k",
		"title": "Kallas urges new sanctions", "language": "en", "schema": "newsgraph/1"} {
		if d[k] != want {
			t.Errorf("%s = %v, want %q", k, d[k], want)
		}
	}
	if _, ok := d["sentences"]; ok {
		t.Errorf("sentences printed without --sentences")
	}

	for _, tc := range []struct {
		name string
		args []string
	}{
		{"no input", nil},
		{"bad date", []string{"--published", "next week", "x.txt"}},
		{"bad size", []string{"--max-bytes", "0", "x.txt"}},
		{"unknown flag", []string{"--frobnicate", "x.txt"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if code, _, stderr := extract(t, nil, tc.args...); code != 2 || stderr == "" {
				t.Errorf("exit %d, stderr %q; want 2 and a message", code, stderr)
			}
		})
	}
	if code, _, stderr := extract(t, nil, "-h"); code != 0 || !strings.Contains(stderr, "-max-bytes") {
		t.Errorf("-h: exit %d, usage %q", code, stderr)
	}
	if code, out, stderr := extract(t, nil, "--html-fallback", "../../examples/kallas-sanctions.html"); code != 0 || !strings.Contains(out, "bargaining chip") {
		t.Errorf("--html-fallback: exit %d, stderr %q", code, stderr)
	}
	// Flags may follow the inputs, as for the other commands; "--" ends the flags.
	if code, out, stderr := extract(t, nil, "../../examples/briefs.jsonl", "--jsonl"); code != 0 || strings.Count(out, "\n") != 3 {
		t.Errorf("flag after input: exit %d, %d lines, stderr %q; want 3 JSON lines", code, strings.Count(out, "\n"), stderr)
	}
	if code, _, stderr := extract(t, nil, "--", "--jsonl"); code != 1 || !strings.Contains(stderr, "--jsonl") {
		t.Errorf("after --: exit %d, stderr %q; want --jsonl read as a (missing) input", code, stderr)
	}
	if code, _, stderr := extract(t, nil, t.TempDir()); code != 1 || !strings.Contains(stderr, "no articles in") {
		t.Errorf("empty directory: exit %d, stderr %q", code, stderr)
	}
}
