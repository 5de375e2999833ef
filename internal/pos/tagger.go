package pos

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"sync"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/ner/lexicon"
	"github.com/newsgraph/newsgraph/internal/perceptron"
)

//go:embed model/pos.model.gz
var embedded []byte

// Tagger is the POS stage: a model and the lexicon, read-only and safe for concurrent use.
type Tagger struct {
	model *perceptron.Model
	lex   *lexicon.Lexicon
	pool  sync.Pool
	words *wordCache
}

type worker struct {
	fz    featurizer
	dec   *perceptron.Decoder
	out   []int
	score []int32
}

var (
	loadOnce sync.Once
	loaded   *Tagger
	loadErr  error
)

// Load returns the POS stage with the embedded model; the model is read once per process.
func Load() (*Tagger, error) {
	loadOnce.Do(func() {
		lex, err := lexicon.Default()
		if err != nil {
			loadErr = err
			return
		}
		if len(embedded) == 0 {
			loadErr = fmt.Errorf("pos: no embedded model")
			return
		}
		m, err := perceptron.Load(bytes.NewReader(embedded))
		if err != nil {
			loadErr = fmt.Errorf("pos: %w", err)
			return
		}
		loaded = New(m, lex)
	})
	return loaded, loadErr
}

// New returns a tagger of the given model and lexicon.
func New(m *perceptron.Model, lex *lexicon.Lexicon) *Tagger {
	t := &Tagger{model: m, lex: lex, words: newWordCache(m, lex)}
	t.pool.New = func() any {
		dec := m.NewDecoder()
		dec.Beam = Beam
		return &worker{fz: featurizer{lex: lex}, dec: dec}
	}
	return t
}

// Model returns the tagger's model.
func (t *Tagger) Model() *perceptron.Model { return t.model }

// Name returns the stage name.
func (*Tagger) Name() string { return "pos" }

// Tag returns the POS tag of each word of one sentence; docForms (lower → spelling seen in the document,
// may be nil) helps case-normalise shouted sentences.
func (t *Tagger) Tag(words []string, docForms map[string]string) []string {
	out := make([]string, len(words))
	t.TagInto(words, docForms, out)
	return out
}

// TagInto is Tag writing into out (len(words)).
func (t *Tagger) TagInto(words []string, docForms map[string]string, out []string) {
	if len(words) == 0 {
		return
	}
	w := t.pool.Get().(*worker)
	defer t.pool.Put(w)
	feats := w.fz.fastSentence(t.words, words, docForms)
	if cap(w.out) < len(words) {
		w.out = make([]int, len(words))
	}
	w.out = w.out[:len(words)]
	L := t.model.NumLabels()
	if n := len(words) * L; cap(w.score) < n {
		w.score = make([]int32, n, n+n/2)
	}
	score := w.score[:len(words)*L]
	t.words.groupScores(w.fz.infos, score)
	for _, f := range feats {
		w.dec.Touch(f)
	}
	for i, f := range feats {
		t.model.AddEmissions(f, score[i*L:(i+1)*L])
	}
	w.dec.Viterbi(score, len(words), w.out)
	for i, k := range w.out {
		out[i] = t.model.Labels[k]
	}
}

// Process sets Token.POS on every token of d's sentences. It reads d.Sents and d.Tokens only.
func (t *Tagger) Process(ctx context.Context, d *doc.Document) error {
	var words []string
	var tags []string
	forms := DocForms(d)
	for _, s := range d.Sents {
		if err := ctx.Err(); err != nil {
			return err
		}
		if s.TokStart < 0 || s.TokEnd > len(d.Tokens) || s.TokStart >= s.TokEnd {
			continue
		}
		toks := d.Tokens[s.TokStart:s.TokEnd]
		words = words[:0]
		for _, tk := range toks {
			words = append(words, TokenWord(tk))
		}
		tags = append(tags[:0], make([]string, len(words))...)
		t.TagInto(words, forms, tags)
		for i := range toks {
			toks[i].POS = tags[i]
		}
	}
	return nil
}

// TokenWord is the form a tagger sees for a token: Norm when set, else Text.
func TokenWord(t doc.Token) string {
	if t.Norm != "" {
		return t.Norm
	}
	return t.Text
}

// DocForms returns, for the words a document writes in mixed or lower case outside sentence starts,
// their spelling (lower → form), to case-normalise the document's shouted sentences.
func DocForms(d *doc.Document) map[string]string {
	m := map[string]string{}
	var w []string
	for _, s := range d.Sents {
		if s.TokStart < 0 || s.TokEnd > len(d.Tokens) || s.TokStart >= s.TokEnd {
			continue
		}
		w = w[:0]
		for _, tk := range d.Tokens[s.TokStart:s.TokEnd] {
			w = append(w, TokenWord(tk))
		}
		addForms(m, w)
	}
	return m
}

// Forms is DocForms over sentences of words.
func Forms(sents [][]string) map[string]string {
	m := map[string]string{}
	for _, s := range sents {
		addForms(m, s)
	}
	return m
}

// addForms adds the forms of one sentence to m (the first spelling seen of a word is kept).
func addForms(m map[string]string, s []string) {
	if lexicon.AllCaps(s) {
		return
	}
	for i, w := range s {
		if i == 0 {
			continue
		}
		if c := lexicon.Casing(w); c == lexicon.CaseUpper || c == lexicon.CaseNone {
			continue
		}
		l := lexicon.Lower(w)
		if _, ok := m[l]; !ok {
			m[l] = w
		}
	}
}

// Beam is the number of candidate tags per token in decoding (pruned Viterbi); on eng.testa a beam of 4 loses
// no accuracy against the exact search and is about ten times faster.
const Beam = 4
