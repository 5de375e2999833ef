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
