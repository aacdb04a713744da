// Command camp-load measures a running camp SSH server the way the day will
// load it: hundreds of attendees connecting within a minute, each holding a
// terminal session, and every organiser action reaching all of them at once.
//
// It opens N SSH sessions to the server over loopback (a key per simulated
// attendee, a PTY of a chosen size; by default a terminal that never answers
// the server's queries, see --answer-queries) and measures, in order:
//
//   - connect-to-first-frame latency: from the TCP dial to the first frame
//     that shows the camp's data (the attendee's own name in the status bar),
//     with arrivals spread at --rate per second;
//   - server memory and goroutines per session (organiser-only `stats --json`);
//   - the first frame with the crowd connected: --late more attendees arrive
//     at --rate per second, are timed the same way, and leave again;
//   - server CPU while idle with a live talk counting down on every screen,
//     as a share of a core and in µs per session-second;
//   - fan-out latency: from the organiser's `announce MARKER` to the moment
//     the marker arrives in each session's output;
//   - server CPU while idle with nothing changing on any screen;
//   - proposals per second when every attendee proposes a talk at once, and
//     whether every proposal was stored;
//   - what the server holds after everyone has left.
//
// Everything is bounded in count (at most 5,000 sessions and 1,000 late
// arrivals) and in time (--duration), and only loopback addresses are
// accepted.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// Exit codes: 0 every measurement ran without an error, 1 the run failed
// or counted errors (the report is printed all the same), 2 usage.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// maxSessions bounds the simulated crowd: the camp wants to hold 2,000
// sessions on 2 cores with room beyond, and each session is a socket and a
// few goroutines on each side of the connection (a server under load needs
// its [limits] sessions raised: bench.sh does).
const maxSessions = 5000

// maxLate bounds the attendees who arrive once the crowd is held: each is
// signed up with the crowd, before the first measurement.
const maxLate = 1000

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(realMain(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func realMain(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		fmt.Fprintln(stderr, "camp-load: "+err.Error())
		fmt.Fprintln(stderr, "Run 'camp-load -h' for usage.")
		return exitUsage
	}
	if !cfg.jsonOut || cfg.verbose {
		cfg.progress = stderr
	}
	if cfg.abuse {
		return abuseMain(ctx, cfg, stdout, stderr)
	}
	res, err := run(ctx, cfg)
	if !report(cfg, stdout, stderr, res, err, func() { writeTable(stdout, cfg, res) }) {
		return exitFailure
	}
	if res.Errors > 0 || res.ProposalsFailed > 0 {
		return exitFailure
	}
	return exitOK
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := defaultConfig()
	fs := flag.NewFlagSet("camp-load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "camp-load measures a running camp SSH server under many attendee sessions (loopback only).\n\n"+
			"Usage: camp-load --addr 127.0.0.1:2222 --organiser-key ~/.ssh/id_ed25519 --sessions 500 [flags]\n"+
			"       camp-load --addr 127.0.0.1:2222 --organiser-key ~/.ssh/id_ed25519 --abuse [--pid PID] [flags]\n\n")
		fs.PrintDefaults()
	}
	fs.StringVar(&cfg.addr, "addr", cfg.addr, "the camp server, HOST:PORT (a loopback address)")
	fs.StringVar(&cfg.organiserKey, "organiser-key", "", "private key file of an organiser (unencrypted), to trigger broadcasts and read stats")
	fs.IntVar(&cfg.sessions, "sessions", cfg.sessions, fmt.Sprintf("attendee sessions to open (1-%d)", maxSessions))
	fs.Float64Var(&cfg.rate, "rate", cfg.rate, "arrivals per second")
	fs.IntVar(&cfg.width, "width", cfg.width, "terminal width of every session")
	fs.IntVar(&cfg.height, "height", cfg.height, "terminal height of every session")
	fs.IntVar(&cfg.rounds, "rounds", cfg.rounds, "organiser announcements whose fan-out is measured")
	fs.DurationVar(&cfg.idle, "idle", cfg.idle, "length of each idle-CPU window")
	fs.DurationVar(&cfg.settle, "settle", cfg.settle, "pause after the last arrival before memory is read")
	fs.DurationVar(&cfg.leaveWait, "leave-wait", cfg.leaveWait, "how long to wait after everyone left before reading memory again")
	fs.DurationVar(&cfg.timeout, "timeout", cfg.timeout, "longest wait for any one step (a connection, a frame, a broadcast, a command)")
	fs.DurationVar(&cfg.duration, "duration", cfg.duration, "upper bound on the whole run")
	fs.IntVar(&cfg.joinWorkers, "join-workers", cfg.joinWorkers, "parallel `join` commands while signing the attendees up")
	fs.IntVar(&cfg.late, "late", cfg.late, fmt.Sprintf("attendees who arrive, at --rate, once the crowd is held, for the first frame then (0-%d; 0: skip)", maxLate))
	fs.BoolVar(&cfg.answerQueries, "answer-queries", false, "answer the terminal's background-colour query, as most terminals do (default: never answer, the worst case for a first frame)")
	fs.BoolVar(&cfg.proposals, "proposals", cfg.proposals, "measure every attendee proposing a talk at once (adds talks to the camp)")
	fs.BoolVar(&cfg.quiet, "quiet-idle", cfg.quiet, "also measure idle CPU with nothing changing (finishes the countdown talk it started)")
	fs.BoolVar(&cfg.abuse, "abuse", false, "run the SSH-layer attacks instead, one after another, while one attendee watches for updates")
	fs.DurationVar(&cfg.abuseTime, "abuse-time", cfg.abuseTime, "with --abuse: the bound on each attack (and on the baseline before them)")
	fs.IntVar(&cfg.pid, "pid", 0, "with --abuse: the server's process id, to sample its RSS from /proc/PID/statm (same machine)")
	fs.BoolVar(&cfg.jsonOut, "json", false, "print one JSON object instead of the table")
	fs.BoolVar(&cfg.verbose, "v", false, "report progress on stderr even with --json")
	fs.StringVar(&cfg.outFile, "out", "", "also write the JSON object to this file")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if cfg.organiserKey == "" {
		return cfg, errors.New("--organiser-key FILE is needed: the private key of an organiser of the camp under test")
	}
	return cfg, cfg.validate()
}

