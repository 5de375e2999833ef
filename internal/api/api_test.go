package api

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
	"github.com/newsgraph/newsgraph/internal/store/storetest"
)

const token = "s3cret-test-token"

func openStore(t *testing.T) store.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "kb.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Put(context.Background(), storetest.Fixtures()); err != nil {
		t.Fatal(err)
	}
	return s
}

// extract stands in for the pipeline: the text becomes the document, with no annotations.
func extract(ctx context.Context, a Article) (*doc.Document, error) {
	text := a.Text
	if a.HTML != "" {
		text = strings.TrimSpace(a.HTML)
	}
	if strings.TrimSpace(text) == "" {
		return nil, io.ErrUnexpectedEOF
	}
	h := sha256.Sum256([]byte(a.URL + "\n" + text))
	return &doc.Document{ID: hex.EncodeToString(h[:8]), URL: a.URL, Title: a.Title, Published: a.Published, Language: "en", Text: text}, nil
}

func newServer(t *testing.T, cfg Config) *httptest.Server {
	t.Helper()
	if cfg.Store == nil {
		cfg.Store = openStore(t)
	}
	srv := httptest.NewServer(New(cfg))
	t.Cleanup(srv.Close)
	return srv
}

type response struct {
	status int
	ctype  string
	body   []byte
	header http.Header
}

func do(t *testing.T, method, u string, body string, header ...string) response {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, u, rd)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return response{res.StatusCode, res.Header.Get("Content-Type"), b, res.Header}
}

// spec is the parsed OpenAPI document.
type spec struct {
	Paths map[string]map[string]struct {
		Parameters []struct {
			Ref  string `json:"$ref"`
			Name string `json:"name"`
			In   string `json:"in"`
		} `json:"parameters"`
		Responses map[string]json.RawMessage `json:"responses"`
	} `json:"paths"`
	Components struct {
		Parameters map[string]struct {
			Name string `json:"name"`
			In   string `json:"in"`
		} `json:"parameters"`
	} `json:"components"`
}

// TestOpenAPIMatchesRoutes checks that the description lists exactly the routes the server has, each with
// exactly the query parameters its handler accepts.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	var sp spec
	if err := json.Unmarshal(openAPISpec, &sp); err != nil {
		t.Fatal(err)
	}
	described := map[string][]string{}
	for path, ops := range sp.Paths {
		for method, op := range ops {
			var params []string
			for _, p := range op.Parameters {
				name, in := p.Name, p.In
				if p.Ref != "" {
					c, ok := sp.Components.Parameters[strings.TrimPrefix(p.Ref, "#/components/parameters/")]
					if !ok {
						t.Errorf("%s %s: dangling parameter %s", method, path, p.Ref)
					}
					name, in = c.Name, c.In
				}
				if in == "query" {
					params = append(params, name)
				}
			}
			sort.Strings(params)
			described[strings.ToUpper(method)+" "+path] = params
		}
	}
	served := map[string][]string{}
	for _, rt := range (&server{}).routes() {
		p := slices.Clone(rt.params)
		sort.Strings(p)
		served[rt.method+" "+rt.path] = p
	}
	if diff := cmp.Diff(described, served, cmp.Transformer("nilEmpty", func(s []string) []string {
		if len(s) == 0 {
			return nil
		}
		return s
	})); diff != "" {
		t.Errorf("openapi.json and routes() differ (-described +served):\n%s", diff)
	}
}

func compileSchemas(t *testing.T) *jsonschema.Compiler {
	t.Helper()
	d, err := jsonschema.UnmarshalJSON(bytes.NewReader(openAPISpec))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("openapi.json", d); err != nil {
		t.Fatal(err)
	}
	return c
}

