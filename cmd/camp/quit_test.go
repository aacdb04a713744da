package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/sshapp"
)

// lockedBuffer is a bytes.Buffer safe to read while another goroutine writes.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

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

// Quitting the console while an attendee is connected asks first; when the
// organiser stops the server, the attendee gets their terminal back
// (alternate screen off, cursor shown) and a goodbye line, over real SSH.
func TestQuitTheConsoleSaysGoodbyeToAttendees(t *testing.T) {
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
	ctx := context.Background()
	o, err := c.open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	srv, err := c.newServer(o, &serverFlags{listen: "127.0.0.1:0"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Listen(); err != nil {
		t.Fatal(err)
	}
	go srv.Serve(nil)
	defer srv.Close()

	// An attendee joins and watches the camp in a terminal.
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	signer, _ := gossh.NewSignerFromKey(priv)
	client, err := gossh.Dial("tcp", srv.Addr(), &gossh.ClientConfig{User: "ada", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	join, _ := client.NewSession()
	if out, err := join.CombinedOutput("join --name Ada --accept-code-of-conduct"); err != nil {
		t.Fatalf("join: %v %s", err, out)
	}
	sess, _ := client.NewSession()
	defer sess.Close()
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	attendee := &lockedBuffer{}
	sess.Stdout = attendee
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	waitForText(t, "the attendee's screen", attendee, "Now")

	// The organiser presses q in the console.
	keys, typing := io.Pipe()
	console := &lockedBuffer{}
	done := make(chan error, 1)
	go func() {
		keep, err := c.consoleSession(ctx, o, srv, keys, console, tea.WithWindowSize(100, 30))
		if keep {
			t.Error("the organiser chose to stop the server, not to keep serving")
		}
		done <- err
	}()
	waitForText(t, "the console", console, "1 attendee")
	io.WriteString(typing, "q")
	waitForText(t, "the console", console, "1 person is connected. Quitting stops the SSH server.")
	io.WriteString(typing, "jj\r") // Stop the server: everyone is told goodbye
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the console did not quit")
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
