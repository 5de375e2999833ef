package api

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/store"
)

// MaxLimit is the largest page size a request may ask for.
const MaxLimit = 100

// Article is the body of POST /api/v1/documents: an article as text or HTML, with optional metadata.
type Article struct {
	Text      string `json:"text,omitempty"`
	HTML      string `json:"html,omitempty"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
}

// Config configures the API. Store is required; the zero value of every other field works.
type Config struct {
	// Store answers the queries and, with Token set, stores posted documents.
	Store store.Store
	// Logger receives one line per failed request (and per request at debug level); nil discards.
	Logger *slog.Logger
	// Token, when not empty, enables POST /api/v1/documents for requests carrying "Authorization: Bearer
	// Token". Empty keeps the API read-only.
	Token string
	// Extract turns a posted article into a processed document (id, text and everything extracted);
	// required with Token.
	Extract func(ctx context.Context, a Article) (*doc.Document, error)
	// ID, when set, returns the id Extract gives an article without processing it, so that an article
	// already stored is not processed again; nil processes every posted article.
	ID func(a Article) string
	// Web is mounted at "/"; nil serves a minimal placeholder page that links to the API.
	Web http.Handler
	// Timeout bounds the work of one request; 0 means 10 s.
	Timeout time.Duration
	// MaxBody is the largest request body accepted, in bytes; 0 means 4 MiB.
	MaxBody int64
}

type server struct {
	cfg Config
	log *slog.Logger
}

// route is one API operation; the OpenAPI test checks that every route is described and vice versa.
type route struct {
	method, path string
	params       []string // accepted query parameters
	h            func(w http.ResponseWriter, r *http.Request) error
}

func (s *server) routes() []route {
	page := []string{"limit", "cursor"}
	dates := []string{"since", "until"}
	return []route{
		{"GET", "/api/v1/documents", concat([]string{"entity"}, dates, page), s.listDocuments},
		{"GET", "/api/v1/documents/{id}", nil, s.getDocument},
		{"POST", "/api/v1/documents", nil, s.postDocument},
		{"GET", "/api/v1/entities", concat([]string{"type", "q"}, page), s.listEntities},
		{"GET", "/api/v1/entities/{key}", nil, s.getEntity},
		{"GET", "/api/v1/quotes", concat([]string{"speaker", "about"}, dates, page), s.listQuotes},
		{"GET", "/api/v1/search", concat([]string{"q", "in"}, dates, page), s.search},
		{"GET", "/api/v1/timeline", concat([]string{"entity", "about"}, dates, page), s.timeline},
		{"GET", "/api/v1/entities/{key}/mentions", nil, s.mentions},
		{"GET", "/api/v1/graph", []string{"entity", "type", "nodes"}, s.graph},
		{"GET", "/api/v1/places", concat([]string{"entity", "limit"}, dates), s.places},
		{"GET", "/api/v1/stats", nil, s.stats},
		{"GET", "/api/v1/openapi.json", nil, s.openAPI},
	}
}

func concat(ls ...[]string) []string { return slices.Concat(ls...) }

// New returns the API handler.
func New(cfg Config) http.Handler {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 10 * time.Second
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 4 << 20
	}
	s := &server{cfg: cfg, log: cfg.Logger}
	mux := http.NewServeMux()
	// paths knows every route's path regardless of method, to tell 405 from 404.
	paths := http.NewServeMux()
	allow := map[string][]string{}
	for _, rt := range s.routes() {
		mux.Handle(rt.method+" "+rt.path, s.handle(rt))
		if allow[rt.path] == nil {
			paths.Handle(rt.path, http.NotFoundHandler())
		}
		allow[rt.path] = append(allow[rt.path], rt.method)
	}
	mux.Handle("/api/", s.handle(route{h: func(w http.ResponseWriter, r *http.Request) error {
		if _, pattern := paths.Handler(r); pattern != "" && allow[pattern] != nil {
			methods := strings.Join(allow[pattern], ", ")
			w.Header().Set("Allow", methods)
			return &httpError{status: http.StatusMethodNotAllowed, detail: "method not allowed; allowed: " + methods}
		}
		return &httpError{status: http.StatusNotFound, detail: fmt.Sprintf("no API resource at %s (see /api/v1/openapi.json)", r.URL.Path)}
	}}))
	web := cfg.Web
	if web == nil {
		web = http.HandlerFunc(placeholder)
	}
	mux.Handle("/", web)
	return s.recoverer(problemStatus(mux))
}

// NewServer returns an http.Server for h on addr with timeouts against slow or stuck clients.
func NewServer(addr string, h http.Handler, log *slog.Logger) *http.Server {
	srv := &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	if log != nil {
		srv.ErrorLog = slog.NewLogLogger(log.Handler(), slog.LevelWarn)
	}
	return srv
}

// httpError is an error with the status and message the client sees.
type httpError struct {
	status int
	detail string
}

func (e *httpError) Error() string { return e.detail }

func badRequest(format string, args ...any) error {
	return &httpError{status: http.StatusBadRequest, detail: fmt.Sprintf(format, args...)}
}

// handle wraps an operation: it checks the query parameters, bounds the time and body, runs it and turns
// its error into a problem.
func (s *server) handle(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
		defer cancel()
		r = r.WithContext(ctx)
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
		}
		err := checkParams(r, rt.params)
		if err == nil {
			err = rt.h(w, r)
		}
		status := http.StatusOK
		if err != nil {
			status = s.fail(w, r, err)
		}
		s.log.Debug("request", "method", r.Method, "path", r.URL.Path, "status", status, "duration", time.Since(start))
	})
}

// checkParams rejects unknown and repeated query parameters, so that a typo is an error, not an ignored filter.
func checkParams(r *http.Request, known []string) error {
	q, err := urlQuery(r)
	if err != nil {
		return err
	}
	for k, v := range q {
		if !slices.Contains(known, k) {
			if len(known) == 0 {
				return badRequest("unknown query parameter %q: this resource takes none", k)
			}
			return badRequest("unknown query parameter %q (known: %s)", k, strings.Join(known, ", "))
		}
		if len(v) > 1 {
			return badRequest("query parameter %q given %d times", k, len(v))
		}
	}
	return nil
}

func urlQuery(r *http.Request) (map[string][]string, error) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, badRequest("malformed query string: %v", err)
	}
	return q, nil
}

// fail writes err as a problem and returns the status.
func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) int {
	var he *httpError
	var mbe *http.MaxBytesError
	var status int
	var detail string
	switch {
	case errors.As(err, &he):
		status, detail = he.status, he.detail
	case store.IsInvalid(err):
		status, detail = http.StatusBadRequest, err.Error()
	case errors.Is(err, store.ErrNotFound):
		status, detail = http.StatusNotFound, err.Error()
	case errors.As(err, &mbe):
		status, detail = http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", mbe.Limit)
	case errors.Is(err, context.DeadlineExceeded):
		status, detail = http.StatusServiceUnavailable, "the request took too long"
	case errors.Is(err, context.Canceled):
		status, detail = 499, "client closed the request"
	default:
		status, detail = http.StatusInternalServerError, "internal error"
	}
	if status >= 500 {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "status", status, "err", err)
	} else {
		s.log.Info("request refused", "method", r.Method, "path", r.URL.Path, "status", status, "detail", detail)
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="newsgraph"`)
	}
	writeProblem(w, status, detail)
	return status
}

