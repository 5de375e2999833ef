package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/eval/geo"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/place"
)

// evalPlaces scores toponym resolution on a geoparsing corpus (LGL, TR-News or GeoWebNews XML): (a) given the
// gold toponyms, (b) end to end through the whole pipeline, as /work/shared/eval/score_places.py does.
func evalPlaces(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval places", flag.ContinueOnError)
	fs.SetOutput(stderr)
	mode := fs.String("mode", "both", "gold (resolution given the gold toponyms), e2e (whole pipeline) or both")
	trace := fs.String("trace", "", "write the wrongly resolved gold toponyms to this file")
	explain := fs.String("explain", "", "with the gold toponyms, write each entity's best candidates and their scores to this file")
	jsonl := fs.String("jsonl", "", "write the end-to-end documents as JSON Lines to this file (for score_places.py)")
	var mins minFlags
	fs.Var(&mins, "min", "exit 1 when a metric of the last line is below VALUE (KEY=VALUE, repeatable)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newsgraph eval places [--mode gold|e2e|both] [--trace FILE] [--explain FILE] [--jsonl FILE] [--min KEY=VALUE] CORPUS.xml")
		fs.PrintDefaults()
	}
	if code, ok := parseFlagsFirst(fs, args, 0); !ok {
		return code
	}
	if fs.NArg() != 1 || (*mode != "gold" && *mode != "e2e" && *mode != "both") {
		fs.Usage()
		return 2
	}
	arts, err := geo.Load(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph eval places: %v\n", err)
		return 2
	}
	ctx := context.Background()
	var metrics []string
	if *mode != "e2e" {
		r, err := place.Load()
		if err != nil {
			fmt.Fprintf(stderr, "newsgraph eval places: %v\n", err)
			return 1
		}
		var tw io.Writer
		if *trace != "" {
			f, err := os.Create(*trace)
			if err != nil {
				fmt.Fprintf(stderr, "newsgraph eval places: %v\n", err)
				return 2
			}
			defer f.Close()
			tw = f
		}
		if *explain != "" {
			f, err := os.Create(*explain)
			if err != nil {
				fmt.Fprintf(stderr, "newsgraph eval places: %v\n", err)
				return 2
			}
			for _, a := range arts {
				d, _ := geo.GoldDocument(a)
				r.Explain(f, d, 5)
			}
			if err := f.Close(); err != nil {
				fmt.Fprintf(stderr, "newsgraph eval places: %v\n", err)
				return 1
			}
		}
		res, err := geo.Resolution(ctx, arts, r, tw)
		if err != nil {
			fmt.Fprintf(stderr, "newsgraph eval places: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "(a) given the gold toponyms: %d articles, %d toponyms with coordinates (%d with a GeoNames id); resolved %d, %d within %g km, %d exact ids\n",
			res.Docs, res.Toponyms, res.WithID, res.Resolved, res.Within161, geo.KM, res.Exact)
		line := res.Line("place_resolution")
		fmt.Fprintln(stdout, line)
		metrics = append(metrics, line)
	}
	if *mode != "gold" {
		p, err := pipeline.New(pipeline.Config{})
		if err != nil {
			fmt.Fprintf(stderr, "newsgraph eval places: %v\n", err)
			return 1
		}
		docs := map[string]*doc.Document{}
		var out io.Writer
		if *jsonl != "" {
			f, err := os.Create(*jsonl)
			if err != nil {
				fmt.Fprintf(stderr, "newsgraph eval places: %v\n", err)
				return 2
			}
			defer f.Close()
			out = f
		}
		in := make([]*doc.Document, len(arts))
		for i, a := range arts {
			in[i] = &doc.Document{ID: a.DocID, Source: a.DocID + ".txt", URL: a.URL, Raw: []byte(a.Text), Format: "text"}
		}
		err = p.Run(ctx, inOrder(in), func(r pipeline.Result) error {
			if r.Err != nil {
				fmt.Fprintf(stderr, "newsgraph eval places: %v\n", r.Err)
				return nil
			}
			docs[strings.TrimSuffix(r.Doc.Source, ".txt")] = r.Doc
			if out != nil {
				b, err := json.Marshal(r.Doc)
				if err != nil {
					return err
				}
				_, err = out.Write(append(b, '\n'))
				return err
			}
			return nil
		})
		if err != nil {
			fmt.Fprintf(stderr, "newsgraph eval places: %v\n", err)
			return 1
		}
		e := geo.Score(arts, docs)
		fmt.Fprintf(stdout, "(b) end to end: %d articles, %d gold toponyms (%d with coordinates), %d predicted place mentions, %d matched, %d within %g km\n",
			e.Docs, e.Gold, e.GoldCoords, e.Pred, e.Matched, e.Correct, geo.KM)
		if e.Unprojected > 0 {
			fmt.Fprintf(stderr, "newsgraph eval places: warning: %d predicted spans could not be projected onto the gold text\n", e.Unprojected)
		}
		line := e.Line()
		fmt.Fprintln(stdout, line)
		metrics = append(metrics, line)
	}
	return checkPlaceMins(mins, metrics, stderr)
}

// checkPlaceMins returns 1 when a --min threshold is missed (looking in the last of the summary lines that
// has the key), 2 for an unknown key.
func checkPlaceMins(m minFlags, lines []string, stderr io.Writer) int {
	status := 0
	for _, t := range m {
		found := false
		for i := len(lines) - 1; i >= 0 && !found; i-- {
			for _, kv := range strings.Fields(lines[i]) {
				k, v, ok := strings.Cut(kv, "=")
				if !ok || k != t.key {
					continue
				}
				found = true
				f, _ := strconv.ParseFloat(v, 64)
				if f < t.val {
					fmt.Fprintf(stderr, "newsgraph eval places: %s=%s is below --min %g\n", k, v, t.val)
					status = 1
				}
				break
			}
		}
		if !found {
			fmt.Fprintf(stderr, "newsgraph eval places: unknown metric %q for --min\n", t.key)
			return 2
		}
	}
	return status
}
