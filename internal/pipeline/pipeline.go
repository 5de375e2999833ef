// Package pipeline wires the stages of newsgraph into one pipeline and runs it over many documents
// concurrently, keeping the output in input order.
//
// Stages run in this order: clean → text → pos → ner → entity → quote → timex → place. Every stage
// reads and annotates one doc.Document; none changes Document.Text after clean. The English-only stages
// (pos onwards) run only when the article is English or its language is unknown.
package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/internal/clean"
	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/entity"
	"github.com/newsgraph/newsgraph/internal/ner"
	"github.com/newsgraph/newsgraph/internal/place"
	"github.com/newsgraph/newsgraph/internal/pos"
	"github.com/newsgraph/newsgraph/internal/quote"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/internal/timex"
)

// Stage is one step of the pipeline. Process reads what earlier stages added to d and adds its own
// annotations; it must never change d.Text after the clean stage, and must be safe for concurrent use on
// different documents.
type Stage interface {
	Name() string
	Process(ctx context.Context, d *doc.Document) error
}

// Config configures the pipeline. The zero value runs every stage with the embedded models.
type Config struct {
	// Sentences fills Document.Sentences for output.
	Sentences bool
	// Workers is the number of documents processed at once; 0 means GOMAXPROCS.
	Workers int
	// Clean configures the cleaner.
	Clean clean.Config
}

// Pipeline is the wired chain of stages. It is safe for concurrent use.
type Pipeline struct {
	cfg     Config
	common  []Stage // run on every document
	english []Stage // run on English (or undetermined) documents only
}

// New loads every model once and wires the stages.
func New(cfg Config) (*Pipeline, error) {
	p := &Pipeline{cfg: cfg}
	cl := clean.New(cfg.Clean)
	seg := text.New()
	p.common = []Stage{cl, seg}
	posTagger, err := pos.Load()
	if err != nil {
		return nil, fmt.Errorf("load POS model: %w", err)
	}
	nerTagger, err := ner.Load()
	if err != nil {
		return nil, fmt.Errorf("load NER model: %w", err)
	}
	ents := entity.New()
	quotes, err := quote.New()
	if err != nil {
		return nil, fmt.Errorf("load quote model: %w", err)
	}
	times := timex.New()
	places, err := place.Load()
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	p.english = []Stage{posTagger, nerTagger, ents, quotes, times, places}
	return p, nil
}

// Process runs every stage on one document. A stage that panics does not take the run down: its panic becomes
// the document's error, naming the stage, and the other documents go on. A document that arrives with Text and no Raw was cleaned
// before (a stored document being re-processed): it skips the clean stage, keeping its text, language and
// dates, so that offsets into the stored text stay valid.
func (p *Pipeline) Process(ctx context.Context, d *doc.Document) (err error) {
	stage := "pipeline"
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: internal error (please report it with this input): %v", stage, r)
		}
	}()
	common := p.common
	if d.Raw == nil && d.Text != "" {
		common = common[1:] // p.common[0] is the cleaner
		if d.PublishedAt.IsZero() && d.Published != "" {
			if t, _, ok := clean.ParseDate(d.Published); ok {
				d.PublishedAt = t
			}
		}
		if d.Language == "" {
			d.Language = clean.Language(d.Text)
		}
		d.Paragraphs, d.Sents, d.Tokens, d.Names = nil, nil, nil, nil
		d.Entities, d.Quotes, d.Times, d.Places, d.Events, d.Warnings = nil, nil, nil, nil, nil, nil
	}
	for _, s := range common {
		stage = s.Name()
		if err := s.Process(ctx, d); err != nil {
			return fmt.Errorf("%s: %w", s.Name(), err)
		}
	}
	if d.IsEnglish() {
		for _, s := range p.english {
			if err := ctx.Err(); err != nil {
				return err
			}
			stage = s.Name()
			if err := s.Process(ctx, d); err != nil {
				return fmt.Errorf("%s: %w", s.Name(), err)
			}
		}
	} else if len(p.english) > 0 {
		names := make([]string, len(p.english))
		for i, s := range p.english {
			names[i] = s.Name()
		}
		d.Warn(fmt.Sprintf("language %q is not English: skipped the English-only stages (%s)", d.Language, strings.Join(names, ", ")))
	}
	if p.cfg.Sentences {
		d.Sentences = make([]doc.Span, len(d.Sents))
		for i, s := range d.Sents {
			d.Sentences[i] = doc.Span{Start: s.Start, End: s.End}
		}
	}
	d.Raw = nil
	return nil
}

// Result is one processed document, or the error that stopped it (the error names the input).
type Result struct {
	Doc *doc.Document
	Err error
}

// Run processes the documents that next yields on Workers goroutines and calls emit with each result in
// input order. next returns (nil, nil, false) when the input is exhausted; an error from next is passed
// through to emit in its place in the order. Run returns when every result has been emitted, or early with
// the error that emit returned or ctx's error.
func (p *Pipeline) Run(ctx context.Context, next func() (*doc.Document, error, bool), emit func(Result) error) error {
	workers := p.cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		d    *doc.Document
		err  error
		done chan Result
	}
	jobs := make(chan job, workers)
	order := make(chan chan Result, workers*4)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.err != nil {
					j.done <- Result{Err: j.err}
					continue
				}
				err := p.Process(ctx, j.d)
				if err != nil {
					err = fmt.Errorf("%s: %w", j.d.Source, err)
				}
				j.done <- Result{Doc: j.d, Err: err}
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(jobs)
		for {
			d, err, ok := next()
			if !ok {
				return
			}
			j := job{d: d, err: err, done: make(chan Result, 1)}
			select {
			case order <- j.done:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	var emitErr error
	for done := range order {
		var r Result
		select {
		case r = <-done:
		case <-ctx.Done():
		}
		if emitErr == nil && ctx.Err() == nil {
			if emitErr = emit(r); emitErr != nil {
				cancel()
			}
		}
	}
	wg.Wait()
	if emitErr != nil {
		return emitErr
	}
	return ctx.Err()
}
