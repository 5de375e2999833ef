package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Page furniture in scraped plain text is found line by line. Each rule below is anchored on a whole line
// (or, for a byline glued to the text, on a line prefix), so a piece of furniture never takes article text
// with it; and a line that reads as reported speech (a speech verb and a sentence's length) is never dropped,
// whatever it looks like. Matching is case-insensitive.

// lineRules match whole lines of furniture, with the most words such a line may have.
var lineRules = []struct {
	re       *regexp.Regexp
	maxWords int
	// noEnd requires that the line not end as a sentence does (. ! ? or a closing quotation mark).
	noEnd bool
	// strong rules are unambiguous prefixes ("Read also:", "Photo:", "Tags:") that apply even to a line
	// that reports speech.
	strong bool
	// need, when set, lists lower-case words one of which the line must contain for the rule to be tried:
	// a cheap test that spares the unanchored patterns most lines.
	need []string
}{
	// ads and "continue reading" breaks
	{re(`^(advertisement|advertising|ad|ads|sponsored|sponsored content|promoted|promoted content|paid content|paid post|partner content|` +
		`реклама|anzeige|werbung|publicité|publicidad|pubblicità|reklama|reklam|story continues below( this)? (advertisement|ad)|article continues (below|after (this )?(advertisement|ad))|` +
		`continue reading( below| the main story)?|scroll (down )?to continue( reading| with content)?|skip (ad|advertisement)|close ad|remove ads|(video )?ad feedback)[\s.:…]*$`), 12, false, false, nil},
	// navigation, buttons and section labels standing alone on a line
	{re(`^(most (read|popular|viewed|shared)|trending now|skip to (main )?(content|navigation)|jump to( content)?|menu|main menu|search|home|close|back to top|top|next|previous|` +
		`next article|previous article|open menu|toggle navigation|sections|more|see more|show more|load more|loading|please wait|` +
		`accept|reject|accept all|reject all|manage (preferences|settings)|notifications|sign up|log in|login|sign in|register|subscribe|subscribed|` +
		`listen|listen to (this )?(article|story)|play|play video|watch video|watch live|video|audio|image|photo|photos|gallery|live|live updates|` +
		`breaking|breaking news|opinion|analysis|explainer|world|europe|politics|news|latest|latest news|trending|top stories|most read|most popular|` +
		`link copied|open in app|get the app|download (the|our) app|print|print this (page|article)|save|save article|bookmark|gift (this )?article)[\s.:!…]*$`), 6, false, false, nil},
	// breadcrumbs: "Home > News > World"
	{re(`^(home|news|start|головна|главная|startseite|accueil|inicio|strona główna)(\s*(>|›|»|/|\||→)\s*[\p{L}&'’ -]{1,30})+$`), 12, false, false, nil},
	// language and edition pickers
	{re(`^((select|choose|change|switch) (your |a |the )?(language|edition|region|country)\b.*|(languages?|editions?)\s*(:.*)?)$`), 40, false, false, nil},
	// share, follow and subscribe prompts
	{re(`^(follow|like|join|find) (us|our [\p{L} ]{1,30})\b.{0,60}\b(on|at|via)\b.{0,40}$`), 16, false, false, nil},
	{re(`^follow (us|@\w+|the latest|our live)`), 16, false, false, nil},
	{re(`^(subscribe|sign up|signup|register|join)\b.{0,100}\b(newsletter|briefing|bulletin|alerts?|updates|inbox|channel|podcast|for free|free trial|today|now)\b`), 25, false, false, nil},
	{re(`^(get|receive|want) (our|the|more)\b.{0,80}\b(newsletter|briefing|alerts?|inbox|delivered)`), 25, false, false, nil},
	{re(`^(enter your email|your email( address)?|e-?mail address|already a (subscriber|member)|already have an account|create (an|a free) account|` +
		`not a subscriber|become a (member|subscriber)|support (our|independent) journalism|donate now|thanks? for (signing up|subscribing)|` +
		`you have been subscribed|by signing up|this site is protected by recaptcha)\b`), 30, false, false, nil},
	{re(`^(click here|tap here)\b`), 20, false, false, nil},
	{regexp.MustCompile(`^(?i:related (article|video|content|coverage|story))\s+\p{Lu}`), 30, false, true, nil},
	{re(`^"?follow [\p{L}.'’ -]{2,60} on (twitter|x|facebook|instagram|telegram|threads|bluesky|linkedin)\b.{0,60}$`), 25, false, false, nil},
	{re(`^(read|see|watch|listen to) (the )?(rest|full (story|report|article|interview|transcript|video|speech))( of (it|the \w+))?( here| at \S+)?[.:!]?$`), 12, false, false, nil},
	{re(`^\(?(h/t|hat tip)\b.{0,60}$`), 12, false, false, nil},
	{re(`^((follow|read|see|visit|watch|listen|get|find|more)\b.{0,80}\s)?https?://\S+$`), 20, false, false, nil},
	{re(`^(have a (news )?tip|got a (news )?tip|send us a tip|contact us|corrections?:? )`), 12, false, false, nil},
	{re(`\bcontributed (reporting )?to this (report|story|article)\.?$`), 25, false, false, []string{"contributed"}},
	// section labels: "Europe | Analysis", "World / Europe"
	{regexp.MustCompile(`^\p{Lu}[\p{L}&'’-]*( \p{Lu}[\p{L}&'’-]*)?( [|/•·›>] \p{Lu}[\p{L}&'’-]*( \p{Lu}[\p{L}&'’-]*)?){1,3}$`), 8, false, false, nil},
	// the same prompts in the other common languages of news (no \b: it only knows ASCII letters)
	{re(`^(підписуйтесь|підписуйтеся|підпишіться|подписывайтесь|подпишитесь|abonnieren sie|abonnez-vous|suscríbete|iscriviti|subskrybuj|zapisz się|obserwuj nas|стежте за нами|следите за нами|folgen sie uns|suivez-nous|síguenos|seguici)(\s|$|[:,.!])`), 15, false, false, nil},
	{re(`^(читайте також|читайте также|дивіться також|смотрите также|lesen sie auch|lire aussi|à lire aussi|lea también|leer también|leggi anche|czytaj (też|także)|zobacz (też|także)|ayrıca okuyun)\s*(:|»|>|›|\||\s[–—-]\s)`), 30, false, true, nil},
	// related-article link lines
	{re(`^(read also|also read|read more|see also|related|related articles?|related stories|related coverage|related content|more on this( story)?|` +
		`more from [\p{L} ]{1,30}|recommended( for you)?|watch|listen|you may also like|you might also like|most read|trending|latest|more stories|` +
		`editor'?s picks?|don'?t miss|must read|in other news|more news|further reading|explore more)(\s*(:|»|>|›|\|)|\s+[–—-]\s).*$`), 30, false, true, nil},
	{re(`^(read also|also read|read more|see also|related|related articles?|related stories|related coverage|more on this story|` +
		`recommended( for you)?|you may also like|you might also like|more stories|editor'?s picks?|don'?t miss|more news)[\s.:!»>…]*$`), 8, false, false, nil},
	// photo and video credits, captions ending in a credit
	{re(`^((file )?(photo|photograph|image|picture|illustration|graphic|video|footage)s?( credit)?|credits?|source|caption|фото|foto|світлина)\s*:`), 40, false, true, nil},
	{re(`\([^()]*\b(photo|photograph|image|picture|pictured|footage)s?\b[^()]*(/|\bby\b|:|\bvia\b|getty|reuters|\bafp\b|\bap\b|\bepa\b)[^()]*\)\s*$`), 70, false, false, []string{"photo", "image", "picture", "footage"}},
	{regexp.MustCompile(`\b([Pp]hotograph|[Pp]hoto|[Ii]mage|[Pp]icture)s?(:\s*| by )\p{Lu}[^.!?:]{0,60}(/|\bvia\b|Getty|Reuters|\bAP\b|AFP|EPA|Shutterstock|Anadolu)[^.!?:]{0,40}$`), 70, false, false, []string{"photo", "image", "picture"}},
	{re(`^([\p{L}.'’ -]{2,40}/)?(getty images|afp|reuters|ap|ap photo|epa|epa-efe|shutterstock|anadolu( agency)?|sputnik|tass|ukrinform|afp via getty images|the associated press)$`), 8, false, false, nil},
	// timestamps, read times and date-only lines
	{re(`^(\d+\s*(min|mins|minute|minutes)( read| listen)?|(estimated )?reading time\b.{0,20}|listen to this article\b.{0,20}|\d{1,2}:\d{2}( min)?)$`), 8, false, false, nil},
	{re(`^((mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\.?,?\s+)?(\d{1,2}(st|nd|rd|th)?\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}(st|nd|rd|th)?,?\s+)?\d{4}` +
		`(\s*(,|\||at|-|–|—|•)?\s*\d{1,2}[:.]\d{2}\s*(am|pm|a\.m\.|p\.m\.)?\s*([a-z]{2,4}|[+-]\d{2}:?\d{2})?)?$`), 12, false, false, nil},
	{re(`^\d{4}-\d{2}-\d{2}([ t]\d{2}:\d{2}(:\d{2})?\s*(z|[a-z]{2,4}|[+-]\d{2}:?\d{2})?)?$`), 4, false, false, nil},
	// copyright, legal and footer links
	{re(`^(©|\(c\)\s|copyright\s*(©|\(c\)|\d{4}))`), 30, false, false, nil},
	{re(`\ball rights reserved\.?$`), 25, false, false, []string{"rights reserved"}},
	{re(`^(terms (of (use|service)|and conditions)|privacy( policy| notice)?|contact( us)?|about( us)?|cookie (policy|settings|preferences)|accessibility|sitemap|careers|` +
		`advertise( with us)?|imprint|impressum|help|faq|rss)(\s*[|•·/]\s*[\p{L}' ]{2,30})*$`), 25, false, false, nil},
	// cookie notices
	{re(`\bcookies?\b.*\b(we use|this (site|website) uses|our (site|website)|you agree|you consent|accept (all )?cookies|manage cookies|cookie (settings|preferences|policy)|by continuing|to improve your experience)\b`), 70, false, false, []string{"cookie"}},
	{re(`\b(we use|this (site|website) uses|by continuing to (use|browse))\b.*\bcookies?\b`), 70, false, false, []string{"cookie"}},
	// tags, trailers and credits
	{re(`^(tags|topics|filed under|categories|keywords|more about)\s*:`), 30, false, true, nil},
	{regexp.MustCompile(`^\(?((Additional )?[Rr]eporting|Writing|Editing|Compiled|Translated|Graphics?) by \p{Lu}`), 40, true, false, nil},
	{re(`^our standards:`), 20, false, false, nil},
	{regexp.MustCompile(`^(([Ww]ritten|[Rr]eported|[Ww]ords|[Ss]tory) by \p{Lu}|(Author|Authors|Reporter|Correspondent|Staff writer|Staff reporter|Contributor)s?\s*:)`), 12, true, false, nil},
	// comments
	{re(`^(\d+\s+)?comments?(\s*\(\d+\))?$`), 3, false, false, nil},
	{re(`^((show|view|load|hide|read) (all |more |the )?\d*\s*comments|(leave|post|add|write) a (comment|reply)|join the (conversation|discussion))\b`), 12, false, false, nil},
	// handles, separators and icons
	{re(`^@\w{2,}$`), 1, false, false, nil},
	{re(`^[\p{P}\p{S}\s]+$`), 20, false, false, nil},
}

