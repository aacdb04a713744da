package tui_test

import (
	"strings"
	"testing"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/lightningcamp/camp/tui"
)

// Issue 14 item 14: a Tokyo attendee's clock line wrapped at 80 columns.
// Their Now view fits: no line wider than the terminal, and their own
// zone on the clock line beside the event's.
func TestTokyoAttendeeNowFits80Columns(t *testing.T) {
	c := newCamp(t)
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Fatal(err)
	}
	opts := plainOptions(c, 80, 24)
	opts.Zone = tokyo
	m := tui.New(c.Deps(), c.Attendee, opts)
	defer m.Close()
	settle(m)
	got := frame(m)
	lines := strings.Split(got, "\n")
	if len(lines) > 24 {
		t.Errorf("the view is %d lines tall at 80x24", len(lines))
	}
	for i, l := range lines {
		if w := lipgloss.Width(l); w > 80 {
			t.Errorf("line %d is %d columns wide: %q", i+1, w, l)
		}
	}
	if !strings.Contains(got, "19:02 JST") {
		t.Errorf("the Tokyo attendee's time is not on screen:\n%s", got)
	}
	golden.RequireEqual(t, got)
}
