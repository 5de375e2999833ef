package quote

import (
	"sort"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// splitCoordinated splits reported speech whose content holds a second verb of the same subject: "Trump
// tweeted that Machado was “disgusting” and encouraged Americans to “check out” the tape" is, in PolNeAR, two
// attributions of one source (cues "tweeted" and "encouraged"), but the argument labeller reads everything
// after the first cue as one content. Where a quote's content (after its cue, outside quotation marks) holds
// "and" (or ", and", "but") followed by optional adverbs or auxiliaries and a finite verb that the lexicon
// counts as a cue, the content ends before the conjunction and a new quote starts: that verb is its cue, the
// rest of the content its content, and it keeps the source and speaker. It needs the POS stage's tags
// (d.Tokens); without them it returns qs unchanged.
func (x *Extractor) splitCoordinated(d *doc.Document, qs []doc.Quote) []doc.Quote {
	if len(d.Tokens) == 0 || len(qs) == 0 {
		return qs
	}
	var out []doc.Quote // nil until the first split; then qs[:i] and the quotes since
	var res *resolver
	for i, q := range qs {
		if q.Source == nil || q.Kind == doc.Direct || q.Cue.End > q.Content.Start {
			if out != nil {
				out = append(out, q)
			}
			continue
		}
		for {
			cut, cueS, cueE, restS, subj, ok := x.coordCut(d, q.Content)
			if !ok {
				break
			}
			if out == nil {
				out = make([]doc.Quote, i, len(qs)+4)
				copy(out, qs[:i])
			}
			first := q
			first.Content = doc.Span{Start: q.Content.Start, End: cut}
			first.Kind = kindOf(d.Text[first.Content.Start:first.Content.End])
			out = append(out, first)
			q.Cue = doc.Span{Start: cueS, End: cueE}
			if subj.End > subj.Start {
				if res == nil {
					res = newResolver(d)
				}
				src := subj
				q.Source = &src
				q.Speaker = res.speaker(src, strings.ToLower(d.Text[subj.Start:subj.End]))
			}
			q.Content = doc.Span{Start: restS, End: q.Content.End}
			q.Kind = kindOf(d.Text[q.Content.Start:q.Content.End])
		}
		if out != nil {
			out = append(out, q)
		}
	}
	if out == nil {
		return qs
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Content.Start < out[j].Content.Start })
	return renumber(out)
}

// coordCut finds the first coordinated cue verb in the content span c: the end of the first part (before
// the conjunction and any comma), the new cue's span (adverbs and auxiliaries included) and the start of
// the new content.
func (x *Extractor) coordCut(d *doc.Document, c doc.Span) (cut, cueS, cueE, restS int, subj doc.Span, ok bool) {
	toks := d.Tokens
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= c.Start })
	first := i
	inq := false
	for ; i < len(toks) && toks[i].End <= c.End; i++ {
		t := toks[i]
		if t.Text == "" {
			continue
		}
		switch t.Text[0] {
		case '`', '\'', '"', 0xC2, 0xE2: // ASCII marks, «» and “” (UTF-8 lead bytes)
			switch tokNorm(t) {
			case "``", "“", "«":
				inq = true
				continue
			case "''", "”", "»":
				inq = false
				continue
			case "\"":
				inq = !inq
				continue
			}
		}
		if inq || i-first < 2 || len(t.Text) != 3 || !strings.EqualFold(t.Text, "and") && !strings.EqualFold(t.Text, "but") {
			continue
		}
		j := i + 1
		subjS, subjE := -1, -1
		{
			k := j
			for k < len(toks) && k-j < 5 && toks[k].End <= c.End && subjPOS[toks[k].POS] {
				k++
			}
			if k > j {
				subjS, subjE = j, k
				j = k
			}
		}
		for j < len(toks) && toks[j].End <= c.End && (toks[j].POS == "RB" || coordAux[strings.ToLower(toks[j].Text)]) {
			j++
		}
		if j+1 >= len(toks) || toks[j+1].End > c.End {
			continue
		}
		v := toks[j]
		if !finiteOrParticiple(v.POS, j > i+1 && (subjS < 0 || j > subjE)) || !x.coordCue(strings.ToLower(v.Text)) {
			continue
		}
		end := i
		for end > first && strings.ContainsAny(toks[end-1].Text, ",;—–-") && len(toks[end-1].Text) == 1 {
			end--
		}
		if end-first < 2 {
			continue
		}
		cs := toks[i+1].Start
		if subjS >= 0 {
			subj = doc.Span{Start: toks[subjS].Start, End: toks[subjE-1].End}
			cs = toks[subjE].Start
		}
		return toks[end-1].End, cs, v.End, toks[j+1].Start, subj, true
	}
	return 0, 0, 0, 0, doc.Span{}, false
}

