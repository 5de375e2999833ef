// Package storetest is the conformance suite for store.Store implementations: Run stores hand-built
// documents (written for these tests) and checks every query, so that the SQLite store and a later
// PostgreSQL store answer alike.
package storetest
