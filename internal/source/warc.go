package source

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http/httputil"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/nlnwa/gowarc/v3"
	"golang.org/x/text/encoding/htmlindex"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// warc reads the HTML response records of a WARC file (already decompressed when it was gzip), as news crawls
// such as CC-NEWS publish them. Each becomes an article with Source "name#record-N" (N counts every record of
// the file from 1), URL from WARC-Target-URI and Published from WARC-Date, which the cleaner only uses when the
// page itself carries no date. Other records (warcinfo, request, metadata, non-HTML or non-2xx responses) are
// skipped. A file cut short is reported once, after the records read before the cut.
func (w *walker) warc(name string, br *bufio.Reader) error {
	// gowarc reads ahead; a stream error (a truncated gzip member) would fail the record before the one that
	// is cut. stash turns it into an end of file and keeps it, so that every whole record is read first.
	stash := &stashReader{r: br}
	wf, err := gowarc.NewWarcFileReaderFromStream(stash, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrIgnore),
		// not WithSpecViolationPolicy(ErrIgnore): with it gowarc v3.1.0 cuts payloads at about 4 KB
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithBlockErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithBufferMaxMemBytes(4<<20),
	)
	if err != nil {
		return w.fail(name, err)
	}
	defer wf.Close()
	for n := 1; ; n++ {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		rec, err := wf.Next()
		if err == io.EOF {
			if stash.err != nil {
				return w.fail(name+"#record-"+strconv.Itoa(n), fmt.Errorf("truncated WARC file: %v", readErr(stash.err)))
			}
			return nil
		}
		input := name + "#record-" + strconv.Itoa(n)
		if err != nil {
			rec.Close()
			return w.fail(input, fmt.Errorf("bad or truncated WARC record: %v", readErr(err)))
		}
		d, skip, err := warcArticle(rec.WarcRecord, w.opts.MaxBytes)
		rec.Close()
		if skip {
			continue
		}
		if err != nil {
			if ferr := w.fail(input, err); ferr != nil {
				return ferr
			}
			if !errors.Is(err, io.ErrUnexpectedEOF) {
				continue
			}
			return nil // the stream is broken: stop reading this file
		}
		d.Source = input
		if ferr := w.emit(d); ferr != nil {
			return ferr
		}
	}
}

// warcArticle returns the article in one record, or skip when the record holds none.
func warcArticle(r gowarc.WarcRecord, max int64) (d *doc.Document, skip bool, err error) {
	if r == nil || r.Type() != gowarc.Response {
		return nil, true, nil
	}
	blk, ok := r.Block().(gowarc.HttpResponseBlock)
	if !ok {
		return nil, true, nil
	}
	if c := blk.HttpStatusCode(); c < 200 || c > 299 {
		return nil, true, nil
	}
	ct := ""
	if h := blk.HttpHeader(); h != nil {
		ct = h.Get("Content-Type")
	}
	// the parsed header drops Transfer-Encoding: read both encodings from the raw header lines
	te, enc := rawHeader(blk.ProtocolHeaderBytes(), "transfer-encoding"), rawHeader(blk.ProtocolHeaderBytes(), "content-encoding")
	if mt, _, _ := mime.ParseMediaType(ct); ct != "" && mt != "text/html" && mt != "application/xhtml+xml" {
		return nil, true, nil
	}
	p, err := blk.PayloadBytes()
	if err != nil {
		return nil, false, fmt.Errorf("bad WARC record payload: %v", err)
	}
	raw, err := readLimited(p, max)
	if err != nil {
		return nil, false, err
	}
	// gowarc hands out a record cut short by the end of the file without complaint: compare the block read
	// with the Content-Length the record declares
	if want, err := r.ContentLength(); err == nil && int64(len(blk.ProtocolHeaderBytes())+len(raw)) < want {
		return nil, false, fmt.Errorf("truncated WARC record: %w (%d of %d bytes)", io.ErrUnexpectedEOF, len(blk.ProtocolHeaderBytes())+len(raw), want)
	}
	// crawlers such as wget store the payload as it came over the wire: chunked and compressed
	if raw, err = decodeTransfer(raw, te, enc, max); err != nil {
		return nil, false, err
	}
	if err := checkText(raw); err != nil {
		return nil, false, err
	}
	if ct == "" && sniff(raw[:min(len(raw), 4096)]) != kindHTML {
		return nil, true, nil
	}
	d = &doc.Document{Format: kindHTML}
	d.Raw = decodeCharset(d, raw, ct)
	h := r.WarcHeader()
	d.URL = strings.Trim(h.Get(gowarc.WarcTargetURI), "<>")
	if t, err := r.Date(); err == nil && !t.IsZero() {
		d.Published = t.UTC().Format("2006-01-02T15:04:05Z07:00")
	}
	return d, false, nil
}

