package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"encoding/pem"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store"
	"github.com/lightningcamp/camp/store/storetest"
	"github.com/lightningcamp/camp/tui/sshapp"
)

// TestLoadAgainstARealServer runs the tool, as a person would (flags in,
// JSON out), against a real camp SSH server on loopback with a SQLite camp,
// with a few sessions, a few late arrivals and short pauses: every
// measurement must come back, without an error, and the camp must be left
// as it was found.
func TestLoadAgainstARealServer(t *testing.T) {
	if testing.Short() {
		t.Skip("opens a few dozen SSH sessions")
	}
	srv, camp, keyFile := startCamp(t)

	const sessions, late = 20, 5
	cfg, err := parseFlags([]string{"--addr", srv.Addr(), "--organiser-key", keyFile, "--sessions", "20", "--late", "5", "--rate", "50",
		"--rounds", "3", "--idle", "500ms", "--settle", "100ms", "--leave-wait", "100ms", "--timeout", "20s", "--duration", "1m", "--json"}, os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	cfg.roundGap, cfg.quietSettle = 200*time.Millisecond, 200*time.Millisecond
	if testing.Verbose() {
		cfg.progress = os.Stderr
	}
	start := time.Now()
	res, err := run(t.Context(), cfg)
	if err != nil {
		t.Fatalf("run: %v (%+v)", err, res)
	}
	t.Logf("%d sessions in %s: connect p99 %.1f ms, fan-out p50 %.1f p99 %.1f ms, %d proposals",
		res.Sessions, time.Since(start).Round(time.Millisecond), res.ConnectP99MS, res.FanoutP50MS, res.FanoutP99MS, res.ProposalsOK)

	if res.Errors != 0 {
		t.Errorf("%d errors: %v", res.Errors, res.FirstErrors)
	}
	if res.Sessions != sessions || res.FanoutSamples != sessions*3 || res.FanoutMissed != 0 {
		t.Errorf("sessions %d, fan-out samples %d, missed %d: want %d, %d, 0", res.Sessions, res.FanoutSamples, res.FanoutMissed, sessions, sessions*3)
	}
	if !(res.ConnectP50MS > 0 && res.ConnectP50MS <= res.ConnectP99MS && res.ConnectP99MS <= res.ConnectMaxMS) {
		t.Errorf("connect p50 %g p99 %g max %g", res.ConnectP50MS, res.ConnectP99MS, res.ConnectMaxMS)
	}
	if !(res.FanoutP50MS > 0 && res.FanoutP50MS <= res.FanoutP99MS && res.FanoutP99MS <= res.FanoutMaxMS) {
		t.Errorf("fan-out p50 %g p99 %g max %g", res.FanoutP50MS, res.FanoutP99MS, res.FanoutMaxMS)
	}
	if res.ProposalsOK != sessions || res.ProposalsFailed != 0 || res.ProposalsStored != sessions {
		t.Errorf("proposals: %d ok, %d failed, %d stored; want all %d", res.ProposalsOK, res.ProposalsFailed, res.ProposalsStored, sessions)
	}
	if !res.LiveCountdown || res.QuietCPUPercent < 0 || res.IdleCPUPercent <= 0 {
		t.Errorf("live countdown %t, idle CPU %g%%, quiet CPU %g%%", res.LiveCountdown, res.IdleCPUPercent, res.QuietCPUPercent)
	}
	// CPU per session-second is the share of a core spread over the sessions
	// (to the rounding of the percentage).
	for _, w := range []struct {
		name        string
		pct, micros float64
	}{{"idle", res.IdleCPUPercent, res.IdleCPUMicros}, {"quiet", res.QuietCPUPercent, res.QuietCPUMicros}} {
		if want := w.pct * 1e4 / sessions; math.Abs(w.micros-want) > 0.05*1e4/sessions+0.1 {
			t.Errorf("%s: %g%% of a core over %d sessions is %g µs per session-second, want about %g", w.name, w.pct, sessions, w.micros, want)
		}
	}
	if res.ArrivalsPerSecond <= 0 {
		t.Errorf("arrivals per second: %g", res.ArrivalsPerSecond)
	}
	// The late arrivals came with the crowd held, reached their first frame,
	// and counted in nothing else (the fan-out and proposal checks above
	// count the crowd only).
	if res.LateRequested != late || res.LateSessions != late || res.LateConnected != sessions || res.AnswerQueries {
		t.Errorf("late: %d of %d with %d connected (answer queries %t); want %d of %d with %d, no answers",
			res.LateSessions, res.LateRequested, res.LateConnected, res.AnswerQueries, late, late, sessions)
	}
	if !(res.LateConnectP50MS > 0 && res.LateConnectP50MS <= res.LateConnectP99MS && res.LateConnectP99MS <= res.LateConnectMaxMS) {
		t.Errorf("late connect p50 %g p99 %g max %g", res.LateConnectP50MS, res.LateConnectP99MS, res.LateConnectMaxMS)
	}
	if res.RSSBaseBytes == 0 && isLinux() {
		t.Error("no RSS from stats --json")
	}

	// The report is one JSON object with the keys the issue asked for.
	doc, _ := json.Marshal(res)
	var keys map[string]any
	if err := json.Unmarshal(doc, &keys); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"sessions", "connect_p50_ms", "connect_p99_ms", "fanout_p50_ms", "fanout_p99_ms", "fanout_max_ms",
		"rss_per_session_bytes", "idle_cpu_percent", "proposals_ok", "proposals_failed", "errors",
		// issue 18
		"goroutines_per_session", "idle_cpu_us_per_session_second", "quiet_cpu_us_per_session_second", "arrivals_per_second",
		"answer_queries", "tool_arrivals_cpu_percent", "join_seconds", "late_requested", "late_sessions", "late_connected", "late_connect_p50_ms", "late_connect_p99_ms", "late_connect_max_ms"} {
		if _, ok := keys[k]; !ok {
			t.Errorf("the JSON report lacks %q", k)
		}
	}

	// Everyone has gone, and the talk the run put live is over.
	deadline := time.Now().Add(5 * time.Second)
	for srv.Stats().Sessions > 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := srv.Stats().Sessions; n != 0 {
		t.Errorf("%d sessions still open after the run", n)
	}
	live, err := camp.Talks(context.Background(), schedule.TalkFilter{Status: []schedule.TalkStatus{schedule.TalkLive}})
	if err != nil || len(live) != 0 {
		t.Errorf("talks still live after the run: %v (%v)", live, err)
	}
}

