package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/doc"
)

func runEval(args []string, stdout, stderr io.Writer) int {
	return subcommand("eval", args, map[string]func([]string, io.Writer, io.Writer) int{
		"ner":       evalNER,
		"sentences": evalSentences,
		"entities":  evalEntities,
		"quotes":    evalQuotes,
		"time":      evalTime,
		"places":    evalPlaces,
	}, stdout, stderr)
}

// minFlag is one --min KEY=VALUE threshold of an eval command.
type minFlag struct {
	key string
	val float64
}

// minFlags is a repeatable --min KEY=VALUE flag; Set rejects a value that is not KEY=NUMBER.
type minFlags []minFlag

func (m *minFlags) String() string { return "" }

func (m *minFlags) Set(s string) error {
	k, v, ok := strings.Cut(s, "=")
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if !ok || err != nil {
		return fmt.Errorf("expected KEY=NUMBER, got %q", s)
	}
	*m = append(*m, minFlag{strings.TrimSpace(k), f})
	return nil
}

// inOrder returns a pipeline.Run input function that yields docs one after another.
func inOrder(docs []*doc.Document) func() (*doc.Document, error, bool) {
	return func() (*doc.Document, error, bool) {
		if len(docs) == 0 {
			return nil, nil, false
		}
		d := docs[0]
		docs = docs[1:]
		return d, nil, true
	}
}

// belowMin reports whether metric key's value got, rounded to 4 places as the eval lines print it, is below
// the --min threshold want; when it is, it says so on stderr for command name ("eval quotes").
func belowMin(name, key string, got, want float64, stderr io.Writer) bool {
	r, _ := strconv.ParseFloat(fmt.Sprintf("%.4f", got), 64)
	if r < want {
		fmt.Fprintf(stderr, "newsgraph %s: %s=%.4f is below --min %g\n", name, key, got, want)
		return true
	}
	return false
}
