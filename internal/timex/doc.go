// Package timex finds time expressions in English news text and normalises them to TIMEX3 values
// (TimeML, ISO-TimeML) against the document creation time.
//
// Input: Document.Text and Document.PublishedAt (the document creation time, DCT); Document.Sents and
// Document.Tokens with their POS tags are used for tense when present, but recognition works from the text
// alone. Output: Document.Times, one doc.Time per expression in text order, with Type DATE, TIME, DURATION
// or SET and a TIMEX3 value such as "2025-08-18", "2025-W33", "2025-Q3", "P3Y", "T20:00", "PRESENT_REF".
// Text is never changed. When the publication date is unknown, relative expressions keep underspecified
// values ("XXXX-08-18", "XXXX-WXX-1") and the document gets one warning.
//
// The grammar (rules.go) is a list of token patterns, each with an example that the tests check. Its
// design follows the ideas of HeidelTime (Strötgen and Gertz 2013: rule patterns over a small set of
// lexical classes, document-type aware reference times, tense of the governing verb for weekdays) and
// SUTime (Chang and Manning 2012: composable temporal patterns, longest match); the code is our own.
// Extents follow the TimeBank/AQUAINT annotation conventions of TempEval-3 (leading "the" and modifiers
// such as "early", "nearly", "the past" belong to the expression; "ago" belongs to it; a trailing "'s"
// does not).
package timex
