package ecb

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/internal/clean"
	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/entity"
	"github.com/newsgraph/newsgraph/internal/ner"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/pos"
	"github.com/newsgraph/newsgraph/internal/text"
)

// Pipeline returns the processor that Evaluate should run: the full pipeline (pipeline.New), or, when a stage
// after the entity stage fails to load, the stages up to it (clean, text, pos, ner, entity); warn then says
// why. LOC keys differ between the two: the place stage replaces them with gazetteer ids.
func Pipeline() (proc func(context.Context, *doc.Document) error, warn, err error) {
	p, perr := pipeline.New(pipeline.Config{Workers: 1})
	if perr == nil {
		return p.Process, nil, nil
	}
	pt, err := pos.Load()
	if err != nil {
		return nil, nil, err
	}
	nt, err := ner.Load()
	if err != nil {
		return nil, nil, err
	}
	stages := []pipeline.Stage{clean.New(clean.Config{}), text.New(), pt, nt, entity.New()}
	return func(ctx context.Context, d *doc.Document) error {
		for _, s := range stages {
			if err := s.Process(ctx, d); err != nil {
				return fmt.Errorf("%s: %w", s.Name(), err)
			}
		}
		return nil
	}, fmt.Errorf("full pipeline unavailable (%v): ran clean, text, pos, ner, entity", perr), nil
}
