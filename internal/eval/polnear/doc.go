// Package polnear reads the PolNeAR attribution corpus (brat standoff: text/<name>.txt and
// attributions/<name>_<annotator>.ann) and scores extracted quotations against it.
//
// The scorer is a Go port of the project's reference scorer, shared/eval/score_quotes.py, and must agree
// with it on the same data: gold content fragments are merged into units, predicted spans are projected
// onto the gold text, units and predictions are matched greedily by shared content tokens, and cue,
// source and content are scored exactly and by token overlap, for all attributions and for direct quotes.
// Gold offsets are code point offsets into the text file; predictions are doc.Documents (byte offsets).
package polnear
