package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
)

// Delay is how long work runs before the bar first appears.
const Delay = time.Second

// interval is the shortest time between two redraws.
const interval = 150 * time.Millisecond

// Bar is a progress bar for a known or unknown number of items.
type Bar struct {
	mu      sync.Mutex
	w       io.Writer
	on      bool
	width   int
	label   string
	total   int64
	done    int64
	start   time.Time
	drawn   time.Time
	visible bool
	now     func() time.Time
}

// New returns a bar that counts items out of total (0 when unknown) under label. It draws on w only when w
// is a terminal.
func New(w io.Writer, label string, total int64) *Bar {
	b := &Bar{w: w, label: label, total: total, now: time.Now}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		b.on = true
		b.width = 80
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil && cols > 20 {
			b.width = cols
		}
	}
	b.start = b.now()
	return b
}

// force makes the bar draw on any writer; for tests.
func (b *Bar) force(width int, now func() time.Time) {
	b.on, b.width, b.now = true, width, now
	b.start = now()
}

// Add counts n more finished items and redraws when due.
func (b *Bar) Add(n int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.done += n
	if !b.on {
		return
	}
	now := b.now()
	if now.Sub(b.start) < Delay || now.Sub(b.drawn) < interval {
		return
	}
	b.drawn = now
	b.draw(now)
}

// Done erases the bar, leaving the terminal line clean for the next output.
func (b *Bar) Done() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.visible {
		fmt.Fprintf(b.w, "\r%s\r", strings.Repeat(" ", b.width-1))
		b.visible = false
	}
}

// Line returns the text the bar shows at now: label, count, bar and percentage when the total is known,
// rate per second, elapsed time and ETA.
func (b *Bar) Line(now time.Time) string {
	elapsed := now.Sub(b.start)
	rate := 0.0
	if s := elapsed.Seconds(); s > 0 {
		rate = float64(b.done) / s
	}
	stats := fmt.Sprintf(" %.1f/s %s", rate, dur(elapsed))
	if b.total <= 0 {
		return fmt.Sprintf("%s %d%s", b.label, b.done, stats)
	}
	frac := min(float64(b.done)/float64(b.total), 1)
	eta := "--"
	if rate > 0 {
		eta = dur(time.Duration(float64(max(b.total-b.done, 0)) / rate * float64(time.Second)))
	}
	head := fmt.Sprintf("%s %d/%d ", b.label, b.done, b.total)
	tail := fmt.Sprintf(" %3.0f%%%s ETA %s", frac*100, stats, eta)
	n := b.width - 1 - len([]rune(head)) - len([]rune(tail)) - 2
	if n < 5 {
		return head + strings.TrimLeft(tail, " ")
	}
	fill := int(frac * float64(n))
	return head + "[" + strings.Repeat("=", fill) + strings.Repeat(" ", n-fill) + "]" + tail
}

func (b *Bar) draw(now time.Time) {
	line := b.Line(now)
	if r := []rune(line); len(r) > b.width-1 {
		line = string(r[:b.width-1])
	}
	fmt.Fprintf(b.w, "\r%-*s", b.width-1, line)
	b.visible = true
}

// dur formats a duration as 1h02m03s, 2m03s or 3s.
func dur(d time.Duration) string {
	d = d.Round(time.Second)
	h, m, s := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	switch {
	case h > 0:
		return fmt.Sprintf("%dh%02dm%02ds", h, m, s)
	case m > 0:
		return fmt.Sprintf("%dm%02ds", m, s)
	}
	return fmt.Sprintf("%ds", s)
}
