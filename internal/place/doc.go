// Package place resolves LOC entities to places of an embedded GeoNames gazetteer.
//
// Input: d.Entities of type LOC (name, aliases, mentions with byte spans), d.Text for "City, State" patterns
// and d.URL for the publication's country. Output: one doc.Place per resolved entity in d.Places (GeoNames id,
// feature code, country, admin1, point and a confidence), the entity's Key set to "loc:geonames:ID" and its
// Country. A name the gazetteer does not know gets a place only when something locates it, with a low
// confidence and no key of that place's: a place its name contains ("Manila Cathedral", "West Surrey") or the
// country or continent of the demonym it starts with ("European Commission"), the town
// the text gives after it ("... in Springfield", "..., Springfield", later in its clause "... on Monday, in
// Fresno") or, for a facility (a street, hospital, numbered road, a venue "at Whole Foods", "the Air Balloon
// roundabout"), the article's most mentioned town. Any other unknown name stays an entity without a place: no
// centroid is guessed.
//
// Resolution scores every gazetteer entry bearing one of the entity's names: a prior from population and
// feature type (countries, continents and capitals first; an alternate-only name counts less), a demonym bonus
// for countries named by their people, "City, State"/"City, Country" patterns, the publication's country,
// support from the other entities' candidates in the same second-level division (before any choice), and, in
// further passes, the other places of the article (same country, same first-level division, within 100 km);
// words around a mention that make it a state ("New York Gov.", "upstate", "the Bronx, New York") and the
// kinds of its neighbours in a list. A town without local evidence (its division or a place nearby in the
// article, a pattern, the paper's home town or country) gives way to a far larger namesake: the article's
// country alone does not make "Cambridge" Maryland's.
//
// The gazetteer is GeoNames' cities1000 places, countries and divisions (gazetteer.tsv.zst, the zstd copy of
// the generated gazetteer.tsv.gz), its cities500 places that list lacks (supplement.tsv.zst) and the hand table
// extra.tsv; LoadGazetteer decodes them once, in parallel (see README.md).
// The confidence is the softmax probability of the chosen entry among the candidates.
package place