// coordAux are the auxiliaries that may stand between the conjunction and the verb ("and has said").
var coordAux = set("has", "have", "had", "will", "would", "also", "later", "then", "again")

// finiteOrParticiple accepts a finite verb, or after an auxiliary a participle or base form.
func finiteOrParticiple(pos string, afterAux bool) bool {
	switch pos {
	case "VBD", "VBZ", "VBP":
		return true
	case "VBN", "VB":
		return afterAux
	}
	return false
}

// coordCue reports whether w counts as a cue verb for a coordinated split.
func (x *Extractor) coordCue(w string) bool {
	st, ok := x.lex[w]
	if !ok {
		return false
	}
	return st.Cue >= coordMinCount && st.P() >= coordMinP
}

// A coordinated verb counts as a cue when the lexicon saw it in a cue at least coordMinCount times and at
// least coordMinP of its occurrences were cues (0.15 and 0.5 scored 0.0002 lower on PolNeAR dev).
const (
	coordMinCount = 3
	coordMinP     = 0.3
)

func tokNorm(t doc.Token) string {
	if t.Norm != "" {
		return t.Norm
	}
	return t.Text
}

var subjPOS = set("NNP", "NNPS", "NN", "NNS", "DT", "PRP", "PRP$", "JJ", "POS", "CD")

// headlineTail adds the attribution of a title-case sentence that ends in ", Name Says." (a headline:
// "Clean Energy Deal Is Within Reach, Senator Says."), which the models, trained mostly on body text, miss:
// the words before the comma are the content, the capitalised words after it the source. A sentence that
// already holds a quote is left alone.
func (x *Extractor) headlineTail(d *doc.Document, qs []doc.Quote) []doc.Quote {
	added := false
	for _, se := range d.Sents {
		a, b := se.TokStart, min(se.TokEnd, len(d.Tokens))
		for b > a && d.Tokens[b-1].POS == "." {
			b--
		}
		if b-a < 6 {
			continue
		}
		if v := d.Tokens[b-1].Text; !strings.EqualFold(v, "says") && !strings.EqualFold(v, "say") && !strings.EqualFold(v, "said") {
			continue
		}
		comma := -1
		for k := b - 2; k > a && k >= b-7; k-- {
			if d.Tokens[k].Text == "," {
				comma = k
				break
			}
		}
		if comma < a+2 || comma > b-3 || !titleCase(d.Tokens[a:b]) {
			continue
		}
		s, e := d.Tokens[a].Start, d.Tokens[b-1].End
		taken := false
		for _, q := range qs {
			taken = taken || q.Content.Start < e && s < q.Content.End
		}
		if taken {
			continue
		}
		src := doc.Span{Start: d.Tokens[comma+1].Start, End: d.Tokens[b-2].End}
		q := doc.Quote{Content: doc.Span{Start: s, End: d.Tokens[comma-1].End}, Cue: doc.Span{Start: d.Tokens[b-1].Start, End: e}, Source: &src}
		q.Kind = kindOf(d.Text[q.Content.Start:q.Content.End])
		q.Speaker = newResolver(d).speaker(src, strings.ToLower(d.Tokens[comma+1].Text))
		qs = append(qs, q)
		added = true
	}
	if !added {
		return qs
	}
	sort.SliceStable(qs, func(i, j int) bool { return qs[i].Content.Start < qs[j].Content.Start })
	return renumber(qs)
}

// titleCase reports whether at least two thirds of the words of toks start with a capital letter.
func titleCase(toks []doc.Token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		r := t.Text[0]
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			words++
			if r <= 'Z' {
				caps++
			}
		}
	}
	return words > 0 && 3*caps >= 2*words
}

