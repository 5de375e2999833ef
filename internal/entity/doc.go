// Package entity turns the named-entity mentions of an article (doc.Document.Names, from the tagger) into
// entities: people, organizations, places and other named things, each with its mentions, canonical name,
// aliases, titles, country, organization and a cross-document key (doc.Document.Entities).
//
// What it does, in order:
//
//   - Grouping. Full names, bare surnames and case variants of one person are one entity ("Ursula von der
//     Leyen", "Von der Leyen"); so are acronyms and their expansions ("EU", "European Union"), names of one
//     country ("U.S.", "United States", "America") and spelling variants (see phonetic). Possessives and
//     leading "the" are trimmed from names; titles the tagger included ("President Obama") move to Titles.
//   - Type repairs (see repairTypes): a one-word "person" or "organization" that the gazetteer knows as a
//     country or capital ("Kyiv reports gains") is a place; a headline surname tagged as a place joins the
//     person named in full; an unknown "place" in a credit line or after "wrote on" is an organization.
//   - Titles and roles from premodifiers ("UK Prime Minister Keir Starmer", "Trump's envoy Steve Witkoff") and
//     appositions ("Mark Rutte, NATO's secretary general,"), with the country (ISO code) or organization that
//     qualifies them.
//   - Demonyms ("Ukrainian", "South Korean") become mentions of kind "demonym" of their country's entity,
//     created when the article names the country nowhere else.
//   - Title coreference: "the chancellor", "the Ukrainian leader", "the president of France" refer to the only
//     person so far with that title (and country); with two candidates nothing is linked. Descriptions made of
//     a person noun ("the actress", "the 33-year-old") refer to the only person of that gender named in the
//     last three sentences.
//   - Pronoun coreference for he/she and their forms, in Hobbs' order with gender agreement, and for "its" to
//     the nearest organization or country (see pronouns).
//   - Keys: "person:given-surname", "org:acronym-or-name", "loc:name", "misc:name", each word folded for case,
//     diacritics, Cyrillic script and a few transliteration alternations (see keyWord) and otherwise kept as
//     written, so that keys read as the names do and the same entity gets the same
//     key in every article. Well-known organizations take their key from the lexicon ("org:eu" for both "EU"
//     and "European Union"). LOC keys are name-based; the place stage replaces them with gazetteer ids.
//
// The stage reads d.Text, d.Sents (optional) and d.Names, and writes d.Entities only. It scans the text into
// words itself (see scan) so that it does not depend on the tokenizer's conventions. It runs in time linear in
// the length of the article: every look-up is a map access and pronoun search is bounded.
package entity
