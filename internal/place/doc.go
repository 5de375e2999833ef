// Package place resolves LOC entities to places of an embedded GeoNames gazetteer.
//
// Input: d.Entities of type LOC (name, aliases, mentions with byte spans), d.Text for "City, State" patterns
// and d.URL for the publication's country. Output: one doc.Place per resolved entity in d.Places (GeoNames id,
// feature code, country, admin1, point and a confidence), the entity's Key set to "loc:geonames:ID" and its
// Country. A name the gazetteer does not know stays an entity without a place: nothing is guessed.
//
// Resolution scores every gazetteer entry bearing one of the entity's names: a prior from population and
// feature type (countries, continents and capitals first; an alternate-only name counts less), a demonym bonus
// for countries named by their people, "City, State"/"City, Country" patterns, the publication's country,
// and, in further passes, the other places of the article (same country, same first-level division, within
// 150 km). The confidence is the softmax probability of the chosen entry among the candidates.
package place