// coordAfter adds, after a reported content that stops right before "and"/"but" + a cue verb of the same
// subject ("Trump praised the plan, and warned that ..."), the attribution of that verb: the rest of the
// sentence is its content, the source and speaker are the first quote's. Quotes are in text order.
func (x *Extractor) coordAfter(d *doc.Document, qs []doc.Quote) []doc.Quote {
	if len(d.Tokens) == 0 || len(d.Sents) == 0 {
		return qs
	}
	var add []doc.Quote
	toks := d.Tokens
	for qi, q := range qs {
		if q.Source == nil || q.Kind == doc.Direct || q.Cue.End > q.Content.Start {
			continue
		}
		i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= q.Content.End })
		si := sort.Search(len(d.Sents), func(k int) bool { return d.Sents[k].TokEnd > i })
		if i >= len(toks) || si >= len(d.Sents) || d.Sents[si].TokStart > i {
			continue
		}
		end := min(d.Sents[si].TokEnd, len(toks))
		if i < end && toks[i].Text == "," {
			i++
		}
		if i >= end || !strings.EqualFold(toks[i].Text, "and") && !strings.EqualFold(toks[i].Text, "but") {
			continue
		}
		j := i + 1
		for j < end && (toks[j].POS == "RB" || coordAux[strings.ToLower(toks[j].Text)]) {
			j++
		}
		if j+2 >= end || !finiteOrParticiple(toks[j].POS, j > i+1) || !x.coordCue(strings.ToLower(toks[j].Text)) {
			continue
		}
		e := end
		for e > j+1 && toks[e-1].POS == "." {
			e--
		}
		cs, ce := toks[j+1].Start, toks[e-1].End
		if qi+1 < len(qs) && qs[qi+1].Content.Start < ce {
			continue // the rest of the sentence already holds a quote
		}
		n := q
		n.Cue = doc.Span{Start: toks[i+1].Start, End: toks[j].End}
		n.Content = doc.Span{Start: cs, End: ce}
		n.Kind = kindOf(d.Text[cs:ce])
		add = append(add, n)
	}
	return withAdded(qs, add)
}

// parenBefore adds the first half of a reported content interrupted by its attribution ("The air had become
// so bad, Mr. Obama noted, that the city closed schools"): where a quote's source and cue follow a comma
// and its content follows them, the clause from the sentence start to that comma (at least three words and
// a finite verb, and no other quote in it) becomes a quote of the same source and cue.
func (x *Extractor) parenBefore(d *doc.Document, qs []doc.Quote) []doc.Quote {
	if len(d.Tokens) == 0 || len(d.Sents) == 0 {
		return qs
	}
	toks := d.Tokens
	var add []doc.Quote
	for _, q := range qs {
		if q.Source == nil || q.Kind == doc.Direct || q.Cue.End <= q.Cue.Start || q.Cue.End > q.Content.Start || q.Source.End > q.Content.Start {
			continue
		}
		left := min(q.Source.Start, q.Cue.Start)
		k := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= left })
		if k < 1 || k >= len(toks) || toks[k-1].Text != "," {
			continue
		}
		si := sort.Search(len(d.Sents), func(s int) bool { return d.Sents[s].TokEnd > k })
		if si >= len(d.Sents) || d.Sents[si].TokStart > k {
			continue
		}
		a, e := d.Sents[si].TokStart, k-1
		if e-a < 3 || relPronouns[strings.ToLower(d.Text[q.Source.Start:q.Source.End])] {
			continue
		}
		switch toks[a].POS {
		case "IN", "WRB", "RB", "CC", "WDT", "WP", "VBG", "VBN", ":", ",":
			continue // a subordinate or adverbial clause, not reported speech: "If it fails, he said, ..."
		}
		// the parenthesis closes with a comma before the content ("..., Mr. Obama noted, that ...")
		c := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= q.Content.Start })
		if c < 1 || c >= len(toks) || toks[c-1].Text != "," && !(strings.EqualFold(toks[c].Text, "that") || c >= 2 && toks[c-2].Text == ",") {
			continue
		}
		if !x.strongCue(d, q.Cue) {
			continue
		}
		if !finiteClause(toks, a, e) {
			continue
		}
		s, en := toks[a].Start, toks[e-1].End
		free := true
		for _, o := range qs {
			free = free && !(o.Content.Start < en && s < o.Content.End)
		}
		for _, o := range add {
			free = free && !(o.Content.Start < en && s < o.Content.End)
		}
		if !free {
			continue
		}
		n := q
		n.Content = doc.Span{Start: s, End: en}
		n.Kind = kindOf(d.Text[s:en])
		add = append(add, n)
	}
	return withAdded(qs, add)
}

