package place_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/place"
)

// ExampleResolver_Process resolves the LOC entities of a short political story.
func ExampleResolver_Process() {
	text := "Lawmakers in Washington approved aid as shelling hit Kiev and the Donbass."
	d := &doc.Document{Text: text}
	for i, name := range []string{"Washington", "Kiev", "Donbass"} {
		start := strings.Index(text, name)
		d.Entities = append(d.Entities, doc.Entity{ID: fmt.Sprint("e", i+1), Type: "LOC", Name: name,
			Mentions: []doc.Mention{{Span: doc.Span{Start: start, End: start + len(name)}}}})
	}
	r, err := place.Load()
	if err != nil {
		panic(err)
	}
	if err := r.Process(context.Background(), d); err != nil {
		panic(err)
	}
	for _, p := range d.Places {
		fmt.Printf("%s → %s, %s (%s)\n", p.Entity, p.Name, p.Country, p.Feature)
	}
	fmt.Println(d.Entities[1].Key)
	// Output:
	// e1 → Washington, D.C., US (PPLC)
	// e2 → Kyiv, UA (PPLC)
	// e3 → Donbas, UA (RGN)
	// loc:geonames:703448
}
