package tui_test

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui"
)

// Issue 13 item 9: at 80 columns the banner ends in "! more", and ! shows
// all of it. Golden: the announcement expanded at 80x24.
func TestBannerExpands(t *testing.T) {
	c := newCamp(t)
	m := settled(t, c, c.Attendee, 80, 24)
	if got := frame(m); !strings.Contains(got, "! more") {
		t.Fatalf("the cut banner does not say how to read the rest:\n%s", got)
	}
	press(m, key("!"))
	got := frame(m)
	for _, want := range []string{"vote for topics", "(! or esc closes)"} {
		if !strings.Contains(got, want) {
			t.Errorf("the opened banner lacks %q:\n%s", want, got)
		}
	}
	golden.RequireEqual(t, got)
	press(m, key("esc"))
	if got := frame(m); strings.Contains(got, "esc closes") {
		t.Errorf("esc did not close the banner:\n%s", got)
	}
}

// Issue 13 item 9: the 09:50 banner was still there at 22:59 and in
// December. It now goes at the end of its block (10:45 GMT) by itself.
func TestFlowBannerGoesWhenItsAnnouncementExpires(t *testing.T) {
	defer tui.Shorten(8*time.Second, 50*time.Millisecond)()
	f := startFlow(t, attendee)
	f.waitFor("» Announcement 09:50")
	f.camp.Clock.Set(time.Date(2026, 3, 28, 10, 46, 0, 0, time.UTC))
	f.waitUntil("the banner to go", func(s string) bool { return !strings.Contains(s, "» Announcement") })
}

// Issue 13 item 9: the organiser clears the banner, and x again brings it
// back (a clear made by mistake is undone with the same key).
func TestFlowOrganiserClearsAndBringsBackAnAnnouncement(t *testing.T) {
	c := newRealCamp(t)
	f := startFlowOn(t, c, organiser)
	watcher := startFlowOn(t, c, attendee)
	f.keys("6")
	f.waitForLine("›", "shown to 10:45")
	f.keys("x")
	f.waitFor("announcement cleared: x brings it back")
	f.waitForLine("›", "cleared")
	watcher.waitUntil("the banner to go", func(s string) bool { return !strings.Contains(s, "» Announcement") })
	f.keys("x")
	f.waitFor("announcement brought back")
	watcher.waitFor("» Announcement 09:50")
}

// Issue 13 item 9: a new announcement is given an expiry, offered first as
// the end of the block under way.
func TestFlowAnnouncementWithAnExpiry(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("6", "n")
	f.waitFor("Broadcast an announcement", "until the end of Lightning talks I (10:45 GMT)", "for 15 minutes", "until I clear it")
	f.burst("Room 2 link fixed")
	f.keys("tab", "down", "enter", "enter")
	f.waitFor("announcement broadcast")
	f.waitForLine("shown to 10:17", "Room 2 link fixed")
	as, err := f.camp.Camp.Announcements(t.Context(), 1)
	if err != nil || len(as) != 1 || !as[0].ExpiresAt.Equal(time.Date(2026, 3, 28, 10, 17, 0, 0, time.UTC)) {
		t.Errorf("stored: %+v %v", as, err)
	}
	_ = schedule.UntilCleared
}

// Issue 14 item 14: status messages go after a while instead of lingering.
func TestFlowStatusMessagesExpire(t *testing.T) {
	defer tui.Shorten(300*time.Millisecond, 10*time.Second)()
	f := startFlow(t, organiser)
	f.keys("6", "x")
	f.waitFor("announcement cleared")
	f.waitUntil("the message to go", func(s string) bool { return !strings.Contains(s, "announcement cleared") })
}
