// Package timex finds time expressions and normalises them to TIMEX3 values against the publication date.
package timex

import (
	"context"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// Tagger is the timex stage. STUB: to be implemented.
type Tagger struct{}

// New returns the stage.
func New() *Tagger { return &Tagger{} }

// Name returns the stage name.
func (*Tagger) Name() string { return "timex" }

// Process annotates d.
func (*Tagger) Process(ctx context.Context, d *doc.Document) error { return nil }
