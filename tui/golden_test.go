package tui_test

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/sshapp/screen"
)

// TestViews renders every view from the seeded camp at 10:02 GMT, with a
// talk live, at the smallest supported size and a large one, and checks
// that no view sets a tea.View field SSH sessions do not draw. Run with
// -update to regenerate testdata/TestViews/*.golden.
func TestViews(t *testing.T) {
	c := newCamp(t)
	sizes := [][2]int{{80, 24}, {160, 48}}
	views := []struct {
		name  string
		key   string
		actor schedule.Actor
	}{
		{"now", "1", c.Organiser},
		{"talks", "2", c.Organiser},
		{"board", "3", c.Organiser},
		{"notes", "4", c.Organiser},
		{"people", "5", c.Organiser},
		{"announce", "6", c.Organiser},
		{"attendee_now", "1", c.Attendee},
		{"attendee_talks", "2", c.Attendee},
		{"attendee_board", "3", c.Attendee},
		{"now_help", "?", c.Organiser},
		{"talks_help", "2?", c.Organiser},
		{"attendee_propose_talk", "2n", c.Attendee},
		{"attendee_propose_topic", "3n", c.Attendee},
	}
	for _, v := range views {
		for _, s := range sizes {
			t.Run(fmt.Sprintf("%s_%dx%d", v.name, s[0], s[1]), func(t *testing.T) {
				m := settled(t, c, v.actor, s[0], s[1])
				for _, k := range v.key {
					press(m, key(string(k)))
				}
				settle(m)
				if unsupported := screen.Unsupported(m.View()); len(unsupported) > 0 {
					t.Errorf("the view sets %v, which SSH sessions do not draw (see package screen)", unsupported)
				}
				golden.RequireEqual(t, frame(m))
			})
		}
	}
}
