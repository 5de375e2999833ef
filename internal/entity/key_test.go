package entity

import "testing"

func TestSlugVariants(t *testing.T) {
	groups := [][]string{
		{"Zelensky", "Zelenskyy", "Zelenskiy", "ZELENSKY", "Zelenskii", "Зеленський"},
		{"Volodymyr", "Wolodymyr", "Володимир"},
		{"Lugansk", "Luhansk", "Луганськ"},
		{"Kharkiv", "Harkiv", "Харків"},
		{"Gaddafi", "Gadhafi", "Gadafi"},
		{"Yanukovych", "Yanukovich", "Янукович"},
		{"von der Leyen", "Von der Leyen", "von der Leyen"},
		{"Schröder", "Schroder"},
		{"Łukaszenka", "Lukaszenka"},
	}
	for _, g := range groups {
		t.Run(g[0], func(t *testing.T) {
			want := slug(fold(g[0]))
			for _, v := range g[1:] {
				if got := slug(fold(v)); got != want {
					t.Errorf("slug(%q) = %q, want %q (as %q)", v, got, want, g[0])
				}
			}
		})
	}
	distinct := [][2]string{{"Biden", "Bidan"}, {"Merz", "Mertz"}, {"Starmer", "Stammer"}}
	for _, p := range distinct {
		if slug(fold(p[0])) == slug(fold(p[1])) {
			t.Errorf("slug merges %q and %q", p[0], p[1])
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"U.S.", "us"},
		{"O'Brien", "obrien"},
		{"Jean-Claude Juncker", "jean claude juncker"},
		{"  São   Paulo ", "sao paulo"},
		{"北京", "北京"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := fold(tt.in); got != tt.want {
				t.Errorf("fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPhoneticRules(t *testing.T) {
	tests := []struct{ in, want string }{
		{"kharkiv", "harkiv"},
		{"zelenskyy", "zelenski"},
		{"selenskyj", "selenski"},
		{"lugansk", "luhansk"},
		{"gadhafi", "gadafi"},
		{"wladimir", "vladimir"},
		{"alexander", "aleksander"},
		{"yanukovych", "yanukovich"},
		{"a", "a"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := phonetic(tt.in); got != tt.want {
				t.Errorf("phonetic(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
