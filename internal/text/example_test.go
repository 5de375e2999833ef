package text_test

import (
	"fmt"

	"github.com/newsgraph/newsgraph/internal/text"
)

func ExampleSegment() {
	r := text.Segment("“BIG PROGRESS ON RUSSIA. STAY TUNED!” Trump wrote. Gen. Kellogg didn't comment.")
	for _, s := range r.Sentences {
		fmt.Print("[")
		for i, t := range r.Tokens[s.TokStart:s.TokEnd] {
			if i > 0 {
				fmt.Print(" ")
			}
			fmt.Print(t.Text)
		}
		fmt.Println("]")
	}
	// Output:
	// [“ BIG PROGRESS ON RUSSIA .]
	// [STAY TUNED ! ”]
	// [Trump wrote .]
	// [Gen. Kellogg did n't comment .]
}
