package sshapp

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestSessionFilter(t *testing.T) {
	if msg := sessionFilter(nil, tea.RequestBackgroundColor()); msg != nil {
		t.Errorf("the model's background-colour request went through: %#v", msg)
	}
	if _, ok := sessionFilter(nil, tea.SuspendMsg{}).(tea.ResumeMsg); !ok {
		t.Error("ctrl+z suspended the session")
	}
	key := tea.KeyPressMsg{Code: 'q', Text: "q"}
	if msg := sessionFilter(nil, key); msg != key {
		t.Errorf("a key was changed: %#v", msg)
	}
}
