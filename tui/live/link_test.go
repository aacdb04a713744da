package live_test

import (
	"context"
	"testing"
	"time"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store"
	"github.com/lightningcamp/camp/tui/live"
)

// waitChanged runs a Wait command and returns what it answered and when.
func waitChanged(l *live.Link) <-chan live.Changed {
	out := make(chan live.Changed, 1)
	go func() { out <- l.Wait()().(live.Changed) }()
	return out
}

// TestPeopleChangesWaitForTheSecond: while a crowd arrives, every arrival
// is a change to the people; a session learns of them once, when the second
// turns, not once per arrival. Any other change comes through at once, with
// the people changes held so far.
func TestPeopleChangesWaitForTheSecond(t *testing.T) {
	feed := store.NewFeed()
	l := live.NewLink()
	defer l.Close()
	if _, ok := l.Subscribe(context.Background(), feed)().(live.Subscribed); !ok {
		t.Fatal("not subscribed")
	}
	// Start just after a second turns, so the hold is most of a second.
	time.Sleep(time.Until(time.Now().Truncate(time.Second).Add(time.Second + 20*time.Millisecond)))
	got := waitChanged(l)
	for id := range int64(5) {
		feed.Publish(schedule.Change{Kind: schedule.ChangePeople, IDs: []int64{id}})
		time.Sleep(10 * time.Millisecond)
	}
	select {
	case c := <-got:
		t.Fatalf("people changes came through before the second turned: %v", c.Changes)
	case <-time.After(100 * time.Millisecond):
	}
	feed.Publish(schedule.Change{Kind: schedule.ChangeAnnouncements})
	select {
	case c := <-got:
		if !c.Changes.Has(schedule.ChangeAnnouncements) || len(c.Changes[schedule.ChangePeople]) != 5 {
			t.Errorf("got %v; want the announcement and the five people", c.Changes)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("an announcement was held with the people changes")
	}

	got = waitChanged(l)
	feed.Publish(schedule.Change{Kind: schedule.ChangePeople, IDs: []int64{9}})
	select {
	case c := <-got:
		if ids := c.Changes[schedule.ChangePeople]; len(ids) != 1 || ids[0] != 9 {
			t.Errorf("got %v; want person 9", c.Changes)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a people change was never delivered")
	}
}
