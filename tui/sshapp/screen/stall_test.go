package screen

import (
	"io"
	"sync/atomic"
	"testing"
	"time"
)

// blockingWriter blocks every write until release is closed.
type blockingWriter struct{ release chan struct{} }

func (b blockingWriter) Write(p []byte) (int, error) {
	<-b.release
	return len(p), nil
}

// TestWatchDropsAStalledWriter: a write blocked for longer than the limit
// ends the session; writes that return do not, however many there are.
// One watchdog watches both, as one watches every session of a server.
func TestWatchDropsAStalledWriter(t *testing.T) {
	const limit = 100 * time.Millisecond
	dog := NewWatchdog(limit)

	fast := NewStallWriter(io.Discard)
	var dropped atomic.Bool
	unwatch := dog.Watch(fast, func() { dropped.Store(true) })
	deadline := time.Now().Add(5 * limit)
	for time.Now().Before(deadline) {
		if _, err := fast.Write([]byte("frame")); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Millisecond)
	}
	unwatch()
	if dropped.Load() {
		t.Error("a client that reads was dropped")
	}

	bw := blockingWriter{release: make(chan struct{})}
	stalled := NewStallWriter(bw)
	go func() { _, _ = stalled.Write([]byte("frame")) }()
	drop := make(chan time.Time, 1)
	start := time.Now()
	defer dog.Watch(stalled, func() { drop <- time.Now() })()
	select {
	case at := <-drop:
		if took := at.Sub(start); took < limit {
			t.Errorf("dropped after %s, before the limit of %s", took, limit)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a client blocked for 10 s was not dropped")
	}
	if d := stalled.StalledFor(time.Now()); d < limit {
		t.Errorf("StalledFor says %s while the write is still blocked", d)
	}
	close(bw.release)
	waitFor(t, func() bool { return stalled.StalledFor(time.Now()) == 0 })
	waitFor(t, func() bool { // nothing left to watch: its goroutine is gone
		dog.mu.Lock()
		defer dog.mu.Unlock()
		return !dog.running
	})
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatal("gave up waiting after 5 s")
		}
		time.Sleep(5 * time.Millisecond)
	}
}
