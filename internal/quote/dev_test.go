package quote

import (
	"context"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/internal/dataset"
	"github.com/newsgraph/newsgraph/internal/doc"
	"github.com/newsgraph/newsgraph/internal/eval/polnear"
)

// devFloor pins the PolNeAR dev figures of the quote stage alone (raw texts, no entities): a change that
// loses accuracy fails here. Raise the floors when the extractor improves.
var devFloor = map[string]float64{
	"content_overlap_f1": 0.815,
	"source_f1":          0.645,
	"cue_f1":             0.61,
	"direct_exact_f1":    0.915,
	"direct_speaker_acc": 0.91,
}

func TestPolNeARDev(t *testing.T) {
	dir := dataset.Require(t, "polnear", "dev")
	gold, err := polnear.LoadSplit(dir)
	if err != nil {
		t.Fatal(err)
	}
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	preds := map[string]*doc.Document{}
	for _, g := range gold {
		d := &doc.Document{ID: g.Name, Text: g.Text}
		if err := x.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		preds[g.Name] = d
	}
	c := polnear.Score(gold, preds)
	t.Log(c.Line())
	if os.Getenv("QUOTE_DEV_ONLY_PRINT") != "" {
		return
	}
	for k, floor := range devFloor {
		if v := c.Get(k); v < floor {
			t.Errorf("%s = %.4f, below the pinned %.2f", k, v, floor)
		}
	}
}
