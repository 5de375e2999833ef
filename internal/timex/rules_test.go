package timex

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testDCT is Sunday 2025-08-17, the publication date of the examples in the issue.
var testDCT = time.Date(2025, 8, 17, 0, 0, 0, 0, time.UTC)

// octDCT is Monday 2025-10-27, for months on either side of the turn of the year.
var octDCT = time.Date(2025, 10, 27, 0, 0, 0, 0, time.UTC)

// TestRules checks every rule of the grammar on its own example: the expression is found with the
// expected extent, type and value.
func TestRules(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range rules {
		t.Run(r.name, func(t *testing.T) {
			if seen[r.name] {
				t.Fatalf("duplicate rule name %q", r.name)
			}
			seen[r.name] = true
			parts := strings.Split(r.want, "|")
			if len(parts) != 3 {
				t.Fatalf("want %q: expected text|TYPE|value", r.want)
			}
			got := Find(r.example, testDCT, nil)
			for _, x := range got {
				if x.Text == parts[0] {
					if x.Type != parts[1] || x.Value != parts[2] {
						t.Errorf("%q in %q: got %s %s, want %s %s", x.Text, r.example, x.Type, x.Value, parts[1], parts[2])
					}
					return
				}
			}
			t.Errorf("%q: %q not found; got %+v", r.example, parts[0], got)
		})
	}
}