// TestResponsesMatchSchemas sends each operation a request and validates the answer against the schema the
// description gives for that status.
func TestResponsesMatchSchemas(t *testing.T) {
	srv := newServer(t, Config{Token: token, Extract: extract})
	c := compileSchemas(t)
	tests := []struct {
		name, method, path, body string
		status                   int
		schema                   string
	}{
		{"documents", "GET", "/api/v1/documents?limit=2", "", 200, "DocumentPage"},
		{"documents by entity", "GET", "/api/v1/documents?entity=Rubio&since=2025-08", "", 200, "DocumentPage"},
		{"document", "GET", "/api/v1/documents/a1", "", 200, "Document"},
		{"entities", "GET", "/api/v1/entities?type=PERSON&limit=3", "", 200, "EntityPage"},
		{"entities by name", "GET", "/api/v1/entities?q=zel", "", 200, "EntityPage"},
		{"entity", "GET", "/api/v1/entities/person:marco-rubio", "", 200, "Profile"},
		{"place entity", "GET", "/api/v1/entities/" + url.PathEscape("loc:geonames:703448"), "", 200, "Profile"},
		{"entity by name", "GET", "/api/v1/entities/Zelenskyy", "", 200, "Profile"},
		{"quotes", "GET", "/api/v1/quotes?speaker=Rubio&about=sanctions&since=2025-01-01&until=2025-12-31", "", 200, "QuotePage"},
		{"search", "GET", "/api/v1/search?q=sanctions", "", 200, "SearchPage"},
		{"search quotes", "GET", "/api/v1/search?q=children&in=quotes", "", 200, "SearchPage"},
		{"search no match", "GET", "/api/v1/search?q=zzyzx", "", 200, "SearchPage"},
		{"search FTS syntax", "GET", "/api/v1/search?q=%22unbalanced+NEAR%28a", "", 200, "SearchPage"},
		{"search no date", "GET", "/api/v1/search?q=sanctions&since=1990&until=1990", "", 200, "SearchPage"},
		{"quotes no match", "GET", "/api/v1/quotes?about=zzyzx", "", 200, "QuotePage"},
		{"documents none", "GET", "/api/v1/documents?until=1990", "", 200, "DocumentPage"},
		{"timeline", "GET", "/api/v1/timeline?entity=Zelensky&limit=3", "", 200, "TimelinePage"},
		{"stats", "GET", "/api/v1/stats", "", 200, "Stats"},
		{"post", "POST", "/api/v1/documents", `{"text":"Officials in Vilnius said on Friday that talks would resume.","url":"https://news.example/v"}`, 201, "Ingested"},
		{"post again", "POST", "/api/v1/documents", `{"text":"Officials in Vilnius said on Friday that talks would resume.","url":"https://news.example/v"}`, 200, "Ingested"},
		{"not found", "GET", "/api/v1/documents/zzz", "", 404, "Problem"},
		{"bad request", "GET", "/api/v1/quotes?since=soon", "", 400, "Problem"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := do(t, tt.method, srv.URL+tt.path, tt.body, "Authorization", "Bearer "+token, "Content-Type", "application/json")
			if r.status != tt.status {
				t.Fatalf("status %d, want %d: %s", r.status, tt.status, r.body)
			}
			sch, err := c.Compile("openapi.json#/components/schemas/" + tt.schema)
			if err != nil {
				t.Fatal(err)
			}
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(r.body))
			if err != nil {
				t.Fatalf("not JSON: %v: %s", err, r.body)
			}
			if err := sch.Validate(v); err != nil {
				t.Errorf("does not match %s: %v\n%s", tt.schema, err, r.body)
			}
			if want := "application/json"; tt.status >= 400 {
				if r.ctype != "application/problem+json" {
					t.Errorf("content type %q", r.ctype)
				}
			} else if r.ctype != want {
				t.Errorf("content type %q, want %q", r.ctype, want)
			}
		})
	}
}

