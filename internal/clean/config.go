package clean

// Config configures the cleaner. The zero value works.
type Config struct {
	// Published is the publication date used when the input carries none (ISO 8601).
	Published string
	// URL is the article URL used when the input carries none.
	URL string
	// HTMLFallback also runs go-readability and go-domdistiller on HTML and keeps the best extraction, as
	// trafilatura's EnableFallback does: better recall on unusual pages, about twice as slow.
	HTMLFallback bool
	// KeepFurniture turns off page-furniture removal for plain text (whitespace and Unicode are still
	// normalised).
	KeepFurniture bool
}
