package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// wireDoc is a document as its JSON encoding shows it: every offset in code points. Decoding into it (rather
// than into doc.Document, whose decoder converts back to bytes) keeps the offsets users see.
type wireDoc struct {
	ID        string       `json:"id"`
	URL       string       `json:"url"`
	Source    string       `json:"source"`
	Title     string       `json:"title"`
	Author    string       `json:"author"`
	SiteName  string       `json:"site_name"`
	Published string       `json:"published"`
	Language  string       `json:"language"`
	Text      string       `json:"text"`
	Entities  []doc.Entity `json:"entities"`
	Quotes    []doc.Quote  `json:"quotes"`
	Times     []doc.Time   `json:"times"`
	Places    []doc.Place  `json:"places"`
	Events    []doc.Event  `json:"events"`
}

// Put stores docs in one transaction (see store.Writer).
func (s *DB) Put(ctx context.Context, docs []*doc.Document) error {
	if s.w == nil {
		return errors.New("sqlite: store is read-only")
	}
	if len(docs) == 0 {
		return nil
	}
	// A batch that holds the same id twice stores the last one.
	last := make(map[string]int, len(docs))
	for i, d := range docs {
		if d == nil || d.ID == "" {
			return fmt.Errorf("sqlite: document %d has no id", i)
		}
		last[d.ID] = i
	}
	// Encode outside the transaction: the writer holds the lock for as short a time as possible.
	type enc struct {
		w    wireDoc
		body []byte
	}
	encs := make([]enc, 0, len(last))
	for i, d := range docs {
		if last[d.ID] != i {
			continue
		}
		var e enc
		b, err := json.Marshal(d)
		if err != nil {
			return fmt.Errorf("sqlite: encode %s: %w", d.ID, err)
		}
		if err := json.Unmarshal(b, &e.w); err != nil {
			return fmt.Errorf("sqlite: re-read %s: %w", d.ID, err)
		}
		if e.body, err = encodeBody(b); err != nil {
			return fmt.Errorf("sqlite: encode %s: %w", d.ID, err)
		}
		encs = append(encs, e)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: begin: %w", err)
	}
	defer tx.Rollback()
	p := &putter{ctx: ctx, tx: tx, touched: map[int64]bool{}, shrunk: map[int64]bool{}, stmts: map[string]*sql.Stmt{}, delta: map[string]int64{}}
	defer p.close()
	now := time.Now().UTC().Format(time.RFC3339)
	for i := range encs {
		if err := p.put(&encs[i].w, encs[i].body, now); err != nil {
			return fmt.Errorf("sqlite: store %s: %w", encs[i].w.ID, err)
		}
	}
	if err := p.finish(); err != nil {
		return fmt.Errorf("sqlite: update entities: %w", err)
	}
	if err := p.index(); err != nil {
		return fmt.Errorf("sqlite: full-text index: %w", err)
	}
	for _, name := range counterNames {
		if d := p.delta[name]; d != 0 {
			if _, err := p.exec("UPDATE counters SET n = n + ? WHERE name = ?", d, name); err != nil {
				return fmt.Errorf("sqlite: counters: %w", err)
			}
		}
	}
	if s.hook != nil {
		s.hook()
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: commit: %w", err)
	}
	return nil
}

type putter struct {
	ctx     context.Context
	tx      *sql.Tx
	stmts   map[string]*sql.Stmt
	touched map[int64]bool   // entities whose counts changed
	shrunk  map[int64]bool   // entities that lost a document: first/last seen and existence are recomputed
	docRows []int64          // documents inserted, to index at the end
	delta   map[string]int64 // changes to the counters table
	qRows   []int64          // quotations inserted
}

// counterNames are the counters Put keeps (the entity count is kept by triggers).
var counterNames = []string{"documents", "mentions", "quotes", "times", "places", "events", "words"}

