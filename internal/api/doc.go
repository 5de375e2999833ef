// Package api serves the knowledge base as an HTTP JSON API under /api/v1/: documents, entities, quotations,
// full-text search and a timeline, with filters and cursor pagination, described by an OpenAPI 3.1 document
// at /api/v1/openapi.json.
//
// Input: a store.Store and a Config. Output: an http.Handler. Every error is an RFC 9457
// application/problem+json body; bad parameters get 400, unknown ids 404, never 500. The API is read-only
// unless Config.Token is set: then POST /api/v1/documents ingests one article for requests that carry
// "Authorization: Bearer TOKEN". Each resource has its own file; routes use the standard library ServeMux
// patterns. A web page (Config.Web) is mounted at "/".
package api