// TestBadInput sends what clients get wrong: every answer is a 4xx problem with a message, never a 500.
func TestBadInput(t *testing.T) {
	st := openStore(t)
	ro := newServer(t, Config{Store: st})
	rw := newServer(t, Config{Store: st, Token: token, Extract: extract, MaxBody: 1 << 10})
	auth := []string{"Authorization", "Bearer " + token, "Content-Type", "application/json"}
	tests := []struct {
		name   string
		srv    *httptest.Server
		method string
		path   string
		body   string
		header []string
		status int
		detail string // part of the problem's detail
	}{
		{"search without q", ro, "GET", "/api/v1/search", "", nil, 400, "q is required"},
		{"search punctuation only", ro, "GET", "/api/v1/search?q=%21%3F%2A", "", nil, 400, "no word"},
		{"limit zero", ro, "GET", "/api/v1/quotes?limit=0", "", nil, 400, "limit must be"},
		{"limit huge", ro, "GET", "/api/v1/entities?limit=99999999999999999999", "", nil, 400, "limit must be"},
		{"limit not a number", ro, "GET", "/api/v1/documents?limit=ten", "", nil, 400, "limit must be"},
		{"graph nodes huge", ro, "GET", "/api/v1/graph?nodes=100000000", "", nil, 400, "nodes must be a whole number from 1 to 300"},
		{"places limit zero", ro, "GET", "/api/v1/places?limit=0", "", nil, 400, "limit must be a whole number from 1 to 1000"},
		{"graph unknown entity", ro, "GET", "/api/v1/graph?entity=%27%3B--", "", nil, 404, "not found"},
		{"mentions unknown entity", ro, "GET", "/api/v1/entities/nobody/mentions", "", nil, 404, "not found"},
		{"bad cursor", ro, "GET", "/api/v1/quotes?cursor=%27%3B--", "", nil, 400, "cursor"},
		{"bad date", ro, "GET", "/api/v1/timeline?since=last+week", "", nil, 400, "not a date"},
		{"until before since", ro, "GET", "/api/v1/documents?since=2025-09-01&until=2025-08-01", "", nil, 400, "before"},
		{"unknown parameter", ro, "GET", "/api/v1/quotes?speakr=Rubio", "", nil, 400, `unknown query parameter "speakr"`},
		{"repeated parameter", ro, "GET", "/api/v1/quotes?speaker=a&speaker=b", "", nil, 400, "given 2 times"},
		{"malformed query", ro, "GET", "/api/v1/search?q=%zz", "", nil, 400, "malformed query"},
		{"bad type", ro, "GET", "/api/v1/entities?type=PLANET", "", nil, 400, "PLANET"},
		{"bad in", ro, "GET", "/api/v1/search?q=x&in=tweets", "", nil, 400, "tweets"},
		{"unknown document", ro, "GET", "/api/v1/documents/%27%20OR%201%3D1", "", nil, 404, "not found"},
		{"unknown entity", ro, "GET", "/api/v1/entities/person:nobody", "", nil, 404, "not found"},
		{"unknown speaker", ro, "GET", "/api/v1/quotes?speaker=Nobody", "", nil, 404, "not found"},
		{"blank speaker", ro, "GET", "/api/v1/quotes?speaker=%20", "", nil, 400, "invalid speaker: empty name"},
		{"blank entity", ro, "GET", "/api/v1/timeline?entity=%20%20", "", nil, 400, "invalid entity: empty name"},
		{"unknown resource", ro, "GET", "/api/v1/tweets", "", nil, 404, "no API resource"},
		{"wrong method", ro, "DELETE", "/api/v1/documents/a1", "", nil, 405, "method not allowed"},
		{"read-only", ro, "POST", "/api/v1/documents", `{"text":"x"}`, auth, 403, "read-only"},
		{"missing token", rw, "POST", "/api/v1/documents", `{"text":"x"}`, nil, 401, "missing token"},
		{"wrong token", rw, "POST", "/api/v1/documents", `{"text":"x"}`, []string{"Authorization", "Bearer guess"}, 401, "wrong token"},
		{"malformed JSON", rw, "POST", "/api/v1/documents", `{"text": "unterminated`, auth, 400, "malformed JSON"},
		{"empty body", rw, "POST", "/api/v1/documents", ``, auth, 400, "empty body"},
		{"unknown field", rw, "POST", "/api/v1/documents", `{"txt":"x"}`, auth, 400, "unknown field"},
		{"two values", rw, "POST", "/api/v1/documents", `{"text":"a"} {"text":"b"}`, auth, 400, "more than one"},
		{"text and html", rw, "POST", "/api/v1/documents", `{"text":"a","html":"<p>b</p>"}`, auth, 400, "exactly one"},
		{"bad url", rw, "POST", "/api/v1/documents", `{"text":"a","url":"javascript:alert(1)"}`, auth, 400, "not an http"},
		{"not JSON", rw, "POST", "/api/v1/documents", `text=a`, []string{"Authorization", "Bearer " + token, "Content-Type", "application/x-www-form-urlencoded"}, 415, "application/json"},
		{"too large", rw, "POST", "/api/v1/documents", `{"text":"` + strings.Repeat("word ", 400) + `"}`, auth, 413, "larger than 1024"},
		{"unprocessable", rw, "POST", "/api/v1/documents", `{"text":"   "}`, auth, 422, "could not be processed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := do(t, tt.method, tt.srv.URL+tt.path, tt.body, tt.header...)
			if r.status != tt.status {
				t.Errorf("status %d, want %d: %s", r.status, tt.status, r.body)
			}
			if r.ctype != "application/problem+json" {
				t.Errorf("content type %q", r.ctype)
			}
			var p Problem
			if err := json.Unmarshal(r.body, &p); err != nil || p.Status != r.status || !strings.Contains(p.Detail, tt.detail) {
				t.Errorf("problem %+v (%v), want detail containing %q", p, err, tt.detail)
			}
			if tt.status == 401 && r.header.Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
		})
	}
	stats := do(t, "GET", ro.URL+"/api/v1/stats", "")
	var s store.Stats
	json.Unmarshal(stats.body, &s)
	if s.Documents != 3 {
		t.Errorf("documents after bad input: %d, want 3", s.Documents)
	}
}

