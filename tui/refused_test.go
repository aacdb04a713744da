package tui_test

import (
	"testing"

	"github.com/lightningcamp/camp/schedule"
)

// A save the camp refuses keeps what was typed: here the organiser mutes
// the attendee while they write a note. The note was lost with the form
// before; now it is kept as a draft, and the same key brings it back.
func TestFlowRefusedNoteKeepsTheDraft(t *testing.T) {
	f := startFlow(t, attendee)
	f.keys("4", "n")
	f.waitFor("Add a note to")
	f.burst("A long thought about free-threading")
	f.waitFor("A long thought about free-threading")
	moderate(f, true)
	f.keys("enter", "enter")
	f.waitLong("✗ error: you are muted by the organisers", "your draft is kept: it comes back", "when you open “Add a note to")
	moderate(f, false)
	f.keys("n")
	f.waitLong("your draft is back", "A long thought about free-threading")
	f.keys("enter", "enter")
	f.waitLong("✓ note added")
	notes, err := f.camp.Camp.Notes(t.Context(), schedule.Target{Kind: "talk", ID: f.camp.LiveTalk})
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, n := range notes {
		if n.Text == "A long thought about free-threading" {
			found++
		}
	}
	if found != 1 {
		t.Errorf("the note is there %d times after the refusal and the second try; want once", found)
	}
}

// The same holds for every form with text (openDraftForm): a muted
// person may not change their name, and the name typed is kept.
func TestFlowRefusedRenameKeepsTheDraft(t *testing.T) {
	f := startFlow(t, attendee)
	f.keys("y")
	f.waitLong("Your display name")
	moderate(f, true)
	f.burst("\x15Priya R.\r\r")
	f.waitLong("✗ error: you are muted by the organisers", "your draft is kept: it comes back", "when you open “You” again")
	moderate(f, false)
	f.keys("y")
	f.waitLong("your draft is back", "Priya R.")
	f.burst("\r\r")
	f.waitLong("✓ you are Priya R.")
}

func moderate(f *flow, muted bool) {
	f.t.Helper()
	if _, err := f.camp.Camp.Moderate(f.t.Context(), f.camp.Organiser, f.camp.Attendee.PersonID, schedule.Moderation{Muted: &muted}); err != nil {
		f.t.Fatal(err)
	}
}
