package live

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// Shared lets the sessions of one server share their reads. A change wakes
// every session at once; on their own, a thousand sessions would each read
// the same rows, clean the same text, sort the same lists and keep their own
// copy of all of it. With a Shared, a part (the talks, the people, who is
// online...) is read, cleaned and sorted once for all the sessions that ask
// for it, and they keep the one result.
//
// No session may miss a change it was told about. Each says when it learnt
// of the change (notBefore): it gets the result of a read that started no
// earlier, which saw the change, since changes are announced after they are
// committed. That is the last read if it is recent enough, the read under
// way if it started in time, or else the next one, which starts as soon as
// the one under way ends and serves everyone who asked meanwhile. A
// thousand sessions woken by one change cost one or two reads, however
// their asks are spread out.
//
// Results are shared, so they are never changed in place: the snapshot
// copies a list before changing it (see snapshot.go). Each result carries a
// version number; a read whose result equals the last one (by the part's
// own comparison) keeps the last version, so a session can tell that
// nothing changed and need not draw its screen again. One Shared serves the
// sessions of one set of services (one camp); a nil *Shared reads for each
// session on its own, and every read is then a new version.
type Shared struct {
	mu    sync.Mutex
	parts map[sharedKey]*sharedPart
}

// sharedKey names a read that is the same for every session: a part.
type sharedKey = Part

// NewShared returns a Shared for the sessions of one camp.
func NewShared() *Shared { return &Shared{parts: map[sharedKey]*sharedPart{}} }

// sharedReadTimeout bounds a shared read, which no single session owns.
const sharedReadTimeout = 30 * time.Second

type sharedPart struct {
	running *flight // the read under way
	queued  *flight // the next read: it starts when running ends
	load    func(context.Context) (any, error)
	// same, if set, compares a new result with the last: an equal one is
	// replaced by the last, version and all, so sessions can tell that
	// nothing changed (and need not draw their screens again).
	same func(a, b any) bool
	// last is the result of the last read that succeeded, which started
	// at lastStart.
	last      Versioned[any]
	lastStart time.Time
	lastOK    bool
}

type flight struct {
	start time.Time // set when the read starts
	done  chan struct{}
	val   Versioned[any]
	err   error
}

// Versioned is a result with its version: two results with the same version
// are the same result.
type Versioned[T any] struct {
	Value   T
	Version uint64
}

// versions numbers every result, of every Shared and of every read made
// without one, so that no two different results share a number.
var versions atomic.Uint64

// NextVersion returns a version number no result has had.
func NextVersion() uint64 { return versions.Add(1) }

// read returns the result of a load of key that started at notBefore or
// later. ctx bounds only the wait; the read itself belongs to no session,
// so it is bounded by sharedReadTimeout instead.
func (s *Shared) read(ctx context.Context, key sharedKey, notBefore time.Time, load func(context.Context) (any, error), same func(a, b any) bool) (Versioned[any], error) {
	s.mu.Lock()
	p := s.parts[key]
	if p == nil {
		p = &sharedPart{}
		s.parts[key] = p
	}
	p.load, p.same = load, same // the same for every session of the camp
	var f *flight
	switch {
	case p.lastOK && !p.lastStart.Before(notBefore):
		v := p.last
		s.mu.Unlock()
		return v, nil
	case p.running == nil:
		f = &flight{start: time.Now(), done: make(chan struct{})}
		p.running = f
		s.mu.Unlock()
		s.fly(key, f)
	case !p.running.start.Before(notBefore):
		f = p.running
		s.mu.Unlock()
	default:
		if p.queued == nil {
			p.queued = &flight{done: make(chan struct{})}
		}
		f = p.queued
		s.mu.Unlock()
	}
	select {
	case <-f.done:
		return f.val, f.err
	case <-ctx.Done():
		return Versioned[any]{}, ctx.Err()
	}
}

// fly runs one read, then starts the queued one, if anyone is waiting.
func (s *Shared) fly(key sharedKey, f *flight) {
	s.mu.Lock()
	p := s.parts[key]
	load, same, last, lastOK := p.load, p.same, p.last, p.lastOK
	s.mu.Unlock()
	func() {
		defer func() {
			if r := recover(); r != nil {
				f.err = fmt.Errorf("live: read of %v failed: %v", key, r)
			}
		}()
		ctx, cancel := context.WithTimeout(context.Background(), sharedReadTimeout)
		defer cancel()
		val, err := load(ctx)
		f.val, f.err = Versioned[any]{Value: val, Version: NextVersion()}, err
		if f.err == nil && same != nil && lastOK && same(last.Value, val) {
			f.val = last
		}
	}()
	s.mu.Lock()
	if f.err == nil {
		p.last, p.lastStart, p.lastOK = f.val, f.start, true
	}
	next := p.queued
	if next != nil {
		next.start = time.Now()
	}
	p.running, p.queued = next, nil
	s.mu.Unlock()
	close(f.done)
	if next != nil {
		go s.fly(key, next)
	}
}

// Read returns the result of load for key that started at notBefore or
// later, through s when there is one, else by calling load. same, if not
// nil, says when a new result equals the last one: the last one, version
// and all, is then handed out again. ctx bounds only the wait; a shared read
// belongs to no session, so it is bounded by a timeout of its own.
func Read[T any](ctx context.Context, s *Shared, key Part, notBefore time.Time, load func(context.Context) (T, error), same func(a, b T) bool) (Versioned[T], error) {
	if s == nil {
		v, err := load(ctx)
		return Versioned[T]{Value: v, Version: NextVersion()}, err
	}
	var sameAny func(a, b any) bool
	if same != nil {
		sameAny = func(a, b any) bool { return same(a.(T), b.(T)) }
	}
	v, err := s.read(ctx, key, notBefore, func(ctx context.Context) (any, error) { return load(ctx) }, sameAny)
	if err != nil {
		return Versioned[T]{}, err
	}
	return Versioned[T]{Value: v.Value.(T), Version: v.Version}, nil
}
