package ner

import (
	"context"
	_ "embed"
	"fmt"
	"sync"

	"github.com/newsgraph/newsgraph/internal/conll"
	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/ner/lexicon"
	"github.com/newsgraph/newsgraph/internal/perceptron"
	"github.com/newsgraph/newsgraph/internal/pos"
)

//go:embed model/ner.model
var embedded []byte

// Tagger is the NER stage. It is read-only after Load and safe for concurrent use.
type Tagger struct {
	model *Model
	lex   *lexicon.Lexicon
	pos   *pos.Tagger
	pool  sync.Pool
}

type worker struct {
	fz   featurizer
	dec1 *perceptron.Decoder
	dec2 *perceptron.Decoder
	out  []int
}

var (
	loadOnce sync.Once
	loaded   *Tagger
	loadErr  error
)

// Load returns the NER stage with the embedded model and the embedded POS tagger; models are read once
// per process, so Load is cheap to call again.
func Load() (*Tagger, error) {
	loadOnce.Do(func() {
		lex, err := lexicon.Default()
		if err != nil {
			loadErr = err
			return
		}
		pt, err := pos.Load()
		if err != nil {
			loadErr = err
			return
		}
		if len(embedded) == 0 {
			loadErr = fmt.Errorf("ner: no embedded model")
			return
		}
		m, err := ReadModel(embedded)
		if err != nil {
			loadErr = err
			return
		}
		loaded = New(m, lex, pt)
	})
	return loaded, loadErr
}

// New returns a tagger of the given model, lexicon and POS tagger.
func New(m *Model, lex *lexicon.Lexicon, pt *pos.Tagger) *Tagger {
	t := &Tagger{model: m, lex: lex, pos: pt}
	t.pool.New = func() any {
		w := &worker{fz: featurizer{lex: lex}, dec1: m.Stage1.NewDecoder()}
		if m.Stage2 != nil {
			w.dec2 = m.Stage2.NewDecoder()
		}
		return w
	}
	return t
}

// Name returns the stage name.
func (*Tagger) Name() string { return "ner" }

// Model returns the tagger's model.
func (t *Tagger) Model() *Model { return t.model }

// TagDocument returns the entity chunks of each sentence of a document, given as words. tags, when not nil,
// holds each sentence's POS tags (else the POS tagger supplies them).
func (t *Tagger) TagDocument(sents [][]string, tags [][]string) [][]conll.Chunk {
	w := t.pool.Get().(*worker)
	defer t.pool.Put(w)
	di := &docInfo{forms: pos.Forms(sents)}
	if tags == nil {
		tags = make([][]string, len(sents))
		for i, s := range sents {
			tags[i] = t.pos.Tag(s, di.forms)
		}
	}
	labels := t.model.Stage1.Labels
	out := make([][]conll.Chunk, len(sents))
	stage := func(m *perceptron.Model, dec *perceptron.Decoder) {
		for i, s := range sents {
			if len(s) == 0 {
				out[i] = nil
				continue
			}
			feats := w.fz.sentence(sentInput{words: s, pos: tags[i]}, di)
			if cap(w.out) < len(s) {
				w.out = make([]int, len(s))
			}
			w.out = w.out[:len(s)]
			dec.Decode(feats, w.out)
			out[i] = chunksOf(w.out, labels)
		}
	}
	stage(t.model.Stage1, w.dec1)
	if t.model.Stage2 != nil {
		di.hints = hintsOf(sents, out)
		stage(t.model.Stage2, w.dec2)
	}
	return out
}

// chunksOf turns BILOU label indices into chunks.
func chunksOf(ls []int, labels []string) []conll.Chunk {
	var out []conll.Chunk
	start := -1
	for i, k := range ls {
		p, typ := splitLabel(labels[k])
		switch p {
		case "U":
			out = append(out, conll.Chunk{Start: i, End: i + 1, Type: typ})
			start = -1
		case "B":
			start = i
		case "L":
			if start >= 0 {
				out = append(out, conll.Chunk{Start: start, End: i + 1, Type: typ})
			}
			start = -1
		case "O":
			start = -1
		}
	}
	return out
}

// hintsOf collects the first-stage labels of every capitalised word of a document.
func hintsOf(sents [][]string, chunks [][]conll.Chunk) map[string]*hint {
	m := map[string]*hint{}
	for i, s := range sents {
		typ := make([]int, len(s))
		for _, c := range chunks[i] {
			for j := c.Start; j < c.End; j++ {
				typ[j] = typeIndex(c.Type)
			}
		}
		for j, w := range s {
			k := hintKey(w)
			if k == "" {
				continue
			}
			h := m[k]
			if h == nil {
				h = &hint{first: typ[j]}
				m[k] = h
			}
			h.count[typ[j]]++
		}
	}
	return m
}

func typeIndex(t string) int {
	for i, x := range Types {
		if x == t {
			return i + 1
		}
	}
	return 0
}

// Process fills d.Names with the mentions found in d's sentences, in text order. It reads d.Sents,
// d.Tokens (Norm or Text, and POS when the POS stage has run) and d.Text; it changes nothing else.
func (t *Tagger) Process(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var sents [][]string
	var tags [][]string
	var starts []int
	havePOS := true
	for _, s := range d.Sents {
		if s.TokStart < 0 || s.TokEnd > len(d.Tokens) || s.TokStart >= s.TokEnd {
			continue
		}
		toks := d.Tokens[s.TokStart:s.TokEnd]
		words := make([]string, len(toks))
		ptags := make([]string, len(toks))
		for i, tk := range toks {
			words[i] = pos.TokenWord(tk)
			ptags[i] = tk.POS
			if tk.POS == "" {
				havePOS = false
			}
		}
		sents = append(sents, words)
		tags = append(tags, ptags)
		starts = append(starts, s.TokStart)
	}
	if !havePOS {
		tags = nil
	}
	chunks := t.TagDocument(sents, tags)
	d.Names = d.Names[:0]
	for i, cs := range chunks {
		for _, c := range cs {
			a, b := starts[i]+c.Start, starts[i]+c.End
			n := doc.Name{Type: c.Type, TokStart: a, TokEnd: b}
			n.Start, n.End = d.Tokens[a].Start, d.Tokens[b-1].End
			n.Text = d.Slice(n.Span)
			d.Names = append(d.Names, n)
		}
	}
	return nil
}
