// Package timex finds time expressions in English news text and normalises them to TIMEX3 values
// (TimeML, ISO-TimeML) against the document creation time.
//
// Input: Document.Text and Document.PublishedAt (the document creation time, DCT); the POS tags of
// Document.Tokens are used for tense when present, but recognition works from the text alone (the package
// tokenizes for itself). Output: Document.Times, one doc.Time per expression in text order, without
// overlaps, with Type DATE, TIME, DURATION or SET and a TIMEX3 value such as "2025-08-18", "2025-W33",
// "2025-Q3", "P3Y", "2025-08-17T20:00", "PRESENT_REF". Text is never changed. When the publication date is
// unknown, relative expressions keep underspecified values ("XXXX-08-18", "XXXX-WXX-1") and the document
// gets one warning.
//
// The grammar (rules.go) is a list of token patterns, each with a value function and an example that the
// tests check. Its design follows ideas of HeidelTime (Strötgen and Gertz 2013: patterns over a small set
// of lexical classes, reference times taken from the DCT for news and from the last mentioned date for
// "the following year", the tense of the nearest verb for weekdays) and SUTime (Chang and Manning 2012:
// composable temporal patterns, longest match); the code is our own.
//
// Resolution: a weekday goes to the last such day on or before the DCT in the past tense ("met on Monday";
// the DCT itself when it is that day: "On Sunday, Trump posted"), to the next one in the future or present
// ("will meet on Monday", "is heading ... on Monday"), else to the last one (tomorrow excepted); a month and
// day without a year to the closest such date (before the DCT after a past verb: "the year ended March
// 31"); a bare month to the closest such month (at most 5 ahead, 7 back); either moves a year when the
// closest reading lies more than 90 days on the side of the DCT that the tense of its clause contradicts
// ("was shot on Oct. 23" in May, "will vote in March" in August), unless it follows "effective"/"until"; a
// weekday after "until" lies ahead; "a year earlier" after a quarter (kept in view by "the latest quarter",
// "the year-earlier period") to that quarter a year before. "Last week" is the ISO week before the DCT's,
// on a Sunday too (as HeidelTime and the TimeBank annotators count). "Friday evening" (afternoon) is a TIME with TEV (TAF); "Friday night/morning" the day's DATE, as
// TBAQ mostly annotates them.
//
// Narrative and report context: "the next morning", "the previous Friday" count from the last day the
// text mentioned (without one, "the previous Friday" is the one before last Friday); the second day of
// "April 24 and 25" takes the month of the first. A quarterly report keeps its quarter in view: a quarter
// named in a future-tense clause ("will result in a fourth-quarter charge") does not replace it, and after
// "the first nine months" the "year-earlier period" is that year rather than a quarter. Bare months are
// last year's when they open a past-tense sentence ("In January, the insurer brought in ...") and are not
// moved ahead by a present progressive ("is continuing ... under a June agreement"). Weekday tense cues:
// "could"/"might"/"must" are not future; "Until Tuesday, they had not ..." is past; "On Monday, X
// planned to ..." dates the planning; "planned a rally on Saturday" and "were planning to ... on Monday"
// lie ahead. Number words combine ("twenty-five years" P25Y), "and a half" adds half a unit ("a minute
// and a half" PT1M30S), spoken years work with months and seasons ("the winter of nineteen ninety-four"
// 1994-WI). Some conventions follow TBAQ-cleaned where it is consistent: a bare "the week" of a market
// report is YYYY-WXX (3 of 3), "the near term" FUTURE_REF (2 of 2), "will one day" FUTURE_REF.
//
// Some uses are not times: the discourse marker "Now," opening a sentence, "the future of the port" (its
// prospects), a unit inside a hyphenated X-to-Y compound ("the quarter-to-quarter comparison"), "the early
// hours" of a day that is itself tagged. Scheduling verbs in the simple present ("Arafat and Netanyahu meet
// Monday", "the offer expires Friday") put a weekday ahead; a present perfect ("has set Nov. 10 as the
// deadline") does not push a month and day into the past; "since year-end" is the last year end before the
// DCT; "the day before yesterday", "the day before last Tuesday" count one day from the day named. In
// quarterly reports the quarter in view is the reported one: a quarter not yet closed at the DCT ("the
// impact on fourth-quarter results" in October) or an earlier one after "after" ("After a flat second
// quarter, ...") does not replace it; "the second quarter ended Oct. 31" takes the year of its end date;
// "compared with $3 million last year" is that quarter a year before. A sentence-opening expression set
// off by a comma ("In January, a week after ..., a bombing ... killed") is dated by the sentence's main
// verb however far it is. Also: "day-long", "decades-long", "a several-year tenure" (durations), "over
// the years", "for a while" (PXX), "today is the eighth day of ..." (the DCT), "this coming Sunday,
// March 8" (one date), "at this moment" (PRESENT_REF), "the March accession"; "USA Today" and "the
// people of tomorrow" name no day.
//
// Extents follow the TimeBank/AQUAINT annotations of TempEval-3 TBAQ-cleaned: a leading "the", modifiers
// ("early", "mid-", "the end of") and limits ("more than", "at least", "nearly") belong to the expression,
// "ago" belongs to it; prepositions ("over", "within", "at"), a trailing "'s" and the article before a
// hyphenated modifier ("the 30-day period") do not. Words that TBAQ rarely annotates ("former",
// "previously", bare "future", "quarterly", "annually") are left out; the adjective "current" is
// PRESENT_REF and "soon" FUTURE_REF (not in "as soon as", "soon after" or past narration).
//
// Speed: each token's lexical classes are computed once as a bit set (words outside the lexicons skip the
// tests) together with the vocabulary id of its word, so that matching a pattern literal or class is a bit
// test; rules are indexed by the words and classes that may start them, and the matcher reuses its
// buffers, so that Find allocates little beyond its output.
package timex
