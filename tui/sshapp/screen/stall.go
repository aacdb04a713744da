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

// Watchdog watches the StallWriters of many sessions from one goroutine,
// so a session needs no goroutine of its own for it: it calls drop for a
// writer whose current write has been blocked for longer than limit. The
// goroutine runs only while something is watched.
type Watchdog struct {
	limit time.Duration

	mu      sync.Mutex
	watched map[*StallWriter]func()
	running bool
}

// NewWatchdog returns a watchdog that drops writers stalled for longer than
// limit.
func NewWatchdog(limit time.Duration) *Watchdog {
	return &Watchdog{limit: limit, watched: map[*StallWriter]func(){}}
}

// Watch watches s until the returned function is called; drop runs at most
// once, on the watchdog's goroutine, after which s is no longer watched.
func (d *Watchdog) Watch(s *StallWriter, drop func()) (stop func()) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.watched[s] = drop
	if !d.running {
		d.running = true
		go d.run()
	}
	return func() {
		d.mu.Lock()
		defer d.mu.Unlock()
		delete(d.watched, s)
	}
}

// run checks every watched writer four times per limit, so a stalled
// client is dropped between limit and 1.25 x limit after its write began.
func (d *Watchdog) run() {
	tick := time.NewTicker(d.limit / 4)
	defer tick.Stop()
	for now := range tick.C {
		if !d.check(now) {
			return
		}
	}
}

// check drops the stalled writers and says whether any remain watched.
func (d *Watchdog) check(now time.Time) bool {
	d.mu.Lock()
	var drops []func()
	for s, drop := range d.watched {
		if s.StalledFor(now) > d.limit {
			drops = append(drops, drop)
			delete(d.watched, s)
		}
	}
	if len(d.watched) == 0 {
		d.running = false
	}
	running := d.running
	d.mu.Unlock()
	for _, drop := range drops {
		drop()
	}
	return running
}
