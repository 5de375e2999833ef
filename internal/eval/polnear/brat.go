package polnear

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Frag is a half-open [Start, End) range of code points of a gold text.
type Frag struct{ Start, End int }

// Attribution is one gold attribution relation (a brat E line): its content, cue and source fragments,
// each sorted by position. Content is never empty; Cue and Source may be.
type Attribution struct {
	Content, Cue, Source []Frag
}

// Doc is one annotated text of a split.
type Doc struct {
	Name         string // file name without .txt
	Text         string
	Attributions []Attribution
}

// ReadAnn parses one brat standoff file and returns its attributions: one per E line whose arguments
// include content (roles Content, Content2 ... merge; Cue and Source likewise). Lines that do not start with
// a T or E id and a tab are ignored (some span texts hold newlines); a malformed T or E line is an error
// naming its line number.
func ReadAnn(r io.Reader) ([]Attribution, error) {
	spans := map[string][]Frag{}
	var events [][][2]string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		fields := strings.Split(line, "\t")
		bad := fmt.Errorf("line %d: malformed line %q", n, line)
		if !isAnnID(fields[0]) {
			// a continuation line of a span text that holds a newline, or a note: not an annotation
			continue
		}
		switch {
		case strings.HasPrefix(line, "T"):
			if len(fields) < 2 {
				return nil, bad
			}
			_, offsets, ok := strings.Cut(fields[1], " ")
			if !ok {
				return nil, bad
			}
			var fr []Frag
			for _, p := range strings.Split(offsets, ";") {
				se := strings.Fields(p)
				if len(se) != 2 {
					return nil, bad
				}
				s, err1 := strconv.Atoi(se[0])
				e, err2 := strconv.Atoi(se[1])
				if err1 != nil || err2 != nil {
					return nil, bad
				}
				fr = append(fr, Frag{s, e})
			}
			spans[fields[0]] = fr
		case strings.HasPrefix(line, "E"):
			if len(fields) < 2 {
				return nil, bad
			}
			var args [][2]string
			for _, a := range strings.Fields(fields[1]) {
				role, id, ok := strings.Cut(a, ":")
				if !ok {
					return nil, bad
				}
				args = append(args, [2]string{role, id})
			}
			events = append(events, args)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var out []Attribution
	for _, args := range events {
		var a Attribution
		for _, ra := range args[min(1, len(args)):] {
			switch strings.ToLower(strings.TrimRight(ra[0], "0123456789")) {
			case "content":
				a.Content = append(a.Content, spans[ra[1]]...)
			case "cue":
				a.Cue = append(a.Cue, spans[ra[1]]...)
			case "source":
				a.Source = append(a.Source, spans[ra[1]]...)
			}
		}
		if len(a.Content) == 0 {
			continue
		}
		for _, f := range [][]Frag{a.Content, a.Cue, a.Source} {
			sort.Slice(f, func(i, j int) bool {
				if f[i].Start != f[j].Start {
					return f[i].Start < f[j].Start
				}
				return f[i].End < f[j].End
			})
		}
		out = append(out, a)
	}
	return out, nil
}

// isAnnID reports whether s is a brat T or E annotation id such as "T12".
func isAnnID(s string) bool {
	if len(s) < 2 || (s[0] != 'T' && s[0] != 'E') {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// LoadSplit reads a PolNeAR split directory (text/ and attributions/). When a text has several annotation
// files the alphabetically first is used; a text without any is skipped. Docs are sorted by name.
func LoadSplit(dir string) ([]Doc, error) {
	annFiles, err := os.ReadDir(filepath.Join(dir, "attributions"))
	if err != nil {
		return nil, err
	}
	anns := map[string]string{}
	for _, f := range annFiles { // ReadDir sorts by name
		n := f.Name()
		if !strings.HasSuffix(n, ".ann") {
			continue
		}
		base := strings.TrimSuffix(n, ".ann")
		if i := strings.LastIndexByte(base, '_'); i >= 0 {
			base = base[:i]
		}
		if _, ok := anns[base]; !ok {
			anns[base] = n
		}
	}
	texts, err := os.ReadDir(filepath.Join(dir, "text"))
	if err != nil {
		return nil, err
	}
	var docs []Doc
	for _, f := range texts {
		if !strings.HasSuffix(f.Name(), ".txt") {
			continue
		}
		name := strings.TrimSuffix(f.Name(), ".txt")
		ann, ok := anns[name]
		if !ok {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, "text", f.Name()))
		if err != nil {
			return nil, err
		}
		fh, err := os.Open(filepath.Join(dir, "attributions", ann))
		if err != nil {
			return nil, err
		}
		atts, err := ReadAnn(fh)
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", ann, err)
		}
		docs = append(docs, Doc{Name: name, Text: string(b), Attributions: atts})
	}
	return docs, nil
}

// RuneToByte returns a function converting code point offsets of s to byte offsets (clamped to s).
func RuneToByte(s string) func(int) int {
	starts := make([]int, 0, len(s)+1)
	for i := range s {
		starts = append(starts, i)
	}
	starts = append(starts, len(s))
	return func(r int) int { return starts[max(0, min(r, len(starts)-1))] }
}

// ByteSpans returns the fragments of each attribution's cue, content and source as byte offsets into d.Text
// (the annotations count code points), one list per attribution, in order: the shape quote.TrainDoc takes.
func (d Doc) ByteSpans() (cues, contents, sources [][][2]int) {
	toByte := RuneToByte(d.Text)
	conv := func(fs []Frag) [][2]int {
		out := make([][2]int, len(fs))
		for i, f := range fs {
			out[i] = [2]int{toByte(f.Start), toByte(f.End)}
		}
		return out
	}
	for _, a := range d.Attributions {
		cues = append(cues, conv(a.Cue))
		contents = append(contents, conv(a.Content))
		sources = append(sources, conv(a.Source))
	}
	return cues, contents, sources
}
