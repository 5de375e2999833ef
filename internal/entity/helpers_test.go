package entity

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// markup is how test articles stand in for the tagger: {Keir Starmer|PER} marks a name and its type.
var markup = regexp.MustCompile(`\{([^{}|]+)\|(PER|ORG|LOC|MISC)\}`)

// annotated returns a document whose Names are the marked names of src, with the marks removed from the text.
func annotated(t testing.TB, src string) *doc.Document {
	t.Helper()
	d := &doc.Document{Language: "en"}
	var b strings.Builder
	last := 0
	for _, m := range markup.FindAllStringSubmatchIndex(src, -1) {
		b.WriteString(src[last:m[0]])
		start := b.Len()
		b.WriteString(src[m[2]:m[3]])
		d.Names = append(d.Names, doc.Name{Span: doc.Span{Start: start, End: b.Len()}, Type: src[m[4]:m[5]]})
		last = m[1]
	}
	b.WriteString(src[last:])
	d.Text = b.String()
	if strings.ContainsAny(d.Text, "{}") {
		t.Fatalf("unbalanced markup in %q", src)
	}
	return d
}

func resolve(t testing.TB, src string) *doc.Document {
	t.Helper()
	d := annotated(t, src)
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// entityOf returns the entity with a mention whose text is s (the first such mention), or nil.
func entityOf(d *doc.Document, s string) *doc.Entity {
	for i := range d.Entities {
		for _, m := range d.Entities[i].Mentions {
			if d.Text[m.Start:m.End] == s {
				return &d.Entities[i]
			}
		}
	}
	return nil
}

func readFile(name string) (string, error) {
	b, err := os.ReadFile(name)
	return string(b), err
}
