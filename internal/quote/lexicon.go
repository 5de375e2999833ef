package quote

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/doc"
)

//go:generate go run ./gen -polnear ../../../shared/data/polnear/train -out cues.tsv

// cuesTSV is the cue lexicon learned from PolNeAR train by ./gen (see README.md in this folder).
//
//go:embed cues.tsv
var cuesTSV string

// CueStat is what the training data says about one lower-cased word form: how often it occurs, how often it
// is (part of) an attribution cue, and how often that attribution's content follows the cue.
type CueStat struct {
	Word              string
	Cue, Total, After int
	// Src counts the occurrences that are the last word of an attribution's source ("spokesman", "officials").
	Src int
	// PCand counts the times the extractor's patterns, run permissively on the training texts, took the word
	// for a cue; PTP how many of those were annotated cues. Their ratio is the word's precision as a cue in
	// context, which decides whether the word counts as a cue (see Config.MinPatternP).
	PCand, PTP int
}

// P returns the fraction of the word's occurrences that are cues.
func (c CueStat) P() float64 {
	if c.Total == 0 {
		return 0
	}
	return float64(c.Cue) / float64(c.Total)
}

// Lexicon maps lower-cased word forms to their cue statistics.
type Lexicon map[string]CueStat

// TrainDoc is one training text with the byte spans of its attributions.
type TrainDoc struct {
	Text string
	// Cues, Contents and Sources are, per attribution, the byte spans [start, end) of its cue, content and
	// source fragments.
	Cues, Contents, Sources [][][2]int
}

// Learn counts, for every word form of the training texts, its occurrences, its occurrences inside a cue
// span, and how many of those have their content after the cue.
func Learn(docs []TrainDoc) Lexicon {
	lex := Lexicon{}
	for _, d := range docs {
		toks := tokenize(d.Text)
		srcEnd := map[int]bool{} // end offsets of source fragments
		for _, srcs := range d.Sources {
			if len(srcs) > 0 {
				srcEnd[srcs[len(srcs)-1][1]] = true
			}
		}
		for _, t := range toks {
			if t.kind != tWord {
				continue
			}
			st := lex[t.low]
			st.Word = t.low
			st.Total++
			if srcEnd[t.e] {
				st.Src++
			}
			for a, cues := range d.Cues {
				hit := false
				for _, c := range cues {
					if t.s < c[1] && c[0] < t.e {
						hit = true
					}
				}
				if hit {
					st.Cue++
					if len(d.Contents[a]) > 0 && d.Contents[a][0][0] >= t.e {
						st.After++
					}
					break
				}
			}
			lex[t.low] = st
		}
	}
	return lex
}

// Write writes the lexicon as TSV (word, cue, total, after, src, pcand, ptp), keeping only words seen as a cue or as a
// source head at least minCue times, sorted by word.
func (l Lexicon) Write(w io.Writer, minCue int) error {
	words := make([]string, 0, len(l))
	for k, v := range l {
		if v.Cue >= minCue || v.Src >= minCue || v.PCand >= minCue {
			words = append(words, k)
		}
	}
	sort.Strings(words)
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# word\tcue\ttotal\tafter\tsrc\tpcand\tptp")
	for _, k := range words {
		v := l[k]
		fmt.Fprintf(bw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\n", k, v.Cue, v.Total, v.After, v.Src, v.PCand, v.PTP)
	}
	return bw.Flush()
}

// CountPatterns runs the extractor permissively (every word seen as a cue counts as one) on documents
// that earlier stages have prepared (text, POS), and records for each cue word how often the patterns fired
// on it (PCand) and how often the fired cue overlaps an annotated cue (PTP). goldCues holds each document's
// annotated cue byte spans. It returns the lexicon with those counts.
func (l Lexicon) CountPatterns(docs []*doc.Document, goldCues [][][2]int) Lexicon {
	x := &Extractor{cfg: Config{Permissive: true}.withDefaults(), lex: l, cues: map[string]bool{}}
	x.buildCues()
	out := Lexicon{}
	for k, v := range l {
		v.PCand, v.PTP = 0, 0
		out[k] = v
	}
	for i, d := range docs {
		for _, q := range x.extract(d) {
			if q.Cue.End <= q.Cue.Start {
				continue
			}
			w := strings.ToLower(d.Text[q.Cue.Start:q.Cue.End])
			if f := strings.Fields(w); len(f) > 0 {
				w = f[0]
			}
			st := out[w]
			st.Word = w
			st.PCand++
			for _, g := range goldCues[i] {
				if q.Cue.Start < g[1] && g[0] < q.Cue.End {
					st.PTP++
					break
				}
			}
			out[w] = st
		}
	}
	return out
}

// ParseLexicon reads the TSV written by Write.
func ParseLexicon(s string) (Lexicon, error) {
	lex := Lexicon{}
	for n, line := range strings.Split(s, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			return nil, fmt.Errorf("cues.tsv:%d: want 7 fields, got %d", n+1, len(f))
		}
		var v [6]int
		for i := range v {
			x, err := strconv.Atoi(f[i+1])
			if err != nil {
				return nil, fmt.Errorf("cues.tsv:%d: %w", n+1, err)
			}
			v[i] = x
		}
		lex[f[0]] = CueStat{Word: f[0], Cue: v[0], Total: v[1], After: v[2], Src: v[3], PCand: v[4], PTP: v[5]}
	}
	return lex, nil
}
