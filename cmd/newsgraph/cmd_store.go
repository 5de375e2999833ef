package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/clean"
	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/progress"
	"github.com/newsgraph/newsgraph/internal/source"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
	"github.com/newsgraph/newsgraph/internal/web"
)

// defaultDB is the store used without --db: $NEWSGRAPH_DB, else $XDG_DATA_HOME/newsgraph/newsgraph.db
// (XDG_DATA_HOME defaults to ~/.local/share), else ./newsgraph.db when there is no home directory.
func defaultDB() string {
	if p := os.Getenv("NEWSGRAPH_DB"); p != "" {
		return p
	}
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil || home == "" {
			return "newsgraph.db"
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "newsgraph", "newsgraph.db")
}

const dbHelp = "SQLite database `PATH` (default $NEWSGRAPH_DB, else $XDG_DATA_HOME/newsgraph/newsgraph.db, else ~/.local/share/newsgraph/newsgraph.db)"

// ingestHook is called inside every write transaction before it commits; the crash test sets it.
var ingestHook func()

// newFlags returns a flag set whose usage prints usage and about, then the flags.
func newFlags(name, usage, about string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: newsgraph %s\n\n%s\n\nFlags:\n", usage, about)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, allowing flags after positional arguments ("entity Rubio --json").
func parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0, false
			}
			return 2, false
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
		if fs.Arg(0) == "--" || len(args) == 0 {
			if fs.Arg(0) == "--" {
				pos = append(pos[:len(pos)-1], args...)
			}
			break
		}
	}
	fs.Parse(append([]string{"--"}, pos...))
	return 0, true
}

// parseFlagsFirst parses args as the flag package does (flags before the arguments). When it returns false
// the command exits with code: 0 after -h, 2 after a bad flag (the flag set has said why), and 2 when fewer
// than minArgs arguments follow (after printing the usage).
func parseFlagsFirst(fs *flag.FlagSet, args []string, minArgs int) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	if fs.NArg() < minArgs {
		fs.Usage()
		return 2, false
	}
	return 0, true
}

// noArgs reports whether the command fs parsed got no positional argument; when it got one, it says so in
// one line on stderr, followed by hint.
func noArgs(fs *flag.FlagSet, stderr io.Writer, hint string) bool {
	if fs.NArg() == 0 {
		return true
	}
	fmt.Fprintf(stderr, "newsgraph %s: unexpected argument %q%s\n", fs.Name(), fs.Arg(0), hint)
	return false
}

// openRead opens an existing store for queries.
func openRead(ctx context.Context, path string) (*sqlite.DB, error) {
	return sqlite.Open(ctx, path, sqlite.Options{ReadOnly: true})
}

// queryFail reports a query error and returns the exit status: 2 for the caller's mistakes, 1 otherwise.
func queryFail(name string, err error, stderr io.Writer) int {
	fmt.Fprintf(stderr, "newsgraph %s: %v\n", name, err)
	if store.IsInvalid(err) {
		return 2
	}
	return 1
}

// ingestStats counts what an ingest run did.
type ingestStats struct {
	stored, skipped, failed int
	words                   int
	storeTime               time.Duration // wall time the writer spent in Put
	storeCPU                time.Duration // CPU time the writer's thread spent in Put (0 where not measured)
}

