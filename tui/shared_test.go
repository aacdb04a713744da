package tui

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"

	tea "charm.land/bubbletea/v2"
	"github.com/lightningcamp/camp/schedule"
)

// A crowd asking at once costs a couple of reads, and nobody gets a read
// that started before they asked (it could miss the change they were told
// about).
func TestSharedReadsCoalesceAndAreNeverStale(t *testing.T) {
	s := NewShared()
	var loads atomic.Int64
	release := make(chan struct{})
	load := func(context.Context) (int64, error) {
		n := loads.Add(1) // the number of the read, in the order they start
		<-release
		return n, nil
	}
	first := make(chan int64)
	go func() {
		v, _ := shareRead(t.Context(), s, partTalks, time.Now(), load, nil)
		first <- v
	}()
	for loads.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	// Read 1 is under way: these callers asked after it started.
	const crowd = 50
	var wg sync.WaitGroup
	got := make([]int64, crowd)
	for i := range crowd {
		wg.Go(func() {
			v, err := shareRead(t.Context(), s, partTalks, time.Now(), load, nil)
			if err != nil {
				t.Error(err)
			}
			got[i] = v
		})
	}
	time.Sleep(20 * time.Millisecond) // let them all queue
	close(release)
	wg.Wait()
	if v := <-first; v != 1 {
		t.Errorf("the first caller got read %d", v)
	}
	for i, v := range got {
		if v < 2 {
			t.Fatalf("caller %d got read %d, which started before it asked", i, v)
		}
	}
	if n := loads.Load(); n > 3 {
		t.Errorf("%d callers made %d reads", crowd+1, n)
	}
}

func TestSharedReadKeepsAnEqualResult(t *testing.T) {
	s := NewShared()
	read := func() map[int64]bool {
		v, err := shareRead(t.Context(), s, partPresence, time.Now(), func(context.Context) (map[int64]bool, error) {
			return map[int64]bool{1: true, 2: true}, nil
		}, mapsEqual)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	a, b := read(), read()
	if mapPointer(a) != mapPointer(b) {
		t.Error("an equal result was not replaced by the one handed out before")
	}
}

func mapsEqual(a, b map[int64]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestSharedReadSurvivesAPanic(t *testing.T) {
	s := NewShared()
	_, err := shareRead(t.Context(), s, partTimers, time.Now(), func(context.Context) ([]schedule.Timer, error) { panic("boom") }, nil)
	if err == nil {
		t.Fatal("a panicking read returned no error")
	}
	want := errors.New("fine")
	if _, err := shareRead(t.Context(), s, partTimers, time.Now(), func(context.Context) ([]schedule.Timer, error) { return nil, want }, nil); err != want {
		t.Errorf("the next read: %v", err)
	}
}

// The model draws a frame only when something on it may have changed.
func TestFramesAreDrawnOnlyOnChange(t *testing.T) {
	m := stubModel(t)
	talks := []schedule.Talk{{ID: 1, Title: "Cython in anger", Block: "eu-talks"}}
	load := loadedAllMsg{{part: partTalks, seq: 1, apply: func(s *snapshot) { s.talks = talks }}}
	m.Update(load)
	first := m.View().Content
	same := func() bool { return unsafe.StringData(m.View().Content) == unsafe.StringData(first) }
	if !same() {
		t.Fatal("asking twice drew twice")
	}
	m.Update(changedMsg{})
	if !same() {
		t.Error("a change signal (which only starts reads) drew a frame")
	}
	load[0].seq = 2
	m.Update(load) // the very list the session has: nothing new
	if !same() {
		t.Error("a read that brought nothing new drew a frame")
	}
	m.Update(tea.KeyPressMsg{Code: '?', Text: "?"})
	if same() {
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
	if !m.peopleDue || m.peopleTimer {
		t.Errorf("people due %t, timer %t: want the tick to read them", m.peopleDue, m.peopleTimer)
	}
	before := m.View().Content
	m.Update(tickMsg{})
	if m.peopleDue || !m.redrawOnLoad {
		t.Errorf("after the tick: people due %t, waiting to draw %t", m.peopleDue, m.redrawOnLoad)
	}
	if unsafe.StringData(m.View().Content) != unsafe.StringData(before) {
		t.Error("the tick drew before its read came back")
	}
	m.Update(loadedAllMsg{})
	if unsafe.StringData(m.View().Content) == unsafe.StringData(before) {
		t.Error("the read came back and nothing was drawn")
	}

	// A change seen after the turn of the second is read on the next tick
	// (the read this tick took may have started before it).
	m.onChanges(schedule.Changes{schedule.ChangePeople: nil}, time.Now())
	m.Update(tickMsg{})
	if !m.peopleDue {
		t.Error("a change seen after the second turned was forgotten")
	}
	m.Update(loadedAllMsg{})

	// Without a countdown, a change within peopleEvery of the last read
	// waits for a timer instead of reading at once.
	m.current, m.ticking, m.peopleDue = viewTalks, false, false
	m.peopleReadAt = time.Now()
	if m.onChanges(schedule.Changes{schedule.ChangePeople: nil}, time.Now()); !m.peopleDue || !m.peopleTimer {
		t.Errorf("people due %t, timer %t: want a timer", m.peopleDue, m.peopleTimer)
	}
	// When the timer's read leaves a change unread, another timer follows.
	m.Update(peopleDueMsg{})
	if m.peopleDue && !m.peopleTimer {
		t.Error("people left to read with no tick and no timer to read them")
	}
}

// A session that learnt of a change before the last read started takes
// that read: sessions woken by one change but slow to ask (their ticks are
// spread over a quarter of a second) share one read.
func TestSharedReadReusesARecentEnoughRead(t *testing.T) {
	s := NewShared()
	var loads atomic.Int64
	load := func(context.Context) (int64, error) { return loads.Add(1), nil }
	changed := time.Now()
	if v, _ := shareRead(t.Context(), s, partPeople, changed, load, nil); v != 1 {
		t.Fatalf("first read %d", v)
	}
	for range 10 {
		if v, _ := shareRead(t.Context(), s, partPeople, changed, load, nil); v != 1 {
			t.Fatalf("a read after the change was not reused: got read %d", v)
		}
	}
	if v, _ := shareRead(t.Context(), s, partPeople, time.Now(), load, nil); v != 2 {
		t.Errorf("a newer change did not read again: got read %d", v)
	}
}
