package sshapp

import (
	"slices"
	"sync"

	"github.com/lightningcamp/camp/schedule"
)

// registry knows every live session: to enforce the session caps, to say who
// is online, and to count sessions for `stats`.
type registry struct {
	mu       sync.Mutex
	next     uint64
	sessions map[uint64]sessionEntry
	perKey   map[string]int
}

type sessionEntry struct {
	fingerprint string
	personID    int64
	role        schedule.Role
}

func newRegistry() *registry {
	return &registry{sessions: map[uint64]sessionEntry{}, perKey: map[string]int{}}
}

// admit registers a session if the caps allow it and returns the function
// that unregisters it. Guests share one cap: the total.
func (r *registry) admit(id identity, l schedule.Limits) (func(), error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if l.Sessions > 0 && len(r.sessions) >= l.Sessions {
		return nil, schedule.Errorf(schedule.ERATELIMIT, "the camp is full (%d sessions): try again in a minute", l.Sessions)
	}
	if id.fingerprint != "" && l.SessionsPerKey > 0 && r.perKey[id.fingerprint] >= l.SessionsPerKey {
		return nil, schedule.Errorf(schedule.ERATELIMIT, "you already have %d sessions open with this key: close one first", l.SessionsPerKey)
	}
	r.next++
	n := r.next
	r.sessions[n] = sessionEntry{fingerprint: id.fingerprint, personID: id.person.ID, role: id.actor.Role}
	if id.fingerprint != "" {
		r.perKey[id.fingerprint]++
	}
	var once sync.Once
	return func() { once.Do(func() { r.release(n) }) }, nil
}

func (r *registry) release(n uint64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	e, ok := r.sessions[n]
	if !ok {
		return
	}
	delete(r.sessions, n)
	if e.fingerprint != "" {
		if r.perKey[e.fingerprint]--; r.perKey[e.fingerprint] <= 0 {
			delete(r.perKey, e.fingerprint)
		}
	}
}

// joined gives the sessions of a key that has just joined (and so has only
// now been stored as a person) that person's id, so they count as online.
func (r *registry) joined(fingerprint string, personID int64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for n, e := range r.sessions {
		if e.fingerprint == fingerprint && fingerprint != "" && e.personID == 0 {
			e.personID = personID
			r.sessions[n] = e
		}
	}
}

// Online lists the people with at least one session, by id.
func (r *registry) Online() []int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	var ids []int64
	for _, e := range r.sessions {
		if e.personID != 0 && !slices.Contains(ids, e.personID) {
			ids = append(ids, e.personID)
		}
	}
	slices.Sort(ids)
	return ids
}

// Count returns the number of sessions, in all and by role.
func (r *registry) Count() (int, map[string]int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	byRole := map[string]int{}
	for _, e := range r.sessions {
		byRole[string(e.role)]++
	}
	return len(r.sessions), byRole
}
