package main

import (
	"context"
	"math/rand/v2"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestNearestRankPercentiles(t *testing.T) {
	ms := func(ns ...int) sample {
		var s sample
		for _, n := range ns {
			s = append(s, time.Duration(n)*time.Millisecond)
		}
		return s
	}
	for _, c := range []struct {
		name          string
		in            sample
		p50, p99, max time.Duration
	}{
		{"empty", nil, 0, 0, 0},
		{"one", ms(7), 7 * time.Millisecond, 7 * time.Millisecond, 7 * time.Millisecond},
		{"two", ms(9, 1), time.Millisecond, 9 * time.Millisecond, 9 * time.Millisecond},
		{"odd, unsorted", ms(5, 1, 4, 2, 3), 3 * time.Millisecond, 5 * time.Millisecond, 5 * time.Millisecond},
		{"even", ms(1, 2, 3, 4), 2 * time.Millisecond, 4 * time.Millisecond, 4 * time.Millisecond},
	} {
		got := c.in.summarise()
		if got.p50 != c.p50 || got.p99 != c.p99 || got.max != c.max || got.n != len(c.in) {
			t.Errorf("%s: %+v, want p50 %s p99 %s max %s", c.name, got, c.p50, c.p99, c.max)
		}
	}

	// 1..1000 ms: p50 is the 500th value, p99 the 990th, whatever the order.
	var s sample
	for i := 1000; i >= 1; i-- {
		s = append(s, time.Duration(i)*time.Millisecond)
	}
	rand.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	first := s[0]
	got := s.summarise()
	if got.p50 != 500*time.Millisecond || got.p99 != 990*time.Millisecond || got.max != time.Second {
		t.Errorf("1..1000 ms: %+v", got)
	}
	if s[0] != first {
		t.Error("summarise sorted the caller's sample")
	}
	// 100 values with one outlier: p99 is the 99th value, not the outlier.
	s = ms(append(make([]int, 99), 5000)...)
	if got := s.summarise(); got.p99 != 0 || got.max != 5*time.Second {
		t.Errorf("one outlier in 100: %+v", got)
	}
}

func TestRatesAndShares(t *testing.T) {
	if got := perSession(100<<20, 612<<20, 500); got != (512<<20)/500 {
		t.Errorf("perSession = %d", got)
	}
	if perSession(600, 500, 10) != 0 || perSession(0, 100, 0) != 0 {
		t.Error("a shrinking server or no sessions must give 0, not wrap around")
	}
	if got := cpuPercent(10, 12, 10*time.Second); got != 20 {
		t.Errorf("2 CPU seconds in 10 s = %g%%, want 20", got)
	}
	if cpuPercent(12, 10, time.Second) != 0 || cpuPercent(1, 2, 0) != 0 {
		t.Error("cpuPercent of a bad window must be 0")
	}
	if ms(1234567*time.Nanosecond) != 1.2 {
		t.Errorf("ms rounds to 0.1: %g", ms(1234567*time.Nanosecond))
	}
}

func TestMarkersDifferEverywhere(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	prev := ""
	for range 1000 {
		m := nextMarker(r, prev)
		if len(m) != markerLen || strings.Trim(m, markerLetters) != "" {
			t.Fatalf("marker %q: want %d of %q", m, markerLen, markerLetters)
		}
		for i := range prev {
			if m[i] == prev[i] {
				t.Fatalf("%q follows %q with the same letter at %d: the renderer would not rewrite it", m, prev, i)
			}
		}
		prev = m
	}
}

func TestAttendeeNamesAreUniqueLetters(t *testing.T) {
	seen := map[string]bool{}
	for i := range maxSessions + maxLate { // the late arrivals are named after the crowd
		n := attendeeName("abcd", i)
		if strings.Trim(n, "abcdefghijklmnopqrstuvwxyzL") != "" {
			t.Fatalf("name %q is not letters only", n)
		}
		if seen[strings.ToLower(n)] {
			t.Fatalf("%q twice", n)
		}
		seen[strings.ToLower(n)] = true
	}
}

// The scanner finds a text wherever the reads split it, and each broadcast
// counts once per session.
func TestScannerFindsTextsAcrossReads(t *testing.T) {
	a := &attendee{idx: 0, name: "LoadabcdxAAB", needle: []byte("LoadabcdxAAB"), first: make(chan struct{})}
	var current atomic.Pointer[broadcast]
	b := newBroadcast(1, "QXZBCDFGHJKLMNPR", 1, 1)
	current.Store(b)
	var answered []string
	sc := &scanner{a: a, current: &current, answer: func(p []byte) { answered = append(answered, string(p)) }}
	stream := "\x1b[?1049h\x1b]11;?\x07\x1b[2J you: LoadabcdxAAB \x1b[1m» Announcement 10:02:\x1b[m QXZBCDFGHJKLMNPR rest"
	for split := 1; split < len(stream); split++ {
		a.firstFrame.Store(0)
		a.first = make(chan struct{})
		a.seenRound.Store(0)
		b = newBroadcast(1, "QXZBCDFGHJKLMNPR", 1, 1)
		current.Store(b)
		sc.tail = nil
		sc.scan([]byte(stream[:split]), time.Now())
		sc.scan([]byte(stream[split:]), time.Now())
		if a.firstFrame.Load() == 0 {
			t.Fatalf("split at %d: the name was not found", split)
		}
		if b.seen.Load() != 1 {
			t.Fatalf("split at %d: the marker was seen %d times", split, b.seen.Load())
		}
		sc.scan([]byte(stream), time.Now()) // again: still once
		if b.seen.Load() != 1 {
			t.Fatalf("a broadcast counted twice")
		}
	}
	if len(answered) == 0 || answered[0] != string(oscBackgroundAnswer) {
		t.Errorf("the background colour query was not answered: %q", answered)
	}
}

func TestOnlyLoopback(t *testing.T) {
	ctx := context.Background()
	for _, ok := range []string{"127.0.0.1:2222", "localhost:2222", "[::1]:2222", ":2222"} {
		if _, err := loopbackAddr(ctx, ok); err != nil {
			t.Errorf("%s refused: %v", ok, err)
		}
	}
	for _, bad := range []string{"10.0.0.1:2222", "192.168.1.5:22", "8.8.8.8:2222", "no-port"} {
		if _, err := loopbackAddr(ctx, bad); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}

func TestFlagBounds(t *testing.T) {
	var stderr strings.Builder
	for _, args := range [][]string{
		{"--sessions", "10"}, // no organiser key
		{"--organiser-key", "k", "--sessions", "0"},
		{"--organiser-key", "k", "--sessions", "5001"},
		{"--organiser-key", "k", "--rate", "0"},
		{"--organiser-key", "k", "--duration", "2h"},
		{"--organiser-key", "k", "--late", "1001"},
		{"--organiser-key", "k", "--late", "-1"},
		{"--organiser-key", "k", "extra"},
	} {
		if _, err := parseFlags(args, &stderr); err == nil {
			t.Errorf("%q accepted", args)
		}
	}
	cfg, err := parseFlags([]string{"--organiser-key", "k", "--sessions", "5000", "--rate", "50", "--width", "100", "--height", "30"}, &stderr)
	if err != nil || cfg.sessions != 5000 || cfg.rate != 50 || cfg.width != 100 || cfg.height != 30 {
		t.Errorf("parseFlags: %+v, %v", cfg, err)
	}
	if cfg.answerQueries || cfg.late != 100 {
		t.Errorf("by default the terminals never answer and 100 arrive late: answer %t, late %d", cfg.answerQueries, cfg.late)
	}
	cfg, err = parseFlags([]string{"--organiser-key", "k", "--rate", "300", "--late", "0", "--answer-queries"}, &stderr)
	if err != nil || cfg.rate != 300 || cfg.late != 0 || !cfg.answerQueries {
		t.Errorf("parseFlags: %+v, %v", cfg, err)
	}
}

func TestMemoryReturnedVerdict(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		base, held, after uint64
		want              string
	}{
		{40 * mb, 60 * mb, 58 * mb, "none"},  // too small to judge
		{40 * mb, 540 * mb, 62 * mb, "yes"},  // gave back almost all
		{40 * mb, 540 * mb, 400 * mb, "no"},  // kept most
		{40 * mb, 540 * mb, 0, "no"},         // never measured
		{40 * mb, 540 * mb, 290 * mb, "yes"}, // exactly half kept
	} {
		got := "none"
		if v := returned(Result{RSSBaseBytes: c.base, RSSHeldBytes: c.held, RSSAfterLeaveBytes: c.after}); v != nil {
			got = map[bool]string{true: "yes", false: "no"}[*v]
		}
		if got != c.want {
			t.Errorf("%d/%d/%d MiB: %s, want %s", c.base/mb, c.held/mb, c.after/mb, got, c.want)
		}
	}
}

// A simulated terminal answers the background-colour query only when
// asked to: by default it is the client that never answers.
func TestScannerAnswersQueriesOnlyWhenAsked(t *testing.T) {
	query := []byte("\x1b[?1049h\x1b]11;?\x07\x1b[2J")
	for _, answer := range []bool{false, true} {
		a := &attendee{name: "LoadabcdxAAB", needle: []byte("LoadabcdxAAB"), first: make(chan struct{})}
		var current atomic.Pointer[broadcast]
		w := &chanWriter{got: make(chan []byte, 1)}
		newScanner(a, &current, w, answer).scan(query, time.Now())
		select {
		case p := <-w.got:
			if !answer || string(p) != string(oscBackgroundAnswer) {
				t.Errorf("answer-queries %t: wrote %q", answer, p)
			}
		case <-time.After(func() time.Duration {
			if answer {
				return 10 * time.Second // long enough on a busy machine
			}
			return 100 * time.Millisecond // nothing is coming
		}()):
			if answer {
				t.Error("answer-queries true: the query was not answered")
			}
		}
	}
}

type chanWriter struct{ got chan []byte }

func (w *chanWriter) Write(p []byte) (int, error) {
	w.got <- append([]byte(nil), p...)
	return len(p), nil
}

func TestCPUPerSessionSecond(t *testing.T) {
	w := cpuWindow{cpuBefore: 100, cpuAfter: 101.29, wall: 10 * time.Second, sessions: 1000}
	if w.percent() != 12.9 || w.microsPerSessionSecond() != 129 {
		t.Errorf("1.29 CPU s in 10 s over 1,000 sessions: %g%%, %g µs; want 12.9%%, 129 µs", w.percent(), w.microsPerSessionSecond())
	}
	w = cpuWindow{cpuBefore: 0, cpuAfter: 1, wall: 10 * time.Second, sessions: 2000}
	if w.microsPerSessionSecond() != 50 {
		t.Errorf("10%% of a core over 2,000 sessions: %g µs, want 50", w.microsPerSessionSecond())
	}
	for _, bad := range []cpuWindow{{}, {cpuAfter: 1, wall: time.Second}, {cpuBefore: 2, cpuAfter: 1, wall: time.Second, sessions: 5}} {
		if got := bad.microsPerSessionSecond(); got != 0 {
			t.Errorf("%+v: %g µs, want 0", bad, got)
		}
	}
}

func TestArrivalRateIsMeasured(t *testing.T) {
	t0 := time.Now()
	var atts []*attendee
	for i := range 301 {
		atts = append(atts, &attendee{dialedAt: t0.Add(time.Duration(i) * time.Second / 300)})
	}
	atts[0], atts[300] = atts[300], atts[0] // dials finish out of order
	atts = append(atts, &attendee{})        // one never dialled
	if got := arrivalRate(atts); got != 300 {
		t.Errorf("301 dials over 1 s: %g/s, want 300", got)
	}
	if got := arrivalRate(atts[:1]); got != 0 {
		t.Errorf("one dial: %g/s, want 0", got)
	}
}
