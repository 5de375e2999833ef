package store

import (
	"encoding/json"
	"testing"
)

func TestPageJSON(t *testing.T) {
	tests := []struct {
		name string
		page Page[string]
		want string
	}{
		{"nil items", Page[string]{}, `{"items":[]}`},
		{"empty items", Page[string]{Items: []string{}}, `{"items":[]}`},
		{"items and next", Page[string]{Items: []string{"a", "b"}, Next: "c1"}, `{"items":["a","b"],"next":"c1"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.page)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tt.want {
				t.Errorf("got %s, want %s", b, tt.want)
			}
			var back Page[string]
			if err := json.Unmarshal(b, &back); err != nil || len(back.Items) != len(tt.page.Items) || back.Next != tt.page.Next {
				t.Errorf("round trip: %+v (%v)", back, err)
			}
		})
	}
}
