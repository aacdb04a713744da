package sshapp_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
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
