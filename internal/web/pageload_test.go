package web_test

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
	"github.com/newsgraph/newsgraph/internal/store/storetest"
	"github.com/newsgraph/newsgraph/internal/web"
)

// TestBundleSize reports what the page costs to download, and keeps it from growing unnoticed.
func TestBundleSize(t *testing.T) {
	gz, raw := web.BundleSize()
	t.Logf("bundle: %d bytes gzip (%d uncompressed), Natural Earth outlines included", gz, raw)
	if gz > 600<<10 {
		t.Errorf("bundle is %d KiB gzip; it was 262 KiB (268,789 bytes) when this test was written: look at what grew", gz>>10)
	}
}

// BenchmarkFirstPageLoad measures, in real Chromium on loopback, the time from navigation to a rendered
// view over a store of 10,000 generated documents: the overview (the first page), the network and the map.
// Run it with: go test -run XXX -bench FirstPageLoad ./internal/web
func BenchmarkFirstPageLoad(b *testing.B) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "kb.db"), sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	g := storetest.NewGenerator(42, 8000)
	const n = 10000
	batch := make([]*doc.Document, 0, 500)
	for i := range n {
		batch = append(batch, g.Next())
		if len(batch) == cap(batch) || i == n-1 {
			if err := st.Put(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	srv := httptest.NewServer(api.New(api.Config{Store: st, Web: web.Handler()}))
	defer srv.Close()
	bctx := browser(b)
	for _, v := range []struct{ name, hash, ready string }{
		{"overview", "#/", "main section"},
		{"network", "#/network", "#network"},
		{"map", "#/map", "#map"},
	} {
		b.Run(v.name, func(b *testing.B) {
			var total time.Duration
			for b.Loop() {
				// A fresh page each time: no cached script, styles or data.
				tab, cancel := chromedp.NewContext(bctx)
				start := time.Now()
				err := chromedp.Do(tab,
					chromedp.Navigate(srv.URL+"/"+v.hash),
					chromedp.WaitNotPresent(chromedp.CSS(`main[aria-busy]`)),
					chromedp.WaitVisible(chromedp.CSS(v.ready)))
				total += time.Since(start)
				cancel()
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms/load")
		})
	}
}
