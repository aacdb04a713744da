package live

import (
	"slices"
	"sync/atomic"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// PeopleEvery is how often, at most, a session re-reads the people and who
// is online. Every connection and disconnection changes who is online; when
// hundreds of attendees arrive in the same minute, a screen that redrew for
// each arrival would leave no time for anything else. Real time, not the
// camp's clock: it paces the machine, not the day.
const PeopleEvery = time.Second

// Pacer decides, for one session, when each part is read and which read
// counts. It remembers when each part last changed, so that a read takes a
// shared read that started after the change; it holds back reads of the
// people and who is online to one a second; and it numbers reads as they
// start, so an older read finishing last never undoes a newer one.
//
// A Pacer belongs to one session's Update, except NextRead, which the
// session's read commands call from their own goroutines.
type Pacer struct {
	reads        atomic.Uint64
	applied      [PartCount]uint64    // the number of the read each part shows
	staleAt      [PartCount]time.Time // when each part was last known to have changed: reads must start later
	peopleReadAt time.Time            // real time of the last read of the people and who is online
	peopleDue    bool                 // the people changed and are still to be read
	peopleTimer  bool                 // a timer for the people is on its way
}

// Subscribed notes that the feed opened at: everything is read now, and
// the people count as read.
func (p *Pacer) Subscribed(at time.Time) {
	p.StaleAll(at)
	p.peopleReadAt = time.Now()
}

// StaleAll says every part may have changed at at.
func (p *Pacer) StaleAll(at time.Time) {
	for i := range p.staleAt {
		p.staleAt[i] = at
	}
}

// NotBefore is when a read of part must have started to be taken: after
// the part's last change, or since if that is earlier and not zero (a
// caller content with an older read).
func (p *Pacer) NotBefore(part Part, since time.Time) time.Time {
	nb := p.staleAt[part]
	if !since.IsZero() && since.Before(nb) {
		nb = since
	}
	return nb
}

// NextRead numbers a read as it starts.
func (p *Pacer) NextRead() uint64 { return p.reads.Add(1) }

// Newest reports whether read seq of part is at least as new as the one the
// session shows, and if so, records it as shown.
func (p *Pacer) Newest(part Part, seq uint64) bool {
	if seq < p.applied[part] {
		return false
	}
	p.applied[part] = seq
	return true
}

// Changed marks what changes make stale and returns the parts to read now.
// The people and who is online are read at most every PeopleEvery: a change
// to them within that time is read later, on the next tick when one is on
// its way (ticking), else when the timer returned runs out (timer true;
// call TimerFired when it does).
func (p *Pacer) Changed(c schedule.Changes, at time.Time, ticking bool) (read []Part, wait time.Duration, timer bool) {
	stale := StaleParts(c)
	for _, part := range stale {
		if at.After(p.staleAt[part]) {
			p.staleAt[part] = at
		}
	}
	if !slices.ContainsFunc(stale, IsPeople) {
		return stale, 0, false
	}
	wait = PeopleEvery - time.Since(p.peopleReadAt)
	switch {
	case ticking:
		// A tick is on its way (within a second): read them then, and
		// draw the new second and the new people in one frame.
		p.peopleDue = true
		stale = slices.DeleteFunc(stale, IsPeople)
	case p.peopleDue || wait > 0:
		p.peopleDue = true
		stale = slices.DeleteFunc(stale, IsPeople)
		if !p.peopleTimer {
			p.peopleTimer, timer = true, true
		}
	default:
		p.peopleReadAt = time.Now()
	}
	return stale, max(wait, 0), timer
}

// TimerFired says the people's timer has run out.
func (p *Pacer) TimerFired() { p.peopleTimer = false }

// PeopleTimer returns how long to wait before reading the people, if they
// are still to be read and neither a tick (ticking) nor a timer will.
func (p *Pacer) PeopleTimer(ticking bool) (time.Duration, bool) {
	if !p.peopleDue || ticking || p.peopleTimer {
		return 0, false
	}
	p.peopleTimer = true
	return max(PeopleEvery-time.Since(p.peopleReadAt), 0), true
}

// PeopleDue reports whether a change to the people is still to be read.
func (p *Pacer) PeopleDue() bool { return p.peopleDue }

// TimerPending reports whether a timer for the people is on its way.
func (p *Pacer) TimerPending() bool { return p.peopleTimer }

// ReadPeople says whether the people and who is online are to be read now,
// and which shared read may serve: one that started at the turn of the
// second or later.
//
// Every session asks within the same quarter of a second after the second
// turns (the ticks are spread over it), so they take the read that started
// at the turn of the second or later: one read a second for all of them,
// however many people come and go. A change seen after the turn stays due,
// for the next tick.
func (p *Pacer) ReadPeople() (since time.Time, ok bool) {
	if !p.peopleDue {
		return time.Time{}, false
	}
	now := time.Now()
	second := now.Truncate(time.Second)
	p.peopleReadAt = now
	p.peopleDue = p.staleAt[People].After(second) || p.staleAt[Presence].After(second)
	return second, true
}
