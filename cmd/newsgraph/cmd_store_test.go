package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
	"github.com/newsgraph/newsgraph/internal/store/storetest"
)

// fixtureDB returns a database holding the store conformance fixtures.
func fixtureDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "kb.db")
	s, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Put(context.Background(), storetest.Fixtures()); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestQueryCommands(t *testing.T) {
	db := fixtureDB(t)
	tests := []struct {
		name string
		args []string
		code int
		want []string // lines (or parts of lines) of stdout, in order
		err  string   // part of stderr
	}{
		{"search", []string{"search", "--db", db, "sanctions"}, 0, []string{"DATE", "2025-08-20  b2", "2025-08-18  a1"}, ""},
		{"search folded", []string{"search", "--db", db, "MULLER"}, 0, []string{"2025-07-02  c3", "Zelensky meets Müller in Berlin", "⟦Müller⟧"}, ""},
		{"search quotes", []string{"search", "--db", db, "--in", "quotes", "children"}, 0, []string{"b2", "⟦children⟧"}, ""},
		{"search hostile", []string{"search", "--db", db, `'); DROP TABLE documents; -- NEAR(`}, 0, []string{"(no matches)"}, ""},
		{"search nothing to find", []string{"search", "--db", db, "!!!"}, 2, nil, "no word to search for"},
		{"quotes by speaker", []string{"quotes", "--db", db, "--speaker", "Rubio"}, 0, []string{
			"2025-08-20  Marco Rubio  indirect  Washington would weigh new sanctions",
			"2025-08-18  Marco Rubio  direct    We will not ease the pressure until the guns fall silent"}, ""},
		{"quotes about since", []string{"quotes", "--db", db, "--about", "power plants", "--since", "2025-08"}, 0, []string{"Volodymyr Zelenskyy  indirect  Russian drones"}, ""},
		{"quotes paged", []string{"quotes", "--db", db, "--limit", "1"}, 0, []string{"Washington would weigh", "(more: --cursor "}, ""},
		{"quotes bad date", []string{"quotes", "--db", db, "--since", "yesterday"}, 2, nil, "not a date"},
		{"quotes unknown speaker", []string{"quotes", "--db", db, "--speaker", "Nobody Known"}, 1, nil, "not found"},
		{"entities top", []string{"entities", "--db", db, "--top", "2"}, 0, []string{
			"MENTIONS", "4         2     2       PERSON  Marco Rubio", "4         2     2       PERSON  Volodymyr Zelenskyy"}, ""},
		{"entities type", []string{"entities", "--db", db, "--type", "LOC", "--top", "1"}, 0, []string{"LOC   Kyiv  loc:geonames:703448"}, ""},
		{"entities bad type", []string{"entities", "--db", db, "--type", "PLANET"}, 2, nil, "PLANET"},
		{"entity profile", []string{"entity", "--db", db, "Volodymyr", "Zelenskyy"}, 0, []string{
			"Volodymyr Zelenskyy (PERSON, person:volodymyr-zelensky)", "titles     President (2)", "countries  UA (2)",
			"seen       2025-07-02 … 2025-08-20", "Appears with", "Latest quotations:", "Places in its documents:", "Kyiv", "Latest documents:"}, ""},
		{"entity flags after name", []string{"entity", "Rubio", "--db", db}, 0, []string{"Marco Rubio (PERSON, person:marco-rubio)"}, ""},
		{"entity unknown", []string{"entity", "--db", db, "Nobody"}, 1, nil, "not found"},
		{"timeline", []string{"timeline", "--db", db, "--entity", "person:marco-rubio"}, 0, []string{
			"2025-08-18  event", "2025-08-18  article", "2025-08-18  quote    Marco Rubio: “We will not ease", "2025-08-20  article", "2025-08-20  quote"}, ""},
		{"timeline about", []string{"timeline", "--db", db, "--about", "tram"}, 0, []string{"2025-07-02  article", "2025-07-02  quote    Katja Müller"}, ""},
		{"missing db", []string{"entities", "--db", filepath.Join(t.TempDir(), "none.db")}, 1, nil, "no database"},
		{"negative top", []string{"entities", "--db", db, "--top", "-5"}, 2, nil, "newsgraph entities: --top must be at least 1, not -5"},
		{"zero limit", []string{"quotes", "--db", db, "--limit", "0"}, 2, nil, "newsgraph quotes: --limit must be at least 1, not 0"},
		{"negative limit", []string{"search", "--db", db, "--limit", "-1", "x"}, 2, nil, "newsgraph search: --limit must be at least 1, not -1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, out, errOut)
			}
			rest := out
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Errorf("stdout lacks %q (in order)\n%s", w, out)
					break
				}
				rest = rest[i+len(w):]
			}
			if !strings.Contains(errOut, tt.err) {
				t.Errorf("stderr %q lacks %q", errOut, tt.err)
			}
		})
	}
}

