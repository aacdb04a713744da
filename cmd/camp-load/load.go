package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// config is one run's settings; see parseFlags for what each means.
type config struct {
	addr          string
	organiserKey  string
	organiser     gossh.Signer // read from organiserKey when nil
	sessions      int
	rate          float64
	width, height int
	rounds        int
	idle          time.Duration
	settle        time.Duration
	leaveWait     time.Duration
	timeout       time.Duration
	duration      time.Duration
	joinWorkers   int
	late          int  // attendees who arrive while the crowd is held, for the first frame then
	answerQueries bool // the simulated terminals answer the background-colour query
	proposals     bool
	quiet         bool
	jsonOut       bool
	verbose       bool
	outFile       string
	progress      io.Writer     // nil: silent
	abuse         bool          // run the attacks instead (abuse.go)
	abuseTime     time.Duration // the bound on each attack
	pid           int           // the server's process, for its RSS from /proc
	// Pauses that tests shorten: between announcements (each waits between
	// half and one and a half of it), and before the quiet window.
	roundGap, quietSettle time.Duration
}

func defaultConfig() config {
	return config{
		addr: "127.0.0.1:2222", sessions: 100, rate: 100, width: 80, height: 24, rounds: 10,
		idle: 10 * time.Second, settle: 3 * time.Second, leaveWait: 10 * time.Second,
		timeout: 30 * time.Second, duration: 10 * time.Minute, joinWorkers: 8, late: 100, proposals: true, quiet: true,
		roundGap: time.Second, quietSettle: 5 * time.Second, abuseTime: 10 * time.Second,
	}
}

// Result is the report; with --json it is printed as one object. The
// first keys are the contract of the issue that asked for the tool; the
// rest say more about the same run.
type Result struct {
	Sessions             int            `json:"sessions"` // held at once: reached their first frame
	ConnectP50MS         float64        `json:"connect_p50_ms"`
	ConnectP99MS         float64        `json:"connect_p99_ms"`
	FanoutP50MS          float64        `json:"fanout_p50_ms"`
	FanoutP99MS          float64        `json:"fanout_p99_ms"`
	FanoutMaxMS          float64        `json:"fanout_max_ms"`
	RSSPerSessionBytes   uint64         `json:"rss_per_session_bytes"`
	IdleCPUPercent       float64        `json:"idle_cpu_percent"`
	ProposalsOK          int            `json:"proposals_ok"`
	ProposalsFailed      int            `json:"proposals_failed"`
	Errors               int            `json:"errors"`
	RequestedSessions    int            `json:"requested_sessions"`
	RatePerSecond        float64        `json:"rate_per_second"`
	Width                int            `json:"width"`
	Height               int            `json:"height"`
	ConnectMaxMS         float64        `json:"connect_max_ms"`
	JoinCPUMS            float64        `json:"join_cpu_ms"` // server CPU per arrival, first frame included
	FanoutRounds         int            `json:"fanout_rounds"`
	FanoutSamples        int            `json:"fanout_samples"`
	FanoutMissed         int            `json:"fanout_missed"`
	HeapPerSessionBytes  uint64         `json:"heap_per_session_bytes"`
	GoroutinesPerSess    float64        `json:"goroutines_per_session"`
	RSSBaseBytes         uint64         `json:"rss_base_bytes"`
	RSSHeldBytes         uint64         `json:"rss_held_bytes"`
	RSSAfterLeaveBytes   uint64         `json:"rss_after_leave_bytes"`
	HeapAfterLeaveBytes  uint64         `json:"heap_after_leave_bytes"`
	LiveCountdown        bool           `json:"live_countdown"`          // a talk counted down during the idle window
	ToolIdleCPUPercent   float64        `json:"tool_idle_cpu_percent"`   // camp-load\'s own CPU in the idle window
	ToolFanoutCPUPercent float64        `json:"tool_fanout_cpu_percent"` // camp-load\'s own CPU while measuring fan-out
	QuietCPUPercent      float64        `json:"quiet_cpu_percent"`       // -1: not measured
	ProposalsPerSecond   float64        `json:"proposals_per_second"`
	ProposalsStored      int            `json:"proposals_stored"`
	ErrorKinds           map[string]int `json:"error_kinds"`
	FirstErrors          []string       `json:"first_errors"`
	StartedAt            string         `json:"started_at"`
	Seconds              float64        `json:"seconds"`
	// Added for the 2,000-session targets (issue 18).
	AnswerQueries      bool    `json:"answer_queries"`      // the simulated terminals answered the background-colour query
	ArrivalsPerSecond  float64 `json:"arrivals_per_second"` // the rate achieved: dials per second over the arrivals
	IdleCPUMicros      float64 `json:"idle_cpu_us_per_session_second"`
	QuietCPUMicros     float64 `json:"quiet_cpu_us_per_session_second"` // -1: not measured
	LateRequested      int     `json:"late_requested"`
	LateSessions       int     `json:"late_sessions"`  // late arrivals that reached their first frame
	LateConnected      int     `json:"late_connected"` // sessions already held while they arrived
	LateConnectP50MS   float64 `json:"late_connect_p50_ms"`
	LateConnectP99MS   float64 `json:"late_connect_p99_ms"`
	LateConnectMaxMS   float64 `json:"late_connect_max_ms"`
	LateArrivalsPerSec float64 `json:"late_arrivals_per_second"`
	ToolArrivalsCPU    float64 `json:"tool_arrivals_cpu_percent"` // camp-load's own CPU while the crowd arrived
	JoinSeconds        float64 `json:"join_seconds"`              // signing everyone up, late arrivals included
}

