package sqlite

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/store"
)

// cursor is the keyset position after the last item of a page, encoded as base64url JSON.
type cursor struct {
	P string `json:"p,omitempty"` // sort key (publication date)
	K int    `json:"k,omitempty"` // kind rank (timeline)
	N int64  `json:"n,omitempty"` // sort number (mentions)
	R int64  `json:"r"`           // rowid
}

func (c cursor) encode() string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s string) (*cursor, error) {
	if s == "" {
		return nil, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	var c cursor
	if err == nil {
		err = json.Unmarshal(b, &c)
	}
	if err != nil {
		return nil, store.Invalid("cursor", "not a cursor this server returned")
	}
	return &c, nil
}

func limit(n int) int {
	switch {
	case n <= 0:
		return store.DefaultLimit
	case n > store.MaxLimit:
		return store.MaxLimit
	}
	return n
}

// dateRange validates Since/Until (YYYY, YYYY-MM or YYYY-MM-DD, inclusive) and returns the half-open text
// range [lo, hi) of normalised publication dates they cover; "" means unbounded.
func dateRange(d store.Dates) (lo, hi string, err error) {
	if d.Since != "" {
		t, _, err := parsePeriod("since", d.Since)
		if err != nil {
			return "", "", err
		}
		lo = t.Format("2006-01-02")
	}
	if d.Until != "" {
		_, next, err := parsePeriod("until", d.Until)
		if err != nil {
			return "", "", err
		}
		hi = next.Format("2006-01-02")
	}
	if lo != "" && hi != "" && lo >= hi {
		return "", "", store.Invalid("until", "%s is before since %s", d.Until, d.Since)
	}
	return lo, hi, nil
}

// parsePeriod parses YYYY, YYYY-MM or YYYY-MM-DD and returns its first day and the first day after it.
func parsePeriod(field, s string) (time.Time, time.Time, error) {
	s = strings.TrimSpace(s)
	for _, f := range []struct {
		layout string
		y, m   int
		d      int
	}{{"2006-01-02", 0, 0, 1}, {"2006-01", 0, 1, 0}, {"2006", 1, 0, 0}} {
		if len(s) != len(f.layout) {
			continue
		}
		if t, err := time.Parse(f.layout, s); err == nil {
			return t, t.AddDate(f.y, f.m, f.d), nil
		}
	}
	return time.Time{}, time.Time{}, store.Invalid(field, "%q is not a date (want YYYY-MM-DD, YYYY-MM or YYYY)", s)
}

// where collects SQL conditions and their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

func (w *where) dates(col string, d store.Dates) error {
	lo, hi, err := dateRange(d)
	if err != nil {
		return err
	}
	if lo != "" {
		w.add(col+" >= ?", lo)
	}
	if hi != "" {
		w.add(col+" < ?", hi)
		if lo == "" {
			w.add(col + " <> ''")
		}
	}
	return nil
}

// Documents lists documents, newest first.
func (s *DB) Documents(ctx context.Context, q store.DocumentQuery) (store.Page[store.DocumentSummary], error) {
	var page store.Page[store.DocumentSummary]
	n := limit(q.Limit)
	c, err := decodeCursor(q.Cursor)
	if err != nil {
		return page, err
	}
	var w where
	from := "documents d"
	sortCol := "d.pub"
	e, err := s.resolveOpt(ctx, "entity", q.Entity)
	if err != nil {
		return page, err
	}
	if e != nil {
		from = "doc_entities de JOIN documents d ON d.rowid = de.doc"
		w.add("de.entity = ?", e.row)
		sortCol = "de.pub"
	}
	if err := w.dates(sortCol, q.Dates); err != nil {
		return page, err
	}
	if c != nil {
		w.add("("+sortCol+" < ? OR ("+sortCol+" = ? AND d.rowid < ?))", c.P, c.P, c.R)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT d.rowid, d.pub, d.id, d.title, d.url, d.source, d.published, d.language,
		d.words, d.n_entities, d.n_quotes FROM `+from+w.sql()+` ORDER BY `+sortCol+` DESC, d.rowid DESC LIMIT ?`, append(w.args, n+1)...)
	if err != nil {
		return page, err
	}
	defer rows.Close()
	var last cursor
	for rows.Next() {
		var d store.DocumentSummary
		var cur cursor
		if err := rows.Scan(&cur.R, &cur.P, &d.ID, &d.Title, &d.URL, &d.Source, &d.Published, &d.Language, &d.Words, &d.Entities, &d.Quotes); err != nil {
			return page, err
		}
		if len(page.Items) == n {
			page.Next = last.encode()
			break
		}
		page.Items = append(page.Items, d)
		last = cur
	}
	return page, rows.Err()
}

// Search finds articles or quotations matching a full-text query, most recently stored first.
func (s *DB) Search(ctx context.Context, q store.SearchQuery) (store.Page[store.SearchHit], error) {
	var page store.Page[store.SearchHit]
	match, err := ftsQuery("q", q.Text)
	if err != nil {
		return page, err
	}
	n := limit(q.Limit)
	c, err := decodeCursor(q.Cursor)
	if err != nil {
		return page, err
	}
	var w where
	var query string
	switch q.In {
	case "", "articles":
		if ok, err := s.ftsWhere(ctx, &w, "documents", match, "d.pub", q.Dates, c); err != nil || !ok {
			return page, err
		}
		query = `SELECT f.rowid, d.id, d.title, d.published, snippet(documents_fts, -1, '` + store.MarkStart + `', '` + store.MarkEnd + `', '…', 24)
			FROM documents_fts f JOIN documents d ON d.rowid = f.rowid` + w.sql() + ` ORDER BY f.rowid DESC LIMIT ?`
	case "quotes":
		if ok, err := s.ftsWhere(ctx, &w, "quotes", "content : ("+match+")", "q.pub", q.Dates, c); err != nil || !ok {
			return page, err
		}
		query = `SELECT f.rowid, d.id, d.title, d.published, snippet(quotes_fts, 0, '` + store.MarkStart + `', '` + store.MarkEnd + `', '…', 24)
			FROM quotes_fts f JOIN quotes q ON q.rowid = f.rowid JOIN documents d ON d.rowid = q.doc` + w.sql() + ` ORDER BY f.rowid DESC LIMIT ?`
	default:
		return page, store.Invalid("in", "%q is not one of articles, quotes", q.In)
	}
	rows, err := s.r.QueryContext(ctx, query, append(w.args, n+1)...)
	if err != nil {
		return page, ftsError(err)
	}
	defer rows.Close()
	var last int64
	var quoteRows []int64
	for rows.Next() {
		var h store.SearchHit
		var r int64
		if err := rows.Scan(&r, &h.Document, &h.Title, &h.Published, &h.Snippet); err != nil {
			return page, ftsError(err)
		}
		if len(page.Items) == n {
			page.Next = cursor{R: last}.encode()
			break
		}
		h.Kind = "article"
		if q.In == "quotes" {
			h.Kind = "quote"
			quoteRows = append(quoteRows, r)
		}
		page.Items = append(page.Items, h)
		last = r
	}
	if err := rows.Err(); err != nil {
		return page, ftsError(err)
	}
	rows.Close()
	if len(quoteRows) > 0 {
		qs, err := s.quotesByRow(ctx, quoteRows)
		if err != nil {
			return page, err
		}
		for i := range page.Items {
			page.Items[i].Quote = qs[quoteRows[i]]
		}
	}
	return page, nil
}

// ftsWhere adds to w the conditions of a page driven by table's full-text index (the index row is f,
// most recently stored first): the match, the publication dates on dateCol and the position after cursor
// c. ok is false when no row has such a date, so the page is empty.
func (s *DB) ftsWhere(ctx context.Context, w *where, table, match, dateCol string, d store.Dates, c *cursor) (ok bool, err error) {
	w.add(table+"_fts MATCH ?", match)
	if err := w.dates(dateCol, d); err != nil {
		return false, err
	}
	if ok, err := s.boundRows(ctx, w, table, "f.rowid", d); err != nil || !ok {
		return false, err
	}
	if c != nil {
		w.add("f.rowid < ?", c.R)
	}
	return true, nil
}

// boundScan is the most rows boundRows reads to bound a date range.
const boundScan = 10000

// boundRows adds to w the range of rowids of table whose publication dates fall within d, so that a
// full-text match only walks that part of its posting lists (FTS5 seeks on rowid ranges). Articles are
// mostly stored in publication order, which makes the range tight; when they are not, the range is merely
// loose and the date condition in w still decides. ok is false when no row has such a date.
func (s *DB) boundRows(ctx context.Context, w *where, table, col string, d store.Dates) (ok bool, err error) {
	if d.Since == "" && d.Until == "" {
		return true, nil
	}
	lo, hi, err := dateRange(d)
	if err != nil {
		return false, err
	}
	var r where
	if lo != "" {
		r.add("pub >= ?", lo)
	}
	if hi != "" {
		r.add("pub < ?", hi)
	}
	// A wide range gives loose bounds and costs a long index scan: look at no more than boundScan rows.
	var minR, maxR sql.NullInt64
	var n int
	if err := s.r.QueryRowContext(ctx, fmt.Sprintf("SELECT min(rowid), max(rowid), count(*) FROM (SELECT rowid FROM %s%s LIMIT %d)", table, r.sql(), boundScan),
		r.args...).Scan(&minR, &maxR, &n); err != nil {
		return false, err
	}
	if n == 0 {
		return false, nil
	}
	if n < boundScan {
		w.add(col+" BETWEEN ? AND ?", minR.Int64, maxR.Int64)
	}
	return true, nil
}

// common reports whether a full-text query matches so many rows of table ("documents" or "quotes") that
// checking rows one by one in date order beats collecting every match first. Measured on 100,000 generated
// articles (400,000 quotations), checking one row (a correlated FTS5 query) costs about 23 µs and
// collecting one match about 0.16 µs, some 150 times less; a page needs about 20 rows, so the plans cost
// the same near √(3000·rows) matches (17,000 of 100,000 documents: about 3 ms either way). The estimate
// comes from the term statistics: the rarest group of the query, a group counting the sum of its
// alternatives, a phrase its rarest word.
func (s *DB) common(ctx context.Context, table string, p ftsParsed) (bool, error) {
	var total int64
	if err := s.r.QueryRowContext(ctx, "SELECT coalesce(max(rowid), 0) FROM "+table).Scan(&total); err != nil {
		return false, err
	}
	threshold := int64(math.Sqrt(3000*float64(total))) + 100
	if s.probeAbove != 0 {
		threshold = s.probeAbove
	}
	est := int64(-1)
	for _, g := range p.groups {
		var sum int64
		for _, t := range g {
			words := tokens(t.text)
			var m int64 = -1
			for i, w := range words {
				var n int64
				var err error
				if t.prefix && i == len(words)-1 {
					err = s.r.QueryRowContext(ctx, "SELECT coalesce(sum(doc), 0) FROM "+table+"_vocab WHERE term >= ? AND term < ?", w, w+"\U0010FFFF").Scan(&n)
				} else {
					err = s.r.QueryRowContext(ctx, "SELECT coalesce(max(doc), 0) FROM "+table+"_vocab WHERE term = ?", w).Scan(&n)
				}
				if err != nil {
					return false, err
				}
				if m < 0 || n < m {
					m = n
				}
			}
			sum += max(m, 0)
		}
		if est < 0 || sum < est {
			est = sum
		}
	}
	return est > threshold, nil
}

// ftsError turns an FTS5 syntax error (which ftsQuery should already prevent) into a 4xx error.
func ftsError(err error) error {
	if err != nil && (strings.Contains(err.Error(), "fts5:") || strings.Contains(err.Error(), "syntax error")) {
		return store.Invalid("q", "the search could not be parsed: %v", err)
	}
	return err
}

const quoteCols = `q.rowid, q.pub, d.id, d.title, d.published, q.local, q.kind, q.content_start, q.content_end, q.content,
	q.cue_start, q.cue_end, q.cue, q.source_start, q.source_end, q.source, coalesce(e.key, ''), coalesce(e.name, '')`

const quoteFrom = ` FROM quotes q JOIN documents d ON d.rowid = q.doc LEFT JOIN entities e ON e.rowid = q.speaker`

func scanQuote(rows *sql.Rows) (store.Quote, cursor, error) {
	var q store.Quote
	var c cursor
	var ss, se sql.NullInt64
	var st sql.NullString
	err := rows.Scan(&c.R, &c.P, &q.Document, &q.Title, &q.Published, &q.ID, &q.Kind, &q.Content.Start, &q.Content.End, &q.Content.Text,
		&q.Cue.Start, &q.Cue.End, &q.Cue.Text, &ss, &se, &st, &q.SpeakerKey, &q.SpeakerName)
	if ss.Valid && se.Valid {
		q.Source = &doc.Span{Start: int(ss.Int64), End: int(se.Int64), Text: st.String}
	}
	return q, c, err
}

func (s *DB) quotesByRow(ctx context.Context, ids []int64) (map[int64]*store.Quote, error) {
	ph := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.r.QueryContext(ctx, "SELECT "+quoteCols+quoteFrom+" WHERE q.rowid IN ("+ph+")", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]*store.Quote{}
	for rows.Next() {
		q, c, err := scanQuote(rows)
		if err != nil {
			return nil, err
		}
		out[c.R] = &q
	}
	return out, rows.Err()
}

// Quotes lists quotations, newest first. With About, the full-text index drives the query and quotations
// come most recently stored first (which is newest first when articles are ingested as they appear); the
// speaker is then one more term of the same index query, so both filters cost one posting-list
// intersection.
func (s *DB) Quotes(ctx context.Context, q store.QuoteQuery) (store.Page[store.Quote], error) {
	var page store.Page[store.Quote]
	n := limit(q.Limit)
	c, err := decodeCursor(q.Cursor)
	if err != nil {
		return page, err
	}
	speaker, err := s.resolveOpt(ctx, "speaker", q.Speaker)
	if err != nil {
		return page, err
	}
	var w where
	var query string
	if q.About != "" {
		match, err := ftsQuery("about", q.About)
		if err != nil {
			return page, err
		}
		match = "content : (" + match + ")"
		if speaker != nil {
			match = `speaker_tok : "` + speakerToken(speaker.row) + `" AND ` + match
		}
		if ok, err := s.ftsWhere(ctx, &w, "quotes", match, "q.pub", q.Dates, c); err != nil || !ok {
			return page, err
		}
		query = "SELECT " + quoteCols + " FROM quotes_fts f JOIN quotes q ON q.rowid = f.rowid JOIN documents d ON d.rowid = q.doc LEFT JOIN entities e ON e.rowid = q.speaker" +
			w.sql() + " ORDER BY f.rowid DESC LIMIT ?"
	} else {
		if speaker != nil {
			w.add("q.speaker = ?", speaker.row)
		}
		if err := w.dates("q.pub", q.Dates); err != nil {
			return page, err
		}
		if c != nil {
			w.add("(q.pub < ? OR (q.pub = ? AND q.rowid < ?))", c.P, c.P, c.R)
		}
		query = "SELECT " + quoteCols + quoteFrom + w.sql() + " ORDER BY q.pub DESC, q.rowid DESC LIMIT ?"
	}
	rows, err := s.r.QueryContext(ctx, query, append(w.args, n+1)...)
	if err != nil {
		return page, ftsError(err)
	}
	defer rows.Close()
	var last cursor
	for rows.Next() {
		qq, cur, err := scanQuote(rows)
		if err != nil {
			return page, ftsError(err)
		}
		if len(page.Items) == n {
			page.Next = last.encode()
			break
		}
		page.Items = append(page.Items, qq)
		last = cur
	}
	return page, ftsError(rows.Err())
}

// entityRow is an entity with its rowid.
type entityRow struct {
	store.Entity
	row int64
}

const entityCols = "e.rowid, e.key, e.type, e.name, e.first_seen, e.last_seen, e.docs, e.mentions, e.quotes"

func scanEntity(sc interface{ Scan(...any) error }) (entityRow, error) {
	var e entityRow
	err := sc.Scan(&e.row, &e.Key, &e.Type, &e.Name, &e.FirstSeen, &e.LastSeen, &e.Documents, &e.Mentions, &e.Quotes)
	return e, err
}

// resolve finds an entity by exact key, else by a name or alias (case and diacritics folded), preferring
// the most mentioned.
func (s *DB) resolve(ctx context.Context, nameOrKey string) (entityRow, error) {
	v := strings.TrimSpace(nameOrKey)
	if v == "" {
		return entityRow{}, store.Invalid("entity", "empty name")
	}
	e, err := scanEntity(s.r.QueryRowContext(ctx, "SELECT "+entityCols+" FROM entities e WHERE e.key = ?", v))
	if err == nil {
		return e, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return e, err
	}
	// A full name or alias first, then a surname.
	e, err = scanEntity(s.r.QueryRowContext(ctx, "SELECT "+entityCols+` FROM entities e JOIN
		(SELECT entity, min(CASE kind WHEN 'last' THEN 1 ELSE 0 END) AS pref FROM entity_names
		WHERE norm = ? AND kind IN ('name', 'alias', 'last') GROUP BY entity) m ON m.entity = e.rowid
		ORDER BY m.pref, e.mentions DESC LIMIT 1`, Fold(v)))
	if errors.Is(err, sql.ErrNoRows) {
		return e, fmt.Errorf("entity %q: %w", v, store.ErrNotFound)
	}
	return e, err
}

// resolveOpt resolves the optional entity filter field: nil when nameOrKey is empty, an error naming
// field when it is blank.
func (s *DB) resolveOpt(ctx context.Context, field, nameOrKey string) (*entityRow, error) {
	if nameOrKey == "" {
		return nil, nil
	}
	if strings.TrimSpace(nameOrKey) == "" {
		return nil, store.Invalid(field, "empty name")
	}
	e, err := s.resolve(ctx, nameOrKey)
	if err != nil {
		return nil, err
	}
	return &e, nil
}

// Resolve finds the entity a user means by a key or a name.
func (s *DB) Resolve(ctx context.Context, nameOrKey string) (store.Entity, error) {
	e, err := s.resolve(ctx, nameOrKey)
	if err != nil {
		return store.Entity{}, err
	}
	if err := s.attachNames(ctx, []*entityRow{&e}, 5); err != nil {
		return store.Entity{}, err
	}
	return e.Entity, nil
}

// attachNames fills Names, Titles, Countries and Orgs (at most max of each, most frequent first).
func (s *DB) attachNames(ctx context.Context, es []*entityRow, max int) error {
	if len(es) == 0 {
		return nil
	}
	byRow := map[int64]*entityRow{}
	args := make([]any, len(es))
	for i, e := range es {
		byRow[e.row] = e
		args[i] = e.row
	}
	ph := strings.TrimSuffix(strings.Repeat("?,", len(es)), ",")
	rows, err := s.r.QueryContext(ctx, "SELECT entity, kind, value, n FROM entity_names WHERE entity IN ("+ph+") ORDER BY n DESC, value", args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var kind string
		var c store.Count
		if err := rows.Scan(&id, &kind, &c.Value, &c.N); err != nil {
			return err
		}
		e := byRow[id]
		var list *[]store.Count
		switch kind {
		case "name", "alias":
			list = &e.Names
		case "title":
			list = &e.Titles
		case "country":
			list = &e.Countries
		case "org":
			list = &e.Orgs
		default:
			continue
		}
		dup := false
		for i := range *list {
			if (*list)[i].Value == c.Value {
				(*list)[i].N += c.N
				dup = true
			}
		}
		if !dup && len(*list) < max {
			*list = append(*list, c)
		}
	}
	return rows.Err()
}

// Entities lists cross-document entities by number of mentions.
func (s *DB) Entities(ctx context.Context, q store.EntityQuery) (store.Page[store.Entity], error) {
	var page store.Page[store.Entity]
	n := limit(q.Limit)
	c, err := decodeCursor(q.Cursor)
	if err != nil {
		return page, err
	}
	var w where
	if q.Type != "" {
		t := strings.ToUpper(q.Type)
		switch t {
		case "PERSON", "ORG", "LOC", "MISC":
		case "PER":
			t = "PERSON"
		default:
			return page, store.Invalid("type", "%q is not one of PERSON, ORG, LOC, MISC", q.Type)
		}
		w.add("e.type = ?", t)
	}
	if q.Name != "" {
		f := Fold(q.Name)
		if f == "" {
			return page, store.Invalid("name", "empty name")
		}
		w.add("e.rowid IN (SELECT entity FROM entity_names WHERE norm >= ? AND norm < ? AND kind IN ('name', 'alias'))", f, f+"\U0010FFFF")
	}
	if c != nil {
		w.add("(e.mentions < ? OR (e.mentions = ? AND e.rowid > ?))", c.N, c.N, c.R)
	}
	rows, err := s.r.QueryContext(ctx, "SELECT "+entityCols+" FROM entities e"+w.sql()+" ORDER BY e.mentions DESC, e.rowid LIMIT ?", append(w.args, n+1)...)
	if err != nil {
		return page, err
	}
	var es []*entityRow
	for rows.Next() {
		e, err := scanEntity(rows)
		if err != nil {
			rows.Close()
			return page, err
		}
		es = append(es, &e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return page, err
	}
	if len(es) > n {
		last := es[n-1]
		page.Next = cursor{N: last.Mentions, R: last.row}.encode()
		es = es[:n]
	}
	if err := s.attachNames(ctx, es, 3); err != nil {
		return page, err
	}
	page.Items = make([]store.Entity, len(es))
	for i, e := range es {
		page.Items[i] = e.Entity
	}
	return page, nil
}

// Profile describes one entity.
func (s *DB) Profile(ctx context.Context, nameOrKey string) (store.Profile, error) {
	var p store.Profile
	e, err := s.resolve(ctx, nameOrKey)
	if err != nil {
		return p, err
	}
	if err := s.attachNames(ctx, []*entityRow{&e}, 10); err != nil {
		return p, err
	}
	p.Entity = e.Entity
	p.CoOccurring, p.LatestQuotes, p.Places, p.LatestDocuments = []store.CoOccurrence{}, []store.Quote{}, []store.PlaceCount{}, []store.DocumentSummary{}
	recent := fmt.Sprintf("SELECT doc FROM doc_entities WHERE entity = ?1 ORDER BY pub DESC, doc DESC LIMIT %d", store.ProfileWindow)
	// Count on doc_entities alone, then look up only the leaders (an entity is counted once per local id,
	// which is once per document but for rare grouping slips).
	rows, err := s.r.QueryContext(ctx, `SELECT e.key, e.type, e.name, t.c FROM
		(SELECT de.entity AS ent, count(*) AS c FROM (`+recent+`) r JOIN doc_entities de ON de.doc = r.doc
		WHERE de.entity <> ?1 GROUP BY de.entity ORDER BY c DESC LIMIT 30) t
		JOIN entities e ON e.rowid = t.ent ORDER BY t.c DESC, e.mentions DESC, e.rowid LIMIT 10`, e.row)
	if err != nil {
		return p, err
	}
	for rows.Next() {
		var c store.CoOccurrence
		if err := rows.Scan(&c.Key, &c.Type, &c.Name, &c.Documents); err != nil {
			rows.Close()
			return p, err
		}
		p.CoOccurring = append(p.CoOccurring, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return p, err
	}
	rows, err = s.r.QueryContext(ctx, `SELECT coalesce(pe.key, ''), t.name, coalesce(t.geonameid, 0), t.feature, t.country, t.admin1, t.lat, t.lon, t.c FROM
		(SELECT pl.entity, pl.name, pl.geonameid, pl.feature, pl.country, pl.admin1, pl.lat, pl.lon, count(DISTINCT pl.doc) AS c
		FROM (`+recent+`) r JOIN places pl ON pl.doc = r.doc
		GROUP BY coalesce(pl.geonameid, pl.name) ORDER BY c DESC, pl.name LIMIT 10) t
		LEFT JOIN entities pe ON pe.rowid = t.entity ORDER BY t.c DESC, t.name`, e.row)
	if err != nil {
		return p, err
	}
	for rows.Next() {
		var pc store.PlaceCount
		if err := rows.Scan(&pc.Key, &pc.Name, &pc.GeonameID, &pc.Feature, &pc.Country, &pc.Admin1, &pc.Lat, &pc.Lon, &pc.Documents); err != nil {
			rows.Close()
			return p, err
		}
		p.Places = append(p.Places, pc)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return p, err
	}
	// The entity itself resolved to a place.
	var pl doc.Place
	var gid sql.NullInt64
	err = s.r.QueryRowContext(ctx, `SELECT name, geonameid, feature, country, admin1, lat, lon, confidence FROM places
		WHERE entity = ? ORDER BY confidence DESC LIMIT 1`, e.row).Scan(&pl.Name, &gid, &pl.Feature, &pl.Country, &pl.Admin1, &pl.Lat, &pl.Lon, &pl.Confidence)
	if err == nil {
		pl.GeonameID = int(gid.Int64)
		p.Place = &pl
	} else if !errors.Is(err, sql.ErrNoRows) {
		return p, err
	}
	qs, err := s.Quotes(ctx, store.QuoteQuery{Speaker: e.Key, Limit: 5})
	if err != nil {
		return p, err
	}
	p.LatestQuotes = append(p.LatestQuotes, qs.Items...)
	ds, err := s.Documents(ctx, store.DocumentQuery{Entity: e.Key, Limit: 5})
	if err != nil {
		return p, err
	}
	p.LatestDocuments = append(p.LatestDocuments, ds.Items...)
	return p, nil
}

// Timeline lists dated articles, quotations and events in date order (oldest first). With Entity, articles
// that mention it, its quotations and events it takes part in or that happen there; with About, articles
// and quotations that match and events in matching articles.
func (s *DB) Timeline(ctx context.Context, q store.TimelineQuery) (store.Page[store.TimelineItem], error) {
	var page store.Page[store.TimelineItem]
	n := limit(q.Limit)
	c, err := decodeCursor(q.Cursor)
	if err != nil {
		return page, err
	}
	ent, err := s.resolveOpt(ctx, "entity", q.Entity)
	if err != nil {
		return page, err
	}
	var match string
	// probe says, per index, whether to check a match row by row (a common term: rows in date order meet
	// one soon) rather than to collect every matching rowid first (a rare term: few to collect).
	probeDocs, probeQuotes := false, false
	if q.About != "" {
		parsed, err := parseFTS("about", q.About)
		if err != nil {
			return page, err
		}
		match = parsed.match
		if probeDocs, err = s.common(ctx, "documents", parsed); err != nil {
			return page, err
		}
		if probeQuotes, err = s.common(ctx, "quotes", parsed); err != nil {
			return page, err
		}
	}
	docMatch := func(w *where, col string) {
		if probeDocs {
			w.add("EXISTS (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? AND rowid = "+col+")", match)
		} else {
			w.add("+"+col+" IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)", match)
		}
	}
	type item struct {
		store.TimelineItem
		cur cursor
	}
	var items []item
	// after adds the keyset condition for a part whose kind rank is k.
	after := func(w *where, col string, k int, rowCol string) {
		if c == nil {
			return
		}
		if k > c.K {
			w.add(col+" >= ?", c.P)
		} else if k == c.K {
			w.add("("+col+" > ? OR ("+col+" = ? AND "+rowCol+" > ?))", c.P, c.P, c.R)
		} else {
			w.add(col+" > ?", c.P)
		}
	}
	run := func(k int, kind, query string, w *where) error {
		rows, err := s.r.QueryContext(ctx, query, append(w.args, n+1)...)
		if err != nil {
			return ftsError(err)
		}
		defer rows.Close()
		for rows.Next() {
			var it item
			if err := rows.Scan(&it.cur.R, &it.cur.P, &it.Document, &it.Title, &it.Text, &it.Speaker, &it.Code); err != nil {
				return err
			}
			it.cur.K = k
			it.Kind = kind
			it.Date = it.cur.P[:min(10, len(it.cur.P))]
			items = append(items, it)
		}
		return ftsError(rows.Err())
	}
	// Articles (rank 0).
	{
		var w where
		from := "documents d"
		col := "d.pub"
		if ent != nil {
			from = "doc_entities de JOIN documents d ON d.rowid = de.doc"
			col = "de.pub"
			w.add("de.entity = ?", ent.row)
		}
		w.add(col + " <> ''")
		if match != "" {
			docMatch(&w, "d.rowid")
		}
		if err := w.dates(col, q.Dates); err != nil {
			return page, err
		}
		after(&w, col, 0, "d.rowid")
		if err := run(0, "article", "SELECT d.rowid, "+col+", d.id, d.title, d.title, '', '' FROM "+from+w.sql()+" ORDER BY "+col+", d.rowid LIMIT ?", &w); err != nil {
			return page, err
		}
	}
	// Quotations (rank 1).
	{
		var w where
		if ent != nil {
			w.add("q.speaker = ?", ent.row)
		}
		w.add("q.pub <> ''")
		if match != "" {
			if probeQuotes {
				w.add("EXISTS (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid = q.rowid)", "content : ("+match+")")
			} else {
				w.add("+q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", "content : ("+match+")")
			}
		}
		if err := w.dates("q.pub", q.Dates); err != nil {
			return page, err
		}
		after(&w, "q.pub", 1, "q.rowid")
		if err := run(1, "quote", `SELECT q.rowid, q.pub, d.id, d.title, q.content, coalesce(e.name, ''), ''
			FROM quotes q JOIN documents d ON d.rowid = q.doc LEFT JOIN entities e ON e.rowid = q.speaker`+w.sql()+" ORDER BY q.pub, q.rowid LIMIT ?", &w); err != nil {
			return page, err
		}
	}
	// Events (rank 2): of an entity, those that happen at it and those it takes part in, each in date order
	// through its own index.
	eventParts := []struct{ join, cond, day, row string }{{"", "", "ev.day", "ev.rowid"}}
	if ent != nil {
		eventParts = []struct{ join, cond, day, row string }{
			{"", "ev.place = ?", "ev.day", "ev.rowid"},
			{" JOIN event_actors ea ON ea.event = ev.rowid", "ea.entity = ?", "ea.day", "ea.event"},
		}
	}
	for _, part := range eventParts {
		var w where
		if part.cond != "" {
			w.add(part.cond, ent.row)
		}
		w.add(part.day + " <> ''")
		if match != "" {
			docMatch(&w, "ev.doc")
		}
		if err := w.dates(part.day, q.Dates); err != nil {
			return page, err
		}
		after(&w, part.day, 2, part.row)
		if err := run(2, "event", `SELECT DISTINCT ev.rowid, ev.day, d.id, d.title, CASE WHEN ev.label <> '' THEN ev.label || ': ' || ev.trigger ELSE ev.trigger END, '', ev.code
			FROM events ev`+part.join+` JOIN documents d ON d.rowid = ev.doc`+w.sql()+" ORDER BY "+part.day+", "+part.row+" LIMIT ?", &w); err != nil {
			return page, err
		}
	}
	// An event at a place that also takes part in it came twice.
	seen := map[[2]int64]bool{}
	uniq := items[:0]
	for _, it := range items {
		k := [2]int64{int64(it.cur.K), it.cur.R}
		if !seen[k] {
			seen[k] = true
			uniq = append(uniq, it)
		}
	}
	items = uniq
	sort.Slice(items, func(i, j int) bool {
		a, b := items[i].cur, items[j].cur
		if a.P != b.P {
			return a.P < b.P
		}
		if a.K != b.K {
			return a.K < b.K
		}
		return a.R < b.R
	})
	if len(items) > n {
		page.Next = items[n-1].cur.encode()
		items = items[:n]
	}
	page.Items = make([]store.TimelineItem, len(items))
	for i, it := range items {
		page.Items[i] = it.TimelineItem
	}
	return page, nil
}
