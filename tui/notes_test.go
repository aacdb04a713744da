package tui_test

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// TestNotesPaneAfterFastCursorMoves: Down, Down, Up pressed quickly ask for
// the notes of three talks. Reads are numbered as they start, so the read
// for the talk passed over can start last; the pane must still show the
// notes of the talk the cursor is on, not stay on "loading…".
func TestNotesPaneAfterFastCursorMoves(t *testing.T) {
	c := newCamp(t)
	m := settled(t, c, c.Organiser, 100, 30)
	press(m, key("4"))
	settle(m)
	if f := frame(m); !strings.Contains(f, "Notes on the talk “Cython 3 and the free-threaded interpreter”") {
		t.Fatalf("the notes view does not start at the live talk:\n%s", f)
	}
	_, toCodon := m.Update(key("down"))
	_, toNuitka := m.Update(key("down"))
	_, backToCodon := m.Update(key("up"))
	// The reads start in the worst order: the one for Nuitka last.
	for _, msg := range inOrder(readsOf(toCodon), readsOf(backToCodon), readsOf(toNuitka)) {
		m.Update(msg)
	}
	f := frame(m)
	if !strings.Contains(f, "Notes on the talk “Codon for bioinformatics pipelines”") {
		t.Errorf("after down, down, up the notes pane is not on the selected talk:\n%s", f)
	}
	if strings.Contains(f, "loading…") {
		t.Errorf("the notes pane waits for notes nobody asked for:\n%s", f)
	}
}

func inOrder(msgs ...[]tea.Msg) []tea.Msg {
	var all []tea.Msg
	for _, ms := range msgs {
		all = append(all, ms...)
	}
	return all
}

// readsOf runs the commands of one update, in parallel, and returns the
// messages that come back at once: the reads. Commands that wait (the
// clock's tick) are left behind.
func readsOf(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(100 * time.Millisecond):
		return nil
	}
	if batch, ok := msg.(tea.BatchMsg); ok {
		var msgs []tea.Msg
		for _, c := range batch {
			msgs = append(msgs, readsOf(c)...)
		}
		return msgs
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}
