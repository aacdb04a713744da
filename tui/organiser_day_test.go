package tui_test

import (
	"testing"
)

// Issue 13: the organiser's day without surprises (rehearsal, undo,
// timers, zones, approvals, timing warnings, people).

func TestFlowRehearsalIsMarkedOnEveryView(t *testing.T) {
	c := newRealCamp(t)
	c.deps.Rehearsal = "REHEARSAL · a moved clock and a database of its own"
	f := startFlowOn(t, c, organiser)
	for _, view := range []string{"1", "2", "3", "4", "5", "6"} {
		f.keys(view)
		f.waitForLine("◆ REHEARSAL", "Announcement")
	}
}
