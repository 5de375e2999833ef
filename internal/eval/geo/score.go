package geo

import (
	"context"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/align"
	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/place"
)

// KM is the distance within which a predicted point counts as right (100 miles, the field's convention).
const KM = 161.0

// Stage is what Resolution runs on each article: the place stage.
type Stage interface {
	Process(ctx context.Context, d *doc.Document) error
}

// ResolutionResult counts resolution given the gold toponyms.
type ResolutionResult struct {
	Docs int
	// Toponyms are the gold toponyms scored: verified spans with coordinates.
	Toponyms int
	// WithID are those with a GeoNames id; Exact those resolved to that very id.
	WithID, Exact int
	// Resolved got a place; Within161 got one within KM of the gold point.
	Resolved, Within161 int
	// Errors are the distances (km) of the resolved toponyms, for the median and AUC.
	Errors []float64
}

// Accuracy161 is Within161 / Toponyms: an unresolved toponym counts as wrong.
func (r ResolutionResult) Accuracy161() float64 { return ratio(r.Within161, r.Toponyms) }

// ExactAccuracy is Exact / WithID.
func (r ResolutionResult) ExactAccuracy() float64 { return ratio(r.Exact, r.WithID) }

// Coverage is Resolved / Toponyms.
func (r ResolutionResult) Coverage() float64 { return ratio(r.Resolved, r.Toponyms) }

// MedianKm is the median error of the resolved toponyms.
func (r ResolutionResult) MedianKm() float64 {
	if len(r.Errors) == 0 {
		return 0
	}
	e := append([]float64(nil), r.Errors...)
	sort.Float64s(e)
	return e[len(e)/2]
}

// AUC is the area under the curve of log(1+error km) / log(1+20039 km) over the toponyms (unresolved ones
// count as the maximum error), as in Gritta et al. 2018; lower is better.
func (r ResolutionResult) AUC() float64 {
	if r.Toponyms == 0 {
		return 0
	}
	maxLog := math.Log(1 + 20039)
	var s float64
	for _, e := range r.Errors {
		s += math.Log(1+e) / maxLog
	}
	s += float64(r.Toponyms - r.Resolved)
	return s / float64(r.Toponyms)
}

// Line is the summary line in the reference scorers' style.
func (r ResolutionResult) Line(name string) string {
	return fmt.Sprintf("%s docs=%d toponyms=%d with_id=%d resolved=%d coverage=%.4f accuracy_161=%.4f exact=%.4f median_km=%.1f auc=%.4f",
		name, r.Docs, r.Toponyms, r.WithID, r.Resolved, r.Coverage(), r.Accuracy161(), r.ExactAccuracy(), r.MedianKm(), r.AUC())
}

// GoldDocument builds the document that the place stage sees when the toponyms are given: the article text and
// one LOC entity per distinct toponym name (its mentions at the gold spans). It returns the document and, for
// each toponym, the index of its entity (-1 for the toponyms left out: GeoWebNews' common nouns).
func GoldDocument(a Article) (*doc.Document, []int) {
	d := &doc.Document{ID: a.DocID, Source: a.DocID + ".txt", URL: a.URL, Text: a.Text, Language: "en"}
	toByte := runeToByte(a.Text)
	byName := map[string]int{}
	// entityOf returns the LOC entity of a toponym's name, one per normalised name, made on first sight.
	entityOf := func(name string) int {
		key := place.Normalize(name)
		if key == "" {
			key = name
		}
		k, ok := byName[key]
		if !ok {
			k = len(d.Entities)
			byName[key] = k
			d.Entities = append(d.Entities, doc.Entity{ID: fmt.Sprintf("e%d", k+1), Type: "LOC", Name: strings.TrimSpace(name), Key: "loc:" + key})
		}
		return k
	}
	ents := make([]int, len(a.Toponyms))
	for i, t := range a.Toponyms {
		ents[i] = -1
		if !t.Verified || strings.TrimSpace(t.Name) == "" || (t.Type != "" && !t.HasCoords) {
			// GeoWebNews' common nouns ("the church") and non-toponyms are no LOC entities.
			continue
		}
		k := entityOf(t.Name)
		kind := doc.KindName
		if t.Type == "Demonym" {
			kind = doc.KindDemonym
		}
		d.Entities[k].Mentions = append(d.Entities[k].Mentions, doc.Mention{Span: doc.Span{Start: toByte(t.Start), End: toByte(t.End)}, Kind: kind})
		ents[i] = k
	}
	// A toponym whose span is not in the text (GeoWebNews has two with negative offsets) is still a toponym to
	// resolve given its name, as in Gritta et al.'s evaluation: it joins the entity of its name, or one of its own
	// without mentions.
	for i, t := range a.Toponyms {
		if t.Verified || strings.TrimSpace(t.Name) == "" || !t.HasCoords {
			continue
		}
		k := entityOf(t.Name)
		ents[i] = k
	}
	return d, ents
}

