package entity

import "testing"

func TestRepairTypes(t *testing.T) {
	tests := []struct {
		name, src, of string
		wantType      string
		wantKey       string // "" when not checked
	}{
		{"capital typed person", `{Kyiv|PER} reports gains near the front as talks resume.`, "Kyiv", "LOC", "loc:kyiv"},
		{"capital typed organization", `The envoy said {Kyiv|ORG}'s red lines had not moved.`, "Kyiv", "LOC", "loc:kyiv"},
		{"small capital typed organization", `Diplomats said {Bratislava|ORG} wanted guarantees on gas.`, "Bratislava", "LOC", ""},
		{"large city typed person", `{Istanbul|PER} will host the next round of talks.`, "Istanbul", "LOC", ""},
		{"platform typed place", `The governor wrote on {Telegram|LOC} that two towns were hit.`, "Telegram", "ORG", "org:telegram"},
		{"platform typed person", `{Filashkin|PER} wrote on {Telegram|PER} that two towns were hit.`, "Telegram", "ORG", "org:telegram"},
		{"follow us on", `Follow us on {Telegram|LOC} for live updates.`, "Telegram", "ORG", ""},

		{"wire in a dateline", "{PARIS|LOC} ({Continental Wire|LOC}) — The talks resumed on Monday.", "Continental Wire", "ORG", "org:continental-wire"},
		{"copyright line", "The talks resumed on Monday.\n\n© 2025 {Continental Wire|LOC}. All rights reserved.", "Continental Wire", "ORG", ""},
		{"team and country in a result line", "{Red Star|ORG} ({Zorvalia|LOC}) beat {Dinamo|ORG} ({Russia|LOC}) 92-90.", "Zorvalia", "LOC", ""},
		{"place in parentheses mid-sentence", "Officials in {Lviv|LOC} ({Ukraine|LOC}) said the talks resumed.", "Ukraine", "LOC", ""},
		{"unknown place in parentheses mid-sentence", "Officials in {Hrytsivka|LOC} ({Zorvale|LOC}) said the talks resumed.", "Zorvale", "LOC", ""},
		{"surname that is a city, with a person verb", `{Houston|PER} died on Saturday, her publicist said.`, "Houston", "PERSON", ""},
		{"given name that is a city", `{Sydney|PER} scored 30 points on Friday.`, "Sydney", "PERSON", ""},
		{"honorific", `Mr. {Lima|PER} declined to comment.`, "Lima", "PERSON", ""},
		{"title", `Senator {Lima|PER} declined to comment.`, "Lima", "PERSON", ""},
		{"full name elsewhere", `{Ana Lima|PER} arrived late. {Lima|PER} said the vote was close.`, "Lima", "PERSON", ""},
		{"city team, not a capital", `{Philadelphia|ORG} beat {Dallas|ORG} 24-17 on Sunday.`, "Philadelphia", "ORG", ""},
		{"acronym", `{RIM|ORG} shares rose on Tuesday.`, "RIM", "ORG", ""},
		{"island after on", `An earthquake struck on {Sumatra|LOC} overnight.`, "Sumatra", "LOC", ""},
		{"capital beside a person of that surname", `{George Washington|PER} never saw {Washington|LOC}.`, "Washington", "LOC", ""},
		{"known place after wrote on", `She wrote on {Kyiv|LOC} for years.`, "Kyiv", "LOC", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := resolve(t, tt.src)
			e := entityOf(d, tt.of)
			if e == nil {
				t.Fatalf("no entity %q", tt.of)
			}
			if e.Type != tt.wantType || tt.wantKey != "" && e.Key != tt.wantKey {
				t.Errorf("%q: type %s key %s, want %s %s", tt.of, e.Type, e.Key, tt.wantType, tt.wantKey)
			}
		})
	}
}

// A headline surname the tagger typed as a place joins the person named in full in the body.
func TestSurnameTypedPlaceJoinsPerson(t *testing.T) {
	d := resolve(t, "{Koval|LOC} presses EU leaders on frozen assets\n\nBRUSSELS — Ukrainian President {Ivan Koval|PER} urged leaders to act.")
	e := entityOf(d, "Koval")
	if e == nil || e.Type != "PERSON" || e.Key != "person:ivan-koval" || len(e.Mentions) < 2 {
		t.Fatalf("headline surname: %+v", e)
	}
}
