package sshapp

import (
	"fmt"
	"testing"

	"github.com/lightningcamp/camp/schedule"
)

// TestGuestsCannotTakeTheLastPlacesOfABigCamp: the session caps at the
// scale of issue 18, 2,000 sessions. Guests, many connections of them, get
// their budget and no more; attendees with keys fill the camp to its cap;
// an organiser still gets in when it is full.
func TestGuestsCannotTakeTheLastPlacesOfABigCamp(t *testing.T) {
	const total = 2000
	limits := schedule.Limits{Sessions: total, SessionsPerKey: 5}
	conns := ConnLimits{}.withDefaults()
	r := newRegistry()
	attendee := func(i int) identity { return identity{fingerprint: fmt.Sprintf("SHA256:attendee-%d", i)} }
	for i := range total - 150 {
		if _, err := r.admit(attendee(i), nil, limits, conns); err != nil {
			t.Fatalf("attendee %d refused: %v", i, err)
		}
	}
	guests := 0
	for range 300 { // 300 guest connections, two sessions each
		conn := &connState{}
		for range 2 {
			if _, err := r.admit(identity{}, conn, limits, conns); err == nil {
				guests++
			}
		}
	}
	if budget := conns.guestBudget(total); guests != budget {
		t.Errorf("%d guest sessions admitted; want their budget, %d", guests, budget)
	}
	keyed := 0
	for i := total; i < total+200; i++ {
		if _, err := r.admit(attendee(i), nil, limits, conns); err == nil {
			keyed++
		}
	}
	if want := 150 - guests; keyed != want {
		t.Errorf("%d more attendees got in; want the %d places left", keyed, want)
	}
	if _, err := r.admit(identity{fingerprint: "SHA256:organiser", organiser: true}, nil, limits, conns); err != nil {
		t.Errorf("the organiser was refused a full camp: %v", err)
	}
}
