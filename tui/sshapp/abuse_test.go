package sshapp_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/commands"
	"github.com/lightningcamp/camp/tui/sshapp"
)

// The attacks of issue 12 at the SSH layer, each from a real client over
// loopback. Every limit they meet is one of sshapp.ConnLimits, at its
// default unless the test says otherwise.

var defaults = sshapp.DefaultConnLimits()

// guest connects without a key (keyboard-interactive), as anyone can.
func (ts *testServer) guest(t testing.TB) *gossh.Client {
	t.Helper()
	return dial(t, ts.addr, clientConfig("guest", gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })))
}

// runLine runs one raw command line (as typed after `ssh HOST`).
func runLine(t testing.TB, c *gossh.Client, line string) result {
	t.Helper()
	r, err := tryLine(c, line)
	if err != nil {
		t.Fatalf("%.80q: %v", line, err)
	}
	return r
}

func tryLine(c *gossh.Client, line string) (result, error) {
	sess, err := c.NewSession()
	if err != nil {
		return result{}, err
	}
	defer sess.Close()
	var out, errOut syncBuffer
	sess.Stdout, sess.Stderr = &out, &errOut
	err = sess.Run(line)
	var exit *gossh.ExitError
	if errors.As(err, &exit) {
		return result{out.String(), errOut.String(), exit.ExitStatus()}, nil
	}
	return result{out.String(), errOut.String(), 0}, err
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// Issue 12, item 2: the SSH library keeps every `env` request of a session
// until it ends. 3,000 of them, 8 KB each, would hold 24 MB; past the caps
// they are refused, and the server's heap grows by well under 10 MB.
func TestEnvFloodIsCapped(t *testing.T) {
	ts := startServer(t)
	sess, err := ts.guest(t).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	before := heapInUse()
	accepted := 0
	if err := sess.Setenv("TZ", "Asia/Tokyo"); err == nil { // what a real client sends: kept
		accepted++
	} else {
		t.Errorf("the first env request was refused: %v", err)
	}
	value := strings.Repeat("e", 8<<10)
	for i := range 3000 {
		if sess.Setenv(fmt.Sprintf("FLOOD_%d", i), value) == nil {
			accepted++
		}
	}
	for i := range 100 { // small ones: the count cap
		if sess.Setenv(fmt.Sprintf("V%d", i), "1") == nil {
			accepted++
		}
	}
	grew := int64(heapInUse()) - int64(before)
	t.Logf("%d of 3,101 env requests kept; heap in use grew by %.1f MB", accepted, float64(grew)/(1<<20))
	if accepted > defaults.EnvVars {
		t.Errorf("%d env requests kept on one session, want at most %d", accepted, defaults.EnvVars)
	}
	if grew > 10<<20 {
		t.Errorf("the server's heap grew by %d bytes under the env flood, want under 10 MB", grew)
	}
	var out syncBuffer
	sess.Stdout = &out
	if err := sess.Run("whoami"); err != nil {
		t.Errorf("the session no longer runs a command after the flood: %v", err)
	}
}

// Issue 12, item 3: a 250 KB command line is refused before it is split
// into words (splitting is quadratic: seconds per line), guests included.
func TestLongCommandLineIsRefusedAtOnce(t *testing.T) {
	ts := startServer(t)
	line := "notes add talk:1 '" + strings.Repeat("a", 250_000) + "'"
	for _, c := range []struct {
		who    string
		client *gossh.Client
	}{{"guest", ts.guest(t)}, {"attendee", ts.join(t, "Ada")}} {
		t.Run(c.who, func(t *testing.T) {
			done := make(chan result, 1)
			start := time.Now()
			go func() {
				r, err := tryLine(c.client, line)
				if err != nil {
					r.stderr = err.Error()
				}
				done <- r
			}()
			var r result
			select {
			case r = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("a 250 KB command line was not answered within 10 s")
			}
			took := time.Since(start)
			t.Logf("refused in %s", took)
			if took > time.Second {
				t.Errorf("a 250 KB command line took %s to refuse, want well under 1 s", took)
			}
			if r.code != commands.ExitUsage || !strings.Contains(r.stderr, "command line is longer than 4096 bytes") || !strings.Contains(r.stderr, "standard input") {
				t.Errorf("exit %d, stderr %.200q", r.code, r.stderr)
			}
		})
	}
	if logs := ts.logs.String(); strings.Contains(logs, strings.Repeat("a", 1000)) {
		t.Error("the long command line reached the log")
	}
	// A line within the cap still runs, spaces and all.
	if r := runLine(t, ts.guest(t), "whoami"+strings.Repeat(" ", defaults.CommandBytes-len("whoami"))); r.code != 0 {
		t.Errorf("a command line of exactly %d bytes: exit %d, %s", defaults.CommandBytes, r.code, r.stderr)
	}
}

// A command line is split once, and a quote left open is an error said
// plainly, not a command run with what was read so far.
func TestUnclosedQuoteIsRefused(t *testing.T) {
	ts := startServer(t)
	r := runLine(t, ts.guest(t), "talks --json 'oops")
	if r.code != commands.ExitUsage || !strings.Contains(r.stderr, "quote") {
		t.Errorf("exit %d, stdout %.80q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

// waitForOutput waits until a session sent anything: a frame or a refusal.
func waitForOutput(t *testing.T, raw *syncBuffer) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for raw.Len() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("a terminal session sent nothing within 5 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// openTerminals opens n terminal sessions on c, one after another, and
// waits for each to answer; it returns how many channels the server would
// not open and how many sessions it refused.
func openTerminals(t *testing.T, c *gossh.Client, n int) (rejected, refused int) {
	t.Helper()
	for range n {
		sess, err := c.NewSession()
		if err != nil {
			var open *gossh.OpenChannelError
			if !errors.As(err, &open) || open.Reason != gossh.ResourceShortage {
				t.Fatalf("a refused channel: %v", err)
			}
			rejected++
			continue
		}
		t.Cleanup(func() { sess.Close() })
		if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
			t.Fatal(err)
		}
		raw := &syncBuffer{}
		sess.Stdout, sess.Stderr = raw, raw
		if err := sess.Shell(); err != nil {
			t.Fatal(err)
		}
		waitForOutput(t, raw)
		if strings.HasPrefix(raw.String(), "camp: ") {
			refused++
		}
	}
	return rejected, refused
}

// Issue 12, item 4: 50 terminal sessions on one guest connection filled a
// camp of 50 and locked out organisers and attendees alike.
func TestOneGuestConnectionCannotFillTheCamp(t *testing.T) {
	ts := startServer(t, withLimits(func(l *schedule.Limits) { l.Sessions = 50 }))
	rejected, refused := openTerminals(t, ts.guest(t), 50)
	held := ts.srv.Stats().SessionsByRole[string(schedule.RoleGuest)]
	t.Logf("50 terminals on one guest connection: %d channels rejected, %d sessions refused, %d held", rejected, refused, held)
	if held > defaults.GuestSessionsPerConnection || rejected+refused+held != 50 {
		t.Errorf("one guest connection holds %d sessions (%d refused, %d channels rejected), want at most %d", held, refused, rejected, defaults.GuestSessionsPerConnection)
	}
	if r := run(t, ts.client(t, ts.org), "", "whoami"); r.code != 0 {
		t.Errorf("the organiser was refused: %s", r.stderr)
	}
	if r := run(t, ts.client(t, newKey(t)), "", "whoami"); r.code != 0 {
		t.Errorf("an attendee was refused: %s", r.stderr)
	}
}

// Guests share a budget of their own (at most half the camp), so people
// with keys find room while guests hold every guest place, and an
// organiser gets in even when the camp is full.
func TestGuestsHaveABudgetOfTheirOwn(t *testing.T) {
	ts := startServer(t, withLimits(func(l *schedule.Limits) { l.Sessions = 4 }))
	openTerminals(t, ts.guest(t), 1)
	openTerminals(t, ts.guest(t), 1)
	if r := run(t, ts.guest(t), "", "whoami"); r.code == 0 || !strings.Contains(r.stderr, "guest") {
		t.Errorf("a third guest session in a camp of 4: exit %d, %s", r.code, r.stderr)
	}
	openScreen(t, ts.client(t, newKey(t)), 80, 24).waitFor(t, 5*time.Second, "Welcome")
	openScreen(t, ts.client(t, newKey(t)), 80, 24).waitFor(t, 5*time.Second, "Welcome")
	if r := run(t, ts.client(t, newKey(t)), "", "whoami"); r.code == 0 || !strings.Contains(r.stderr, "the camp is full") {
		t.Errorf("a fifth session in a camp of 4: exit %d, %s", r.code, r.stderr)
	}
	if r := run(t, ts.client(t, ts.org), "", "whoami"); r.code != 0 {
		t.Errorf("the organiser was refused from a full camp: %s", r.stderr)
	}
}

// loginCounter counts the database writes Login makes.
type loginCounter struct {
	commands.Backend
	n *atomic.Int64
}

func (l loginCounter) Login(ctx context.Context, fingerprint string, organiser bool) (schedule.Person, error) {
	l.n.Add(1)
	return l.Backend.Login(ctx, fingerprint, organiser)
}

// Issue 12, item 16: a connection refused by the session caps costs no
// database write (Login upserts the person and writes an audit row).
func TestCapsComeBeforeTheDatabase(t *testing.T) {
	var logins atomic.Int64
	ts := startServer(t, withLimits(func(l *schedule.Limits) { l.Sessions, l.SessionsPerKey = 2, 1 }),
		withBackend(func(b commands.Backend) commands.Backend { return loginCounter{b, &logins} }))
	key := newKey(t)
	openScreen(t, ts.client(t, key), 80, 24).waitFor(t, 5*time.Second, "Welcome")
	openScreen(t, ts.client(t, newKey(t)), 80, 24).waitFor(t, 5*time.Second, "Welcome")
	before := logins.Load()
	for range 5 {
		if r := run(t, ts.client(t, newKey(t)), "", "whoami"); r.code == 0 {
			t.Fatal("a session past the total was admitted")
		}
	}
	if r := run(t, ts.client(t, key), "", "whoami"); r.code == 0 {
		t.Fatal("a session past the key's cap was admitted")
	}
	if n := logins.Load() - before; n != 0 {
		t.Errorf("%d logins were written for sessions the caps refused", n)
	}
}

// Issue 12, item 10: a flood of window-change requests made every one a
// redraw. Resizes are paced (a burst, then one per interval), the last
// size wins, and another attendee's commands are answered meanwhile.
func TestWindowChangeFloodIsPaced(t *testing.T) {
	ts := startServer(t)
	a := ts.join(t, "Ada")
	other := ts.join(t, "Bob")
	sess, raw := rawTerminal(t, a, 80, 24)
	waitForBytes(t, raw, "you: Ada")
	before := sshapp.ResizesApplied(ts.srv)
	var slowest atomic.Int64
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
			}
			start := time.Now()
			run(t, other, "", "now")
			slowest.Store(max(slowest.Load(), int64(time.Since(start))))
		}
	})
	start := time.Now()
	const flood = 3000
	for i := range flood {
		if err := sess.WindowChange(24+i%10, 60+i%40); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(300 * time.Millisecond) // what was merged is applied
	close(stop)
	wg.Wait()
	elapsed := time.Since(start)
	applied := sshapp.ResizesApplied(ts.srv) - before
	allowed := int64(defaults.WindowChangeBurst) + int64(elapsed/defaults.WindowChangeEvery) + 1
	t.Logf("%d window changes in %s: %d applied (at most %d allowed); another attendee's slowest `now` %s",
		flood, elapsed.Round(time.Millisecond), applied, allowed, time.Duration(slowest.Load()).Round(time.Millisecond))
	if applied > allowed {
		t.Errorf("%d of %d window changes were applied in %s, want at most %d", applied, flood, elapsed.Round(time.Millisecond), allowed)
	}
	// The last size is the one drawn. A slow machine may still be applying
	// and drawing the flood's last size: let it settle first, so that what
	// follows the reset is only the final resize.
	settle(t, func() int64 { return sshapp.ResizesApplied(ts.srv) }, 3*defaults.WindowChangeEvery)
	settle(t, func() int64 { return int64(raw.Len()) }, 300*time.Millisecond)
	raw.Reset()
	if err := sess.WindowChange(30, 100); err != nil {
		t.Fatal(err)
	}
	waitForBytes(t, raw, "you: Ada")
	time.Sleep(200 * time.Millisecond)
	if rows, columns := drawnExtent(raw.String()); rows != 30 || columns <= 80 || columns > 100 {
		t.Errorf("after the flood and a resize to 100x30, drawn over %d rows, a rule of %d columns", rows, columns)
	}
}

// Issue 12, item 11: 20,000 `session` channels that never start a session
// held memory and a goroutine each. One connection may open a few; the
// rest are rejected when they open, and the few are closed when they do
// not start in time. The attempts stop before the first of the few times
// out (a slow machine makes fewer of them, and says so).
func TestBareChannelsAreCappedAndTimedOut(t *testing.T) {
	const startTimeout = 3 * time.Second
	ts := startServer(t, withConfig(func(c *sshapp.Config) { c.Conn.ChannelStartTimeout = startTimeout }))
	c := ts.guest(t)
	const attempts, workers = 20000, 8
	var mu sync.Mutex
	var opened []gossh.Channel
	var rejected, tried atomic.Int64
	deadline := time.Now().Add(startTimeout - 500*time.Millisecond)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for tried.Add(1) <= attempts && time.Now().Before(deadline) {
				ch, reqs, err := c.OpenChannel("session", nil)
				if err != nil {
					var open *gossh.OpenChannelError
					if errors.As(err, &open) && open.Reason == gossh.ResourceShortage {
						rejected.Add(1)
						continue
					}
					t.Errorf("opening a channel: %v", err)
					return
				}
				go gossh.DiscardRequests(reqs)
				mu.Lock()
				opened = append(opened, ch)
				n := len(opened)
				mu.Unlock()
				if n > 4*defaults.ChannelsPerConnection {
					t.Errorf("one connection opened %d bare channels", n)
					return
				}
			}
		})
	}
	wg.Wait()
	t.Logf("%d channels opened, %d rejected, %d attempts", len(opened), rejected.Load(), min(tried.Load(), attempts))
	if len(opened) != defaults.ChannelsPerConnection {
		t.Fatalf("%d bare channels opened on one connection, want %d", len(opened), defaults.ChannelsPerConnection)
	}
	for _, ch := range opened { // closed by the server, a second after they opened
		closed := make(chan struct{})
		go func() { ch.Read(make([]byte, 1)); close(closed) }()
		select {
		case <-closed:
		case <-time.After(5 * time.Second):
			t.Fatalf("a bare channel was still open 5 s after a %s start timeout", startTimeout)
		}
		ch.Close()
	}
	// The server frees a channel's place when its handler ends, a moment
	// after the client sees the channel closed: until then it is refused.
	waitUntil(t, 5*time.Second, func() bool {
		r, err := tryLine(c, "whoami")
		return err == nil && r.code == 0
	}, "the connection runs a command once its bare channels are gone")
}

