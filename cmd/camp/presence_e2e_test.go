package main

import (
	"bufio"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store"
	"github.com/lightningcamp/camp/tui/sshapp"
)

// Issue 17, item 2: a console's process and a separate `camp serve` (the
// real binary) on one database see the same people online and in the
// rooms; when the serve process is killed, its people's presence ends
// within the session timeout; command sessions never count as online.
//
// The console's process is this test: its own store handle on the file and
// its own SSH server, whose terminal sessions run the console's TUI model
// (the organiser's screen here is one of them).
func TestPresenceIsSharedWithASeparateCampServe(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "camp.db")
	const timeout = 2 * time.Second
	start := time.Date(2026, 3, 28, 11, 10, 0, 0, time.UTC) // open space I, slot 1
	orgKey := newTestKey(t)
	orgPub := filepath.Join(dir, "organiser.pub")
	if err := os.WriteFile(orgPub, gossh.MarshalAuthorizedKey(orgKey.PublicKey()), 0o600); err != nil {
		t.Fatal(err)
	}

	// The separate process: the real binary.
	servePort := freePort(t)
	serve := exec.Command(campBinary(t), "serve", "--db", dbPath, "--now", start.Format(time.RFC3339), "--rehearse-on-real-db",
		"--listen", "127.0.0.1:"+servePort, "--session-timeout", timeout.String(), "--organiser-key", orgPub)
	serve.Env = append(os.Environ(), "NO_COLOR=1", "CAMP_DATA="+dir)
	stdout, err := serve.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	serve.Stderr = io.Discard
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { serve.Process.Kill(); serve.Wait() })
	ready := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if strings.Contains(sc.Text(), "attendees connect with") {
				close(ready)
			}
		}
	}()
	select {
	case <-ready:
	case <-time.After(30 * time.Second):
		t.Fatal("camp serve did not start within 30 s")
	}

	// The console's process: this test, on the same file.
	clock := schedule.NewRehearsalClock(start, 1)
	db, err := store.Open(dbPath, store.Options{Clock: clock, PollInterval: 100 * time.Millisecond, SessionTimeout: timeout})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ev, err := schedule.Parse(schedule.ExampleName, schedule.Example())
	if err != nil {
		t.Fatal(err)
	}
	camp, err := db.Camp(context.Background(), ev)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := sshapp.New(sshapp.Config{
		Addr: "127.0.0.1:0", HostKeyPath: filepath.Join(dir, "console_host_key"), Limits: ev.Limits,
		Organisers: map[string]bool{gossh.FingerprintSHA256(orgKey.PublicKey()): true},
		Backend:    camp, Feed: camp, Publish: db.Feed().Publish, Sessions: db.Sessions(), Clock: clock,
		Logger: slog.New(slog.DiscardHandler),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Listen(); err != nil {
		t.Fatal(err)
	}
	go srv.Serve(nil)
	t.Cleanup(func() { srv.Close() })
	consoleAddr, serveAddr := srv.Addr(), "127.0.0.1:"+servePort

	// Priya is on the console's server, Mei on camp serve; both have a
	// terminal open and say which room they are in. Sam only runs commands.
	priyaKey, meiKey, samKey := newTestKey(t), newTestKey(t), newTestKey(t)
	priya, mei, sam := sshClient(t, consoleAddr, priyaKey), sshClient(t, serveAddr, meiKey), sshClient(t, serveAddr, samKey)
	sshRun(t, priya, "join", "--name", "Priya Raman", "--accept-code-of-conduct")
	sshRun(t, mei, "join", "--name", "Mei Chen", "--accept-code-of-conduct")
	sshRun(t, sam, "join", "--name", "Sam Taylor", "--accept-code-of-conduct")
	priyaScreen := openTestScreen(t, priya, 120, 40)
	meiScreen := openTestScreen(t, mei, 120, 40)
	priyaScreen.waitFor(t, 10*time.Second, "[1 Now]")
	meiScreen.waitFor(t, 10*time.Second, "[1 Now]")
	orgOnConsole := sshClient(t, consoleAddr, orgKey)
	sshRun(t, orgOnConsole, "join", "--name", "Olive Organiser", "--accept-code-of-conduct")
	onConsole := openTestScreen(t, orgOnConsole, 120, 40)
	onServe := openTestScreen(t, sshClient(t, serveAddr, orgKey), 120, 40)
	for _, s := range []*testScreen{onConsole, onServe} {
		s.waitFor(t, 10*time.Second, "[1 Now]")
		s.in.Write([]byte("3")) // the board: counts per room, and who is where
	}
	sshRun(t, priya, "here", "Room", "2")
	sshRun(t, mei, "here", "b")
	sshRun(t, sam, "talks") // a command session: never online
	for name, s := range map[string]*testScreen{"the console's process": onConsole, "camp serve": onServe} {
		took := s.waitFor(t, 10*time.Second, "In the rooms: Room 2 (2): Mei Chen, Priya Raman", "2 here")
		t.Logf("%s showed both in Room 2 %s after the second here", name, took)
		if took > 2*time.Second {
			t.Errorf("%s took %s to show the head count, want at most 2 s", name, took)
		}
	}
	var here struct {
		Rooms []struct {
			Track string `json:"track"`
			Count int    `json:"count"`
		} `json:"rooms"`
	}
	for _, c := range []*gossh.Client{priya, mei} {
		if err := json.Unmarshal([]byte(sshRun(t, c, "here", "--json")), &here); err != nil || here.Rooms[1].Count != 2 {
			t.Errorf("here --json: %+v %v", here, err)
		}
	}
	people, _ := camp.People(context.Background())
	online, _ := camp.Presence(context.Background())
	for _, p := range people {
		isOnline := false
		for _, id := range online.Online {
			isOnline = isOnline || id == p.ID
		}
		if want := p.Name != "Sam Taylor"; isOnline != want {
			t.Errorf("%s online: %t, want %t (online %v)", p.Name, isOnline, want, online.Online)
		}
	}

	// camp serve dies: no goodbye, no more heartbeats.
	killed := time.Now()
	if err := serve.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	took := onConsole.waitFor(t, 10*timeout, "In the rooms: Room 2 (1): Priya Raman", "1 here")
	t.Logf("Mei's presence ended on the console %s after camp serve was killed (session timeout %s)", time.Since(killed).Round(10*time.Millisecond), timeout)
	if took > 2*timeout {
		t.Errorf("presence ended %s after the kill, want within the session timeout and a heartbeat", took)
	}
	online, _ = camp.Presence(context.Background())
	for _, id := range online.Online {
		if p, _ := camp.Person(context.Background(), id); p.Name == "Mei Chen" {
			t.Error("Mei is still online after her server was killed")
		}
	}
}

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	return port
}