func TestQueryCommandsJSON(t *testing.T) {
	db := fixtureDB(t)
	var quotes store.Page[store.Quote]
	code, out, _ := runCmd(t, "quotes", "--db", db, "--json", "--speaker", "person:volodymyr-zelensky")
	if code != 0 || json.Unmarshal([]byte(out), &quotes) != nil || len(quotes.Items) != 2 {
		t.Fatalf("quotes --json: %d %s", code, out)
	}
	var prof store.Profile
	code, out, _ = runCmd(t, "entity", "--db", db, "--json", "Rubio")
	if code != 0 || json.Unmarshal([]byte(out), &prof) != nil || prof.Key != "person:marco-rubio" || len(prof.LatestQuotes) != 2 {
		t.Fatalf("entity --json: %d %s", code, out)
	}
	var ents store.Page[store.Entity]
	code, out, _ = runCmd(t, "entities", "--db", db, "--json", "--top", "100000")
	if code != 0 || json.Unmarshal([]byte(out), &ents) != nil || len(ents.Items) != 12 {
		t.Fatalf("entities --json with a huge --top: %d %s", code, out)
	}
	var tl store.Page[store.TimelineItem]
	code, out, _ = runCmd(t, "timeline", "--db", db, "--json", "--limit", "3")
	if code != 0 || json.Unmarshal([]byte(out), &tl) != nil || len(tl.Items) != 3 || tl.Next == "" {
		t.Fatalf("timeline --json: %d %s", code, out)
	}
	code, out, _ = runCmd(t, "timeline", "--db", db, "--json", "--limit", "100", "--cursor", tl.Next)
	var rest store.Page[store.TimelineItem]
	if code != 0 || json.Unmarshal([]byte(out), &rest) != nil || len(rest.Items) != 8 {
		t.Fatalf("timeline page 2: %d %s", code, out)
	}
}

func TestDefaultDB(t *testing.T) {
	t.Setenv("NEWSGRAPH_DB", "")
	t.Setenv("XDG_DATA_HOME", "/data/x")
	if got := defaultDB(); got != "/data/x/newsgraph/newsgraph.db" {
		t.Errorf("defaultDB = %q", got)
	}
	t.Setenv("NEWSGRAPH_DB", "/tmp/k.db")
	if got := defaultDB(); got != "/tmp/k.db" {
		t.Errorf("defaultDB with NEWSGRAPH_DB = %q", got)
	}
}

