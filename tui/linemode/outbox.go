package linemode

import (
	"context"
	"sync"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// Outbox holds one client's events between the Watcher, which must never
// wait, and the client's connection, which may be slow or stop. It is
// bounded twice: by count (past Size, the oldest events go) and by age (an
// event that has waited MaxWait is dropped when the client reads again).
// What a client loses it learns of: the next event it reads is a gap,
// saying how many it missed and between which times. Nobody else notices:
// each client has its own Watcher and Outbox.
type Outbox struct {
	size    int
	maxWait time.Duration
	clock   schedule.Clock
	real    func() time.Time

	mu     sync.Mutex
	queue  []queued
	missed int
	from   time.Time // camp time of the first missed event
	to     time.Time // and of the last
	ready  chan struct{}
}

type queued struct {
	ev Event
	at time.Time // real time it was queued
}

// Defaults for an outbox: a client that has not read for a minute hears of
// a gap rather than a minute of old news.
const (
	DefaultOutboxSize = 1000
	DefaultMaxWait    = 60 * time.Second
)

// Limits bound what waits for one slow client; zero values take the defaults.
type Limits struct {
	OutboxSize int           // events held at most (DefaultOutboxSize)
	MaxWait    time.Duration // how long an event may wait (DefaultMaxWait)
}

// NewOutbox returns an outbox; size and maxWait of 0 take the defaults.
// clock stamps gap events.
func NewOutbox(size int, maxWait time.Duration, clock schedule.Clock) *Outbox {
	if size <= 0 {
		size = DefaultOutboxSize
	}
	if maxWait <= 0 {
		maxWait = DefaultMaxWait
	}
	return &Outbox{size: size, maxWait: maxWait, clock: clock, real: time.Now, ready: make(chan struct{}, 1)}
}

// Put queues ev. It never blocks.
func (o *Outbox) Put(ev Event) {
	o.mu.Lock()
	if len(o.queue) >= o.size {
		o.drop(o.queue[0].ev)
		o.queue = o.queue[1:]
	}
	o.queue = append(o.queue, queued{ev, o.real()})
	o.mu.Unlock()
	select {
	case o.ready <- struct{}{}:
	default:
	}
}

func (o *Outbox) drop(ev Event) {
	t := time.Time(ev.Time)
	if o.missed == 0 {
		o.from = t
	}
	o.missed++
	o.to = t
}

// Next waits for the next event, or a gap if events were dropped since the
// last one; false when ctx ends.
func (o *Outbox) Next(ctx context.Context) (Event, bool) {
	for {
		if ev, ok := o.take(); ok {
			return ev, true
		}
		select {
		case <-ctx.Done():
			return Event{}, false
		case <-o.ready:
		}
	}
}

func (o *Outbox) take() (Event, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	now := o.real()
	for len(o.queue) > 0 && now.Sub(o.queue[0].at) > o.maxWait {
		o.drop(o.queue[0].ev)
		o.queue = o.queue[1:]
	}
	if o.missed > 0 {
		gap := Event{Type: TypeGap, Time: stampOf(o.clock.Now()), Gap: &Gap{Missed: o.missed, From: stampOf(o.from), To: stampOf(o.to)}}
		o.missed = 0
		return gap, true
	}
	if len(o.queue) == 0 {
		return Event{}, false
	}
	ev := o.queue[0].ev
	o.queue[0] = queued{}
	o.queue = o.queue[1:]
	return ev, true
}
