package tui_test

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui"
)

// Issue 13: the organiser's day without surprises (rehearsal, undo,
// timers, zones, approvals, timing warnings, people).

func TestFlowRehearsalIsMarkedOnEveryView(t *testing.T) {
	c := newRealCamp(t)
	c.deps.Rehearsal = "REHEARSAL · a moved clock and a database of its own"
	f := startFlowOn(t, c, organiser)
	for _, view := range []string{"1", "2", "3", "4", "5", "6"} {
		f.keys(view)
		f.waitForLine("◆ REHEARSAL", "a moved clock") // a row of its own,
		f.waitForLine("» Announcement")               // above the announcement
	}
	m := tui.New(c.Deps(), c.Organiser, tui.Options{})
	defer m.Close()
	if title := m.View().WindowTitle; !strings.Contains(title, "REHEARSAL") {
		t.Errorf("the window title %q does not say REHEARSAL", title)
	}
}

// A finish by mistake is taken back with u: the talk is live again with the
// time it had left, and the message says what was undone.
func TestFlowFinishThenUndo(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("f") // on Now
	f.waitFor("No talk is live", "u undoes")
	f.camp.Clock.Advance(time.Minute) // the organiser notices a minute later
	f.keys("u")
	f.waitFor("✓ undid the finish of “Cython 3 and the free-threaded interpreter”")
	f.waitFor("▶ LIVE  Mei Chen", "3:00 left of 5:00")
	if got := f.talk(f.camp.LiveTalk).Status; got != schedule.TalkLive {
		t.Errorf("the store has the talk %s, want live", got)
	}
	f.keys("u")
	f.waitFor("nothing to undo")
}

// Skip and reject in the Talks view are undone too, the last first.
func TestFlowUndoSkipAndReject(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("2", "j") // #4 Tomás Ortega
	f.waitForLine("›", "#4", "Tomás Ortega")
	f.keys("x")
	f.waitForLine("›", "#4", "skipped", "Tomás Ortega")
	f.keys("j", "r") // #5 Amara Okafor
	f.waitFor("“Nuitka: shipping a CLI as one binary” rejected · u undoes")
	f.keys("u")
	f.waitFor("undid the reject of “Nuitka")
	f.waitForLine("›", "#5", "approved", "Amara Okafor")
	f.keys("u")
	f.waitFor("undid the skip of “Codon")
	f.waitForLine("›", "#4", "approved", "Tomás Ortega")
}

// s on a talk that is not next in its queue asks first, naming the next
// one; saying no starts nothing.
func TestFlowStartOutOfOrderAsks(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("2", "f") // finish the live talk: #4 Tomás Ortega is next
	f.waitForLine("›", "#4", "approved", "Tomás Ortega")
	f.keys("j") // #5 Amara Okafor
	f.waitForLine("›", "#5", "Amara Okafor")
	f.keys("s")
	f.waitFor("Start “Nuitka: shipping a CLI as one binary” now?", "#4 Tomás Ortega, “Codon for bioinformatics pipelines”, is next")
	f.keys("enter") // Not now: the default
	f.waitFor("not started")
	if got := f.talk(f.camp.NextTalk).Status; got != schedule.TalkApproved {
		t.Fatalf("Tomás's talk is %s", got)
	}
	f.keys("k", "s") // #4, the next one: no question
	f.waitForLine("›", "#4", "LIVE", "Tomás Ortega")
}

// Starting a talk that would run past its block's end asks first.
func TestFlowStartPastTheBlockEndAsks(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("2", "f")
	f.waitForLine("›", "#4", "approved", "Tomás Ortega")
	f.camp.Clock.Set(time.Date(2026, 3, 28, 10, 42, 0, 0, time.UTC)) // 3 minutes before the coffee break
	f.keys("s")
	f.waitFor("It would end at 10:47 GMT, 2 min after Lightning talks I ends (10:45 GMT).")
	f.keys("left", "enter") // Start it
	f.waitForLine("#4", "LIVE", "Tomás Ortega")
}

