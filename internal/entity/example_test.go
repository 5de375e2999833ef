package entity_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/entity"
)

// The tagger's names go in; entities with titles, countries, coreference and keys come out.
func ExampleResolver_Process() {
	text := "Finnish President Alexander Stubb met Chancellor Friedrich Merz in Berlin. " +
		"Stubb said he was hopeful. The chancellor agreed."
	d := &doc.Document{Text: text}
	for _, n := range []struct{ s, typ string }{
		{"Finnish", "MISC"}, {"Alexander Stubb", "PER"}, {"Friedrich Merz", "PER"}, {"Berlin", "LOC"}, {"Stubb", "PER"},
	} {
		i := strings.Index(text, n.s)
		if n.s == "Stubb" {
			i = strings.LastIndex(text, n.s)
		}
		d.Names = append(d.Names, doc.Name{Span: doc.Span{Start: i, End: i + len(n.s)}, Type: n.typ})
	}
	if err := entity.New().Process(context.Background(), d); err != nil {
		panic(err)
	}
	for _, e := range d.Entities {
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, m.Kind+":"+d.Text[m.Start:m.End])
		}
		fmt.Printf("%s %s %s titles=%v country=%q %v\n", e.ID, e.Type, e.Key, e.Titles, e.Country, ms)
	}
	// Output:
	// e1 LOC loc:finland titles=[] country="FI" [demonym:Finnish]
	// e2 PERSON person:alexander-stubb titles=[President] country="FI" [name:Alexander Stubb name:Stubb pronoun:he]
	// e3 PERSON person:friedrich-merz titles=[Chancellor] country="" [name:Friedrich Merz title:The chancellor]
	// e4 LOC loc:berlin titles=[] country="" [name:Berlin]
}