func runIngest(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("ingest", "ingest [--db PATH] [--reprocess] INPUT...",
		"Runs the pipeline on every article of the INPUTs (files, directories, - for standard input, as for\n"+
			"'extract') and stores each document with everything extracted. A document already stored (same id) is\n"+
			"skipped, so re-running after a crash or interrupt resumes. Extraction runs on all cores; one writer stores\n"+
			"documents in batched transactions, each document whole or not at all.\n\n"+
			"--reprocess re-runs the extractors: on the stored text of every stored document when no INPUT is given,\n"+
			"else on the INPUTs, replacing what is stored.", stderr)
	db := fs.String("db", defaultDB(), dbHelp)
	reprocess := fs.Bool("reprocess", false, "re-run the extractors and replace stored documents")
	batch := fs.Int("batch", 256, "documents per write transaction")
	workers := fs.Int("workers", 0, "articles processed at once (0: one per CPU)")
	published := fs.String("published", "", "publication `DATE` for articles whose input carries none")
	maxBytes := fs.Int64("max-bytes", source.DefaultMaxBytes, "largest article read, in `bytes`")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	inputs := fs.Args()
	if len(inputs) == 0 && !*reprocess {
		fs.Usage()
		return 2
	}
	if *batch < 1 {
		fmt.Fprintln(stderr, "newsgraph ingest: --batch must be at least 1")
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, err := sqlite.Open(ctx, *db, sqlite.Options{BeforeCommit: ingestHook})
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph ingest: %v\n", err)
		return 1
	}
	defer st.Close()
	p, err := pipeline.New(pipeline.Config{Workers: *workers, Clean: clean.Config{Published: *published}})
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph ingest: %v\n", err)
		return 1
	}
	start, cpu0 := time.Now(), processCPU()
	var stats ingestStats
	var total int64
	if len(inputs) == 0 {
		s, err := st.Stats(ctx)
		if err == nil {
			total = s.Documents
		}
	} else if n, ok := source.Count(inputs); ok {
		total = int64(n)
	}
	bar := progress.New(stderr, "ingest", total)
	err = ingest(ctx, st, p, ingestOptions{inputs: inputs, reprocess: *reprocess, batch: *batch, maxBytes: *maxBytes, stderr: stderr, bar: bar}, &stats)
	bar.Done()
	elapsed := time.Since(start)
	secs := max(elapsed.Seconds(), 1e-9)
	share := "store " + storeShare(stats, processCPU()-cpu0, elapsed)
	fmt.Fprintf(stderr, "ingest: %d stored, %d skipped (already stored), %d failed in %s (%.0f documents/s, %.0f words/s; %s) → %s\n",
		stats.stored, stats.skipped, stats.failed, elapsed.Round(time.Millisecond), float64(stats.stored)/secs, float64(stats.words)/secs, share, *db)
	if err != nil {
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "newsgraph ingest: interrupted; every stored document is complete, run again to resume")
			return 130
		}
		fmt.Fprintf(stderr, "newsgraph ingest: %v\n", err)
		return 1
	}
	if stats.failed > 0 {
		return 1
	}
	return 0
}

// storeShare says how much of an ingest the store cost: its share of the process's CPU time where that is
// measured, else the writer's busy share of the wall time.
func storeShare(st ingestStats, processCPU, wall time.Duration) string {
	if st.storeCPU > 0 && processCPU > 0 {
		return fmt.Sprintf("%.0f%% of the CPU time", 100*st.storeCPU.Seconds()/processCPU.Seconds())
	}
	return fmt.Sprintf("writer busy %.0f%% of the time", 100*st.storeTime.Seconds()/max(wall.Seconds(), 1e-9))
}

type ingestOptions struct {
	inputs    []string
	reprocess bool
	batch     int
	maxBytes  int64
	stderr    io.Writer
	bar       *progress.Bar
}

// ingest runs the pipeline over the inputs (or the stored documents) and writes the results in batches
// through one writer goroutine, so that extraction goes on while a batch is written.
func ingest(ctx context.Context, st store.Store, p *pipeline.Pipeline, o ingestOptions, stats *ingestStats) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next, drain := feed(ctx, 64, func(send func(*doc.Document, error) error) error {
		if len(o.inputs) == 0 {
			return forStored(ctx, st, send)
		}
		seen := map[string]bool{}
		return source.Walk(ctx, o.inputs, source.Options{MaxBytes: o.maxBytes}, func(d *doc.Document, err error) error {
			if err != nil {
				return send(nil, err)
			}
			if seen[d.ID] {
				stats.skipped++
				o.bar.Add(1)
				return nil
			}
			seen[d.ID] = true
			if !o.reprocess {
				has, err := st.Has(ctx, d.ID)
				if err != nil {
					return err
				}
				if has {
					stats.skipped++
					o.bar.Add(1)
					return nil
				}
			}
			return send(d, nil)
		})
	})

	// One writer: batches go through a channel of one, so at most one batch waits while another is written.
	batches := make(chan []*doc.Document, 1)
	var wg sync.WaitGroup
	var writeErr error // stats' store fields and writeErr are the writer's until wg.Wait returns
	wg.Add(1)
	go func() {
		defer wg.Done()
		// The store runs on this goroutine's thread, so the thread's CPU time is the store's cost.
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		for b := range batches {
			if writeErr != nil {
				continue
			}
			t0, c0 := time.Now(), threadCPU()
			err := st.Put(context.WithoutCancel(ctx), b)
			stats.storeTime += time.Since(t0)
			stats.storeCPU += threadCPU() - c0
			if err != nil {
				writeErr = err
				cancel()
			} else {
				stats.stored += len(b)
				for _, d := range b {
					stats.words += len(strings.Fields(d.Text))
				}
			}
			o.bar.Add(int64(len(b)))
		}
	}()
	var pending []*doc.Document
	lastFlush := time.Now()
	flush := func() {
		if len(pending) > 0 {
			batches <- pending
			pending = nil
		}
		lastFlush = time.Now()
	}
	emit := func(r pipeline.Result) error {
		if r.Err != nil {
			stats.failed++
			o.bar.Done()
			fmt.Fprintf(o.stderr, "newsgraph: %v\n", r.Err)
			o.bar.Add(1)
			return nil
		}
		d := r.Doc
		d.Raw = nil
		d.Tokens, d.Sents, d.Names, d.Paragraphs = nil, nil, nil, nil // working annotations are not stored
		pending = append(pending, d)
		if len(pending) >= o.batch || time.Since(lastFlush) > 2*time.Second {
			flush()
		}
		return nil
	}
	runErr := p.Run(ctx, next, emit)
	// Whatever was processed completely is stored, even after an interrupt.
	flush()
	close(batches)
	wg.Wait()
	cancel()
	readErr := drain() // let the reader finish
	if writeErr != nil {
		return writeErr
	}
	if runErr != nil {
		return runErr
	}
	if readErr != nil && !errors.Is(readErr, context.Canceled) {
		return readErr
	}
	return nil
}

