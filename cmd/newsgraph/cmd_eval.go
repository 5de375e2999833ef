package main

import "io"

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
