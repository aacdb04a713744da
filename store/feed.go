package store

import (
	"sync"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// Feed fans changes out to subscribers without ever blocking the writer: each
// subscriber has one pending set of changes that new ones merge into, and a
// one-slot signal. A slow session gets the latest state, never a backlog.
//
// Changes to who is connected (schedule.ChangePresence) are gathered for
// presenceEvery and published together: a crowd arriving is one such change
// per connection, and each would wake every subscriber.
type Feed struct {
	mu       sync.Mutex
	subs     map[*subscription]struct{}
	presence []schedule.Change // presence changes waiting for flushPresence
	flushing bool              // a flush is scheduled
}

// presenceEvery is how long presence changes are gathered before they are
// published: who is connected shows a little later, and a hundred arrivals
// a second wake each screen ten times, not a hundred.
const presenceEvery = 100 * time.Millisecond

// NewFeed returns an empty feed.
func NewFeed() *Feed { return &Feed{subs: map[*subscription]struct{}{}} }

// Subscribe registers a subscriber. Close it when its session ends.
func (f *Feed) Subscribe() schedule.Subscription {
	s := &subscription{feed: f, ready: make(chan struct{}, 1), pending: schedule.Changes{}}
	f.mu.Lock()
	f.subs[s] = struct{}{}
	f.mu.Unlock()
	return s
}

// Subscribers counts the current subscribers.
func (f *Feed) Subscribers() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.subs)
}

// Publish tells every subscriber about c. It never blocks.
func (f *Feed) Publish(changes ...schedule.Change) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if presenceOnly(changes) {
		f.presence = append(f.presence, changes...)
		if !f.flushing {
			f.flushing = true
			time.AfterFunc(presenceEvery, f.flushPresence)
		}
		return
	}
	for s := range f.subs {
		s.merge(changes)
	}
}

func (f *Feed) flushPresence() {
	f.mu.Lock()
	defer f.mu.Unlock()
	changes := f.presence
	f.presence, f.flushing = nil, false
	for s := range f.subs {
		s.merge(changes)
	}
}

func presenceOnly(changes []schedule.Change) bool {
	for _, c := range changes {
		if c.Kind != schedule.ChangePresence {
			return false
		}
	}
	return len(changes) > 0
}

type subscription struct {
	feed    *Feed
	ready   chan struct{}
	mu      sync.Mutex
	pending schedule.Changes
}

func (s *subscription) merge(changes []schedule.Change) {
	s.mu.Lock()
	for _, c := range changes {
		s.pending[c.Kind] = mergeIDs(s.pending[c.Kind], c.IDs)
	}
	s.mu.Unlock()
	select {
	case s.ready <- struct{}{}:
	default: // already signalled; the pending set holds the news
	}
}

// mergeIDs adds ids to a set kept small: past 64 ids a subscriber would
// re-read everything anyway, so the set is cut to "all" (nil, non-empty key).
func mergeIDs(have, ids []int64) []int64 {
	if len(have)+len(ids) > 64 {
		return []int64{}
	}
	for _, id := range ids {
		if !contains(have, id) {
			have = append(have, id)
		}
	}
	if have == nil {
		have = []int64{}
	}
	return have
}

func contains(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func (s *subscription) Ready() <-chan struct{} { return s.ready }

func (s *subscription) Take() schedule.Changes {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.pending
	s.pending = schedule.Changes{}
	return c
}

func (s *subscription) Close() {
	s.feed.mu.Lock()
	delete(s.feed.subs, s)
	s.feed.mu.Unlock()
}
