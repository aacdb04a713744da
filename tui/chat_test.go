package tui_test

import (
	"strings"
	"testing"
)

// TestChatTextKey: the organiser's c shows the text for Zoom chat, the
// same lines as now/rooms/queue --plain, unstyled so it copies as it is;
// arrows show the others, esc closes. Attendees have no such key.
func TestChatTextKey(t *testing.T) {
	f := startFlow(t, organiser)
	f.waitFor("Mei Chen")
	f.keys("c")
	f.waitFor("Paste into Zoom chat: what is on now (1 of 3)", `Live: Mei Chen, "Cython 3 and the free-threaded interpreter" (5 min).`,
		"Now, 10:02 GMT / 06:02 EDT / 03:02 PDT:")
	f.keys("right")
	f.waitFor("the breakout rooms (2 of 3)", `Room 2: "Free-threading and C extensions", led by Mei Chen.`)
	f.keys("right")
	f.waitFor("the talks to come (3 of 3)", `1. Tomás Ortega, "Codon for bioinformatics pipelines" (5 min)`)
	f.keys("y")
	f.waitFor("Copied the talks to come to the clipboard")
	f.keys("esc")
	f.waitUntil("the overlay to close", func(frame string) bool { return !strings.Contains(frame, "Paste into Zoom chat") })

	a := startFlow(t, attendee)
	a.waitFor("Mei Chen")
	a.keys("c", "?")
	a.waitFor("Keys:")
	if strings.Contains(a.rec.frame(), "Paste into Zoom chat") || strings.Contains(a.rec.frame(), "chat text") {
		t.Errorf("an attendee has the chat-text key:\n%s", a.rec.frame())
	}
}