func newTestKey(t *testing.T) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func sshClient(t *testing.T, addr string, key gossh.Signer) *gossh.Client {
	t.Helper()
	c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "attendee", Auth: []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// sshRun runs one command (words quoted as a person would) and wants success.
func sshRun(t *testing.T, c *gossh.Client, args ...string) string {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	out, err := sess.CombinedOutput(strings.Join(quoted, " "))
	if err != nil {
		t.Fatalf("%v: %v\n%s", args, err, out)
	}
	return string(out)
}

// testScreen is a terminal session drawn into a virtual terminal.
type testScreen struct {
	in   io.WriteCloser
	mu   sync.Mutex
	term *vt.Emulator
}

func (s *testScreen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.term.Write(p)
}

func (s *testScreen) text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.term.String()
}

func openTestScreen(t *testing.T, c *gossh.Client, w, h int) *testScreen {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sess.Close() })
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	s := &testScreen{term: vt.NewEmulator(w, h)}
	sess.Stdout, sess.Stderr = s, s
	if s.in, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	go io.Copy(s.in, s.term)
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	return s
}

func (s *testScreen) waitFor(t *testing.T, limit time.Duration, wants ...string) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		text := s.text()
		ok := true
		for _, w := range wants {
			ok = ok && strings.Contains(text, w)
		}
		if ok {
			return time.Since(start)
		}
		if time.Since(start) > limit {
			t.Fatalf("the screen did not show %q within %s; it shows:\n%s", wants, limit, text)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