// Resolution runs stage on GoldDocument of each article and scores the places of the gold toponyms that have
// coordinates. trace, when not nil, receives one line per wrong toponym.
func Resolution(ctx context.Context, arts []Article, stage Stage, trace io.Writer) (ResolutionResult, error) {
	var r ResolutionResult
	for _, a := range arts {
		d, ents := GoldDocument(a)
		if err := stage.Process(ctx, d); err != nil {
			return r, fmt.Errorf("%s: %w", a.DocID, err)
		}
		places := map[string]*doc.Place{}
		for i := range d.Places {
			places[d.Places[i].Entity] = &d.Places[i]
		}
		r.Docs++
		for i, t := range a.Toponyms {
			if !t.HasCoords {
				continue
			}
			r.Toponyms++
			if t.GeonameID != 0 {
				r.WithID++
			}
			var p *doc.Place
			if ents[i] >= 0 {
				p = places[d.Entities[ents[i]].ID]
			}
			if p == nil {
				if trace != nil {
					fmt.Fprintf(trace, "%s\t%q\tunresolved\tgold %d (%.2f,%.2f)\n", a.DocID, t.Name, t.GeonameID, t.Lat, t.Lon)
				}
				continue
			}
			r.Resolved++
			km := place.HaversineKm(t.Lat, t.Lon, p.Lat, p.Lon)
			r.Errors = append(r.Errors, km)
			if km <= KM {
				r.Within161++
			}
			if t.GeonameID != 0 && p.GeonameID == t.GeonameID {
				r.Exact++
			}
			if trace != nil && km > KM {
				fmt.Fprintf(trace, "%s\t%q\t%.0f km\tgot %s %s %s.%s %d (%.2f,%.2f) conf %.2f\tgold %d (%.2f,%.2f)\n", a.DocID, t.Name, km,
					p.Name, p.Feature, p.Country, p.Admin1, p.GeonameID, p.Lat, p.Lon, p.Confidence, t.GeonameID, t.Lat, t.Lon)
			}
		}
	}
	return r, nil
}

// EndToEnd counts recognition and resolution of a pipeline's output against the gold toponyms, with the
// definitions of score_places.py.
type EndToEnd struct {
	Docs, MissingDocs                 int
	Gold, Pred, Matched, GoldCoords   int
	MatchedCoords, Correct            int
	Repaired, Unverified, Unprojected int
}

// Line is score_places.py's last line.
func (e EndToEnd) Line() string {
	p, r, f := prf(e.Matched, e.Pred, e.Matched, e.Gold)
	return fmt.Sprintf("score_places docs=%d missing_docs=%d km=161 gold=%d pred=%d matched=%d gold_coords=%d repaired=%d unverified=%d recognition_p=%.4f recognition_r=%.4f recognition_f1=%.4f accuracy_161=%.4f recall_161=%.4f",
		e.Docs, e.MissingDocs, e.Gold, e.Pred, e.Matched, e.GoldCoords, e.Repaired, e.Unverified, p, r, f,
		ratio(e.Correct, e.MatchedCoords), ratio(e.Correct, e.GoldCoords))
}

