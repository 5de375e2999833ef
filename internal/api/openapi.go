package api

import (
	_ "embed"
	"net/http"
)

// openAPISpec describes every route in routes(); api_test checks that they match.
//
//go:embed openapi.json
var openAPISpec []byte

// openAPI: GET /api/v1/openapi.json
func (s *server) openAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "public, max-age=300")
	w.Write(openAPISpec)
	return nil
}
