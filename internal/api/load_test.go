//go:build unix

package api

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
)

// TestLoad is a bounded load test of the API on loopback: 50 concurrent clients (NEWSGRAPH_LOAD_CLIENTS)
// send a mix of every read request for 20 s (NEWSGRAPH_LOAD_SECONDS) to a real http.Server over the store
// at NEWSGRAPH_LOAD_DB (build one with the sqlite package's TestQueryLatency). It reports requests/s and
// latency percentiles. It runs only when NEWSGRAPH_LOAD_DB is set.
func TestLoad(t *testing.T) {
	path := os.Getenv("NEWSGRAPH_LOAD_DB")
	if path == "" {
		t.Skip("set NEWSGRAPH_LOAD_DB to run the load test")
	}
	clients, seconds := 50, 20
	if v, err := strconv.Atoi(os.Getenv("NEWSGRAPH_LOAD_CLIENTS")); err == nil && v > 0 {
		clients = v
	}
	if v, err := strconv.Atoi(os.Getenv("NEWSGRAPH_LOAD_SECONDS")); err == nil && v > 0 {
		seconds = v
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, path, sqlite.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewServer(ln.Addr().String(), New(Config{Store: st}), nil)
	go srv.Serve(ln)
	defer srv.Shutdown(ctx)
	base := "http://" + ln.Addr().String()

	people, err := st.Entities(ctx, store.EntityQuery{Type: "PERSON", Limit: 300})
	if err != nil || len(people.Items) == 0 {
		t.Fatalf("entities: %v", err)
	}
	docs, err := st.Documents(ctx, store.DocumentQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"sanctions", "ceasefire", "talks", "grain", "winter", "pipeline", "election", "drone", "summit", "reactor"}
	mix := []func(r *rand.Rand) string{
		func(r *rand.Rand) string { return "/api/v1/search?q=" + words[r.IntN(len(words))] },
		func(r *rand.Rand) string {
			return "/api/v1/quotes?speaker=" + url.QueryEscape(people.Items[r.IntN(len(people.Items))].Key)
		},
		func(r *rand.Rand) string { return "/api/v1/quotes?about=" + words[r.IntN(len(words))] },
		func(r *rand.Rand) string { return "/api/v1/entities?type=PERSON" },
		func(r *rand.Rand) string {
			return "/api/v1/entities/" + url.PathEscape(people.Items[r.IntN(len(people.Items))].Key)
		},
		func(r *rand.Rand) string {
			return "/api/v1/timeline?entity=" + url.QueryEscape(people.Items[r.IntN(len(people.Items))].Key)
		},
		func(r *rand.Rand) string { return "/api/v1/documents/" + docs.Items[r.IntN(len(docs.Items))].ID },
		func(r *rand.Rand) string { return "/api/v1/documents?limit=20" },
		func(r *rand.Rand) string { return "/api/v1/stats" },
	}
	tr := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	deadline := time.Now().Add(time.Duration(seconds) * time.Second)
	var mu sync.Mutex
	var lat []time.Duration
	errs := map[string]int{}
	var wg sync.WaitGroup
	cpu0 := processCPU()
	start := time.Now()
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(c), 99))
			var mine []time.Duration
			bad := map[string]int{}
			for time.Now().Before(deadline) {
				u := base + mix[r.IntN(len(mix))](r)
				t0 := time.Now()
				res, err := client.Get(u)
				if err != nil {
					bad[err.Error()]++
					continue
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				mine = append(mine, time.Since(t0))
				if res.StatusCode != 200 {
					bad[fmt.Sprintf("status %d", res.StatusCode)]++
				}
			}
			mu.Lock()
			lat = append(lat, mine...)
			for k, v := range bad {
				errs[k] += v
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	cpu := processCPU() - cpu0
	var la [3]float64
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		fmt.Sscan(string(b), &la[0], &la[1], &la[2])
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	if len(lat) == 0 {
		t.Fatalf("no request completed: %v", errs)
	}
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	t.Logf("%d clients, %s: %d requests, %.0f requests/s; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; errors %v",
		clients, elapsed.Round(time.Millisecond), len(lat), float64(len(lat))/elapsed.Seconds(), pct(0.5), pct(0.9), pct(0.99), pct(1), errs)
	t.Logf("process CPU %.1f s in %.1f s (%.2f of %d cores; load average %.1f): %.2f ms CPU per request, server and load generator together",
		cpu.Seconds(), elapsed.Seconds(), cpu.Seconds()/elapsed.Seconds(), runtime.NumCPU(), la[0], 1000*cpu.Seconds()/float64(len(lat)))
	if len(errs) > 0 {
		t.Errorf("errors: %v", errs)
	}
}

// processCPU returns the CPU time (user and system) the process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
