package timeml

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// Timex is one TIMEX3 annotation. Start and End are byte offsets into Doc.Text.
type Timex struct {
	Start, End int
	Text       string
	Type       string
	Value      string
	TID        string
}

// Doc is one TimeML document.
type Doc struct {
	// Name is the file name without extension.
	Name string
	// Text is the content of <TEXT> with every tag removed and entities unescaped.
	Text string
	// DCT is the value of the document creation time TIMEX3, "" when there is none.
	DCT string
	// Gold are the TIMEX3 inside <TEXT> other than the creation time, ordered by (Start, End).
	Gold []Timex
}

// DCTDay is the day of the document creation time ("1998-02-06", "1998-02-06T22:19:00" → 1998-02-06 UTC);
// zero when there is none or it is no date.
func (d *Doc) DCTDay() time.Time {
	if len(d.DCT) < 10 {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", d.DCT[:10])
	if err != nil {
		return time.Time{}
	}
	return t
}

var (
	reText = regexp.MustCompile(`(?s)<TEXT\b[^>]*>(.*?)</TEXT>`)
	reDCT  = regexp.MustCompile(`(?s)<DCT\b[^>]*>.*?<TIMEX3\b([^>]*)>`)
	reTx   = regexp.MustCompile(`<TIMEX3\b([^>]*)>`)
	reTag  = regexp.MustCompile(`<(/?)([A-Za-z_][\w.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(/?)>`)
	reAttr = regexp.MustCompile(`([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
)

func attrs(s string) map[string]string {
	out := map[string]string{}
	for _, m := range reAttr.FindAllStringSubmatch(s, -1) {
		v := m[2]
		if v == "" && m[3] != "" {
			v = m[3]
		}
		out[m[1]] = html.UnescapeString(v)
	}
	return out
}

// Parse reads one TimeML document from its content; name labels errors and becomes Doc.Name.
func Parse(name string, raw []byte) (*Doc, error) {
	if !utf8.Valid(raw) {
		return nil, fmt.Errorf("%s: not UTF-8", name)
	}
	s := string(raw)
	m := reText.FindStringSubmatchIndex(s)
	if m == nil {
		return nil, fmt.Errorf("%s: no <TEXT> element", name)
	}
	var dctA map[string]string
	if dm := reDCT.FindStringSubmatch(s); dm != nil {
		dctA = attrs(dm[1])
	} else {
		for _, tm := range reTx.FindAllStringSubmatch(s, -1) {
			if a := attrs(tm[1]); a["functionInDocument"] == "CREATION_TIME" {
				dctA = a
				break
			}
		}
	}
	body := s[m[2]:m[3]]
	var b strings.Builder
	type open struct {
		start int
		a     map[string]string
	}
	var stack []open
	var all []Timex
	var fids []string
	pos := 0
	for _, t := range reTag.FindAllStringSubmatchIndex(body, -1) {
		b.WriteString(html.UnescapeString(body[pos:t[0]]))
		pos = t[1]
		closing := t[3] > t[2]
		tagName := body[t[4]:t[5]]
		a := body[t[6]:t[7]]
		selfClose := t[9] > t[8]
		if tagName != "TIMEX3" {
			continue
		}
		if closing {
			if len(stack) == 0 {
				return nil, fmt.Errorf("%s: unbalanced </TIMEX3>", name)
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			all = append(all, Timex{Start: o.start, End: b.Len(), Type: o.a["type"], Value: o.a["value"], TID: o.a["tid"]})
			fids = append(fids, o.a["functionInDocument"])
		} else if !selfClose {
			stack = append(stack, open{b.Len(), attrs(a)})
		}
	}
	b.WriteString(html.UnescapeString(body[pos:]))
	d := &Doc{Name: name, Text: b.String(), DCT: dctA["value"]}
	idx := make([]int, len(all))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(x, y int) bool {
		a, c := all[idx[x]], all[idx[y]]
		if a.Start != c.Start {
			return a.Start < c.Start
		}
		return a.End < c.End
	})
	for _, i := range idx {
		tx := all[i]
		if fids[i] == "CREATION_TIME" || (dctA["tid"] != "" && tx.TID == dctA["tid"]) {
			continue
		}
		tx.Text = d.Text[tx.Start:tx.End]
		d.Gold = append(d.Gold, tx)
	}
	return d, nil
}

// ReadFile reads one .tml file.
func ReadFile(path string) (*Doc, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)), raw)
}

// Files expands directories into their *.tml files (sorted, not recursive); files are kept as given.
func Files(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			out = append(out, p)
			continue
		}
		ents, err := os.ReadDir(p)
		if err != nil {
			return nil, err
		}
		var names []string
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), ".tml") {
				names = append(names, filepath.Join(p, e.Name()))
			}
		}
		sort.Strings(names)
		out = append(out, names...)
	}
	return out, nil
}
