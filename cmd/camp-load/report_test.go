package main

import (
	"bytes"
	"strings"
	"testing"
)

// The table names issue 18's targets for the size of the crowd: the
// 1,000-session targets from 1,000 to 1,999 (and, judged only when missed,
// below), the 2,000-session ones from 2,000 on.
func TestTableTargetsBySize(t *testing.T) {
	const kib = 1 << 10
	base := Result{RatePerSecond: 100, LiveCountdown: true, QuietCPUPercent: 0.5, QuietCPUMicros: 5, FanoutSamples: 10,
		RSSPerSessionBytes: 200 * kib, GoroutinesPerSess: 6, LateRequested: 100, LateSessions: 100, LateConnectP99MS: 80}
	for _, c := range []struct {
		sessions             int
		fanoutMS, idlePct    float64
		wantFanout, wantIdle string // the row's target and verdict
	}{
		{500, 90, 4, "<= 100 ms at 1,000", "<= 5% at 1,000 (50 µs per session-second)"},                  // met below the size: no verdict
		{500, 120, 6, "<= 100 ms at 1,000  MISSED", "<= 5% at 1,000 (50 µs per session-second)  MISSED"}, // missed below it: missed
		{1000, 90, 4, "<= 100 ms at 1,000  met", "<= 5% at 1,000 (50 µs per session-second)  met"},
		{1999, 150, 8, "<= 100 ms at 1,000  MISSED", "<= 5% at 1,000 (50 µs per session-second)  MISSED"},
		{2000, 150, 8, "<= 200 ms at 2,000  met", "<= 10% at 2,000 (50 µs per session-second)  met"},
		{5000, 250, 11, "<= 200 ms at 2,000  MISSED", "<= 10% at 2,000 (50 µs per session-second)  MISSED"},
	} {
		r := base
		r.Sessions, r.RequestedSessions, r.LateConnected = c.sessions, c.sessions, c.sessions
		r.FanoutP99MS, r.IdleCPUPercent, r.IdleCPUMicros = c.fanoutMS, c.idlePct, c.idlePct*1e4/float64(c.sessions)
		table := tableOf(r)
		if got := rowOf(table, "fan-out p99"); !strings.HasSuffix(got, c.wantFanout) {
			t.Errorf("%d sessions, fan-out p99 %g ms: %q, want it to end %q", c.sessions, c.fanoutMS, got, c.wantFanout)
		}
		if got := rowOf(table, "idle CPU, live countdown"); !strings.HasSuffix(got, c.wantIdle) {
			t.Errorf("%d sessions, idle %g%%: %q, want it to end %q", c.sessions, c.idlePct, got, c.wantIdle)
		}
	}
}

func TestTableRowsForIssue18(t *testing.T) {
	r := Result{Sessions: 2000, RequestedSessions: 2000, RatePerSecond: 300, ArrivalsPerSecond: 298.6, LiveCountdown: true,
		IdleCPUPercent: 12.9, IdleCPUMicros: 64.5, QuietCPUPercent: 1.5, QuietCPUMicros: 7.5,
		RSSPerSessionBytes: 300 << 10, GoroutinesPerSess: 9,
		LateRequested: 100, LateSessions: 100, LateConnected: 2000, LateConnectP50MS: 20, LateConnectP99MS: 90, LateConnectMaxMS: 120}
	table := tableOf(r)
	for _, want := range []struct{ row, ends string }{
		{"sessions held", "2000/2000  all; 2,000 held with 0 errors  met"},
		{"arrivals per second", "299/s  300/s asked"},
		{"idle CPU, live countdown", "12.9% of a core (64 µs per session-second)  <= 10% at 2,000 (50 µs per session-second)  MISSED"},
		{"idle CPU, nothing changing", "1.5% of a core (8 µs per session-second)  <= 1% at 1,000 and 2,000  MISSED"},
		{"server RSS per session", "300 KiB  <= 256 KiB  MISSED"},
		{"goroutines per session", "9.0  <= 8  MISSED"},
		{"first frame, 2,000 already connected p50", "20.0 ms  100 of 100 late arrivals, a client that never answers queries"},
		{"first frame, 2,000 already connected p99", "90.0 ms  <= 100 ms p99 at 100/s with 1,000 connected  met"},
	} {
		if got := rowOf(table, want.row); !strings.HasSuffix(strings.Join(strings.Fields(got), " "), strings.Join(strings.Fields(want.ends), " ")) {
			t.Errorf("row %q: %q, want it to end %q", want.row, got, want.ends)
		}
	}
	r.LateRequested = 0
	if strings.Contains(tableOf(r), "already connected") {
		t.Error("--late 0: the table still shows the late arrivals")
	}
}

// The first frame with the crowd connected is met only under conditions
// at least as hard as the target's, and missed only under ones as easy.
func TestLateVerdict(t *testing.T) {
	for _, c := range []struct {
		connected int
		rate, p99 float64
		answers   bool
		want      string
	}{
		{1000, 100, 90, false, "met"},
		{1000, 100, 110, false, "missed"},
		{2000, 300, 90, false, "met"},
		{2000, 300, 110, false, "none"}, // harder than the target: a miss says nothing
		{500, 100, 90, false, "none"},   // easier: a pass says nothing
		{500, 50, 110, true, "missed"},  // easier even with answers: missed
		{1000, 100, 90, true, "none"},   // answering is easier
	} {
		r := Result{LateConnected: c.connected, RatePerSecond: c.rate, LateConnectP99MS: c.p99, AnswerQueries: c.answers, LateRequested: 10, LateSessions: 10}
		got := "none"
		if v := lateVerdict(r); v != nil {
			got = map[bool]string{true: "met", false: "missed"}[*v]
		}
		if got != c.want {
			t.Errorf("%+v: %s, want %s", c, got, c.want)
		}
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 2000: "2,000", 1234567: "1,234,567"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func tableOf(r Result) string {
	var b bytes.Buffer
	writeTable(&b, config{addr: "127.0.0.1:2399"}, r)
	return b.String()
}

// rowOf is the table's row that starts with name, trailing blanks cut.
func rowOf(table, name string) string {
	for line := range strings.Lines(table) {
		if strings.HasPrefix(line, name+"  ") {
			return strings.TrimRight(line, " \n")
		}
	}
	return ""
}
