package sqlite

import (
	"bytes"
	"compress/gzip"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/store"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// Options configures Open. The zero value opens (creating when needed) a writable store.
type Options struct {
	// ReadOnly opens an existing store for queries only: Put fails and nothing is ever written.
	ReadOnly bool
	// Readers is the size of the read connection pool; 0 means 2×GOMAXPROCS.
	Readers int
	// BeforeCommit, when set, is called inside every Put transaction just before it commits. It exists for
	// crash tests (kill the process while a transaction is open); leave it nil.
	BeforeCommit func()
}

// DB is a store.Store kept in one SQLite file.
type DB struct {
	path string
	hook func()
	// probeAbove, when not 0, replaces the estimated match count above which a full-text filter is checked
	// row by row (tests force either plan with it).
	probeAbove int64
	w          *sql.DB // the one writer connection; nil when read-only
	r          *sql.DB // read-only pool
}

var _ store.Store = (*DB)(nil)

// Open opens the store at path, creating the file and its directory when needed (unless opts.ReadOnly), and
// applies any pending migrations.
func Open(ctx context.Context, path string, opts Options) (*DB, error) {
	if path == "" {
		return nil, errors.New("sqlite: empty database path")
	}
	s := &DB{path: path, hook: opts.BeforeCommit}
	if opts.ReadOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("sqlite: no database at %s (run 'newsgraph ingest' first): %w", path, err)
		}
	} else {
		if dir := filepath.Dir(path); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, fmt.Errorf("sqlite: %w", err)
			}
		}
		w, err := sql.Open("sqlite", dsn(path, false))
		if err != nil {
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
		w.SetMaxOpenConns(1)
		w.SetMaxIdleConns(1)
		w.SetConnMaxLifetime(0)
		s.w = w
		if err := s.migrate(ctx); err != nil {
			w.Close()
			return nil, fmt.Errorf("sqlite: %s: %w", path, err)
		}
	}
	r, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	n := opts.Readers
	if n <= 0 {
		n = 2 * runtime.GOMAXPROCS(0)
	}
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	r.SetConnMaxLifetime(0)
	s.r = r
	if opts.ReadOnly {
		var v int
		if err := r.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
			s.Close()
			return nil, fmt.Errorf("sqlite: %s: %w", path, err)
		}
		if v != len(migrations) {
			s.Close()
			return nil, fmt.Errorf("sqlite: %s has schema version %d, this build needs %d (run 'newsgraph ingest' to upgrade)", path, v, len(migrations))
		}
	}
	return s, nil
}

// dsn builds the connection string. WAL lets readers run beside the writer; synchronous=NORMAL in WAL mode
// never corrupts the file and never leaves half a transaction after a crash (the last commits may be lost on
// power failure, not on a process kill).
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "foreign_keys(1)")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
		q.Set("mode", "ro")
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(NORMAL)")
		q.Set("_txlock", "immediate")
	}
	q.Add("_pragma", "cache_size(-32000)")
	q.Add("_pragma", "temp_store(MEMORY)")
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

func (s *DB) migrate(ctx context.Context) error {
	var v int
	if err := s.w.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	if v > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this build knows (%d)", v, len(migrations))
	}
	for i := v; i < len(migrations); i++ {
		tx, err := s.w.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", i+1)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
	}
	return nil
}

// Path returns the database file.
func (s *DB) Path() string { return s.path }

// Close closes every connection; on a writable store it checkpoints the WAL into the main file first.
func (s *DB) Close() error {
	var errs []error
	if s.r != nil {
		errs = append(errs, s.r.Close())
	}
	if s.w != nil {
		_, _ = s.w.Exec("PRAGMA optimize")
		_, _ = s.w.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		errs = append(errs, s.w.Close())
	}
	return errors.Join(errs...)
}

