// Package sqlite is the embedded store: one SQLite file (modernc.org/sqlite, pure Go) in WAL mode, created
// and upgraded by an append-only list of migrations, with FTS5 full-text indexes that fold case and
// diacritics (unicode61 remove_diacritics 2) over article text and quotation content.
//
// Input: processed doc.Document values through Put. Output: the store.Reader queries. Writes go through one
// connection in IMMEDIATE transactions, so a document is stored whole or not at all even when the process is
// killed mid-batch; reads use a pool of read-only connections and never wait for the writer.
package sqlite