// serverStats is what `stats --json` says.
type serverStats struct {
	Sessions   int     `json:"sessions"`
	Goroutines int     `json:"goroutines"`
	HeapBytes  uint64  `json:"heap_bytes"`
	RSSBytes   uint64  `json:"rss_bytes"`
	CPUSeconds float64 `json:"cpu_seconds"`
}

// runner holds one run's state.
type runner struct {
	cfg  config
	addr string
	org  *gossh.Client
	tag  string
	rng  *rand.Rand
	atts []*attendee // the crowd
	late []*attendee // who arrive while the crowd is held, then leave
	res  Result

	current atomic.Pointer[broadcast]

	mu        sync.Mutex
	liveTalk  int64 // the talk this run started, to finish for the quiet window
	errKinds  map[string]int
	errFirst  []string
	errorsAll int
}

func (r *runner) logf(format string, args ...any) {
	if r.cfg.progress != nil {
		fmt.Fprintf(r.cfg.progress, "camp-load: "+format+"\n", args...)
	}
}

// fail counts an error of a kind, keeping the first few messages.
func (r *runner) fail(kind string, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errorsAll++
	r.errKinds[kind]++
	if len(r.errFirst) < 8 {
		r.errFirst = append(r.errFirst, kind+": "+firstLine(err.Error()))
	}
}

// run measures the server; it returns the report so far even on error.
func run(ctx context.Context, cfg config) (Result, error) {
	start := time.Now()
	ctx, cancel := context.WithTimeout(ctx, cfg.duration)
	defer cancel()
	seed := uint64(start.UnixNano())
	r := &runner{cfg: cfg, rng: rand.New(rand.NewPCG(seed, seed>>7)), errKinds: map[string]int{}}
	r.res = Result{RequestedSessions: cfg.sessions, RatePerSecond: cfg.rate, Width: cfg.width, Height: cfg.height,
		QuietCPUPercent: -1, QuietCPUMicros: -1, StartedAt: start.UTC().Format(time.RFC3339),
		AnswerQueries: cfg.answerQueries, LateRequested: cfg.late}
	r.tag = runTag(r.rng)
	err := r.measure(ctx)
	r.leaveAll()
	if r.org != nil && r.liveTalk != 0 { // leave the camp as it was: end the talk this run started
		end, cancel := context.WithTimeout(context.Background(), r.cfg.timeout)
		if _, err := r.orgRun(end, "queue", "finish", strconv.FormatInt(r.liveTalk, 10)); err != nil {
			r.fail("countdown", err)
		}
		cancel()
	}
	if r.org != nil {
		r.org.Close()
	}
	if err == nil && ctx.Err() != nil {
		err = fmt.Errorf("stopped: %w (the --duration bound or a signal)", context.Cause(ctx))
	}
	r.res.Errors = r.errorsAll
	r.res.ErrorKinds = r.errKinds
	r.res.FirstErrors = r.errFirst
	if r.res.FirstErrors == nil {
		r.res.FirstErrors = []string{}
	}
	r.res.Seconds = float64(time.Since(start).Round(100*time.Millisecond)) / float64(time.Second)
	return r.res, err
}

