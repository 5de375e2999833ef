// Package place resolves LOC entities to gazetteer places (GeoNames).
package place

import (
	"context"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// Resolver is the place stage. STUB: to be implemented.
type Resolver struct{}

// Load returns the stage.
func Load() (*Resolver, error) { return &Resolver{}, nil }

// Name returns the stage name.
func (*Resolver) Name() string { return "place" }

// Process annotates d.
func (*Resolver) Process(ctx context.Context, d *doc.Document) error { return nil }
