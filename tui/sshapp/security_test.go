package sshapp_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	gossh "golang.org/x/crypto/ssh"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/commands"
	"github.com/lightningcamp/camp/tui/sshapp"
)

// hostile is text crafted to take over other people's terminals: colours,
// a hyperlink, a clipboard write, a device-control string, an APC, 8-bit
// C1, a bidi override and zero-width characters. Each carries a marker that
// must never reach anyone's screen inside its sequence.
const hostile = "Evil\x1b[38;5;196;48;5;46mRED\x1b[0m \x1b]8;;https://evil.example/\x07LINK\x1b]8;;\x07 " +
	"\x1b]52;c;ZXZpbA==\x07 \x1bP+qSECRETDCS\x1b\\ \x1b_SECRETAPC\x1b\\ \u009b6n \u202Egnp.exe \u200bzw\u2066"

// markers must not appear anywhere in what others see: each is payload of
// an escape sequence that the sanitiser removes whole.
var markers = []string{"38;5;196;48;5;46", "evil.example", "ZXZpbA==", "SECRETDCS", "SECRETAPC", "\u009b", "\u202e", "\u200b", "\u2066"}

func assertClean(t *testing.T, where, s string) {
	t.Helper()
	for _, m := range markers {
		if strings.Contains(s, m) {
			t.Errorf("%s contains %q from hostile text", where, m)
		}
	}
}

// assertNoControls checks text output that should have no escapes at all.
func assertNoControls(t *testing.T, where, s string) {
	t.Helper()
	for i, r := range s {
		bad := r == 0x1b || (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x80 && r <= 0x9f) ||
			(r >= 0x200b && r <= 0x200f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
		if bad || r == utf8.RuneError && strings.Contains(s[i:i+1], "\x9b") {
			t.Errorf("%s has control or format character %U at byte %d", where, r, i)
			return
		}
	}
}

func TestHostileTextReachesNobody(t *testing.T) {
	ts := startServer(t, withLimits(func(l *schedule.Limits) { l.WriteBurst = 10 }))
	org := ts.organiser(t)
	watcher := ts.join(t, "Watcher")
	watchScreen := openScreen(t, watcher, 120, 40)
	watchScreen.waitFor(t, 5*time.Second, "Lightning talks I")

	evilKey := newKey(t)
	evil := dial(t, ts.addr, clientConfig("root\x1b]0;pwned\x07\u202e", gossh.PublicKeys(evilKey)))
	mustRun(t, evil, "join", "--name", "Mal "+hostile[:40], "--accept-code-of-conduct")
	mustRun(t, evil, "propose", "talk", "--title", "T "+hostile, "--abstract", hostile)
	mustRun(t, evil, "propose", "topic", "--title", "O "+hostile)
	talks := listTalks(t, org)
	mustRun(t, org, "queue", "approve", fmt.Sprint(talks[0].ID))
	mustRun(t, org, "queue", "start", fmt.Sprint(talks[0].ID))
	mustRun(t, evil, "notes", "add", fmt.Sprint("talk:", talks[0].ID), "N "+hostile)
	watchScreen.waitFor(t, 5*time.Second, "Evil")

	for _, args := range [][]string{{"talks", "--json"}, {"topics", "--json"}, {"now", "--json"}, {"notes", fmt.Sprint("talk:", talks[0].ID), "--json"}, {"talks"}, {"topics"}, {"now"}} {
		r := run(t, watcher, "", args...)
		assertClean(t, strings.Join(args, " "), r.stdout+r.stderr)
		assertNoControls(t, strings.Join(args, " "), r.stdout+r.stderr)
	}
	assertClean(t, "what the watcher's terminal received", watchScreen.raw.String())
	logs := ts.logs.String()
	assertClean(t, "the server log", logs)
	if strings.Contains(logs, "pwned\x07") || strings.Contains(logs, "\x1b]0;") {
		t.Errorf("the SSH user name reached the log raw:\n%s", logs)
	}
}

func TestSilentConnectionsAreClosedByTheHandshakeTimeout(t *testing.T) {
	ts := startServer(t, withLimits(func(l *schedule.Limits) { l.HandshakeTimeout = time.Second }))
	runtime.GC()
	baseline := runtime.NumGoroutine()
	const n = 300
	conns := make([]net.Conn, 0, n)
	for range n {
		c, err := net.Dial("tcp", ts.addr)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	deadline := time.Now().Add(5 * time.Second)
	for _, c := range conns {
		c.SetReadDeadline(deadline)
		buf := make([]byte, 512)
		for {
			if _, err := c.Read(buf); err != nil {
				if ne, ok := err.(net.Error); ok && ne.Timeout() {
					t.Fatal("a silent connection was still open 5 s after a 1 s handshake timeout")
				}
				break // closed by the server
			}
		}
		c.Close()
	}
	var now int
	for range 50 {
		if now = runtime.NumGoroutine(); now <= baseline+5 {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Errorf("goroutines: %d before the connections, %d after they were closed", baseline, now)
}

// panicky panics in one write, as a bug would.
type panicky struct{ commands.Backend }

func (p panicky) ProposeTopic(ctx context.Context, a schedule.Actor, tp schedule.TopicProposal) (schedule.Topic, error) {
	if tp.Title == "panic please" {
		panic("a bug in one session")
	}
	return p.Backend.ProposeTopic(ctx, a, tp)
}

func TestPanicEndsOnlyThatSession(t *testing.T) {
	ts := startServer(t, withBackend(func(b commands.Backend) commands.Backend { return panicky{b} }))
	a := ts.join(t, "Ada")
	b := ts.join(t, "Bob")
	r := run(t, a, "", "propose", "topic", "--title", "panic please")
	if r.code == 0 {
		t.Fatal("the panicking command succeeded")
	}
	mustRun(t, b, "propose", "topic", "--title", "still fine")
	mustRun(t, a, "topics")
}

func TestHostKeyIsKeptPrivate(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "host_key")
	ts := startServer(t, withConfig(func(cfg *sshapp.Config) { cfg.HostKeyPath = path }))
	ts.join(t, "Ada")
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %v, want 0600", info.Mode().Perm())
	}
}