// IntegrityCheck runs PRAGMA integrity_check and the FTS5 integrity checks and returns nil when all pass.
func (s *DB) IntegrityCheck(ctx context.Context) error {
	rows, err := s.r.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return err
	}
	var msgs []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			rows.Close()
			return err
		}
		if m != "ok" {
			msgs = append(msgs, m)
		}
	}
	rows.Close()
	if len(msgs) > 0 {
		return fmt.Errorf("integrity_check: %s", strings.Join(msgs, "; "))
	}
	if s.w != nil {
		for _, t := range []string{"documents_fts", "quotes_fts"} {
			if _, err := s.w.ExecContext(ctx, fmt.Sprintf("INSERT INTO %s(%s) VALUES('integrity-check')", t, t)); err != nil {
				return fmt.Errorf("%s: %w", t, err)
			}
		}
	}
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM documents d WHERE
		n_quotes <> (SELECT count(*) FROM quotes q WHERE q.doc = d.rowid) OR
		n_entities <> (SELECT count(*) FROM doc_entities de WHERE de.doc = d.rowid)`).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("%d documents are incomplete", n)
	}
	kept, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	counted, err := s.countAll(ctx)
	if err != nil {
		return err
	}
	if kept != counted {
		return fmt.Errorf("running totals %+v differ from the tables %+v", kept, counted)
	}
	return nil
}

// Has reports whether a document with this id is stored.
func (s *DB) Has(ctx context.Context, id string) (bool, error) {
	var one int
	err := s.r.QueryRowContext(ctx, "SELECT 1 FROM documents WHERE id = ?", id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// Stats counts what is stored, from running totals.
func (s *DB) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	field := map[string]*int64{"documents": &st.Documents, "entities": &st.Entities, "mentions": &st.Mentions,
		"quotes": &st.Quotes, "times": &st.Times, "places": &st.Places, "events": &st.Events, "words": &st.Words}
	rows, err := s.r.QueryContext(ctx, "SELECT name, n FROM counters")
	if err != nil {
		return st, err
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		var n int64
		if err := rows.Scan(&name, &n); err != nil {
			return st, err
		}
		if f := field[name]; f != nil {
			*f = n
		}
	}
	return st, rows.Err()
}

// countAll counts every table, as Stats did before the running totals; IntegrityCheck compares the two.
func (s *DB) countAll(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	err := s.r.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM documents), (SELECT count(*) FROM entities), (SELECT count(*) FROM mentions),
		(SELECT count(*) FROM quotes), (SELECT count(*) FROM times), (SELECT count(*) FROM places),
		(SELECT count(*) FROM events), (SELECT coalesce(sum(words), 0) FROM documents)`).Scan(
		&st.Documents, &st.Entities, &st.Mentions, &st.Quotes, &st.Times, &st.Places, &st.Events, &st.Words)
	return st, err
}

// Document returns the stored document encoded as schema newsgraph/1.
func (s *DB) Document(ctx context.Context, id string) (json.RawMessage, error) {
	var body []byte
	var text string
	err := s.r.QueryRowContext(ctx, "SELECT body, text FROM documents WHERE id = ?", id).Scan(&body, &text)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("document %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	return decodeBody(body, text)
}

// Stored returns stored documents' metadata and text for re-running the extractors.
func (s *DB) Stored(ctx context.Context, after string, limit int) ([]*doc.Document, error) {
	if limit <= 0 {
		limit = 100
	}
	rows, err := s.r.QueryContext(ctx, `SELECT id, url, source, title, author, site_name, published, language, text
		FROM documents WHERE id > ? ORDER BY id LIMIT ?`, after, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*doc.Document
	for rows.Next() {
		d := &doc.Document{}
		if err := rows.Scan(&d.ID, &d.URL, &d.Source, &d.Title, &d.Author, &d.SiteName, &d.Published, &d.Language, &d.Text); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// The body of a stored document is its JSON encoding without the text (which the documents table holds
// once, for the full-text index), gzip-compressed.
var (
	textField = []byte(`,"text":`)
	noText    = []byte(`,"text":""`)
	gzPool    = sync.Pool{New: func() any { w, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed); return w }}
)

// encodeBody blanks the top-level "text" of an encoded document and compresses the rest. The top-level
// text is the first `,"text":` in the encoding: the fields before it (schema, id, url, source, title, author,
// site_name, published, language) are strings, whose quotes are escaped.
func encodeBody(enc []byte) ([]byte, error) {
	i := bytes.Index(enc, textField)
	if i < 0 {
		return nil, errors.New(`no "text" field`)
	}
	j := i + len(textField)
	var text string
	dec := json.NewDecoder(bytes.NewReader(enc[j:]))
	if err := dec.Decode(&text); err != nil {
		return nil, err
	}
	end := j + int(dec.InputOffset())
	out := make([]byte, 0, len(enc)-(end-j)+len(noText))
	out = append(append(append(out, enc[:i]...), noText...), enc[end:]...)
	var buf bytes.Buffer
	zw := gzPool.Get().(*gzip.Writer)
	defer gzPool.Put(zw)
	zw.Reset(&buf)
	if _, err := zw.Write(out); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// decodeBody decompresses a body and puts text back in.
func decodeBody(body []byte, text string) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("stored document body: %w", err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("stored document body: %w", err)
	}
	i := bytes.Index(b, noText)
	if i < 0 {
		return nil, errors.New(`stored document body: no "text" field`)
	}
	t, err := json.Marshal(text)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(b)+len(t))
	out = append(append(append(append(out, b[:i]...), textField...), t...), b[i+len(noText):]...)
	return out, nil
}
