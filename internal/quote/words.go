package quote

// Word classes used by the attribution patterns. Hand-written: these are closed classes of English.

var pronouns = set("he", "she", "they", "i", "we", "it", "you", "who", "which")

var personalPronouns = set("he", "she", "him", "her", "his", "hers")

var determiners = set("the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our", "my",
	"your", "one", "another", "some", "many", "several", "two", "three", "four", "other", "both", "most",
	"few", "all", "each", "every", "no", "any", "such")

// npJoins may stand inside a noun phrase: "a spokesman for the campaign", "the secretary of state".
var npJoins = set("of", "for", "at", "de", "van", "von", "al", "bin", "la", "le", "del", "da", "and", "&")

// stopWords end a noun phrase scan: they start clauses or belong to verb groups.
var stopWords = set("that", "which", "and", "but", "or", "because", "if", "when", "while", "as", "so", "than",
	"to", "not", "also", "then", "in", "on", "with", "by", "from", "after", "before", "during", "since", "about",
	"is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would", "could", "should", "can",
	"may", "might", "must", "do", "does", "did", "what", "how", "why", "where", "there", "here", "even", "just",
	"only", "still", "yet", "into", "over", "under", "against", "between", "through", "without", "up", "out",
	"now", "ago", "who", "whom", "whose", "it", "they", "he", "she", "we", "i", "you", "him", "them", "us",
	"me", "once", "again", "never", "always", "already", "too", "very", "said", "says", "say", "told")

// auxWords may stand between a subject and its cue: "Trump has repeatedly said".
var auxWords = set("has", "have", "had", "also", "later", "then", "once", "will", "would", "previously",
	"earlier", "often", "again", "first", "recently", "last", "week", "yesterday", "today", "monday",
	"tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "is", "was", "were", "are", "been",
	"being", "had", "may", "might", "could", "can", "did", "does", "do", "not", "never", "always", "still",
	"even", "just", "now", "further", "further,", "both", "all")

// objVerbs take an object before their content: "told reporters that", "warned Congress that".
var objVerbs = set("told", "tells", "tell", "telling", "warned", "warns", "warning", "asked", "asks", "urged",
	"urges", "reminded", "reminds", "assured", "assures", "informed", "informs", "promised", "promises",
	"advised", "advises", "convinced", "notified", "briefed", "accused", "accuses", "accusing", "called",
	"calls", "calling", "thanked", "praised", "blamed", "criticized", "attacked", "slammed", "blasted")

// baseCues are cue words that the patterns accept whatever the learned lexicon says.
var baseCues = set("said", "says", "say", "saying", "told", "tells", "tell", "telling", "added", "adds", "adding",
	"stated", "states", "wrote", "writes", "posted", "tweeted", "tweets", "explained", "explains", "noted",
	"argued", "argues", "claimed", "insisted", "insists", "warned", "warns", "emphasized", "stressed",
	"asserted", "declared", "announced", "acknowledged", "admitted", "conceded", "recalled",
	"replied", "responded", "answered", "asked", "suggested", "predicted", "vowed", "pledged", "promised",
	"contended", "maintained", "observed", "remarked", "reported", "according", "testified",
	"confirmed", "denied", "complained", "joked", "quipped", "countered", "cautioned", "concluded", "agreed")

// mannerCues are verbs of speaking (and "read", of a text) that attribute a quotation beside its marks
// but are too rare in the training data to be learned as cues: "“...,” she yells", "the letter read".
var mannerCues = set("yell", "yells", "yelled", "shout", "shouts", "shouted", "scream", "screams", "screamed",
	"whisper", "whispers", "whispered", "mutter", "mutters", "muttered", "sing", "sings", "sang", "chant",
	"chants", "chanted", "cried", "exclaimed", "exclaims", "read", "reads", "continued", "continues")

// lyNouns are nouns in -ly that may end a source ("a spokesman for the family said").
var lyNouns = set("family", "ally", "assembly", "rally", "supply", "monopoly", "bully")

// clauseLinks open a clause of time or manner after an attribution: "she yelled as she ran".
var clauseLinks = set("as", "while", "when", "before", "after")

// nominalCues head a nominal attribution: "X's claim that", "the report's finding that".
var nominalCues = set("claim", "statement", "assertion", "argument", "warning", "promise", "pledge", "view",
	"belief", "suggestion", "charge", "contention", "insistence", "allegation", "accusation", "remarks", "comments")

// notSpeakers look like capitalised subjects but never speak: sentence-initial adverbs and the like.
var notSpeakers = set("but", "and", "so", "yet", "still", "however", "meanwhile", "instead", "also", "then",
	"now", "today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "in", "on",
	"at", "when", "while", "as", "after", "before", "if", "that", "this", "there", "here", "what", "asked",
	"update", "note", "photo", "video", "watch", "related", "read", "abstract", "full", "text", "editor’s",
	"editor's", "correction", "clarification", "subscribe", "advertisement", "although", "though", "because",
	"unless", "since", "until", "whether", "whereas", "for", "with", "by", "from", "during", "under")

// subjPreps start the phrases that may stand between a subject and its verb: "a poll in late August found".
var subjPreps = set("in", "on", "at", "during", "since", "after", "before", "over", "from", "through", "until",
	"last", "earlier")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// invEnd may follow an inverted subject: "said Trump in a statement", "said Trump, who".
var invEnd = set("in", "on", "at", "during", "who", "whose", "after", "before", "when", "while", "to", "from",
	"about", "of", "last", "this", "on", "as", "and", "but", "via", "earlier", "later", "recently", "told", "adding")

// callVerbs name or label their object: a quotation after their object is a label, not the whole content.
var callVerbs = set("called", "calls", "call", "calling", "dubbed", "dubs", "labeled", "labels", "labelled",
	"termed", "terms", "described", "describes", "describing", "branded", "brands", "deemed", "named")

// timeNouns end time phrases that may stand between a subject and its verb: "this month", "last week".
var timeNouns = set("week", "month", "year", "weekend", "morning", "afternoon", "evening", "night", "spring",
	"summer", "fall", "autumn", "winter", "time", "season", "term")
