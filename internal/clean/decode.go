package clean

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// toUTF8 returns raw as valid UTF-8 without a byte order mark. Valid UTF-8 is kept as it is. Otherwise the
// charset comes from a byte order mark or, for HTML, from the page's <meta charset> declaration; when neither
// names one, invalid bytes become U+FFFD. warn says what was repaired, "" when nothing was.
func toUTF8(raw []byte, isHTML bool) (text, warn string) {
	switch {
	case bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")):
		raw = raw[3:]
	case bytes.HasPrefix(raw, []byte("\xff\xfe")), bytes.HasPrefix(raw, []byte("\xfe\xff")):
		enc := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
		if raw[0] == 0xff {
			enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
		}
		if out, err := enc.NewDecoder().Bytes(raw); err == nil {
			return strings.ToValidUTF8(string(out), "\uFFFD"), ""
		}
	}
	if utf8.Valid(raw) {
		return string(raw), ""
	}
	if isHTML {
		if name := metaCharset(raw); name != "" {
			if enc, err := htmlindex.Get(name); err == nil && enc != encoding.Nop {
				if out, err := enc.NewDecoder().Bytes(raw); err == nil && utf8.Valid(out) {
					cname, _ := htmlindex.Name(enc)
					return string(out), fmt.Sprintf("input is not UTF-8: decoded as %s (from the page's charset declaration)", cname)
				}
			}
		}
	}
	return strings.ToValidUTF8(string(raw), "\uFFFD"), "input is not valid UTF-8 and names no charset: invalid bytes replaced with U+FFFD"
}

// metaCharset returns the charset an HTML page declares in its first 4 KiB (<meta charset> or http-equiv
// Content-Type), or "".
func metaCharset(raw []byte) string {
	head := raw[:min(len(raw), 4096)]
	_, name, certain := charset.DetermineEncoding(head, "text/html")
	if !certain && !bytes.Contains(bytes.ToLower(head), []byte("charset")) {
		return ""
	}
	// DetermineEncoding is "certain" only for BOMs; a prescanned meta tag reports its name uncertain, so
	// accept it when the page mentions a charset at all, and not the windows-1252 default guess.
	if name == "windows-1252" && !bytes.Contains(bytes.ToLower(head), []byte("1252")) && !bytes.Contains(bytes.ToLower(head), []byte("8859-1")) && !bytes.Contains(bytes.ToLower(head), []byte("latin")) && !bytes.Contains(bytes.ToLower(head), []byte("ascii")) {
		return ""
	}
	return name
}
