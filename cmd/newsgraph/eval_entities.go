package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph/internal/dataset"
	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/entity"
	"github.com/newsgraph/newsgraph/internal/eval/ecb"
)

// evalEntities scores entity grouping and coreference on ECB+ (see internal/eval/ecb for how mentions are
// selected and aligned).
func evalEntities(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval entities", flag.ContinueOnError)
	fs.SetOutput(stderr)
	topics := fs.String("topics", "", "comma-separated ECB+ topics to score (default: all)")
	goldNames := fs.Bool("gold-names", false, "skip the tagger: give the entity stage the gold named mentions as names (scores grouping and coreference alone)")
	workers := fs.Int("workers", 0, "documents processed at once (0: GOMAXPROCS)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newsgraph eval entities [--topics 1,2,...] [DIR]\n\nDIR is the ECB+ folder (default ../shared/data/ecbplus).")
		fs.PrintDefaults()
	}
	if code, ok := parseFlagsFirst(fs, args, 0); !ok {
		return code
	}
	dir := fs.Arg(0)
	if dir == "" {
		dir = dataset.Path("ecbplus")
		if dir == "" {
			fmt.Fprintln(stderr, "newsgraph eval entities: ECB+ not found (give DIR or set NEWSGRAPH_DATA)")
			return 2
		}
	}
	var ts []string
	if *topics != "" {
		ts = strings.Split(*topics, ",")
	}
	docs, err := ecb.Read(dir, ts)
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph eval entities: %v\n", err)
		return 1
	}
	var proc func(context.Context, *doc.Document) error
	if *goldNames {
		proc = ecb.GoldNames(docs, entity.New())
	} else {
		var warn error
		if proc, warn, err = ecb.Pipeline(); err != nil {
			fmt.Fprintf(stderr, "newsgraph eval entities: %v\n", err)
			return 1
		}
		if warn != nil {
			fmt.Fprintf(stderr, "newsgraph eval entities: %v\n", warn)
		}
	}
	res, err := ecb.Evaluate(context.Background(), docs, proc, *workers)
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph eval entities: %v\n", err)
		return 1
	}
	res.Write(stdout)
	return 0
}
