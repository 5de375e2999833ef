// Package timeml reads TimeML documents (TempEval-3 .tml files) and scores predicted time expressions
// against their TIMEX3 annotations the way the TempEval-3 scorer and the reference script
// ../shared/eval/score_times.py define it, and writes TimeML with predicted TIMEX3 tags for the official
// TempEval-3 tools.
//
// Read returns the plain text of <TEXT> (tags removed, entities unescaped, byte for byte otherwise), the
// document creation time and the gold TIMEX3 spans; Score matches predictions to gold one to one (identical
// spans first, then larger overlaps, ties by position) and reports strict and relaxed extent P/R/F1, type
// accuracy over relaxed matches and value P/R/F1. Predictions made on a cleaned text that differs from the
// gold text are projected onto it as the reference scorer does (identical non-whitespace characters, else
// the matching blocks of a port of Python's difflib.SequenceMatcher), so that the numbers agree with
// score_times.py on the same predictions.
package timeml
