package clean

import (
	"strings"
	"testing"
)

// furnitureLines are lines of page furniture as scraped news pages show them; each must be dropped whole.
var furnitureLines = []string{
	"Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Article continues after this advertisement",
	"Continue reading the main story", "Ad Feedback", "Video Ad Feedback",
	"Related article Zelensky says Ukraine will not cede Donbas", "Related video Trump meets Putin in Alaska", "Scroll to continue with content", "Sponsored content",
	"Skip to main content", "Menu", "Search", "Back to top", "LIVE", "Live updates", "Opinion", "Most read", "Listen to this article",
	"Select Language: English | Українська | Русский", "Choose your edition", "Language:", "English | Español | Français | Deutsch",
	"Українська | English | Русский",
	"Share on Facebook | X | WhatsApp | Email", "Share this article", "Share", "Facebook Twitter Email Print", "Link copied!",
	"Copy link", "Share: Facebook · Telegram · X", "12 comments", "Comments (34)", "Leave a comment",
	"Follow us on Telegram for live updates", "Follow us on X and Facebook", "Follow @kyivwire", "Join us on WhatsApp for breaking news",
	"Subscribe to our daily newsletter", "Sign up for our Europe Briefing newsletter", "Sign up now for free",
	"Get our morning briefing delivered to your inbox", "Enter your email", "Already a subscriber? Log in",
	"Support independent journalism in Ukraine. Become a member", "Click here to read the full report",
	"Read also: Kallas says EU must not \"wait for Washington\" on Ukraine aid", "READ MORE: Kremlin rejects truce offer",
	"Related: What we know about the fighting around Pokrovsk", "See also: Timeline of the war", "Watch: Zelensky's nightly address",
	"Also read - Poland closes border crossing", "Related stories", "You may also like",
	"Photo: Reuters", "Photo credit: Kyiv City Military Administration", "Image: Firefighters at a damaged building in Kyiv.",
	"Zelensky arrives in Brussels on Thursday. (Photo by Anna Keller/AFP via Getty Images)",
	"Secretary of State Marco Rubio at NATO headquarters on Wednesday. (AP Photo/Virginia Mayo)",
	"Smoke rises over Donetsk. Photograph: Alexander Ermochenko/Reuters", "Getty Images", "AFP via Getty Images", "Anna Keller/AFP",
	"Updated 6:42 PM CET, Thu March 13, 2025", "Posted 09:15 GMT, Mon 18 August 2025", "Published: 2025-08-18 10:32",
	"Last updated 2 hours ago", "Thursday, 13 March 2025", "March 13, 2025 | 6:42 PM", "2025-03-13", "3 min read", "Reading time: 4 minutes",
	"By Marta Hrytsenko", "By Olena Harmash and Tom Balmforth, Reuters", "By AP", "By Sarah Jones | Senior Political Correspondent",
	"BY JANE DOE", "Reporting by Marta Hrytsenko in Brussels; Editing by Paul Lindqvist", "Written by Daniel Okafor",
	"Author: Léa Marchetti", "Our Standards: The Thomson Reuters Trust Principles.",
	"We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies.",
	"This website uses cookies. Read our Cookie Policy to learn more. Accept", "Manage preferences", "Accept all",
	"© 2025 Continental Wire. All rights reserved.", "Copyright 2025 The Associated Press. All rights reserved.",
	"Privacy Policy | Terms of Use | Contact us", "Tags: Ukraine, Russia, Donetsk, war", "Topics: EU, sanctions",
	"Follow AP's coverage of the war at https://apnews.com/hub/russia-ukraine", "https://europedesk.example/k",
	"Associated Press writer Olena Bondar in Kyiv contributed to this report.", "Have a tip? Contact us securely",
	"Europe | Analysis", "World / Europe", "Home > News > World > Ukraine", "Home / Politics / Europe", "Головна / Політика", "Реклама", "Anzeige", "Publicité",
	"Читайте також: Зеленський провів телефонну розмову з Макроном", "Читайте также: Песков прокомментировал переговоры",
	"Lesen Sie auch: Merz reist nach Kiew", "Lire aussi : Barrot à Kyiv", "Поділитися: Facebook | Telegram | X", "Teilen",
	"Підписуйтесь на наш Telegram-канал", "Abonnez-vous à notre newsletter", "Фото: Офіс президента", "@kyivwire", "* * *", "—", "•",
	"Follow Pam Key on Twitter @pamkeyNEN.", "Follow Ian Hanchett on Twitter @IanHanchett", "Read the rest here.", "(h/t Mediaite.)",
	"Watch the full interview here:",
}

