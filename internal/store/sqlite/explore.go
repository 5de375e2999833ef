package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/internal/store"
)

var _ store.Explorer = (*DB)(nil)

// Graph returns the network of the most mentioned entities among the GraphWindow most recent documents
// (or the neighbours of q.Entity), with co-occurrence edges (documents shared) and quote edges (quotations
// by one node whose words mention another).
func (s *DB) Graph(ctx context.Context, q store.GraphQuery) (store.Graph, error) {
	g := store.Graph{Nodes: []store.GraphNode{}, Edges: []store.GraphEdge{}}
	n := q.Nodes
	if n <= 0 {
		n = 100
	}
	n = min(n, store.MaxGraphNodes)
	types := q.Types
	if len(types) == 0 {
		types = []string{"PERSON", "ORG"}
	}
	targs := make([]any, 0, len(types))
	for _, t := range types {
		switch t = strings.ToUpper(t); t {
		case "PERSON", "ORG", "LOC", "MISC":
			targs = append(targs, t)
		default:
			return g, store.Invalid("type", "%q is not one of PERSON, ORG, LOC, MISC", t)
		}
	}
	inTypes := "(" + strings.TrimSuffix(strings.Repeat("?,", len(targs)), ",") + ")"
	window := fmt.Sprintf("SELECT rowid AS doc FROM documents ORDER BY pub DESC, rowid DESC LIMIT %d", store.GraphWindow)
	args := targs
	e, err := s.resolveOpt(ctx, "entity", q.Entity)
	if err != nil {
		return g, err
	}
	if e != nil {
		window = fmt.Sprintf("SELECT doc FROM doc_entities WHERE entity = %d ORDER BY pub DESC, doc DESC LIMIT %d", e.row, store.GraphWindow)
	}
	// Nodes: the entities of the window's documents with the most documents.
	rows, err := s.r.QueryContext(ctx, `SELECT e.rowid, e.key, e.name, e.type, count(*) AS c
		FROM (`+window+`) w JOIN doc_entities de ON de.doc = w.doc JOIN entities e ON e.rowid = de.entity
		WHERE e.type IN `+inTypes+` GROUP BY e.rowid ORDER BY c DESC, e.mentions DESC, e.rowid LIMIT ?`, append(args, n)...)
	if err != nil {
		return g, err
	}
	var ids []string
	var rowIDs []int64
	for rows.Next() {
		var row int64
		var nd store.GraphNode
		if err := rows.Scan(&row, &nd.Key, &nd.Name, &nd.Type, &nd.Documents); err != nil {
			rows.Close()
			return g, err
		}
		g.Nodes = append(g.Nodes, nd)
		ids = append(ids, fmt.Sprint(row))
		rowIDs = append(rowIDs, row)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(ids) == 0 {
		return g, err
	}
	in := "(" + strings.Join(ids, ",") + ")" // integers from the database, not user input
	// Co-occurrence: the node entities of each window document, paired up here rather than by a self-join,
	// which SQLite would do per pair of rows.
	rows, err = s.r.QueryContext(ctx, `SELECT de.doc, de.entity FROM (`+window+`) w
		JOIN doc_entities de ON de.doc = w.doc WHERE de.entity IN `+in+` ORDER BY de.doc`)
	if err != nil {
		return g, err
	}
	type pair struct{ a, b int64 }
	pairs := map[pair]int64{}
	var cur int64 = -1
	var ents []int64
	flush := func() {
		for i := range ents {
			for j := i + 1; j < len(ents); j++ {
				a, b := ents[i], ents[j]
				if a > b {
					a, b = b, a
				}
				pairs[pair{a, b}]++
			}
		}
		ents = ents[:0]
	}
	for rows.Next() {
		var d, e int64
		if err := rows.Scan(&d, &e); err != nil {
			rows.Close()
			return g, err
		}
		if d != cur {
			flush()
			cur = d
		}
		ents = append(ents, e)
	}
	flush()
	rows.Close()
	if err := rows.Err(); err != nil {
		return g, err
	}
	keyOf := make(map[int64]string, len(rowIDs))
	for i, r := range rowIDs {
		keyOf[r] = g.Nodes[i].Key
	}
	edges := make([]store.GraphEdge, 0, len(pairs))
	for p, c := range pairs {
		edges = append(edges, store.GraphEdge{Source: keyOf[p.a], Target: keyOf[p.b], Kind: "cooccur", Weight: c})
	}
	slices.SortFunc(edges, func(x, y store.GraphEdge) int {
		if x.Weight != y.Weight {
			return cmp.Compare(y.Weight, x.Weight)
		}
		return cmp.Or(cmp.Compare(x.Source, y.Source), cmp.Compare(x.Target, y.Target))
	})
	g.Edges = append(g.Edges, edges[:min(len(edges), 4*len(ids))]...)
	rows, err = s.r.QueryContext(ctx, `SELECT a.key, b.key, count(DISTINCT qt.rowid) AS c FROM (`+window+`) w
		JOIN quotes qt ON qt.doc = w.doc
		JOIN mentions m ON m.doc = qt.doc AND m.start >= qt.content_start AND m.end <= qt.content_end
		JOIN doc_entities de ON de.doc = m.doc AND de.local = m.local
		JOIN entities a ON a.rowid = qt.speaker JOIN entities b ON b.rowid = de.entity
		WHERE qt.speaker IN `+in+` AND de.entity IN `+in+` AND de.entity <> qt.speaker
		GROUP BY qt.speaker, de.entity ORDER BY c DESC LIMIT ?`, 2*len(ids))
	if err != nil {
		return g, err
	}
	defer rows.Close()
	for rows.Next() {
		e := store.GraphEdge{Kind: "quote"}
		if err := rows.Scan(&e.Source, &e.Target, &e.Weight); err != nil {
			return g, err
		}
		g.Edges = append(g.Edges, e)
	}
	return g, rows.Err()
}

// Places returns resolved places, most mentioned first. Unfiltered, it reads the most mentioned LOC entities
// and one stored resolution of each; with an entity or dates, it counts the places of the PlaceWindow most
// recent matching documents, so that its cost stays bounded however much is stored.
func (s *DB) Places(ctx context.Context, q store.PlaceQuery) ([]store.MapPlace, error) {
	out := []store.MapPlace{}
	n := q.Limit
	if n <= 0 {
		n = 500
	}
	n = min(n, store.MaxLimit)
	var w where
	e, err := s.resolveOpt(ctx, "entity", q.Entity)
	if err != nil {
		return out, err
	}
	if e != nil {
		w.add("d.rowid IN (SELECT doc FROM doc_entities WHERE entity = ?)", e.row)
	}
	if err := w.dates("d.pub", q.Dates); err != nil {
		return out, err
	}
	var rows *sql.Rows
	if len(w.conds) == 0 {
		rows, err = s.r.QueryContext(ctx, `SELECT e.key, pl.name, pl.feature, pl.country, pl.lat, pl.lon, e.docs
			FROM (SELECT rowid, key, docs, mentions FROM entities WHERE type = 'LOC' ORDER BY mentions DESC LIMIT ?) e
			JOIN places pl ON pl.doc = (SELECT doc FROM places WHERE entity = e.rowid LIMIT 1) AND pl.entity = e.rowid
			GROUP BY e.rowid ORDER BY e.docs DESC, e.mentions DESC LIMIT ?`, 3*n, n)
	} else {
		window := fmt.Sprintf("SELECT d.rowid AS doc FROM documents d%s ORDER BY d.pub DESC, d.rowid DESC LIMIT %d", w.sql(), store.PlaceWindow)
		rows, err = s.r.QueryContext(ctx, `SELECT coalesce(e.key, 'loc:geonames:' || pl.geonameid, ''), pl.name, pl.feature, pl.country,
			avg(pl.lat), avg(pl.lon), count(DISTINCT pl.doc) AS c
			FROM (`+window+`) win JOIN places pl ON pl.doc = win.doc LEFT JOIN entities e ON e.rowid = pl.entity
			GROUP BY coalesce(pl.geonameid, pl.name) ORDER BY c DESC, pl.name LIMIT ?`, append(w.args, n)...)
	}
	if err != nil {
		return out, err
	}
	defer rows.Close()
	for rows.Next() {
		var p store.MapPlace
		if err := rows.Scan(&p.Key, &p.Name, &p.Feature, &p.Country, &p.Lat, &p.Lon, &p.Documents); err != nil {
			return out, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Mentions counts the documents mentioning an entity per publication day.
func (s *DB) Mentions(ctx context.Context, nameOrKey string) ([]store.DayCount, error) {
	out := []store.DayCount{}
	e, err := s.resolve(ctx, nameOrKey)
	if err != nil {
		return out, err
	}
	rows, err := s.r.QueryContext(ctx, `SELECT substr(pub, 1, 10) AS day, count(*) FROM doc_entities
		WHERE entity = ? AND pub <> '' GROUP BY day ORDER BY day`, e.row)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	for rows.Next() {
		var d store.DayCount
		if err := rows.Scan(&d.Day, &d.N); err != nil {
			return out, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