// forStored sends every stored document back through the extractors, in id order.
func forStored(ctx context.Context, st store.Store, send func(*doc.Document, error) error) error {
	after := ""
	for {
		ds, err := st.Stored(ctx, after, 256)
		if err != nil {
			return err
		}
		if len(ds) == 0 {
			return nil
		}
		for _, d := range ds {
			// Text without Raw: the pipeline keeps the stored cleaned text and re-runs the extractors.
			d.Raw = nil
			if err := send(d, nil); err != nil {
				return err
			}
		}
		after = ds[len(ds)-1].ID
	}
}

// queryFlags are the flags every query command has.
type queryFlags struct {
	db     *string
	asJSON *bool
	limit  *int
	cursor *string
	since  *string
	until  *string
}

func addQueryFlags(fs *flag.FlagSet, dates bool) queryFlags {
	q := queryFlags{
		db:     fs.String("db", defaultDB(), dbHelp),
		asJSON: fs.Bool("json", false, "print JSON instead of a table"),
		limit:  fs.Int("limit", store.DefaultLimit, fmt.Sprintf("rows to print (at most %d)", store.MaxLimit)),
		cursor: fs.String("cursor", "", "continue after the page that printed this cursor"),
	}
	if dates {
		q.since = fs.String("since", "", "earliest publication `DATE` (YYYY-MM-DD, YYYY-MM or YYYY), inclusive")
		q.until = fs.String("until", "", "latest publication `DATE`, inclusive")
	}
	return q
}

func (q queryFlags) dates() store.Dates {
	var d store.Dates
	if q.since != nil {
		d.Since, d.Until = *q.since, *q.until
	}
	return d
}

// printJSON writes v as indented JSON.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// clip shortens s to n characters on one line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func day(s string) string {
	if len(s) >= 10 {
		return s[:10]
	}
	return s
}

// queryStore opens the store at db for reading and runs q on it. On failure it reports the error as
// command name and returns the exit status (see queryFail); code is 0 on success.
func queryStore[T any](name, db string, stderr io.Writer, q func(context.Context, *sqlite.DB) (T, error)) (v T, code int) {
	ctx := context.Background()
	st, err := openRead(ctx, db)
	if err != nil {
		return v, queryFail(name, err, stderr)
	}
	defer st.Close()
	if v, err = q(ctx, st); err != nil {
		return v, queryFail(name, err, stderr)
	}
	return v, 0
}

// table is how a query command prints a page of T.
type table[T any] struct {
	header string         // tab-separated column names
	row    func(T) string // one item as tab-separated cells
	none   string         // printed when the page is empty
}

