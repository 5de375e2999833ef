// Package text splits cleaned article text into paragraphs, sentences and Penn Treebank style tokens, all
// with byte offsets into Document.Text.
//
// Input: Document.Text as the clean stage leaves it (paragraphs separated by a blank line). Output:
// Document.Paragraphs, Document.Sents (with token ranges and paragraph index) and Document.Tokens (Text as
// written, Norm in the PTB form the taggers were trained on, SpaceBefore). The stage never changes
// Document.Text.
//
// # Tokens
//
// Tokenization follows the conventions of the CoNLL-2003 / Penn Treebank data the taggers learn from:
// punctuation is split off; possessive and contracted clitics are split ("Trump's" → "Trump" "'s", "don't" →
// "do" "n't"); abbreviations ("U.S.", "Gen.", "Jan.", "D.C.") and initials keep their period; decimals, numbers
// with thousands separators, times and fractions stay whole ("3.5", "1,000", "2:29", "1/2"); hyphenated words
// stay whole ("pro-Russian") while em and en dashes are split off ("Stubb—who" → "Stubb" "—" "who"); URLs,
// e-mail addresses, @handles and #hashtags stay whole. Quotes are separate tokens; as in the Penn Treebank, Norm
// maps an opening double quote to two backquotes and a closing one to two apostrophes, an opening single
// quote to a backquote, dashes to "--" and "…" to "...". Text always keeps the characters as written.
//
// # Sentences
//
// Sentences end at ".", "!", "?" and ellipses (with any closing quotes and brackets that follow, so a closing
// mark belongs to the sentence it closes) when the next token can start a sentence, i.e. it does not start
// with a lower-case letter or continue with a comma or similar. A period kept on an abbreviation ends a
// sentence only when the abbreviation is not a title or initial ("Gen.", "J.") and the next word is a
// capitalised common word ("... in the U.S. The talks ..."), the orthographic heuristic of Punkt (Kiss and
// Strunk, 2006, "Unsupervised Multilingual Sentence Boundary Detection"). A paragraph break is always a
// boundary. A single line break is a boundary too (headlines, datelines, table rows) unless the line is a
// full-width line of hard-wrapped prose, the next line starts in lower case, or the line ends with a comma,
// a function word or a title. Numbered items on one line ("1. Devers (U.S.) 10.89 2. Ottey ...") are not
// sentences, and a period glued between two words ("New York City.Super PAC", common in scraped text)
// ends one.
//
// The abbreviation list is a written list (titles, months, US states, company suffixes) plus the words
// ending in a period found inside sentences of the CoNLL-2003 English training split; the list of common
// sentence-initial words is learned from the same split. See data/README.md for the provenance and
// gen/main.go for the generator (go generate ./internal/text).
//
// The segmenter runs in linear time over the text, uses no regular expressions, and treats control
// characters as spaces.
package text
