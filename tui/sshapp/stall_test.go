package sshapp_test

import (
	"fmt"
	"net"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/lightningcamp/camp/tui/sshapp"
)

// TestStalledClientDelaysNobody: one attendee's client stops reading its
// screen for 30 s while the organiser keeps announcing; another attendee
// still sees each announcement within a second, and the server's memory
// stays bounded.
func TestStalledClientDelaysNobody(t *testing.T) {
	if testing.Short() {
		t.Skip("takes 30 s")
	}
	ts := startServer(t)
	org := ts.organiser(t)
	stalled := ts.join(t, "Stella")
	watcher := ts.join(t, "Walter")

	sess, err := stalled.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if err := sess.RequestPty("xterm", 40, 160, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := sess.StdoutPipe(); err != nil { // never read: the client stops reading
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	screen := openScreen(t, watcher, 160, 40)
	screen.waitFor(t, 5*time.Second, "Lightning talks I")

	runtime.GC()
	before := ts.srv.Stats().HeapBytes
	filler := strings.Repeat("x", 1200)
	var worst time.Duration
	deadline := time.Now().Add(30 * time.Second)
	for i := 0; time.Now().Before(deadline); i++ {
		marker := fmt.Sprintf("notice-%04d", i)
		mustRun(t, org, "announce", marker+" "+filler)
		if i%5 == 0 {
			took := screen.waitFor(t, 5*time.Second, marker)
			worst = max(worst, took)
		}
	}
	if worst > time.Second {
		t.Errorf("with a stalled client, an announcement took %s to reach another attendee (want at most 1 s)", worst)
	}
	runtime.GC()
	after := ts.srv.Stats().HeapBytes
	if after > before+64<<20 {
		t.Errorf("heap grew from %d to %d bytes while a client was stalled", before, after)
	}
	t.Logf("slowest announcement %s; heap %d -> %d bytes", worst, before, after)
}

// countingConn counts the bytes that arrive on a connection.
type countingConn struct {
	net.Conn
	received atomic.Int64
}

func (c *countingConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.received.Add(int64(n))
	return n, err
}

// sshWindow is the receive window of an x/crypto/ssh client channel: the
// server may send no more than this on a session the client does not read.
const sshWindow = 2 << 20

// TestFullWindowStallsOnlyItsOwnSession: an attendee's client never reads
// its screen while it keeps resizing its terminal, so the server has
// whole screens to send, until the SSH window of 2 MiB is full and the
// server's writes to it block (proved by the bytes on the wire: past 2 MiB
// and no longer growing while frames are still due). Meanwhile another
// attendee sees each announcement promptly.
func TestFullWindowStallsOnlyItsOwnSession(t *testing.T) {
	if testing.Short() {
		t.Skip("fills a 2 MiB window")
	}
	ts := startServer(t, withConfig(func(c *sshapp.Config) { c.StallTimeout = 2 * time.Minute }))
	org := ts.organiser(t)
	key := newKey(t)
	mustRun(t, ts.client(t, key), "join", "--name", "Stella", "--accept-code-of-conduct")
	watcher := ts.join(t, "Walter")

	raw, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	conn := &countingConn{Conn: raw}
	sc, chans, reqs, err := gossh.NewClientConn(conn, ts.addr, clientConfig("attendee", gossh.PublicKeys(key)))
	if err != nil {
		t.Fatal(err)
	}
	stalled := gossh.NewClient(sc, chans, reqs)
	defer stalled.Close()
	sess, err := stalled.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if err := sess.RequestPty("xterm-256color", 200, 500, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := sess.StdoutPipe(); err != nil { // never read
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	screen := openScreen(t, watcher, 100, 30)
	screen.waitFor(t, 5*time.Second, "Lightning talks I")

	// Every resize is a whole screen for the server to send.
	stopResizing := make(chan struct{})
	resized := make(chan struct{})
	go func() {
		defer close(resized)
		for i := 0; ; i++ {
			select {
			case <-stopResizing:
				return
			case <-time.After(20 * time.Millisecond):
			}
			_ = sess.WindowChange(200-i%2, 500-i%2)
		}
	}()
	defer func() { close(stopResizing); <-resized }()

	deadline := time.Now().Add(60 * time.Second)
	var last int64
	steady := 0
	for steady < 4 { // unchanged for 2 s, past the window
		if time.Now().After(deadline) {
			t.Fatalf("the window never filled: %d bytes received", conn.received.Load())
		}
		time.Sleep(500 * time.Millisecond)
		now := conn.received.Load()
		if now >= sshWindow && now == last {
			steady++
		} else {
			steady = 0
		}
		last = now
	}
	t.Logf("the stalled client holds %d bytes unread; the server can send it no more", last)

	var worst time.Duration
	for i := range 10 {
		marker := fmt.Sprintf("update-%02d", i)
		mustRun(t, org, "announce", marker)
		worst = max(worst, screen.waitFor(t, 5*time.Second, marker))
	}
	if worst > 2*time.Second {
		t.Errorf("with a client's window full, an announcement took %s to reach another attendee", worst)
	}
	if got := conn.received.Load(); got != last {
		t.Errorf("the full window took %d more bytes: it was not full", got-last)
	}
}
