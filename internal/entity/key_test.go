package entity

import "testing"

func TestSlugVariants(t *testing.T) {
	// Each rule of keyWord with a real variant pair it joins and a pair of distinct names it keeps apart.
	tests := []struct {
		name   string
		joined []string // share one key
		apart  [2]string
	}{
		{"case diacritics cyrillic", []string{"Schröder", "Schroder", "SCHRÖDER"}, [2]string{"Schröder", "Schrader"}},
		{"sky ending", []string{"Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskyi", "Zelenskii", "ZELENSKY", "Зеленський"}, [2]string{"Zelensky", "Zelenska"}},
		{"polish ski kept", []string{"Kowalski"}, [2]string{"Kowalski", "Kowalsky"}},
		{"ii ending", []string{"Andriy", "Andrii", "Andrij", "Андрій", "АНДРІЙ"}, [2]string{"Andriy", "Andrei"}},
		{"ei ending", []string{"Sergei", "Sergey", "SERGEY"}, [2]string{"Sergei", "Serge"}},
		{"vich ending", []string{"Yanukovych", "Yanukovich", "Янукович"}, [2]string{"Yanukovych", "Yanukov"}},
		{"g h before ansk", []string{"Lugansk", "Luhansk", "Луганськ"}, [2]string{"Luhansk", "Lubansk"}},
		{"g h before orod", []string{"Uzhgorod", "Uzhhorod", "Ужгород"}, [2]string{"Uzhhorod", "Uzhorod"}},
		{"particles", []string{"von der Leyen", "Von der Leyen", "VON DER LEYEN"}, [2]string{"von der Leyen", "van der Leyen"}},
		{"slash l", []string{"Łukaszenka", "Lukaszenka"}, [2]string{"Lukaszenka", "Lukashenko"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := slug(fold(tt.joined[0]))
			for _, v := range tt.joined[1:] {
				if got := slug(fold(v)); got != want {
					t.Errorf("slug(%q) = %q, want %q (as %q)", v, got, want, tt.joined[0])
				}
			}
			if a, b := slug(fold(tt.apart[0])), slug(fold(tt.apart[1])); a == b {
				t.Errorf("slug merges %q and %q as %q", tt.apart[0], tt.apart[1], a)
			}
		})
	}
}

func TestSlugReadable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Josh Hawley", "josh-hawley"},
		{"Steve Witkoff", "steve-witkoff"},
		{"Fox News", "fox-news"},
		{"Mark Rutte", "mark-rutte"},
		{"Chuck Schumer", "chuck-schumer"},
		{"Volodymyr Zelensky", "volodymyr-zelensky"},
		{"Volodymyr Zelenskyy", "volodymyr-zelensky"},
		{"Володимир Зеленський", "volodymyr-zelensky"},
		{"Ursula von der Leyen", "ursula-von-der-leyen"},
		{"Jean-Noël Barrot", "jean-noel-barrot"},
		{"Andriy Yermak", "andrii-yermak"},
		{"Dmitry Peskov", "dmitry-peskov"},
		{"Hawaii", "hawaii"},
		{"Wei", "wei"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := slug(fold(tt.in)); got != tt.want {
				t.Errorf("slug(fold(%q)) = %q, want %q", tt.in, got, tt.want)
			}
		})
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
