package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// ErrNotFound is returned (wrapped) when a document or entity does not exist.
var ErrNotFound = errors.New("not found")

// InvalidError reports a query the caller got wrong: a bad date, an empty search, a malformed cursor.
// Servers answer it with 400 and its message.
type InvalidError struct {
	Field  string // the parameter at fault, e.g. "since"
	Reason string
}

func (e *InvalidError) Error() string { return fmt.Sprintf("invalid %s: %s", e.Field, e.Reason) }

// Invalid returns an *InvalidError.
func Invalid(field, format string, args ...any) error {
	return &InvalidError{Field: field, Reason: fmt.Sprintf(format, args...)}
}

// IsInvalid reports whether err is (or wraps) an *InvalidError.
func IsInvalid(err error) bool {
	var e *InvalidError
	return errors.As(err, &e)
}

// DefaultLimit is the page size when a query leaves Limit at 0; MaxLimit is the largest page a store returns
// (larger limits are capped).
const (
	DefaultLimit = 20
	MaxLimit     = 1000
)

// Store is the knowledge base. Implementations are safe for concurrent use; writes may be serialised.
type Store interface {
	Writer
	Reader
	Explorer
	// Close releases the store. A store opened read-only never writes.
	Close() error
}

// Writer adds and replaces documents.
type Writer interface {
	// Has reports whether a document with this id is stored.
	Has(ctx context.Context, id string) (bool, error)
	// Put stores docs in one transaction: either all of them are stored, with everything extracted from them,
	// or none is. A document whose id is already stored replaces the stored one (its mentions, quotes ... and
	// its share of the cross-document entity counts are removed first).
	Put(ctx context.Context, docs []*doc.Document) error
	// Stored returns up to limit stored documents with id > after, in id order, with their metadata and
	// cleaned text but no annotations: the input for re-running the extractors.
	Stored(ctx context.Context, after string, limit int) ([]*doc.Document, error)
}

// Reader answers queries.
type Reader interface {
	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)
	// Document returns the stored document encoded as schema newsgraph/1.
	Document(ctx context.Context, id string) (json.RawMessage, error)
	// Documents lists documents, newest first.
	Documents(ctx context.Context, q DocumentQuery) (Page[DocumentSummary], error)
	// Search finds articles (or quotations, with In == "quotes") matching a full-text query.
	Search(ctx context.Context, q SearchQuery) (Page[SearchHit], error)
	// Entities lists cross-document entities by number of mentions.
	Entities(ctx context.Context, q EntityQuery) (Page[Entity], error)
	// Resolve finds the entity a user means by a key or a name; ErrNotFound when none matches.
	Resolve(ctx context.Context, nameOrKey string) (Entity, error)
	// Profile describes one entity (by key or name).
	Profile(ctx context.Context, nameOrKey string) (Profile, error)
	// Quotes lists quotations, newest first.
	Quotes(ctx context.Context, q QuoteQuery) (Page[Quote], error)
	// Timeline lists dated items (articles, quotations, events) in date order.
	Timeline(ctx context.Context, q TimelineQuery) (Page[TimelineItem], error)
}

// Page is one page of results. Next is the cursor for the following page, "" on the last page.
type Page[T any] struct {
	Items []T    `json:"items"`
	Next  string `json:"next,omitempty"`
}

// MarshalJSON writes a page without items as "items": [] (never null), as the API describes it.
func (p Page[T]) MarshalJSON() ([]byte, error) {
	items := p.Items
	if items == nil {
		items = []T{}
	}
	return json.Marshal(struct {
		Items []T    `json:"items"`
		Next  string `json:"next,omitempty"`
	}{items, p.Next})
}

// Stats counts what is stored.
type Stats struct {
	Documents int64 `json:"documents"`
	Entities  int64 `json:"entities"`
	Mentions  int64 `json:"mentions"`
	Quotes    int64 `json:"quotes"`
	Times     int64 `json:"times"`
	Places    int64 `json:"places"`
	Events    int64 `json:"events"`
	Words     int64 `json:"words"`
}

// Dates bound a query to publication dates: Since and Until are ISO 8601 dates (YYYY-MM-DD) and inclusive;
// either may be empty.
type Dates struct {
	Since string
	Until string
}

// DocumentQuery filters the document list.
type DocumentQuery struct {
	Entity string // entity key or name: only documents that mention it
	Dates
	Limit  int
	Cursor string
}