// TestFind covers the cases of the issue and the TimeBank extent conventions, with exact offsets.
func TestFind(t *testing.T) {
	tests := []struct {
		name, text string
		dct        time.Time
		want       []string // "start:end TYPE value"
	}{
		{"heading-monday-is-next", "Zelensky and European leaders are heading to Washington on Monday.", testDCT,
			[]string{"59:65 DATE 2025-08-18"}},
		{"sunday-posted-is-dct", "On Sunday, Trump posted a long message.", testDCT,
			[]string{"3:9 DATE 2025-08-17"}},
		{"will-meet-is-next", "The two leaders will meet on Friday.", testDCT,
			[]string{"29:35 DATE 2025-08-22"}},
		{"met-is-last", "The two leaders met on Friday.", testDCT,
			[]string{"23:29 DATE 2025-08-15"}},
		{"last-monday", "Talks collapsed last Monday.", testDCT,
			[]string{"16:27 DATE 2025-08-11"}},
		{"possessive-weekday", "Markets rallied after Friday's summit.", testDCT,
			[]string{"22:28 DATE 2025-08-15"}},
		{"absolute-forms", "Dates: Aug. 18, 2025; 18 August 2025; 2025-08-18; 8/18/2025.", testDCT,
			[]string{"7:20 DATE 2025-08-18", "22:36 DATE 2025-08-18", "38:48 DATE 2025-08-18", "50:59 DATE 2025-08-18"}},
		{"month-day-closest-year", "The merger closes Jan. 5 and was first floated on Aug. 1.", testDCT,
			[]string{"18:24 DATE 2026-01-05", "50:56 DATE 2025-08-01"}},
		{"mid-month-and-decade", "Prices rose in mid-August, the highest since the 1990s.", testDCT,
			[]string{"15:25 DATE 2025-08", "45:54 DATE 199"}},
		{"fiscal-and-quarters", "In fiscal 2024 and in the third quarter, and in Q3 2024.", testDCT,
			[]string{"3:14 DATE 2024", "22:39 DATE 2025-Q3", "48:55 DATE 2024-Q3"}},
		{"relative-days", "He left yesterday, returns tomorrow and speaks today.", testDCT,
			[]string{"8:17 DATE 2025-08-16", "27:35 DATE 2025-08-18", "47:52 DATE 2025-08-17"}},
		{"ago-and-earlier-this", "It was sold two days ago, earlier this month.", testDCT,
			[]string{"12:24 DATE 2025-08-15", "26:44 DATE 2025-08"}},
		{"past-year-is-date", "Sales fell over the past year.", testDCT,
			[]string{"16:29 DATE 2024"}},
		{"clock-with-zone", "Polls close at 8 p.m. ET tonight.", testDCT,
			[]string{"15:24 TIME 2025-08-17T20:00", "25:32 TIME 2025-08-17TNI"}},
		{"durations", "The war has lasted three years, a decade for some, and 48 hours of talks.", testDCT,
			[]string{"19:30 DURATION P3Y", "32:40 DURATION P10Y", "55:63 DURATION PT48H"}},
		{"sets", "The board meets every week and publishes daily.", testDCT,
			[]string{"16:26 SET P1W", "41:46 SET P1D"}},
		{"references", "Prices are now falling; they recently rose; rates may rise in the future.", testDCT,
			[]string{"11:14 DATE PRESENT_REF", "29:37 DATE PAST_REF", "62:72 DATE FUTURE_REF"}},
		{"this-morning", "Markets opened lower this morning.", testDCT,
			[]string{"21:33 TIME 2025-08-17TMO"}},
		{"weekday-evening-is-time", "The vote was held Friday evening, after talks on Friday night.", testDCT,
			[]string{"18:32 TIME 2025-08-15TEV", "49:61 DATE 2025-08-15"}},
		{"far-date-follows-tense", "The plant was closed on Feb. 3. The board will vote in March.", testDCT,
			[]string{"24:30 DATE 2025-02-03", "55:60 DATE 2026-03"}},
		{"effective-date-is-later", "She was named chief executive effective Feb. 3.", testDCT,
			[]string{"40:46 DATE 2026-02-03"}},
		{"until-weekday-is-ahead", "The court postponed the hearing until Tuesday.", testDCT,
			[]string{"38:45 DATE 2025-08-19"}},
		{"soon-and-current", "Its current owner may soon sell, at the then current price.", testDCT,
			[]string{"4:11 DATE PRESENT_REF", "22:26 DATE FUTURE_REF", "40:52 DATE PAST_REF"}},
		{"soon-not-a-time", "He was soon released and left soon after, as soon as he could.", testDCT, nil},
		{"recent-units", "Prices rose in recent years and fell in recent weeks.", testDCT,
			[]string{"15:27 DATE PAST_REF", "40:52 DURATION PXW"}},
		{"high-noon-is-an-idiom", "For the party, high noon has come.", testDCT, nil},
		{"clock-on-day-of-narration", "The storm hit the coast on Aug. 12. Power failed at 10 p.m. across the county.", testDCT,
			[]string{"27:34 DATE 2025-08-12", "52:59 TIME 2025-08-12T22:00"}},
		{"holiday", "Stores close on Thanksgiving.", testDCT,
			[]string{"16:28 DATE 2025-11-27"}},
		{"hyphenated-adjective-drops-the", "It reported the third-quarter loss and the 30-day period.", testDCT,
			[]string{"16:29 DATE 2025-Q3", "43:49 DURATION P30D"}},
		{"the-year", "Sales for the year rose; earlier in the year they fell; the year-ago level was lower.", testDCT,
			[]string{"10:18 DATE 2025", "25:44 DATE 2025", "60:68 DATE 2024"}},
		{"end-of-year", "The plant closes at the end of 2026.", testDCT,
			[]string{"20:35 DATE 2026"}},
		{"no-dct-underspecified", "They met on Monday, Aug. 18 and will return next week.", time.Time{},
			[]string{"12:27 DATE XXXX-08-18", "44:53 DATE XXXX-WXX"}},
		{"age-is-not-duration", "A 6-year-old boy and a man, 52 years old, were hurt.", testDCT, nil},
		{"may-the-verb", "He may resign, and March is a verb when troops march.", testDCT, nil},
		{"compound-number-words", "The bank has lost money for twenty-five years and for the last twenty four hours.", testDCT,
			[]string{"28:45 DURATION P25Y", "54:80 DURATION PT24H"}},
		{"and-a-half", "The station was off the air for two and a half hours, and a minute and a half later it returned.", testDCT,
			[]string{"32:52 DURATION PT2H30M", "58:77 DURATION PT1M30S"}},
		{"past-sentence-opening-month-is-last-year", "In January, the insurer brought in a new chief executive.", octDCT,
			[]string{"3:10 DATE 2025-01"}},
		{"reported-future-month-stays-ahead", "The lender said the rules would be published in November.", octDCT,
			[]string{"48:56 DATE 2025-11"}},
		{"progressive-does-not-move-month-ahead", "The company is continuing to sell itself under a June agreement.", octDCT,
			[]string{"49:53 DATE 2025-06"}},
		{"future-month-far-back-moves-ahead", "The company said it will close the plant in June.", octDCT,
			[]string{"44:48 DATE 2026-06"}},
		{"will-one-day", "Analysts say the chain will one day be the largest in the country.", testDCT,
			[]string{"28:35 DATE FUTURE_REF"}},
		{"next-morning-of-narration", "The storm reached the coast on Aug. 12. The next morning the river broke its banks.", testDCT,
			[]string{"31:38 DATE 2025-08-12", "40:56 DATE 2025-08-13"}},
		{"next-day-needs-a-day", "The next day will tell.", testDCT, nil},
		{"halves", "Profit will fall in the last half of 2025 and through the first two quarters of 2026.", testDCT,
			[]string{"20:41 DATE 2025-H2", "54:84 DATE 2026-H1"}},
		{"half-hour-is-not-a-half-year", "They played the first half hour without a goal.", testDCT, nil},
		{"part-of-yesterday", "Shares were up 2 pence at mid-afternoon yesterday.", testDCT,
			[]string{"26:49 TIME 2025-08-16TAF"}},
		{"the-week-of-a-market-report", "For the week, the index dropped 3.8%; the week's busiest session was Tuesday. The week of Sept. 8 is quiet.", testDCT,
			[]string{"4:12 DATE 2025-WXX", "38:46 DATE 2025-WXX", "69:76 DATE 2025-08-12", "78:97 DATE 2025-W37"}},
		{"the-week-long-is-a-duration-not-a-week", "The company said it would appeal the week-long ban.", testDCT,
			[]string{"37:46 DURATION P1W"}},
		{"previous-weekday-without-anchor", "Sales fell from the previous Friday.", testDCT,
			[]string{"16:35 DATE 2025-08-08"}},
		{"generic-today", "The chain thrives in today's world, and today's meeting was short.", testDCT,
			[]string{"40:45 DATE 2025-08-17"}},
		{"vague-periods", "Prices may swing in the weeks ahead and in the near term; in the first hours of trading they fell.", testDCT,
			[]string{"20:35 DURATION PXW", "43:56 DATE FUTURE_REF", "61:76 DURATION PTXH"}},
		{"near-term-adjective", "The near-term outlook is weak.", testDCT, nil},
		{"title-is-not-a-week", `The minister said on ABC's "This Week" that talks would resume. This week the talks resumed.`, testDCT,
			[]string{"64:73 DATE 2025-W33"}},
		{"conjoined-days", "The fair runs Oct. 12-13 and closed on Sept. 24 or 25, not on Aug. 3 and 4 November.", testDCT,
			[]string{"14:21 DATE 2025-10-12", "22:24 DATE 2025-10-13", "39:47 DATE 2024-09-24", "51:53 DATE 2024-09-25",
				"62:68 DATE 2025-08-03", "73:83 DATE 2025-11-04"}},
		{"latest-fiscal-year", "Sales reached $6 billion in the latest fiscal year.", testDCT,
			[]string{"28:50 DATE 2024"}},
		{"years-in-names", "The venture Orion 1980 sold Kopp's 1987 Chevrolet before the 1996 Olympic Games.", testDCT,
			[]string{"61:65 DATE 1996"}},
		{"future-quarter-keeps-the-reported-one", "Third-quarter profit rose. The storm will cause a fourth-quarter charge. Sales fell in the latest quarter and rose from a year ago.", octDCT,
			[]string{"0:13 DATE 2025-Q3", "50:64 DATE 2025-Q4", "87:105 DATE 2025-Q3", "120:130 DATE 2024-Q3"}},
		{"nine-months-period-is-no-quarter", "Profit rose in the third quarter. In the first nine months, profit was flat against the 2024 period and the year-earlier period.", octDCT,
			[]string{"15:32 DATE 2025-Q3", "37:58 DURATION P9M", "84:99 DATE 2024", "104:127 DATE 2024"}},
		{"latest-nine-months-is-no-quarter", "Profit rose in the third quarter. Margins were 12% in the latest nine months against 10% a year earlier.", octDCT,
			[]string{"15:32 DATE 2025-Q3", "54:76 DURATION P9M", "89:103 DATE 2024"}},
		{"the-quarter-by-tense", "The company expects profit will rise in the quarter.", octDCT,
			[]string{"40:51 DATE 2025-Q4"}},
		{"the-quarter-reported", "Profit rose 5% in the quarter.", octDCT,
			[]string{"18:29 DATE 2025-Q3"}},
		{"spoken-years", "The price was last this low in the winter of nineteen ninety-four, and in January nineteen ninety-seven.", testDCT,
			[]string{"31:65 DATE 1994-WI", "74:103 DATE 1997-01"}},
		{"mid-part-alone", "By mid afternoon, officials said the village had fallen.", testDCT,
			[]string{"3:16 TIME 2025-08-17TAF"}},
		{"discourse-now-not-tagged", "Sales slumped last year. Now, the chain says, it is profitable and now holds cash.", testDCT,
			[]string{"14:23 DATE 2024", "67:70 DATE PRESENT_REF"}},
		{"future-of-is-not-a-time", "The vote matters to the future of the port, and prices may rise in the future.", testDCT,
			[]string{"67:77 DATE FUTURE_REF"}},
		{"since-year-end-is-last-year", "The index has gained 12% since year-end, and the deal should close by year-end.", testDCT,
			[]string{"31:39 DATE 2024-12-31", "70:78 DATE 2025"}},
		{"early-hours-of-a-day", "Police detained him in the early hours of Tuesday morning.", testDCT,
			[]string{"42:57 DATE 2025-08-12"}},
		{"week-or-so-ago", "The general picked the date a week or so ago.", testDCT,
			[]string{"28:44 DATE 2025-W32"}},
		{"present-perfect-month-day", "The company has set Sept. 2 as the deadline.", testDCT,
			[]string{"20:27 DATE 2025-09-02"}},
		{"day-before-yesterday", "He left the day before yesterday and returns the day after tomorrow.", testDCT,
			[]string{"8:32 DATE 2025-08-15", "45:67 DATE 2025-08-19"}},
		{"day-before-weekday", "The day before last Tuesday's hearing, he flew home.", testDCT,
			[]string{"0:27 DATE 2025-08-11"}},
		{"for-a-while", "They will live without power for a while; a while ago it failed.", testDCT,
			[]string{"33:40 DURATION PXX"}},
		{"hyphenated-to-compound-is-not-a-time", "The quarter-to-quarter comparison improved on a month-to-month basis from 2001 to 2003.", testDCT,
			[]string{"74:78 DATE 2001", "82:86 DATE 2003"}},
		{"hyphenated-long-and-several", "After a decades-long feud and a day-long meeting, he ended a several-year tenure; the road is a mile long.", testDCT,
			[]string{"8:20 DURATION PXY", "32:40 DURATION P1D", "61:73 DURATION PXY"}},
		{"nth-day-of-is-today", "It is the fifth day of the strike. The leaders met Monday, the third day of it.", testDCT,
			[]string{"6:19 DATE 2025-08-17", "51:57 DATE 2025-08-11"}},
		{"today-as-a-name-and-generic-tomorrow", "She told USA Today that the people of tomorrow will vote; as of tomorrow, rates rise.", testDCT,
			[]string{"64:72 DATE 2025-08-18"}},
		{"over-the-years", "Over the years the fund grew, but in the weeks before the vote it shrank.", testDCT,
			[]string{"5:14 DURATION PXY"}},
		{"opening-month-dates-the-main-verb", "In January, a week after the anniversary of Roe vs. Wade, a bombing in Birmingham, Ala., killed a guard.", octDCT,
			[]string{"3:10 DATE 2025-01", "12:18 DURATION P1W"}},
		{"last-year-compared-in-a-quarterly-report", "Profit rose in the third quarter, compared with $3 million last year. Last year the firm moved.", octDCT,
			[]string{"15:32 DATE 2025-Q3", "59:68 DATE 2024-Q3", "70:79 DATE 2024"}},
		{"open-quarter-is-not-the-reported-one", "Profit rose in the third quarter. It can't yet gauge the storm's impact on fourth-quarter results. In the latest quarter, margins fell.", octDCT,
			[]string{"15:32 DATE 2025-Q3", "75:89 DATE 2025-Q4", "102:120 DATE 2025-Q3"}},
		{"quarter-ended-takes-the-end-year", "In the second quarter ended Oct. 31, the chain lost money; that quarter included a charge.", octDCT,
			[]string{"3:21 DATE 2024-Q2", "28:35 DATE 2024-10-31", "59:71 DATE 2024-Q2"}},
		{"background-quarter-after-keeps-the-reported-one", "Profit rose in the third quarter. After a flat second quarter, sales beat the year-earlier period.", octDCT,
			[]string{"15:32 DATE 2025-Q3", "47:61 DATE 2025-Q2", "74:97 DATE 2024-Q3"}},
		{"march-as-modifier-of-a-noun", "The March accession will enable them to vote, after the March on Washington.", testDCT,
			[]string{"4:9 DATE 2026-03"}},
		{"relative-weekday-with-date-in-apposition", "The day is this coming Sunday, March 8, and it rained last Aug. 3.", testDCT,
			[]string{"11:38 DATE 2026-03-08", "59:65 DATE 2025-08-03"}},
		{"auxiliary-beyond-the-window-decides", "Colonel Ana Ruiz will be named commander of the Mars Sample Return Orbiter for a launch in June.", octDCT,
			[]string{"91:95 DATE 2026-06"}},
		{"infinitive-is-not-an-auxiliary", "Ortiz sold its valve unit to Halden Corp., which agreed to buy its industrial pump and compressor business for $40 million in February.", octDCT,
			[]string{"126:134 DATE 2026-02"}},
		{"last-next-month-skips-the-neighbouring-month", "The ferry sank last September and the inquiry reopens next November; the strike ended last October.", octDCT,
			[]string{"15:29 DATE 2024-09", "54:67 DATE 2026-11", "86:98 DATE 2024-10"}},
		{"last-next-month-further-away", "Two helicopters collided last September; the new fleet arrives next August.", testDCT,
			[]string{"25:39 DATE 2024-09", "63:74 DATE 2026-08"}},
		{"one-day-after-a-subject-is-some-day", "She hopes he one day follows her into orbit.", testDCT,
			[]string{"13:20 DATE FUTURE_REF"}},
		{"throughout-the-year-is-the-whole-year", "Margins should widen throughout the fiscal year, and sales for the year rose.", octDCT,
			[]string{"32:47 DURATION P1Y", "63:71 DATE 2025"}},
		{"this-moment-present-not-event", "They waited years for this moment; at this moment, and at this crucial moment, talks go on.", testDCT,
			[]string{"38:49 DATE PRESENT_REF", "58:77 DATE PRESENT_REF"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, x := range Find(tt.text, tt.dct, nil) {
				got = append(got, spanString(x.Start, x.End, x.Type, x.Value))
				if x.Text != tt.text[x.Start:x.End] {
					t.Errorf("Text %q does not match span %d:%d", x.Text, x.Start, x.End)
				}
			}
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("Find(%q)\n got %v\nwant %v", tt.text, got, tt.want)
			}
		})
	}
}