// TestLoadAnsweringQueries runs a short load with --answer-queries: the
// simulated terminals answer the background-colour query, as most do, and
// every session, late ones included, still reaches its first frame.
func TestLoadAnsweringQueries(t *testing.T) {
	if testing.Short() {
		t.Skip("opens a few SSH sessions")
	}
	srv, _, keyFile := startCamp(t)
	cfg, err := parseFlags([]string{"--addr", srv.Addr(), "--organiser-key", keyFile, "--sessions", "3", "--late", "2", "--answer-queries",
		"--rounds", "0", "--idle", "0", "--proposals=false", "--quiet-idle=false", "--settle", "0", "--leave-wait", "0",
		"--timeout", "20s", "--duration", "1m", "--json"}, os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	res, err := run(t.Context(), cfg)
	if err != nil {
		t.Fatalf("run: %v (%+v)", err, res)
	}
	if res.Errors != 0 || res.Sessions != 3 || res.LateSessions != 2 || !res.AnswerQueries {
		t.Errorf("%d errors %v; %d sessions, %d late, answer queries %t; want 0, 3, 2, true", res.Errors, res.FirstErrors, res.Sessions, res.LateSessions, res.AnswerQueries)
	}
}

// startCamp starts a real camp SSH server on loopback with a SQLite camp
// and an organiser whose private key is in keyFile.
func startCamp(t *testing.T) (srv *sshapp.Server, camp *store.Camp, keyFile string) {
	t.Helper()
	dir := t.TempDir()
	keyFile, fingerprint := writeOrganiserKey(t, dir)
	ev := storetest.Example(t)
	clock := schedule.NewRehearsalClock(storetest.SeedNow, 1) // a live countdown moves
	camp = storetest.MustOpenCamp(t, ev, clock)
	srv, err := sshapp.New(sshapp.Config{
		Addr: "127.0.0.1:0", HostKeyPath: filepath.Join(dir, "host_key"), Limits: ev.Limits,
		Organisers: map[string]bool{fingerprint: true}, Backend: camp, Feed: camp, Publish: camp.DB().Feed().Publish,
		Clock: clock, Logger: slog.New(slog.DiscardHandler),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Listen(); err != nil {
		t.Fatal(err)
	}
	go srv.Serve(nil)
	t.Cleanup(func() { srv.Close() })
	return srv, camp, keyFile
}

// TestAbuseAgainstARealServer runs --abuse, each attack bounded to a
// second, against a real server in this process (so --pid is this one):
// every attack runs, meets the server's limits, and the watching attendee
// keeps seeing updates.
func TestAbuseAgainstARealServer(t *testing.T) {
	if testing.Short() {
		t.Skip("runs five attacks against a server")
	}
	srv, _, keyFile := startCamp(t)
	cfg, err := parseFlags([]string{"--addr", srv.Addr(), "--organiser-key", keyFile, "--abuse", "--abuse-time", "1s",
		"--settle", "100ms", "--timeout", "20s", "--duration", "2m", "--pid", strconv.Itoa(os.Getpid()), "--json"}, os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	if testing.Verbose() {
		cfg.progress = os.Stderr
	}
	res, err := runAbuse(t.Context(), cfg)
	if err != nil {
		t.Fatalf("run: %v (%+v)", err, res)
	}
	var table bytes.Buffer
	writeAbuseTable(&table, cfg, res)
	t.Logf("\n%s", table.String())
	if res.Errors != 0 || res.Baseline.Count == 0 {
		t.Errorf("%d errors %v; %d baseline updates", res.Errors, res.FirstErrors, res.Baseline.Count)
	}
	limits := sshapp.DefaultConnLimits()
	byName := map[string]AttackResult{}
	for _, a := range res.Attacks {
		byName[a.Name] = a
		if a.Updates.Count == 0 || a.Updates.Missed > 0 {
			t.Errorf("%s: the attendee saw %d updates, missed %d", a.Name, a.Updates.Count, a.Updates.Missed)
		}
		if a.Sent == 0 || a.RSSBeforeBytes == 0 || a.RSSPeakBytes < a.RSSBeforeBytes {
			t.Errorf("%s: sent %d, RSS before %d, peak %d", a.Name, a.Sent, a.RSSBeforeBytes, a.RSSPeakBytes)
		}
	}
	if len(byName) != 5 {
		t.Fatalf("attacks run: %v", res.Attacks)
	}
	if env := byName["env"]; env.Accepted > envConnections*limits.EnvVars || env.Refused == 0 {
		t.Errorf("env: %d kept, %d refused", env.Accepted, env.Refused)
	}
	if long := byName["long-exec"]; long.Accepted != 0 || long.Refused == 0 || long.RefusalMaxMS > 1000 {
		t.Errorf("long-exec: %d ran, %d refused, slowest refusal %.1f ms", long.Accepted, long.Refused, long.RefusalMaxMS)
	}
	if pty := byName["pty"]; pty.Accepted > limits.GuestSessionsPerConnection || !pty.GotIn["organiser"] || !pty.GotIn["attendee"] {
		t.Errorf("pty: %d sessions held on one guest connection; got in: %v", pty.Accepted, pty.GotIn)
	}
	if resize := byName["window-change"]; resize.Accepted != resizeSessions {
		t.Errorf("window-change: %d of %d terminal sessions held", resize.Accepted, resizeSessions)
	}
	if bare := byName["bare-channels"]; bare.Accepted > limits.ChannelsPerConnection || bare.Refused == 0 {
		t.Errorf("bare-channels: %d opened, %d rejected", bare.Accepted, bare.Refused)
	}
}

// TestMainPrintsJSON checks the command line end: usage errors exit 2, and
// --json prints one object even when the server is not there.
func TestMainPrintsJSON(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := realMain(t.Context(), []string{"--sessions", "3"}, &stdout, &stderr); code != exitUsage {
		t.Errorf("no organiser key: exit %d, want %d", code, exitUsage)
	}
	keyFile, _ := writeOrganiserKey(t, t.TempDir())
	stdout.Reset()
	code := realMain(t.Context(), []string{"--addr", "127.0.0.1:1", "--organiser-key", keyFile, "--sessions", "3", "--json", "--timeout", "2s"}, &stdout, &stderr)
	if code != exitFailure {
		t.Errorf("no server: exit %d, want %d", code, exitFailure)
	}
	var res Result
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil || res.RequestedSessions != 3 {
		t.Errorf("no server: %v, %+v\n%s", err, res, stdout.String())
	}
	if code := realMain(t.Context(), []string{"--addr", "10.1.2.3:2222", "--organiser-key", keyFile, "--sessions", "3"}, &stdout, &stderr); code != exitFailure {
		t.Errorf("a non-loopback address: exit %d", code)
	}
}

func writeOrganiserKey(t *testing.T, dir string) (path, fingerprint string) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "camp-load test organiser")
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(dir, "organiser")
	if err := os.WriteFile(path, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return path, gossh.FingerprintSHA256(signer.PublicKey())
}

func isLinux() bool {
	_, err := os.Stat("/proc/self/statm")
	return err == nil
}
