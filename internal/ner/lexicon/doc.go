// Package lexicon holds word-level knowledge learned from unlabeled text that the POS and NER taggers share:
// each word's usual casing (for case-normalising all-caps text) and its word cluster (a bit string learned
// with the exchange algorithm), plus the word-shape helpers both taggers use.
//
// Input: lower-cased word forms; output: the usual cased form, its casing class and its cluster path.
// The lexicon file is "lower TAB form TAB cluster" lines, gzipped; see internal/ner/model/PROVENANCE.md.
package lexicon
