// Package clean is the first pipeline stage: it turns a raw article (doc.Document.Raw, as HTML or scraped
// plain text) into clean article text with its metadata and language.
//
// It reads Raw, Format, URL, Title and Published as the source readers set them, and sets:
//
//   - Text: the article body, valid UTF-8 in Unicode NFC, with paragraphs separated by one blank line and
//     quotation marks kept as written;
//   - Removed: the page furniture dropped from plain text (language pickers, share and follow prompts,
//     "Advertisement", cookie notices, "Read also:" lines, photo credits, bylines, newsletter prompts ...);
//   - Title, Author, SiteName, URL and Published from the page metadata (JSON-LD, OpenGraph, meta tags) when
//     the input did not carry them, and PublishedAt parsed from Published; for scraped text, the headline
//     line, the names of the removed byline and the date of a removed timestamp line stand in for metadata;
//   - Language: an ISO 639-1 code, or "und" when unsure;
//   - Warnings: repaired encodings and unparseable dates.
//
// HTML goes through go-trafilatura (a port of Adrien Barbaresi's trafilatura). Plain text goes through a
// line-based furniture filter whose patterns are conservative: a line that reads as reported speech is never
// dropped, and on the PolNeAR articles (train and dev) no removed line touches a gold attribution. The
// patterns cover English and the commonest prompts in Ukrainian, Russian, German, French, Spanish, Italian
// and Polish. Language identification uses whatlanggo's trigram profiles, with a letter check that
// tells Ukrainian from Russian and Belarusian.
//
// After this stage no other stage changes Text.
package clean
