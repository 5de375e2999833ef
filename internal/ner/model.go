package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph/internal/ner/gazetteer"
	"github.com/newsgraph/newsgraph/internal/perceptron"
)

// Model is the trained NER model: a first-stage tagger, and optionally a second stage that also sees the
// first stage's document-level label statistics (non-local features).
type Model struct {
	Stage1, Stage2 *perceptron.Model
	// Names are the typed names of the training data ("TYPE TAB tokens joined by spaces"), matched as a
	// gazetteer (Ratinov and Roth 2009 use such lists; ours comes from eng.train only).
	Names []string
	names *gazetteer.Gazetteer
}

// namesGazetteer builds the gazetteer of "TYPE TAB tokens" lines (lists: the index of TYPE in Types).
func namesGazetteer(lines []string) *gazetteer.Gazetteer {
	g := gazetteer.New()
	for _, l := range lines {
		typ, toks, ok := strings.Cut(l, "\t")
		if k := typeIndex(typ); ok && k > 0 {
			g.Add(k-1, strings.Split(toks, " "))
		}
	}
	return g
}

const modelMagic = "NGNER1\n"

// Save writes the model: a header and each stage's perceptron model, length-prefixed.
func (m *Model) Save(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(modelMagic)
	var nb bytes.Buffer
	zw := gzip.NewWriter(&nb)
	for _, l := range m.Names {
		zw.Write([]byte(l + "\n"))
	}
	zw.Close()
	var n [binary.MaxVarintLen64]byte
	for _, s := range []*perceptron.Model{m.Stage1, m.Stage2} {
		var b bytes.Buffer
		if s != nil {
			if err := s.Save(&b); err != nil {
				return err
			}
		}
		bw.Write(n[:binary.PutUvarint(n[:], uint64(b.Len()))])
		bw.Write(b.Bytes())
	}
	bw.Write(n[:binary.PutUvarint(n[:], uint64(nb.Len()))])
	bw.Write(nb.Bytes())
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
	if n, err := binary.ReadUvarint(r); err == nil && n > 0 && n <= uint64(r.Len()) {
		b := make([]byte, n)
		io.ReadFull(r, b)
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("ner: names: %w", err)
		}
		text, err := io.ReadAll(zr)
		if err != nil {
			return nil, fmt.Errorf("ner: names: %w", err)
		}
		m.Names = strings.Split(strings.TrimSuffix(string(text), "\n"), "\n")
	}
	m.names = namesGazetteer(m.Names)
	if m.Stage1 == nil {
		return nil, errors.New("ner: model has no first stage")
	}
	return m, nil
}
