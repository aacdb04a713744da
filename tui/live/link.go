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
			at := time.Now()
			return Changed{Changes: sub.Take(), At: at}
		case <-l.done:
			return nil
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
