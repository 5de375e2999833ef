// Package doc defines the Document that every pipeline stage reads and annotates, and its JSON encoding as
// schema newsgraph/1 (docs/schema/document.schema.json).
//
// In memory every offset is a byte offset into Document.Text, so that stages can slice the text directly.
// The JSON encoding converts every span to half-open code point offsets, as the schema requires, and decoding
// converts them back; nothing outside this package needs to know about code points.
package doc

import "time"

// Schema is the value of the "schema" field of every encoded document.
const Schema = "newsgraph/1"

// Span is a half-open [Start, End) range of Document.Text. Text, when set, equals Document.Text[Start:End].
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text,omitempty"`
}

// Len returns the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Document is one article and everything extracted from it.
//
// The exported JSON fields follow schema newsgraph/1. Fields tagged `json:"-"` are working annotations shared
// between stages (tokens, tagged names); they are never encoded.
type Document struct {
	ID        string   `json:"id"`
	URL       string   `json:"url,omitempty"`
	Source    string   `json:"source,omitempty"`
	Title     string   `json:"title,omitempty"`
	Author    string   `json:"author,omitempty"`
	SiteName  string   `json:"site_name,omitempty"`
	Published string   `json:"published,omitempty"`
	Language  string   `json:"language"`
	Text      string   `json:"text"`
	Removed   []string `json:"removed,omitempty"`
	Sentences []Span   `json:"sentences,omitempty"`
	Entities  []Entity `json:"entities"`
	Quotes    []Quote  `json:"quotes"`
	Times     []Time   `json:"times"`
	Places    []Place  `json:"places"`
	Events    []Event  `json:"events"`
	Warnings  []string `json:"warnings,omitempty"`

	// Raw is the input as read, before cleaning; Format says how to read it ("html" or "text").
	Raw    []byte `json:"-"`
	Format string `json:"-"`
	// PublishedAt is Published parsed, zero when unknown. Relative dates resolve against it.
	PublishedAt time.Time `json:"-"`
	// Paragraphs are the blank-line separated blocks of Text.
	Paragraphs []Span `json:"-"`
	// Sents are the sentences with their token ranges; Sentences above is only filled for output (--sentences).
	Sents []Sentence `json:"-"`
	// Tokens are the Penn Treebank style tokens of Text, in order.
	Tokens []Token `json:"-"`
	// Names are the named-entity mentions found by the tagger, in text order, before grouping into entities.
	Names []Name `json:"-"`
}

// Sentence is a sentence of Text and the half-open range [TokStart, TokEnd) of its tokens in Document.Tokens.
type Sentence struct {
	Span
	TokStart, TokEnd int
	// Paragraph is the index of the paragraph the sentence belongs to.
	Paragraph int
}

// Token is one token: its span of Text, its normalised form and its annotations.
type Token struct {
	Start, End int
	// Text is the token as written, Text == Document.Text[Start:End] unless Norm says otherwise.
	Text string
	// Norm is the form the tagger sees (e.g. "``" for an opening quote); empty means Text.
	Norm string
	// POS is the Penn Treebank part-of-speech tag, set by the POS stage.
	POS string
	// SpaceBefore reports whether whitespace precedes the token.
	SpaceBefore bool
}

// Name is one named-entity mention found by the tagger.
type Name struct {
	Span
	// Type is PER, ORG, LOC or MISC (CoNLL types).
	Type string
	// TokStart, TokEnd is the half-open token range of the mention.
	TokStart, TokEnd int
}

// Entity is a real-world person, organization, place or other named thing mentioned in the document.
type Entity struct {
	ID       string    `json:"id"`
	Type     string    `json:"type"` // PERSON, ORG, LOC or MISC
	Name     string    `json:"name"`
	Key      string    `json:"key"`
	Aliases  []string  `json:"aliases,omitempty"`
	Titles   []string  `json:"titles,omitempty"`
	Country  string    `json:"country,omitempty"`
	Org      string    `json:"org,omitempty"`
	Mentions []Mention `json:"mentions"`
}

// Mention kinds.
const (
	KindName    = "name"
	KindTitle   = "title"
	KindPronoun = "pronoun"
	KindDemonym = "demonym"
)

// Mention is one place in the text that refers to an entity.
type Mention struct {
	Span
	Kind string `json:"kind,omitempty"`
}

// Quote kinds.
const (
	Direct   = "direct"
	Indirect = "indirect"
	Mixed    = "mixed"
)

// Quote is an attribution: what was said (Content), the cue that signals it, who said it.
type Quote struct {
	ID      string  `json:"id"`
	Kind    string  `json:"kind"`
	Content Span    `json:"content"`
	Cue     Span    `json:"cue"`
	Source  *Span   `json:"source,omitempty"`
	Speaker *string `json:"speaker"`
}

// Time is a TIMEX3 time expression with its normalised value.
type Time struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"` // DATE, TIME, DURATION or SET
	Value string `json:"value"`
}

// Place is the gazetteer entry a LOC entity resolves to.
type Place struct {
	Entity     string  `json:"entity"`
	Name       string  `json:"name"`
	GeonameID  int     `json:"geonameid,omitempty"`
	Feature    string  `json:"feature,omitempty"`
	Country    string  `json:"country,omitempty"`
	Admin1     string  `json:"admin1,omitempty"`
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	Confidence float64 `json:"confidence,omitempty"`
}

// Event is a CAMEO-coded event.
type Event struct {
	ID       string   `json:"id"`
	Code     string   `json:"code"`
	Label    string   `json:"label,omitempty"`
	Trigger  Span     `json:"trigger"`
	Source   []string `json:"source,omitempty"`
	Target   []string `json:"target,omitempty"`
	Place    *string  `json:"place,omitempty"`
	Time     *int     `json:"time,omitempty"`
	Date     string   `json:"date,omitempty"`
	Negated  bool     `json:"negated,omitempty"`
	Modality string   `json:"modality,omitempty"`
}

// Warn appends a warning to the document.
func (d *Document) Warn(msg string) { d.Warnings = append(d.Warnings, msg) }

// Slice returns Text[s.Start:s.End], or "" when the span is out of bounds.
func (d *Document) Slice(s Span) string {
	if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
		return ""
	}
	return d.Text[s.Start:s.End]
}

// IsEnglish reports whether the English-only extractors should run: the language is English or unknown.
func (d *Document) IsEnglish() bool {
	return d.Language == "en" || d.Language == "und" || d.Language == ""
}
