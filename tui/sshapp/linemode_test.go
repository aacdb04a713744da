package sshapp_test

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	gossh "golang.org/x/crypto/ssh"
)

// lineClient is a line-mode session: what arrives, byte for byte, and
// where to type.
type lineClient struct {
	sess *gossh.Session
	in   io.WriteCloser
	raw  *syncBuffer
}

func openLineMode(t testing.TB, c *gossh.Client, term string, command string) *lineClient {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sess.Close() })
	if term != "" {
		if err := sess.RequestPty(term, 24, 80, gossh.TerminalModes{}); err != nil {
			t.Fatal(err)
		}
	}
	lc := &lineClient{sess: sess, raw: &syncBuffer{}}
	sess.Stdout, sess.Stderr = lc.raw, lc.raw
	if lc.in, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if command == "" {
		err = sess.Shell()
	} else {
		err = sess.Start(command)
	}
	if err != nil {
		t.Fatal(err)
	}
	return lc
}

// waitLine waits for a line containing want to arrive after the first
// `after` bytes, and says how long it took.
func (lc *lineClient) waitLine(t testing.TB, after int, limit time.Duration, want string) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		if got := lc.raw.String(); strings.Contains(got[after:], want) {
			return time.Since(start)
		}
		if time.Since(start) > limit {
			t.Fatalf("no line with %q within %s; got:\n%s", want, limit, lc.raw.String()[after:])
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// checkNoEscapes fails on any ESC byte or C1 control in out, or bytes that
// are not UTF-8 (which a terminal might read as 8-bit C1 controls).
func checkNoEscapes(t testing.TB, out string) {
	t.Helper()
	if i := strings.IndexByte(out, 0x1b); i >= 0 {
		t.Errorf("ESC at byte %d: %q", i, out[max(0, i-40):min(len(out), i+40)])
	}
	if !utf8.ValidString(out) {
		t.Errorf("output is not UTF-8")
	}
	for i, r := range out {
		if r >= 0x80 && r <= 0x9f {
			t.Errorf("C1 control U+%04X at byte %d", r, i)
		}
	}
}

// TestLineModeOverSSHWithDumbTerminal: a screen reader's terminal
// (TERM=dumb) gets line mode, not the TUI: the day as lines, nothing
// redrawn, no escape sequence in the whole stream; a talk starting, its
// last minute and an announcement each arrive as a line within 1 s; and
// what is typed runs through the command tree, with backspace working.
func TestLineModeOverSSHWithDumbTerminal(t *testing.T) {
	ts := startServer(t)
	org := ts.organiser(t)
	speaker := ts.join(t, "Mei Chen")
	mustRun(t, speaker, "propose", "talk", "--title", "Cython 3 and the free-threaded interpreter", "--minutes", "5")
	mustRun(t, org, "queue", "approve", "1")
	listener := ts.join(t, "Lin Reader")

	lc := openLineMode(t, listener, "dumb", "")
	lc.waitLine(t, 0, 10*time.Second, "10:02 GMT  Now: Lightning talks I, until 10:45.")

	mark := len(lc.raw.String())
	mustRun(t, org, "queue", "start", "1")
	start := time.Now()
	lc.waitLine(t, mark, 10*time.Second, `10:02 GMT  Live: Mei Chen, "Cython 3 and the free-threaded interpreter", 5 minutes.`)
	if took := time.Since(start); took > time.Second {
		t.Errorf("the talk's start took %s to arrive (want within 1 s)", took)
	}

	mark = len(lc.raw.String())
	ts.clock.Advance(4 * time.Minute) // 1 minute left
	if took := lc.waitLine(t, mark, 10*time.Second, "10:06 GMT  1 minute left: Mei Chen."); took > time.Second {
		t.Errorf("the 1-minute mark took %s to arrive (want within 1 s)", took)
	}

	mark = len(lc.raw.String())
	mustRun(t, org, "announce", "Lunch is at 12:30 GMT in the main room")
	start = time.Now()
	lc.waitLine(t, mark, 10*time.Second, "10:06 GMT  Announcement from Olive Organiser: Lunch is at 12:30 GMT in the main room")
	if took := time.Since(start); took > time.Second {
		t.Errorf("the announcement took %s to arrive (want within 1 s)", took)
	}

	mark = len(lc.raw.String())
	io.WriteString(lc.in, "now --plainx\x7f\r") // a typo, erased
	lc.waitLine(t, mark, 10*time.Second, "Now, 10:06 GMT / 06:06 EDT / 03:06 PDT:\r\n")
	io.WriteString(lc.in, "vote 1\r")
	lc.waitLine(t, mark, 10*time.Second, "camp: ")

	io.WriteString(lc.in, "quit\r")
	if err := lc.sess.Wait(); err != nil {
		t.Errorf("quit: %v", err)
	}
	out := lc.raw.String()
	checkNoEscapes(t, out)
	if strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
		t.Errorf("a line ends without CR LF on a raw terminal:\n%q", out)
	}
	t.Logf("the whole session:\n%s", strings.ReplaceAll(out, "\r\n", "\n"))
}

