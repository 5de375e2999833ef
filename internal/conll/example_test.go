package conll_test

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/internal/conll"
)

func ExampleRead() {
	in := "EU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\ncall NN I-NP O\n\n-DOCSTART- -X- O O\n"
	docs, _ := conll.Read(strings.NewReader(in))
	s := docs[0].Sentences[0]
	fmt.Println(s.Words())
	fmt.Println(conll.Chunks(conll.IOB1ToIOB2(s.Column(-1))))
	// Output:
	// [EU rejects German call]
	// [{0 1 ORG} {2 3 MISC}]
}