// bylineRe is a byline on its own line: "By Olena Harmash and Tom Balmforth, Reuters", "By AP".
var bylineRe = regexp.MustCompile(`^(?:By|BY|by)\s+` + name + `(?:(?:\s*,|\s+and|\s*&)\s+` + name + `)*` +
	`(?:\s*(?:,|\||-|–|—|/)\s*[\p{Lu}][\p{L}.'’&-]*(?:\s+(?:[\p{Lu}][\p{L}.'’&-]*|and|of|for|the|in|at|de|du|von|van))*)?\s*$`)

// name is a personal or agency name of one to four capitalised words ("Jane Doe", "J. R. Smith", "AP").
const name = `(?:[\p{Lu}][\p{L}'’\-]*\.?\s+){0,3}[\p{Lu}][\p{L}'’\-]*`

// gluedPrefixRe is what furniture cuts off a line with a glued byline: "By Jane Doe".
var gluedPrefixRe = regexp.MustCompile(`^By\s+(?:[\p{Lu}][\p{Ll}'’\-]+\s+){1,3}[\p{Lu}][\p{Ll}'’\-]*[\p{Ll}]$`)

// gluedBylineRe is a byline that scraping glued to the next piece of text: "By Jane DoeWASHINGTON (AP) —".
var gluedBylineRe = regexp.MustCompile(`^By\s+((?:[\p{Lu}][\p{Ll}'’\-]+\s+){1,3}[\p{Lu}][\p{Ll}'’\-]*[\p{Ll}])[\p{Lu}]`)

