// Package store defines the knowledge base that newsgraph ingests documents into and answers queries from:
// the Store interface, the query and result types, and the errors every implementation returns.
//
// Input: processed doc.Document values (byte offsets in memory). A store keeps what users see: every offset it
// returns is a code point offset, as in the JSON encoding of schema newsgraph/1, and Document returns that
// encoding exactly. Output: pages of documents, entities, quotations, search hits and timeline items, each
// with an opaque cursor for the next page.
//
// SQL lives behind the interface: package sqlite is the embedded default; a PostgreSQL implementation can
// satisfy the same interface and run the same conformance tests (package storetest).
package store
