package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/source"
)

// benchPipeline times each stage and the whole pipeline on one core over articles (the example articles
// by default). A stage's time is the CPU time of the benchmarking thread in its Process calls (the machine
// may be shared, so wall time would count other programs' turns), the stages run in order on each document;
// the whole pipeline is timed separately (Pipeline.Process) in thread CPU, process CPU (with the garbage
// collector's other threads) and wall time. Of several rounds the fastest is kept for each figure. The first,
// untimed pass (which counts the words) is reported too: its caches are cold, as on a stream of new
// articles. Words are those of the cleaned text (strings.Fields).
func benchPipeline(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench pipeline", flag.ContinueOnError)
	fs.SetOutput(stderr)
	rounds := fs.Int("rounds", 5, "timed rounds over all the articles (the fastest is kept)")
	repeat := fs.Int("repeat", 10, "passes over the articles in each round")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the timed rounds to `file`")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	inputs := fs.Args()
	if len(inputs) == 0 {
		inputs = []string{"examples"}
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, "newsgraph bench pipeline:", err)
		return 1
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	ctx := context.Background()
	var docs []doc.Document
	err := source.Walk(ctx, inputs, source.Options{}, func(d *doc.Document, err error) error {
		if err != nil {
			return err
		}
		docs = append(docs, *d)
		return nil
	})
	if err != nil {
		return fail(err)
	}
	if len(docs) == 0 {
		return fail(errors.New("no articles"))
	}
	c0, w0 := processCPU(), time.Now()
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		return fail(err)
	}
	loadCPU, loadWall := processCPU()-c0, time.Since(w0)
	stages, englishOnly := p.Stages()

	// Words per document, and whether its English-only stages run, from one untimed pass.
	words := make([]int, len(docs))
	english := make([]bool, len(docs))
	totalWords := 0
	var first time.Duration // the untimed pass, timed: caches are cold (and lazy initialisation runs)
	for i := range docs {
		d := docs[i]
		t0 := threadCPU()
		if err := p.Process(ctx, &d); err != nil {
			return fail(err)
		}
		first += threadCPU() - t0
		words[i] = len(strings.Fields(d.Text))
		english[i] = d.IsEnglish()
		totalWords += words[i]
	}
	// Words seen by each stage: English-only stages see English documents only.
	stageWords := make([]int, len(stages))
	for k := range stages {
		for i := range docs {
			if !englishOnly[k] || english[i] {
				stageWords[k] += words[i]
			}
		}
	}

	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return fail(err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fail(err)
		}
		defer pprof.StopCPUProfile()
	}
	best := make([]time.Duration, len(stages))
	var bestWall, bestCPU, bestThread time.Duration
	for r := 0; r < *rounds; r++ {
		spent := make([]time.Duration, len(stages))
		for range *repeat {
			for i := range docs {
				d := docs[i]
				for k, s := range stages {
					if englishOnly[k] && !d.IsEnglish() {
						continue
					}
					t0 := threadCPU()
					if err := s.Process(ctx, &d); err != nil {
						return fail(fmt.Errorf("%s: %s: %w", d.Source, s.Name(), err))
					}
					spent[k] += threadCPU() - t0
				}
			}
		}
		c, th, w := processCPU(), threadCPU(), time.Now()
		for range *repeat {
			for i := range docs {
				d := docs[i]
				if err := p.Process(ctx, &d); err != nil {
					return fail(fmt.Errorf("%s: %w", d.Source, err))
				}
			}
		}
		wall, cpu, thread := time.Since(w), processCPU()-c, threadCPU()-th
		for k := range best {
			if r == 0 || spent[k] < best[k] {
				best[k] = spent[k]
			}
		}
		if r == 0 || wall < bestWall {
			bestWall = wall
		}
		if r == 0 || cpu < bestCPU {
			bestCPU = cpu
		}
		if r == 0 || thread < bestThread {
			bestThread = thread
		}
	}
	n := float64(*repeat)
	rate := func(w int, d time.Duration) float64 { return float64(w) * n / d.Seconds() }
	fmt.Fprintf(stdout, "%d articles, %d words (cleaned text), %d rounds of %d passes, GOMAXPROCS=1; model load %v wall, %v CPU\n",
		len(docs), totalWords, *rounds, *repeat, loadWall.Round(time.Millisecond), loadCPU.Round(time.Millisecond))
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "stage (thread CPU)\tms/article\twords/s\tshare\t")
	var sum time.Duration
	for _, d := range best {
		sum += d
	}
	for k, s := range stages {
		per := best[k].Seconds() * 1000 / (n * float64(len(docs)))
		fmt.Fprintf(tw, "%s\t%.3f\t%.0f\t%.1f%%\t\n", s.Name(), per, rate(stageWords[k], best[k]), 100*best[k].Seconds()/sum.Seconds())
	}
	fmt.Fprintf(tw, "sum of stages\t%.3f\t%.0f\t\t\n", sum.Seconds()*1000/(n*float64(len(docs))), rate(totalWords, sum))
	for _, row := range []struct {
		name string
		d    time.Duration
	}{{"pipeline (thread CPU)", bestThread}, {"pipeline (process CPU)", bestCPU}, {"pipeline (wall)", bestWall}} {
		fmt.Fprintf(tw, "%s\t%.3f\t%.0f\t\t\n", row.name, row.d.Seconds()*1000/(n*float64(len(docs))), rate(totalWords, row.d))
	}
	fmt.Fprintf(tw, "pipeline, first pass (thread CPU)\t%.3f\t%.0f\t\t\n", first.Seconds()*1000/float64(len(docs)), float64(totalWords)/first.Seconds())
	tw.Flush()
	return 0
}