// stashReader reports any read error as io.EOF and keeps it in err.
type stashReader struct {
	r   io.Reader
	err error
}

func (s *stashReader) Read(p []byte) (int, error) {
	if s.err != nil {
		return 0, io.EOF
	}
	n, err := s.r.Read(p)
	if err != nil && err != io.EOF {
		s.err = err
		return n, io.EOF
	}
	return n, err
}

// decodeCharset converts a payload that is not UTF-8 to UTF-8 when its HTTP Content-Type names the charset
// (the page's own <meta> declaration is the cleaner's business), and says so in a warning.
func decodeCharset(d *doc.Document, raw []byte, contentType string) []byte {
	_, params, err := mime.ParseMediaType(contentType)
	name := strings.ToLower(params["charset"])
	if err != nil || name == "" || name == "utf-8" || name == "utf8" || utf8.Valid(raw) {
		return raw
	}
	enc, err := htmlindex.Get(name)
	if err != nil {
		return raw
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil || !utf8.Valid(out) {
		return raw
	}
	d.Warn(fmt.Sprintf("input is not UTF-8: decoded as %s (from the HTTP Content-Type)", name))
	return out
}

// decodeTransfer undoes a chunked transfer encoding and a gzip or deflate content encoding that the HTTP
// headers of a stored response declare, when the payload still carries them.
func decodeTransfer(raw []byte, transfer, encoding string, max int64) ([]byte, error) {
	if strings.Contains(transfer, "chunked") && looksChunked(raw) {
		b, err := readLimited(httputil.NewChunkedReader(bytes.NewReader(raw)), max)
		if err != nil {
			return nil, fmt.Errorf("bad chunked payload: %w", err)
		}
		raw = b
	}
	switch {
	case (encoding == "gzip" || encoding == "x-gzip") && bytes.HasPrefix(raw, []byte{0x1f, 0x8b}):
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, fmt.Errorf("bad gzip payload: %w", err)
		}
		return readLimited(zr, max)
	case encoding == "deflate" && !utf8.Valid(raw[:min(len(raw), 512)]):
		// "deflate" is zlib-wrapped as the RFC says, or raw DEFLATE as some servers send it
		if zr, err := zlib.NewReader(bytes.NewReader(raw)); err == nil {
			return readLimited(zr, max)
		}
		return readLimited(flate.NewReader(bytes.NewReader(raw)), max)
	}
	return raw, nil
}

// looksChunked reports whether b starts with a chunk-size line ("1a2f\r\n").
func looksChunked(b []byte) bool {
	i := bytes.Index(b[:min(len(b), 20)], []byte("\r\n"))
	if i <= 0 {
		return false
	}
	for _, c := range b[:i] {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ';' || c == ' ') {
			return false
		}
	}
	return true
}

// rawHeader returns the lower-cased value of the named header (lower case) in raw HTTP header bytes.
func rawHeader(head []byte, name string) string {
	for line := range strings.SplitSeq(string(head), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok && strings.EqualFold(strings.TrimSpace(k), name) {
			return strings.ToLower(strings.TrimSpace(v))
		}
	}
	return ""
}
