package conll

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/dataset"
)

func TestRead(t *testing.T) {
	tests := []struct {
		name       string
		in         string
		docs, sent []int // sentences per document, tokens per sentence (flattened)
	}{
		{"marker at end", "A x O\nB y O\n\nC z O\n\n-DOCSTART- -X- O O\n\nD w O\n", []int{2, 1}, []int{2, 1, 1}},
		{"marker at start", "-DOCSTART- -X- O O\n\nA x O\n\n-DOCSTART- -X- O O\n\nB y O\nC y O\n", []int{1, 1}, []int{1, 2}},
		{"no trailing newline", "A O", []int{1}, []int{1}},
		{"blank lines only", "\n\n\n", nil, nil},
		{"tabs and CRLF", "A\tO\r\nB\tI-PER\r\n", []int{1}, []int{2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := Read(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			var nd, ns []int
			for _, d := range docs {
				nd = append(nd, len(d.Sentences))
				for _, s := range d.Sentences {
					ns = append(ns, len(s.Tokens))
				}
			}
			if !reflect.DeepEqual(nd, tt.docs) || !reflect.DeepEqual(ns, tt.sent) {
				t.Errorf("docs %v sentences %v, want %v %v", nd, ns, tt.docs, tt.sent)
			}
		})
	}
}

func TestIOB1ToIOB2(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"single", "I-PER O", "B-PER O"},
		{"continuation", "I-PER I-PER O I-LOC", "B-PER I-PER O B-LOC"},
		{"adjacent same type", "I-ORG B-ORG I-ORG", "B-ORG B-ORG I-ORG"},
		{"type change", "I-ORG I-LOC", "B-ORG B-LOC"},
		{"already IOB2", "B-MISC I-MISC", "B-MISC I-MISC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(IOB1ToIOB2(strings.Fields(tt.in)), " ")
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestChunks(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Chunk
	}{
		{"iob1", "I-PER I-PER O I-LOC", []Chunk{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"iob2 adjacent", "B-ORG B-ORG I-ORG", []Chunk{{0, 1, "ORG"}, {1, 3, "ORG"}}},
		{"bilou", "U-PER B-LOC I-LOC L-LOC O", []Chunk{{0, 1, "PER"}, {1, 4, "LOC"}}},
		{"ends at sentence end", "O B-MISC I-MISC", []Chunk{{1, 3, "MISC"}}},
		{"none", "O O", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Chunks(strings.Fields(tt.in)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCounts(t *testing.T) {
	c := NewCounts()
	// gold: PER(0-1) LOC(3); pred: PER(0-1) ORG(3) MISC(4)
	c.Add(strings.Fields("I-PER I-PER O I-LOC O"), strings.Fields("B-PER I-PER O B-ORG B-MISC"))
	// gold: ORG(0); pred: ORG(0-1) — wrong boundary
	c.Add(strings.Fields("I-ORG O"), strings.Fields("B-ORG I-ORG"))
	o := c.Overall()
	if o.Gold != 3 || o.Pred != 4 || o.Right != 1 {
		t.Fatalf("gold %d pred %d right %d, want 3 4 1", o.Gold, o.Pred, o.Right)
	}
	if c.Tokens != 7 {
		t.Errorf("tokens %d, want 7", c.Tokens)
	}
	if got := c.Type("PER").F1; got != 1 {
		t.Errorf("PER F1 %v, want 1", got)
	}
}

// TestCountsAgreeWithReference scores the same random-ish tagging with our port and the reference script.
func TestCountsAgreeWithReference(t *testing.T) {
	script := dataset.Require(t, "..", "eval", "conlleval.py")
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not found")
	}
	tags := []string{"O", "B-PER", "I-PER", "I-LOC", "B-LOC", "I-ORG", "O", "I-MISC", "B-MISC", "O"}
	var buf bytes.Buffer
	c := NewCounts()
	seed := uint32(7)
	next := func() string { seed = seed*1664525 + 1013904223; return tags[(seed>>16)%uint32(len(tags))] }
	for s := 0; s < 200; s++ {
		n := 1 + s%9
		var g, p []string
		for i := 0; i < n; i++ {
			g = append(g, next())
			p = append(p, next())
			buf.WriteString("w " + g[i] + " " + p[i] + "\n")
		}
		buf.WriteString("\n")
		c.Add(g, p)
	}
	f := filepath.Join(t.TempDir(), "x.conll")
	if err := os.WriteFile(f, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("python3", script, f).CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	var mine bytes.Buffer
	c.Report(&mine)
	ref := string(out)
	for _, line := range strings.Split(strings.TrimSpace(mine.String()), "\n") {
		if !strings.Contains(ref, line) {
			t.Errorf("reference output lacks our line %q\nreference:\n%s", line, ref)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add("EU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\n-DOCSTART- -X- O O\n")
	f.Add("\n\n-X-\n a\tb \r\n")
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := Read(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, d := range docs {
			if len(d.Sentences) == 0 {
				t.Fatal("empty document")
			}
			for _, s := range d.Sentences {
				if len(s.Tokens) == 0 {
					t.Fatal("empty sentence")
				}
				for _, tk := range s.Tokens {
					if len(tk.Cols) == 0 || IsBoundary(tk.Word()) {
						t.Fatalf("bad token %q", tk.Cols)
					}
				}
				Chunks(s.Column(-1))
				NewCounts().Add(s.Column(-1), s.Column(0))
			}
		}
	})
}
