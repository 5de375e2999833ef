package ner

import (
	"context"
	_ "embed"
	"fmt"
	"sync"

	"github.com/newsgraph/newsgraph/internal/conll"
	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/ner/gazetteer"
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
	words *wordCache
}

type worker struct {
	fz    featurizer
	dec1  *perceptron.Decoder
	dec2  *perceptron.Decoder
	out   []int
	score []int32
}

var (
	loadOnce sync.Once
	loaded   *Tagger
	loadErr  error
)

// Load returns the NER stage with the embedded model and the embedded POS tagger; models are read once
// per process (in parallel), so Load is cheap to call again.
func Load() (*Tagger, error) {
	loadOnce.Do(func() {
		var wg sync.WaitGroup
		var posErr, gazErr error
		var pt *pos.Tagger
		wg.Add(2)
		go func() { defer wg.Done(); pt, posErr = pos.Load() }()
		go func() { defer wg.Done(); _, gazErr = gazetteer.Default() }()
		var m *Model
		if len(embedded) == 0 {
			loadErr = fmt.Errorf("ner: no embedded model")
		} else {
			m, loadErr = ReadModel(embedded)
		}
		wg.Wait()
		lex, lexErr := lexicon.Default()
		for _, err := range []error{posErr, gazErr, lexErr} {
			if loadErr == nil && err != nil {
				loadErr = err
			}
		}
		if loadErr == nil {
			loaded = New(m, lex, pt)
		}
	})
	return loaded, loadErr
}

// New returns a tagger of the given model, lexicon and POS tagger.
func New(m *Model, lex *lexicon.Lexicon, pt *pos.Tagger) *Tagger {
	if m.names == nil {
		m.names = namesGazetteer(m.Names)
	}
	t := &Tagger{model: m, lex: lex, pos: pt}
	stages := []*perceptron.Model{m.Stage1}
	if m.Stage2 != nil {
		stages = append(stages, m.Stage2)
	}
	t.words = newWordCache(stages, lex)
	gaz, _ := gazetteer.Default() // a corrupt embedded list is caught by the tests; tag without it
	t.pool.New = func() any {
		w := &worker{fz: featurizer{bits: m.Stage1.Bits, lex: lex, gaz: gaz}, dec1: m.Stage1.NewDecoder()}
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
	di := &docInfo{forms: pos.Forms(sents), names: t.model.names}
	if tags == nil {
		tags = make([][]string, len(sents))
		for i, s := range sents {
			tags[i] = t.pos.Tag(s, di.forms)
		}
	}
	labels := t.model.Stage1.Labels
	out := make([][]conll.Chunk, len(sents))
	two := t.model.Stage2 != nil
	// The second stage sees the first stage's features plus its own: keep them per sentence.
	var base [][][]uint32
	var words, lower, short [][]string
	var infos [][]*wordInfo
	if two {
		base = make([][][]uint32, len(sents))
		words = make([][]string, len(sents))
		lower = make([][]string, len(sents))
		short = make([][]string, len(sents))
		infos = make([][]*wordInfo, len(sents))
	}
	L := len(labels)
	for i, s := range sents {
		if len(s) == 0 {
			continue
		}
		feats := w.fz.fastSentence(t.words, sentInput{words: s, pos: tags[i]}, di)
		w.out = growInts(w.out, len(s))
		w.score = growInt32s(w.score, len(s)*L)
		t.words.groupScores(w.fz.infos, 0, w.score)
		decodeWith(w.dec1, t.model.Stage1, w.score, feats, nil, w.out)
		out[i] = chunksOf(w.out, labels)
		if two {
			flat := append([]uint32(nil), w.fz.rows...)
			base[i] = make([][]uint32, len(s))
			for j := range s {
				base[i][j] = flat[w.fz.start[j]:w.fz.start[j+1]:w.fz.start[j+1]]
			}
			words[i] = append([]string(nil), w.fz.words...)
			lower[i] = append([]string(nil), w.fz.lower...)
			short[i] = append([]string(nil), w.fz.short...)
			infos[i] = append([]*wordInfo(nil), w.fz.infos...)
		}
	}
	if !two {
		return out
	}
	di.hints = hintsOf(sents, out)
	var extra []uint32
	var starts []int
	var ext [][]uint32
	for i, s := range sents {
		if len(s) == 0 {
			continue
		}
		extra, starts = extra[:0], starts[:0]
		w.fz.hs = di.hintsFor(words[i], lower[i], w.fz.hs)
		for j := range s {
			starts = append(starts, len(extra))
			extra = appendNonLocal(extra, w.fz.bits, w.fz.hs, short[i], j)
		}
		starts = append(starts, len(extra))
		ext = ext[:0]
		for j := range s {
			ext = append(ext, extra[starts[j]:starts[j+1]])
		}
		w.out = growInts(w.out, len(s))
		w.score = growInt32s(w.score, len(s)*L)
		t.words.groupScores(infos[i], 1, w.score)
		decodeWith(w.dec2, t.model.Stage2, w.score, base[i], ext, w.out)
		out[i] = chunksOf(w.out, labels)
	}
	return out
}

// decodeWith adds the weights of the rows a[i] (and b[i] when b is not nil) to the scores of token i
// (score, len(a)*L, holding the word-group sums) and decodes.
func decodeWith(d *perceptron.Decoder, m *perceptron.Model, score []int32, a, b [][]uint32, out []int) {
	L := m.NumLabels()
	for i := range a {
		d.Touch(a[i])
		if b != nil {
			d.Touch(b[i])
		}
	}
	for i := range a {
		s := score[i*L : (i+1)*L]
		m.AddEmissions(a[i], s)
		if b != nil {
			m.AddEmissions(b[i], s)
		}
	}
	d.Viterbi(score[:len(a)*L], len(a), out)
}

func growInt32s(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n, n+n/2)
	}
	return s[:n]
}

func growInts(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
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
