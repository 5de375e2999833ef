package main

import "io"

func runTrain(args []string, stdout, stderr io.Writer) int { return notImplemented("runTrain", stderr) }

func runTag(args []string, stdout, stderr io.Writer) int { return notImplemented("runTag", stderr) }

func runBench(args []string, stdout, stderr io.Writer) int { return notImplemented("runBench", stderr) }

func evalNER(args []string, stdout, stderr io.Writer) int { return notImplemented("evalNER", stderr) }
