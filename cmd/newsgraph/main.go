// Command newsgraph turns news articles into a knowledge base of who said and did what, to whom, where and
// when. This package only parses flags and wires the stages; the work is done in internal/.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strings"
)

// command is one subcommand. run gets the arguments after the command name and returns the exit status.
type command struct {
	name, usage, summary string
	run                  func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"extract", "extract [flags] INPUT...", "run the pipeline and print one schema newsgraph/1 document per article", runExtract},
		{"ingest", "ingest [--db PATH] [--reprocess] INPUT...", "run the pipeline and store the documents", runIngest},
		{"search", "search [--db PATH] QUERY", "full-text search over articles and quotations", runSearch},
		{"quotes", "quotes [--speaker NAME|KEY] [--about QUERY] [--since DATE] [--until DATE]", "list stored quotations", runQuotes},
		{"entities", "entities [--type T] [--top N]", "list stored entities by mentions", runEntities},
		{"entity", "entity NAME|KEY", "profile of one entity", runEntity},
		{"timeline", "timeline [--entity NAME|KEY] [--about QUERY]", "dated items in order", runTimeline},
		{"serve", "serve [--addr 127.0.0.1:8080] [--db PATH]", "serve the JSON API and the web page", runServe},
		{"train", "train ner|pos|lexicon|quotes --train FILE --dev FILE --out FILE", "train a model", runTrain},
		{"tag", "tag --conll", "tag CoNLL columns on stdin, appending a predicted IOB column", runTag},
		{"eval", "eval ner|sentences|entities|quotes|time|places ...", "score an extractor on public gold data", runEval},
		{"timeml", "timeml [--out DIR] INPUT...", "write TimeML with our TIMEX3 tags", runTimeML},
		{"bench", "bench ner|pipeline ...", "measure speed against a peer", runBench},
		{"version", "version", "print the version", runVersion},
		{"help", "help [COMMAND]", "show help", nil},
	}
}

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		return help(args, stdout, stderr)
	}
	for _, c := range commands() {
		if c.name == args[0] && c.run != nil {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "newsgraph: unknown command %q (see 'newsgraph help')\n", args[0])
	return 2
}

func help(args []string, stdout, stderr io.Writer) int {
	if len(args) > 1 {
		for _, c := range commands() {
			if c.name == args[1] && c.run != nil {
				return c.run([]string{"-h"}, stdout, stderr)
			}
		}
	}
	fmt.Fprintln(stdout, "newsgraph turns news articles into a knowledge base of who said and did what, to whom, where and when.")
	fmt.Fprintln(stdout, "\nUsage:\n  newsgraph COMMAND [flags] [args]\n\nCommands:")
	cs := commands()
	for _, c := range cs {
		fmt.Fprintf(stdout, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(stdout, "\nRun 'newsgraph help COMMAND' for a command's flags.")
	return 0
}

// version is set by -ldflags "-X main.version=..."; otherwise it comes from the build info.
var version = ""

func runVersion(args []string, stdout, stderr io.Writer) int {
	v := version
	if v == "" {
		v = "devel"
		if bi, ok := debug.ReadBuildInfo(); ok {
			var rev, dirty string
			for _, s := range bi.Settings {
				switch s.Key {
				case "vcs.revision":
					rev = s.Value
				case "vcs.modified":
					if s.Value == "true" {
						dirty = "+dirty"
					}
				}
			}
			if rev != "" {
				v += " " + rev[:min(12, len(rev))] + dirty
			}
		}
	}
	fmt.Fprintf(stdout, "newsgraph %s\n", v)
	return 0
}

// subcommand dispatches "NAME SUB args" to one of subs.
func subcommand(name string, args []string, subs map[string]func([]string, io.Writer, io.Writer) int, stdout, stderr io.Writer) int {
	keys := make([]string, 0, len(subs))
	for k := range subs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(args) == 0 || subs[args[0]] == nil {
		fmt.Fprintf(stderr, "newsgraph %s: want one of %s\n", name, strings.Join(keys, ", "))
		return 2
	}
	return subs[args[0]](args[1:], stdout, stderr)
}
