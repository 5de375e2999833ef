// Package ner finds named-entity mentions (PER, ORG, LOC, MISC) with a statistical sequence tagger.
//
// The tagger is an averaged structured perceptron (internal/perceptron) with first-order Viterbi decoding over
// BILOU labels, trained on CoNLL-2003 eng.train and tuned on eng.testa. Features: the word, its lower case,
// shape and short shape, prefixes and suffixes, a ±2 word window, POS tags (internal/pos), the word's usual
// casing from unlabeled text and in the same document, word clusters learned from unlabeled text
// (internal/ner/lexicon), and, in an optional second stage, non-local features: the label distribution of
// the same word elsewhere in the document as tagged by the first stage (Krishnan and Manning 2006; Ratinov
// and Roth 2009). Shouted all-caps sentences are case-normalised before tagging.
//
// As a pipeline stage it reads Document.Sents and Document.Tokens (Norm, else Text; POS when set) and fills
// Document.Names in text order with byte spans, types and token ranges; it changes nothing else. The model
// is embedded (model/ner.model; provenance in model/PROVENANCE.md), loaded once and shared read-only.
package ner
