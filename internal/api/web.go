package api

import (
	"net/http"
)

const placeholderPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>newsgraph</title></head>
<body><h1>newsgraph</h1>
<p>This build serves the JSON API only. Start with <a href="/api/v1/stats">/api/v1/stats</a>,
<a href="/api/v1/entities">/api/v1/entities</a> or the description at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>
</body></html>
`

// placeholder is the page at "/" when no web handler is configured.
func placeholder(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/" {
		writeProblem(w, http.StatusNotFound, "no page at "+r.URL.Path)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		writeProblem(w, http.StatusMethodNotAllowed, "method not allowed; allowed: GET, HEAD")
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'")
	w.Write([]byte(placeholderPage))
}
