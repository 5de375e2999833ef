// Package warctest writes small WARC files, plain or gzip-compressed record by record as crawls publish them,
// for tests and for the example archive in examples/. It writes the format by hand (WARC/1.1 headers, an
// HTTP response block) so that the reader in internal/source is tested against bytes it did not produce.
package warctest
