package warctest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
)

// Record is one WARC record. Type "response" records get an HTTP/1.1 block with Status (200 when 0),
// ContentType ("text/html; charset=utf-8" when empty) and Body.
type Record struct {
	Type        string // "response", "request", "warcinfo", ...; "" means "response"
	URI         string
	Date        string // WARC-Date, e.g. "2025-03-13T18:02:11Z"
	Status      int
	ContentType string
	// Header holds extra HTTP header lines, e.g. "Content-Encoding: gzip"; Body is then written as is.
	Header []string
	Body   string
}

// Write writes the records to w as one WARC file: a warcinfo record, then recs. With gz, each record is its
// own gzip member, as .warc.gz files are.
func Write(w io.Writer, gz bool, recs ...Record) error {
	all := append([]Record{{Type: "warcinfo", Date: "2025-01-01T00:00:00Z", Body: "software: newsgraph warctest\r\nformat: WARC File Format 1.1\r\n"}}, recs...)
	for i, r := range all {
		b := Encode(r, i+1)
		if !gz {
			if _, err := w.Write(b); err != nil {
				return err
			}
			continue
		}
		zw := gzip.NewWriter(w)
		if _, err := zw.Write(b); err != nil {
			return err
		}
		if err := zw.Close(); err != nil {
			return err
		}
	}
	return nil
}

// Encode returns one record's bytes; n makes its record id unique.
func Encode(r Record, n int) []byte {
	if r.Type == "" {
		r.Type = "response"
	}
	var block, head bytes.Buffer
	ct := "application/warc-fields"
	if r.Type == "response" {
		ct = "application/http;msgtype=response"
		status, ctype := r.Status, r.ContentType
		if status == 0 {
			status = 200
		}
		if ctype == "" {
			ctype = "text/html; charset=utf-8"
		}
		fmt.Fprintf(&block, "HTTP/1.1 %d %s\r\nContent-Type: %s\r\n", status, statusText(status), ctype)
		for _, h := range r.Header {
			block.WriteString(h + "\r\n")
		}
		fmt.Fprintf(&block, "Content-Length: %d\r\n\r\n%s", len(r.Body), r.Body)
	} else {
		block.WriteString(r.Body)
	}
	fmt.Fprintf(&head, "WARC/1.1\r\nWARC-Type: %s\r\n", r.Type)
	if r.URI != "" {
		fmt.Fprintf(&head, "WARC-Target-URI: %s\r\n", r.URI)
	}
	if r.Date != "" {
		fmt.Fprintf(&head, "WARC-Date: %s\r\n", r.Date)
	}
	fmt.Fprintf(&head, "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n", n)
	fmt.Fprintf(&head, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n", ct, block.Len())
	head.Write(block.Bytes())
	head.WriteString("\r\n\r\n")
	return head.Bytes()
}

func statusText(code int) string {
	switch code {
	case 200:
		return "OK"
	case 301:
		return "Moved Permanently"
	case 404:
		return "Not Found"
	}
	return "Status"
}
