package linemode

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

func TestMilestones(t *testing.T) {
	five := 5 * time.Minute
	for _, c := range []struct {
		total, was, now time.Duration
		want            string
	}{
		{five, 151 * time.Second, 150 * time.Second, TypeHalfTime},
		{five, 61 * time.Second, 60 * time.Second, TypeOneMinute},
		{five, 31 * time.Second, 29 * time.Second, TypeThirtySeconds},
		{five, time.Second, 0, TypeTimeUp},
		{five, -59 * time.Second, -60 * time.Second, TypeOverTime},
		{five, -61 * time.Second, -62 * time.Second, ""}, // still 1 minute over
		{five, -119 * time.Second, -121 * time.Second, TypeOverTime},
		{five, 4 * time.Minute, 59 * time.Second, TypeOneMinute}, // a jump past two: only the latest
		{five, 100 * time.Second, 90 * time.Second, ""},
		{2 * time.Minute, 61 * time.Second, 59 * time.Second, TypeOneMinute}, // no half time under 3 minutes
		{time.Minute, 31 * time.Second, 30 * time.Second, TypeThirtySeconds},
	} {
		if got := milestone(c.total, c.was, c.now); got != c.want {
			t.Errorf("milestone(%s, %s -> %s) = %q, want %q", c.total, c.was, c.now, got, c.want)
		}
	}
}

func TestPlainLeavesNoControls(t *testing.T) {
	in := "a\x1b[31mred\x1b]0;title\x07 \u009b2J \x90dcs\u009c\r\nnext\tline\x00\xff"
	got := Plain(in, true)
	if strings.ContainsAny(got, "\x1b\x07\x00\u009b\u0090\u009c") {
		t.Errorf("controls left in %q", got)
	}
	if !strings.Contains(got, "\r\nnext\tline") || strings.Count(got, "\r") != 1 {
		t.Errorf("line ends: %q", got)
	}
	if got := Plain("a\nb\n", false); got != "a\nb\n" {
		t.Errorf("without a terminal: %q", got)
	}
}

func TestOutboxDropsTheOldestPastItsSize(t *testing.T) {
	clock := schedule.NewManualClock(time.Date(2026, 3, 28, 10, 0, 0, 0, time.UTC))
	box := NewOutbox(3, time.Hour, clock)
	for i := range 5 {
		box.Put(Event{Type: TypeAnnouncement, Time: Stamp(clock.Now().Add(time.Duration(i) * time.Minute))})
	}
	ctx := context.Background()
	gap, _ := box.Next(ctx)
	if gap.Type != TypeGap || gap.Gap.Missed != 2 || time.Time(gap.Gap.To).Minute() != 1 {
		t.Fatalf("first = %+v, want a gap of the 2 oldest", gap)
	}
	for range 3 {
		if ev, _ := box.Next(ctx); ev.Type != TypeAnnouncement {
			t.Errorf("then %+v", ev)
		}
	}
}

// TestTypingOnARawTerminal: what a raw terminal sends, byte by byte, is
// echoed and edited as a line discipline would; escape sequences typed
// (arrow keys) are swallowed, never echoed.
func TestTypingOnARawTerminal(t *testing.T) {
	pr, pw := io.Pipe()
	var out bytes.Buffer
	s := &session{cfg: SessionConfig{In: pr, Out: &out, Terminal: true, MaxLine: 10}}
	lines := make(chan string, 10)
	done := make(chan struct{})
	go func() { s.readLines(context.Background(), lines); close(done) }()
	io.WriteString(pw, "vote 3x\x7f\r\n")                   // backspace; CR LF is one line end
	io.WriteString(pw, "no\x1b[Ate\x1bOB\x15notes\r")       // arrow keys swallowed; Ctrl+U erases
	io.WriteString(pw, "\x1bTom\xc3")                       // a lone Esc, then a rune split between reads
	io.WriteString(pw, "\xa1s\r")                           // ... joined again
	io.WriteString(pw, strings.Repeat("y", 20)+"\rshort\r") // over MaxLine: refused whole
	pw.Close()
	<-done
	close(lines)
	var got []string
	for l := range lines {
		got = append(got, l)
	}
	if strings.Join(got, "|") != "vote 3|notes|Tomás|short" {
		t.Errorf("lines = %q", got)
	}
	if strings.Contains(out.String(), "\x1b") || strings.Contains(out.String(), "[A") {
		t.Errorf("echo holds an escape sequence: %q", out.String())
	}
	if !strings.Contains(out.String(), "longer than 10 bytes") {
		t.Errorf("the long line was not refused: %q", out.String())
	}
}

// A timer first read after the clock has moved on (the talks are read
// before the timers, and a rehearsal clock jumps) still says the milestone
// it passed. It did not: the timer's countdown started from the time it
// was read, and the 1-minute mark was never said.
func TestTimerReadLateStillSaysItsMilestone(t *testing.T) {
	start := time.Date(2026, 3, 28, 10, 2, 0, 0, time.UTC)
	ev := &schedule.Event{Zone: time.UTC}
	w := NewWatcher(Config{Event: ev, Clock: schedule.NewManualClock(start)})
	w.baseline(start)
	w.snap.Timers = []schedule.Timer{{ID: 1, Kind: schedule.TimerTalk, Ref: "talk:3", StartedAt: start, Duration: 5 * time.Minute}}
	at := start.Add(4 * time.Minute)
	var got []string
	emit := func(e Event) { got = append(got, e.Type) }
	w.timersChanged(at, emit)
	w.milestones(at, emit)
	if strings.Join(got, " ") != TypeTimerStarted+" "+TypeOneMinute {
		t.Errorf("events = %v, want the start and the 1-minute mark", got)
	}
}
