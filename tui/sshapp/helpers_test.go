package sshapp_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store"
	"github.com/lightningcamp/camp/store/storetest"
	"github.com/lightningcamp/camp/tui/commands"
	"github.com/lightningcamp/camp/tui/sshapp"
)

// testServer is a real camp SSH server on 127.0.0.1 with a temporary database.
type testServer struct {
	srv   *sshapp.Server
	camp  *store.Camp
	clock *schedule.ManualClock
	addr  string
	logs  *syncBuffer
	org   gossh.Signer // the organiser's key
}

// setup is what a test may change before the server starts.
type setup struct {
	cfg  *sshapp.Config
	ev   *schedule.Event
	wrap func(commands.Backend) commands.Backend
}

type serverOption func(*setup)

func startServer(t testing.TB, opts ...serverOption) *testServer {
	t.Helper()
	ev := storetest.Example(t)
	clock := schedule.NewManualClock(storetest.SeedNow)
	ts := &testServer{clock: clock, logs: &syncBuffer{}, org: newKey(t)}
	cfg := sshapp.Config{
		Addr:        "127.0.0.1:0",
		HostKeyPath: filepath.Join(t.TempDir(), "host_key"),
		Organisers:  map[string]bool{gossh.FingerprintSHA256(ts.org.PublicKey()): true},
		Clock:       clock,
		Logger:      slog.New(slog.NewTextHandler(ts.logs, nil)),
	}
	su := &setup{cfg: &cfg, ev: ev, wrap: func(b commands.Backend) commands.Backend { return b }}
	for _, o := range opts {
		o(su)
	}
	cfg.Limits = ev.Limits
	ts.camp = storetest.MustOpenCamp(t, ev, clock)
	cfg.Backend = su.wrap(ts.camp)
	cfg.Feed, cfg.Publish = ts.camp, ts.camp.DB().Feed().Publish
	if cfg.Sessions == nil {
		cfg.Sessions = ts.camp.DB().Sessions()
	}
	srv, err := sshapp.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Listen(); err != nil {
		t.Fatal(err)
	}
	go srv.Serve(nil)
	t.Cleanup(func() { srv.Close() })
	ts.srv, ts.addr = srv, srv.Addr()
	return ts
}

func withLimits(f func(*schedule.Limits)) serverOption {
	return func(su *setup) { f(&su.ev.Limits) }
}

func withBackend(wrap func(commands.Backend) commands.Backend) serverOption {
	return func(su *setup) { su.wrap = wrap }
}

func withConfig(f func(*sshapp.Config)) serverOption {
	return func(su *setup) { f(su.cfg) }
}

func newKey(t testing.TB) gossh.Signer {
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

func clientConfig(user string, auth ...gossh.AuthMethod) *gossh.ClientConfig {
	return &gossh.ClientConfig{User: user, Auth: auth, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second}
}

func dial(t testing.TB, addr string, cfg *gossh.ClientConfig) *gossh.Client {
	t.Helper()
	c, err := gossh.Dial("tcp", addr, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func (ts *testServer) client(t testing.TB, key gossh.Signer) *gossh.Client {
	return dial(t, ts.addr, clientConfig("attendee", gossh.PublicKeys(key)))
}

// result is what one command printed and how it exited.
type result struct {
	stdout, stderr string
	code           int
}

// run runs one command in a new session of c.
func run(t testing.TB, c *gossh.Client, stdin string, args ...string) result {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	var out, errOut bytes.Buffer
	sess.Stdout, sess.Stderr, sess.Stdin = &out, &errOut, strings.NewReader(stdin)
	err = sess.Run(shellJoin(args))
	code := 0
	var exit *gossh.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitStatus()
	} else if err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	return result{out.String(), errOut.String(), code}
}

// shellJoin quotes args the way OpenSSH users would type them.
func shellJoin(args []string) string {
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	return strings.Join(quoted, " ")
}

func mustRun(t testing.TB, c *gossh.Client, args ...string) string {
	t.Helper()
	r := run(t, c, "", args...)
	if r.code != 0 {
		t.Fatalf("%v: exit %d: %s%s", args, r.code, r.stdout, r.stderr)
	}
	return r.stdout
}

// join makes a new attendee with their own key and name.
func (ts *testServer) join(t testing.TB, name string) *gossh.Client {
	t.Helper()
	c := ts.client(t, newKey(t))
	mustRun(t, c, "join", "--name", name, "--accept-code-of-conduct")
	return c
}

func (ts *testServer) organiser(t testing.TB) *gossh.Client {
	t.Helper()
	c := ts.client(t, ts.org)
	mustRun(t, c, "join", "--name", "Olive Organiser", "--accept-code-of-conduct")
	return c
}

// screen is a terminal session drawn into a virtual terminal, so tests read
// what a person would see, not the stream of escape codes that drew it.
// Raw keeps every byte the server sent, for checks on what went over the wire.
type screen struct {
	sess *gossh.Session
	in   io.WriteCloser
	mu   sync.Mutex
	term *vt.Emulator
	raw  *syncBuffer
}

func (s *screen) Write(p []byte) (int, error) {
	s.raw.Write(p)
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.term.Write(p)
}

// text is the screen as a person sees it now.
func (s *screen) text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.term.String()
}

func openScreen(t testing.TB, c *gossh.Client, w, h int) *screen {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sess.Close() })
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	s := &screen{sess: sess, term: vt.NewEmulator(w, h), raw: &syncBuffer{}}
	sess.Stdout, sess.Stderr = s, s
	if s.in, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	go io.Copy(s.in, s.term) // the terminal's answers to the program's queries
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	return s
}

// waitFor waits until the screen shows every want, and returns how long
// that took.
func (s *screen) waitFor(t testing.TB, limit time.Duration, wants ...string) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		text := s.text()
		missing := ""
		for _, w := range wants {
			if !strings.Contains(text, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return time.Since(start)
		}
		if time.Since(start) > limit {
			t.Fatalf("screen did not show %q within %s; it shows:\n%s", missing, limit, text)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// syncBuffer is a bytes.Buffer safe for one writer and concurrent readers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func (s *syncBuffer) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Len()
}

func (s *syncBuffer) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.b.Reset()
}

var ctx = context.Background()