// The detail names a talk's place by the list's own number.
func TestFlowQueueNumberAgreesInListAndDetail(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("2", "j") // #4 Tomás Ortega, the next approved talk
	f.waitForLine("›", "#4", "Tomás Ortega")
	f.waitForLine("Tomás Ortega · 5 min · approved · #4 in the queue, next")
	f.keys("j")
	f.waitForLine("Amara Okafor · 7 min · approved · #5 in the queue ·")
}

// A ban and taking a topic off the board are undone too.
func TestFlowUndoBanAndUnplace(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("5", "j")
	f.waitForLine("›", "Amara Okafor")
	f.keys("B")
	f.waitFor("Ban Amara Okafor?")
	f.burst("y←")
	f.waitFor("Amara Okafor banned · u undoes")
	f.keys("u")
	f.waitFor("undid the ban of Amara Okafor")
	f.waitUntil("Amara to be unbanned in the store", func(string) bool {
		p, _ := f.camp.Camp.Person(t.Context(), f.camp.People["amara"].PersonID)
		return !p.Banned
	})

	f.keys("3", "f") // the board: Room 1, slot 1
	f.waitForLine("›", "Which compiler")
	f.keys("u")
	f.waitFor("taken off the board (ctrl+z undoes): “Which compiler")
	f.tm.Send(tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl})
	f.waitFor("undid the unplace of “Which compiler for which workload?")
	f.waitUntil("the topic to be back on the board", func(string) bool {
		ts, _ := f.camp.Camp.Topics(t.Context())
		for _, tp := range ts {
			if strings.HasPrefix(tp.Title, "Which compiler") {
				return tp.Status == schedule.TopicPlaced && tp.Track == "a"
			}
		}
		return false
	})
}

// Pausing the live talk's timer (a screen share fails) and resuming it
// keeps the time it had left.
func TestFlowPauseAndResumeKeepTheTimeLeft(t *testing.T) {
	f := startFlow(t, organiser)
	f.waitFor("3:00 left of 5:00", "space pause/resume")
	f.keys("space")
	f.waitFor("LIVE timer paused at 3:00 left", "PAUSED · 3:00 left")
	f.camp.Clock.Advance(2 * time.Minute)
	f.waitFor("Now  Lightning talks I · 09:45–10:45 GMT · Main Room · ends in 41:00")
	f.waitFor("PAUSED · 3:00 left")
	f.keys("space")
	f.waitFor("LIVE timer resumed: 3:00 left", "3:00 left of 5:00")
	timers, _ := f.camp.Camp.Timers(t.Context())
	for _, tm := range timers {
		if tm.Kind == schedule.TimerTalk {
			if got := tm.Remaining(f.camp.Clock.Now()); got != 3*time.Minute {
				t.Errorf("after pause and resume the store has %s left, want 3m0s", got)
			}
		}
	}
}

// The slot timer: t again does not restart it; X stops it and it stays
// stopped; on Now, f stops it when no talk is live.
func TestFlowSlotTimerStopsAndStaysStopped(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("2", "f") // no talk live
	f.waitForLine("#3", "done", "Mei Chen")
	f.keys("3", "f") // the board, Room 1 slot 1
	f.waitForLine("›", "Which compiler")
	f.keys("t")
	f.waitFor("timer started: Open space I slot 1, 45:00")
	f.camp.Clock.Advance(10 * time.Second)
	f.waitFor("Open space I slot 1 44:50 left")
	f.keys("t")
	f.waitFor("the timer of slot 1 already runs (44:50 left)")
	f.keys("X")
	f.waitFor("Open space I slot 1 timer stopped")
	f.camp.Clock.Advance(time.Minute)
	f.keys("1")
	f.waitFor("No talk is live.", "s start next")
	if timers, _ := f.camp.Camp.Timers(t.Context()); len(timers) != 0 {
		t.Errorf("a stopped slot timer runs again: %+v", timers)
	}

	// On Now, f (finish) stops the slot timer when no talk is live.
	f.keys("3", "t")
	f.waitFor("timer started: Open space I slot 1")
	f.keys("1")
	f.waitFor("⏱ Open space I slot 1", "X stop timer")
	f.keys("f")
	f.waitFor("Open space I slot 1 timer stopped")
	f.waitUntil("the header's countdown to go", func(s string) bool { return !strings.Contains(s, "left") })
}

