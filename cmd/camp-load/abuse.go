package main

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// The --abuse mode runs the SSH-layer attacks of issue 12 against a live
// server, one after another, while one well-behaved attendee keeps a
// terminal open and the organiser announces a new marker every half second
// or so: the attendee must see each within 1 s, whatever the attack. Each
// attack is bounded in count (the figures, scaled where noted) and
// in time (--abuse-time), and uses guest connections (no key), as anyone
// on the internet could.
//
//   - env: 2 connections, each sending up to 3,000 `env` requests of 200 KB
//     (the repro);
//   - long-exec: 8 channels on one connection, each sending 250 KB command
//     lines, over and over (the refusal time of each is measured);
//   - pty: 50 terminal sessions on one connection, then an organiser's and
//     a new attendee's command (both must get in);
//   - window-change: 5 terminal sessions sending 2,300 window-change
//     requests a second each (the issue measured ~11,300/s from five);
//   - bare-channels: up to 20,000 `session` channels on one connection
//     that never start a session.

// AbuseResult is the --abuse report.
type AbuseResult struct {
	Baseline        Updates        `json:"baseline"` // the attendee's updates before any attack
	Attacks         []AttackResult `json:"attacks"`
	UpdatesWithin1s bool           `json:"updates_within_1s"` // every update, in every attack, reached the attendee within 1 s
	Errors          int            `json:"errors"`
	ErrorKinds      map[string]int `json:"error_kinds"`
	FirstErrors     []string       `json:"first_errors"`
	RSSFrom         string         `json:"rss_from"` // "/proc/PID/statm" (with --pid, sampled every 50 ms) or "stats" (before and after only)
	StartedAt       string         `json:"started_at"`
	Seconds         float64        `json:"seconds"`
}

// Updates is what the well-behaved attendee saw: the organiser's
// announcements, from the command sent to the marker on the screen.
type Updates struct {
	Count  int     `json:"count"`
	Missed int     `json:"missed"` // not shown within --timeout
	P50MS  float64 `json:"p50_ms"`
	P99MS  float64 `json:"p99_ms"`
	MaxMS  float64 `json:"max_ms"`
}

// AttackResult is one attack: what was sent, what the server did with it,
// what it cost the server, and what the attendee saw meanwhile.
type AttackResult struct {
	Name     string  `json:"name"`
	Seconds  float64 `json:"seconds"`
	Sent     int     `json:"sent"`     // requests, command lines, sessions or channels
	Accepted int     `json:"accepted"` // taken by the server (env kept, channel opened, session held)
	Refused  int     `json:"refused"`  // refused or rejected by the server
	// Refusal times, for the long command lines: from sending to the exit status.
	RefusalP50MS float64 `json:"refusal_p50_ms,omitempty"`
	RefusalMaxMS float64 `json:"refusal_max_ms,omitempty"`
	// GotIn says who could still run a command during the attack (pty).
	GotIn            map[string]bool `json:"got_in,omitempty"`
	Updates          Updates         `json:"updates"`
	RSSBeforeBytes   uint64          `json:"rss_before_bytes"`
	RSSPeakBytes     uint64          `json:"rss_peak_bytes"` // 0 without --pid
	RSSAfterBytes    uint64          `json:"rss_after_bytes"`
	GoroutinesBefore int             `json:"goroutines_before"`
	GoroutinesAfter  int             `json:"goroutines_after"`
}

// The attacks' sizes: the figures.
const (
	envConnections  = 2
	envRequests     = 3000
	envValueBytes   = 200_000
	longExecWorkers = 8
	longExecBytes   = 250_000
	ptyChannels     = 50
	resizeSessions  = 5
	resizesPerTick  = 23 // every 10 ms: 2,300/s a session, 11,500/s for the five
	bareChannels    = 20_000
)

type abuser struct {
	*runner
	rss     *rssSampler // nil without --pid
	round   int64       // the last broadcast round
	watcher *attendee
}

