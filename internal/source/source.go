// Package source reads articles from files, directories, standard input, JSON Lines and WARC archives, and
// yields each as a raw doc.Document (Raw, Format, Source, and URL/Title/Published when the input carries them).
package source

import (
	"context"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// Options configures the readers. The zero value works.
type Options struct {
	// MaxBytes is the largest article (after decompression) that is read; 0 means DefaultMaxBytes.
	MaxBytes int64
}

// DefaultMaxBytes is the default article size limit.
const DefaultMaxBytes = 16 << 20

// Walk reads every input in order (a file, a directory read recursively in sorted order, or "-" for standard
// input) and calls fn for each article, or with a non-nil error naming the input that could not be read, after
// which it goes on with the next input. Walk stops early only when fn returns an error or ctx is done.
// STUB: to be implemented.
func Walk(ctx context.Context, inputs []string, opts Options, fn func(*doc.Document, error) error) error {
	return nil
}
