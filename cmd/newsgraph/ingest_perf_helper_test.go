package main

import (
	"context"
	"encoding/json"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/source"
)

// runPipelineOnly runs the pipeline over JSON Lines articles and discards the results.
func runPipelineOnly(ctx context.Context, p *pipeline.Pipeline, lines <-chan []byte, docs, failed *int) error {
	next := func() (*doc.Document, error, bool) {
		line, ok := <-lines
		if !ok {
			return nil, nil, false
		}
		var a struct{ Text, Title, URL, Published string }
		if err := json.Unmarshal(line, &a); err != nil {
			return nil, err, true
		}
		d := &doc.Document{Raw: []byte(a.Text), Format: "text", Title: a.Title, URL: a.URL, Published: a.Published}
		d.ID = source.ID(d.URL, d.Raw)
		return d, nil, true
	}
	return p.Run(ctx, next, func(r pipeline.Result) error {
		if r.Err != nil {
			*failed++
		} else {
			*docs++
		}
		return nil
	})
}
