package ner

import (
	"os"

	"github.com/newsgraph/newsgraph/internal/conll"
)

// minDevF1 is the eng.testa F1 the embedded model must keep (see model/PROVENANCE.md).
const minDevF1 = 0.931

func readPath(p string) ([]conll.Document, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return conll.Read(f)
}