func runTag(r *rand.Rand) string {
	b := make([]byte, 4)
	for i := range b {
		b[i] = byte('a' + r.IntN(26))
	}
	return string(b)
}

func (r *runner) measure(ctx context.Context) error {
	if err := raiseFileLimit(uint64(r.cfg.sessions+r.cfg.late) + 256); err != nil {
		return err
	}
	if err := r.reachOrganiser(ctx); err != nil {
		return err
	}
	if err := r.startCountdown(ctx); err != nil {
		r.fail("countdown", err)
	}
	if err := r.joinAll(ctx); err != nil {
		return err
	}
	base, err := r.stats(ctx)
	if err != nil {
		return err
	}
	r.res.RSSBaseBytes = base.RSSBytes
	if err := r.arriveAll(ctx, base); err != nil {
		return err
	}
	held, err := r.measureMemory(ctx, base)
	if err != nil {
		return err
	}
	if err := r.firstFrameInCrowd(ctx, held); err != nil {
		return err
	}
	tool0, t0 := selfCPU(), time.Now()
	idle, err := r.idleCPU(ctx)
	if err != nil {
		return err
	}
	r.res.IdleCPUPercent, r.res.IdleCPUMicros = idle.percent(), idle.microsPerSessionSecond()
	tool1, t1 := selfCPU(), time.Now()
	r.res.ToolIdleCPUPercent = cpuPercent(tool0, tool1, t1.Sub(t0))
	if err := r.fanout(ctx); err != nil {
		return err
	}
	r.res.ToolFanoutCPUPercent = cpuPercent(tool1, selfCPU(), time.Since(t1))
	if r.cfg.quiet {
		if err := r.quietCPU(ctx); err != nil {
			return err
		}
	}
	if r.cfg.proposals {
		if err := r.proposeAll(ctx); err != nil {
			return err
		}
	}
	return r.leave(ctx, base, held)
}

// reachOrganiser checks the address is loopback, reads the organiser's key
// and connects with it: what every kind of run does first.
func (r *runner) reachOrganiser(ctx context.Context) error {
	addr, err := loopbackAddr(ctx, r.cfg.addr)
	if err != nil {
		return err
	}
	r.addr = addr
	if r.cfg.organiser == nil {
		if r.cfg.organiser, err = readSigner(r.cfg.organiserKey); err != nil {
			return err
		}
	}
	return r.connectOrganiser(ctx)
}

// connectOrganiser connects with the organiser's key and joins if needed.
func (r *runner) connectOrganiser(ctx context.Context) error {
	c, err := dial(ctx, r.addr, clientConfig("camp-load", r.cfg.organiser, r.cfg.timeout))
	if err != nil {
		return fmt.Errorf("cannot connect to %s as the organiser: %w (is `camp serve --listen %s` running?)", r.addr, err, r.cfg.addr)
	}
	r.org = c
	var who struct {
		Role   string `json:"role"`
		Joined bool   `json:"joined"`
	}
	if err := r.orgJSON(ctx, &who, "whoami", "--json"); err != nil {
		return err
	}
	if who.Role != "organiser" {
		return fmt.Errorf("the key given with --organiser-key is a %s on this server, not an organiser: start the server with --organiser-key FILE.pub", who.Role)
	}
	if !who.Joined {
		if _, err := r.orgRun(ctx, "join", "--name", "camp-load organiser", "--accept-code-of-conduct"); err != nil {
			return err
		}
	}
	if err := r.openOrganiserScreen(); err != nil {
		return fmt.Errorf("the organiser's terminal session: %w", err)
	}
	return nil
}

