package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/storetest"
)

func openTemp(t *testing.T) store.Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "kb.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.IntegrityCheck(context.Background()); err != nil {
			t.Errorf("integrity: %v", err)
		}
		s.Close()
	})
	return s
}

func TestConformance(t *testing.T) { storetest.Run(t, openTemp) }
