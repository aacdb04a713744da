package tui_test

import (
	"strings"
	"testing"

	"github.com/lightningcamp/camp/schedule"
)

// Issue 14 item 7: the attendee sees their name and zone, and changes both
// in the TUI (y); times switch to the new zone at once.
func TestFlowAttendeeChangesNameAndZone(t *testing.T) {
	f := startFlow(t, attendee)
	f.waitFor("you: Priya Raman · London (y changes)")
	f.keys("y")
	f.waitFor("Your display name", "compilepython.com after the camp", "Your time zone")
	f.burst("\x15Priya R.\r\x15asia/tokyo\r")
	f.waitForBurst("you are Priya R., reading times in Asia/Tokyo")
	f.waitFor("Tokyo 19:02 JST (you)")
	ps, _ := f.camp.Camp.People(t.Context())
	for _, p := range ps {
		if p.ID == f.camp.Attendee.PersonID && (p.Name != "Priya R." || p.TZ != "Asia/Tokyo") {
			t.Errorf("stored %q %q", p.Name, p.TZ)
		}
	}
}

// Issue 14 item 9: a guest is told at once that they are a guest, and no
// view offers them a form they cannot submit.
func TestGuestIsToldAndOfferedNoForms(t *testing.T) {
	c := newCamp(t)
	guest := schedule.Actor{Role: schedule.RoleGuest}
	m := settled(t, c, guest, 80, 24)
	if got := frame(m); !strings.Contains(got, "guest: read only") {
		t.Errorf("the guest is not told:\n%s", got)
	}
	for _, keys := range [][]string{{"2", "n"}, {"2", "e"}, {"2", "w"}, {"3", "n"}, {"3", "e"}, {"3", "v"}, {"4", "n"}, {"4", "r"}, {"4", "e"}, {"1", "y"}} {
		m := settled(t, c, guest, 80, 24)
		for _, k := range keys {
			press(m, key(k))
		}
		got := frame(m)
		if strings.Contains(got, "esc leave the form") || strings.Contains(got, "┃") {
			t.Errorf("%v opened a form for a guest:\n%s", keys, got)
		}
		footer := got[strings.LastIndex(got, "\n")+1:]
		for _, offer := range []string{"n new", "e edit", "v vote", "r report", "w withdraw"} {
			if strings.Contains(footer, offer) {
				t.Errorf("%v: the guest's footer offers %q: %s", keys, offer, footer)
			}
		}
	}
}