// openOrganiserScreen keeps a terminal session open for the organiser, as
// on the day: the organiser is online throughout, so the commands the tool
// runs as the organiser do not make them come and go on every screen.
func (r *runner) openOrganiserScreen() error {
	sess, err := r.org.NewSession()
	if err != nil {
		return err
	}
	if err := sess.RequestPty("xterm-256color", r.cfg.height, r.cfg.width, gossh.TerminalModes{}); err != nil {
		return err
	}
	sess.Stdout, sess.Stderr = io.Discard, io.Discard
	return sess.Shell()
}

// orgRun runs an organiser command that must succeed.
func (r *runner) orgRun(ctx context.Context, args ...string) (string, error) {
	o, err := execute(ctx, r.org, r.cfg.timeout, args...)
	if err != nil {
		return "", fmt.Errorf("organiser %s: %w", strings.Join(args, " "), err)
	}
	if o.code != 0 {
		return "", fmt.Errorf("organiser %s: %s", strings.Join(args, " "), o)
	}
	return o.stdout, nil
}

func (r *runner) orgJSON(ctx context.Context, v any, args ...string) error {
	out, err := r.orgRun(ctx, args...)
	if err != nil {
		return err
	}
	if err := json.Unmarshal([]byte(out), v); err != nil {
		return fmt.Errorf("organiser %s: %v", strings.Join(args, " "), err)
	}
	return nil
}

func (r *runner) stats(ctx context.Context) (serverStats, error) {
	var s serverStats
	err := r.orgJSON(ctx, &s, "stats", "--json")
	return s, err
}

type talkDoc struct {
	Talks []struct {
		ID     int64  `json:"id"`
		Title  string `json:"title"`
		Status string `json:"status"`
	} `json:"talks"`
}

// startCountdown makes sure a talk is live, so every screen counts down
// during the idle window. A talk already live is used as it is.
func (r *runner) startCountdown(ctx context.Context) error {
	var live talkDoc
	if err := r.orgJSON(ctx, &live, "talks", "--json", "--status", "live"); err != nil {
		return err
	}
	if len(live.Talks) > 0 {
		r.res.LiveCountdown = true
		return nil
	}
	title := "camp-load countdown " + r.tag
	if _, err := r.orgRun(ctx, "propose", "talk", "--title", title, "--minutes", "10"); err != nil {
		return err
	}
	var mine talkDoc
	if err := r.orgJSON(ctx, &mine, "talks", "--json", "--mine"); err != nil {
		return err
	}
	var id int64
	for _, t := range mine.Talks {
		if t.Title == title {
			id = t.ID
		}
	}
	if id == 0 {
		return fmt.Errorf("the talk %q did not show in talks --mine", title)
	}
	ids := strconv.FormatInt(id, 10)
	if _, err := r.orgRun(ctx, "queue", "approve", ids); err != nil {
		return err
	}
	if _, err := r.orgRun(ctx, "queue", "start", ids); err != nil {
		return err
	}
	r.liveTalk = id
	r.res.LiveCountdown = true
	return nil
}

