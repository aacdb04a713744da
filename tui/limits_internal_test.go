package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// The "/" search holds at most searchMax bytes however much is typed.
func TestSearchQueryIsCapped(t *testing.T) {
	var s search
	keys := DefaultKeyMap()
	s.key(keys, tea.KeyPressMsg{Code: '/', Text: "/"})
	for range searchMax + 50 {
		s.key(keys, tea.KeyPressMsg{Code: 'x', Text: "x"})
	}
	if len(s.query) != searchMax {
		t.Errorf("the query holds %d bytes, want %d", len(s.query), searchMax)
	}
}

// A session keeps at most draftsMax drafts, dropping the oldest.
func TestDraftsAreCapped(t *testing.T) {
	m := &Model{}
	for i := range draftsMax + 3 {
		m.form = &openedForm{title: strings.Repeat("x", i+1)}
		m.keepDraft()
	}
	if len(m.drafts) != draftsMax {
		t.Fatalf("%d drafts kept, want %d", len(m.drafts), draftsMax)
	}
	if _, ok := m.takeDraft("x"); ok {
		t.Errorf("the oldest draft was kept")
	}
}