// runList runs a query command's page query and prints the page as JSON with --json, else as the table
// followed by the cursor of the next page.
func runList[T any](name string, qf queryFlags, stdout, stderr io.Writer, q func(context.Context, *sqlite.DB) (store.Page[T], error), t table[T]) int {
	if *qf.limit < 1 {
		fmt.Fprintf(stderr, "newsgraph %s: --limit must be at least 1, not %d\n", name, *qf.limit)
		return 2
	}
	page, code := queryStore(name, *qf.db, stderr, q)
	if code != 0 {
		return code
	}
	if *qf.asJSON {
		printJSON(stdout, page)
		return 0
	}
	tw := newTable(stdout)
	fmt.Fprintln(tw, t.header)
	for _, it := range page.Items {
		fmt.Fprintln(tw, t.row(it))
	}
	tw.Flush()
	if len(page.Items) == 0 {
		fmt.Fprintln(stdout, t.none)
	}
	if page.Next != "" {
		fmt.Fprintf(stdout, "(more: --cursor %s)\n", page.Next)
	}
	return 0
}

// newTable returns a tabwriter for the commands' aligned columns.
func newTable(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
}

func runSearch(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("search", "search [--db PATH] [--in articles|quotes] [--since DATE] [--until DATE] QUERY...",
		"Full-text search over article text (or quotation content with --in quotes), case and diacritics folded,\n"+
			"most recently stored first. All words must match; \"quoted phrases\", prefix* and OR work; nothing else\n"+
			"is query syntax.", stderr)
	qf := addQueryFlags(fs, true)
	in := fs.String("in", "articles", "search `articles` or quotes")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	sq := store.SearchQuery{Text: strings.Join(fs.Args(), " "), In: *in, Dates: qf.dates(), Limit: *qf.limit, Cursor: *qf.cursor}
	return runList(fs.Name(), qf, stdout, stderr, func(ctx context.Context, st *sqlite.DB) (store.Page[store.SearchHit], error) {
		return st.Search(ctx, sq)
	}, table[store.SearchHit]{
		header: "DATE\tDOCUMENT\tTITLE\tSNIPPET",
		row: func(h store.SearchHit) string {
			return fmt.Sprintf("%s\t%s\t%s\t%s", day(h.Published), h.Document, clip(h.Title, 40), clip(h.Snippet, 90))
		},
		none: "(no matches)",
	})
}

func runQuotes(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("quotes", "quotes [--speaker NAME|KEY] [--about QUERY] [--since DATE] [--until DATE]",
		"Stored quotations, newest first: by one speaker (an entity key like person:marco-rubio, or a name), about\n"+
			"a full-text query, within dates.", stderr)
	qf := addQueryFlags(fs, true)
	speaker := fs.String("speaker", "", "speaker entity `NAME|KEY`")
	about := fs.String("about", "", "full-text `QUERY` over the quotation content")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if !noArgs(fs, stderr, " (use --speaker or --about)") {
		return 2
	}
	qq := store.QuoteQuery{Speaker: *speaker, About: *about, Dates: qf.dates(), Limit: *qf.limit, Cursor: *qf.cursor}
	return runList(fs.Name(), qf, stdout, stderr, func(ctx context.Context, st *sqlite.DB) (store.Page[store.Quote], error) {
		return st.Quotes(ctx, qq)
	}, table[store.Quote]{
		header: "DATE\tSPEAKER\tKIND\tQUOTE\tDOCUMENT",
		row: func(q store.Quote) string {
			sp := q.SpeakerName
			if sp == "" && q.Source != nil {
				sp = q.Source.Text + "?"
			}
			return fmt.Sprintf("%s\t%s\t%s\t%s\t%s", day(q.Published), clip(sp, 28), q.Kind, clip(q.Content.Text, 90), q.Document)
		},
		none: "(no quotations)",
	})
}

func runEntities(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("entities", "entities [--type T] [--top N] [--name PREFIX]",
		"Cross-document entities, most mentioned first.", stderr)
	qf := addQueryFlags(fs, false)
	typ := fs.String("type", "", "only entities of type `T`: PERSON, ORG, LOC or MISC")
	top := fs.Int("top", 0, "print the top `N` (same as --limit)")
	name := fs.String("name", "", "only entities with a name starting with `PREFIX`")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if !noArgs(fs, stderr, " (see 'newsgraph entity NAME')") {
		return 2
	}
	if *top < 0 {
		fmt.Fprintf(stderr, "newsgraph entities: --top must be at least 1, not %d\n", *top)
		return 2
	}
	if *top > 0 {
		*qf.limit = *top
	}
	eq := store.EntityQuery{Type: *typ, Name: *name, Limit: *qf.limit, Cursor: *qf.cursor}
	return runList(fs.Name(), qf, stdout, stderr, func(ctx context.Context, st *sqlite.DB) (store.Page[store.Entity], error) {
		return st.Entities(ctx, eq)
	}, table[store.Entity]{
		header: "MENTIONS\tDOCS\tQUOTES\tTYPE\tNAME\tKEY\tTITLES",
		row: func(e store.Entity) string {
			return fmt.Sprintf("%d\t%d\t%d\t%s\t%s\t%s\t%s", e.Mentions, e.Documents, e.Quotes, e.Type, clip(e.Name, 30), e.Key, clip(counts(e.Titles, 2), 40))
		},
		none: "(no entities)",
	})
}

