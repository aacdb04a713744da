package screen

import (
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// StallWriter notes when a write to the client started and has not yet
// returned. A client that stops reading blocks only its own session's
// writes (each session renders on its own, nothing is broadcast through a
// shared loop), and the watchdog ends that session once it has been stuck
// for too long, so its resources are freed.
//
// Writes are serialised: the session's frames (Renderer) and Bubble
// Tea's own output (its terminal queries) come from different goroutines,
// and one must not land in the middle of the other.
type StallWriter struct {
	w         io.Writer
	mu        sync.Mutex
	busySince atomic.Int64 // unix nanoseconds; 0 when no write is under way
}

// NewStallWriter returns a StallWriter that writes to w.
func NewStallWriter(w io.Writer) *StallWriter { return &StallWriter{w: w} }

func (s *StallWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.busySince.Store(time.Now().UnixNano())
	defer s.busySince.Store(0)
	return s.w.Write(p)
}

// StalledFor says how long the current write has been blocked.
func (s *StallWriter) StalledFor(now time.Time) time.Duration {
	since := s.busySince.Load()
	if since == 0 {
		return 0
	}
	return now.Sub(time.Unix(0, since))
}

// Watch calls drop once a write has been blocked for longer than limit; it
// returns when done is closed.
func (s *StallWriter) Watch(limit time.Duration, done <-chan struct{}, drop func()) {
	tick := time.NewTicker(limit / 4)
	defer tick.Stop()
	for {
		select {
		case <-done:
			return
		case now := <-tick.C:
			if s.StalledFor(now) > limit {
				drop()
				return
			}
		}
	}
}