// strongCue reports whether a word of the cue span is a cue at least half of the times the lexicon saw it.
func (x *Extractor) strongCue(d *doc.Document, c doc.Span) bool {
	toks := d.Tokens
	for i := sort.Search(len(toks), func(i int) bool { return toks[i].End > c.Start }); i < len(toks) && toks[i].Start < c.End; i++ {
		if st, ok := x.lex[strings.ToLower(toks[i].Text)]; ok && st.Cue >= 3 && st.P() >= 0.5 {
			return true
		}
	}
	return false
}

// tailAttrib adds the attribution of a sentence that ends in ", SOURCE CUE." or ", CUE SOURCE." ("The meeting
// went badly, said one source in the room.") when no quote covers the clause before the comma: that clause
// (from the sentence start, with a finite verb) is the content. The cue must be strong (strongCue), the
// source at most eight words without a verb.
func (x *Extractor) tailAttrib(d *doc.Document, qs []doc.Quote) []doc.Quote {
	toks := d.Tokens
	var add []doc.Quote
	res := (*resolver)(nil)
	for _, se := range d.Sents {
		a, b := se.TokStart, min(se.TokEnd, len(toks))
		for b > a && toks[b-1].POS == "." {
			b--
		}
		if b-a < 6 {
			continue
		}
		comma := -1
		for k := b - 2; k > a+2 && k >= b-10; k-- {
			if toks[k].Text == "," {
				comma = k
				break
			}
		}
		if comma < 0 {
			continue
		}
		// the tail: one strong cue word (a verb) and a source of nominal words
		cue := -1
		ok := true
		for k := comma + 1; k < b && ok; k++ {
			p := toks[k].POS
			switch {
			case strings.HasPrefix(p, "VB"):
				if cue >= 0 || !x.strongCue(d, doc.Span{Start: toks[k].Start, End: toks[k].End}) {
					ok = false
				}
				cue = k
			case subjPOS[p] || p == "IN" || p == "NNPS" || p == ",":
			default:
				ok = false
			}
		}
		if !ok || cue < 0 || (cue != comma+1 && cue != b-1) || b-comma-2 < 1 {
			continue
		}
		var src doc.Span
		if cue == comma+1 {
			src = doc.Span{Start: toks[cue+1].Start, End: toks[b-1].End}
		} else {
			src = doc.Span{Start: toks[comma+1].Start, End: toks[cue-1].End}
		}
		if strings.ContainsAny(d.Text[src.Start:src.End], "\"“”‘’«»") {
			continue
		}
		if !finiteClause(toks, a, comma) {
			continue
		}
		s, e := toks[a].Start, toks[comma-1].End
		free := true
		for _, o := range qs {
			free = free && !(o.Content.Start < e && s < o.Content.End)
		}
		if !free {
			continue
		}
		if res == nil {
			res = newResolver(d)
		}
		q := doc.Quote{Content: doc.Span{Start: s, End: e}, Cue: doc.Span{Start: toks[cue].Start, End: toks[cue].End}, Source: &src}
		q.Kind = kindOf(d.Text[s:e])
		head := cue + 1
		if cue != comma+1 {
			head = comma + 1
		}
		q.Speaker = res.speaker(src, strings.ToLower(toks[head].Text))
		add = append(add, q)
	}
	return withAdded(qs, add)
}

