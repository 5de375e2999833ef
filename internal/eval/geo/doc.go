// Package geo reads the geoparsing corpora of ../shared/data/geoparsing-gritta (LGL, TR-News: <article
// docid><text><toponyms><toponym><start><end><phrase><gaztag geonameid><lat><lon>; GeoWebNews GWN.xml:
// <article><text><toponym><extractedName><start><end><geonamesID><latitude><longitude>) and scores toponym
// resolution against them: given the gold toponyms (Resolution), and end to end from a pipeline's places
// (Score, the metrics of /work/shared/eval/score_places.py).
//
// Offsets are code points, as in the corpora. Gold offsets are repaired as the reference geo_to_text.py does:
// when text[start:end] is not the toponym's name, the occurrence of the name nearest to start (less the drift
// seen so far in the article, within 300 code points) is used; a name not found there stays unverified.
package geo