func runAbuse(ctx context.Context, cfg config) (AbuseResult, error) {
	start := time.Now()
	ctx, cancel := context.WithTimeout(ctx, cfg.duration)
	defer cancel()
	seed := uint64(start.UnixNano())
	r := &runner{cfg: cfg, rng: rand.New(rand.NewPCG(seed, seed>>7)), errKinds: map[string]int{}}
	r.tag = runTag(r.rng)
	a := &abuser{runner: r}
	res := AbuseResult{StartedAt: start.UTC().Format(time.RFC3339), RSSFrom: "stats"}
	if cfg.pid > 0 {
		a.rss = newRSSSampler(cfg.pid)
		defer a.rss.stop()
		res.RSSFrom = fmt.Sprintf("/proc/%d/statm", cfg.pid)
	}
	err := a.attackAll(ctx, &res)
	if a.watcher != nil {
		a.watcher.leave()
	}
	if r.org != nil {
		r.org.Close()
	}
	if err == nil && ctx.Err() != nil {
		err = fmt.Errorf("stopped: %w (the --duration bound or a signal)", context.Cause(ctx))
	}
	res.UpdatesWithin1s = res.Baseline.Count > 0
	for _, at := range res.Attacks {
		if at.Updates.Count == 0 || at.Updates.Missed > 0 || at.Updates.MaxMS > 1000 {
			res.UpdatesWithin1s = false
		}
	}
	res.Errors, res.ErrorKinds, res.FirstErrors = r.errorsAll, r.errKinds, r.errFirst
	if res.FirstErrors == nil {
		res.FirstErrors = []string{}
	}
	res.Seconds = float64(time.Since(start).Round(100*time.Millisecond)) / float64(time.Second)
	return res, err
}

func (a *abuser) attackAll(ctx context.Context, res *AbuseResult) error {
	if err := a.reachOrganiser(ctx); err != nil {
		return err
	}
	if err := a.openWatcher(ctx); err != nil {
		return err
	}
	a.logf("baseline: the attendee's updates for %s with no attack", a.cfg.abuseTime)
	res.Baseline = a.watchWhile(ctx, func(<-chan struct{}) { _ = sleep(ctx, a.cfg.abuseTime) })
	attacks := []struct {
		name string
		run  func(context.Context, *AttackResult, time.Time)
	}{
		{"env", a.envFlood},
		{"long-exec", a.longExec},
		{"pty", a.ptyFlood},
		{"window-change", a.resizeFlood},
		{"bare-channels", a.bareChannels},
	}
	for _, at := range attacks {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		a.logf("attack %s for at most %s", at.name, a.cfg.abuseTime)
		r, err := a.attack(ctx, at.name, at.run)
		res.Attacks = append(res.Attacks, r)
		if err != nil {
			return err
		}
		a.logf("  %s: sent %d, accepted %d, refused %d; updates p50 %.0f ms p99 %.0f ms max %.0f ms (%d, %d missed); RSS %s -> %s",
			at.name, r.Sent, r.Accepted, r.Refused, r.Updates.P50MS, r.Updates.P99MS, r.Updates.MaxMS, r.Updates.Count, r.Updates.Missed,
			mib(r.RSSBeforeBytes), mib(r.RSSAfterBytes))
	}
	return nil
}

// attack runs one attack for at most --abuse-time while the attendee is
// watched, with the server's memory read around it.
func (a *abuser) attack(ctx context.Context, name string, run func(context.Context, *AttackResult, time.Time)) (AttackResult, error) {
	res := AttackResult{Name: name}
	before, err := a.stats(ctx)
	if err != nil {
		return res, err
	}
	res.RSSBeforeBytes, res.GoroutinesBefore = before.RSSBytes, before.Goroutines
	if a.rss != nil {
		res.RSSBeforeBytes = a.rss.resetPeak()
	}
	start := time.Now()
	deadline := start.Add(a.cfg.abuseTime)
	attackCtx, cancel := context.WithDeadline(ctx, deadline.Add(a.cfg.timeout))
	defer cancel()
	res.Updates = a.watchWhile(ctx, func(<-chan struct{}) { run(attackCtx, &res, deadline) })
	res.Seconds = round1(time.Since(start).Seconds())
	if a.rss != nil {
		res.RSSPeakBytes = a.rss.peakBytes()
	}
	if err := sleep(ctx, a.cfg.settle); err != nil { // what the attack left behind
		return res, err
	}
	after, err := a.stats(ctx)
	if err != nil {
		return res, err
	}
	res.RSSAfterBytes, res.GoroutinesAfter = after.RSSBytes, after.Goroutines
	if a.rss != nil {
		res.RSSAfterBytes = a.rss.currentBytes()
	}
	return res, nil
}

