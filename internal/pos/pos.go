// Package pos tags tokens with Penn Treebank parts of speech.
package pos

import (
	"context"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// Tagger is the pos stage. STUB: to be implemented.
type Tagger struct{}

// Load returns the stage.
func Load() (*Tagger, error) { return &Tagger{}, nil }

// Name returns the stage name.
func (*Tagger) Name() string { return "pos" }

// Process annotates d.
func (*Tagger) Process(ctx context.Context, d *doc.Document) error { return nil }