// The console in America/Chicago reads the day in Chicago time (CDT on the
// seed day), beside the event's zones.
func TestFlowConsoleInChicago(t *testing.T) {
	c := newRealCamp(t)
	chicago, err := time.LoadLocation("America/Chicago")
	if err != nil {
		t.Fatal(err)
	}
	m := tui.New(c.Deps(), c.Organiser, tui.Options{Width: 100, Height: 30, Profile: colorprofile.NoTTY, MarkdownStyle: "ascii", Zone: chicago})
	m.Update(m.Reload()())
	frame := ansi.Strip(m.View().Content)
	for _, want := range []string{"Chicago 05:02 CDT (you) · London 10:02 GMT · New York 06:02 EDT · Los Angeles 03:02 PDT",
		"Now  Lightning talks I · 04:45–05:45 CDT", "Next Coffee break · 05:45 CDT"} {
		if !strings.Contains(frame, want) {
			t.Errorf("the console in Chicago lacks %q:\n%s", want, frame)
		}
	}
}

// A topic leader is sent to their own room (Room 2), not to the room of a
// topic they voted for (Room 1), on Now and on the board, with its link.
func TestFlowJoinLineNamesTheLeadersOwnRoom(t *testing.T) {
	c := newRealCamp(t)
	mei := func(c *realCamp) schedule.Actor { return c.People["mei"] }
	f := startFlowOn(t, c, mei)
	f.waitForLine("★ Join: Room 2 (you lead) · https://zoom.us/j/0000000000")
	f.keys("3")
	f.waitFor("Join: slot 1 → Room 2 (Free-threading and C extensions)")
}

// Three presses of a approve three proposals: the cursor moves on to the
// next proposal, not with the approved talk to the end of the queue.
func TestFlowThreeApprovalsWithThreePresses(t *testing.T) {
	c := newRealCamp(t)
	third, err := c.Camp.ProposeTalk(t.Context(), c.People["lena"], schedule.TalkProposal{Title: "Cython for data scientists", Minutes: 5})
	if err != nil {
		t.Fatal(err)
	}
	f := startFlowOn(t, c, organiser)
	f.keys("2", "g") // the queue, proposals first
	f.waitForLine("›", "proposed")
	f.keys("a")
	f.keys("a")
	f.keys("a")
	f.waitUntil("no proposal left", func(s string) bool { return !strings.Contains(s, "proposed") })
	for _, id := range []int64{c.ProposedTalk, third.ID} {
		f.waitUntil("the store to have the talks approved", func(string) bool { return f.talk(id).Status == schedule.TalkApproved })
	}
	talks, _ := c.Camp.Talks(t.Context(), schedule.TalkFilter{Status: []schedule.TalkStatus{schedule.TalkProposed}})
	for _, tk := range talks {
		if tk.Block == "eu-talks" {
			t.Errorf("still proposed: %s", tk.Title)
		}
	}
}

// In the queue filter, a press of a leaves the cursor on the next proposal.
func TestFlowApproveMovesOnToTheNextProposal(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("2", "g")
	f.waitForLine("›", "proposed", "Noor Haddad")
	f.keys("a")
	f.waitForLine("›", "proposed", "Sam Taylor")
	f.keys("a")
	f.waitForLine("#8", "approved", "Sam Taylor")
	f.waitForLine("#7", "approved", "Noor Haddad")
}

// A approves every proposal shown after one confirmation.
func TestFlowApproveAllShown(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("2", "A")
	f.waitFor("Approve all 2 proposals shown?", "Noor Haddad — What the CPython JIT does to your loops")
	f.keys("left", "enter")
	f.waitFor("✓ 2 talks approved · u undoes")
	f.waitForLine("#8", "approved")
	if got := f.talk(f.camp.ProposedTalk).Status; got != schedule.TalkApproved {
		t.Errorf("the store has the talk %s, want approved", got)
	}
}

