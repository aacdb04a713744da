package tui

import (
	"context"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/live"
)

// talksStub answers every read of the talks with the same list.
type talksStub struct {
	talksSvc
	talks []schedule.Talk
}

func (s talksStub) Talks(context.Context, schedule.TalkFilter) ([]schedule.Talk, error) {
	return append([]schedule.Talk(nil), s.talks...), nil
}

// The model draws a frame only when something on it may have changed.
func TestFramesAreDrawnOnlyOnChange(t *testing.T) {
	m := stubModel(t)
	m.deps.Talks = talksStub{talks: []schedule.Talk{{ID: 1, Title: "Cython in anger", Block: "eu-talks"}}}
	m.reader.Source, m.reader.Shared = source{m.deps}, live.NewShared()
	m.Update(m.reload(live.Talks)())
	drawn := m.frames
	m.View()
	m.View()
	if m.frames != drawn {
		t.Fatal("asking for the view drew a frame")
	}
	m.Update(live.Changed{})
	if m.frames != drawn {
		t.Error("a change signal (which only starts reads) drew a frame")
	}
	m.Update(m.reload(live.Talks)()) // the shared read the session has: nothing new
	if m.frames != drawn {
		t.Error("a read that brought nothing new drew a frame")
	}
	m.Update(tea.KeyPressMsg{Code: '?', Text: "?"})
	if m.frames == drawn {
		t.Error("a key press did not draw")
	}
}

// A people change while a countdown ticks is read on the tick, and drawn
// in the tick's frame.
func TestPeopleChangesRideOnTheTick(t *testing.T) {
	m := stubModel(t)
	m.current = viewNow
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if !m.ticking {
		t.Fatal("the Now view does not tick")
	}
	// A change seen before this second turned is read on the next tick.
	m.onChanges(schedule.Changes{schedule.ChangePeople: nil}, time.Now().Truncate(time.Second).Add(-time.Millisecond))
	if !m.pacer.PeopleDue() || m.pacer.TimerPending() {
		t.Errorf("people due %t, timer %t: want the tick to read them", m.pacer.PeopleDue(), m.pacer.TimerPending())
	}
	drawn := m.frames
	m.Update(tickMsg{})
	if m.pacer.PeopleDue() || !m.redrawOnLoad {
		t.Errorf("after the tick: people due %t, waiting to draw %t", m.pacer.PeopleDue(), m.redrawOnLoad)
	}
	if m.frames != drawn {
		t.Error("the tick drew before its read came back")
	}
	m.Update(loadedMsg{})
	if m.frames == drawn {
		t.Error("the read came back and nothing was drawn")
	}

	// A change seen after the turn of the second is read on the next tick
	// (the read this tick took may have started before it).
	m.onChanges(schedule.Changes{schedule.ChangePeople: nil}, time.Now())
	m.Update(tickMsg{})
	if !m.pacer.PeopleDue() {
		t.Error("a change seen after the second turned was forgotten")
	}
	m.Update(loadedMsg{})

	// Without a countdown, a change within a second of the last read
	// waits for a timer instead of reading at once.
	m.current, m.ticking = viewTalks, false
	m.pacer = &live.Pacer{}
	m.pacer.Subscribed(time.Now()) // the people were read just now
	if m.onChanges(schedule.Changes{schedule.ChangePeople: nil}, time.Now()); !m.pacer.PeopleDue() || !m.pacer.TimerPending() {
		t.Errorf("people due %t, timer %t: want a timer", m.pacer.PeopleDue(), m.pacer.TimerPending())
	}
	// When the timer's read leaves a change unread, another timer follows.
	m.Update(peopleDueMsg{})
	if m.pacer.PeopleDue() && !m.pacer.TimerPending() {
		t.Error("people left to read with no tick and no timer to read them")
	}
}