// Score scores the documents (keyed by article DocID; a missing one predicts nothing) against the articles.
// GeoWebNews toponyms without coordinates (common nouns, non-toponyms) are not gold.
// Predicted mentions are the non-pronoun mentions of every place's entity, each with the place's point; a span
// claimed twice counts once. Spans are projected onto the gold text as scoring.py does (a span with no mapped
// character is unprojected: it counts as a prediction that matches nothing).
func Score(arts []Article, docs map[string]*doc.Document) EndToEnd {
	var e EndToEnd
	for _, a := range arts {
		e.Docs++
		d := docs[a.DocID]
		if d == nil {
			e.MissingDocs++
		}
		// GeoWebNews annotates common nouns ("mansion") and non-toponyms too; only its toponyms with
		// coordinates are places to find.
		tops := a.Toponyms[:0:0]
		for _, t := range a.Toponyms {
			if t.Type == "" || t.HasCoords {
				tops = append(tops, t)
			}
		}
		a.Toponyms = tops
		gold := make([][2]int, len(a.Toponyms))
		rs := []rune(a.Text)
		for i, t := range a.Toponyms {
			gold[i] = trim(rs, t.Start, t.End)
			e.Gold++
			if t.HasCoords {
				e.GoldCoords++
			}
			if t.Repaired {
				e.Repaired++
			}
			if !t.Verified {
				e.Unverified++
			}
		}
		if d == nil {
			continue
		}
		proj := align.NewProjector(rs, []rune(d.Text))
		ents := map[string]*doc.Entity{}
		for i := range d.Entities {
			ents[d.Entities[i].ID] = &d.Entities[i]
		}
		type predM struct {
			span     [2]int
			ok       bool
			lat, lon float64
		}
		var preds []predM
		seen := map[[2]int]bool{}
		for _, p := range d.Places {
			en := ents[p.Entity]
			if en == nil {
				continue
			}
			for _, m := range en.Mentions {
				if m.Kind == doc.KindPronoun {
					continue
				}
				k := [2]int{doc.RuneOffset(d.Text, m.Start), doc.RuneOffset(d.Text, m.End)}
				if seen[k] {
					continue
				}
				seen[k] = true
				gs, ge, ok := proj.Span(k[0], k[1])
				if !ok {
					e.Unprojected++
				}
				preds = append(preds, predM{[2]int{gs, ge}, ok, p.Lat, p.Lon})
			}
		}
		e.Pred += len(preds)
		type pair struct{ ov, gi, pi int }
		var pairs []pair
		for gi, g := range gold {
			for pi, p := range preds {
				if !p.ok {
					continue
				}
				if ov := min(g[1], p.span[1]) - max(g[0], p.span[0]); ov > 0 {
					pairs = append(pairs, pair{ov, gi, pi})
				}
			}
		}
		sort.SliceStable(pairs, func(i, j int) bool {
			if pairs[i].ov != pairs[j].ov {
				return pairs[i].ov > pairs[j].ov
			}
			if pairs[i].gi != pairs[j].gi {
				return pairs[i].gi < pairs[j].gi
			}
			return pairs[i].pi < pairs[j].pi
		})
		usedG, usedP := map[int]bool{}, map[int]bool{}
		for _, p := range pairs {
			if usedG[p.gi] || usedP[p.pi] {
				continue
			}
			usedG[p.gi], usedP[p.pi] = true, true
			e.Matched++
			t := a.Toponyms[p.gi]
			if !t.HasCoords {
				continue
			}
			e.MatchedCoords++
			if place.HaversineKm(t.Lat, t.Lon, preds[p.pi].lat, preds[p.pi].lon) <= KM {
				e.Correct++
			}
		}
	}
	return e
}

func trim(rs []rune, s, e int) [2]int {
	s, e = max(s, 0), min(e, len(rs))
	for s < e && align.IsSpace(rs[s]) {
		s++
	}
	for e > s && align.IsSpace(rs[e-1]) {
		e--
	}
	return [2]int{s, e}
}

// runeToByte maps code point offsets of s to byte offsets (clamped).
func runeToByte(s string) func(int) int {
	starts := make([]int, 0, len(s)+1)
	for i := range s {
		starts = append(starts, i)
	}
	starts = append(starts, len(s))
	return func(r int) int { return starts[max(0, min(r, len(starts)-1))] }
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func prf(tpP, nP, tpG, nG int) (float64, float64, float64) {
	p, r := ratio(tpP, nP), ratio(tpG, nG)
	if p+r == 0 {
		return p, r, 0
	}
	return p, r, 2 * p * r / (p + r)
}
