package api

import (
	"net/http"
	"strings"

	"github.com/newsgraph/newsgraph/internal/store"
)

// graph: GET /api/v1/graph?entity=&type=&nodes= returns the network of the most mentioned people and
// organizations (or of one entity's neighbours), with co-occurrence and quotation edges.
func (s *server) graph(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	nodes, err := intParam(r, "nodes", 0, store.MaxGraphNodes)
	if err != nil {
		return err
	}
	gq := store.GraphQuery{Entity: q.Get("entity"), Nodes: nodes}
	if v := q.Get("type"); v != "" {
		gq.Types = strings.Split(v, ",")
	}
	g, err := s.cfg.Store.Graph(r.Context(), gq)
	if err != nil {
		return err
	}
	return writeJSON(w, g)
}

// MaxPlaces is the most places one map request returns.
const MaxPlaces = 1000

// places: GET /api/v1/places?entity=&since=&until=&limit= returns resolved places, most mentioned first.
func (s *server) places(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	n, err := intParam(r, "limit", 500, MaxPlaces)
	if err != nil {
		return err
	}
	ps, err := s.cfg.Store.Places(r.Context(), store.PlaceQuery{Entity: q.Get("entity"), Dates: dates(r), Limit: n})
	if err != nil {
		return err
	}
	return writeJSON(w, store.Page[store.MapPlace]{Items: ps})
}

// mentions: GET /api/v1/entities/{key}/mentions counts the articles mentioning an entity per day.
func (s *server) mentions(w http.ResponseWriter, r *http.Request) error {
	days, err := s.cfg.Store.Mentions(r.Context(), r.PathValue("key"))
	if err != nil {
		return err
	}
	return writeJSON(w, store.Page[store.DayCount]{Items: days})
}