func counts(cs []store.Count, n int) string {
	var parts []string
	for i, c := range cs {
		if i == n {
			break
		}
		parts = append(parts, c.Value)
	}
	return strings.Join(parts, ", ")
}

func countsN(cs []store.Count) string {
	var parts []string
	for _, c := range cs {
		parts = append(parts, fmt.Sprintf("%s (%d)", c.Value, c.N))
	}
	return strings.Join(parts, ", ")
}

func runEntity(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("entity", "entity [--db PATH] [--json] NAME|KEY",
		"Profile of one entity: names, titles, countries, first and last seen, top co-occurring entities, latest\n"+
			"quotations, places and documents.", stderr)
	db := fs.String("db", defaultDB(), dbHelp)
	asJSON := fs.Bool("json", false, "print JSON")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	p, code := queryStore(fs.Name(), *db, stderr, func(ctx context.Context, st *sqlite.DB) (store.Profile, error) {
		return st.Profile(ctx, strings.Join(fs.Args(), " "))
	})
	if code != 0 {
		return code
	}
	if *asJSON {
		printJSON(stdout, p)
		return 0
	}
	fmt.Fprintf(stdout, "%s (%s, %s)\n", p.Name, p.Type, p.Key)
	tw := newTable(stdout)
	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(tw, "  %s\t%s\n", k, v)
		}
	}
	row("names", countsN(p.Names))
	row("titles", countsN(p.Titles))
	row("countries", countsN(p.Countries))
	row("orgs", countsN(p.Orgs))
	row("seen", fmt.Sprintf("%s … %s", day(p.FirstSeen), day(p.LastSeen)))
	row("counts", fmt.Sprintf("%d documents, %d mentions, %d quotations", p.Documents, p.Mentions, p.Quotes))
	if p.Place != nil {
		row("place", fmt.Sprintf("%s, %s (geonames %d, %.4f %.4f)", p.Place.Name, p.Place.Country, p.Place.GeonameID, p.Place.Lat, p.Place.Lon))
	}
	tw.Flush()
	if len(p.CoOccurring) > 0 {
		fmt.Fprintf(stdout, "\nAppears with (documents, in its latest %d):\n", store.ProfileWindow)
		tw = newTable(stdout)
		for _, c := range p.CoOccurring {
			fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\n", c.Documents, c.Type, c.Name, c.Key)
		}
		tw.Flush()
	}
	if len(p.LatestQuotes) > 0 {
		fmt.Fprintln(stdout, "\nLatest quotations:")
		for _, q := range p.LatestQuotes {
			fmt.Fprintf(stdout, "  %s  %s  (%s)\n", day(q.Published), clip("“"+q.Content.Text+"”", 100), q.Document)
		}
	}
	if len(p.Places) > 0 {
		fmt.Fprintln(stdout, "\nPlaces in its documents:")
		tw = newTable(stdout)
		for _, pl := range p.Places {
			fmt.Fprintf(tw, "  %d\t%s\t%s\t%.4f %.4f\n", pl.Documents, pl.Name, pl.Country, pl.Lat, pl.Lon)
		}
		tw.Flush()
	}
	if len(p.LatestDocuments) > 0 {
		fmt.Fprintln(stdout, "\nLatest documents:")
		for _, d := range p.LatestDocuments {
			fmt.Fprintf(stdout, "  %s  %s  %s\n", day(d.Published), d.ID, clip(d.Title, 80))
		}
	}
	return 0
}

