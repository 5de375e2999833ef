package place

import (
	"context"
	"strconv"

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
// entity to d.Places, sets the entity's Key to "loc:geonames:ID" (when the entry has a GeoNames id) and its
// Country. Unknown names stay entities without a place. It reads d.Entities, d.Text and d.URL and never
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
		if en.ID != 0 && !it.contained {
			// A place found inside the name ("Manila" in "Manila Cathedral") locates the entity but is not it.
			e.Key = "loc:geonames:" + strconv.Itoa(en.ID)
		}
		e.Country = en.Country
	}
	return nil
}

func round3(v float64) float64 {
	r := float64(int(v*1000+0.5)) / 1000
	if r <= 0 {
		return 0.001
	}
	return r
}