// Talks left over from block I stay in "Up next" later in the day, marked,
// before block II's own queue.
func TestFlowUpNextKeepsLeftOverTalks(t *testing.T) {
	c := newRealCamp(t)
	if _, err := c.Camp.ActOnTalk(t.Context(), c.Organiser, c.LiveTalk, schedule.ActFinish); err != nil {
		t.Fatal(err)
	}
	c.Clock.Set(time.Date(2026, 3, 28, 16, 50, 0, 0, time.UTC)) // the Americas talks block
	f := startFlowAnyTime(t, c, organiser)
	f.waitFor("Up next")
	f.waitForLine("left", "Tomás Ortega — Codon for bioinformatics pipelines (5 min) · left over from Lightning talks I")
}

// startFlowAnyTime is startFlowOn for a moment when no talk need be live.
func startFlowAnyTime(t *testing.T, c *realCamp, actor func(*realCamp) schedule.Actor) *flow {
	t.Helper()
	m := tui.New(c.Deps(), actor(c), tui.Options{Width: 100, Height: 30, Profile: colorprofile.NoTTY, MarkdownStyle: "ascii", Zone: c.Camp.Event().Zone})
	f := &flow{t: t, camp: c, rec: &recorder{Model: m}}
	f.tm = teatest.NewTestModel(t, f.rec, teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ASCII)))
	t.Cleanup(func() {
		_ = f.tm.Quit()
		f.tm.WaitFinished(t, teatest.WithFinalTimeout(3*time.Second))
		m.Close()
	})
	return f
}

// On Now with nothing live, s starts the next talk.
func TestFlowStartNextFromNow(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("f")
	f.waitFor("No talk is live.", "s start next")
	f.keys("s")
	f.waitFor("▶ LIVE  Tomás Ortega — Codon for bioinformatics pipelines")
}

// People shows each person's zone, short key, proposals and whether they
// are online; Enter opens one.
func TestFlowPeopleShowsZoneKeyAndProposals(t *testing.T) {
	c := newRealCamp(t)
	if _, err := c.Camp.SetZone(t.Context(), c.Attendee, "Asia/Kolkata"); err != nil {
		t.Fatal(err)
	}
	f := startFlowOn(t, c, organiser)
	f.keys("5")
	f.waitForLine("Name", "Now", "Zone", "Key", "Talks/topics")
	f.waitForLine("Priya Raman", "● online", "Kolkata", "2 / 2")
	for range 6 {
		f.keys("j")
	}
	f.waitForLine("›", "Priya Raman")
	f.keys("enter")
	f.waitFor("attendee · ● online now", "Key: SHA256:", "Zone: Asia/Kolkata", "Proposed · 2 talks, 2 topics",
		"Numba on a shoestring", "Which compiler for which workload?")
	f.keys("esc")
	f.waitForLine("›", "Priya Raman", "Kolkata")
}

// Polish: a message about one view does not follow to the next; one talk
// is "1 talk".
func TestFlowMessagesDoNotFollowToOtherViews(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("2", "j", "K")
	f.waitFor("✓ “Codon for bioinformatics pipelines” moved to #3")
	f.keys("1")
	f.waitUntil("the message to go", func(s string) bool { return !strings.Contains(s, "✓") })
	f.keys("2", "]")
	f.waitFor("Lightning talks II (Americas)", "filter: queue · 2 talks", "1 talk planned")
}

// s on a finished talk reopens it: live again with the time it had left.
func TestFlowReopenAFinishedTalk(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("2", "f")
	f.waitForLine("#3", "done", "Mei Chen")
	f.waitForLine("›", "#4", "Tomás Ortega") // the cursor moves on once the finish is written
	f.camp.Clock.Advance(5 * time.Minute)
	f.keys("k", "s") // back on #3
	f.waitFor("reopened: live again with the time it had left")
	f.waitForLine("#3", "LIVE", "Mei Chen")
	f.waitFor("LIVE 3:00 left")
}

// s on an empty list says why nothing happened.
func TestFlowStartOnAnEmptyListSaysSo(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("2", "]", "F", "F", "F") // Lightning talks II, its finished talks: none
	f.waitFor("filter: done · 0 talks")
	f.keys("s")
	f.waitFor("no talk here to act on")
}

// While a talk is live, s on another says so at once instead of asking.
func TestFlowStartWhileATalkIsLiveSaysSo(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("2", "j", "s")
	f.waitFor("✗ error: “Cython 3 and the free-threaded interpreter” is live: finish (f) or skip (x) it first")
}
