package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// jsonlArticle is one line of a JSON Lines input: "text" or "html", and optionally "url", "title" and
// "published". The names news-please uses for CC-NEWS dumps are accepted too ("maintext", "date_publish").
type jsonlArticle struct {
	Text        *string `json:"text"`
	HTML        *string `json:"html"`
	URL         string  `json:"url"`
	Title       string  `json:"title"`
	Published   string  `json:"published"`
	MainText    *string `json:"maintext"`
	DatePublish *string `json:"date_publish"`
}

// jsonl reads one article per line. A line that cannot be used is reported as "name:line" and the others go
// on; blank lines are skipped.
func (w *walker) jsonl(name string, br *bufio.Reader) error {
	for n := 1; ; n++ {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		line, err := readLine(br, w.opts.MaxBytes)
		input := name + ":" + strconv.Itoa(n)
		if errors.Is(err, ErrTooLarge) {
			if ferr := w.fail(input, err); ferr != nil {
				return ferr
			}
			continue
		}
		if err != nil && err != io.EOF {
			return w.fail(input, readErr(err))
		}
		if len(bytes.TrimSpace(line)) > 0 {
			d, perr := parseJSONLine(line)
			if perr != nil {
				if ferr := w.fail(input, perr); ferr != nil {
					return ferr
				}
			} else {
				d.Source = input
				if ferr := w.emit(d); ferr != nil {
					return ferr
				}
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine returns the next line without its newline. A line longer than max is skipped to its end and
// reported as ErrTooLarge without being held in memory. At the end of input it returns io.EOF with the last
// (possibly empty) line.
func readLine(br *bufio.Reader, max int64) ([]byte, error) {
	var line []byte
	tooLarge := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLarge {
			if int64(len(line)+len(chunk)) > max+1 {
				tooLarge, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if tooLarge {
			if err != nil && err != io.EOF {
				return nil, err
			}
			// the caller sees io.EOF on its next call
			return nil, fmt.Errorf("%w (%d bytes; raise --max-bytes)", ErrTooLarge, max)
		}
		return bytes.TrimRight(line, "\r\n"), err
	}
}

func parseJSONLine(line []byte) (*doc.Document, error) {
	var a jsonlArticle
	if err := json.Unmarshal(line, &a); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("invalid JSON at byte %d: %v", se.Offset, se)
		}
		return nil, fmt.Errorf("invalid article: %v", err)
	}
	if a.Text == nil {
		a.Text = a.MainText
	}
	if a.Published == "" && a.DatePublish != nil {
		a.Published = *a.DatePublish
	}
	d := &doc.Document{URL: a.URL, Title: a.Title, Published: a.Published}
	switch {
	case a.HTML != nil && *a.HTML != "":
		d.Raw, d.Format = []byte(*a.HTML), kindHTML
	case a.Text != nil && *a.Text != "":
		d.Raw, d.Format = []byte(*a.Text), kindText
	default:
		return nil, errors.New(`no "text" or "html" field with content`)
	}
	if err := checkText(d.Raw); err != nil {
		return nil, err
	}
	return d, nil
}
