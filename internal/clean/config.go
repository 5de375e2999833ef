package clean

// Config configures the cleaner. The zero value works.
type Config struct {
	// Published is the publication date used when the input carries none (ISO 8601).
	Published string
	// URL is the article URL used when the input carries none.
	URL string
}