// colonSource gives a quote without a source the attribution of a colon that introduces it from the end of
// the previous sentence or paragraph ("The New York Times reports:" then the quotation): the strong cue word
// of that sentence (strongCue) is the cue and the nominal words right before it the source.
func (x *Extractor) colonSource(d *doc.Document, qs []doc.Quote) []doc.Quote {
	toks := d.Tokens
	var res *resolver
	for qi := range qs {
		q := &qs[qi]
		if q.Source != nil || q.Speaker != nil {
			continue
		}
		k := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= q.Content.Start })
		for k > 0 && (toks[k-1].POS == "``" || strings.ContainsAny(toks[k-1].Text, "\"“‘")) {
			k--
		}
		if k < 3 || toks[k-1].Text != ":" {
			continue
		}
		si := sort.Search(len(d.Sents), func(s int) bool { return d.Sents[s].TokEnd > k-1 })
		if si >= len(d.Sents) {
			continue
		}
		a := d.Sents[si].TokStart
		for c := k - 2; c > a && c >= k-6; c-- {
			if st := x.lex[strings.ToLower(toks[c].Text)]; !strings.HasPrefix(toks[c].POS, "VB") && toks[c].POS != "NNS" || st.Cue < 3 || st.P() < 0.1 {
				continue // the colon does the rest: "reports:" (a cue a quarter of the time) will do
			}
			e := c
			for e > a && (toks[e-1].POS == "RB" || coordAux[strings.ToLower(toks[e-1].Text)]) {
				e--
			}
			s := e
			for s > a && e-s < 6 && subjPOS[toks[s-1].POS] && toks[s-1].Text != ":" {
				s--
			}
			if s == e {
				break
			}
			src := doc.Span{Start: toks[s].Start, End: toks[e-1].End}
			if res == nil {
				res = newResolver(d)
			}
			q.Source = &src
			q.Speaker = res.speaker(src, strings.ToLower(toks[s].Text))
			q.Cue = doc.Span{Start: toks[c].Start, End: toks[k-1].End}
			break
		}
	}
	return qs
}

// passiveAgent makes the agent of a passive cue the source ("Oz has been called a charlatan by fellow
// physicians": source "fellow physicians", not "Oz"): where a quote with a source has a cue ending in a past
// participle after a form of "be" and a content holding "by" + nominal words, those words become the
// source and the content ends before "by".
func (x *Extractor) passiveAgent(d *doc.Document, qs []doc.Quote) []doc.Quote {
	toks := d.Tokens
	var res *resolver
	for qi := range qs {
		q := &qs[qi]
		if q.Source == nil || q.Kind == doc.Direct || q.Cue.End <= q.Cue.Start || q.Cue.End > q.Content.Start {
			continue
		}
		c := sort.Search(len(toks), func(i int) bool { return toks[i].End >= q.Cue.End })
		if c >= len(toks) || toks[c].POS != "VBN" {
			continue
		}
		be := false
		for k := c - 1; k >= 0 && k >= c-3; k-- {
			switch strings.ToLower(toks[k].Text) {
			case "is", "was", "are", "were", "been", "be", "being", "'s":
				be = true
			}
		}
		if !be {
			continue
		}
		k := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= q.Content.Start })
		for ; k < len(toks) && toks[k].End <= q.Content.End; k++ {
			if strings.EqualFold(toks[k].Text, "by") {
				break
			}
		}
		if k >= len(toks) || toks[k].End > q.Content.End || k+1 >= len(toks) {
			continue
		}
		e := k + 1
		for e < len(toks) && e-k <= 6 && toks[e].End <= q.Content.End && subjPOS[toks[e].POS] {
			e++
		}
		if e == k+1 || toks[k].Start <= q.Content.Start {
			continue
		}
		src := doc.Span{Start: toks[k+1].Start, End: toks[e-1].End}
		if res == nil {
			res = newResolver(d)
		}
		q.Source = &src
		q.Speaker = res.speaker(src, strings.ToLower(toks[k+1].Text))
		q.Content.End = toks[k-1].End
		q.Kind = kindOf(d.Text[q.Content.Start:q.Content.End])
	}
	return qs
}

// withAdded returns qs with the quotes of add merged in text order (stable: at equal starts the earlier
// quotes first) and the ids renumbered q1, q2 ...; qs unchanged when add is empty.
func withAdded(qs, add []doc.Quote) []doc.Quote {
	if len(add) == 0 {
		return qs
	}
	qs = append(qs, add...)
	sort.SliceStable(qs, func(i, j int) bool { return qs[i].Content.Start < qs[j].Content.Start })
	return renumber(qs)
}

