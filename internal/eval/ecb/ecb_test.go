package ecb

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/dataset"
	"github.com/newsgraph/newsgraph/internal/entity"
)

const sample = `<Document doc_name="9_1ecbplus.xml" doc_id="X">
<token t_id="1" sentence="0" number="0">http://example.org/a</token>
<token t_id="2" sentence="1" number="0">Mayor</token>
<token t_id="3" sentence="1" number="1">Ann</token>
<token t_id="4" sentence="1" number="2">Lee</token>
<token t_id="5" sentence="1" number="3">'s</token>
<token t_id="6" sentence="1" number="4">office</token>
<token t_id="7" sentence="1" number="5">in</token>
<token t_id="8" sentence="1" number="6">Oslo</token>
<token t_id="9" sentence="1" number="7">said</token>
<token t_id="10" sentence="1" number="8">she</token>
<token t_id="11" sentence="1" number="9">would</token>
<token t_id="12" sentence="1" number="10">resign</token>
<token t_id="13" sentence="1" number="11">.</token>
<token t_id="14" sentence="2" number="0">Lee</token>
<token t_id="15" sentence="2" number="1">left</token>
<token t_id="16" sentence="2" number="2">a</token>
<token t_id="17" sentence="2" number="3">Bergen</token>
<token t_id="18" sentence="2" number="4">hotel</token>
<token t_id="19" sentence="2" number="5">.</token>
<Markables>
<HUMAN_PART_PER m_id="1"><token_anchor t_id="2"/><token_anchor t_id="3"/><token_anchor t_id="4"/></HUMAN_PART_PER>
<HUMAN_PART_PER m_id="2"><token_anchor t_id="10"/></HUMAN_PART_PER>
<HUMAN_PART_PER m_id="3"><token_anchor t_id="14"/></HUMAN_PART_PER>
<LOC_GEO m_id="4"><token_anchor t_id="8"/></LOC_GEO>
<LOC_FAC m_id="5"><token_anchor t_id="16"/><token_anchor t_id="17"/><token_anchor t_id="18"/></LOC_FAC>
<HUMAN_PART_PER m_id="9" RELATED_TO="" TAG_DESCRIPTOR="ann_lee" instance_id="HUM1" />
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="HUM1"><source m_id="1" /><source m_id="2" /><source m_id="3" /><target m_id="9" /></CROSS_DOC_COREF>
</Relations>
</Document>`

func TestParse(t *testing.T) {
	d, err := Parse(strings.NewReader(sample), "9_1ecbplus", "9", map[int]bool{1: true, 2: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Mayor Ann Lee's office in Oslo said she would resign.\nLee left a Bergen hotel."; d.Text != want {
		t.Fatalf("text %q, want %q", d.Text, want)
	}
	var got []string
	for _, m := range d.Mentions {
		s, e := m.Span(d)
		named := "-"
		if m.Named {
			named = "named"
		}
		got = append(got, m.Tag+":"+d.Text[s:e]+":"+m.Chain+":"+named)
	}
	want := []string{
		"HUMAN_PART_PER:Mayor Ann Lee:HUM1:named",
		"LOC_GEO:Oslo:single:9_1ecbplus:4:named",
		"HUMAN_PART_PER:she:HUM1:-",
		"HUMAN_PART_PER:Lee:HUM1:named",
		"LOC_FAC:a Bergen hotel:single:9_1ecbplus:5:-",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("mentions\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestAlign(t *testing.T) {
	d, err := Parse(strings.NewReader(sample), "9_1ecbplus", "9", nil)
	if err != nil {
		t.Fatal(err)
	}
	// "Ann Lee" (6-13) covers the head of "Mayor Ann Lee"; "Mayor" alone (0-5) does not.
	sys := []SysMention{{0, 5, "e9", "x", false}, {6, 13, "e1", "person:ann-lee", false}, {26, 30, "e2", "loc:oslo", false}, {54, 57, "e1", "person:ann-lee", false}}
	al := Align(d, sys)
	var got []int
	for i, m := range d.Mentions {
		if m.Named {
			got = append(got, al[i])
		}
	}
	if want := []int{1, 2, 3}; len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("aligned %v, want %v", got, want)
	}
	r := Score([]*Doc{d}, [][]SysMention{sys})
	if r.Gold != 3 || r.Found != 3 || r.WithinB3.F != 1 || r.WithinMUC.F != 1 {
		t.Errorf("score %+v", r)
	}
}

// TestCorpusScores pins the ECB+ figures (see README of the package and `newsgraph eval entities`), so that a
// loss of accuracy fails CI. Gold names isolate the entity stage; the full run depends on the tagger too.
func TestCorpusScores(t *testing.T) {
	dir := dataset.Require(t, "ecbplus")
	docs, err := Read(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("gold names", func(t *testing.T) {
		r, err := Evaluate(context.Background(), docs, GoldNames(docs, entity.New()), 0)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("gold=%d within B3 %.4f MUC %.4f cross B3 %.4f MUC %.4f", r.Gold, r.WithinB3.F, r.WithinMUC.F, r.CrossB3.F, r.CrossMUC.F)
		if r.Gold != 2845 || r.Found != r.Gold {
			t.Errorf("gold %d found %d, want 2845 both", r.Gold, r.Found)
		}
		pin(t, "within B3", r.WithinB3.F, 0.965)
		pin(t, "within MUC", r.WithinMUC.F, 0.878)
		pin(t, "cross B3", r.CrossB3.F, 0.828)
		pin(t, "cross MUC", r.CrossMUC.F, 0.895)
		p, rc := ratio(r.PronounsRight, r.PronounsLinked), ratio(r.PronounsRight, r.Pronouns)
		t.Logf("pronouns %d linked %d right %d", r.Pronouns, r.PronounsLinked, r.PronounsRight)
		pin(t, "pronoun", prf(p, rc).F, 0.78)
	})
	t.Run("pipeline, topics 1-10", func(t *testing.T) {
		var sub []*Doc
		for _, d := range docs {
			if len(d.Topic) == 1 || d.Topic == "10" {
				sub = append(sub, d)
			}
		}
		proc, warn, err := Pipeline()
		if err != nil {
			t.Fatal(err)
		}
		if warn != nil {
			t.Log(warn)
		}
		r, err := Evaluate(context.Background(), sub, proc, 0)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("docs=%d gold=%d found=%d within B3 %.4f MUC %.4f cross B3 %.4f MUC %.4f", r.Docs, r.Gold, r.Found, r.WithinB3.F, r.WithinMUC.F, r.CrossB3.F, r.CrossMUC.F)
		// The tagger is trained by another stage and its changes move these; the floors sit below the figures
		// measured with it on 2026-12-06 01:50 UTC (found 0.7758, within B3 0.9684 MUC 0.8600, cross B3 0.8707
		// MUC 0.8922), the found share (the tagger's recall) furthest.
		pin(t, "found share", r.FoundShare(), 0.70)
		pin(t, "within B3", r.WithinB3.F, 0.95)
		pin(t, "within MUC", r.WithinMUC.F, 0.82)
		pin(t, "cross B3", r.CrossB3.F, 0.84)
		pin(t, "cross MUC", r.CrossMUC.F, 0.87)
	})
}

func pin(t *testing.T, name string, got, min float64) {
	t.Helper()
	if got < min {
		t.Errorf("%s F1 %.4f fell below %.4f", name, got, min)
	}
}
