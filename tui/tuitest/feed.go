package tuitest

import (
	"sync"

	"github.com/lightningcamp/camp/schedule"
)

// hub is an in-memory schedule.Feed with the store's contract: a write never
// waits for a reader; changes coalesce into one pending set per subscriber
// and Ready is signalled once until they are taken.
type hub struct {
	mu   sync.Mutex
	subs map[*subscription]struct{}
}

type subscription struct {
	hub     *hub
	mu      sync.Mutex
	pending schedule.Changes
	ready   chan struct{}
}

// Subscribe implements schedule.Feed.
func (f *Fake) Subscribe() schedule.Subscription {
	s := &subscription{hub: &f.hub, ready: make(chan struct{}, 1)}
	f.hub.mu.Lock()
	defer f.hub.mu.Unlock()
	if f.hub.subs == nil {
		f.hub.subs = map[*subscription]struct{}{}
	}
	f.hub.subs[s] = struct{}{}
	return s
}

// Subscribers is how many subscriptions are open; tests use it to check
// that sessions unsubscribe.
func (f *Fake) Subscribers() int {
	f.hub.mu.Lock()
	defer f.hub.mu.Unlock()
	return len(f.hub.subs)
}

func (h *hub) publish(kind schedule.ChangeKind, ids ...int64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for s := range h.subs {
		s.mu.Lock()
		if s.pending == nil {
			s.pending = schedule.Changes{}
		}
		s.pending[kind] = append(s.pending[kind], ids...)
		s.mu.Unlock()
		select {
		case s.ready <- struct{}{}:
		default: // already signalled; the pending set grew instead
		}
	}
}

func (s *subscription) Ready() <-chan struct{} { return s.ready }

func (s *subscription) Take() schedule.Changes {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.pending
	s.pending = nil
	return c
}

func (s *subscription) Close() {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	delete(s.hub.subs, s)
}