// dropIntro drops a reported quote whose content is a sentence's introductory phrase, not what was said:
// a content outside quotation marks that ends right before ", SOURCE" with its cue after the source and
// holds no finite verb ("During his years in office, Mr. Obama said ...", "Through a spokesman, he declined
// to comment"). The rules' "..., X said" pattern and the argument labeller both take such phrases for
// content. It needs the POS stage's tags; ids are renumbered when a quote goes.
func dropIntro(d *doc.Document, qs []doc.Quote) []doc.Quote {
	if len(d.Tokens) == 0 {
		return qs
	}
	toks := d.Tokens
	return keepOnly(qs, func(k int) bool {
		q := qs[k]
		if q.Kind == doc.Direct || q.Source == nil || q.Cue.Start < q.Source.Start || q.Content.End > q.Source.Start ||
			strings.TrimSpace(d.Text[q.Content.End:q.Source.Start]) != "," || strings.HasPrefix(strings.TrimSpace(d.Text[q.Cue.End:]), ",") {
			return true
		}
		i0 := sort.Search(len(toks), func(i int) bool { return toks[i].End > q.Content.Start })
		if i0 >= len(toks) || !introPOS[toks[i0].POS] {
			return true
		}
		for i := i0; i < len(toks) && toks[i].Start < q.Content.End; i++ {
			switch toks[i].POS {
			case "VBD", "VBZ", "VBP", "MD", "``", "''":
				return true
			}
		}
		return false
	})
}

// introPOS are the tags of a word that opens an introductory phrase: a preposition ("During"), an adverb
// ("Meanwhile") or a gerund ("Campaigning against ...").
var introPOS = map[string]bool{"IN": true, "RB": true, "VBG": true}

// raisingVerbs are the verbs whose subject is not a speaker: in "Melania seems to have vanished" or "what
// appeared to be a reference" the writer judges, and PolNeAR annotates such cues without a source.
var raisingVerbs = map[string]bool{"seem": true, "seems": true, "seemed": true, "appear": true, "appears": true, "appeared": true}

// raisingNoSource takes the source and speaker from a quote whose cue's last verb is "seem" or "appear"
// ("he seems to have different rules", "Republicans seem confident"); a later verb keeps them ("appears
// set to veto", "appeared to blame"). It needs the POS stage's tags.
func raisingNoSource(d *doc.Document, qs []doc.Quote) []doc.Quote {
	toks := d.Tokens
	for k := range qs {
		q := &qs[k]
		if q.Source == nil && q.Speaker == nil {
			continue
		}
		last := ""
		for i := sort.Search(len(toks), func(i int) bool { return toks[i].End > q.Cue.Start }); i < len(toks) && toks[i].Start < q.Cue.End; i++ {
			if strings.HasPrefix(toks[i].POS, "VB") {
				last = strings.ToLower(toks[i].Text)
			}
		}
		if raisingVerbs[last] {
			q.Source, q.Speaker = nil, nil
		}
	}
	return qs
}

// beForms are the forms of "be" before a passive participle.
// ("'s" is left out: it is as often "has" or a possessive).
var beForms = map[string]bool{"is": true, "was": true, "were": true, "are": true, "be": true, "been": true, "being": true}

// psychParticiples are participles of feeling and belief whose passive subject holds the attitude ("Republicans
// were concerned about", "we are convinced this is ..."): that subject is the source.
var psychParticiples = set("concerned", "convinced", "unsettled", "worried", "incensed", "alarmed", "troubled",
	"disturbed", "divided", "frustrated", "outraged", "pleased", "disappointed", "surprised", "shocked",
	"angered", "satisfied", "persuaded", "inclined", "interested", "committed", "determined", "opposed",
	"prepared", "confused", "encouraged", "delighted", "dismayed", "puzzled", "impressed", "embarrassed")

