package ner

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/newsgraph/newsgraph/internal/perceptron"
)

// Model is the trained NER model: a first-stage tagger, and optionally a second stage that also sees the
// first stage's document-level label statistics (non-local features).
type Model struct {
	Stage1, Stage2 *perceptron.Model
}

const modelMagic = "NGNER1\n"

// Save writes the model: a header and each stage's perceptron model, length-prefixed.
func (m *Model) Save(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(modelMagic)
	for _, s := range []*perceptron.Model{m.Stage1, m.Stage2} {
		var b bytes.Buffer
		if s != nil {
			if err := s.Save(&b); err != nil {
				return err
			}
		}
		var n [binary.MaxVarintLen64]byte
		bw.Write(n[:binary.PutUvarint(n[:], uint64(b.Len()))])
		bw.Write(b.Bytes())
	}
	return bw.Flush()
}

// ReadModel reads a model written by Save.
func ReadModel(data []byte) (*Model, error) {
	if !bytes.HasPrefix(data, []byte(modelMagic)) {
		return nil, errors.New("ner: not a model file")
	}
	r := bytes.NewReader(data[len(modelMagic):])
	m := &Model{}
	for i, dst := range []**perceptron.Model{&m.Stage1, &m.Stage2} {
		n, err := binary.ReadUvarint(r)
		if err != nil || n > uint64(r.Len()) {
			return nil, fmt.Errorf("ner: bad model stage %d", i+1)
		}
		if n == 0 {
			continue
		}
		b := make([]byte, n)
		io.ReadFull(r, b)
		if *dst, err = perceptron.Load(bytes.NewReader(b)); err != nil {
			return nil, fmt.Errorf("ner: stage %d: %w", i+1, err)
		}
	}
	if m.Stage1 == nil {
		return nil, errors.New("ner: model has no first stage")
	}
	return m, nil
}
