package sshapp_test

import (
	"strings"
	"testing"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

func TestSessionsPerKeyAreCapped(t *testing.T) {
	ts := startServer(t, withLimits(func(l *schedule.Limits) { l.SessionsPerKey = 2 }))
	key := newKey(t)
	c := ts.client(t, key)
	openScreen(t, c, 80, 24).waitFor(t, 5*time.Second, "Welcome")
	openScreen(t, c, 80, 24).waitFor(t, 5*time.Second, "Welcome")
	r := run(t, c, "", "whoami")
	if r.code == 0 || !strings.Contains(r.stderr, "already have 2 sessions") {
		t.Fatalf("a third session with one key: exit %d, %s", r.code, r.stderr)
	}
	other := ts.client(t, newKey(t))
	if r := run(t, other, "", "whoami"); r.code != 0 {
		t.Errorf("another key was refused: %s", r.stderr)
	}
}

func TestTotalSessionsAreCapped(t *testing.T) {
	ts := startServer(t, withLimits(func(l *schedule.Limits) { l.Sessions = 2 }))
	openScreen(t, ts.client(t, newKey(t)), 80, 24).waitFor(t, 5*time.Second, "Welcome")
	openScreen(t, ts.client(t, newKey(t)), 80, 24).waitFor(t, 5*time.Second, "Welcome")
	r := run(t, ts.client(t, newKey(t)), "", "whoami")
	if r.code == 0 || !strings.Contains(r.stderr, "the camp is full") {
		t.Fatalf("a session over the total: exit %d, %s", r.code, r.stderr)
	}
}

func TestIdleAndMaximumSessionTimes(t *testing.T) {
	ts := startServer(t, withLimits(func(l *schedule.Limits) { l.IdleTimeout, l.MaxSession = time.Second, 3*time.Second }))
	idle := openScreen(t, ts.client(t, newKey(t)), 80, 24)
	idle.waitFor(t, 5*time.Second, "Welcome")
	if !closedWithin(idle, 4*time.Second) {
		t.Error("an idle session was still open well after the 1 s idle timeout")
	}
	busy := openScreen(t, ts.client(t, newKey(t)), 80, 24)
	busy.waitFor(t, 5*time.Second, "Welcome")
	stop := time.Now().Add(6 * time.Second)
	go func() { // keep typing, so only the maximum session time can end it
		for time.Now().Before(stop) {
			if _, err := busy.in.Write([]byte("a\x7f")); err != nil {
				return
			}
			time.Sleep(300 * time.Millisecond)
		}
	}()
	if !closedWithin(busy, 6*time.Second) {
		t.Error("a busy session outlived the 3 s maximum session time")
	}
}

// closedWithin waits for the server to end the session.
func closedWithin(s *screen, limit time.Duration) bool {
	done := make(chan struct{})
	go func() { s.sess.Wait(); close(done) }()
	select {
	case <-done:
		return true
	case <-time.After(limit):
		return false
	}
}