// openWatcher joins the well-behaved attendee and opens their terminal.
func (a *abuser) openWatcher(ctx context.Context) error {
	key, err := newSigner()
	if err != nil {
		return err
	}
	name := attendeeName(a.tag, 0)
	w := &attendee{name: name, needle: []byte(name), key: key, first: make(chan struct{})}
	if err := a.join(ctx, w); err != nil {
		return fmt.Errorf("the watching attendee could not join: %w", err)
	}
	if err := w.arrive(ctx, a.addr, a.cfg, &a.current); err != nil {
		return fmt.Errorf("the watching attendee's terminal: %w", err)
	}
	a.watcher = w
	select {
	case <-w.first:
		return nil
	case <-time.After(a.cfg.timeout):
		return fmt.Errorf("the watching attendee saw no first frame within %s", a.cfg.timeout)
	case <-ctx.Done():
		return ctx.Err()
	}
}

// watchWhile has the organiser announce markers, one every half second or
// so, while work runs, and measures when each reaches the attendee.
func (a *abuser) watchWhile(ctx context.Context, work func(stop <-chan struct{})) Updates {
	stop := make(chan struct{})
	var lat sample
	missed := 0
	done := make(chan struct{})
	go func() {
		defer close(done)
		prev := ""
		for {
			if sleepUntil(ctx, stop, 250*time.Millisecond+time.Duration(a.rng.Int64N(int64(500*time.Millisecond)))) {
				return
			}
			a.round++
			marker := nextMarker(a.rng, prev)
			prev = marker
			b := newBroadcast(a.round, marker, 1, 1)
			a.current.Store(b)
			sent := time.Now()
			if _, err := a.orgRun(ctx, "announce", marker); err != nil {
				a.fail("announce", err)
				continue
			}
			select {
			case <-b.all:
				lat = append(lat, time.Unix(0, b.arrivals[0].Load()).Sub(sent))
			case <-time.After(a.cfg.timeout):
				missed++
				a.fail("update", fmt.Errorf("round %d: the attendee did not see the announcement within %s", b.round, a.cfg.timeout))
			case <-ctx.Done():
				return
			}
		}
	}()
	work(stop)
	close(stop)
	<-done
	a.current.Store(nil)
	s := lat.summarise()
	return Updates{Count: s.n, Missed: missed, P50MS: ms(s.p50), P99MS: ms(s.p99), MaxMS: ms(s.max)}
}

// sleepUntil waits for stop, ctx or the optional pause; true if stop or
// ctx ended it.
func sleepUntil(ctx context.Context, stop <-chan struct{}, pause ...time.Duration) bool {
	var after <-chan time.Time
	if len(pause) > 0 {
		t := time.NewTimer(pause[0])
		defer t.Stop()
		after = t.C
	}
	select {
	case <-stop:
		return true
	case <-ctx.Done():
		return true
	case <-after:
		return false
	}
}

func (a *abuser) guest(ctx context.Context) (*gossh.Client, error) {
	return dial(ctx, a.addr, guestConfig(a.cfg.timeout))
}

// counts are an attack's tallies, safe for its goroutines.
type counts struct{ sent, accepted, refused atomic.Int64 }

func (c *counts) into(res *AttackResult) {
	res.Sent, res.Accepted, res.Refused = int(c.sent.Load()), int(c.accepted.Load()), int(c.refused.Load())
}

// envFlood: each connection's session sends env requests until the count
// or the deadline; the server keeps a few and refuses the rest.
func (a *abuser) envFlood(ctx context.Context, res *AttackResult, deadline time.Time) {
	var c counts
	value := strings.Repeat("e", envValueBytes)
	var wg sync.WaitGroup
	for range envConnections {
		wg.Go(func() {
			client, err := a.guest(ctx)
			if err != nil {
				a.fail("env", err)
				return
			}
			defer client.Close()
			sess, err := client.NewSession()
			if err != nil {
				a.fail("env", err)
				return
			}
			defer sess.Close()
			for i := 0; i < envRequests && time.Now().Before(deadline) && ctx.Err() == nil; i++ {
				c.sent.Add(1)
				if sess.Setenv("FLOOD_"+strconv.Itoa(i), value) == nil {
					c.accepted.Add(1)
				} else {
					c.refused.Add(1)
				}
			}
		})
	}
	wg.Wait()
	c.into(res)
}

