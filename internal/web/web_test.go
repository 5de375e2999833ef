package web_test

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/web"
)

func TestHandler(t *testing.T) {
	h := web.Handler()
	get := func(path, enc string) *http.Response {
		t.Helper()
		r := httptest.NewRequest("GET", path, nil)
		if enc != "" {
			r.Header.Set("Accept-Encoding", enc)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w.Result()
	}
	body := func(res *http.Response) string {
		t.Helper()
		var rd io.Reader = res.Body
		if res.Header.Get("Content-Encoding") == "gzip" {
			zr, err := gzip.NewReader(res.Body)
			if err != nil {
				t.Fatal(err)
			}
			rd = zr
		}
		b, err := io.ReadAll(rd)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	t.Run("index with a strict content security policy", func(t *testing.T) {
		res := get("/", "")
		if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Content-Type"), "text/html") {
			t.Fatalf("GET / = %d %s", res.StatusCode, res.Header.Get("Content-Type"))
		}
		if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("CSP = %q", csp)
		}
		if b := body(res); !strings.Contains(b, `<script src="app.js"`) {
			t.Errorf("index does not load app.js")
		}
	})
	t.Run("precompressed map outlines, both encodings", func(t *testing.T) {
		zipped := get("/vendor/countries-50m.json", "gzip, deflate")
		plain := get("/vendor/countries-50m.json", "")
		if zipped.Header.Get("Content-Encoding") != "gzip" || plain.Header.Get("Content-Encoding") != "" {
			t.Fatalf("encodings: %q and %q", zipped.Header.Get("Content-Encoding"), plain.Header.Get("Content-Encoding"))
		}
		a, b := body(zipped), body(plain)
		if a != b || !strings.HasPrefix(a, `{"type":"Topology"`) {
			t.Errorf("outlines differ or are not TopoJSON: %.40q / %.40q", a, b)
		}
		if ct := plain.Header.Get("Content-Type"); !strings.Contains(ct, "json") {
			t.Errorf("Content-Type = %q", ct)
		}
	})
	t.Run("etag revalidation", func(t *testing.T) {
		res := get("/app.js", "")
		r := httptest.NewRequest("GET", "/app.js", nil)
		r.Header.Set("If-None-Match", res.Header.Get("ETag"))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusNotModified {
			t.Errorf("revalidation = %d, want 304", w.Code)
		}
	})
	t.Run("unknown path and method", func(t *testing.T) {
		if res := get("/nope.js", ""); res.StatusCode != 404 {
			t.Errorf("GET /nope.js = %d", res.StatusCode)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("POST", "/", nil))
		if w.Code != http.StatusMethodNotAllowed {
			t.Errorf("POST / = %d", w.Code)
		}
	})
}
