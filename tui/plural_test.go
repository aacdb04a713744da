package tui_test

import "testing"

// Issue 14 item 13: the Talks header said "1 talks".
func TestTalksHeaderSaysOneTalk(t *testing.T) {
	f := startFlow(t, attendee)
	f.keys("2")
	f.waitFor("filter: queue")
	f.keys("F")
	f.waitFor("filter: mine · 1 talk ")
}