func (c config) validate() error {
	switch {
	case c.sessions < 1 || c.sessions > maxSessions:
		return fmt.Errorf("--sessions %d: want 1 to %d", c.sessions, maxSessions)
	case c.rate <= 0 || c.rate > 1000:
		return fmt.Errorf("--rate %g: want more than 0 and at most 1000 arrivals/s", c.rate)
	case c.width < 20 || c.width > 500 || c.height < 5 || c.height > 200:
		return fmt.Errorf("--width %d --height %d: want 20-500 x 5-200", c.width, c.height)
	case c.rounds < 0 || c.rounds > 100:
		return fmt.Errorf("--rounds %d: want 0 to 100", c.rounds)
	case c.idle < 0 || c.idle > 5*time.Minute:
		return fmt.Errorf("--idle %s: want at most 5m", c.idle)
	case c.timeout <= 0 || c.timeout > 5*time.Minute:
		return fmt.Errorf("--timeout %s: want more than 0 and at most 5m", c.timeout)
	case c.duration <= 0 || c.duration > time.Hour:
		return fmt.Errorf("--duration %s: want more than 0 and at most 1h", c.duration)
	case c.late < 0 || c.late > maxLate:
		return fmt.Errorf("--late %d: want 0 to %d", c.late, maxLate)
	case c.joinWorkers < 1 || c.joinWorkers > 64:
		return fmt.Errorf("--join-workers %d: want 1 to 64", c.joinWorkers)
	case c.abuseTime < time.Second || c.abuseTime > time.Minute:
		return fmt.Errorf("--abuse-time %s: want 1s to 1m", c.abuseTime)
	case c.pid < 0:
		return fmt.Errorf("--pid %d: want a process id", c.pid)
	case c.settle < 0 || c.leaveWait < 0:
		return errors.New("--settle and --leave-wait cannot be negative")
	}
	return nil
}

// abuseMain runs --abuse: exit 0 when the watching attendee saw every
// update within 1 s through every attack and nothing failed.
func abuseMain(ctx context.Context, cfg config, stdout, stderr io.Writer) int {
	res, err := runAbuse(ctx, cfg)
	if !report(cfg, stdout, stderr, res, err, func() { writeAbuseTable(stdout, cfg, res) }) {
		return exitFailure
	}
	if res.Errors > 0 || !res.UpdatesWithin1s {
		return exitFailure
	}
	return exitOK
}

// report prints a run's result as JSON or as a table, writes it to --out,
// and says the run's error; false when the run or the writing failed.
func report(cfg config, stdout, stderr io.Writer, res any, runErr error, table func()) bool {
	doc, _ := json.MarshalIndent(res, "", "  ")
	doc = append(doc, '\n')
	if cfg.jsonOut {
		_, _ = stdout.Write(doc)
	} else {
		table()
	}
	if cfg.outFile != "" {
		if err := os.WriteFile(cfg.outFile, doc, 0o644); err != nil {
			fmt.Fprintln(stderr, "camp-load: "+err.Error())
			return false
		}
	}
	if runErr != nil {
		fmt.Fprintln(stderr, "camp-load: "+runErr.Error())
		return false
	}
	return true
}
