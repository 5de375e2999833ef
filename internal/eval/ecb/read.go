package ecb

import (
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one gold token with its byte span in Doc.Text.
type Token struct {
	Text       string
	Sent       int
	Start, End int
}

// Mention is one gold mention.
type Mention struct {
	ID     string // m_id
	Tag    string // HUMAN_PART_PER, LOC_GEO, ...
	Tokens []int  // indices into Doc.Tokens, in order
	Chain  string // gold coreference chain (see package doc)
	Named  bool   // a named HUMAN_PART or LOC mention in an annotated sentence (see package doc)
}

// Span returns the byte span [start, end) of m in d.Text.
func (m Mention) Span(d *Doc) (int, int) {
	return d.Tokens[m.Tokens[0]].Start, d.Tokens[m.Tokens[len(m.Tokens)-1]].End
}

// Head is the index of the mention's head token: the last word before the first preposition, comma or
// relative pronoun after the mention's first word ("Department" in "Department of Criminal Justice", "van" in
// "a prison van in Baytown"), trailing possessives, punctuation and company forms ("Corp.") skipped.
func (m Mention) Head(d *Doc) int {
	end := len(m.Tokens)
	for k := 1; k < len(m.Tokens); k++ {
		if headStop[strings.ToLower(d.Tokens[m.Tokens[k]].Text)] {
			end = k
			break
		}
	}
	for k := end - 1; k > 0; k-- {
		t := d.Tokens[m.Tokens[k]].Text
		r, _ := utf8.DecodeRuneInString(t)
		if (unicode.IsLetter(r) || unicode.IsDigit(r)) && t != "s" && !corporate[strings.ToLower(strings.TrimSuffix(t, "."))] {
			return m.Tokens[k]
		}
	}
	return m.Tokens[0]
}

// corporate are company-form suffixes, never heads ("Intel" in "Intel Corp.").
var corporate = map[string]bool{"inc": true, "corp": true, "ltd": true, "llc": true, "plc": true, "co": true}

var headStop = map[string]bool{
	"of": true, "in": true, "at": true, "from": true, "on": true, "near": true, "outside": true, "for": true,
	"with": true, "by": true, "inside": true, "to": true, ",": true, "who": true, "which": true, "that": true,
	"(": true, "-": true, "--": true,
}

// Doc is one ECB+ document.
type Doc struct {
	Name     string // file name without .xml, e.g. "3_1ecbplus"
	Topic    string // "3"
	Text     string
	Tokens   []Token
	Mentions []Mention // only the mentions in annotated sentences, in text order

	tokIndex []int // raw token → index in Tokens, -1 when dropped
}

// Read reads the corpus under dir (the folder holding ECB+/ and ECBplus_coreference_sentences.csv). When
// topics is not empty only those topics are read. Documents come sorted by topic (numerically), then name.
func Read(dir string, topics []string) ([]*Doc, error) {
	annotated, err := readSentences(filepath.Join(dir, "ECBplus_coreference_sentences.csv"))
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, t := range topics {
		want[t] = true
	}
	files, err := filepath.Glob(filepath.Join(dir, "ECB+", "*", "*.xml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("ecb: no ECB+/*/*.xml under %s", dir)
	}
	var docs []*Doc
	for _, f := range files {
		topic := filepath.Base(filepath.Dir(f))
		if len(want) > 0 && !want[topic] {
			continue
		}
		fh, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		name := strings.TrimSuffix(filepath.Base(f), ".xml")
		d, err := Parse(fh, name, topic, annotated[name])
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		docs = append(docs, d)
	}
	sort.Slice(docs, func(i, j int) bool {
		ti, _ := strconv.Atoi(docs[i].Topic)
		tj, _ := strconv.Atoi(docs[j].Topic)
		if ti != tj {
			return ti < tj
		}
		return docs[i].Name < docs[j].Name
	})
	return docs, nil
}

// readSentences reads the list of annotated sentences: document name ("3_1ecbplus") → sentence numbers.
func readSentences(path string) (map[string]map[int]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, err
	}
	out := map[string]map[int]bool{}
	for i, r := range rows {
		if i == 0 || len(r) < 3 {
			continue
		}
		n, err := strconv.Atoi(r[2])
		if err != nil {
			continue
		}
		name := r[0] + "_" + r[1]
		if out[name] == nil {
			out[name] = map[int]bool{}
		}
		out[name][n] = true
	}
	return out, nil
}

type rawToken struct {
	id, sent int
	text     string
}

// Parse reads one ECB+ XML document. annotated lists the sentence numbers whose mentions count (nil: all).
func Parse(r io.Reader, name, topic string, annotated map[int]bool) (*Doc, error) {
	dec := xml.NewDecoder(r)
	var toks []rawToken
	type markable struct {
		id, tag string
		anchors []int
	}
	var marks []*markable
	instance := map[string]string{} // descriptor m_id → instance id
	chain := map[string]string{}    // m_id → chain
	var cur *markable
	var rel struct {
		kind, note, rid string
		sources         []string
		target          string
	}
	inMarkables, inRelations := false, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			at := func(k string) string {
				for _, a := range t.Attr {
					if a.Name.Local == k {
						return a.Value
					}
				}
				return ""
			}
			switch {
			case t.Name.Local == "token" && !inMarkables:
				id, _ := strconv.Atoi(at("t_id"))
				s, _ := strconv.Atoi(at("sentence"))
				var text string
				if err := dec.DecodeElement(&text, &t); err != nil {
					return nil, err
				}
				toks = append(toks, rawToken{id: id, sent: s, text: strings.TrimSpace(text)})
			case t.Name.Local == "Markables":
				inMarkables = true
			case t.Name.Local == "Relations":
				inRelations = true
			case inMarkables && t.Name.Local == "token_anchor" && cur != nil:
				id, _ := strconv.Atoi(at("t_id"))
				cur.anchors = append(cur.anchors, id)
			case inMarkables && at("m_id") != "":
				if inst := at("instance_id"); inst != "" || at("TAG_DESCRIPTOR") != "" {
					instance[at("m_id")] = inst
					cur = nil
					continue
				}
				cur = &markable{id: at("m_id"), tag: t.Name.Local}
				marks = append(marks, cur)
			case inRelations && (t.Name.Local == "CROSS_DOC_COREF" || t.Name.Local == "INTRA_DOC_COREF"):
				rel.kind, rel.note, rel.rid, rel.sources, rel.target = t.Name.Local, at("note"), at("r_id"), nil, ""
			case inRelations && t.Name.Local == "source":
				rel.sources = append(rel.sources, at("m_id"))
			case inRelations && t.Name.Local == "target":
				rel.target = at("m_id")
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "Markables":
				inMarkables = false
			case "Relations":
				inRelations = false
			case "CROSS_DOC_COREF", "INTRA_DOC_COREF":
				c := instance[rel.target]
				if c == "" && rel.kind == "CROSS_DOC_COREF" {
					c = rel.note
				}
				if c == "" {
					c = "intra:" + name + ":" + rel.rid
				}
				for _, s := range rel.sources {
					chain[s] = c
				}
			}
		}
	}
	d := &Doc{Name: name, Topic: topic}
	d.build(toks, strings.HasSuffix(name, "ecbplus"))
	index := map[int]int{} // t_id → index in d.Tokens
	for i, t := range toks {
		if !d.dropped(i) {
			index[t.id] = d.tokIndex[i]
		}
	}
	lowerWords := map[string]bool{}
	for _, t := range d.Tokens {
		if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsLower(r) {
			lowerWords[t.Text] = true
		}
	}
	for _, mk := range marks {
		var ts []int
		for _, a := range mk.anchors {
			if k, ok := index[a]; ok {
				ts = append(ts, k)
			}
		}
		if len(ts) == 0 {
			continue
		}
		sort.Ints(ts)
		sent := d.Tokens[ts[0]].Sent
		if annotated != nil && !annotated[sent] {
			continue
		}
		c := chain[mk.id]
		if c == "" {
			c = "single:" + name + ":" + mk.id
		}
		m := Mention{ID: mk.id, Tag: mk.tag, Tokens: ts, Chain: c}
		if strings.HasPrefix(mk.tag, "HUMAN_PART") || strings.HasPrefix(mk.tag, "LOC") {
			m.Named = d.proper(m.Head(d), lowerWords)
		}
		d.Mentions = append(d.Mentions, m)
	}
	sort.SliceStable(d.Mentions, func(i, j int) bool { return d.Mentions[i].Tokens[0] < d.Mentions[j].Tokens[0] })
	return d, nil
}

var notNames = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "They": true, "It": true, "His": true, "Her": true,
	"Their": true, "We": true, "I": true, "Its": true, "This": true, "That": true, "These": true, "Those": true,
	"Our": true, "You": true, "Him": true, "Them": true, "Who": true,
}

// proper reports whether token k is a proper name (see package doc).
func (d *Doc) proper(k int, lower map[string]bool) bool {
	t := d.Tokens[k]
	r, _ := utf8.DecodeRuneInString(t.Text)
	if !unicode.IsUpper(r) || notNames[t.Text] {
		return false
	}
	first := k == 0 || d.Tokens[k-1].Sent != t.Sent
	return !first || !lower[strings.ToLower(t.Text)]
}

// noSpaceBefore are tokens written against the previous one.
var noSpaceBefore = map[string]bool{
	",": true, ".": true, ";": true, ":": true, "!": true, "?": true, ")": true, "]": true, "}": true, "%": true,
	"'s": true, "'S": true, "n't": true, "'re": true, "'ve": true, "'ll": true, "'d": true, "'m": true, "''": true,
	"’s": true, "...": true,
}

// noSpaceAfter are tokens written against the next one.
var noSpaceAfter = map[string]bool{"(": true, "[": true, "{": true, "$": true, "``": true}

// build lays out the text: tokens joined by spaces, one sentence per line, sentence 0 dropped when dropZero.
func (d *Doc) build(toks []rawToken, dropZero bool) {
	var b strings.Builder
	d.tokIndex = make([]int, len(toks))
	prevSent, prevText := -1, ""
	for i, t := range toks {
		if dropZero && t.sent == 0 || t.text == "" {
			d.tokIndex[i] = -1
			continue
		}
		switch {
		case prevSent < 0:
		case t.sent != prevSent:
			b.WriteByte('\n')
		case noSpaceBefore[t.text] || noSpaceAfter[prevText]:
		default:
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(t.text)
		d.tokIndex[i] = len(d.Tokens)
		d.Tokens = append(d.Tokens, Token{Text: t.text, Sent: t.sent, Start: start, End: b.Len()})
		prevSent, prevText = t.sent, t.text
	}
	d.Text = b.String()
}

func (d *Doc) dropped(i int) bool { return d.tokIndex[i] < 0 }