func runTimeline(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("timeline", "timeline [--entity NAME|KEY] [--about QUERY] [--since DATE] [--until DATE]",
		"Dated articles, quotations and events, oldest first: those of one entity (articles that mention it, its\n"+
			"quotations, events it takes part in or that happen there) and/or matching a full-text query.", stderr)
	qf := addQueryFlags(fs, true)
	entity := fs.String("entity", "", "entity `NAME|KEY`")
	about := fs.String("about", "", "full-text `QUERY`")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if !noArgs(fs, stderr, " (use --entity or --about)") {
		return 2
	}
	tq := store.TimelineQuery{Entity: *entity, About: *about, Dates: qf.dates(), Limit: *qf.limit, Cursor: *qf.cursor}
	return runList(fs.Name(), qf, stdout, stderr, func(ctx context.Context, st *sqlite.DB) (store.Page[store.TimelineItem], error) {
		return st.Timeline(ctx, tq)
	}, table[store.TimelineItem]{
		header: "DATE\tKIND\tWHAT\tDOCUMENT",
		row: func(it store.TimelineItem) string {
			what := it.Text
			switch it.Kind {
			case "quote":
				what = "“" + it.Text + "”"
				if it.Speaker != "" {
					what = it.Speaker + ": " + what
				}
			case "event":
				what = it.Code + " " + it.Text
			}
			return fmt.Sprintf("%s\t%s\t%s\t%s", it.Date, it.Kind, clip(what, 100), it.Document)
		},
		none: "(nothing dated)",
	})
}

// newWebHandler builds the web page mounted at "/" by serve.
var newWebHandler = func(api.Config) http.Handler { return web.Handler() }

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "serve [--addr 127.0.0.1:8080] [--db PATH]",
		"Serves the JSON API under /api/v1/ (described at /api/v1/openapi.json) and the web page at /.\n"+
			"Read-only unless a token is given (--token-file or $NEWSGRAPH_TOKEN): then POST /api/v1/documents with\n"+
			"\"Authorization: Bearer TOKEN\" ingests an article.", stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "listen `ADDRESS`")
	db := fs.String("db", defaultDB(), dbHelp)
	tokenFile := fs.String("token-file", "", "read the ingest token from `FILE` (else $NEWSGRAPH_TOKEN; none: read-only)")
	timeout := fs.Duration("timeout", 10*time.Second, "longest time one request may take")
	maxBody := fs.Int64("max-body", 4<<20, "largest request body, in `bytes`")
	verbose := fs.Bool("v", false, "log every request")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if !noArgs(fs, stderr, "") {
		return 2
	}
	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	token := os.Getenv("NEWSGRAPH_TOKEN")
	if *tokenFile != "" {
		b, err := os.ReadFile(*tokenFile)
		if err != nil {
			fmt.Fprintf(stderr, "newsgraph serve: %v\n", err)
			return 1
		}
		token = strings.TrimSpace(string(b))
	}
	if token != "" && len(token) < 16 {
		fmt.Fprintln(stderr, "newsgraph serve: the token must be at least 16 characters")
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, err := sqlite.Open(ctx, *db, sqlite.Options{ReadOnly: token == ""})
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph serve: %v\n", err)
		return 1
	}
	defer st.Close()
	cfg := api.Config{Store: st, Logger: log, Token: token, Timeout: *timeout, MaxBody: *maxBody}
	if token != "" {
		p, err := pipeline.New(pipeline.Config{})
		if err != nil {
			fmt.Fprintf(stderr, "newsgraph serve: %v\n", err)
			return 1
		}
		raw := func(a api.Article) ([]byte, string) {
			if a.HTML != "" {
				return []byte(a.HTML), "html"
			}
			return []byte(a.Text), "text"
		}
		cfg.ID = func(a api.Article) string {
			b, _ := raw(a)
			return source.ID(a.URL, b)
		}
		cfg.Extract = func(ctx context.Context, a api.Article) (*doc.Document, error) {
			d := &doc.Document{URL: a.URL, Title: a.Title, Published: a.Published, Source: "api"}
			d.Raw, d.Format = raw(a)
			d.ID = source.ID(d.URL, d.Raw)
			if err := p.Process(ctx, d); err != nil {
				return nil, err
			}
			return d, nil
		}
	}
	if newWebHandler != nil {
		cfg.Web = newWebHandler(cfg)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph serve: %v\n", err)
		return 1
	}
	srv := api.NewServer(*addr, api.New(cfg), log)
	mode := "read-only"
	if token != "" {
		mode = "POST /api/v1/documents enabled"
	}
	log.Info("serving", "url", "http://"+ln.Addr().String()+"/", "db", *db, "mode", mode)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		fmt.Fprintf(stderr, "newsgraph serve: %v\n", err)
		return 1
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		fmt.Fprintf(stderr, "newsgraph serve: shutdown: %v\n", err)
		return 1
	}
	log.Info("stopped")
	return 0
}
