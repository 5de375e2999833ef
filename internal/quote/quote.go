// Package quote finds direct, indirect and mixed quotations with their cue, source and speaker.
package quote

import (
	"context"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// Extractor is the quote stage. STUB: to be implemented.
type Extractor struct{}

// New returns the stage.
func New() (*Extractor, error) { return &Extractor{}, nil }

// Name returns the stage name.
func (*Extractor) Name() string { return "quote" }

// Process annotates d.
func (*Extractor) Process(ctx context.Context, d *doc.Document) error { return nil }