func TestPagination(t *testing.T) {
	srv := newServer(t, Config{})
	var got []string
	next := ""
	for i := 0; i < 10; i++ {
		u := srv.URL + "/api/v1/quotes?limit=4"
		if next != "" {
			u += "&cursor=" + url.QueryEscape(next)
		}
		r := do(t, "GET", u, "")
		var p store.Page[store.Quote]
		if err := json.Unmarshal(r.body, &p); err != nil {
			t.Fatal(err)
		}
		for _, q := range p.Items {
			got = append(got, q.Document+"/"+q.ID)
		}
		if next = p.Next; next == "" {
			break
		}
	}
	want := []string{"b2/q3", "b2/q2", "b2/q1", "a1/q2", "a1/q1", "c3/q1"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestPostThenRead(t *testing.T) {
	srv := newServer(t, Config{Token: token, Extract: extract})
	r := do(t, "POST", srv.URL+"/api/v1/documents", `{"text":"Talks in Geneva ended without a deal.","title":"Geneva talks","published":"2025-09-01"}`,
		"Authorization", "Bearer "+token)
	if r.status != 201 {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	var in Ingested
	json.Unmarshal(r.body, &in)
	if loc := r.header.Get("Location"); loc != "/api/v1/documents/"+in.ID {
		t.Errorf("Location %q", loc)
	}
	got := do(t, "GET", srv.URL+"/api/v1/search?q=geneva", "")
	if !strings.Contains(string(got.body), in.ID) {
		t.Errorf("posted document not searchable: %s", got.body)
	}
}

// slowStore answers Stats only when the request is cancelled, to test the per-request timeout.
type slowStore struct{ store.Store }

func (slowStore) Stats(ctx context.Context) (store.Stats, error) {
	<-ctx.Done()
	return store.Stats{}, ctx.Err()
}

func TestTimeout(t *testing.T) {
	srv := newServer(t, Config{Store: slowStore{openStore(t)}, Timeout: 50 * time.Millisecond})
	r := do(t, "GET", srv.URL+"/api/v1/stats", "")
	if r.status != http.StatusServiceUnavailable || r.ctype != "application/problem+json" {
		t.Errorf("status %d %q: %s", r.status, r.ctype, r.body)
	}
}

func TestWebMount(t *testing.T) {
	plain := newServer(t, Config{})
	r := do(t, "GET", plain.URL+"/", "")
	if r.status != 200 || !strings.Contains(string(r.body), "/api/v1/openapi.json") {
		t.Errorf("placeholder: %d %s", r.status, r.body)
	}
	if r := do(t, "GET", plain.URL+"/nothing-here", ""); r.status != 404 {
		t.Errorf("placeholder 404: %d", r.status)
	}
	web := newServer(t, Config{Web: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "web page at "+r.URL.Path) })})
	if r := do(t, "GET", web.URL+"/entity/x", ""); string(r.body) != "web page at /entity/x" {
		t.Errorf("web handler: %s", r.body)
	}
	if r := do(t, "GET", web.URL+"/api/v1/stats", ""); r.ctype != "application/json" {
		t.Errorf("API under a web handler: %q", r.ctype)
	}
}

func TestServerTimeouts(t *testing.T) {
	s := NewServer("127.0.0.1:0", http.NotFoundHandler(), nil)
	if s.ReadHeaderTimeout == 0 || s.ReadTimeout == 0 || s.WriteTimeout == 0 || s.IdleTimeout == 0 || s.MaxHeaderBytes == 0 {
		t.Errorf("server without timeouts: %+v", s)
	}
}

// TestPostStoredSkipsExtraction posts one article twice: with Config.ID the second post finds it stored
// and does not process it again.
func TestPostStoredSkipsExtraction(t *testing.T) {
	calls := 0
	counting := func(ctx context.Context, a Article) (*doc.Document, error) {
		calls++
		return extract(ctx, a)
	}
	id := func(a Article) string {
		d, _ := extract(context.Background(), a)
		return d.ID
	}
	srv := newServer(t, Config{Token: token, Extract: counting, ID: id})
	body := `{"text":"Officials in Tallinn said on Monday that the border crossing would reopen.","url":"https://news.example/t"}`
	for i, want := range []int{201, 200} {
		r := do(t, "POST", srv.URL+"/api/v1/documents", body, "Authorization", "Bearer "+token, "Content-Type", "application/json")
		var in Ingested
		if err := json.Unmarshal(r.body, &in); err != nil || r.status != want || in.Created != (want == 201) {
			t.Fatalf("post %d: status %d, %s; want %d", i+1, r.status, r.body, want)
		}
		if loc := r.header.Get("Location"); loc != "/api/v1/documents/"+in.ID {
			t.Errorf("post %d: Location %q", i+1, loc)
		}
	}
	if calls != 1 {
		t.Errorf("Extract ran %d times, want 1", calls)
	}
}
