package main

import "io"

func evalSentences(args []string, stdout, stderr io.Writer) int {
	return notImplemented("evalSentences", stderr)
}