// passiveNoSource takes the source and speaker from a quote whose cue ends in a passive participle of
// which the source is the subject ("Mr. Vale was accused of ...", "peacekeepers have often been criticized
// for ..."): the subject of a passive is what the attribution is about, not who made it. An agent after
// the cue ("by fellow doctors", see passiveAgent) keeps its source. It needs the POS stage's tags.
func passiveNoSource(d *doc.Document, qs []doc.Quote) []doc.Quote {
	toks := d.Tokens
	for k := range qs {
		q := &qs[k]
		if q.Source == nil || q.Source.End > q.Cue.Start {
			continue
		}
		i0 := sort.Search(len(toks), func(i int) bool { return toks[i].End > q.Cue.Start })
		last := -1
		for i := i0; i < len(toks) && toks[i].Start < q.Cue.End; i++ {
			if strings.HasPrefix(toks[i].POS, "VB") {
				last = i
			}
		}
		if last < 0 || toks[last].POS != "VBN" && toks[last].POS != "VBD" || psychParticiples[strings.ToLower(toks[last].Text)] {
			continue
		}
		be, other := false, false
		for j := max(0, i0-1); j < last; j++ {
			w := strings.ToLower(toks[j].Text)
			switch {
			case beForms[w]:
				be = true
			case w == "have" || w == "has" || w == "had":
			case strings.HasPrefix(toks[j].POS, "VB"):
				other = true
			}
		}
		// a reduced relative: "National Guard members, called to service by the governor": the participle
		// right after the source and its comma
		reduced := last == i0 && toks[last].POS == "VBN" && i0 > 0 && toks[i0-1].Text == "," && toks[i0-1].Start >= q.Source.End &&
			strings.TrimSpace(d.Text[q.Source.End:toks[i0-1].Start]) == ""
		if be && !other || reduced {
			q.Source, q.Speaker = nil, nil
		}
	}
	return qs
}

// badSource takes the source and speaker from a quote whose source overlaps its own cue (the labeller's
// "left little" of the cue "left little doubt") or holds no letter ("2015", a stray quotation mark): neither
// names who spoke.
func badSource(d *doc.Document, qs []doc.Quote) []doc.Quote {
	text, toks := d.Text, d.Tokens
	for k := range qs {
		q := &qs[k]
		if q.Source == nil {
			continue
		}
		s := *q.Source
		letter := strings.IndexFunc(text[s.Start:s.End], unicode.IsLetter) >= 0
		if !letter || s.Start < q.Cue.End && q.Cue.Start < s.End || !nominal(toks, s) {
			q.Source, q.Speaker = nil, nil
		}
	}
	return qs
}

// nominal reports whether the source span s holds a word that can name a speaker: not only adverbs
// ("promptly") or a lone gerund ("Having"), by the POS stage's tags (true without them).
func nominal(toks []doc.Token, s doc.Span) bool {
	n, other := 0, false
	for i := sort.Search(len(toks), func(i int) bool { return toks[i].End > s.Start }); i < len(toks) && toks[i].Start < s.End; i++ {
		n++
		if p := toks[i].POS; !strings.HasPrefix(p, "RB") && p != "VBG" {
			other = true
		}
	}
	return n == 0 || other
}

// side returns where the span s lies against the content c: -1 before it, 1 after it, 0 overlapping it.
func side(s, c doc.Span) int {
	switch {
	case s.End <= c.Start:
		return -1
	case s.Start >= c.End:
		return 1
	}
	return 0
}

// splitSource takes the source and speaker from a reported or mixed quote whose source and cue lie on
// different sides of its content, or one inside it and the other not ("CUE content SOURCE": the source
// belongs to another clause). A source and cue on the same side ("X said that ...", "..., X said") or both
// inside the content (a relative clause: "the money, which he said was lost") keep it. On PolNeAR train,
// where the passes were not tuned, a third of such sources were right. When the source follows the
// content and a strong cue verb right after it ends the clause ("Work is expected to begin, the city
// said."), that verb becomes the cue instead and the source stays.
func (x *Extractor) splitSource(d *doc.Document, qs []doc.Quote) []doc.Quote {
	for k := range qs {
		q := &qs[k]
		if q.Source == nil || q.Kind == doc.Direct || q.Cue.End <= q.Cue.Start {
			continue
		}
		if ss := side(*q.Source, q.Content); ss != side(q.Cue, q.Content) {
			if ss == 1 {
				if c, ok := x.verbBeside(d, *q.Source); ok {
					q.Cue = c
					continue
				}
			}
			q.Source, q.Speaker = nil, nil
		}
	}
	return qs
}

// verbBeside returns the strong cue verb (strongCue) right after the span src (adverbs between) when a
// comma or the sentence's end follows it ("..., the city said.").
func (x *Extractor) verbBeside(d *doc.Document, src doc.Span) (doc.Span, bool) {
	toks := d.Tokens
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= src.End })
	for i < len(toks) && toks[i].POS == "RB" {
		i++
	}
	if i+1 < len(toks) && strings.HasPrefix(toks[i].POS, "VB") && (toks[i+1].POS == "." || toks[i+1].Text == ",") {
		if c := (doc.Span{Start: toks[i].Start, End: toks[i].End}); x.strongCue(d, c) {
			return c, true
		}
	}
	return doc.Span{}, false
}

