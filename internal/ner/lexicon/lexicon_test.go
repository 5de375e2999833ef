package lexicon

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestCasing(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"london", CaseLower}, {"London", CaseTitle}, {"NATO", CaseUpper}, {"iPhone", CaseMixed},
		{"McDonald", CaseMixed}, {"1996", CaseNone}, {"", CaseNone}, {"Élysée", CaseTitle}, {"北京", CaseNone},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Casing(tt.in); got != tt.want {
				t.Errorf("Casing(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestShape(t *testing.T) {
	tests := []struct{ in, shape, short string }{
		{"Leicestershire", "Xxxx", "Xx"},
		{"1996-08-30", "ddd-dd-d", "d-d-d"},
		{"U.S.", "X.X.", "X.X."},
		{"McDonald's", "XxXxxx'x", "XxXx'x"},
		{"Москва", "Xxxx", "Xx"},
		{"", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := string(Shape(tt.in, nil)); got != tt.shape {
				t.Errorf("Shape = %q, want %q", got, tt.shape)
			}
			if got := string(ShortShape(tt.in, nil)); got != tt.short {
				t.Errorf("ShortShape = %q, want %q", got, tt.short)
			}
		})
	}
}

func TestAllCaps(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"BIG PROGRESS ON RUSSIA . STAY TUNED !", true},
		{"LEICESTERSHIRE TAKE OVER AT TOP", true},
		{"NATO and the EU met in Brussels", false},
		{"NATO", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := AllCaps(strings.Fields(tt.in)); got != tt.want {
				t.Errorf("AllCaps = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	lex := New(map[string]Entry{"big": {Form: "big"}, "progress": {Form: "progress"}, "on": {Form: "on"}, "russia": {Form: "Russia"}})
	got, caps := lex.Normalize(strings.Fields("BIG PROGRESS ON RUSSIA WITH PUTIN"), map[string]string{"putin": "Putin"}, nil)
	if !caps {
		t.Fatal("not seen as shouted")
	}
	if want := strings.Fields("big progress on Russia WITH Putin"); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	in := strings.Fields("The UN met")
	if got, caps := lex.Normalize(in, nil, nil); caps || !reflect.DeepEqual(got, in) {
		t.Errorf("normal sentence changed: %q %v", got, caps)
	}
}

func TestCounterAndRoundTrip(t *testing.T) {
	c := NewCounter()
	c.Add(strings.Fields("The talks in London ended ."))
	c.Add(strings.Fields("London said the talks ended ."))
	c.Add(strings.Fields("TALKS IN LONDON"))
	m, keys := c.Entries(2)
	if m["london"].Form != "London" || m["the"].Form != "the" || m["talks"].Form != "talks" {
		t.Errorf("entries %v", m)
	}
	if keys[0] != "london" && keys[0] != "talks" {
		t.Errorf("most frequent first: %v", keys)
	}
	ClusterWords([][]string{strings.Fields("a b a b a b")}, m, 1, 2)
	var buf bytes.Buffer
	if err := New(m).Write(&buf, keys); err != nil {
		t.Fatal(err)
	}
	l2, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		e, _ := l2.Lookup(k)
		if e != m[k] {
			t.Errorf("%s: %+v after round trip, want %+v", k, e, m[k])
		}
	}
}

func TestClusterSeparatesDistributions(t *testing.T) {
	// Two word groups that never share contexts: determiners before nouns, nouns before verbs.
	var sents [][]int
	dets, nouns, verbs := []int{0, 1, 2}, []int{3, 4, 5}, []int{6, 7, 8}
	for i := 0; i < 300; i++ {
		sents = append(sents, []int{dets[i%3], nouns[(i/3)%3], verbs[(i/9)%3]})
	}
	class := Cluster(sents, 9, 3, 10)
	for _, g := range [][]int{dets, nouns, verbs} {
		for _, w := range g[1:] {
			if class[w] != class[g[0]] {
				t.Errorf("words %d and %d split: %v", g[0], w, class)
			}
		}
	}
	if class[0] == class[3] || class[3] == class[6] || class[0] == class[6] {
		t.Errorf("groups merged: %v", class)
	}
}

func TestSimpleSentences(t *testing.T) {
	got := SimpleSentences(`"We won't stop," Smith's aide said. The U.S. agreed.`)
	want := [][]string{
		{"``", "We", "wo", "n't", "stop", ",", "''", "Smith", "'s", "aide", "said", "."},
		{"The", "U.S.", "agreed", "."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func FuzzSimpleSentences(f *testing.F) {
	f.Add(`"We won't," he said. The U.S. agreed.`)
	f.Add("\xff'\"“‘(x))”’.")
	f.Fuzz(func(t *testing.T, s string) {
		for _, sent := range SimpleSentences(s) {
			if len(sent) == 0 {
				t.Fatal("empty sentence")
			}
			for _, tok := range sent {
				if tok == "" {
					t.Fatal("empty token")
				}
			}
			AllCaps(sent)
		}
	})
}
