package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// Options configures the readers. The zero value works.
type Options struct {
	// MaxBytes is the largest article (after decompression) that is read; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Stdin is read for the input "-"; nil means os.Stdin.
	Stdin io.Reader
}

// DefaultMaxBytes is the default article size limit.
const DefaultMaxBytes = 16 << 20

// Error is a failure to read one input (a file, a line of a JSON Lines file or a WARC record). Its message
// starts with the input's name, so that it can be printed as is.
type Error struct {
	// Input names what could not be read: a path, "path:line", "path#record-n" or "-".
	Input string
	Err   error
}

func (e *Error) Error() string { return e.Input + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Sentinel reasons, for errors.Is.
var (
	ErrEmpty    = errors.New("empty input")
	ErrBinary   = errors.New("binary data, not text")
	ErrTooLarge = errors.New("article larger than the size limit")
)

// kinds of input, chosen by extension and confirmed by sniffing.
const (
	kindText  = "text"
	kindHTML  = "html"
	kindJSONL = "jsonl"
	kindWARC  = "warc"
)

// Walk reads every input in order (a file, a directory read recursively in sorted order, or "-" for standard
// input) and calls fn for each article, or with a non-nil *Error naming the input that could not be read, after
// which it goes on with the next input. Walk stops early only when fn returns an error or ctx is done, and then
// returns that error.
//
// In a directory, only files with a known extension (.txt, .text, .html, .htm, .xhtml, .jsonl, .ndjson, .warc,
// each optionally followed by .gz) are read, and hidden files and directories are skipped; a file named on the
// command line is read whatever its name, its format sniffed from its content.
func Walk(ctx context.Context, inputs []string, opts Options, fn func(*doc.Document, error) error) error {
	w := &walker{ctx: ctx, opts: opts, fn: fn}
	if w.opts.MaxBytes <= 0 {
		w.opts.MaxBytes = DefaultMaxBytes
	}
	if w.opts.Stdin == nil {
		w.opts.Stdin = os.Stdin
	}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		if in == "-" {
			err = w.stream("-", "", w.opts.Stdin)
		} else {
			err = w.path(in)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

type walker struct {
	ctx  context.Context
	opts Options
	fn   func(*doc.Document, error) error
}

// fail reports a failed input to fn.
func (w *walker) fail(input string, err error) error {
	return w.fn(nil, &Error{Input: input, Err: err})
}

func (w *walker) path(p string) error {
	fi, err := os.Stat(p)
	if err != nil {
		return w.fail(p, cleanPathErr(err))
	}
	if !fi.IsDir() {
		return w.file(p)
	}
	return filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if cerr := w.ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			if ferr := w.fail(path, cleanPathErr(err)); ferr != nil {
				return ferr
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		hidden := path != p && strings.HasPrefix(d.Name(), ".")
		if d.IsDir() {
			if hidden {
				return fs.SkipDir
			}
			return nil
		}
		if hidden || kindByName(path) == "" {
			return nil
		}
		return w.file(path)
	})
}

// cleanPathErr drops the path that os errors repeat, since Error names the input already.
func cleanPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (w *walker) file(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return w.fail(p, cleanPathErr(err))
	}
	defer f.Close()
	return w.stream(p, kindByName(p), f)
}

// kindByName returns the kind its extension names (".gz" looked through), or "".
func kindByName(name string) string {
	name = strings.ToLower(name)
	name = strings.TrimSuffix(name, ".gz")
	switch filepath.Ext(name) {
	case ".txt", ".text":
		return kindText
	case ".html", ".htm", ".xhtml":
		return kindHTML
	case ".jsonl", ".ndjson":
		return kindJSONL
	case ".warc":
		return kindWARC
	}
	return ""
}

// stream reads one input: decompresses it when it is gzip, sniffs its kind and dispatches to the reader.
func (w *walker) stream(name, kind string, r io.Reader) error {
	br := bufio.NewReaderSize(r, 64<<10)
	if head, _ := br.Peek(2); len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return w.fail(name, fmt.Errorf("bad gzip data: %w", err))
		}
		defer gz.Close()
		br = bufio.NewReaderSize(gz, 64<<10)
	}
	head, err := br.Peek(4096)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) && len(head) == 0 {
		return w.fail(name, readErr(err))
	}
	atEOF := err != nil
	sniffed := sniff(head)
	switch {
	case len(bytes.TrimSpace(head)) == 0 && atEOF:
		return w.fail(name, ErrEmpty)
	case sniffed == kindWARC:
		kind = kindWARC
	case kind == kindWARC:
		return w.fail(name, errors.New("not a WARC file (no WARC/ version line)"))
	case kind == kindJSONL || kind == "" && sniffed == kindJSONL:
		if sniffed != kindJSONL {
			return w.fail(name, errors.New("not JSON Lines (first line is not a JSON object)"))
		}
		kind = kindJSONL
	case kind == "" || kind == kindText && sniffed == kindHTML:
		kind = sniffed
	}
	switch kind {
	case kindWARC:
		return w.warc(name, br)
	case kindJSONL:
		return w.jsonl(name, br)
	}
	raw, err := readLimited(br, w.opts.MaxBytes)
	if err != nil {
		return w.fail(name, err)
	}
	if err := checkText(raw); err != nil {
		return w.fail(name, err)
	}
	return w.emit(&doc.Document{Raw: raw, Format: kind, Source: name})
}

