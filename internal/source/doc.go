// Package source reads articles from files, directories, standard input, JSON Lines and WARC archives, and
// yields each as a raw doc.Document for the clean stage.
//
// Each Document gets Raw (the article as read, at most Options.MaxBytes after decompression), Format ("html"
// or "text"), Source (the path; "path:line" for JSON Lines; "path#record-N" for WARC; "-" for standard input),
// URL, Title and Published when the input carries them, and a stable ID (see ID).
//
// The reader is chosen by the file extension (.txt, .html, .htm, .jsonl, .warc, any of them followed by .gz)
// and confirmed by sniffing the content: gzip is recognised by its magic number whatever the name, a WARC
// by its version line, HTML by its first tags; a file without a known extension is read as what its content
// looks like. WARC files are read with github.com/nlnwa/gowarc.
//
// Bad input never stops the walk: an empty, binary, truncated, oversized or unreadable input, or a bad JSON
// Lines line, is reported once as an *Error naming it, and the next input is read.
package source