// Problem is an RFC 9457 problem details body.
type Problem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail,omitempty"`
}

func writeProblem(w http.ResponseWriter, status int, detail string) {
	title := http.StatusText(status)
	if title == "" {
		title = "Error"
	}
	b, _ := json.Marshal(Problem{Type: "about:blank", Title: title, Status: status, Detail: detail})
	h := w.Header()
	h.Set("Content-Type", "application/problem+json")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Del("Content-Length")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

// writeJSON writes v with status 200 (or status when given).
func writeJSON(w http.ResponseWriter, v any, status ...int) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	code := http.StatusOK
	if len(status) > 0 {
		code = status[0]
	}
	w.WriteHeader(code)
	w.Write(append(b, '\n')) // an error here means the client went away: nothing more to send
	return nil
}

// limitParam parses ?limit=, 1..MaxLimit, default store.DefaultLimit.
func limitParam(r *http.Request) (int, error) {
	return intParam(r, "limit", store.DefaultLimit, MaxLimit)
}

// intParam parses the query parameter name as a whole number from 1 to most; def when it is absent.
func intParam(r *http.Request, name string, def, most int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > most {
		return 0, badRequest("%s must be a whole number from 1 to %d, not %q", name, most, v)
	}
	return n, nil
}

func dates(r *http.Request) store.Dates {
	q := r.URL.Query()
	return store.Dates{Since: q.Get("since"), Until: q.Get("until")}
}

// problemStatus turns the ServeMux's own plain-text errors (405 for a known path with another method) into
// problems.
func problemStatus(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(&problemWriter{ResponseWriter: w}, r)
	})
}

type problemWriter struct {
	http.ResponseWriter
	swallow bool
}

func (p *problemWriter) WriteHeader(status int) {
	h := p.Header()
	if status >= 400 && !strings.HasPrefix(h.Get("Content-Type"), "application/problem+json") &&
		strings.HasPrefix(h.Get("Content-Type"), "text/plain") {
		p.swallow = true
		detail := http.StatusText(status)
		if status == http.StatusMethodNotAllowed {
			detail = "method not allowed; allowed: " + h.Get("Allow")
		}
		writeProblem(p.ResponseWriter, status, detail)
		return
	}
	p.ResponseWriter.WriteHeader(status)
}

func (p *problemWriter) Write(b []byte) (int, error) {
	if p.swallow {
		return len(b), nil
	}
	return p.ResponseWriter.Write(b)
}

func (p *problemWriter) Unwrap() http.ResponseWriter { return p.ResponseWriter }

// recoverer turns a panic into a 500 problem and a log line instead of a dropped connection.
func (s *server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", v)
				writeProblem(w, http.StatusInternalServerError, "internal error")
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// checkToken compares the request's bearer token with the configured one in constant time.
func (s *server) checkToken(r *http.Request) error {
	if s.cfg.Token == "" || s.cfg.Extract == nil {
		return &httpError{status: http.StatusForbidden, detail: "this server is read-only; start it with a token to accept documents"}
	}
	auth := r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok || tok == "" {
		return &httpError{status: http.StatusUnauthorized, detail: `missing token: send "Authorization: Bearer TOKEN"`}
	}
	if subtle.ConstantTimeCompare([]byte(tok), []byte(s.cfg.Token)) != 1 {
		return &httpError{status: http.StatusUnauthorized, detail: "wrong token"}
	}
	return nil
}

func readBody(r *http.Request, v any) error {
	ct := r.Header.Get("Content-Type")
	if ct != "" && !strings.HasPrefix(ct, "application/json") {
		return &httpError{status: http.StatusUnsupportedMediaType, detail: "send the article as application/json"}
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		if errors.Is(err, io.EOF) {
			return badRequest("empty body: send a JSON object")
		}
		return badRequest("malformed JSON body: %v", err)
	}
	if dec.More() {
		return badRequest("malformed JSON body: more than one JSON value")
	}
	return nil
}
