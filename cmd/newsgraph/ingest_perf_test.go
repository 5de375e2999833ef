package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/progress"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
	"github.com/newsgraph/newsgraph/internal/store/storetest"
)

// TestIngestThroughput ingests NEWSGRAPH_PERF_INGEST generated articles (e.g. 10000) through the real
// pipeline into a new store in a temporary directory and reports documents/s, words/s and the time the
// writer spent in the store (wall and CPU time). With NEWSGRAPH_PERF_ALONE=1 it also times the pipeline
// alone on the same articles. It runs only when NEWSGRAPH_PERF_INGEST is set.
func TestIngestThroughput(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("NEWSGRAPH_PERF_INGEST"))
	if n <= 0 {
		t.Skip("set NEWSGRAPH_PERF_INGEST=10000 to measure ingest throughput")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "articles.jsonl")
	f, err := os.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	g := storetest.NewGenerator(11, 8000)
	words := 0
	for range n {
		d := g.Next()
		words += len(strings.Fields(d.Text))
		line, _ := json.Marshal(map[string]string{"text": d.Text, "title": d.Title, "url": d.URL, "published": d.Published})
		w.Write(line)
		w.WriteByte('\n')
	}
	w.Flush()
	f.Close()
	t.Logf("%d generated articles, %d words (%.0f words/article)", n, words, float64(words)/float64(n))

	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(dir, "kb.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var stats ingestStats
	start, cpu0 := time.Now(), processCPU()
	err = ingest(ctx, st, p, ingestOptions{inputs: []string{in}, batch: 256, maxBytes: 16 << 20, stderr: io.Discard, bar: progress.New(io.Discard, "", 0)}, &stats)
	elapsed, cpu := time.Since(start), processCPU()-cpu0
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(filepath.Join(dir, "kb.db"))
	t.Logf("ingest: %d stored, %d failed in %s: %.1f documents/s, %.0f words/s; process CPU %.1f s, of which the store %.1f s (%.0f%%); writer busy %.1f s = %.0f%% of the wall time; database %.1f MB (%.2f MB per 1,000 documents)",
		stats.stored, stats.failed, elapsed.Round(time.Millisecond), float64(stats.stored)/elapsed.Seconds(), float64(stats.words)/elapsed.Seconds(),
		cpu.Seconds(), stats.storeCPU.Seconds(), 100*stats.storeCPU.Seconds()/cpu.Seconds(),
		stats.storeTime.Seconds(), 100*stats.storeTime.Seconds()/elapsed.Seconds(), float64(fi.Size())/1e6, float64(fi.Size())/1e6/float64(max(stats.stored, 1))*1000)

	if os.Getenv("NEWSGRAPH_PERF_ALONE") == "" {
		return
	}
	// The pipeline alone, on the same input (NEWSGRAPH_PERF_ALONE=1).
	var docs, failed int
	start = time.Now()
	items := make(chan []byte, 64)
	go func() {
		defer close(items)
		f, _ := os.Open(in)
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		for sc.Scan() {
			items <- append([]byte(nil), sc.Bytes()...)
		}
	}()
	err = runPipelineOnly(ctx, p, items, &docs, &failed)
	if err != nil {
		t.Fatal(err)
	}
	alone := time.Since(start)
	t.Logf("pipeline alone: %d documents in %s: %.1f documents/s; the store adds %.0f%% to the wall time",
		docs, alone.Round(time.Millisecond), float64(docs)/alone.Seconds(), 100*(elapsed.Seconds()-alone.Seconds())/alone.Seconds())
}
