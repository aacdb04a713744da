package store

import (
	"testing"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// Issue 12, item 16: the per-person buckets were never evicted, so every
// key that ever wrote kept one for the life of the server. A bucket full
// again (idle for burst x every) is forgotten; one still refilling is kept,
// so forgetting never hands anyone extra writes.
func TestLimiterForgetsIdleBuckets(t *testing.T) {
	l := newWriteLimiter(schedule.Limits{WriteBurst: 3, WriteEvery: time.Second})
	start := time.Date(2026, 3, 28, 10, 0, 0, 0, time.UTC)
	for i := range 10000 {
		a := schedule.Actor{PersonID: int64(i + 1), Role: schedule.RoleAttendee}
		if err := l.allow(a, start); err != nil {
			t.Fatal(err)
		}
	}
	keys := schedule.Actor{Role: schedule.RoleAttendee, Fingerprint: "SHA256:new"}
	l.allow(keys, start)
	if n := l.size(); n != 10001 {
		t.Fatalf("%d buckets, want 10001", n)
	}
	// Person 1 empties their bucket just before the others are due to go.
	busy := schedule.Actor{PersonID: 1, Role: schedule.RoleAttendee}
	later := start.Add(2 * time.Second)
	for l.allow(busy, later) == nil {
	}
	l.allow(busy, start.Add(l.refill())) // sweeps: everyone else is full again
	if n := l.size(); n != 1 {
		t.Errorf("%d buckets after %s idle, want 1 (the busy person's)", n, l.refill())
	}
	if err := l.allow(busy, start.Add(l.refill())); schedule.ErrorCode(err) != schedule.ERATELIMIT {
		t.Errorf("the sweep gave the busy person their tokens back: %v", err)
	}
	organiser := schedule.Actor{PersonID: 99999, Role: schedule.RoleOrganiser}
	for range 100 {
		if err := l.allow(organiser, start); err != nil {
			t.Fatal("an organiser was limited")
		}
	}
	if n := l.size(); n != 1 {
		t.Errorf("organisers got a bucket: %d", n)
	}
}
