// Package quote finds quotations in news text: direct quotes in any common mark style, indirect (reported)
// speech and mixed quotes, each with its cue ("said", "according to", "posted"), its source (the mention
// naming the speaker, possibly a pronoun) and its speaker (the entity id that mention belongs to).
//
// Input: Document.Text; Document.Tokens' POS tags when the pos stage ran (they tell verbs from nouns and
// adjectives, and passives); Document.Entities (mentions of kind name, title and pronoun) for speakers.
// Output: Document.Quotes, in text order, with byte offsets into Document.Text. The stage never changes the
// text or any other annotation, keeps no state between documents and is safe for concurrent use.
//
// How it works, in linear time over its own tokens:
//   - quotation marks (“ ” " « » „ “ ‘ ’ ' and two ASCII apostrophes) are paired per paragraph; a paragraph
//     that leaves a quote open continues it when the next paragraph opens with a mark, otherwise the quote
//     ends with its paragraph;
//     marks nested in a quote stay part of it;
//   - a quote is attributed by a cue next to its marks with a subject before or after the cue ("“...,” she
//     said", "“...,” said Trump", "He told NBC: “...”", "“...” ― Rosa Diaz"); a quote split by its attribution
//     shares it; words leading into the marks, or a "that" before them, make the quote mixed, as PolNeAR
//     annotates it;
//   - reported speech is a cue with a subject and the clause it governs ("X said (that) ...", "X warned NBC
//     that ...", "..., X emphasized", "A, X said, B", "according to X, ...", "X's claim that ...",
//     "..., adding that ..."); quotes inside it make it mixed;
//   - long quotes that open a sentence with no cue inherit the attribution of the quote just before them
//     (the news convention for a speaker's further quotes) or keep a null speaker; short ones are scare
//     quotes or titles, not speech;
//   - the speaker is the entity whose mention overlaps the source most, for an uncovered relative pronoun
//     the entity mentioned right before it, or for an uncovered personal pronoun the person mentioned last
//     before it.
//
// When the text stage's sentences and tokens are present (in the pipeline), two trained models add the
// attributions the patterns miss (PolNeAR annotates almost any stance predicate with a human subject:
// "wants", "plans", "attacked"): a sequence labeller tags each sentence's tokens as source, cue or content
// (BIO), and for each cue it finds (and each cue of the patterns' reported speech it missed) an argument
// labeller tags that cue's own source and content, with features relative to the cue. Both are averaged
// structured perceptrons (internal/perceptron) over hashed features - words, stems, POS tags, the cue
// lexicon's statistics, names and pronouns, quotation marks, the patterns' own quotes, distances to cue
// words, subjects and verbs - trained on PolNeAR train by `newsgraph train quotes` and embedded
// (quotes.model.gz, quotes.args.gz; provenance in quotes.model.txt). Content runs of the argument labeller
// on both sides of the cue, the first ending at a comma or closing mark ("A," he said, "B"), become one quote
// each, as PolNeAR counts them; a content that opens a quotation mark runs to its closing mark. The
// patterns' direct quotes come first (except a fragment of at most four words whose own cue lies inside a
// model attribution's content: a quoted phrase of reported speech), then the models' attributions, then
// the patterns' other quotes where nothing overlaps. Without tokens (the stage run on raw text) only the
// patterns run. A cue classifier (cue.go) can add cues for the argument labeller; none is embedded, as it
// did not raise the dev figures.
//
// After the merge, passes over the POS-tagged tokens (split.go) repair attribution structures the models
// get wrong: a reported content holding a coordinated cue verb of the same (or its own) subject is split
// ("X tweeted A and encouraged B"); a content that stops before ", and said B" gets B as a second quote; the
// first half of a content interrupted by its attribution ("A, X noted, that B") becomes a quote; a headline
// ending in ", Name Says." and a sentence ending in ", said SOURCE." get their attribution; a sourceless
// quote after "X reports:" takes X; an introductory phrase taken for content ("Through a spokesman, he
// declined ...") goes, and a "seems"/"appeared" cue or the subject of a passive cue ("was accused of")
// is no source, nor is a source inside its cue, without a letter, or on the other side of the content
// from the cue; a sourceless participle cue takes the subject of its clause ("Trump spoke, promising
// ...", "Citing ..., Trump said"). A relative pronoun source ("Doris Crouse-Mays, who said") takes the
// entity mentioned right before it as speaker.
//
// The cue lexicon (cues.tsv, see README.md) is learned from the PolNeAR train split by ./gen (go generate):
// how often each word is a cue, ends a source, and how often the patterns above fire rightly on it. The
// patterns and the closed word classes in words.go are written by hand.
package quote