// longExec: channels on one connection send 250 KB command lines until the
// deadline; each must be refused, and quickly.
func (a *abuser) longExec(ctx context.Context, res *AttackResult, deadline time.Time) {
	client, err := a.guest(ctx)
	if err != nil {
		a.fail("long-exec", err)
		return
	}
	defer client.Close()
	line := "notes add talk:1 '" + strings.Repeat("a", longExecBytes) + "'"
	var c counts
	var mu sync.Mutex
	var took sample
	var wg sync.WaitGroup
	for range longExecWorkers {
		wg.Go(func() {
			for time.Now().Before(deadline) && ctx.Err() == nil {
				c.sent.Add(1)
				start := time.Now()
				o, err := executeLine(ctx, client, a.cfg.timeout, line)
				d := time.Since(start)
				var open *gossh.OpenChannelError
				switch {
				case errors.As(err, &open): // the connection's channels are all open: refused too
					c.refused.Add(1)
				case err != nil:
					a.fail("long-exec", err)
					return
				case o.code == 0:
					c.accepted.Add(1)
				default:
					c.refused.Add(1)
					mu.Lock()
					took = append(took, d)
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	c.into(res)
	s := took.summarise()
	res.RefusalP50MS, res.RefusalMaxMS = ms(s.p50), ms(s.max)
}

// ptyFlood: one guest connection asks for 50 terminal sessions and holds
// what it gets; then an organiser and a new attendee must still get in.
func (a *abuser) ptyFlood(ctx context.Context, res *AttackResult, deadline time.Time) {
	client, err := a.guest(ctx)
	if err != nil {
		a.fail("pty", err)
		return
	}
	defer client.Close()
	var c counts
	for range ptyChannels {
		if time.Now().After(deadline) || ctx.Err() != nil {
			break
		}
		c.sent.Add(1)
		out, err := openTerminal(client, a.cfg)
		switch {
		case err != nil:
			c.refused.Add(1) // the channel was rejected
		case waitForOutput(out, a.cfg.timeout) && !strings.HasPrefix(out.String(), "camp: "):
			c.accepted.Add(1)
		default:
			c.refused.Add(1)
		}
	}
	c.into(res)
	res.GotIn = map[string]bool{"organiser": false, "attendee": false}
	if o, err := executeLine(ctx, a.org, a.cfg.timeout, "whoami"); err == nil && o.code == 0 {
		res.GotIn["organiser"] = true
	}
	key, err := newSigner()
	if err != nil {
		return
	}
	if other, err := dial(ctx, a.addr, clientConfig("attendee", key, a.cfg.timeout)); err == nil {
		if o, err := executeLine(ctx, other, a.cfg.timeout, "whoami"); err == nil && o.code == 0 {
			res.GotIn["attendee"] = true
		}
		other.Close()
	}
	_ = sleep(ctx, time.Until(deadline)) // hold the sessions while the attendee is watched
}

// resizeFlood: terminal sessions send window changes at the rate.
func (a *abuser) resizeFlood(ctx context.Context, res *AttackResult, deadline time.Time) {
	var c counts
	var wg sync.WaitGroup
	for range resizeSessions {
		wg.Go(func() {
			client, err := a.guest(ctx)
			if err != nil {
				a.fail("window-change", err)
				return
			}
			defer client.Close()
			sess, err := client.NewSession()
			if err != nil {
				a.fail("window-change", err)
				return
			}
			if err := sess.RequestPty("xterm-256color", a.cfg.height, a.cfg.width, gossh.TerminalModes{}); err != nil {
				a.fail("window-change", err)
				return
			}
			out := &lockedBuffer{}
			sess.Stdout = out
			if err := sess.Shell(); err != nil {
				a.fail("window-change", err)
				return
			}
			if !waitForOutput(out, a.cfg.timeout) || strings.HasPrefix(out.String(), "camp: ") {
				a.fail("window-change", fmt.Errorf("no terminal session: %q", firstLine(out.String())))
				return
			}
			c.accepted.Add(1) // sessions held
			tick := time.NewTicker(10 * time.Millisecond)
			defer tick.Stop()
			for i := 0; time.Now().Before(deadline) && ctx.Err() == nil; {
				for range resizesPerTick {
					if sess.WindowChange(24+i%20, 60+i%60) != nil {
						return
					}
					c.sent.Add(1)
					i++
				}
				<-tick.C
			}
		})
	}
	wg.Wait()
	c.into(res)
}

// bareChannels: one connection opens session channels that never start,
// until the count or the deadline; rejected ones are counted.
func (a *abuser) bareChannels(ctx context.Context, res *AttackResult, deadline time.Time) {
	client, err := a.guest(ctx)
	if err != nil {
		a.fail("bare-channels", err)
		return
	}
	defer client.Close()
	var c counts
	var mu sync.Mutex
	var opened []gossh.Channel // closed once every worker is done, so none frees room for another
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for c.sent.Add(1) <= bareChannels && time.Now().Before(deadline) && ctx.Err() == nil {
				ch, reqs, err := client.OpenChannel("session", nil)
				var open *gossh.OpenChannelError
				switch {
				case errors.As(err, &open):
					c.refused.Add(1)
				case err != nil:
					a.fail("bare-channels", err)
					return
				default:
					c.accepted.Add(1)
					go gossh.DiscardRequests(reqs)
					mu.Lock()
					opened = append(opened, ch)
					mu.Unlock()
				}
			}
			c.sent.Add(-1) // the attempt that was not made
		})
	}
	wg.Wait()
	c.into(res)
	_ = sleep(ctx, time.Until(deadline)) // hold them while the attendee is watched
	for _, ch := range opened {
		ch.Close()
	}
}

// openTerminal opens a terminal session whose output is collected.
func openTerminal(c *gossh.Client, cfg config) (*lockedBuffer, error) {
	sess, err := c.NewSession()
	if err != nil {
		return nil, err
	}
	if err := sess.RequestPty("xterm-256color", cfg.height, cfg.width, gossh.TerminalModes{}); err != nil {
		return nil, err
	}
	out := &lockedBuffer{}
	sess.Stdout, sess.Stderr = out, out
	return out, sess.Shell()
}

func waitForOutput(out *lockedBuffer, limit time.Duration) bool {
	deadline := time.Now().Add(limit)
	for out.Len() == 0 {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
	return true
}

// lockedBuffer keeps the first few KB a session sends.
type lockedBuffer struct {
	mu sync.Mutex
	b  []byte
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if room := 4096 - len(l.b); room > 0 {
		l.b = append(l.b, p[:min(len(p), room)]...)
	}
	return len(p), nil
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return string(l.b)
}

func (l *lockedBuffer) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.b)
}

// rssSampler reads a process's resident set every 50 ms and keeps the peak.
type rssSampler struct {
	path string
	done chan struct{}
	mu   sync.Mutex
	cur  uint64
	peak uint64
}

func newRSSSampler(pid int) *rssSampler {
	s := &rssSampler{path: fmt.Sprintf("/proc/%d/statm", pid), done: make(chan struct{})}
	s.sample()
	go func() {
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-s.done:
				return
			case <-t.C:
				s.sample()
			}
		}
	}()
	return s
}

func (s *rssSampler) sample() {
	data, err := os.ReadFile(s.path)
	if err != nil {
		return
	}
	fields := strings.Fields(string(data))
	if len(fields) < 2 {
		return
	}
	pages, err := strconv.ParseUint(fields[1], 10, 64)
	if err != nil {
		return
	}
	b := pages * uint64(os.Getpagesize())
	s.mu.Lock()
	s.cur, s.peak = b, max(s.peak, b)
	s.mu.Unlock()
}

// resetPeak starts a new peak at the current value, and returns it.
func (s *rssSampler) resetPeak() uint64 {
	s.sample()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.peak = s.cur
	return s.cur
}

func (s *rssSampler) peakBytes() uint64 {
	s.sample()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.peak
}

func (s *rssSampler) currentBytes() uint64 {
	s.sample()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cur
}

func (s *rssSampler) stop() { close(s.done) }
