package clean

import (
	"context"
	"fmt"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// Cleaner is the clean stage. It holds no per-document state and is safe for concurrent use.
type Cleaner struct {
	cfg       Config
	published string // cfg.Published normalised, "" when absent or unparseable
}

// New returns the stage.
func New(cfg Config) *Cleaner {
	c := &Cleaner{cfg: cfg}
	if _, norm, ok := ParseDate(cfg.Published); ok {
		c.published = norm
	}
	return c
}

// Name returns the stage name.
func (*Cleaner) Name() string { return "clean" }

// Process reads d.Raw (HTML when d.Format is "html", plain text otherwise) and sets d.Text, d.Removed,
// d.Language, the metadata fields and d.PublishedAt, as the package documentation describes. It returns
// ErrNoArticle for an HTML page without article text and for input with no text left after cleaning.
//
// Metadata precedence: the title and URL the input carried (a JSON Lines field, a WARC target URI) win over
// the page's. Dates: a date the input states (a JSON Lines "published" field) comes first; then the page's
// own publication date (HTML metadata); then the WARC-Date of a crawled page (a fetch time, only a fallback);
// then, for scraped text, the date of a removed timestamp line; then Config.Published. An unparseable date is
// dropped with a warning.
func (c *Cleaner) Process(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	isHTML := d.Format == "html"
	src, warn := toUTF8(d.Raw, isHTML)
	if warn != "" {
		d.Warn(warn)
	}
	src = strings.ReplaceAll(src, "\r\n", "\n")
	src = strings.ReplaceAll(src, "\r", "\n")
	inputDate := d.Published
	d.Published = ""
	var text string
	if isHTML {
		p, err := extractHTML(src, c.cfg.HTMLFallback)
		if err != nil {
			return err
		}
		text = p.text
		d.Title = firstNonEmpty(d.Title, p.title)
		d.Author = firstNonEmpty(d.Author, p.author)
		d.SiteName = firstNonEmpty(d.SiteName, p.site)
		d.URL = firstNonEmpty(d.URL, p.url)
		if !fetchDate(d) {
			// a date the input states (a JSON Lines "published" field) wins over the page's
			c.setDate(d, inputDate, "input")
		}
		c.setDate(d, p.date, "page metadata")
		if fetchDate(d) {
			c.setDate(d, inputDate, "input") // a fetch time, when the page has no date of its own
		}
		// the page text may still carry furniture that the extractor kept, such as a share bar or byline
		// paragraph; the same conservative line filter applies
		text, d.Removed = cleanText(text, c.cfg.KeepFurniture)
		if !hasProse(text) {
			return ErrNoArticle
		}
	} else {
		text, d.Removed = cleanText(src, c.cfg.KeepFurniture)
	}
	text = norm.NFC.String(text)
	d.Title = norm.NFC.String(normSpace(d.Title))
	if strings.TrimSpace(text) == "" {
		return ErrNoArticle
	}
	d.Text = text
	if !isHTML {
		if d.Title == "" {
			d.Title = titleLine(text)
		}
		if d.Author == "" {
			d.Author = bylineAuthor(d.Removed)
		}
	}
	if !isHTML {
		c.setDate(d, inputDate, "input")
	}
	if !isHTML && d.Published == "" {
		// a scraped page's timestamp line, removed as furniture, still dates the article
		for _, piece := range d.Removed {
			if date, ok := dateInLine(piece); ok && (isTimestamp(piece) || onlyTimeWords(piece)) {
				c.setDate(d, date, "page text")
				break
			}
		}
	}
	c.setDate(d, c.published, "--published")
	d.URL = firstNonEmpty(d.URL, c.cfg.URL)
	d.Language = Language(text)
	return nil
}

// setDate sets d.Published and d.PublishedAt from s unless a date is set already.
func (c *Cleaner) setDate(d *doc.Document, s, from string) {
	if d.Published != "" || strings.TrimSpace(s) == "" {
		return
	}
	t, norm, ok := ParseDate(s)
	if !ok {
		d.Warn(fmt.Sprintf("unparseable publication date %q from the %s: ignored", s, from))
		return
	}
	d.Published, d.PublishedAt = norm, t
}

// titleLine returns the headline of a plain text: the first of its leading paragraphs (those before the first
// paragraph of prose) that reads as one, a single line of 4 to 30 words that does not end as a sentence does
// (a question mark aside). Shorter lines above it are kickers and section labels ("Europe | Analysis").
// It returns "" when the text opens with prose.
func titleLine(text string) string {
	paras := strings.Split(text, "\n\n")
	for i, p := range paras {
		if i == len(paras)-1 {
			break // a headline has text after it
		}
		n := countWords(p)
		prose := endsSentence(p) && !strings.HasSuffix(p, "?") && n >= 5 || n > 30
		if prose {
			return ""
		}
		if n >= 4 && !strings.Contains(p, "\n") {
			return p
		}
	}
	return ""
}

// hasProse reports whether text has at least one paragraph of four words or more: what an extractor keeps of
// a page without an article is a menu ("Home World Politics") or a footer.
func hasProse(text string) bool {
	for p := range strings.SplitSeq(text, "\n\n") {
		if countWords(p) >= 4 {
			return true
		}
	}
	return false
}

// bylineAuthor returns the names in the first byline that cleaning removed from a scraped page ("By Olena
// Harmash and Tom Balmforth, Reuters" gives "Olena Harmash; Tom Balmforth"), or "".
func bylineAuthor(removed []string) string {
	for _, piece := range removed {
		if !bylineRe.MatchString(piece) && !gluedPrefixRe.MatchString(piece) {
			continue
		}
		s := strings.TrimSpace(piece[2:]) // after "By"
		for _, sep := range []string{",", "|", " - ", " – ", " — ", "/"} {
			if i := strings.Index(s, sep); i > 0 {
				s = s[:i]
			}
		}
		var names []string
		for _, n := range strings.FieldsFunc(strings.ReplaceAll(s, " and ", "&"), func(r rune) bool { return r == '&' }) {
			n = strings.TrimSpace(n)
			for _, agency := range []string{"Associated Press", "The Associated Press", "Reuters", "AFP", "AP", "Bloomberg", "CNN"} {
				if strings.HasSuffix(n, " "+agency) {
					n = strings.TrimSpace(strings.TrimSuffix(n, agency))
				}
			}
			if n != "" {
				names = append(names, n)
			}
		}
		return strings.Join(names, "; ")
	}
	return ""
}

// fetchDate reports whether d.Published came from a WARC record (Source "path#record-N"): a fetch time,
// weaker than the page's own date.
func fetchDate(d *doc.Document) bool { return strings.Contains(d.Source, "#record-") }
