package web_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/source"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
	"github.com/newsgraph/newsgraph/internal/web"
)

// chromium finds Debian's Chromium; the browser tests skip without it (.ci/run installs it).
func chromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium on PATH (apt-get install chromium): skipping the browser tests")
	return ""
}

// artifacts is where the screenshots land: $NEWSGRAPH_ARTIFACTS, else artifacts/web at the repository root.
func artifacts(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("NEWSGRAPH_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("..", "..", "artifacts")
	}
	dir = filepath.Join(dir, "web")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// hostile is an article whose entity names and quotation carry markup and script: the page must show them as
// text and never run them.
func hostile() *doc.Document {
	text := "<img src=x onerror=\"window.__pwned=1\"> said: <script>window.__pwned=2</script> today."
	name := `<img src=x onerror="window.__pwned=1">`
	q := strings.Index(text, "<script>")
	qe := q + len("<script>window.__pwned=2</script>")
	speaker := "e1"
	return &doc.Document{
		ID: "hostile0000000001", Title: `<b onmouseover="window.__pwned=3">Hostile</b>`, Published: "2025-08-20",
		Language: "en", Text: text,
		Entities: []doc.Entity{{ID: "e1", Type: "PERSON", Name: name, Key: "person:hostile",
			Mentions: []doc.Mention{{Span: doc.Span{Start: 0, End: len(name)}, Kind: doc.KindName}}}},
		Quotes: []doc.Quote{{ID: "q1", Kind: doc.Direct, Content: doc.Span{Start: q, End: qe},
			Cue: doc.Span{Start: len(name) + 1, End: len(name) + 5}, Source: &doc.Span{Start: 0, End: len(name)}, Speaker: &speaker}},
	}
}

// serve builds a store from the example articles (plus the hostile one) and serves the API and the page.
func serve(t *testing.T, empty bool) string {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "kb.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if !empty {
		p, err := pipeline.New(pipeline.Config{})
		if err != nil {
			t.Fatal(err)
		}
		var docs []*doc.Document
		err = source.Walk(ctx, []string{filepath.Join("..", "..", "examples")}, source.Options{}, func(d *doc.Document, err error) error {
			if err != nil {
				return nil // the examples include deliberately awkward inputs; only good articles matter here
			}
			if err := p.Process(ctx, d); err == nil {
				docs = append(docs, d)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) < 3 {
			t.Fatalf("only %d example articles processed", len(docs))
		}
		if err := st.Put(ctx, append(docs, hostile())); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(api.New(api.Config{Store: st, Web: web.Handler()}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func browser(t testing.TB) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancel3)
	if err := chromedp.Do(ctx); err != nil {
		t.Skipf("chromium would not start (%v): skipping the browser tests", err)
	}
	return ctx
}

func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	p := filepath.Join(artifacts(t), name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", p)
}

// view opens a hash route and waits until the page has rendered it.
func view(t *testing.T, ctx context.Context, base, hash, ready string) {
	t.Helper()
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"+hash),
		chromedp.WaitNotPresent(chromedp.CSS(`main[aria-busy]`)),
		chromedp.WaitVisible(chromedp.CSS(ready)))
	if err != nil {
		text, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
		t.Fatalf("view %s: waiting for %s: %v; page shows: %q", hash, ready, err, text)
	}
}

func count(t *testing.T, ctx context.Context, sel string) int {
	t.Helper()
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll(%q).length`, sel)))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are slow: skipped with -short")
	}
	base := serve(t, false)
	ctx := browser(t)

	t.Run("overview", func(t *testing.T) {
		view(t, ctx, base, "#/", "main section")
		screenshot(t, ctx, "overview")
	})
	t.Run("search", func(t *testing.T) {
		err := chromedp.Do(ctx,
			chromedp.Navigate(base+"/#/"),
			chromedp.WaitVisible(chromedp.CSS("#q")),
			chromedp.SendKeys(chromedp.CSS("#q"), "sanctions\n"),
			chromedp.WaitVisible(chromedp.CSS("#article-results mark")))
		if err != nil {
			t.Fatal(err)
		}
		if n := count(t, ctx, "#article-results li"); n == 0 {
			t.Error("no article results for 'sanctions'")
		}
		screenshot(t, ctx, "search")
	})
	var entityKey string
	t.Run("entities", func(t *testing.T) {
		view(t, ctx, base, "#/entities?type=PERSON", "table tbody tr")
		attr, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("table tbody tr a"), "href"))
		if err != nil {
			t.Fatal(err)
		}
		entityKey = attr.Value
		screenshot(t, ctx, "entities")
	})
	t.Run("entity", func(t *testing.T) {
		if entityKey == "" {
			t.Skip("no entity to open")
		}
		// Open it the way a keyboard user would: focus the link and press Enter.
		err := chromedp.Do(ctx,
			chromedp.Focus(chromedp.CSS("table tbody tr a")),
			chromedp.KeyEvent("\r"),
			chromedp.WaitVisible(chromedp.CSS("dl.facts")),
			chromedp.WaitNotPresent(chromedp.CSS(`main[aria-busy]`)))
		if err != nil {
			t.Fatal(err)
		}
		h1, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main h1")))
		if strings.TrimSpace(h1) == "" {
			t.Error("entity view has no heading")
		}
		if count(t, ctx, "svg.chart rect")+count(t, ctx, "main p.muted") == 0 {
			t.Error("entity view has neither a mentions chart nor its empty message")
		}
		screenshot(t, ctx, "entity")
	})
	t.Run("quotes", func(t *testing.T) {
		view(t, ctx, base, "#/quotes", "#quote-list li")
		if n := count(t, ctx, "#quote-list blockquote"); n < 2 {
			t.Errorf("quote list shows %d quotations, want several from the examples", n)
		}
		screenshot(t, ctx, "quotes")
	})
	t.Run("quote in context", func(t *testing.T) {
		view(t, ctx, base, "#/quotes", "#quote-list li")
		err := chromedp.Do(ctx,
			chromedp.Click(chromedp.CSS("#quote-list li .meta a:last-of-type")),
			chromedp.WaitVisible(chromedp.CSS("#article-text .hl")))
		if err != nil {
			t.Fatal(err)
		}
		screenshot(t, ctx, "article")
	})
	t.Run("network", func(t *testing.T) {
		view(t, ctx, base, "#/network", "#network")
		if n := count(t, ctx, "#network g.node"); n < 3 {
			t.Errorf("network has %d nodes, want the examples' people and organizations", n)
		}
		screenshot(t, ctx, "network")
	})
	t.Run("timeline", func(t *testing.T) {
		view(t, ctx, base, "#/timeline", "#timeline li")
		screenshot(t, ctx, "timeline")
	})
	t.Run("map", func(t *testing.T) {
		view(t, ctx, base, "#/map", "#map")
		if n := count(t, ctx, "#map path.country"); n < 100 {
			t.Errorf("map draws %d countries, want the Natural Earth outlines", n)
		}
		if n := count(t, ctx, "#map g.marker"); n == 0 {
			t.Error("map has no place markers")
		}
		screenshot(t, ctx, "map")
	})
	t.Run("hostile text is shown, not run", func(t *testing.T) {
		view(t, ctx, base, "#/entity/"+"person%3Ahostile", "dl.facts")
		view(t, ctx, base, "#/doc/hostile0000000001", "#article-text")
		pwned, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__pwned !== undefined`))
		if err != nil {
			t.Fatal(err)
		}
		h1, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main h1")))
		if err != nil {
			t.Fatal(err)
		}
		if pwned {
			t.Error("script from stored text ran")
		}
		if !strings.Contains(h1, "<b onmouseover") {
			t.Errorf("title not shown as text: %q", h1)
		}
		if n := count(t, ctx, "main img, main script, main b"); n != 0 {
			t.Errorf("stored markup became %d elements", n)
		}
		screenshot(t, ctx, "hostile")
	})
	t.Run("phone", func(t *testing.T) {
		err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844))
		if err != nil {
			t.Fatal(err)
		}
		view(t, ctx, base, "#/quotes", "#quote-list li")
		overflow, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
		if overflow {
			t.Error("page scrolls sideways on a phone-sized screen")
		}
		screenshot(t, ctx, "phone-quotes")
	})
}

func TestBrowserEmptyStore(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are slow: skipped with -short")
	}
	base := serve(t, true)
	ctx := browser(t)
	view(t, ctx, base, "#/", ".empty")
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".empty")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "newsgraph ingest") {
		t.Errorf("empty state does not say how to ingest: %q", text)
	}
	screenshot(t, ctx, "empty")
}
