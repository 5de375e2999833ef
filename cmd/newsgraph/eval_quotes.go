package main

import "io"

func evalQuotes(args []string, stdout, stderr io.Writer) int {
	return notImplemented("evalQuotes", stderr)
}
