package store

import (
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/lightningcamp/camp/schedule"
)

// writeLimiter gives every person (every key) a token bucket for writes.
// Camp.write takes a token before every write, so no write can skip it. It
// is per key, never per address: many attendees share one address behind a
// company or university NAT. Organisers are never limited.
//
// A bucket that has been left alone long enough to fill up again is the
// same as a new one, so it is forgotten: the map holds only the people who
// wrote recently, however many keys come and go.
type writeLimiter struct {
	mu        sync.Mutex
	burst     int
	every     time.Duration
	buckets   map[limitKey]*rate.Limiter
	lastSweep time.Time
}

// limitKey is whose bucket: a person, or a key that has not joined yet.
type limitKey struct {
	person      int64
	fingerprint string
}

func newWriteLimiter(l schedule.Limits) *writeLimiter {
	burst, every := l.WriteBurst, l.WriteEvery
	if burst <= 0 {
		burst = 3
	}
	if every <= 0 {
		every = time.Second
	}
	return &writeLimiter{burst: burst, every: every, buckets: map[limitKey]*rate.Limiter{}}
}

// refill is how long an untouched bucket takes to fill up again.
func (l *writeLimiter) refill() time.Duration { return time.Duration(l.burst) * l.every }

// allow takes a token for a's write at now, or says to slow down.
func (l *writeLimiter) allow(a schedule.Actor, now time.Time) error {
	_, err := l.reserve(a, now)
	return err
}

// reserve takes a token for a's write at now, or says to slow down. The
// returned give-back puts the token back: a write that was refused (not
// yours, not found, invalid) changed nothing, so it costs nothing.
func (l *writeLimiter) reserve(a schedule.Actor, now time.Time) (giveBack func(), err error) {
	if a.Role == schedule.RoleOrganiser {
		return func() {}, nil // organisers are never slowed
	}
	k := limitKey{person: a.PersonID}
	if a.PersonID == 0 {
		k.fingerprint = a.Fingerprint
	}
	l.mu.Lock()
	l.sweep(now)
	b, ok := l.buckets[k]
	if !ok {
		b = rate.NewLimiter(rate.Every(l.every), l.burst)
		l.buckets[k] = b
	}
	r := b.ReserveN(now, 1)
	ok = r.OK() && r.DelayFrom(now) == 0
	if !ok && r.OK() {
		r.CancelAt(now) // a refusal takes nothing either
	}
	l.mu.Unlock()
	if !ok {
		return nil, schedule.Errorf(schedule.ERATELIMIT, "slow down: at most %d changes at once, then one every %s", l.burst, l.every)
	}
	return func() {
		l.mu.Lock()
		defer l.mu.Unlock()
		r.CancelAt(now)
	}, nil
}

// sweep forgets the buckets that are full again, at most once per refill
// time, so its cost is spread thin however many people write.
func (l *writeLimiter) sweep(now time.Time) {
	if now.Sub(l.lastSweep) < l.refill() {
		return
	}
	l.lastSweep = now
	for k, b := range l.buckets {
		if b.TokensAt(now) >= float64(l.burst) {
			delete(l.buckets, k)
		}
	}
}

// size is how many buckets are held (for tests of the eviction).
func (l *writeLimiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.buckets)
}
