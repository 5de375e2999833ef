package place

import (
	"context"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// Resolver is the place stage. It is safe for concurrent use.
type Resolver struct {
	gaz *Gazetteer
	w   Weights
}

// Load returns the stage with the embedded gazetteer (decoded once per process) and DefaultWeights.
func Load() (*Resolver, error) {
	g, err := LoadGazetteer()
	if err != nil {
		return nil, err
	}
	return &Resolver{gaz: g, w: DefaultWeights()}, nil
}

// WithWeights returns a copy of r that scores with w (for tuning).
func (r *Resolver) WithWeights(w Weights) *Resolver { return &Resolver{gaz: r.gaz, w: w} }

// Name returns the stage name.
func (*Resolver) Name() string { return "place" }

// Process resolves every LOC entity of d that the gazetteer knows: it appends one doc.Place per resolved
// entity to d.Places, sets the entity's Key to the entry's Key ("loc:geonames:ID" when it has a GeoNames id)
// and its Country (a place found for an unknown name — inside it, after it in the text, or a facility's town —
// sets no Key). Other unknown names stay entities without a place. It reads d.Entities, d.Text and d.URL and never
// changes d.Text.
func (r *Resolver) Process(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, it := range r.resolve(d) {
		if it.choice < 0 {
			continue
		}
		en := &r.gaz.Entries[it.cands[it.choice]]
		e := &d.Entities[it.ent]
		p := doc.Place{
			Entity:     e.ID,
			Name:       en.Name,
			GeonameID:  en.ID,
			Feature:    en.Feature,
			Country:    en.Country,
			Lat:        en.Lat,
			Lon:        en.Lon,
			Confidence: round3(it.conf),
		}
		if en.Admin1 != "" && !isCountry(en.Feature) {
			if a, ok := r.gaz.admin1[en.Country+"."+en.Admin1]; ok {
				p.Admin1 = r.gaz.Entries[a].Name
			}
		}
		d.Places = append(d.Places, p)
		if !it.contained {
			// A place found inside the name ("Manila" in "Manila Cathedral") locates the entity but is not it.
			e.Key = Key(en)
		}
		e.Country = en.Country
	}
	return nil
}

// Key is the cross-document key of a gazetteer entry: "loc:geonames:ID" when it has a GeoNames id, else
// "loc:adm1:CC.A1" / "loc:adm2:CC.A1.A2" for a division and "loc:place:cc:name" for a region of the hand table.
func Key(en *Entry) string {
	switch {
	case en.ID != 0:
		return "loc:geonames:" + strconv.Itoa(en.ID)
	case en.Feature == "ADM1":
		return "loc:adm1:" + en.Country + "." + en.Admin1
	case en.Feature == "ADM2" && en.Admin2 != "":
		return "loc:adm2:" + en.Country + "." + en.Admin1 + "." + en.Admin2
	}
	return "loc:place:" + strings.ToLower(en.Country) + ":" + strings.ReplaceAll(Normalize(en.Name), " ", "-")
}

func round3(v float64) float64 {
	r := float64(int(v*1000+0.5)) / 1000
	if r <= 0 {
		return 0.001
	}
	return r
}
