// Package ner finds named-entity mentions (PER, ORG, LOC, MISC) with a statistical sequence tagger.
package ner

import (
	"context"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// Tagger is the ner stage. STUB: to be implemented.
type Tagger struct{}

// Load returns the stage.
func Load() (*Tagger, error) { return &Tagger{}, nil }

// Name returns the stage name.
func (*Tagger) Name() string { return "ner" }

// Process annotates d.
func (*Tagger) Process(ctx context.Context, d *doc.Document) error { return nil }
