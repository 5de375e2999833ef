// Package text splits cleaned text into paragraphs, sentences and Penn Treebank tokens, with offsets.
package text

import (
	"context"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// Segmenter is the text stage. STUB: to be implemented.
type Segmenter struct{}

// New returns the stage.
func New() *Segmenter { return &Segmenter{} }

// Name returns the stage name.
func (*Segmenter) Name() string { return "text" }

// Process annotates d.
func (*Segmenter) Process(ctx context.Context, d *doc.Document) error { return nil }
