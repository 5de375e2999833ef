package main

import "io"

func evalPlaces(args []string, stdout, stderr io.Writer) int {
	return notImplemented("evalPlaces", stderr)
}