// gerundSubject gives a quote without a source whose cue opens with a present participle the subject
// of the clause the participle hangs on: "Trump praised Putin, comparing him favorably to Obama" (the
// subject before the participle, or the source of an earlier quote of the sentence) and "Citing a
// theory, Trump accused ..." (the subject after the participle clause's comma). The subject is a run of
// nominal words followed by a verb, an auxiliary or an adverb. It needs the POS stage's tags and sentences.
func (x *Extractor) gerundSubject(d *doc.Document, qs []doc.Quote) []doc.Quote {
	toks := d.Tokens
	if len(toks) == 0 || len(d.Sents) == 0 {
		return qs
	}
	var res *resolver
	for k := range qs {
		q := &qs[k]
		if q.Source != nil || q.Speaker != nil || q.Kind == doc.Direct {
			continue
		}
		c := sort.Search(len(toks), func(i int) bool { return toks[i].End > q.Cue.Start })
		if c >= len(toks) || toks[c].POS != "VBG" || toks[c].Start != q.Cue.Start {
			continue
		}
		si := sort.Search(len(d.Sents), func(i int) bool { return d.Sents[i].TokEnd > c })
		if si >= len(d.Sents) {
			continue
		}
		a, b := d.Sents[si].TokStart, min(d.Sents[si].TokEnd, len(toks))
		var src doc.Span
		var spk *string
		found := false
		switch {
		case c > a && (toks[c-1].Text == "," || c-1 > a && toks[c-2].Text == "," && toks[c-1].POS == "''" ||
			c-1 > a && strings.EqualFold(toks[c-1].Text, "by")):
			// an earlier quote of the sentence with a source, else the sentence's subject
			for j := k - 1; j >= 0; j-- {
				o := qs[j]
				if o.Cue.Start < toks[a].Start {
					break
				}
				if o.Source != nil && o.Cue.End <= q.Cue.Start {
					src, spk, found = *o.Source, o.Speaker, true
					break
				}
			}
			if !found {
				src, found = subjectAt(toks, a, c)
			}
			for j := a; !found && j < c-1; j++ {
				if toks[j].Text == "," { // after an introductory phrase: "On Monday, Clinton leaned in, painting ..."
					src, found = subjectAt(toks, j+1, c)
					break
				}
			}
		case c == a || c == a+1 && toks[a].POS == "IN":
			// "Citing ..., Trump accused", "After suggesting ..., Mr. Rubio disagreed": the subject after the
			// clause's comma
			for j := c + 1; j < b; j++ {
				if toks[j].Text == "," {
					src, found = subjectAt(toks, j+1, b)
					break
				}
			}
		}
		if !found {
			continue
		}
		if spk == nil {
			if res == nil {
				res = newResolver(d)
			}
			i := sort.Search(len(toks), func(i int) bool { return toks[i].End > src.Start })
			spk = res.speaker(src, strings.ToLower(toks[i].Text))
		}
		q.Source, q.Speaker = &src, spk
	}
	return qs
}

// subjectAt returns the run of nominal words (subjPOS) that starts at token i, before e, when a verb, an
// auxiliary or an adverb follows it.
func subjectAt(toks []doc.Token, i, e int) (doc.Span, bool) {
	j := i
	for j < e && j-i < 8 && (subjPOS[toks[j].POS] || toks[j].POS == "NNPS") {
		j++
	}
	if j == i || j >= e {
		return doc.Span{}, false
	}
	if p := toks[j].POS; !strings.HasPrefix(p, "VB") && p != "MD" && p != "RB" {
		return doc.Span{}, false
	}
	return doc.Span{Start: toks[i].Start, End: toks[j-1].End}, true
}

// finiteClause reports whether tokens [a, e) hold a finite verb (by the POS tags) and no quotation mark
// (quoted words are the rules' business).
func finiteClause(toks []doc.Token, a, e int) bool {
	verb := false
	for i := a; i < e; i++ {
		switch toks[i].POS {
		case "VBD", "VBZ", "VBP", "MD":
			verb = true
		case "``", "''":
			return false
		}
	}
	return verb
}