// count adds sign × what document row holds to the counter deltas.
func (p *putter) count(row int64, sign int64) error {
	var c [7]int64
	err := p.queryRow(`SELECT 1, (SELECT count(*) FROM mentions WHERE doc = ?1), (SELECT count(*) FROM quotes WHERE doc = ?1),
		(SELECT count(*) FROM times WHERE doc = ?1), (SELECT count(*) FROM places WHERE doc = ?1),
		(SELECT count(*) FROM events WHERE doc = ?1), (SELECT words FROM documents WHERE rowid = ?1)`, row).Scan(&c[0], &c[1], &c[2], &c[3], &c[4], &c[5], &c[6])
	if err != nil {
		return err
	}
	for i, name := range counterNames {
		p.delta[name] += sign * c[i]
	}
	return nil
}

// index adds the documents and quotations of this transaction to the full-text indexes in one statement
// each.
func (p *putter) index() error {
	for _, x := range []struct {
		rows []int64
		q    string
	}{
		{p.docRows, "INSERT INTO documents_fts(rowid, title, text) SELECT rowid, title, text FROM documents WHERE rowid IN (SELECT value FROM json_each(?))"},
		{p.qRows, "INSERT INTO quotes_fts(rowid, content, speaker_tok) SELECT rowid, content, speaker_tok FROM quotes WHERE rowid IN (SELECT value FROM json_each(?))"},
	} {
		if len(x.rows) == 0 {
			continue
		}
		ids, _ := json.Marshal(x.rows)
		if _, err := p.tx.ExecContext(p.ctx, x.q, string(ids)); err != nil {
			return err
		}
	}
	return nil
}

func (p *putter) close() {
	for _, st := range p.stmts {
		st.Close()
	}
}

// exec runs a statement prepared once per transaction.
func (p *putter) stmt(q string) (*sql.Stmt, error) {
	if st := p.stmts[q]; st != nil {
		return st, nil
	}
	st, err := p.tx.PrepareContext(p.ctx, q)
	if err != nil {
		return nil, err
	}
	p.stmts[q] = st
	return st, nil
}

func (p *putter) exec(q string, args ...any) (sql.Result, error) {
	st, err := p.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(p.ctx, args...)
}

func (p *putter) queryRow(q string, args ...any) *sql.Row {
	st, err := p.stmt(q)
	if err != nil {
		// Surface the prepare error through Scan.
		return p.tx.QueryRowContext(p.ctx, q, args...)
	}
	return st.QueryRowContext(p.ctx, args...)
}