func spanString(s, e int, typ, val string) string {
	return itoa(s) + ":" + itoa(e) + " " + typ + " " + val
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// TestClassifyShortcut checks that skipping the class tests for words outside the lexicons changes
// nothing: every token of the test articles gets the classes that testing every class gives.
func TestClassifyShortcut(t *testing.T) {
	texts := []string{article, "Aug 18 the 1990s '80s eighties 8 p.m. ET noon 3rd twenty-first spring a.m. EST"}
	for _, name := range []string{"earnings.txt", "storm.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	n := 0
	for _, text := range texts {
		toks := tokenize(text)
		for i, tk := range toks {
			if want := classOf(toks, i); tk.cls != want {
				t.Errorf("%q: classes %b, want %b", tk.text, tk.cls, want)
			}
			if tk.cls != 0 {
				n++
			}
		}
	}
	if n < 50 {
		t.Errorf("only %d classified tokens: the test texts lost their time words", n)
	}
}

// TestQuarterContextRefreshed checks that "the latest quarter" keeps a quarterly report's quarter in view:
// "a year earlier" far from the first mention of the quarter is still that quarter a year before.
func TestQuarterContextRefreshed(t *testing.T) {
	filler := strings.Repeat("Analysts had expected less. ", 40)
	text := "Acme's third-quarter profit rose. " + filler + "Sales in the latest quarter grew. " + filler[:560] +
		"Revenue rose from $3 million a year earlier."
	got := Find(text, testDCT, nil)
	if len(got) != 3 {
		t.Fatalf("got %d expressions, want 3: %v", len(got), got)
	}
	for i, want := range []string{"2025-Q3", "2025-Q3", "2024-Q3"} {
		if got[i].Value != want {
			t.Errorf("%q = %s, want %s", got[i].Text, got[i].Value, want)
		}
	}
}

// TestIntentionNoun checks that "plans" tagged as a noun by the POS stage does not make a weekday future:
// "On Friday, when the minister set aside her vacation plans" is last Friday.
func TestIntentionNoun(t *testing.T) {
	text := "On Friday, when the minister set aside her vacation plans, rescuers were still digging."
	k := strings.Index(text, "plans")
	for _, tc := range []struct {
		name string
		pos  map[int]string
		want string
	}{
		{"noun", map[int]string{k: "NNS"}, "2025-08-15"},
		{"verb", map[int]string{k: "VBZ"}, "2025-08-22"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Find(text, testDCT, tc.pos)
			if len(got) != 1 || got[0].Start != 3 || got[0].End != 9 || got[0].Value != tc.want {
				t.Errorf("got %+v, want Friday at 3:9 = %s", got, tc.want)
			}
		})
	}
}

// TestTenseCues checks the tense cues that resolve a weekday, against Wednesday 2025-08-20; the POS tag
// of "could" is given as the POS stage would.
func TestTenseCues(t *testing.T) {
	wed := time.Date(2025, 8, 20, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"until-opening-past-perfect", "Until Tuesday, the police had not named a suspect.", []string{"6:13 DATE 2025-08-19"}},
		{"until-deadline-ahead", "The court postponed the hearing until Tuesday.", []string{"38:45 DATE 2025-08-26"}},
		{"planning-happened-that-day", "On Monday, the government planned to pay the families.", []string{"3:9 DATE 2025-08-18"}},
		{"planned-event-ahead", "The government planned to pay the families on Monday.", []string{"46:52 DATE 2025-08-25"}},
		{"planned-and-were-planning", "Exiles planned a rally on Saturday and were planning to march on Monday.",
			[]string{"26:34 DATE 2025-08-23", "65:71 DATE 2025-08-25"}},
		{"planned-participle-is-not-a-plan", "A lecture planned for Saturday was canceled.", []string{"22:30 DATE 2025-08-16"}},
		{"future-in-past", "The company said Tuesday it would close the plant on Friday.",
			[]string{"17:24 DATE 2025-08-19", "53:59 DATE 2025-08-22"}},
		{"reported-past", "The company said on Monday that the plant closed on Friday.",
			[]string{"20:26 DATE 2025-08-18", "52:58 DATE 2025-08-15"}},
		{"could-is-not-future", "The grandparents could be located Tuesday in their home town.", []string{"34:41 DATE 2025-08-19"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var pos map[int]string
			if k := strings.Index(tt.text, "could"); k >= 0 {
				pos = map[int]string{k: "MD"}
			}
			var got []string
			for _, x := range Find(tt.text, wed, pos) {
				got = append(got, spanString(x.Start, x.End, x.Type, x.Value))
			}
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("Find(%q)\n got %v\nwant %v", tt.text, got, tt.want)
			}
		})
	}
}
