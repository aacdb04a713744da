package tui_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store/storetest"
)

// TestGuidePane: t in the Notes view opens the compiler-tool guide over
// the series (three camps in one database), every figure with its n; the
// arrows pick a tool; t or esc goes back to the notes. The goldens are the
// 80x24 frames without colour.
func TestGuidePane(t *testing.T) {
	c := newRealCamp(t)
	c.deps.Guide = storetest.SeriesCamps(t).Camps[2]
	f := startFlowSized(t, c, attendee, 80, 24)
	f.keys("4", "t")
	f.waitFor("Compiler-tool guide", "8 reports from 3 camps", "median 4× (n=3)", "astropy-regions")
	t.Run("cython", func(t *testing.T) { golden.RequireEqual(t, []byte(f.rec.frame())) })
	f.keys("down")
	f.waitFor("mypyc · 3 reports", "range 3×–5× (n=2)")
	t.Run("mypyc", func(t *testing.T) { golden.RequireEqual(t, []byte(f.rec.frame())) })
	f.keys("esc")
	f.waitFor("Talks and topics")
	f.keys("t")
	f.waitFor("Compiler-tool guide")
	f.keys("t")
	f.waitFor("Talks and topics")
}

// TestStarOnTalksAndBoardMarksNow: * stars the selected talk (Talks) and
// topic (the board) for the viewer's agenda, and takes the star off again;
// the Now view marks the starred live talk; nobody else sees the stars.
func TestStarOnTalksAndBoardMarksNow(t *testing.T) {
	c := newRealCamp(t)
	f := startFlowSized(t, c, attendee, 80, 24)
	stars := func() []schedule.Target {
		got, err := c.Camp.StarsOf(t.Context(), c.Attendee.PersonID)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	f.keys("2", "*")
	f.waitFor("★ ", "is on your agenda")
	if got := stars(); len(got) != 1 || got[0].Kind != "talk" {
		t.Fatalf("after * on Talks the stars are %v, want one talk", got)
	}
	f.keys("*")
	f.waitFor("is off your agenda")
	if got := stars(); len(got) != 0 {
		t.Fatalf("after a second * the stars are %v, want none", got)
	}
	f.keys("3", "*")
	f.waitFor("is on your agenda")
	if got := stars(); len(got) != 1 || got[0].Kind != "topic" {
		t.Fatalf("after * on the board the stars are %v, want one topic", got)
	}
	if err := c.Camp.Star(t.Context(), c.Attendee, schedule.Target{Kind: "talk", ID: c.LiveTalk}, true); err != nil {
		t.Fatal(err)
	}
	f.keys("1")
	f.waitForLine("▶ LIVE", "★ ")
	other := startFlowSizedOn(t, c, func(c *realCamp) schedule.Actor { return c.People["tomas"] })
	other.keys("1")
	other.waitFor("▶ LIVE")
	if strings.Contains(other.rec.frame(), "★ Mei") || strings.Contains(other.rec.frame(), "★ starred") {
		t.Errorf("Tomás sees Priya's stars:\n%s", other.rec.frame())
	}
}

func startFlowSizedOn(t *testing.T, c *realCamp, actor func(*realCamp) schedule.Actor) *flow {
	return startFlowSized(t, c, actor, 80, 24)
}

// TestStarTwiceQuicklyTakesItOff: two presses of * typed together star and
// unstar, whatever the feed has brought back in between (failed before the
// star was shown ahead of its write: the second press starred again).
func TestStarTwiceQuicklyTakesItOff(t *testing.T) {
	c := newRealCamp(t)
	f := startFlowSized(t, c, attendee, 80, 24)
	f.keys("2")
	f.waitFor("* star/unstar")
	f.burst("**")
	f.waitFor("is off your agenda") // the second write's answer: both are done
	if got, _ := c.Camp.StarsOf(t.Context(), c.Attendee.PersonID); len(got) != 0 {
		t.Errorf("after ** the stars are %v, want none", got)
	}
}