func (p *putter) put(w *wireDoc, body []byte, now string) error {
	var oldRow int64
	var oldBody []byte
	err := p.queryRow("SELECT rowid, body FROM documents WHERE id = ?", w.ID).Scan(&oldRow, &oldBody)
	switch {
	case err == nil:
		if err := p.remove(oldRow, oldBody); err != nil {
			return fmt.Errorf("replace: %w", err)
		}
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}
	pub := NormDate(w.Published)
	ents := 0
	for _, e := range w.Entities {
		if e.ID != "" {
			ents++
		}
	}
	res, err := p.exec(`INSERT INTO documents(id, url, source, title, author, site_name, published, pub, language,
		text, words, n_entities, n_quotes, body, ingested) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		w.ID, w.URL, w.Source, w.Title, w.Author, w.SiteName, w.Published, pub, w.Language,
		w.Text, len(strings.Fields(w.Text)), ents, len(w.Quotes), body, now)
	if err != nil {
		return err
	}
	row, err := res.LastInsertId()
	if err != nil {
		return err
	}
	p.docRows = append(p.docRows, row)

	// Entities: one cross-document row per key; a key that two local entities share counts once.
	local := map[string]int64{} // local id → entity rowid
	type agg struct {
		mentions int
		e        doc.Entity
		names    map[[2]string]bool
	}
	byKey := map[string]*agg{}
	var keys []string
	for _, e := range w.Entities {
		if e.ID == "" {
			continue
		}
		k := entityKey(e)
		a := byKey[k]
		if a == nil {
			a = &agg{e: e, names: map[[2]string]bool{}}
			byKey[k] = a
			keys = append(keys, k)
		}
		a.mentions += len(e.Mentions)
		add := func(kind, v string) {
			if v = strings.TrimSpace(v); v != "" {
				a.names[[2]string{kind, v}] = true
			}
		}
		add("name", e.Name)
		for _, v := range e.Aliases {
			add("alias", v)
		}
		for _, v := range e.Titles {
			add("title", v)
		}
		add("country", e.Country)
		add("org", e.Org)
		add("last", lastName(e))
	}
	keyRow := map[string]int64{}
	for _, k := range keys {
		a := byKey[k]
		var id int64
		err := p.queryRow(`INSERT INTO entities(key, type, name, first_seen, last_seen, docs, mentions) VALUES (?1, ?2, ?3, ?4, ?4, 1, ?5)
			ON CONFLICT(key) DO UPDATE SET docs = docs + 1, mentions = mentions + excluded.mentions,
				first_seen = CASE WHEN excluded.first_seen <> '' AND (first_seen = '' OR excluded.first_seen < first_seen) THEN excluded.first_seen ELSE first_seen END,
				last_seen = CASE WHEN excluded.last_seen > last_seen THEN excluded.last_seen ELSE last_seen END
			RETURNING rowid`, k, a.e.Type, a.e.Name, pub, a.mentions).Scan(&id)
		if err != nil {
			return fmt.Errorf("entity %s: %w", k, err)
		}
		keyRow[k] = id
		p.touched[id] = true
		for kv := range a.names {
			if _, err := p.exec(`INSERT INTO entity_names(entity, kind, value, norm, n) VALUES (?, ?, ?, ?, 1)
				ON CONFLICT(entity, kind, value) DO UPDATE SET n = n + 1`, id, kv[0], kv[1], Fold(kv[1])); err != nil {
				return err
			}
		}
	}
	for _, e := range w.Entities {
		if e.ID == "" {
			continue
		}
		id := keyRow[entityKey(e)]
		if _, dup := local[e.ID]; dup {
			continue
		}
		local[e.ID] = id
		if _, err := p.exec("INSERT INTO doc_entities(doc, local, entity, pub, mentions) VALUES (?,?,?,?,?)", row, e.ID, id, pub, len(e.Mentions)); err != nil {
			return err
		}
		if err := p.mentions(row, e); err != nil {
			return err
		}
	}
	// A document may list the same local id twice; count what was stored so the integrity check agrees.
	if len(local) != ents {
		if _, err := p.exec("UPDATE documents SET n_entities = ? WHERE rowid = ?", len(local), row); err != nil {
			return err
		}
	}

	for _, q := range w.Quotes {
		var speaker any
		var speakerLocal any
		tok := ""
		if q.Speaker != nil {
			speakerLocal = *q.Speaker
			if id, ok := local[*q.Speaker]; ok {
				speaker = id
				tok = speakerToken(id)
			}
		}
		var ss, se, st any
		if q.Source != nil {
			ss, se, st = q.Source.Start, q.Source.End, q.Source.Text
		}
		res, err := p.exec(`INSERT INTO quotes(doc, local, kind, content_start, content_end, content, cue_start, cue_end, cue,
			source_start, source_end, source, speaker_local, speaker, pub, speaker_tok) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			row, q.ID, q.Kind, q.Content.Start, q.Content.End, q.Content.Text, q.Cue.Start, q.Cue.End, q.Cue.Text,
			ss, se, st, speakerLocal, speaker, pub, tok)
		if err != nil {
			return err
		}
		qr, err := res.LastInsertId()
		if err != nil {
			return err
		}
		p.qRows = append(p.qRows, qr)
		if id, ok := speaker.(int64); ok {
			if _, err := p.exec("UPDATE entities SET quotes = quotes + 1 WHERE rowid = ?", id); err != nil {
				return err
			}
		}
	}
	for i, t := range w.Times {
		if _, err := p.exec("INSERT INTO times(doc, idx, start, end, text, type, value) VALUES (?,?,?,?,?,?,?)",
			row, i, t.Start, t.End, t.Text, t.Type, t.Value); err != nil {
			return err
		}
	}
	for _, pl := range w.Places {
		var ent, gid any
		if id, ok := local[pl.Entity]; ok {
			ent = id
		}
		if pl.GeonameID != 0 {
			gid = pl.GeonameID
		}
		if _, err := p.exec(`INSERT OR REPLACE INTO places(doc, local, entity, name, geonameid, feature, country, admin1, lat, lon, confidence)
			VALUES (?,?,?,?,?,?,?,?,?,?,?)`, row, pl.Entity, ent, pl.Name, gid, pl.Feature, pl.Country, pl.Admin1, pl.Lat, pl.Lon, pl.Confidence); err != nil {
			return err
		}
	}
	day := ""
	if len(pub) >= 10 {
		day = pub[:10]
	}
	for _, ev := range w.Events {
		var place, tidx any
		if ev.Place != nil {
			if id, ok := local[*ev.Place]; ok {
				place = id
			}
		}
		if ev.Time != nil {
			tidx = *ev.Time
		}
		d := NormDate(ev.Date)
		if d == "" {
			d = day
		}
		res, err := p.exec(`INSERT INTO events(doc, local, code, label, trigger_start, trigger_end, trigger, place, time_idx, date, negated, modality, day)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`, row, ev.ID, ev.Code, ev.Label, ev.Trigger.Start, ev.Trigger.End, ev.Trigger.Text,
			place, tidx, ev.Date, ev.Negated, ev.Modality, d)
		if err != nil {
			return err
		}
		evRow, err := res.LastInsertId()
		if err != nil {
			return err
		}
		for role, ids := range map[string][]string{"source": ev.Source, "target": ev.Target} {
			for _, l := range ids {
				if id, ok := local[l]; ok {
					if _, err := p.exec("INSERT OR IGNORE INTO event_actors(event, role, entity, day) VALUES (?,?,?,?)", evRow, role, id, d); err != nil {
						return err
					}
				}
			}
		}
	}
	return p.count(row, +1)
}

