package api

import (
	"net/http"

	"github.com/newsgraph/newsgraph/internal/store"
)

// timeline: GET /api/v1/timeline?entity=&about=&since=&until=&limit=&cursor=
func (s *server) timeline(w http.ResponseWriter, r *http.Request) error {
	n, err := limitParam(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	page, err := s.cfg.Store.Timeline(r.Context(), store.TimelineQuery{Entity: q.Get("entity"), About: q.Get("about"),
		Dates: dates(r), Limit: n, Cursor: q.Get("cursor")})
	if err != nil {
		return err
	}
	return writeJSON(w, page)
}
