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
// Heads (Mention.Head): the last word of a mention before its first preposition, comma or relative pronoun
// (after its first word), skipping possessives, punctuation and company forms such as "Corp.": "Department"
// in "Department of Criminal Justice", "van" in "a prison van in Baytown", "Intel" in "Intel Corp.".
//
// Named mentions (Mention.Named): the scored gold mentions are HUMAN_PART_* and LOC_* markables whose head is
// a proper name: it starts with an upper-case letter and is either not the first word of its sentence, or
// never occurs in lower case in the document (and is not a pronoun or determiner). "President Obama" and "Los
// Angeles" are named; "the Chicago police officer" and "he" are not.
//
// Alignment (Align): the pipeline runs on the document text (Evaluate); when cleaning changed the text, every
// gold token is looked for in order in the cleaned text to map offsets back. A system mention (any kind)
// covers a gold mention when it overlaps the gold mention's head; among those that do, the one with the
// largest overlap with the whole gold mention wins, ties to the shorter. A gold mention so covered is
// "found". Coreference is scored over found gold mentions only: the gold partition is their chains, the
// system partition the entity of the aligned system mention — within a document the entity id; across
// documents the entity key, compared inside each topic, because ECB+ annotates cross-document chains only
// within a topic.
//
// Pronouns, "its" and descriptions (Result): a gold he/she/him/her/his/hers (or "its") mention, or a
// non-named HUMAN_PART mention starting with or following "the", counts when its chain has a found named
// mention in the same document; it is linked when we have a pronoun mention with exactly its span (for
// descriptions: a title mention covering its head), and right when that mention's entity is the entity most
// of the chain's found named mentions were aligned to.
package ecb