// speechVerbs mark a line that reports speech; such a line is article text and never dropped.
var speechVerbs = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`said says say told tells added adds stated warned warns announced asked insisted noted wrote
		writes posted declared urged urges called argued claimed denied confirmed promised vowed pledged demanded acknowledged
		admitted explained suggested tweeted replied responded reported quoted`) {
		speechVerbs[w] = true
	}
}

// reportsSpeech reports whether line holds a speech verb or "according to".
func reportsSpeech(line string) bool {
	prev := ""
	for _, w := range strings.FieldsFunc(line, func(r rune) bool { return !unicode.IsLetter(r) }) {
		w = strings.ToLower(w)
		if speechVerbs[w] || w == "to" && prev == "according" {
			return true
		}
		prev = w
	}
	return false
}

// languageNames are the names of languages as pickers list them (lower case).
var languageNames = map[string]bool{}

func init() {
	for _, n := range strings.Fields(`english español espanol français francais deutsch русский українська українська мова беларуская
		العربية عربي 中文 简体中文 繁體中文 italiano português portugues polski türkçe turkce 日本語 한국어 فارسی हिन्दी हिंदी nederlands svenska
		română romana ελληνικά magyar čeština cestina slovenčina dansk norsk suomi bahasa indonesia melayu tiếng việt ไทย עברית қазақша
		ქართული հայերեն azərbaycan azərbaycanca srpski српски hrvatski български български bosanski slovenščina lietuvių latviešu eesti
		kiswahili hausa yorùbá afaan oromoo አማርኛ soomaali اردو বাংলা தமிழ் o'zbek oʻzbekcha кыргызча тоҷикӣ монгол català galego euskara
		gaeilge cymraeg shqip македонски 普通话 pусский ру en es fr de ru uk ua ar zh it pt pl tr ja ko fa hi nl sv ro el hu cs`) {
		languageNames[n] = true
	}
}

