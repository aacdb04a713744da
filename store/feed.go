package store

import (
	"sync"

	"github.com/lightningcamp/camp/schedule"
)

// Feed fans changes out to subscribers without ever blocking the writer: each
// subscriber has one pending set of changes that new ones merge into, and a
// one-slot signal. A slow session gets the latest state, never a backlog.
type Feed struct {
	mu   sync.Mutex
	subs map[*subscription]struct{}
}

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
	for s := range f.subs {
		s.merge(changes)
	}
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
