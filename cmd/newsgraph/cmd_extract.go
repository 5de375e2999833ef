package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"golang.org/x/term"

	"github.com/newsgraph/newsgraph/internal/clean"
	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/progress"
	"github.com/newsgraph/newsgraph/internal/source"
)

// extractStdin is what "-" reads; tests replace it.
var extractStdin io.Reader = os.Stdin

func runExtract(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	jsonl := fs.Bool("jsonl", false, "print one document per line (JSON Lines; the default unless --pretty)")
	pretty := fs.Bool("pretty", false, "indent the JSON")
	published := fs.String("published", "", "publication `DATE` (ISO 8601) for articles whose input carries none")
	url := fs.String("url", "", "article `URL` for articles whose input carries none")
	sentences := fs.Bool("sentences", false, "include the sentence spans")
	maxBytes := fs.Int64("max-bytes", source.DefaultMaxBytes, "largest article read, in `bytes` after decompression")
	workers := fs.Int("workers", 0, "articles processed at once (0: one per CPU)")
	fallback := fs.Bool("html-fallback", false, "also try go-readability and go-domdistiller on HTML pages (better recall, slower)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: newsgraph extract [flags] INPUT...")
		fmt.Fprintln(stderr, "\nRuns the pipeline and prints one schema newsgraph/1 JSON document per article. An INPUT is a .txt,")
		fmt.Fprintln(stderr, ".html, .jsonl or .warc file (any of them gzip-compressed), a directory (read recursively), or - for")
		fmt.Fprintln(stderr, "standard input. A bad input is reported on stderr and the others go on; the exit status is 1 when any")
		fmt.Fprintln(stderr, "input failed.\n\nFlags:")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	inputs := fs.Args()
	if len(inputs) == 0 {
		fs.Usage()
		return 2
	}
	if *published != "" {
		if _, _, ok := clean.ParseDate(*published); !ok {
			fmt.Fprintf(stderr, "newsgraph extract: --published %q is not an ISO 8601 date\n", *published)
			return 2
		}
	}
	if *maxBytes <= 0 {
		fmt.Fprintln(stderr, "newsgraph extract: --max-bytes must be positive")
		return 2
	}
	p, err := pipeline.New(pipeline.Config{
		Sentences: *sentences,
		Workers:   *workers,
		Clean:     clean.Config{Published: *published, URL: *url, HTMLFallback: *fallback},
	})
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph extract: %v\n", err)
		return 1
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	next, drain := feed(ctx, 16, func(send func(*doc.Document, error) error) error {
		return source.Walk(ctx, inputs, source.Options{MaxBytes: *maxBytes, Stdin: extractStdin}, send)
	})

	total, _ := source.Count(inputs)
	// the bar goes to stderr when that is a terminal, unless the documents themselves scroll past on it
	barOut := stderr
	if f, ok := stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		barOut = io.Discard
	}
	bar := progress.New(barOut, "extract", int64(total))
	defer bar.Done()
	out := bufio.NewWriterSize(stdout, 64<<10)
	failed := false
	n := 0
	emit := func(r pipeline.Result) error {
		defer bar.Add(1)
		n++
		if r.Err != nil {
			failed = true
			bar.Done()
			fmt.Fprintf(stderr, "newsgraph: %v\n", r.Err)
			return nil
		}
		var b []byte
		var err error
		if *pretty && !*jsonl {
			b, err = json.MarshalIndent(r.Doc, "", "  ")
		} else {
			b, err = json.Marshal(r.Doc)
		}
		if err != nil {
			failed = true
			fmt.Fprintf(stderr, "newsgraph: %s: encode: %v\n", r.Doc.Source, err)
			return nil
		}
		b = append(b, '\n')
		_, err = out.Write(b)
		return err
	}
	err = p.Run(ctx, next, emit)
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		cancel()
		drain()
		fmt.Fprintf(stderr, "newsgraph extract: %v\n", err)
		return 1
	}
	if failed {
		return 1
	}
	if n == 0 {
		fmt.Fprintf(stderr, "newsgraph extract: no articles in %s (directories are searched for .txt, .html, .jsonl and .warc files)\n", strings.Join(inputs, " "))
		return 1
	}
	return 0
}

// feed runs produce on its own goroutine and returns the pipeline's source of what produce sends, buffered
// by buf. send blocks until the pipeline takes the document and fails once ctx is done. drain waits for
// produce to return (cancel ctx first if the pipeline stopped early) and returns its error.
func feed(ctx context.Context, buf int, produce func(send func(*doc.Document, error) error) error) (next func() (*doc.Document, error, bool), drain func() error) {
	type item struct {
		d   *doc.Document
		err error
	}
	items := make(chan item, buf)
	var produceErr error
	go func() {
		defer close(items)
		produceErr = produce(func(d *doc.Document, err error) error {
			select {
			case items <- item{d, err}:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	next = func() (*doc.Document, error, bool) {
		it, ok := <-items
		return it.d, it.err, ok
	}
	drain = func() error {
		for range items {
		}
		return produceErr
	}
	return next, drain
}
