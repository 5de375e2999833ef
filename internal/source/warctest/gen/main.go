// Command gen writes examples/crawl.warc.gz from the HTML examples, as a news crawl would store them:
//
//	go run ./internal/source/warctest/gen
//
// It adds a request record and a 404 response, which the reader must skip.
package main

import (
	"bytes"
	"log"
	"os"

	"github.com/newsgraph/newsgraph/internal/source/warctest"
)

func main() {
	read := func(name string) string {
		b, err := os.ReadFile("examples/" + name)
		if err != nil {
			log.Fatal(err)
		}
		return string(b)
	}
	var buf bytes.Buffer
	err := warctest.Write(&buf, true,
		warctest.Record{Type: "request", URI: "https://www.atlanticledger.example/world/2025/12/03/rubio-nato-spending", Date: "2025-12-03T18:02:11Z",
			Body: "GET /world/2025/12/03/rubio-nato-spending HTTP/1.1\r\nHost: www.atlanticledger.example\r\n\r\n"},
		warctest.Record{URI: "https://www.atlanticledger.example/world/2025/12/03/rubio-nato-spending", Date: "2025-12-03T18:02:12Z", Body: read("rubio-nato-summit.html")},
		warctest.Record{URI: "https://europedesk.example/missing", Date: "2025-12-03T18:02:13Z", Status: 404, Body: "<html><body>Not found</body></html>"},
		warctest.Record{URI: "https://europedesk.example/2025/05/20/kallas-sanctions-just-peace", Date: "2025-05-21T06:00:00Z", Body: read("kallas-sanctions.html")},
	)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("examples/crawl.warc.gz", buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}
