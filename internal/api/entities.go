package api

import (
	"net/http"

	"github.com/newsgraph/newsgraph/internal/store"
)

// listEntities: GET /api/v1/entities?type=&q=&limit=&cursor= lists entities by mentions; q is a name prefix.
func (s *server) listEntities(w http.ResponseWriter, r *http.Request) error {
	n, err := limitParam(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	page, err := s.cfg.Store.Entities(r.Context(), store.EntityQuery{Type: q.Get("type"), Name: q.Get("q"), Limit: n, Cursor: q.Get("cursor")})
	if err != nil {
		return err
	}
	return writeJSON(w, page)
}

// getEntity: GET /api/v1/entities/{key} returns the profile of an entity given by key (or by name).
func (s *server) getEntity(w http.ResponseWriter, r *http.Request) error {
	p, err := s.cfg.Store.Profile(r.Context(), r.PathValue("key"))
	if err != nil {
		return err
	}
	return writeJSON(w, p)
}

// stats: GET /api/v1/stats counts what is stored.
func (s *server) stats(w http.ResponseWriter, r *http.Request) error {
	st, err := s.cfg.Store.Stats(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, st)
}
