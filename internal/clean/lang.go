package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// langSample is how much text language identification looks at, from the start of the article.
const langSample = 1000

// newsLangs are the languages the trigram detector chooses among: the common languages of news on the web.
// Restricting the choice keeps rare languages with similar trigrams (Tagalog, Zulu, Esperanto ...) from
// stealing short English or Spanish texts.
var newsLangs = func() map[whatlanggo.Lang]bool {
	m := map[whatlanggo.Lang]bool{}
	for _, c := range strings.Fields(`eng spa fra deu ita por nld pol tur ron swe dan nob fin ces slk hun hrv srp slv ind vie cat lit lav est
		rus ukr bel bul mkd arb pes urd hin mar nep heb ydd amh aze uzb swh`) {
		if l := whatlanggo.CodeToLang(c); l >= 0 {
			m[l] = true
		}
	}
	return m
}()

// Language returns the ISO 639-1 code of the language text is written in, or "und" when it cannot tell
// (too little text, or a low-confidence guess). Ukrainian, Russian and Belarusian are told apart by the
// letters only one of them uses (і ї є ґ; ы э ъ ё; ў), which is more reliable than trigrams on short texts.
func Language(text string) string {
	if len(text) > langSample {
		cut := langSample
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	letters, kana, han := 0, 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
			switch {
			case unicode.In(r, unicode.Hiragana, unicode.Katakana):
				kana++
			case unicode.Is(unicode.Han, r):
				han++
			}
		}
	}
	if letters < 12 {
		return "und"
	}
	if kana*20 > letters {
		return "ja"
	}
	if looksEnglish(text) || shortEnglish(text) {
		return "en"
	}
	info := whatlanggo.DetectWithOptions(text, whatlanggo.Options{Whitelist: newsLangs})
	if info.Lang == whatlanggo.Rus || info.Lang == whatlanggo.Ukr || info.Lang == whatlanggo.Bel {
		if l := cyrillicLetters(text); l != "" {
			return l
		}
	}
	if info.Lang < 0 {
		return "und"
	}
	code := info.Lang.Iso6391()
	if code == "" {
		return "und"
	}
	// whatlanggo's confidence is the margin between the two best languages: low values are still usually
	// right on a sentence or more, but not on a few words
	if info.Confidence < 0.02 || letters < 30 && info.Confidence < 0.2 {
		return "und"
	}
	return code
}

// cyrillicLetters decides between Ukrainian, Russian and Belarusian by their distinctive letters, or
// returns "" when the text has too few of them to say.
func cyrillicLetters(text string) string {
	var uk, ru, be int
	for _, r := range text {
		switch unicode.ToLower(r) {
		case 'ї', 'є', 'ґ':
			uk += 2
		case 'і':
			uk++
			be++
		case 'ы', 'э', 'ё':
			ru++
			be++
		case 'ъ':
			ru++
		case 'ў':
			be += 3
		case 'и', 'щ':
			// и and щ are Russian and Ukrainian, never Belarusian
			ru++
			uk++
		}
	}
	switch {
	case be > uk && be > ru:
		return "be"
	case uk > ru:
		return "uk"
	case ru > uk:
		return "ru"
	}
	return ""
}

// englishWords are frequent English function words that other news languages do not share ("the" above all).
var englishWords = map[string]bool{"the": true, "and": true, "that": true, "with": true, "for": true, "said": true,
	"from": true, "has": true, "have": true, "were": true, "which": true, "will": true, "this": true, "are": true, "of": true}

// looksEnglish is a fast path for the common case, before the trigram detector: a text of 30 words or more
// in which "the" occurs at least three times and English function words make up 10% of the words.
func looksEnglish(text string) bool {
	words, hits, the := 0, 0, 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		words++
		if len(w) > 5 {
			continue
		}
		lw := strings.ToLower(w)
		if englishWords[lw] {
			hits++
			if lw == "the" {
				the++
			}
		}
	}
	return words >= 30 && the >= 3 && hits*100 >= words*10
}

// shortEnglishWords are englishWords and more English function words that none of the other news languages
// uses as a word; on a line or two, where trigrams mislead ("It will cut payments in coming months." scored
// as French), a quarter of the words being among them settles it.
var shortEnglishWords = func() map[string]bool {
	m := map[string]bool{}
	for w := range englishWords {
		m[w] = true
	}
	for _, w := range strings.Fields("says would could should it its they their she his been than but not who what when after into") {
		m[w] = true
	}
	return m
}()

// shortEnglish reports whether a text of fewer than 30 words has at least two shortEnglishWords making up
// a quarter of its words (longer texts are left to looksEnglish and the trigram detector).
func shortEnglish(text string) bool {
	words, hits := 0, 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		words++
		if words >= 30 {
			return false
		}
		if shortEnglishWords[strings.ToLower(strings.TrimSuffix(w, "'s"))] {
			hits++
		}
	}
	return hits >= 2 && hits*4 >= words
}
