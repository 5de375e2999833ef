package main

import "io"

func evalEntities(args []string, stdout, stderr io.Writer) int {
	return notImplemented("evalEntities", stderr)
}
