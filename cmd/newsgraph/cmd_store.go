package main

import "io"

func runIngest(args []string, stdout, stderr io.Writer) int {
	return notImplemented("runIngest", stderr)
}

func runSearch(args []string, stdout, stderr io.Writer) int {
	return notImplemented("runSearch", stderr)
}

func runQuotes(args []string, stdout, stderr io.Writer) int {
	return notImplemented("runQuotes", stderr)
}

func runEntities(args []string, stdout, stderr io.Writer) int {
	return notImplemented("runEntities", stderr)
}

func runEntity(args []string, stdout, stderr io.Writer) int {
	return notImplemented("runEntity", stderr)
}

func runTimeline(args []string, stdout, stderr io.Writer) int {
	return notImplemented("runTimeline", stderr)
}

func runServe(args []string, stdout, stderr io.Writer) int { return notImplemented("runServe", stderr) }