// shareWords are the words of share bars ("Share on Facebook | X | WhatsApp | Email").
var shareWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`share shares shared this article story page post on via facebook twitter x whatsapp linkedin telegram
		email e-mail mail print copy link url copied reddit pinterest messenger viber tweet save saved comment comments bookmark gift
		flipboard tumblr vk ok threads bluesky instagram youtube tiktok follow us subscribe rss feed sms more options the to with
		google news apple podcasts spotify поділитися поделиться поширити teilen partager compartir condividi udostępnij paylaş`) {
		shareWords[w] = true
	}
}

func re(s string) *regexp.Regexp { return regexp.MustCompile(`(?i)` + s) }

// furniture reports whether line (trimmed) is page furniture as a whole. When only a prefix of it is, it
// returns that prefix and the rest of the line.
func furniture(line string) (whole bool, prefix, rest string) {
	if line == "" {
		return false, "", ""
	}
	words := countWords(line)
	if len(line) > 600 {
		return false, "", ""
	}
	if words <= 14 && isTimestamp(line) {
		return true, "", ""
	}
	for _, r := range lineRules {
		if r.strong && words <= r.maxWords && r.re.MatchString(line) {
			return true, "", ""
		}
	}
	if m := gluedBylineRe.FindStringSubmatchIndex(line); m != nil {
		end := m[3]
		return false, line[:end], strings.TrimSpace(line[end:])
	}
	if words >= 6 && reportsSpeech(line) && !isCaption(line) {
		return false, "", ""
	}
	if isLanguageList(line) || isShareBar(line) {
		return true, "", ""
	}
	if words <= 14 && bylineRe.MatchString(line) && !endsSentence(line) {
		return true, "", ""
	}
	lower := ""
	for _, r := range lineRules {
		if words > r.maxWords || r.noEnd && endsSentence(line) {
			continue
		}
		if r.need != nil {
			if lower == "" {
				lower = strings.ToLower(line)
			}
			if !containsAny(lower, r.need) {
				continue
			}
		}
		if r.re.MatchString(line) {
			return true, "", ""
		}
	}
	return false, "", ""
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// isCaption reports a line that ends in a photo credit; captions quote people too, but are not article text.
func isCaption(line string) bool {
	r := lineRules[captionRule]
	return containsAny(strings.ToLower(line), r.need) && r.re.MatchString(line)
}

// captionRule is the index in lineRules of the "(AP Photo/...)" caption rule.
var captionRule = func() int {
	for i, r := range lineRules {
		if strings.Contains(r.re.String(), `pictured|footage`) {
			return i
		}
	}
	panic("clean: caption rule missing")
}()

func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?\"”’»", r)
}

