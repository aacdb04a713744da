package tui_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/lightningcamp/camp/schedule"
)

// Issue 16: every confirmation shows its chosen button in text, not only
// in colour: "[x] Withdraw   [ ] Keep it". Golden files at 80x24 of each
// confirmation as NO_COLOR sees it (the frames are plain text), with the
// choice moved once so both states are on record.
func TestConfirmationsWithoutColour(t *testing.T) {
	c := newCamp(t)
	cases := []struct {
		name  string
		actor schedule.Actor
		keys  []string
		want  string
	}{
		{"withdraw", c.Organiser, []string{"2", "j", "w"}, "Withdraw “"},
		{"ban", c.Organiser, []string{"5", "j", "B"}, "Ban "},
		{"leave_a_draft", c.Attendee, []string{"4", "n", "H", "i", "esc"}, "Leave “"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := settled(t, c, tc.actor, 80, 24)
			for _, k := range tc.keys {
				press(m, key(k))
			}
			settle(m)
			got := frame(m)
			if !strings.Contains(got, tc.want) {
				t.Fatalf("no %q on screen:\n%s", tc.want, got)
			}
			if tc.name != "leave_a_draft" {
				if strings.Count(got, "[x]") != 1 || strings.Count(got, "[ ]") != 1 {
					t.Errorf("the chosen button is not told in text:\n%s", got)
				}
				before := got
				press(m, key("left"))
				if after := frame(m); after == before {
					t.Errorf("moving the choice changed nothing in text:\n%s", after)
				}
			} else if !strings.Contains(got, "> [k] Keep the draft") {
				t.Errorf("the default answer is not marked by shape:\n%s", got)
			}
			golden.RequireEqual(t, frame(m))
		})
	}
}

// The announcement's "Broadcast / Cancel", reached through the form's own
// moves (so in a running program), as NO_COLOR sees it at 80x24.
func TestFlowBroadcastConfirmationWithoutColour(t *testing.T) {
	f := startFlowSized(t, newRealCamp(t), organiser, 80, 24)
	f.keys("6", "n")
	f.waitFor("Broadcast an announcement")
	f.burst("Hi\r\r")
	f.waitForBurst("┃ Broadcast to every session now?", "[x] Broadcast", "[ ] Cancel")
	golden.RequireEqual(t, f.rec.frame())
}
