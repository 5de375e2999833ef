// Package entity groups named mentions into entities with titles, countries, coreference and cross-document keys.
package entity

import (
	"context"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// Resolver is the entity stage. STUB: to be implemented.
type Resolver struct{}

// New returns the stage.
func New() *Resolver { return &Resolver{} }

// Name returns the stage name.
func (*Resolver) Name() string { return "entity" }

// Process annotates d.
func (*Resolver) Process(ctx context.Context, d *doc.Document) error { return nil }
