package clean

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ErrNoArticle is returned for an HTML page in which no article text was found.
var ErrNoArticle = errors.New("no article text")

// page is what the cleaner takes from an HTML page.
type page struct {
	text                           string
	title, author, site, url, date string
}

// extractHTML finds the article in an HTML page with go-trafilatura and reads the page's metadata.
func extractHTML(src string, fallback bool) (page, error) {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return page{}, err
	}
	var p page
	meta := readMeta(root)
	res, err := trafilatura.ExtractDocument(root, trafilatura.Options{
		EnableFallback:  fallback,
		ExcludeComments: true,
		ExcludeTables:   false,
		HtmlDateMode:    trafilatura.Disabled,
	})
	if err == nil && res != nil {
		p.text = blockText(res.ContentNode)
		m := res.Metadata
		p.title, p.author, p.site, p.url = m.Title, m.Author, m.Sitename, m.URL
		if !m.Date.IsZero() {
			p.date = m.Date.Format("2006-01-02T15:04:05Z07:00")
		}
	}
	// Our own reading of the metadata keeps the time zone and time of day the page wrote, which
	// trafilatura's date does not always do.
	if meta.date != "" {
		p.date = meta.date
	}
	if p.title == "" {
		p.title = meta.title
	}
	if p.author == "" {
		p.author = meta.author
	}
	if p.site == "" {
		p.site = meta.site
	}
	if p.url == "" {
		p.url = meta.url
	}
	if strings.TrimSpace(p.text) == "" {
		return p, ErrNoArticle
	}
	return p, nil
}

// blockElements end a paragraph where they open and close.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Figure: true, atom.Figcaption: true,
	atom.Main: true, atom.Aside: true, atom.Hr: true, atom.Details: true, atom.Summary: true, atom.Body: true,
}

// blockText renders the extracted content as text: one paragraph per block element, paragraphs separated by a
// blank line, runs of white space inside a paragraph folded into one space, a <br> kept as a line break.
func blockText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var out, par strings.Builder
	space := false
	seen := map[string]bool{}
	flush := func() {
		s := strings.TrimSpace(par.String())
		par.Reset()
		space = false
		// trafilatura's baseline rescue of short pages can repeat a paragraph
		if s == "" || seen[s] {
			return
		}
		seen[s] = true
		if out.Len() > 0 {
			out.WriteString("\n\n")
		}
		out.WriteString(s)
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			for _, r := range n.Data {
				if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u00a0' {
					space = true
					continue
				}
				if space && par.Len() > 0 {
					par.WriteByte(' ')
				}
				space = false
				par.WriteRune(r)
			}
			return
		case html.ElementNode:
			a := n.DataAtom
			if a == 0 {
				a = atom.Lookup([]byte(n.Data))
			}
			switch a {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			case atom.Br:
				if par.Len() > 0 {
					par.WriteByte('\n')
				}
				space = false
				return
			case atom.Td, atom.Th:
				space = true
			}
		}
		// trafilatura builds its output tree without atoms: look the tag name up
		block := n.Type == html.ElementNode && (blockElements[n.DataAtom] || n.DataAtom == 0 && blockElements[atom.Lookup([]byte(n.Data))])
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	// a <br> at a paragraph's end leaves a line break before the space trimming: tidy it
	return strings.ReplaceAll(out.String(), " \n", "\n")
}

// htmlMeta is metadata read directly from JSON-LD, OpenGraph and meta tags.
type htmlMeta struct {
	title, author, site, url, date string
}

// dateMetaNames are meta tags that carry the publication date, best first.
var dateMetaNames = []string{"article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
	"publish-date", "publish_date", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dc.date", "dcterms.created", "date"}

// readMeta reads the publication date (with its time zone), headline, author, publisher and canonical URL.
func readMeta(root *html.Node) htmlMeta {
	var m htmlMeta
	metas := map[string]string{}
	var timeDate string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					readJSONLD(n.FirstChild.Data, &m)
				}
				return
			case atom.Meta:
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				if v := strings.TrimSpace(attr(n, "content")); key != "" && v != "" {
					if _, ok := metas[key]; !ok {
						metas[key] = v
					}
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.url == "" {
					m.url = attr(n, "href")
				}
			case atom.Time:
				if timeDate == "" && (attr(n, "itemprop") == "datePublished" || hasAttr(n, "pubdate")) {
					timeDate = attr(n, "datetime")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if m.date == "" {
		for _, k := range dateMetaNames {
			if v := metas[k]; v != "" {
				if _, norm, ok := ParseDate(v); ok {
					m.date = norm
					break
				}
			}
		}
	}
	if m.date == "" && timeDate != "" {
		if _, norm, ok := ParseDate(timeDate); ok {
			m.date = norm
		}
	}
	m.title = firstNonEmpty(m.title, metas["og:title"], metas["twitter:title"])
	m.site = firstNonEmpty(m.site, metas["og:site_name"], metas["application-name"])
	m.author = firstNonEmpty(m.author, metas["author"], metas["article:author"], metas["parsely-author"])
	m.url = firstNonEmpty(metas["og:url"], m.url)
	return m
}

// readJSONLD reads a JSON-LD block for an article's metadata; a block that is not valid JSON is ignored.
func readJSONLD(src string, m *htmlMeta) {
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return
	}
	var visit func(any)
	visit = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				visit(g)
			}
			if !isArticleType(x["@type"]) {
				return
			}
			if s, ok := x["datePublished"].(string); ok && m.date == "" {
				if _, norm, ok := ParseDate(s); ok {
					m.date = norm
				}
			}
			if s, ok := x["headline"].(string); ok && m.title == "" {
				m.title = strings.TrimSpace(s)
			}
			if m.author == "" {
				m.author = strings.Join(names(x["author"]), "; ")
			}
			if m.site == "" {
				if n := names(x["publisher"]); len(n) > 0 {
					m.site = n[0]
				}
			}
			if s, ok := x["url"].(string); ok && m.url == "" {
				m.url = s
			}
		}
	}
	visit(v)
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return strings.HasSuffix(x, "Article") || x == "BlogPosting" || x == "Report" || x == "LiveBlogPosting"
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// names returns the "name"s of a JSON-LD person or organization, or a list of them, or a bare string.
func names(v any) []string {
	switch x := v.(type) {
	case string:
		if s := strings.TrimSpace(x); s != "" {
			return []string{s}
		}
	case map[string]any:
		if s, ok := x["name"].(string); ok && strings.TrimSpace(s) != "" {
			return []string{strings.TrimSpace(s)}
		}
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, names(e)...)
		}
		return out
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x = strings.TrimSpace(x); x != "" {
			return x
		}
	}
	return ""
}
