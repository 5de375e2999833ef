package entity

import (
	"strings"
	"testing"
)

func TestScan(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Trump's envoy", "Trump|'s|envoy"},
		{"the U.S. and the U.K. said.", "the|U.S.|and|the|U.K.|said|."},
		{"Mr. Merz met Gen. Smith.", "Mr.|Merz|met|Gen.|Smith|."},
		{"George W. Bush", "George|W.|Bush"},
		{"O'Brien's dog", "O'Brien|'s|dog"},
		{"Jean-Claude Juncker, 70,", "Jean-Claude|Juncker|,|70|,"},
		{"the Joneses' house", "the|Joneses|'|house"},
		{"Зеленський заявив", "Зеленський|заявив"},
		{"“Yes,” she said", "“|Yes|,|”|she|said"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var got []string
			for _, w := range scan(tt.in, nil) {
				if tt.in[w.start:w.end] != w.text {
					t.Errorf("word %q has span text %q", w.text, tt.in[w.start:w.end])
				}
				got = append(got, w.text)
			}
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("scan(%q) = %q, want %q", tt.in, g, tt.want)
			}
		})
	}
}
