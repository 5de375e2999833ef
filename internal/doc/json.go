package doc

import (
	"encoding/json"
	"fmt"
	"sort"
	"unicode/utf8"
)

// wire is the encoded form: the schema field first, then the document with code point offsets.
type wire struct {
	Schema string `json:"schema"`
	*alias
}

type alias Document

// MarshalJSON encodes the document as schema newsgraph/1, with every span in code point offsets and every
// span's Text filled in.
func (d Document) MarshalJSON() ([]byte, error) {
	c := d.withOffsets(byteToRune(d.Text), true)
	a := alias(c)
	nonNil(&a)
	return json.Marshal(wire{Schema: Schema, alias: &a})
}

// UnmarshalJSON decodes a schema newsgraph/1 document and converts its code point offsets back to bytes.
func (d *Document) UnmarshalJSON(b []byte) error {
	var w struct {
		Schema string `json:"schema"`
		*alias
	}
	w.alias = (*alias)(d)
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	if w.Schema != "" && w.Schema != Schema {
		return fmt.Errorf("doc: unsupported schema %q (want %q)", w.Schema, Schema)
	}
	*d = d.withOffsets(runeToByte(d.Text), false)
	return nil
}

func nonNil(a *alias) {
	if a.Entities == nil {
		a.Entities = []Entity{}
	}
	if a.Quotes == nil {
		a.Quotes = []Quote{}
	}
	if a.Times == nil {
		a.Times = []Time{}
	}
	if a.Places == nil {
		a.Places = []Place{}
	}
	if a.Events == nil {
		a.Events = []Event{}
	}
	if a.Language == "" {
		a.Language = "und"
	}
}

// withOffsets returns a copy of the encoded parts of d with every span offset mapped through conv.
// When fill is set, span texts are filled from d.Text (which is in bytes at that point).
func (d Document) withOffsets(conv func(int) int, fill bool) Document {
	span := func(s Span) Span {
		if fill && s.Start >= 0 && s.End <= len(d.Text) && s.Start <= s.End {
			s.Text = d.Text[s.Start:s.End]
		}
		s.Start, s.End = conv(s.Start), conv(s.End)
		return s
	}
	c := d
	c.Sentences = make([]Span, len(d.Sentences))
	for i, s := range d.Sentences {
		c.Sentences[i] = span(s)
	}
	if d.Sentences == nil {
		c.Sentences = nil
	}
	c.Entities = make([]Entity, len(d.Entities))
	for i, e := range d.Entities {
		e.Mentions = append([]Mention(nil), e.Mentions...)
		for j := range e.Mentions {
			e.Mentions[j].Span = span(e.Mentions[j].Span)
		}
		c.Entities[i] = e
	}
	c.Quotes = make([]Quote, len(d.Quotes))
	for i, q := range d.Quotes {
		q.Content, q.Cue = span(q.Content), span(q.Cue)
		if q.Source != nil {
			s := span(*q.Source)
			q.Source = &s
		}
		c.Quotes[i] = q
	}
	c.Times = make([]Time, len(d.Times))
	for i, t := range d.Times {
		s := span(Span{Start: t.Start, End: t.End})
		t.Start, t.End = s.Start, s.End
		if fill {
			t.Text = s.Text
		}
		c.Times[i] = t
	}
	c.Events = make([]Event, len(d.Events))
	for i, e := range d.Events {
		e.Trigger = span(e.Trigger)
		c.Events[i] = e
	}
	c.Places = append([]Place(nil), d.Places...)
	return c
}

// byteToRune returns a function mapping a byte offset of s to its code point offset.
// Offsets inside a multi-byte sequence map to the code point that contains them.
func byteToRune(s string) func(int) int {
	if isASCII(s) {
		return func(i int) int { return clamp(i, len(s)) }
	}
	// starts[k] is the byte offset of code point k.
	starts := make([]int, 0, len(s))
	for i := range s {
		starts = append(starts, i)
	}
	n := len(starts)
	return func(b int) int {
		if b >= len(s) {
			return n
		}
		if b <= 0 {
			return 0
		}
		k := sort.SearchInts(starts, b)
		if k < n && starts[k] == b {
			return k
		}
		return k - 1
	}
}

// runeToByte returns a function mapping a code point offset of s to its byte offset.
func runeToByte(s string) func(int) int {
	if isASCII(s) {
		return func(i int) int { return clamp(i, len(s)) }
	}
	starts := make([]int, 0, len(s)+1)
	for i := range s {
		starts = append(starts, i)
	}
	starts = append(starts, len(s))
	return func(r int) int { return starts[clamp(r, len(starts)-1)] }
}

// RuneOffset converts a byte offset of s to a code point offset. For many conversions on one text, encode the
// document instead; this is for single look-ups.
func RuneOffset(s string, b int) int { return utf8.RuneCountInString(s[:clamp(b, len(s))]) }

func clamp(i, n int) int {
	if i < 0 {
		return 0
	}
	if i > n {
		return n
	}
	return i
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
