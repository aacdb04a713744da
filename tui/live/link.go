package live

import (
	"context"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/lightningcamp/camp/schedule"
)

// Subscribed says the feed subscription is open: read everything now, after
// subscribing, so no change can fall between the read and the subscription.
// At is when it opened.
type Subscribed struct{ At time.Time }

// Changed carries the changes coalesced since the last signal, and when the
// signal came: a read that starts later sees them.
type Changed struct {
	Changes schedule.Changes
	At      time.Time
}

// Link is one session's feed subscription. It is shared with the commands
// that wait on it, which run on other goroutines, hence the mutex.
type Link struct {
	mu     sync.Mutex
	sub    schedule.Subscription
	closed bool
	done   chan struct{}
}

// NewLink returns a link that is not yet subscribed.
func NewLink() *Link { return &Link{done: make(chan struct{})} }

// Subscribe opens the subscription and answers Subscribed; it is closed by
// Close or, whichever comes first, when ctx (the session's) ends.
func (l *Link) Subscribe(ctx context.Context, feed schedule.Feed) tea.Cmd {
	return func() tea.Msg {
		context.AfterFunc(ctx, l.Close)
		sub := feed.Subscribe()
		l.mu.Lock()
		defer l.mu.Unlock()
		if l.closed {
			sub.Close()
			return nil
		}
		l.sub = sub
		return Subscribed{At: time.Now()}
	}
}

// Wait blocks until the feed signals (or the session ends) and answers
// Changed. Only one wait is ever outstanding: the session starts the next
// one when it receives a Changed.
//
// A change to the people alone (someone connected, left or renamed: a
// ChangePeople or ChangePresence) is
// held until the second turns, gathering the others that come meanwhile:
// sessions re-read the people at most once a second anyway (Pacer), and
// while a crowd arrives, a hundred arrivals a second would otherwise wake
// every session a hundred times a second to learn it. Any other change
// ends the hold at once.
func (l *Link) Wait() tea.Cmd {
	return func() tea.Msg {
		l.mu.Lock()
		sub := l.sub
		l.mu.Unlock()
		if sub == nil {
			return nil
		}
		select {
		case <-sub.Ready():
		case <-l.done:
			return nil
		}
		at, changes := time.Now(), sub.Take()
		if !peopleOnly(changes) {
			return Changed{Changes: changes, At: at}
		}
		hold := time.NewTimer(time.Until(at.Truncate(time.Second).Add(time.Second)))
		defer hold.Stop()
		for {
			select {
			case <-hold.C:
				return Changed{Changes: changes, At: at}
			case <-sub.Ready():
				more := sub.Take()
				at = time.Now() // a read that starts later sees them all
				addChanges(changes, more)
				if !peopleOnly(more) {
					return Changed{Changes: changes, At: at}
				}
			case <-l.done:
				return nil
			}
		}
	}
}

// peopleOnly says c holds changes to the people or to who is connected,
// and nothing else.
func peopleOnly(c schedule.Changes) bool {
	for kind := range c {
		if kind != schedule.ChangePeople && kind != schedule.ChangePresence {
			return false
		}
	}
	return len(c) > 0
}

// addChanges adds more to c; an empty list of IDs means all of that kind.
func addChanges(c, more schedule.Changes) {
	for kind, ids := range more {
		have, ok := c[kind]
		switch {
		case !ok:
			c[kind] = ids
		case len(have) == 0 || len(ids) == 0:
			c[kind] = []int64{}
		default:
			c[kind] = append(have, ids...)
		}
	}
}

// Close ends the subscription; a Wait under way returns.
func (l *Link) Close() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return
	}
	l.closed = true
	close(l.done)
	if l.sub != nil {
		l.sub.Close()
	}
}
