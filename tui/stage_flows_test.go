package tui_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui"
	"github.com/lightningcamp/camp/tui/live"
)

func as(who string) func(*realCamp) schedule.Actor {
	return func(c *realCamp) schedule.Actor { return c.People[who] }
}

// liveTalkEnds is when the seeded live talk's timer runs out.
func liveTalkEnds(t *testing.T, c *realCamp) time.Time {
	t.Helper()
	timers, err := c.Camp.Timers(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, tm := range timers {
		if tm.Ref == live.TalkRef(c.LiveTalk) {
			now := c.Clock.Now()
			return now.Add(tm.Remaining(now))
		}
	}
	t.Fatal("the live talk has no timer")
	return time.Time{}
}

// Issue 17, item 3: the speaker of the next talk sees the cue in every
// session they have open once the live talk has two minutes left; nobody
// else does.
func TestNextSpeakerIsCuedAtTwoMinutesLeft(t *testing.T) {
	c := newRealCamp(t)
	ends := liveTalkEnds(t, c)
	c.Clock.Set(ends.Add(-3 * time.Minute))
	tomas := startFlowOn(t, c, as("tomas")) // Codon, next in the queue
	tomasTalks := startFlowOn(t, c, as("tomas"))
	tomasTalks.keys("2")
	mei := startFlowOn(t, c, as("mei")) // speaking now
	tomas.waitFor("3:00 left")
	if strings.Contains(tomas.rec.frame(), "You're next") {
		t.Fatalf("cued with three minutes left:\n%s", tomas.rec.frame())
	}
	c.Clock.Set(ends.Add(-2 * time.Minute))
	tomas.waitFor("» You're next: about 2 minutes")
	tomasTalks.waitFor("[2 Talks]", "» You're next: about 2 minutes")
	c.Clock.Set(ends.Add(-50 * time.Second))
	tomas.waitFor("» You're next: about 1 minute")
	if f := mei.rec.frame(); strings.Contains(f, "You're next") {
		t.Errorf("the live speaker was told she is next:\n%s", f)
	}
}

// Issue 17, item 3: a topic leader is told where and when, with the room's
// join link, five minutes before their slot.
func TestTopicLeaderIsCuedFiveMinutesBefore(t *testing.T) {
	c := newRealCamp(t)
	priya := startFlowOn(t, c, attendee) // leads a topic in room 1, slot 1 (11:00)
	priya.keys("2")
	c.Clock.Set(time.Date(2026, 3, 28, 10, 54, 0, 0, time.UTC))
	time.Sleep(1500 * time.Millisecond)
	if strings.Contains(priya.rec.frame(), "Your topic") {
		t.Fatalf("cued six minutes before:\n%s", priya.rec.frame())
	}
	c.Clock.Set(time.Date(2026, 3, 28, 10, 55, 0, 0, time.UTC))
	link := c.Camp.Event().JoinLink("room-1")
	priya.waitFor("» Your topic is in Room 1 - compilepython.com at 11:00 GMT (in 5 minutes)")
	if link == "" || !strings.Contains(priya.rec.frame(), link) {
		t.Errorf("no join link %q:\n%s", link, priya.rec.frame())
	}
}

// Issue 17, item 3: the speaker view's countdown changes at one minute and
// at thirty seconds.
func TestSpeakerViewCountdownChangesAtOneMinuteAndThirtySeconds(t *testing.T) {
	c := newRealCamp(t)
	ends := liveTalkEnds(t, c)
	mei := startFlowOn(t, c, as("mei"))
	mei.keys("S")
	mei.waitFor("▶ LIVE  Mei Chen — Cython 3", "left of")
	c.Clock.Set(ends.Add(-59 * time.Second))
	mei.waitFor("LAST MINUTE · 0:59 left")
	c.Clock.Set(ends.Add(-29 * time.Second))
	mei.waitFor("WRAP UP NOW · 0:29 left")
	mei.keys("esc")
	mei.waitFor("Up next")
}

// Issue 17, item 4: a cue reaches the live speaker's screen and no other;
// a question an organiser picks with enter in the speaker view shows on the
// speaker's.
func TestCueAndPickedQuestionReachOnlyTheSpeaker(t *testing.T) {
	c := newRealCamp(t)
	mei := startFlowOn(t, c, as("mei"))
	mei.keys("S")
	priya := startFlowOn(t, c, attendee)
	priya.keys("S")
	ada := startFlowOn(t, c, organiser)
	ada.keys("S")
	ada.waitFor("Questions · 0")
	if _, err := c.Camp.Cue(t.Context(), c.Organiser, "wrap-up"); err != nil {
		t.Fatal(err)
	}
	mei.waitFor("PLEASE WRAP UP")
	if _, err := c.Camp.Ask(t.Context(), c.People["tomas"], "Does it build wheels for musl?"); err != nil {
		t.Fatal(err)
	}
	ada.waitFor("Questions · 1", "#1 Tomás Ortega: Does it build wheels for musl?")
	ada.keys("enter")
	mei.waitFor("Question from Tomás Ortega", "Does it build wheels for musl?")
	priya.waitFor("▶ LIVE  Mei Chen")
	if f := priya.rec.frame(); strings.Contains(f, "WRAP UP") || strings.Contains(f, "musl") {
		t.Errorf("an attendee sees the cue or the question:\n%s", f)
	}
	if f := ada.rec.frame(); strings.Contains(f, "PLEASE WRAP UP") {
		t.Errorf("the organiser's speaker view shows the speaker's cue:\n%s", f)
	}
	// Mei's other views show the cue on a line of its own.
	mei.keys("esc", "2")
	mei.waitFor("[2 Talks]", "» Cue from the organisers: Please wrap up")
}

// Issue 17, item 4: a question typed in the TUI (a, then the form).
func TestAttendeeAsksFromTheNowView(t *testing.T) {
	c := newRealCamp(t)
	priya := startFlowOn(t, c, attendee)
	priya.keys("a")
	priya.waitFor("Your question for the speaker")
	priya.typeText("What about PyPy?")
	priya.keys("tab", "enter")
	priya.waitUntilWithin(10*time.Second, "the question stored", func(string) bool {
		qs, err := c.Camp.Questions(t.Context(), c.Organiser, 0)
		if err == nil && len(qs) == 1 && qs[0].Text != "What about PyPy?" {
			t.Fatalf("stored %q", qs[0].Text)
		}
		return err == nil && len(qs) == 1
	})
}

// Issue 17, item 2: an attendee says on the board which room they are in;
// the head count shows on every board and the Now view, and organisers
// see who.
func TestBoardSaysWhoIsInWhichRoom(t *testing.T) {
	c := newRealCamp(t)
	c.deps.Presence = c.Camp
	priya := startFlowOn(t, c, attendee)
	ada := startFlowOn(t, c, organiser)
	c.Clock.Set(time.Date(2026, 3, 28, 11, 10, 0, 0, time.UTC))
	priya.keys("3")
	priya.waitFor("press i")
	priya.keys("f", "l", "i") // the grid, the second room: Room 2
	priya.waitFor("You are in Room 2")
	ada.keys("3")
	ada.waitFor("In the rooms: Room 2 (1): Priya Raman", "1 here")
	ada.keys("1")
	ada.waitForLine("Room 2", "1 here · ")
	priya.keys("i")
	priya.waitFor("press i")
	ada.waitUntil("Room 2 empty again", func(f string) bool { return !strings.Contains(f, "1 here") })
}

// TestSpeakerView renders the speaker view of the live speaker (with the
// organisers' cue and a picked question) and the organiser's (with the
// questions), as golden files. Run with -update to regenerate.
func TestSpeakerView(t *testing.T) {
	c := newCamp(t)
	ctx := t.Context()
	if _, err := c.Camp.Cue(ctx, c.Organiser, "wrap-up"); err != nil {
		t.Fatal(err)
	}
	q, err := c.Camp.Ask(ctx, c.Attendee, "Does the free-threaded build work with NumPy 2, and what did you have to change in your nogil blocks?")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Camp.Ask(ctx, c.People["tomas"], "Any numbers for single-threaded code?"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Camp.PickQuestion(ctx, c.Organiser, q.ID); err != nil {
		t.Fatal(err)
	}
	for _, v := range []struct {
		name  string
		actor schedule.Actor
		w, h  int
	}{
		{"speaker_80x24", c.People["mei"], 80, 24},
		{"speaker_160x48", c.People["mei"], 160, 48},
		{"organiser_80x24", c.Organiser, 80, 24},
		{"attendee_80x24", c.Attendee, 80, 24},
	} {
		t.Run(v.name, func(t *testing.T) {
			m := settled(t, c, v.actor, v.w, v.h)
			press(m, key("S"))
			settle(m)
			golden.RequireEqual(t, frame(m))
		})
	}
}

// countingStage counts each person's reads of the stage.
type countingStage struct {
	real  tui.Stage
	mu    sync.Mutex
	reads map[int64]int
}

func (s *countingStage) Stage(ctx context.Context, a schedule.Actor) (schedule.Stage, error) {
	s.mu.Lock()
	s.reads[a.PersonID]++
	s.mu.Unlock()
	return s.real.Stage(ctx, a)
}

func (s *countingStage) SetRoom(ctx context.Context, a schedule.Actor, track string) (schedule.Here, error) {
	return s.real.SetRoom(ctx, a, track)
}
func (s *countingStage) Ask(ctx context.Context, a schedule.Actor, text string) (schedule.Question, error) {
	return s.real.Ask(ctx, a, text)
}
func (s *countingStage) PickQuestion(ctx context.Context, a schedule.Actor, id int64) (schedule.Question, error) {
	return s.real.PickQuestion(ctx, a, id)
}
func (s *countingStage) Cue(ctx context.Context, a schedule.Actor, text string) (schedule.SpeakerCue, error) {
	return s.real.Cue(ctx, a, text)
}

func (s *countingStage) count(id int64) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reads[id]
}

// A question asked makes the organisers' and the live speaker's sessions
// read the stage again, not every attendee's: they cannot see it.
func TestQuestionsWakeOnlyWhoSeesThem(t *testing.T) {
	c := newRealCamp(t)
	counter := &countingStage{real: c.Camp, reads: map[int64]int{}}
	c.deps.Stage = counter
	ada, mei := startFlowOn(t, c, organiser), startFlowOn(t, c, as("mei"))
	startFlowOn(t, c, attendee)
	ada.keys("S")
	mei.keys("S")
	ada.waitFor("Questions · 0")
	priyaBefore, meiBefore := counter.count(c.Attendee.PersonID), counter.count(c.People["mei"].PersonID)
	if _, err := c.Camp.Ask(t.Context(), c.People["tomas"], "Why?"); err != nil {
		t.Fatal(err)
	}
	ada.waitFor("Questions · 1")
	mei.waitUntil("Mei's session to read the stage", func(string) bool { return counter.count(c.People["mei"].PersonID) > meiBefore })
	time.Sleep(300 * time.Millisecond)
	if n := counter.count(c.Attendee.PersonID); n != priyaBefore {
		t.Errorf("an attendee's session read the stage %d more times for a question it cannot see", n-priyaBefore)
	}
}
