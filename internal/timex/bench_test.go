package timex

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/doc"
)

// article is a realistic news article written for these tests (not taken from any publication).
const article = `WASHINGTON — Ukrainian President Volodymyr Zelensky and several European leaders are heading to Washington on Monday for talks at the White House, two days after a summit in Alaska that ended without a ceasefire agreement.

On Sunday, the president posted on social media that "big progress" had been made, but officials said late Saturday that no date had been set for a three-way meeting. The talks, which began at 11 a.m. local time on Friday, lasted nearly three hours.

European diplomats said last week that they would press for security guarantees before the end of the year. "We have waited three years for this moment," one official said on Aug. 15, 2025. "Now the hard part begins."

The war, which began in February 2022, has cost tens of thousands of lives. In the third quarter, exports fell 12% from a year earlier, and the central bank expects growth to resume in fiscal 2026. Inflation peaked in mid-2023 and has eased every month since.

Negotiators plan to meet again in September, and a follow-up summit could take place before Christmas. Leaders will reconvene at 8 p.m. ET on Tuesday, according to a schedule released earlier this month. For decades, the region has been contested; in the 1990s it was briefly independent.`

func BenchmarkProcess(b *testing.B) {
	tg := New()
	words := len(strings.Fields(article))
	b.SetBytes(int64(len(article)))
	b.ReportAllocs()
	for b.Loop() {
		d := &doc.Document{Text: article, PublishedAt: testDCT}
		if err := tg.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// ExampleFind resolves the time expressions of a sentence against its publication date.
func ExampleFind() {
	text := "Leaders are heading to Washington on Monday; on Sunday, Trump posted that talks lasted three hours."
	for _, t := range Find(text, testDCT, nil) {
		fmt.Printf("%s\t%s\t%s\n", t.Text, t.Type, t.Value)
	}
	// Output:
	// Monday	DATE	2025-08-18
	// Sunday	DATE	2025-08-17
	// three hours	DURATION	PT3H
}

// TestArticle checks every expression of the benchmark article.
func TestArticle(t *testing.T) {
	var got []string
	for _, x := range Find(article, testDCT, nil) {
		got = append(got, x.Text+"="+x.Value)
	}
	want := []string{"Monday=2025-08-18", "two days=P2D", "Sunday=2025-08-17", "late Saturday=2025-08-16",
		"11 a.m.=2025-08-15T11:00", "Friday=2025-08-15", "nearly three hours=PT3H", "last week=2025-W32",
		"the end of the year=2025", "three years=P3Y", "Aug. 15, 2025=2025-08-15", "Now=PRESENT_REF",
		"February 2022=2022-02", "the third quarter=2025-Q3", "a year earlier=2024-Q3", "fiscal 2026=2026",
		"mid-2023=2023", "every month=P1M", "September=2025-09", "Christmas=2025-12-25",
		"8 p.m. ET=2025-08-19T20:00", "Tuesday=2025-08-19", "earlier this month=2025-08", "decades=PXY", "the 1990s=199"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