// DocumentSummary is one row of the document list.
type DocumentSummary struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"`
	Language  string `json:"language"`
	Words     int    `json:"words"`
	Entities  int    `json:"entities"`
	Quotes    int    `json:"quotes"`
}

// SearchQuery is a full-text query. Text is what the user typed: words (all must match), "quoted phrases",
// prefix* terms and OR between alternatives; anything else is taken literally, never as query syntax.
type SearchQuery struct {
	Text string
	In   string // "articles" (default) or "quotes"
	Dates
	Limit  int
	Cursor string
}

// SearchHit is one matching article or quotation. Snippet marks the matched words with ⟦ and ⟧.
type SearchHit struct {
	Kind      string `json:"kind"` // "article" or "quote"
	Document  string `json:"document"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	Snippet   string `json:"snippet"`
	Quote     *Quote `json:"quote,omitempty"`
}

// Snippet highlight marks.
const (
	MarkStart = "⟦"
	MarkEnd   = "⟧"
)

// EntityQuery filters the entity list.
type EntityQuery struct {
	Type   string // PERSON, ORG, LOC or MISC; empty for all
	Name   string // only entities with a name or alias starting with this (case and diacritics folded)
	Limit  int
	Cursor string
}

// Entity is one cross-document entity: every document's entities with the same key are one row.
type Entity struct {
	Key       string     `json:"key"`
	Type      string     `json:"type"`
	Name      string     `json:"name"`
	Names     []Count    `json:"names,omitempty"`
	Titles    []Count    `json:"titles,omitempty"`
	Countries []Count    `json:"countries,omitempty"`
	Orgs      []Count    `json:"orgs,omitempty"`
	FirstSeen string     `json:"first_seen,omitempty"`
	LastSeen  string     `json:"last_seen,omitempty"`
	Documents int64      `json:"documents"`
	Mentions  int64      `json:"mentions"`
	Quotes    int64      `json:"quotes"`
	Place     *doc.Place `json:"place,omitempty"`
}

// Count is a value and how often it was seen.
type Count struct {
	Value string `json:"value"`
	N     int64  `json:"n"`
}

// Profile is everything known about one entity.
type Profile struct {
	Entity
	// CoOccurring are the entities that share the most documents with this one (counted over its
	// ProfileWindow most recent documents).
	CoOccurring     []CoOccurrence    `json:"co_occurring"`
	LatestQuotes    []Quote           `json:"latest_quotes"`
	Places          []PlaceCount      `json:"places"`
	LatestDocuments []DocumentSummary `json:"latest_documents"`
}

// ProfileWindow is how many of an entity's most recent documents a profile's co-occurrence and place counts
// look at, so that a profile stays fast for entities mentioned in every article.
const ProfileWindow = 200

// CoOccurrence is an entity and the number of documents it shares.
type CoOccurrence struct {
	Key       string `json:"key"`
	Type      string `json:"type"`
	Name      string `json:"name"`
	Documents int64  `json:"documents"`
}

// PlaceCount is a resolved place mentioned in an entity's documents.
type PlaceCount struct {
	doc.Place
	Key       string `json:"key"`
	Documents int64  `json:"documents"`
}

// QuoteQuery filters quotations.
type QuoteQuery struct {
	Speaker string // entity key or name
	About   string // full-text query over the quotation content
	Dates
	Limit  int
	Cursor string
}

// Quote is one stored quotation with its speaker and document. Offsets are code points.
type Quote struct {
	Document    string    `json:"document"`
	ID          string    `json:"id"`
	Kind        string    `json:"kind"`
	Content     doc.Span  `json:"content"`
	Cue         doc.Span  `json:"cue"`
	Source      *doc.Span `json:"source,omitempty"`
	SpeakerKey  string    `json:"speaker_key,omitempty"`
	SpeakerName string    `json:"speaker_name,omitempty"`
	Published   string    `json:"published,omitempty"`
	Title       string    `json:"title,omitempty"`
}

// TimelineQuery filters the timeline.
type TimelineQuery struct {
	Entity string // entity key or name
	About  string // full-text query over article text
	Dates
	Limit  int
	Cursor string
}

// TimelineItem is one dated item: an article, a quotation or an event.
type TimelineItem struct {
	Date     string `json:"date"` // YYYY-MM-DD
	Kind     string `json:"kind"` // "article", "quote" or "event"
	Document string `json:"document"`
	Title    string `json:"title,omitempty"`
	Text     string `json:"text"`
	Speaker  string `json:"speaker,omitempty"` // quotes: speaker name
	Code     string `json:"code,omitempty"`    // events: CAMEO code
}
