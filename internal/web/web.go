package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
)

//go:embed static
var static embed.FS

// csp allows only the page's own scripts, styles, images and API calls: nothing from elsewhere, no inline
// script.
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

type asset struct {
	body, gz []byte
	etag     string
	ctype    string
}

// Handler serves the embedded page and its assets. Responses carry an ETag and are gzip-compressed when the
// client accepts it; "/" is index.html.
func Handler() http.Handler {
	var once sync.Once
	assets := map[string]*asset{}
	load := func() {
		sub, _ := fs.Sub(static, "static")
		fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(sub, p)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(b)
			a := &asset{etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
			if name, ok := strings.CutSuffix(p, ".gz"); ok {
				// Stored compressed (the map outlines): served as is to clients that take gzip.
				p, a.gz = name, b
				if a.body, err = gunzip(b); err != nil {
					return err
				}
			} else {
				a.body = b
				if len(b) > 1024 {
					a.gz = compress(b)
				}
			}
			a.ctype = mime.TypeByExtension(path.Ext(p))
			if a.ctype == "" {
				a.ctype = "application/octet-stream"
			}
			if !compressible(a.ctype) {
				a.gz = nil
			}
			assets["/"+p] = a
			return nil
		})
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		once.Do(load)
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		p := r.URL.Path
		if p == "/" {
			p = "/index.html"
		}
		a := assets[p]
		if a == nil {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h.Set("Content-Type", a.ctype)
		h.Set("ETag", a.etag)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Vary", "Accept-Encoding")
		if p == "/index.html" {
			h.Set("Content-Security-Policy", csp)
			h.Set("Cache-Control", "no-cache")
		} else {
			h.Set("Cache-Control", "public, max-age=3600")
		}
		if match := r.Header.Get("If-None-Match"); match != "" && strings.Contains(match, a.etag) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		body := a.body
		if a.gz != nil && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			h.Set("Content-Encoding", "gzip")
			body = a.gz
		}
		if r.Method == http.MethodHead {
			return
		}
		w.Write(body)
	})
}

func compress(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func gunzip(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.Contains(ctype, "javascript") || strings.Contains(ctype, "json") || strings.Contains(ctype, "svg")
}

// BundleSize returns the total size in bytes of the page's assets as sent (gzip where it applies), and
// uncompressed, for reporting.
func BundleSize() (gz, raw int) {
	sub, _ := fs.Sub(static, "static")
	fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(path.Base(p), "LICENSE") || path.Base(p) == "VERSIONS" {
			return err
		}
		b, _ := fs.ReadFile(sub, p)
		if strings.HasSuffix(p, ".gz") {
			gz += len(b)
			u, _ := gunzip(b)
			raw += len(u)
			return nil
		}
		raw += len(b)
		gz += len(compress(b))
		return nil
	})
	return gz, raw
}
