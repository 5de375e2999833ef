// Package quote finds quotations in news text: direct quotes in any common mark style, indirect (reported)
// speech and mixed quotes, each with its cue ("said", "according to", "posted"), its source (the mention
// naming the speaker, possibly a pronoun) and its speaker (the entity id that mention belongs to).
//
// Input: Document.Text, and Document.Entities (mentions of kind name, title and pronoun) for speakers.
// Output: Document.Quotes, in text order, with byte offsets into Document.Text. The stage never changes the
// text or any other annotation.
//
// How it works, in one linear pass over its own tokens:
//   - quotation marks (“ ” " ” « » „ ‘ ’ ') are paired per paragraph; a paragraph that leaves a quote open
//     continues it when the next paragraph opens with a mark, otherwise the quote ends with its paragraph;
//   - a quote is attributed by a cue word next to its marks with a subject before or after the cue
//     ("“...,” she said", "said Trump", "He told NBC: “...”"); a quote split by its attribution shares it;
//   - reported speech is a cue with a subject and the clause it governs ("X said (that) ...",
//     "..., X emphasized", "according to X, ...", "X's claim that ..."); quotes inside it make it mixed;
//   - long quotes with no cue inherit the attribution of the speaker's quote just before them; short
//     unattributed quotes are scare quotes or titles, not speech.
//
// The cue lexicon (cues.tsv) is learned from the PolNeAR train split by ./gen (go generate); the patterns
// and the word classes in words.go are written by hand.
package quote
