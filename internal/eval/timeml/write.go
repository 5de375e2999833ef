package timeml

import (
	"fmt"
	"html"
	"io"
	"sort"
)

// Write writes a TimeML document holding text with the predicted TIMEX3 tags (tid t1, t2, ... in text
// order) and the creation time dct (omitted when empty), in the layout the TempEval-3 tools read.
// Overlapping or out-of-range predictions are skipped.
func Write(w io.Writer, name, dct, text string, preds []Pred) error {
	ps := append([]Pred(nil), preds...)
	sort.SliceStable(ps, func(a, b int) bool { return ps[a].Start < ps[b].Start })
	esc := func(s string) string { return html.EscapeString(s) }
	if _, err := fmt.Fprintf(w, "<?xml version=\"1.0\" ?>\n<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n\n<DOCID>%s</DOCID>\n\n", esc(name)); err != nil {
		return err
	}
	if dct != "" {
		fmt.Fprintf(w, "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"%s\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">%s</TIMEX3></DCT>\n\n", esc(dct), esc(dct))
	}
	io.WriteString(w, "<TEXT>")
	pos, n := 0, 0
	for _, p := range ps {
		if p.Start < pos || p.End > len(text) || p.Start >= p.End {
			continue
		}
		n++
		io.WriteString(w, esc(text[pos:p.Start]))
		fmt.Fprintf(w, "<TIMEX3 tid=\"t%d\" type=\"%s\" value=\"%s\">%s</TIMEX3>", n, esc(p.Type), esc(p.Value), esc(text[p.Start:p.End]))
		pos = p.End
	}
	io.WriteString(w, esc(text[pos:]))
	_, err := io.WriteString(w, "</TEXT>\n\n</TimeML>\n")
	return err
}