// writeArticles writes n short articles, written for this test, as one JSON Lines file.
func writeArticles(t *testing.T, dir string, n int) string {
	t.Helper()
	people := []string{"Anna Lindqvist", "Tomas Berger", "Maria Okafor", "Pieter de Wit", "Elena Marchetti"}
	cities := []string{"Brussels", "Vienna", "Warsaw", "Lisbon", "Helsinki"}
	var b strings.Builder
	for i := range n {
		p, c := people[i%len(people)], cities[(i/5)%len(cities)]
		text := fmt.Sprintf("Foreign Minister %s arrived in %s on Tuesday for talks on energy security, article %d.\n\n"+
			"\"We need a common approach before the winter,\" %s told reporters after the meeting. "+
			"Officials said a joint statement would follow next week.", p, c, i, p)
		line, _ := json.Marshal(map[string]string{"text": text, "url": fmt.Sprintf("https://news.example/%d", i),
			"title": fmt.Sprintf("%s visits %s", p, c), "published": fmt.Sprintf("2025-09-%02d", 1+i%28)})
		b.Write(line)
		b.WriteByte('\n')
	}
	path := filepath.Join(dir, "articles.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

var summaryRE = regexp.MustCompile(`ingest: (\d+) stored, (\d+) skipped \(already stored\), (\d+) failed`)

func summary(t *testing.T, stderr string) (stored, skipped, failed int) {
	t.Helper()
	m := summaryRE.FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no summary line in stderr:\n%s", stderr)
	}
	fmt.Sscan(m[1], &stored)
	fmt.Sscan(m[2], &skipped)
	fmt.Sscan(m[3], &failed)
	return
}

func TestIngestIdempotentAndReprocess(t *testing.T) {
	dir := t.TempDir()
	in := writeArticles(t, dir, 12)
	db := filepath.Join(dir, "kb.db")
	code, _, errOut := runCmd(t, "ingest", "--db", db, "--batch", "5", in)
	if st, sk, f := summary(t, errOut); code != 0 || st != 12 || sk != 0 || f != 0 {
		t.Fatalf("first ingest: exit %d, %d stored %d skipped %d failed\n%s", code, st, sk, f, errOut)
	}
	code, _, errOut = runCmd(t, "ingest", "--db", db, in, in)
	if st, sk, f := summary(t, errOut); code != 0 || st != 0 || sk != 24 || f != 0 {
		t.Fatalf("second ingest: exit %d, %d stored %d skipped %d failed\n%s", code, st, sk, f, errOut)
	}
	before := stats(t, db)
	code, _, errOut = runCmd(t, "ingest", "--db", db, "--reprocess")
	if st, _, f := summary(t, errOut); code != 0 || st != 12 || f != 0 {
		t.Fatalf("reprocess: exit %d\n%s", code, errOut)
	}
	if after := stats(t, db); after != before {
		t.Errorf("reprocessing the same text changed the store: %+v → %+v", before, after)
	}
	code, out, _ := runCmd(t, "search", "--db", db, "--json", "winter")
	var hits store.Page[store.SearchHit]
	if code != 0 || json.Unmarshal([]byte(out), &hits) != nil || len(hits.Items) != 12 {
		t.Errorf("search after ingest: %d %s", code, out)
	}
}

func stats(t *testing.T, db string) store.Stats {
	t.Helper()
	s, err := sqlite.Open(context.Background(), db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.IntegrityCheck(context.Background()); err != nil {
		t.Fatalf("integrity: %v", err)
	}
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// storedTexts returns the stored text and publication date of every document, by id.
func storedTexts(t *testing.T, db string) map[string]string {
	t.Helper()
	s, err := sqlite.Open(context.Background(), db, sqlite.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	out := map[string]string{}
	for after := ""; ; {
		ds, err := s.Stored(context.Background(), after, 100)
		if err != nil {
			t.Fatal(err)
		}
		if len(ds) == 0 {
			return out
		}
		for _, d := range ds {
			out[d.ID] = d.Published + "\n" + d.Text
		}
		after = ds[len(ds)-1].ID
	}
}

// TestIngestCrashChild is the child process of TestIngestCrashSafety; it does nothing on its own.
func TestIngestCrashChild(t *testing.T) {
	if os.Getenv("NEWSGRAPH_CRASH_CHILD") != "1" {
		t.Skip("child process of TestIngestCrashSafety")
	}
	ingestHook = func() {
		fmt.Println("IN-TRANSACTION")
		time.Sleep(200 * time.Millisecond)
	}
	code := run([]string{"ingest", "--db", os.Getenv("NEWSGRAPH_CRASH_DB"), "--batch", "10", "--workers", "1", os.Getenv("NEWSGRAPH_CRASH_INPUT")}, os.Stdout, os.Stderr)
	fmt.Println("EXIT", code)
}

// TestIngestCrashSafety kills an ingesting process with SIGKILL while a write transaction is open, then checks
// that the store is intact, holds exactly the committed batches, every document whole, and that running
// ingest again resumes and completes.
func TestIngestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	dir := t.TempDir()
	in := writeArticles(t, dir, 60)
	db := filepath.Join(dir, "kb.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestIngestCrashChild$", "-test.v")
	cmd.Env = append(os.Environ(), "NEWSGRAPH_CRASH_CHILD=1", "NEWSGRAPH_CRASH_DB="+db, "NEWSGRAPH_CRASH_INPUT="+in)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var childErr bytes.Buffer
	cmd.Stderr = &childErr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	seen := 0
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "IN-TRANSACTION") {
			seen++
			if seen == 3 { // two batches committed, the third is open
				cmd.Process.Kill() // SIGKILL
				break
			}
		}
		if strings.HasPrefix(sc.Text(), "EXIT") {
			t.Fatalf("child finished before it was killed: %s\n%s", sc.Text(), childErr.String())
		}
	}
	err = cmd.Wait()
	if seen != 3 {
		t.Fatalf("child saw %d transactions (%v)\n%s", seen, err, childErr.String())
	}
	if _, ok := err.(*exec.ExitError); !ok {
		t.Fatalf("child was not killed: %v", err)
	}

	st := stats(t, db) // also runs the integrity checks
	if st.Documents != 20 {
		t.Errorf("after the kill: %d documents, want the 20 of the two committed batches", st.Documents)
	}
	// Every stored document is whole: its body decodes and carries as many quotes as the quotes table holds.
	s, err := sqlite.Open(context.Background(), db, sqlite.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	docs, err := s.Documents(context.Background(), store.DocumentQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs.Items {
		raw, err := s.Document(context.Background(), d.ID)
		var body struct {
			Quotes []json.RawMessage `json:"quotes"`
		}
		if err != nil || json.Unmarshal(raw, &body) != nil || len(body.Quotes) != d.Quotes {
			t.Errorf("document %s: %v, body quotes %d, table %d", d.ID, err, len(body.Quotes), d.Quotes)
		}
	}
	s.Close()

	code, _, errOut := runCmd(t, "ingest", "--db", db, in)
	if stored, skipped, failed := summary(t, errOut); code != 0 || stored != 40 || skipped != 20 || failed != 0 {
		t.Errorf("resume: exit %d, %d stored, %d skipped, %d failed\n%s", code, stored, skipped, failed, errOut)
	}
	if st := stats(t, db); st.Documents != 60 {
		t.Errorf("after resuming: %d documents, want 60", st.Documents)
	}
}

// TestIngestExamples runs ingest through the real pipeline on the example articles and checks that every
// article is stored with what the extractors found, that a second run stores nothing, and that the stored
// documents answer queries.
func TestIngestExamples(t *testing.T) {
	examples := filepath.Join("..", "..", "examples")
	if _, err := os.Stat(examples); err != nil {
		t.Skip("no examples directory")
	}
	db := filepath.Join(t.TempDir(), "kb.db")
	code, _, errOut := runCmd(t, "ingest", "--db", db, examples)
	stored, _, failed := summary(t, errOut)
	if code != 0 || stored == 0 || failed != 0 {
		t.Fatalf("ingest examples: exit %d, %d stored, %d failed\n%s", code, stored, failed, errOut)
	}
	code, _, errOut = runCmd(t, "ingest", "--db", db, examples)
	if st, sk, _ := summary(t, errOut); code != 0 || st != 0 || sk != stored {
		t.Errorf("second run: exit %d, %d stored, %d skipped (want 0, %d)", code, st, sk, stored)
	}
	s := stats(t, db)
	if s.Documents != int64(stored) || s.Entities == 0 || s.Mentions == 0 || s.Quotes == 0 {
		t.Errorf("stats after ingesting the examples: %+v", s)
	}
	// Re-running the extractors keeps the stored text (and its date) as it is: cleaning is not applied twice.
	texts := storedTexts(t, db)
	if code, _, errOut := runCmd(t, "ingest", "--db", db, "--reprocess"); code != 0 {
		t.Fatalf("reprocess examples: exit %d\n%s", code, errOut)
	}
	if diff := cmp.Diff(texts, storedTexts(t, db)); len(texts) != stored || diff != "" {
		t.Errorf("reprocessing changed the stored texts of %d documents (-before +after):\n%s", len(texts), diff)
	}
	var ents store.Page[store.Entity]
	code, out, _ := runCmd(t, "entities", "--db", db, "--json", "--type", "PERSON", "--top", "1")
	if code != 0 || json.Unmarshal([]byte(out), &ents) != nil || len(ents.Items) != 1 {
		t.Fatalf("entities: %d %s", code, out)
	}
	code, out, _ = runCmd(t, "entity", "--db", db, ents.Items[0].Key)
	if code != 0 || !strings.Contains(out, ents.Items[0].Name) {
		t.Errorf("entity %s: %d %s", ents.Items[0].Key, code, out)
	}
}

func TestServeRefusesBadSetup(t *testing.T) {
	dir := t.TempDir()
	short := filepath.Join(dir, "short")
	os.WriteFile(short, []byte("abc\n"), 0o600)
	t.Setenv("NEWSGRAPH_TOKEN", "")
	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"missing database", []string{"serve", "--db", filepath.Join(dir, "none.db"), "--addr", "127.0.0.1:0"}, 1, "no database"},
		{"short token", []string{"serve", "--db", fixtureDB(t), "--token-file", short}, 2, "at least 16"},
		{"missing token file", []string{"serve", "--db", fixtureDB(t), "--token-file", filepath.Join(dir, "nope")}, 1, "no such file"},
		{"bad address", []string{"serve", "--db", fixtureDB(t), "--addr", "256.0.0.1:99999"}, 1, "listen"},
		{"stray argument", []string{"serve", "extra"}, 2, "unexpected argument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCmd(t, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.err) {
				t.Errorf("exit %d, want %d; stderr %q lacks %q", code, tt.code, errOut, tt.err)
			}
		})
	}
}

