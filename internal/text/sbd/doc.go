// Package sbd scores sentence boundary detection against the sentences of a CoNLL-2003 file reconstructed as
// running text.
//
// # Reconstruction
//
// Each document (documents are separated by -DOCSTART- lines, before or after them) becomes one text. Its CoNLL
// sentences are detokenized to natural spacing: no space before , . ; : ! ? % ) ] } and clitics ('s n't 're 've
// 'll 'd 'm) and closing curly quotes, none after ( [ { $ and opening curly quotes, straight double quotes
// paired by parity within the document (opening quotes attach to the next token, closing quotes to the previous
// one; a quote that starts a sentence always opens, one after the final mark of a sentence always closes), a
// single quote after a word ending in "s" treated as a possessive, "..." attached to the word before it. An
// opening double quote (straight by parity, or “) that CoNLL leaves at the end of a sentence (an artefact of its
// sentence splitter) is moved to the start of the next sentence, where it belongs. The layout follows the
// original newswire: the first sentence (the headline) and every sentence that does not end in ".", "!", "?" or
// "..." (optionally followed by closing quotes or brackets) — datelines such as "LONDON 1996-08-30", table rows,
// results — end their line with "\n"; the other sentences are followed by one space, so that body sentences run
// on as in a paragraph. There are no blank lines, so a segmenter cannot get any boundary from paragraph breaks.
//
// # Metrics
//
// The gold boundaries of a document are the end offsets of its sentences except the last (the end of the
// text is no decision). A segmenter's boundaries are the end offsets of its sentences, trailing spaces
// trimmed, except the last. Boundary precision, recall and F1 count exact offset matches, summed over all
// documents. Exact is the share of gold sentences whose [start, end) equals a predicted sentence, both
// trimmed of surrounding space. Token precision, recall and F1 (AddTokens) count a segmenter's tokens whose
// span equals a CoNLL token's span in the reconstructed text; they measure how closely the tokenizer
// follows CoNLL conventions (clitics, punctuation, abbreviations, numbers, hyphens) on the same text.
package sbd