// joinAll makes a key per attendee and joins each with a unique name, so
// their sessions open on the camp rather than on the welcome form.
func (r *runner) joinAll(ctx context.Context) error {
	everyone := make([]*attendee, r.cfg.sessions+r.cfg.late)
	r.logf("joining %d attendees (%d at a time)", len(everyone), r.cfg.joinWorkers)
	for i := range everyone {
		key, err := newSigner()
		if err != nil {
			return err
		}
		name := attendeeName(r.tag, i)
		everyone[i] = &attendee{idx: i, name: name, needle: []byte(name), key: key, first: make(chan struct{})}
	}
	r.atts, r.late = everyone[:r.cfg.sessions], everyone[r.cfg.sessions:]
	work := make(chan *attendee)
	var wg sync.WaitGroup
	var failed atomic.Int64
	for range r.cfg.joinWorkers {
		wg.Go(func() {
			for a := range work {
				if err := r.join(ctx, a); err != nil {
					failed.Add(1)
					r.fail("join", err)
				}
			}
		})
	}
	start := time.Now()
feed:
	for _, a := range everyone {
		select {
		case work <- a:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	took := time.Since(start)
	r.res.JoinSeconds = round1(took.Seconds())
	r.logf("joined in %s (%.0f/s)", took.Round(time.Millisecond), float64(len(everyone))/took.Seconds())
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if int(failed.Load()) == len(everyone) {
		return errors.New("no attendee could join: see the errors")
	}
	return nil
}

func (r *runner) join(ctx context.Context, a *attendee) error {
	c, err := dial(ctx, r.addr, clientConfig("attendee", a.key, r.cfg.timeout))
	if err != nil {
		return err
	}
	defer c.Close()
	o, err := execute(ctx, c, r.cfg.timeout, "join", "--name", a.name, "--accept-code-of-conduct")
	if err != nil {
		return err
	}
	if o.code != 0 {
		return errors.New(o.String())
	}
	return nil
}

// arriveAll opens the attendees' terminal sessions at the configured rate
// and waits for each one's first frame.
func (r *runner) arriveAll(ctx context.Context, base serverStats) error {
	r.logf("opening %d terminal sessions at %g/s", len(r.atts), r.cfg.rate)
	start, tool := time.Now(), selfCPU()
	lat, rate, err := r.openAll(ctx, r.atts, &r.current, "")
	if err != nil {
		return err
	}
	r.res.ToolArrivalsCPU = cpuPercent(tool, selfCPU(), time.Since(start))
	s := lat.summarise()
	r.res.Sessions = s.n
	r.res.ConnectP50MS, r.res.ConnectP99MS, r.res.ConnectMaxMS = ms(s.p50), ms(s.p99), ms(s.max)
	r.res.ArrivalsPerSecond = rate
	r.logf("%d sessions up in %s (%.0f arrivals/s); connect p50 %s p99 %s", s.n, time.Since(start).Round(time.Millisecond), rate, s.p50, s.p99)
	if s.n == 0 {
		return errors.New("no session showed its first frame: see the errors")
	}
	after, err := r.stats(ctx)
	if err != nil {
		return err
	}
	r.res.JoinCPUMS = round1((after.CPUSeconds - base.CPUSeconds) * 1000 / float64(s.n))
	return nil
}

// openAll opens atts' terminal sessions at --rate per second, each on its
// own goroutine from its dial (so a slow handshake holds up nobody behind
// it), and waits for each first frame. It returns the connect-to-first-frame
// latencies and the arrival rate achieved; errors are counted under kind
// plus "connect" or "first_frame".
func (r *runner) openAll(ctx context.Context, atts []*attendee, current *atomic.Pointer[broadcast], kind string) (sample, float64, error) {
	interval := time.Duration(float64(time.Second) / r.cfg.rate)
	start := time.Now()
	var wg sync.WaitGroup
	for i, a := range atts {
		if wait := time.Until(start.Add(time.Duration(i) * interval)); wait > 0 {
			if err := sleep(ctx, wait); err != nil {
				wg.Wait()
				return nil, 0, err
			}
		}
		wg.Go(func() {
			if err := a.arrive(ctx, r.addr, r.cfg, current); err != nil {
				r.fail(kind+"connect", err)
				a.leave()
				return
			}
			select {
			case <-a.first:
			case <-time.After(r.cfg.timeout):
				r.fail(kind+"first_frame", fmt.Errorf("%s: no first frame within %s (%d bytes received)", a.name, r.cfg.timeout, a.received.Load()))
				a.leave()
			case <-ctx.Done():
			}
		})
	}
	wg.Wait()
	if ctx.Err() != nil {
		return nil, 0, ctx.Err()
	}
	var lat sample
	for _, a := range atts {
		if d, ok := a.connectLatency(); ok {
			lat = append(lat, d)
		}
	}
	return lat, arrivalRate(atts), nil
}

// arrivalRate is the rate the arrivals were dialled at: the gaps between
// the first and the last dial, per second; 0 with fewer than two. Below
// --rate it says camp-load could not keep up.
func arrivalRate(atts []*attendee) float64 {
	var first, last time.Time
	n := 0
	for _, a := range atts {
		if a.dialedAt.IsZero() {
			continue
		}
		n++
		if first.IsZero() || a.dialedAt.Before(first) {
			first = a.dialedAt
		}
		if a.dialedAt.After(last) {
			last = a.dialedAt
		}
	}
	if n < 2 || !last.After(first) {
		return 0
	}
	return round1(float64(n-1) / last.Sub(first).Seconds())
}

// firstFrameInCrowd measures what a newcomer sees with the crowd held:
// the --late attendees arrive at --rate per second, each is timed from its
// dial to its first frame, and all of them leave again before the idle
// windows, so they count in no other figure.
func (r *runner) firstFrameInCrowd(ctx context.Context, held serverStats) error {
	if len(r.late) == 0 {
		return nil
	}
	r.res.LateConnected = len(r.alive())
	r.logf("%d more arrive at %g/s with %d connected", len(r.late), r.cfg.rate, r.res.LateConnected)
	var none atomic.Pointer[broadcast] // they look for no announcement
	lat, rate, err := r.openAll(ctx, r.late, &none, "late_")
	if err != nil {
		return err
	}
	s := lat.summarise()
	r.res.LateSessions, r.res.LateArrivalsPerSec = s.n, rate
	r.res.LateConnectP50MS, r.res.LateConnectP99MS, r.res.LateConnectMaxMS = ms(s.p50), ms(s.p99), ms(s.max)
	r.logf("first frame with %d connected: p50 %s p99 %s max %s", r.res.LateConnected, s.p50, s.p99, s.max)
	var wg sync.WaitGroup
	for _, a := range r.late {
		wg.Go(a.leave)
	}
	wg.Wait()
	return r.waitForSessions(ctx, held.Sessions, "late_leave")
}

// waitForSessions waits, up to --timeout, until the server counts at most
// n sessions (the stats command itself included); past that it counts an
// error of kind and goes on.
func (r *runner) waitForSessions(ctx context.Context, n int, kind string) error {
	deadline := time.Now().Add(r.cfg.timeout)
	for {
		s, err := r.stats(ctx)
		if err != nil {
			return err
		}
		if s.Sessions <= n {
			return nil
		}
		if time.Now().After(deadline) {
			r.fail(kind, fmt.Errorf("%d sessions still open %s after they left", s.Sessions-n, r.cfg.timeout))
			return nil
		}
		if err := sleep(ctx, 250*time.Millisecond); err != nil {
			return err
		}
	}
}

// alive lists the attendees still connected.
func (r *runner) alive() []*attendee {
	var out []*attendee
	for _, a := range r.atts {
		if a.connection() != nil && a.firstFrame.Load() != 0 {
			out = append(out, a)
		}
	}
	return out
}

// measureMemory reads the server's memory with every session open.
func (r *runner) measureMemory(ctx context.Context, base serverStats) (serverStats, error) {
	if err := sleep(ctx, r.cfg.settle); err != nil {
		return serverStats{}, err
	}
	held, err := r.stats(ctx)
	if err != nil {
		return held, err
	}
	n := held.Sessions - base.Sessions // both counts include the stats command itself
	r.res.RSSHeldBytes = held.RSSBytes
	r.res.RSSPerSessionBytes = perSession(base.RSSBytes, held.RSSBytes, n)
	r.res.HeapPerSessionBytes = perSession(base.HeapBytes, held.HeapBytes, n)
	if n > 0 {
		r.res.GoroutinesPerSess = round1(float64(held.Goroutines-base.Goroutines) / float64(n))
	}
	r.logf("server: %d sessions, RSS %s (+%s per session), %d goroutines", held.Sessions, mib(held.RSSBytes), kib(r.res.RSSPerSessionBytes), held.Goroutines)
	return held, nil
}

// idleCPU is the server's CPU over a window in which nobody does anything.
func (r *runner) idleCPU(ctx context.Context) (cpuWindow, error) {
	if r.cfg.idle <= 0 {
		return cpuWindow{}, nil
	}
	w := cpuWindow{sessions: len(r.alive())}
	r.logf("idle for %s with %d sessions", r.cfg.idle, w.sessions)
	before, err := r.stats(ctx)
	if err != nil {
		return cpuWindow{}, err
	}
	t0 := time.Now()
	if err := sleep(ctx, r.cfg.idle); err != nil {
		return cpuWindow{}, err
	}
	after, err := r.stats(ctx)
	if err != nil {
		return cpuWindow{}, err
	}
	w.cpuBefore, w.cpuAfter, w.wall = before.CPUSeconds, after.CPUSeconds, time.Since(t0)
	r.logf("server CPU %.1f%% of one core, %.0f µs per session-second", w.percent(), w.microsPerSessionSecond())
	return w, nil
}

// fanout has the organiser announce a unique marker, rounds times, and
// measures when it reaches each session.
func (r *runner) fanout(ctx context.Context) error {
	if r.cfg.rounds == 0 {
		return nil
	}
	r.logf("measuring fan-out: %d announcements", r.cfg.rounds)
	var lat sample
	prev := ""
	for round := 1; round <= r.cfg.rounds; round++ {
		// Organisers press keys whenever they like, not in step with the
		// second: start each round at a random point of it.
		if err := sleep(ctx, r.cfg.roundGap/2+time.Duration(r.rng.Int64N(int64(r.cfg.roundGap)))); err != nil {
			return err
		}
		alive := r.alive()
		if len(alive) == 0 {
			return errors.New("every session has gone")
		}
		marker := nextMarker(r.rng, prev)
		prev = marker
		b := newBroadcast(int64(round), marker, len(r.atts), len(alive))
		r.current.Store(b)
		sent := time.Now()
		if _, err := r.orgRun(ctx, "announce", marker); err != nil {
			r.fail("announce", err)
			continue
		}
		select {
		case <-b.all:
		case <-time.After(r.cfg.timeout):
		case <-ctx.Done():
			return ctx.Err()
		}
		missed := 0
		var this sample
		for _, a := range alive {
			at := b.arrivals[a.idx].Load()
			if at == 0 {
				missed++
				continue
			}
			this = append(this, time.Unix(0, at).Sub(sent))
		}
		lat = append(lat, this...)
		rs := this.summarise()
		r.logf("  round %d at :%02d.%03d: p50 %.0f ms, p99 %.0f ms, max %.0f ms", round, sent.Second(), sent.Nanosecond()/1e6, ms(rs.p50), ms(rs.p99), ms(rs.max))
		if missed > 0 {
			r.res.FanoutMissed += missed
			r.fail("fanout", fmt.Errorf("round %d: %d of %d sessions did not show the announcement within %s", round, missed, len(alive), r.cfg.timeout))
		}
		r.res.FanoutRounds++
	}
	r.current.Store(nil) // sessions stop looking for markers
	s := lat.summarise()
	r.res.FanoutSamples = s.n
	r.res.FanoutP50MS, r.res.FanoutP99MS, r.res.FanoutMaxMS = ms(s.p50), ms(s.p99), ms(s.max)
	r.logf("fan-out p50 %s p99 %s max %s over %d deliveries", s.p50, s.p99, s.max, s.n)
	return nil
}

// quietCPU moves every session to the Talks view and ends the countdown
// talk, so nothing on any screen changes, and measures the idle CPU then.
func (r *runner) quietCPU(ctx context.Context) error {
	if r.liveTalk == 0 || r.cfg.idle <= 0 {
		r.logf("skipping the quiet window: this run did not start the live talk")
		return nil
	}
	for _, a := range r.alive() {
		if err := a.press("2"); err != nil {
			r.fail("keys", err)
		}
	}
	if _, err := r.orgRun(ctx, "queue", "finish", strconv.FormatInt(r.liveTalk, 10)); err != nil {
		r.fail("countdown", err)
		return nil
	}
	r.liveTalk = 0
	if err := sleep(ctx, r.cfg.quietSettle); err != nil { // let the last frames go out
		return err
	}
	w, err := r.idleCPU(ctx)
	r.res.QuietCPUPercent, r.res.QuietCPUMicros = w.percent(), w.microsPerSessionSecond()
	return err
}

// proposeAll has every connected attendee propose a talk at the same moment
// and checks that every proposal was stored.
func (r *runner) proposeAll(ctx context.Context) error {
	alive := r.alive()
	timeout := proposalTimeout(r.cfg.timeout, len(alive))
	r.logf("%d attendees propose a talk at once (each within %s)", len(alive), timeout)
	prefix := "Load " + r.tag + " proposal "
	ready := make(chan struct{})
	var ok, failed atomic.Int64
	var wg sync.WaitGroup
	var last atomic.Int64
	for _, a := range alive {
		c := a.connection()
		if c == nil {
			continue
		}
		wg.Go(func() {
			<-ready
			o, err := execute(ctx, c, timeout, "propose", "talk", "--title", prefix+a.name)
			switch {
			case err != nil:
				failed.Add(1)
				r.fail("proposal", err)
			case o.code != 0:
				failed.Add(1)
				r.fail("proposal", errors.New(o.String()))
			default:
				ok.Add(1)
			}
			last.Store(time.Now().UnixNano())
		})
	}
	start := time.Now()
	close(ready)
	wg.Wait()
	took := time.Unix(0, last.Load()).Sub(start)
	r.res.ProposalsOK, r.res.ProposalsFailed = int(ok.Load()), int(failed.Load())
	if took > 0 {
		r.res.ProposalsPerSecond = round1(float64(ok.Load()) / took.Seconds())
	}
	var all talkDoc
	if err := r.orgJSON(ctx, &all, "talks", "--json"); err != nil {
		r.fail("proposal_check", err)
		return ctx.Err()
	}
	for _, t := range all.Talks {
		if strings.HasPrefix(t.Title, prefix) {
			r.res.ProposalsStored++
		}
	}
	if r.res.ProposalsStored != r.res.ProposalsOK {
		r.fail("proposal", fmt.Errorf("%d proposals succeeded but %d are stored", r.res.ProposalsOK, r.res.ProposalsStored))
	}
	r.logf("%d proposals in %s (%.0f/s), %d failed, %d stored", ok.Load(), took.Round(time.Millisecond), r.res.ProposalsPerSecond, failed.Load(), r.res.ProposalsStored)
	return nil
}

// proposalTimeout bounds each of n proposals sent at once: the longer of
// --timeout and n at 50 a second, so at 2,000 the last in the server's
// queue is not cut off (the camp stored 155/s at 1,000 on 2 cores).
func proposalTimeout(timeout time.Duration, n int) time.Duration {
	return max(timeout, time.Duration(n)*time.Second/50)
}

// leave ends every session and reads what the server holds afterwards.
func (r *runner) leave(ctx context.Context, base, held serverStats) error {
	r.logf("everyone leaves")
	r.leaveAll()
	if err := r.waitForSessions(ctx, base.Sessions, "leave"); err != nil {
		return err
	}
	if err := sleep(ctx, r.cfg.leaveWait); err != nil {
		return err
	}
	after, err := r.stats(ctx)
	if err != nil {
		return err
	}
	r.res.RSSAfterLeaveBytes, r.res.HeapAfterLeaveBytes = after.RSSBytes, after.HeapBytes
	r.logf("after leaving: RSS %s (held %s, before %s), %d goroutines", mib(after.RSSBytes), mib(held.RSSBytes), mib(base.RSSBytes), after.Goroutines)
	return nil
}

func (r *runner) leaveAll() {
	var wg sync.WaitGroup
	for _, a := range append(r.atts[:len(r.atts):len(r.atts)], r.late...) {
		wg.Go(a.leave)
	}
	wg.Wait()
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func round1(f float64) float64 { return float64(int64(f*10+0.5)) / 10 }

func mib(b uint64) string { return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20)) }
func kib(b uint64) string { return fmt.Sprintf("%.0f KiB", float64(b)/(1<<10)) }

// sortedKinds lists error kinds in a stable order for the table.
func sortedKinds(m map[string]int) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