// TestServeChild is the child process of TestServe; it does nothing on its own.
func TestServeChild(t *testing.T) {
	if os.Getenv("NEWSGRAPH_SERVE_CHILD") != "1" {
		t.Skip("child process of TestServe")
	}
	code := run([]string{"serve", "--db", os.Getenv("NEWSGRAPH_SERVE_DB"), "--addr", "127.0.0.1:0", "--token-file", os.Getenv("NEWSGRAPH_SERVE_TOKEN")}, os.Stdout, os.Stderr)
	fmt.Println("EXIT", code)
}

// TestServe starts 'newsgraph serve' with a token in a child process, posts an article through the real
// pipeline, reads it back through the API, and stops the server with SIGTERM.
func TestServe(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	dir := t.TempDir()
	db := fixtureDB(t)
	tokenFile := filepath.Join(dir, "token")
	const token = "serve-test-token-0123456789"
	os.WriteFile(tokenFile, []byte(token+"\n"), 0o600)
	cmd := exec.Command(os.Args[0], "-test.run=^TestServeChild$", "-test.v")
	cmd.Env = append(os.Environ(), "NEWSGRAPH_SERVE_CHILD=1", "NEWSGRAPH_SERVE_DB="+db, "NEWSGRAPH_SERVE_TOKEN="+tokenFile)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	base := ""
	sc := bufio.NewScanner(stderr)
	urlRE := regexp.MustCompile(`url=(http://\S+)/`)
	for sc.Scan() {
		if m := urlRE.FindStringSubmatch(sc.Text()); m != nil {
			base = m[1]
			break
		}
	}
	if base == "" {
		t.Fatalf("server did not start: %s", stdout.String())
	}
	go func() {
		for sc.Scan() {
		}
	}()
	post := func(auth, body string) (int, string) {
		req, _ := http.NewRequest("POST", base+"/api/v1/documents", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if auth != "" {
			req.Header.Set("Authorization", "Bearer "+auth)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	article := `{"text":"Foreign Minister Anna Lindqvist said on Tuesday that Sweden would send more winter equipment to Ukraine.\n\n\"We will not wait for the next cold snap,\" Lindqvist told reporters in Stockholm.","url":"https://news.example/lindqvist","published":"2025-09-02"}`
	if code, body := post("wrong-token-0123456789", article); code != http.StatusUnauthorized {
		t.Errorf("wrong token: %d %s", code, body)
	}
	code, body := post(token, article)
	var in struct {
		ID      string `json:"id"`
		Created bool   `json:"created"`
	}
	if code != http.StatusCreated || json.Unmarshal([]byte(body), &in) != nil || !in.Created {
		t.Fatalf("post: %d %s", code, body)
	}
	if code, _ := post(token, article); code != http.StatusOK {
		t.Errorf("posting the same article again: %d, want 200", code)
	}
	res, err := http.Get(base + "/api/v1/search?q=" + "cold+snap")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(b), in.ID) {
		t.Errorf("search for the posted article: %d %s", res.StatusCode, b)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("server exit: %v\n%s", err, stdout.String())
	}
	if !strings.Contains(stdout.String(), "EXIT 0") {
		t.Errorf("server did not stop cleanly:\n%s", stdout.String())
	}
	if st := stats(t, db); st.Documents != 4 {
		t.Errorf("documents after one post: %d, want 4", st.Documents)
	}
}