func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		sp := unicode.IsSpace(r)
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// splitSep splits a line at spaces and the separators menus use.
func splitSep(line string) []string {
	return strings.FieldsFunc(line, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("|•·/,;", r)
	})
}

// isLanguageList reports a line of three or more language names ("English | Español | Русский").
func isLanguageList(line string) bool {
	f := splitSep(strings.ToLower(line))
	if len(f) < 3 || len(f) > 60 {
		return false
	}
	hit := 0
	for _, w := range f {
		if languageNames[strings.Trim(w, "()[]:")] {
			hit++
		}
	}
	return hit >= 3 && hit*10 >= len(f)*8
}

// isShareBar reports a line made only of share-bar words, with at least one network or "share" among them.
func isShareBar(line string) bool {
	f := splitSep(strings.ToLower(line))
	if len(f) == 0 || len(f) > 16 {
		return false
	}
	strong := false
	for _, w := range f {
		w = strings.Trim(w, "()[]:.!")
		if isNumber(w) {
			continue
		}
		if !shareWords[w] {
			return false
		}
		switch w {
		case "share", "поділитися", "поделиться", "поширити", "teilen", "partager", "compartir", "condividi", "udostępnij", "paylaş", "facebook", "twitter", "whatsapp", "linkedin", "telegram", "email", "reddit", "tweet", "pinterest", "messenger", "flipboard", "copy", "print":
			strong = true
		}
	}
	return strong
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// timestampRe is the keyword of a timestamp line ("Updated 9:14 PM EDT, Mon June 2, 2025").
var timestampRe = re(`^(updated|published|posted|last updated|first published|modified|created|date)(\s*:|\s+on|\s+at)?\s+`)

// timeWords may appear in a timestamp line besides numbers.
var timeWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`am pm a.m. p.m. et edt est ct cdt cst pt pdt pst gmt utc bst cet cest eet eest msk kyiv time
		ago hour hours minute minutes min mins day days week weeks at on by | - – — • jan january feb february mar march apr april may
		jun june jul july aug august sep sept september oct october nov november dec december mon monday tue tues tuesday wed
		wednesday thu thurs thursday fri friday sat saturday sun sunday today yesterday`) {
		timeWords[w] = true
	}
}

// isTimestamp reports a line that is a timestamp keyword followed only by a date and time.
func isTimestamp(line string) bool {
	loc := timestampRe.FindStringIndex(line)
	if loc == nil {
		return false
	}
	return onlyTimeWords(line[loc[1]:])
}

// onlyTimeWords reports whether s holds nothing but numbers and the words of dates and times, and at least one
// number: "Thu March 13, 2025 | 6:42 PM".
func onlyTimeWords(s string) bool {
	digits := false
	for _, w := range strings.Fields(strings.ToLower(s)) {
		w = strings.TrimRight(w, ",;")
		if strings.ContainsAny(w, "0123456789") {
			digits = true
			continue
		}
		if !timeWords[w] && !timeWords[strings.TrimSuffix(w, ".")] {
			return false
		}
	}
	return digits
}