// articleLines are sentences and headlines of articles written for these tests, chosen to look like
// furniture to a careless filter (they start with "By", "Follow", "Photo", "Share", "Published", "Sign up",
// mention cookies or copyright, or are short). Each must be kept.
var articleLines = []string{
	"By Tuesday, the Senate had passed the bill.",
	"By Tuesday, the Senate had passed the bill",
	"By comparison, Poland spends 4.7% of its output on defence.",
	"Follow the money, the senator said, and you will find who profits from the war.",
	"Follow-up talks are expected in Riyadh next week.",
	"Share prices of European defence firms rose 3% on Monday.",
	"Shares in Rheinmetall rose after the announcement.",
	"Photo opportunities were scarce at the summit, aides said.",
	"Photographs released by the Ukrainian army showed a destroyed bridge near Kupiansk.",
	"Published reports in 2024 suggested the plan had stalled.",
	"Posted on Telegram, the video showed a burning depot near Belgorod.",
	"Updated figures from the United Nations show 12,000 civilians killed since 2022.",
	"Sign up now, Zelensky urged volunteers in a video address.",
	"Subscribers to the fund include Germany, the Netherlands and Canada.",
	"The European Commission said websites that use cookies must ask for consent, a policy critics call outdated.",
	"Copyright law was changed in 2019, the minister said.",
	"Read the room, Rutte told allies: the public wants results.",
	"Related talks on prisoner exchanges continue in Istanbul.",
	"Watch what they do, not what they say, Kallas warned.",
	"Home is where the heart is, said the soldier, who has not seen his family for a year.",
	"Live fire exercises began near the Belarusian border on Monday.",
	"Search teams were still working in the rubble on Sunday evening.",
	"Menu prices in Moscow have risen by a third since sanctions began.",
	"Opinion polls show support for Zelensky at 60%.",
	"Advertising revenue fell sharply at Russian state media, the report found.",
	"Tags on the missile fragments pointed to North Korean origin, investigators said.",
	"Reporting by state media suggested the strike hit an oil depot.",
	"Images from the scene showed a crater several metres wide.",
	"Language barriers delayed the talks for weeks.",
	"English is now taught in every Ukrainian school from the first grade.",
	"Editing the treaty text took diplomats three nights.",
	"Comments by the Russian ambassador drew a sharp rebuke from Warsaw.",
	"Trump and Zelensky to meet at the White House on Friday, officials say",
	"Kallas: EU will not lift Russia sanctions before a “just peace”",
	"Rubio tells NATO allies to meet spending pledge \"without excuses\"",
	"Russian strikes hit Donetsk region towns as Kyiv reports gains near Pokrovsk",
	"“We are ready,” Macron said.",
	"«Sanctions are not a bargaining chip», Kallas told reporters.",
	"He said: “Thank you.”",
	"No.",
	"Why now?",
	"KYIV, Aug 18 — Russian forces struck three towns in the Donetsk region overnight, killing at least seven civilians.",
	"BRUSSELS — U.S. Secretary of State Marco Rubio told NATO foreign ministers on Wednesday that allies must pay.",
	"The vote was 68-31.",
	"The U.N. Security Council will meet on Friday at 10 a.m. in New York.",
	"Monday, the deadline, passed without a deal.",
	"March 2025 was the deadliest month for civilians since the start of the year, the U.N. said.",
	"Click, the drone operator said, and it is gone.",
	"Join NATO? Not yet, the diplomat said.",
	"Europe must do more for its own security, Merz said in Berlin.",
	"Politics in Kyiv has become quieter since the election was postponed.",
	"Sources said the draft had been shared with European capitals.",
	"Credit ratings agencies downgraded Russia's outlook again.",
	"Image matters in diplomacy, and Trump knows it.",
	"Author and historian Timothy Snyder addressed the forum.",
	"Written assurances from Washington were not enough, Sybiha said.",
	"By the end of the year, Ukraine hopes to produce 4 million drones.",
	"By Olena Harmash's account, the shelling lasted all night.",
	"Werbung für die Wahl war verboten, sagte der Minister.",
	"Реклама ставок на війну заборонена з минулого року.",
	"Читайте між рядків, порадив дипломат.",
	"Contact with the crew was lost at 4 a.m., the navy said.",
	"Visit https://war.ukraine.ua to see the evidence, the ministry urged citizens.",
	"60.",
	"3.",
	"Follow the Kremlin's lead on Twitter, Trump told reporters, and you will regret it.",
	"Read the rest of the agreement and you will see the problem, Sybiha said.",
	"Related coverage of the summit was limited by the organisers.",
}

func TestFurnitureDropped(t *testing.T) {
	for _, line := range furnitureLines {
		t.Run(line, func(t *testing.T) {
			if whole, _, _ := furniture(line); !whole {
				t.Errorf("kept furniture %q", line)
			}
		})
	}
}

