// Package ecb reads the ECB+ corpus (Cybulska and Vossen, LREC 2014: news articles in 43 topics with entity and
// event mentions and their within- and cross-document coreference) and scores entity coreference against it
// with B³ (Bagga and Baldwin 1998) and MUC (Vilain et al. 1995).
//
// Reading (Read): each XML file gives tokens (with sentence numbers), markables (mentions anchored to tokens)
// and coreference relations. A gold mention's chain is the instance id of its CROSS_DOC_COREF relation, else
// its INTRA_DOC_COREF relation (within its document), else the mention alone. Only the sentences listed in
// ECBplus_coreference_sentences.csv are fully annotated; mentions elsewhere are dropped, as the corpus README
// asks. The text of a document is its tokens joined by single spaces (no space before closing punctuation and
// clitics such as "'s" and "n't"), one sentence per line; in the newer "ecbplus" files sentence 0 holds the
// source URL and is left out.
//
// Named mentions (Named): the scored gold mentions are HUMAN_PART_* and LOC_* markables whose head (see
// Mention.Head) is a proper name: it starts with an upper-case letter and is either not the first word of its sentence, or never
// occurs in lower case in the document (and is not a pronoun or determiner). "President Obama" and "Los
// Angeles" are named; "the Chicago police officer" and "he" are not.
//
// Alignment (Align): a system mention covers a gold mention when it overlaps the gold mention's head (see
// Mention.Head: its last word before any preposition, comma or relative pronoun, company forms skipped); among the system mentions that do, the one with the largest overlap wins, ties to the shorter. A gold
// mention with such a mention is "found". Coreference is scored over found gold mentions only: the gold
// partition is their chains, the system partition the entity of the aligned system mention (within a document:
// the entity id; across documents: the entity key, compared inside each topic, because ECB+ annotates
// cross-document chains only within a topic).
package ecb
