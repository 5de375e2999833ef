package lexicon

import "testing"

func TestCountryCode(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"UK", "GB", true}, {"U.K.", "GB", true}, {"Britain", "GB", true}, {"united kingdom", "GB", true},
		{"US", "US", true}, {"U.S.", "US", true}, {"America", "US", true}, {"Ukraine", "UA", true},
		{"DR Congo", "CD", true}, {"Us", "", false}, {"us", "", false}, {"Atlantis", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := CountryCode(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("CountryCode(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestDemonymCode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ukrainian", "UA"}, {"Ukrainians", "UA"}, {"Finnish", "FI"}, {"American", "US"}, {"British", "GB"},
		{"South Korean", "KR"}, {"Dutch", "NL"}, {"Congolese", ""}, {"Martian", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got, _ := DemonymCode(tt.in); got != tt.want {
				t.Errorf("DemonymCode(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLookupOrg(t *testing.T) {
	for _, form := range []string{"EU", "E.U.", "European Union", "european union"} {
		if o, ok := LookupOrg(form); !ok || o.Key != "eu" {
			t.Errorf("LookupOrg(%q) = %+v, %v", form, o, ok)
		}
	}
	if o, ok := LookupOrg("who"); ok {
		t.Errorf("lower-case 'who' found %+v", o)
	}
	if o, ok := LookupOrg("WHO"); !ok || o.Key != "who" {
		t.Errorf("WHO: %+v %v", o, ok)
	}
}

func TestWordsAndNames(t *testing.T) {
	if w := LookupWord("Minister"); w == nil || !w.Head {
		t.Errorf("minister: %+v", w)
	}
	if w := LookupWord("prime"); w == nil || !w.Mod || w.Head {
		t.Errorf("prime: %+v", w)
	}
	if w := LookupWord("Mrs."); w == nil || !w.Hon || w.Gender != 'f' {
		t.Errorf("Mrs.: %+v", w)
	}
	for _, tt := range []struct {
		name string
		g    byte
		ok   bool
	}{{"Maria", 'f', true}, {"john", 'm', true}, {"Christian", 0, true}, {"Qwxz", 0, false}} {
		if g, ok := GivenName(tt.name); g != tt.g || ok != tt.ok {
			t.Errorf("GivenName(%q) = %c, %v", tt.name, g, ok)
		}
	}
	if CountryName("GB") != "United Kingdom" {
		t.Errorf("CountryName(GB) = %q", CountryName("GB"))
	}
}
