// Package pos tags tokens with Penn Treebank parts of speech.
//
// The tagger is a first-order averaged structured perceptron (internal/perceptron) over hashed word, affix,
// shape, context and word-cluster features, trained on the POS column of CoNLL-2003 eng.train (whose tags
// are themselves automatic) and decoded with Viterbi. Shouted (all-caps) sentences are case-normalised first
// (internal/ner/lexicon).
//
// As a pipeline stage it reads Document.Sents and Document.Tokens (Token.Norm, else Token.Text) and sets
// Token.POS; it changes nothing else. The model is embedded (model/pos.model.gz), loaded once and shared.
package pos
