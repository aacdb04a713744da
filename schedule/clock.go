package schedule

import (
	"sync"
	"time"
)

// Clock is where everything asks for the time, so that tests and rehearsals
// can move it.
type Clock interface {
	Now() time.Time
}

// SystemClock is the real time.
type SystemClock struct{}

func (SystemClock) Now() time.Time { return time.Now().UTC() }

// RehearsalClock starts at a chosen instant and runs Speed times faster than
// real time: `--now 2026-03-28T09:25:00Z --speed 60` walks the day in minutes.
type RehearsalClock struct {
	start    time.Time
	realBase time.Time
	speed    float64
	real     func() time.Time
}

// NewRehearsalClock returns a clock that reads start now and then advances
// speed seconds per real second. A speed <= 0 is taken as 1.
func NewRehearsalClock(start time.Time, speed float64) *RehearsalClock {
	if speed <= 0 {
		speed = 1
	}
	return &RehearsalClock{start: start.UTC(), realBase: time.Now(), speed: speed, real: time.Now}
}

func (c *RehearsalClock) Now() time.Time {
	elapsed := c.real().Sub(c.realBase)
	return c.start.Add(time.Duration(float64(elapsed) * c.speed))
}

// ManualClock only moves when told to. Tests use it.
type ManualClock struct {
	mu  sync.Mutex
	now time.Time
}

func NewManualClock(t time.Time) *ManualClock { return &ManualClock{now: t.UTC()} }

func (c *ManualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Set moves the clock to t.
func (c *ManualClock) Set(t time.Time) {
	c.mu.Lock()
	c.now = t.UTC()
	c.mu.Unlock()
}

// Advance moves the clock forward by d.
func (c *ManualClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}
