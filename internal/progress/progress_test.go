package progress

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// clock is a fake time source the test advances.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func TestNotATerminal(t *testing.T) {
	var buf bytes.Buffer
	b := New(&buf, "extract", 10)
	for range 10 {
		b.Add(1)
	}
	b.Done()
	if buf.Len() != 0 {
		t.Errorf("drew %q on a non-terminal", buf.String())
	}
}

func TestLine(t *testing.T) {
	c := &clock{t: time.Unix(1000, 0)}
	tests := []struct {
		name    string
		total   int64
		done    int64
		elapsed time.Duration
		want    string
	}{
		{"unknown total", 0, 250, 10 * time.Second, "extract 250 25.0/s 10s"},
		{"known total", 1000, 250, 10 * time.Second, "extract 250/1000 [=======                     ]  25% 25.0/s 10s ETA 30s"},
		{"long run", 100000, 50000, 2 * time.Hour, "extract 50000/100000 [=======        ]  50% 6.9/s 2h00m00s ETA 2h00m00s"},
		{"nothing yet", 10, 0, 0, "extract 0/10 [                                   ]   0% 0.0/s 0s ETA --"},
		{"past the total", 10, 12, 4 * time.Second, "extract 12/10 [==================================] 100% 3.0/s 4s ETA 0s"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := New(&bytes.Buffer{}, "extract", tc.total)
			b.force(72, c.now)
			b.done = tc.done
			got := b.Line(c.t.Add(tc.elapsed))
			if got != tc.want {
				t.Errorf("Line =\n%q\nwant\n%q", got, tc.want)
			}
			if tc.total > 0 && len([]rune(got)) != 71 || len([]rune(got)) > 71 {
				t.Errorf("line of %d columns does not fill the 71 columns left of the cursor", len([]rune(got)))
			}
		})
	}
}

func TestDrawDelayAndErase(t *testing.T) {
	var buf bytes.Buffer
	c := &clock{t: time.Unix(1000, 0)}
	b := New(&buf, "ingest", 4)
	b.force(60, c.now)
	b.Add(1)
	if buf.Len() != 0 {
		t.Fatalf("drew before the delay: %q", buf.String())
	}
	c.t = c.t.Add(2 * time.Second)
	b.Add(1)
	if !strings.HasPrefix(buf.String(), "\ringest 2/4 [") {
		t.Fatalf("no bar after the delay: %q", buf.String())
	}
	n := buf.Len()
	b.Add(1) // within the redraw interval: nothing
	if buf.Len() != n {
		t.Errorf("redrew within the interval")
	}
	b.Done()
	if !strings.HasSuffix(buf.String(), "\r"+strings.Repeat(" ", 59)+"\r") {
		t.Errorf("Done did not erase the bar: %q", buf.String()[n:])
	}
}