func TestArticleLinesKept(t *testing.T) {
	for _, line := range articleLines {
		t.Run(line, func(t *testing.T) {
			if whole, prefix, _ := furniture(line); whole || prefix != "" {
				t.Errorf("dropped article text %q (prefix %q)", line, prefix)
			}
		})
	}
}

// TestArticleLinesKeptInContext checks that every article line survives cleanText whole, each as its own
// paragraph, when interleaved with furniture, and that all the furniture is gone and listed.
func TestArticleLinesKeptInContext(t *testing.T) {
	var b strings.Builder
	for i, line := range articleLines {
		b.WriteString(line + "\n")
		b.WriteString(furnitureLines[i%len(furnitureLines)] + "\n")
	}
	text, removed := cleanText(b.String(), false)
	paras := strings.Split(text, "\n\n")
	if len(paras) != len(articleLines) {
		t.Fatalf("%d paragraphs, want %d:\n%s", len(paras), len(articleLines), text)
	}
	for i, p := range paras {
		if p != articleLines[i] {
			t.Errorf("paragraph %d = %q, want %q", i, p, articleLines[i])
		}
	}
	if len(removed) != len(articleLines) {
		t.Errorf("removed %d pieces, want %d: %q", len(removed), len(articleLines), removed)
	}
}

func TestGluedByline(t *testing.T) {
	tests := []struct{ line, prefix, rest string }{
		{"By Rachel MooreWASHINGTON (AP) — The Senate voted on Tuesday.", "By Rachel Moore", "WASHINGTON (AP) — The Senate voted on Tuesday."},
		{"By Marta HrytsenkoUpdated 6:42 PM CET, Thu March 13, 2025", "By Marta Hrytsenko", "Updated 6:42 PM CET, Thu March 13, 2025"},
		{"By Anna Maria KowalskaKYIV — Ukraine said.", "By Anna Maria Kowalska", "KYIV — Ukraine said."},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			whole, prefix, rest := furniture(tc.line)
			if whole || prefix != tc.prefix || rest != tc.rest {
				t.Errorf("furniture(%q) = %v, %q, %q; want false, %q, %q", tc.line, whole, prefix, rest, tc.prefix, tc.rest)
			}
		})
	}
}

func TestCleanTextParagraphs(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"line per paragraph", "Title of the story\nFirst sentence here.\nSecond paragraph.", "Title of the story\n\nFirst sentence here.\n\nSecond paragraph."},
		{"blank lines collapse", "One.\n\n\n\nTwo.\r\n\r\nThree.", "One.\n\nTwo.\n\nThree."},
		{"hard wrapped block stays one paragraph",
			"NATO leaders gathered in The Hague on Tuesday for a summit expected\nto endorse a new defence spending target of 5% of national output,\nwith Rutte saying the alliance faced danger.\n\nNext paragraph.",
			"NATO leaders gathered in The Hague on Tuesday for a summit expected\nto endorse a new defence spending target of 5% of national output,\nwith Rutte saying the alliance faced danger.\n\nNext paragraph."},
		{"spaces folded, invisible characters dropped", "  Kyiv\u00a0said\t\tno\u200b.  \nSoft\u00adhyphen.", "Kyiv said no.\n\nSofthyphen."},
		{"quotes kept as written", "“Yes,” he said. \"No,\" she said. «Oui», dit-il. ‘Maybe.’", "“Yes,” he said. \"No,\" she said. «Oui», dit-il. ‘Maybe.’"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, _ := cleanText(strings.ReplaceAll(tc.in, "\r\n", "\n"), false); got != tc.want {
				t.Errorf("cleanText:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestListSection(t *testing.T) {
	in := "The strike hit a school, officials said.\nMost popular\n1\nRutte: NATO will defend \"every inch\" of allied territory\n2\nEU agrees 19th sanctions package\n"
	text, removed := cleanText(in, false)
	if text != "The strike hit a school, officials said." {
		t.Errorf("text = %q", text)
	}
	if len(removed) != 5 {
		t.Errorf("removed = %q", removed)
	}
	// a list heading ends at the first line that reads as a sentence
	in = "Related stories\nWhat we know about the fighting\nThe attack came at dawn, the mayor said.\nIt lasted an hour."
	text, _ = cleanText(in, false)
	if text != "The attack came at dawn, the mayor said.\n\nIt lasted an hour." {
		t.Errorf("text = %q", text)
	}
}

func TestKeepFurniture(t *testing.T) {
	text, removed := cleanText("Advertisement\nThe vote passed.", true)
	if text != "Advertisement\n\nThe vote passed." || removed != nil {
		t.Errorf("cleanText(keep) = %q, %q", text, removed)
	}
}