// mentions inserts an entity's mentions with one statement (in chunks of 64 rows).
func (p *putter) mentions(row int64, e doc.Entity) error {
	ms := e.Mentions
	for len(ms) > 0 {
		n := min(len(ms), 64)
		args := make([]any, 0, 5*n)
		for _, m := range ms[:n] {
			args = append(args, row, m.Start, m.End, e.ID, m.Kind)
		}
		q := "INSERT OR IGNORE INTO mentions(doc, start, end, local, kind) VALUES " + strings.TrimSuffix(strings.Repeat("(?,?,?,?,?),", n), ",")
		if _, err := p.exec(q, args...); err != nil {
			return err
		}
		ms = ms[n:]
	}
	return nil
}

// remove deletes a stored document and takes its share out of the cross-document entity counts.
func (p *putter) remove(row int64, body []byte) error {
	raw, err := decodeBody(body, "")
	if err != nil {
		return err
	}
	var old wireDoc
	if err := json.Unmarshal(raw, &old); err != nil {
		return fmt.Errorf("decode stored body: %w", err)
	}
	rows, err := p.tx.QueryContext(p.ctx, "SELECT local, entity, mentions FROM doc_entities WHERE doc = ?", row)
	if err != nil {
		return err
	}
	local := map[string]int64{}
	perEntity := map[int64]int{}
	for rows.Next() {
		var l string
		var id int64
		var n int
		if err := rows.Scan(&l, &id, &n); err != nil {
			rows.Close()
			return err
		}
		local[l] = id
		perEntity[id] += n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for id, n := range perEntity {
		if _, err := p.exec("UPDATE entities SET docs = docs - 1, mentions = mentions - ? WHERE rowid = ?", n, id); err != nil {
			return err
		}
		p.touched[id], p.shrunk[id] = true, true
	}
	// Names were counted once per document and entity key.
	seen := map[[3]string]bool{}
	for _, e := range old.Entities {
		id, ok := local[e.ID]
		if !ok {
			continue
		}
		dec := func(kind, v string) error {
			if v = strings.TrimSpace(v); v == "" {
				return nil
			}
			k := [3]string{fmt.Sprint(id), kind, v}
			if seen[k] {
				return nil
			}
			seen[k] = true
			_, err := p.exec("UPDATE entity_names SET n = n - 1 WHERE entity = ? AND kind = ? AND value = ?", id, kind, v)
			return err
		}
		vals := [][2]string{{"name", e.Name}, {"country", e.Country}, {"org", e.Org}, {"last", lastName(e)}}
		for _, v := range e.Aliases {
			vals = append(vals, [2]string{"alias", v})
		}
		for _, v := range e.Titles {
			vals = append(vals, [2]string{"title", v})
		}
		for _, kv := range vals {
			if err := dec(kv[0], kv[1]); err != nil {
				return err
			}
		}
	}
	if _, err := p.exec(`UPDATE entities SET quotes = quotes - (SELECT count(*) FROM quotes q WHERE q.doc = ?1 AND q.speaker = entities.rowid)
		WHERE rowid IN (SELECT speaker FROM quotes WHERE doc = ?1 AND speaker IS NOT NULL)`, row); err != nil {
		return err
	}
	if err := p.count(row, -1); err != nil {
		return err
	}
	_, err = p.exec("DELETE FROM documents WHERE rowid = ?", row)
	return err
}

// finish brings the touched entities up to date: display name, first/last seen after removals, and removes
// entities and names no document mentions any more.
func (p *putter) finish() error {
	for id := range p.shrunk {
		if _, err := p.exec(`UPDATE entities SET
			first_seen = coalesce((SELECT pub FROM doc_entities WHERE entity = ?1 AND pub <> '' ORDER BY pub LIMIT 1), ''),
			last_seen = coalesce((SELECT pub FROM doc_entities WHERE entity = ?1 ORDER BY pub DESC LIMIT 1), '')
			WHERE rowid = ?1`, id); err != nil {
			return err
		}
		if _, err := p.exec("DELETE FROM entity_names WHERE entity = ? AND n <= 0", id); err != nil {
			return err
		}
		if _, err := p.exec("DELETE FROM entities WHERE rowid = ? AND docs <= 0", id); err != nil {
			return err
		}
	}
	for id := range p.touched {
		if _, err := p.exec(`UPDATE entities SET name = coalesce((SELECT value FROM entity_names
			WHERE entity = ?1 AND kind = 'name' ORDER BY n DESC, length(value) DESC, value LIMIT 1), name) WHERE rowid = ?1`, id); err != nil {
			return err
		}
	}
	return nil
}

// speakerToken is the term that stands for a speaker in the quotation index.
func speakerToken(entity int64) string { return "spk" + strconv.FormatInt(entity, 10) }

// lastName returns the last word of a person's multi-word name ("Rubio" for "Marco Rubio"), so that a
// surname finds the person; "" otherwise.
func lastName(e doc.Entity) string {
	if e.Type != "PERSON" {
		return ""
	}
	f := strings.Fields(e.Name)
	if len(f) < 2 {
		return ""
	}
	return f[len(f)-1]
}

// entityKey is the key an entity is stored under: its own, else fallbackKey.
func entityKey(e doc.Entity) string {
	if e.Key != "" {
		return e.Key
	}
	return fallbackKey(e)
}

// fallbackKey makes a key for an entity that came without one: its type and folded name.
func fallbackKey(e doc.Entity) string {
	t := strings.ToLower(e.Type)
	if t == "" {
		t = "misc"
	}
	if t == "person" || t == "org" || t == "loc" || t == "misc" {
		return t + ":" + Slug(e.Name)
	}
	return "misc:" + Slug(e.Name)
}

// Slug folds s to lower-case ASCII-ish words joined by "-".
func Slug(s string) string {
	f := Fold(s)
	var b strings.Builder
	dash := false
	for _, r := range f {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	return b.String()
}

// Fold lower-cases s and removes diacritics ("Zelenskyy" stays, "Müller" → "muller"), for name look-ups.
func Fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(strings.Join(strings.Fields(out), " "))
}

// NormDate normalises a publication date so that dates sort as text: RFC 3339 times become UTC
// "YYYY-MM-DDTHH:MM:SSZ", dates stay "YYYY-MM-DD", a time without a zone keeps its date; anything else
// gives "".
func NormDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC().Format("2006-01-02T15:04:05Z")
	}
	if len(s) >= 10 {
		if _, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return s[:10]
		}
	}
	return ""
}
