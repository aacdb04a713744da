package sshapp_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	gossh "golang.org/x/crypto/ssh"

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

// TestTerminalSizeIsBounded: the window size is the client's to choose, and
// every frame is drawn at that size. A terminal of 1,000 x 1,000 cells (or
// a window change to 4,000 columns) is drawn at most 500 x 200; a PTY
// without a size gets 80 x 24.
func TestTerminalSizeIsBounded(t *testing.T) {
	ts := startServer(t)
	a := ts.join(t, "Ada")
	for _, c := range []struct {
		name                  string
		w, h                  int
		changeW, changeH      int
		wantRows, wantColumns int
	}{
		{"huge", 1000, 1000, 0, 0, 200, 500},
		{"changed to huge", 80, 24, 4000, 250, 200, 500},
		{"no size", 0, 0, 0, 0, 24, 80},
	} {
		t.Run(c.name, func(t *testing.T) {
			sess, raw := rawTerminal(t, a, c.w, c.h)
			waitForBytes(t, raw, "you: Ada")
			if c.changeW > 0 {
				raw.Reset()
				if err := sess.WindowChange(c.changeH, c.changeW); err != nil {
					t.Fatal(err)
				}
				waitForBytes(t, raw, "you: Ada")
			}
			time.Sleep(200 * time.Millisecond) // any later frame too
			rows, columns := drawnExtent(raw.String())
			if rows != c.wantRows || columns > c.wantColumns {
				t.Errorf("drawn over %d rows and a rule of %d columns; want %d rows and at most %d columns", rows, columns, c.wantRows, c.wantColumns)
			}
		})
	}
}

// rawTerminal opens a TUI session of w x h and collects the bytes it is
// sent (no virtual terminal: a real one of that size would not fit in memory).
func rawTerminal(t *testing.T, c *gossh.Client, w, h int) (*gossh.Session, *syncBuffer) {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sess.Close() })
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	raw := &syncBuffer{}
	sess.Stdout = raw
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	return sess, raw
}

func waitForBytes(t *testing.T, raw *syncBuffer, want string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(raw.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("%q did not arrive within 5 s", want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// drawnExtent is the lowest row the output moved the cursor to, and the
// longest horizontal rule in it (rules span the frame's width).
func drawnExtent(out string) (rows, columns int) {
	for _, m := range cursorRow.FindAllStringSubmatch(out, -1) {
		rows = max(rows, atoi(m[1]))
	}
	for _, rule := range horizontalRule.FindAllString(out, -1) {
		columns = max(columns, utf8.RuneCountInString(rule))
	}
	return rows, columns
}

var (
	cursorRow      = regexp.MustCompile(`\x1b\[(\d+);1H`)
	horizontalRule = regexp.MustCompile(`[─━]+`)
)

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
