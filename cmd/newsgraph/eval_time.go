package main

import "io"

func evalTime(args []string, stdout, stderr io.Writer) int { return notImplemented("evalTime", stderr) }

func runTimeML(args []string, stdout, stderr io.Writer) int {
	return notImplemented("runTimeML", stderr)
}
