package api

import (
	"net/http"

	"github.com/newsgraph/newsgraph/internal/store"
)

// listQuotes: GET /api/v1/quotes?speaker=&about=&since=&until=&limit=&cursor=
func (s *server) listQuotes(w http.ResponseWriter, r *http.Request) error {
	n, err := limitParam(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	page, err := s.cfg.Store.Quotes(r.Context(), store.QuoteQuery{Speaker: q.Get("speaker"), About: q.Get("about"),
		Dates: dates(r), Limit: n, Cursor: q.Get("cursor")})
	if err != nil {
		return err
	}
	return writeJSON(w, page)
}
