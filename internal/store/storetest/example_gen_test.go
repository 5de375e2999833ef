package storetest

import "fmt"

func ExampleGenerator() {
	g := NewGenerator(1, 100)
	d := g.Next()
	fmt.Println(d.ID, d.Published[:10], len(d.Entities) >= 3, len(d.Quotes) > 0)
	// Output: gen00000000 2024-01-01 true true
}
