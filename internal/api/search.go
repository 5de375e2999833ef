package api

import (
	"net/http"

	"github.com/newsgraph/newsgraph/internal/store"
)

// search: GET /api/v1/search?q=&in=articles|quotes&since=&until=&limit=&cursor=
func (s *server) search(w http.ResponseWriter, r *http.Request) error {
	n, err := limitParam(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	if q.Get("q") == "" {
		return badRequest("q is required: the words to search for")
	}
	page, err := s.cfg.Store.Search(r.Context(), store.SearchQuery{Text: q.Get("q"), In: q.Get("in"), Dates: dates(r), Limit: n, Cursor: q.Get("cursor")})
	if err != nil {
		return err
	}
	return writeJSON(w, page)
}
