package api

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/store"
)

// listDocuments: GET /api/v1/documents?entity=&since=&until=&limit=&cursor=
func (s *server) listDocuments(w http.ResponseWriter, r *http.Request) error {
	n, err := limitParam(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	page, err := s.cfg.Store.Documents(r.Context(), store.DocumentQuery{Entity: q.Get("entity"), Dates: dates(r), Limit: n, Cursor: q.Get("cursor")})
	if err != nil {
		return err
	}
	return writeJSON(w, page)
}

// getDocument: GET /api/v1/documents/{id} returns the stored newsgraph/1 document.
func (s *server) getDocument(w http.ResponseWriter, r *http.Request) error {
	body, err := s.cfg.Store.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Write(body)
	if len(body) == 0 || body[len(body)-1] != '\n' {
		w.Write([]byte{'\n'})
	}
	return nil
}

// Ingested is the answer to POST /api/v1/documents.
type Ingested struct {
	ID      string `json:"id"`
	Created bool   `json:"created"`
}

// postDocument: POST /api/v1/documents ingests one article (token required). The same article posted again
// is not stored twice: the answer is 200 with created false.
func (s *server) postDocument(w http.ResponseWriter, r *http.Request) error {
	if err := s.checkToken(r); err != nil {
		return err
	}
	var a Article
	if err := readBody(r, &a); err != nil {
		return err
	}
	if (a.Text == "") == (a.HTML == "") {
		return badRequest(`give exactly one of "text" and "html"`)
	}
	if a.URL != "" {
		if u, err := url.Parse(a.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			return badRequest("url %q is not an http(s) URL", a.URL)
		}
	}
	if s.cfg.ID != nil {
		id := s.cfg.ID(a)
		exists, err := s.cfg.Store.Has(r.Context(), id)
		if err != nil {
			return err
		}
		if exists {
			w.Header().Set("Location", "/api/v1/documents/"+url.PathEscape(id))
			return writeJSON(w, Ingested{ID: id})
		}
	}
	d, err := s.cfg.Extract(r.Context(), a)
	if err != nil {
		if errors.Is(err, r.Context().Err()) && r.Context().Err() != nil {
			return err
		}
		return &httpError{status: http.StatusUnprocessableEntity, detail: "the article could not be processed: " + err.Error()}
	}
	exists, err := s.cfg.Store.Has(r.Context(), d.ID)
	if err != nil {
		return err
	}
	if !exists {
		if err := s.cfg.Store.Put(r.Context(), []*doc.Document{d}); err != nil {
			return err
		}
	}
	w.Header().Set("Location", "/api/v1/documents/"+url.PathEscape(d.ID))
	if exists {
		return writeJSON(w, Ingested{ID: d.ID})
	}
	s.log.Info("document ingested", "id", d.ID, "words", len(strings.Fields(d.Text)))
	return writeJSON(w, Ingested{ID: d.ID, Created: true}, http.StatusCreated)
}
