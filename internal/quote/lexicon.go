package quote

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
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

// Write writes the lexicon as TSV (word, cue, total, after, src), keeping only words seen as a cue or as a
// source head at least minCue times, sorted by word.
func (l Lexicon) Write(w io.Writer, minCue int) error {
	words := make([]string, 0, len(l))
	for k, v := range l {
		if v.Cue >= minCue || v.Src >= minCue {
			words = append(words, k)
		}
	}
	sort.Strings(words)
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# word\tcue\ttotal\tafter\tsrc")
	for _, k := range words {
		v := l[k]
		fmt.Fprintf(bw, "%s\t%d\t%d\t%d\t%d\n", k, v.Cue, v.Total, v.After, v.Src)
	}
	return bw.Flush()
}

// ParseLexicon reads the TSV written by Write.
func ParseLexicon(s string) (Lexicon, error) {
	lex := Lexicon{}
	for n, line := range strings.Split(s, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("cues.tsv:%d: want 5 fields, got %d", n+1, len(f))
		}
		var v [4]int
		for i := range v {
			x, err := strconv.Atoi(f[i+1])
			if err != nil {
				return nil, fmt.Errorf("cues.tsv:%d: %w", n+1, err)
			}
			v[i] = x
		}
		lex[f[0]] = CueStat{Word: f[0], Cue: v[0], Total: v[1], After: v[2], Src: v[3]}
	}
	return lex, nil
}