// emit completes a document (its ID) and hands it to fn.
func (w *walker) emit(d *doc.Document) error {
	d.ID = ID(d.URL, d.Raw)
	return w.fn(d, nil)
}

// ID returns the stable document id for an article: the first 16 hex digits of the SHA-256 of url, a newline
// and the raw article.
func ID(url string, raw []byte) string {
	h := sha256.New()
	io.WriteString(h, url)
	h.Write([]byte{'\n'})
	h.Write(raw)
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// readLimited reads all of r, failing with ErrTooLarge without reading further once more than max bytes came.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, readErr(err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w (%d bytes; raise --max-bytes)", ErrTooLarge, max)
	}
	return b, nil
}

// readErr names the usual ways a compressed stream is cut short.
func readErr(err error) error {
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("truncated input: %w", err)
	case errors.Is(err, gzip.ErrChecksum), errors.Is(err, gzip.ErrHeader):
		return fmt.Errorf("corrupt gzip data: %w", err)
	}
	return err
}

// checkText rejects empty and binary content: NUL bytes, or more than 1% C0 control characters other than
// tab, newline, carriage return, form feed and escape. UTF-16 passes when it starts with a byte order mark;
// without one it fails on its NUL bytes.
func checkText(b []byte) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return ErrEmpty
	}
	if bytes.HasPrefix(b, []byte("\xff\xfe")) || bytes.HasPrefix(b, []byte("\xfe\xff")) {
		return nil // UTF-16 with a byte order mark: the cleaner decodes it
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return ErrBinary
	}
	ctl := 0
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b {
			ctl++
		}
	}
	if ctl > len(b)/100 {
		return ErrBinary
	}
	return nil
}

// sniff guesses the kind of content from its first bytes: WARC, JSON Lines, HTML or text.
func sniff(head []byte) string {
	b := bytes.TrimLeft(head, " \t\r\n\ufeff")
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	b = bytes.TrimLeft(b, " \t\r\n")
	if bytes.HasPrefix(b, []byte("WARC/")) {
		return kindWARC
	}
	if len(b) > 1 && b[0] == '{' && (b[1] == '"' || b[1] == ' ' || b[1] == '\t' || b[1] == '\n' || b[1] == '\r' || b[1] == '}') {
		return kindJSONL
	}
	lower := bytes.ToLower(b[:min(len(b), 1024)])
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<article", "<!--"} {
		if bytes.HasPrefix(lower, []byte(tag)) {
			return kindHTML
		}
	}
	for _, tag := range []string{"<p>", "<p ", "<div", "<br", "</p>", "</div>", "<h1", "<h2"} {
		if bytes.Contains(lower, []byte(tag)) {
			return kindHTML
		}
	}
	return kindText
}

// Count returns the number of articles the inputs hold when that is known without reading them: every input
// is a text or HTML file, or a directory of them. It returns false when any input is standard input, JSON
// Lines or WARC (which hold an unknown number of articles).
func Count(inputs []string) (int, bool) {
	n := 0
	for _, in := range inputs {
		if in == "-" {
			return 0, false
		}
		fi, err := os.Stat(in)
		if err != nil {
			n++ // reported as one failed input
			continue
		}
		if !fi.IsDir() {
			if k := kindByName(in); k == kindJSONL || k == kindWARC {
				return 0, false
			}
			n++
			continue
		}
		exact := true
		filepath.WalkDir(in, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				if d != nil && d.IsDir() && path != in && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			switch kindByName(path) {
			case kindText, kindHTML:
				if !strings.HasPrefix(d.Name(), ".") {
					n++
				}
			case kindJSONL, kindWARC:
				exact = false
				return fs.SkipAll
			}
			return nil
		})
		if !exact {
			return 0, false
		}
	}
	return n, true
}
