// Package conll reads CoNLL column files (CoNLL-2003 NER, wikigold, GUM's TSV) into documents of
// sentences of tokens.
//
// Input: one token per line, columns separated by whitespace (spaces or tabs), a blank line between
// sentences, and "-DOCSTART-" lines between documents (the CoNLL-2003 copy in ../shared/data puts them at the
// end of each document, the original release at the start; both are handled: a marker separates documents).
// Output: Documents holding Sentences; each token keeps all its columns. Lines are never reordered, so a
// reader of predictions (newsgraph tag --conll) can write them back with one extra column.
package conll
