package sshapp

import (
	"bytes"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/lightningcamp/camp/tui/sshapp/screen"
)

func TestSessionFilter(t *testing.T) {
	var out bytes.Buffer
	lines := screen.New(&out, colorprofile.ASCII, 20, 3)
	filter := sessionFilter(lines)
	if msg := filter(nil, tea.RequestBackgroundColor()); msg != nil {
		t.Errorf("the model's background-colour request went through: %#v", msg)
	}
	if _, ok := filter(nil, tea.SuspendMsg{}).(tea.ResumeMsg); !ok {
		t.Error("ctrl+z suspended the session")
	}
	key := tea.KeyPressMsg{Code: 'q', Text: "q"}
	if msg := filter(nil, key); msg != key {
		t.Errorf("a key was changed: %#v", msg)
	}
	// What the model writes itself goes out with the next frame: Bubble
	// Tea's own writer is the ticker sessions stop.
	for _, cmd := range []tea.Cmd{tea.Raw("\a"), tea.SetClipboard("talk 3")} {
		if msg := filter(nil, cmd()); msg != nil {
			t.Errorf("%#v went to Bubble Tea, which would not write it", msg)
		}
	}
	done := make(chan struct{})
	close(done)
	if err := lines.DrawPaced(done); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "\a"+ansi.SetSystemClipboard("talk 3"); !bytes.Contains([]byte(got), []byte(want)) {
		t.Errorf("the screen wrote %q; want it to hold %q", got, want)
	}
}
