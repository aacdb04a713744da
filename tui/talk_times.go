package tui

import (
	"time"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/live"
)

// expectedStarts estimates when each approved talk of a block starts: one
// after the other from the end of the live talk (or the block's start), with
// the changeover between them.
func (l *look) expectedStarts(blockID string) map[int64]time.Time {
	b, ok := l.ev.Block(blockID)
	if !ok {
		return nil
	}
	at := b.Start
	if l.now.After(at) {
		at = l.now
	}
	if talk, ok := l.data.LiveTalk(); ok && talk.Block == blockID {
		if t, ok := l.data.TimerFor(live.TalkRef(talk.ID)); ok {
			at = l.now.Add(max(t.Remaining(l.now), 0))
		}
	}
	starts := map[int64]time.Time{}
	for t := range l.data.Queue(blockID) {
		if t.Status != schedule.TalkApproved {
			continue
		}
		at = at.Add(l.ev.Talks.Changeover)
		starts[t.ID] = at
		at = at.Add(time.Duration(l.talkMinutes(t.Minutes)) * time.Minute)
	}
	return starts
}

// talkMinutes is a talk's length: its own, or the event's default.
func (l *look) talkMinutes(minutes int) int {
	if minutes > 0 {
		return minutes
	}
	return int(l.ev.Talks.Length / time.Minute)
}

// liveTalkTimer is the live talk's timer, if a talk is live.
func (l *look) liveTalkTimer() (schedule.Timer, bool) {
	if t, ok := l.data.LiveTalk(); ok {
		return l.data.TimerFor(live.TalkRef(t.ID))
	}
	return schedule.Timer{}, false
}

// mainTimer is the countdown the whole camp watches: the live talk's, or
// else the newest running timer (a slot or a break).
func (l *look) mainTimer() (schedule.Timer, string, bool) {
	if tm, ok := l.liveTalkTimer(); ok {
		return tm, "LIVE", true
	}
	for _, t := range l.data.Timers {
		if t.StoppedAt.IsZero() {
			return t, cmpOr(line(t.Label), string(t.Kind)), true
		}
	}
	return schedule.Timer{}, "", false
}

// leftOver lists the approved talks of talks blocks that ended before
// block starts: given no slot, still waiting.
func (l *look) leftOver(block string) []schedule.Talk {
	b, ok := l.ev.Block(block)
	if !ok {
		return nil
	}
	var out []schedule.Talk
	for _, t := range l.data.Talks {
		if t.Status != schedule.TalkApproved || t.Block == block {
			continue
		}
		if tb, ok := l.ev.Block(t.Block); ok && !tb.End.After(b.Start) && !tb.End.After(l.now) {
			out = append(out, t)
		}
	}
	return out
}