func waitUntil(t *testing.T, limit time.Duration, ok func() bool, what string) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("not within %s: %s", limit, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Issue 12, item 15: cobra's hidden __complete was reachable when the
// argument list started with a flag. No order of the arguments reaches it.
func TestHiddenCompletionIsUnreachable(t *testing.T) {
	ts := startServer(t)
	clients := map[string]*gossh.Client{"guest": ts.guest(t), "attendee": ts.join(t, "Ada")}
	lines := []string{
		`--help=false __complete queue ""`, // the repro: ssh HOST -- '--help=false __complete queue ""'
		`__complete queue ""`,
		`__completeNoDesc queue ""`,
		`-h=false __complete queue ""`,
		`--help=false __completeNoDesc queue a`,
		`--json=true __complete ""`,
		`--help=false --help=false __complete queue ""`,
	}
	for who, c := range clients {
		for _, line := range lines {
			r := runLine(t, c, line)
			if strings.Contains(r.stdout+r.stderr, "ShellCompDirective") || strings.Contains(r.stdout, ":4\n") {
				t.Errorf("%s ran %q and got completions:\n%s%s", who, line, r.stdout, r.stderr)
			}
			if r.code != commands.ExitUsage {
				t.Errorf("%s ran %q: exit %d, want %d: %s", who, line, r.code, commands.ExitUsage, r.stderr)
			}
		}
	}
}

// BenchmarkLongCommandLine is the round trip of one command over an open
// guest connection, from the new channel to the exit status: a 250 KB
// command line (refused unread) beside a short command that runs.
func BenchmarkLongCommandLine(b *testing.B) {
	ts := startServer(b)
	c := ts.guest(b)
	for _, bc := range []struct {
		name, line string
		code       int
	}{
		{"250KB_refused", "notes add talk:1 '" + strings.Repeat("a", 250_000) + "'", commands.ExitUsage},
		{"whoami", "whoami", 0},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if r, err := tryLine(c, bc.line); err != nil || r.code != bc.code {
					b.Fatalf("exit %d, %v: %s", r.code, err, r.stderr)
				}
			}
		})
	}
}

// settle waits until value has not changed for quiet (at most 10 s).
func settle(t *testing.T, value func() int64, quiet time.Duration) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	last, since := value(), time.Now()
	for time.Since(since) < quiet {
		if time.Now().After(deadline) {
			t.Fatalf("still changing after 10 s")
		}
		time.Sleep(quiet / 10)
		if v := value(); v != last {
			last, since = v, time.Now()
		}
	}
}
