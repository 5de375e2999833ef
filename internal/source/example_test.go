package source_test

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/source"
)

// ExampleWalk reads a JSON Lines file and a WARC archive from the examples folder.
func ExampleWalk() {
	inputs := []string{"../../examples/briefs.jsonl", "../../examples/crawl.warc.gz"}
	source.Walk(context.Background(), inputs, source.Options{}, func(d *doc.Document, err error) error {
		if err != nil {
			fmt.Println("error:", err)
			return nil
		}
		fmt.Println(filepath.Base(d.Source), d.Format, d.ID, d.URL)
		return nil
	})
	// Output:
	// briefs.jsonl:1 text a9e2385a6fd07647 https://wire.example/2025/11/24/geneva-talks
	// briefs.jsonl:2 html 57afd6fb81c00d9a https://capitolreport.example/politics/senate-ukraine-aid-vote
	// briefs.jsonl:3 text 4ec159289a811a5c https://wire.example/2025/09/02/macron-starmer-coalition
	// crawl.warc.gz#record-3 html 6ba0957774a9255b https://www.atlanticledger.example/world/2025/12/03/rubio-nato-spending
	// crawl.warc.gz#record-5 html 34a32b46f7c01fbe https://europedesk.example/2025/05/20/kallas-sanctions-just-peace
}
