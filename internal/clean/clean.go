// Package clean turns raw HTML or scraped text into clean article text with its metadata and language.
package clean

import (
	"context"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// Cleaner is the clean stage. STUB: to be implemented.
type Cleaner struct{}

// New returns the stage.
func New(cfg Config) *Cleaner { return &Cleaner{} }

// Name returns the stage name.
func (*Cleaner) Name() string { return "clean" }

// Process annotates d.
func (*Cleaner) Process(ctx context.Context, d *doc.Document) error { return nil }
