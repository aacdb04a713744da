package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/sshapp"
)

func waitForText(t *testing.T, what string, b *lockedBuffer, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(ansi.Strip(b.String()), want) {
		if time.Now().After(deadline) {
			t.Fatalf("%s never showed %q; it got:\n%q", what, want, tail(ansi.Strip(b.String()), 600))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// consoleWithAttendee opens a camp with its SSH server on 127.0.0.1 and an
// attendee watching it in a terminal over real SSH.
func consoleWithAttendee(t *testing.T) (*config, *opened, *sshapp.Server, *lockedBuffer) {
	t.Helper()
	data := t.TempDir()
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard,
		Getenv: func(k string) string {
			if k == "CAMP_DATA" {
				return data
			}
			return ""
		},
		Clock: schedule.NewManualClock(time.Date(2026, 3, 28, 10, 2, 0, 0, time.UTC))}
	c := &config{main: m, speed: 1}
	o, err := c.open(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Close() })
	srv, err := c.newServer(o, &serverFlags{listen: "127.0.0.1:0"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Listen(); err != nil {
		t.Fatal(err)
	}
	go srv.Serve(nil)
	t.Cleanup(func() { srv.Close() })

	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	signer, _ := gossh.NewSignerFromKey(priv)
	client, err := gossh.Dial("tcp", srv.Addr(), &gossh.ClientConfig{User: "ada", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { client.Close() })
	join, _ := client.NewSession()
	if out, err := join.CombinedOutput("join --name Ada --accept-code-of-conduct"); err != nil {
		t.Fatalf("join: %v %s", err, out)
	}
	sess, _ := client.NewSession()
	t.Cleanup(func() { sess.Close() })
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	attendee := &lockedBuffer{}
	sess.Stdout = attendee
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	waitForText(t, "the attendee's screen", attendee, "Now")
	return c, o, srv, attendee
}

// quitConsole runs the console, presses q, checks the question, answers
// with answer, and returns whether the organiser chose to keep serving.
func quitConsole(t *testing.T, c *config, o *opened, srv *sshapp.Server, answer string) bool {
	t.Helper()
	keys, typing := io.Pipe()
	console := &lockedBuffer{}
	type result struct {
		keep bool
		err  error
	}
	done := make(chan result, 1)
	go func() {
		keep, err := c.consoleSession(context.Background(), o, srv, keys, console, tea.WithWindowSize(100, 30))
		done <- result{keep, err}
	}()
	waitForText(t, "the console", console, "1 attendee")
	io.WriteString(typing, "q")
	waitForText(t, "the console", console, "1 person is connected. Quitting stops the SSH server.")
	io.WriteString(typing, answer)
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatal(r.err)
		}
		return r.keep
	case <-time.After(10 * time.Second):
		t.Fatal("the console did not quit")
	}
	return false
}

// Quitting the console while an attendee is connected asks first; when the
// organiser stops the server, the attendee gets their terminal back
// (alternate screen off, cursor shown) and a goodbye line, over real SSH.
func TestQuitTheConsoleSaysGoodbyeToAttendees(t *testing.T) {
	c, o, srv, attendee := consoleWithAttendee(t)
	if quitConsole(t, c, o, srv, "jj\r") { // Stop the server: everyone is told goodbye
		t.Error("the organiser chose to stop the server, not to keep serving")
	}
	stopServer(srv)

	waitForText(t, "the attendee's terminal", attendee, sshapp.GoodbyeLine)
	raw := attendee.String()
	before := raw[:strings.Index(raw, sshapp.GoodbyeLine)]
	for name, seq := range map[string]string{"alternate screen off": ansi.ResetModeAltScreenSaveCursor, "cursor shown": ansi.ShowCursor} {
		if !strings.Contains(before, seq) {
			t.Errorf("the attendee's terminal was not restored (%s) before the goodbye", name)
		}
	}
}

// Keeping the server running: the console closes, the attendee stays.
func TestQuitTheConsoleCanKeepServing(t *testing.T) {
	c, o, srv, attendee := consoleWithAttendee(t)
	if !quitConsole(t, c, o, srv, "j\r") { // Keep serving them
		t.Fatal("the organiser chose to keep serving")
	}
	time.Sleep(200 * time.Millisecond)
	if strings.Contains(attendee.String(), sshapp.GoodbyeLine) {
		t.Error("the attendee was told goodbye while the server keeps serving")
	}
	if len(srv.Presence().Online()) != 1 {
		t.Errorf("the attendee lost their session: %v online", srv.Presence().Online())
	}
}