// TestPlainWithoutATerminal: `ssh HOST plain` with no PTY (ssh -T, a pipe):
// the client edits lines itself, nothing is echoed, lines end with LF.
func TestPlainWithoutATerminal(t *testing.T) {
	ts := startServer(t)
	c := ts.join(t, "Lin Reader")
	lc := openLineMode(t, c, "", "plain")
	lc.waitLine(t, 0, 10*time.Second, "Now: Lightning talks I")
	io.WriteString(lc.in, "whoami\n")
	lc.waitLine(t, 0, 10*time.Second, "Lin Reader")
	io.WriteString(lc.in, strings.Repeat("x", 5000)+"\n")
	lc.waitLine(t, 0, 10*time.Second, "that line is longer than 4096 bytes")
	io.WriteString(lc.in, "follow\n")
	lc.waitLine(t, 0, 10*time.Second, "You are in line mode already")
	io.WriteString(lc.in, "quit\n")
	if err := lc.sess.Wait(); err != nil {
		t.Errorf("quit: %v", err)
	}
	out := lc.raw.String()
	checkNoEscapes(t, out)
	if strings.Contains(out, "\r") || bytes.Contains([]byte(out), []byte("whoami")) {
		t.Errorf("without a terminal nothing is echoed and lines end with LF:\n%q", out)
	}
}

// TestFollowOverSSH: `ssh HOST follow --json` and `ssh HOST follow` stream
// events to each client until it hangs up, each line within 1 s.
func TestFollowOverSSH(t *testing.T) {
	ts := startServer(t)
	org := ts.organiser(t)
	asJSON := openLineMode(t, ts.join(t, "Jay Son"), "", "follow --json")
	asText := openLineMode(t, ts.join(t, "Tex Reader"), "", "follow")
	asJSON.waitLine(t, 0, 10*time.Second, `{"type":"now","time":"2026-03-28T10:02:00Z"`)
	asText.waitLine(t, 0, 10*time.Second, "10:02 GMT  Now: Lightning talks I")

	mustRun(t, org, "announce", "Doors open")
	start := time.Now()
	asJSON.waitLine(t, 0, 10*time.Second, `"type":"announcement"`)
	asText.waitLine(t, 0, 10*time.Second, "10:02 GMT  Announcement from Olive Organiser: Doors open\n")
	if took := time.Since(start); took > time.Second {
		t.Errorf("the announcement took %s to reach both followers (want within 1 s)", took)
	}
	for _, l := range strings.Split(strings.TrimSuffix(asJSON.raw.String(), "\n"), "\n") {
		var ev map[string]any
		if err := json.Unmarshal([]byte(l), &ev); err != nil {
			t.Errorf("not one JSON object: %q: %v", l, err)
		}
	}
	checkNoEscapes(t, asText.raw.String())
	asJSON.sess.Close()
	asText.sess.Close()
	waitUntil(t, 10*time.Second, func() bool { return ts.camp.DB().Feed().Subscribers() == 0 }, "the followers' subscriptions end when they hang up")
}

// TestLineModeJoin: a new key in line mode is told how to join, joins at
// the prompt, and its next command acts as the person it became.
func TestLineModeJoin(t *testing.T) {
	ts := startServer(t)
	lc := openLineMode(t, ts.client(t, newKey(t)), "dumb", "")
	lc.waitLine(t, 0, 10*time.Second, "You have not joined yet.")
	io.WriteString(lc.in, "join --name 'Nia New' --accept-code-of-conduct\r")
	lc.waitLine(t, 0, 10*time.Second, "Welcome, Nia New!")
	io.WriteString(lc.in, "propose topic --title 'Line mode for all'\r")
	lc.waitLine(t, 0, 10*time.Second, "Proposed topic")
	checkNoEscapes(t, lc.raw.String())
}

// TestFollowOnATerminalEndsOnCtrlC: under ssh -t the terminal is raw, so
// Ctrl+C arrives as a byte, not a signal: it ends follow.
func TestFollowOnATerminalEndsOnCtrlC(t *testing.T) {
	ts := startServer(t)
	lc := openLineMode(t, ts.join(t, "Tess Term"), "xterm", "follow")
	lc.waitLine(t, 0, 10*time.Second, "10:02 GMT  Now: Lightning talks I")
	io.WriteString(lc.in, "\x03")
	done := make(chan error, 1)
	go func() { done <- lc.sess.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Ctrl+C did not end follow on a terminal")
	}
	if !strings.Contains(lc.raw.String(), "\r\n") {
		t.Errorf("lines on a raw terminal should end with CR LF: %q", lc.raw.String())
	}
}
