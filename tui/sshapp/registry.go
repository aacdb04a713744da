package sshapp

import (
	"sync"

	"github.com/lightningcamp/camp/schedule"
)

// registry knows this server's live sessions: to enforce the session caps
// and to count sessions for `stats`. Who is online is the database's
// (SessionBook), so that every process on it agrees.
type registry struct {
	mu           sync.Mutex
	next         uint64
	sessions     map[uint64]sessionEntry
	perKey       map[string]int
	guests       int
	perGuestConn map[*connState]int
}

type sessionEntry struct {
	fingerprint string
	conn        *connState // a guest's connection; nil for a key
	personID    int64      // 0 until the session is identified
	role        schedule.Role
}

func newRegistry() *registry {
	return &registry{sessions: map[uint64]sessionEntry{}, perKey: map[string]int{}, perGuestConn: map[*connState]int{}}
}

// seat is one admitted session's place in the registry.
type seat struct {
	r    *registry
	n    uint64
	once sync.Once
}

// admit registers a session if the caps allow it, from what the key says
// alone (no database): organisers' keys are always admitted (up to their
// per-key cap), other keys while the camp has room, and guests while the
// guests' own budget and their connection have room.
func (r *registry) admit(id identity, conn *connState, l schedule.Limits, cl ConnLimits) (*seat, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.check(id, conn, l, cl); err != nil {
		return nil, err
	}
	r.next++
	e := sessionEntry{fingerprint: id.fingerprint, role: claimedRole(id)}
	if id.fingerprint != "" {
		r.perKey[id.fingerprint]++
	} else {
		e.conn = conn
		r.guests++
		r.perGuestConn[conn]++
	}
	r.sessions[r.next] = e
	return &seat{r: r, n: r.next}, nil
}

func (r *registry) check(id identity, conn *connState, l schedule.Limits, cl ConnLimits) error {
	if id.fingerprint != "" && l.SessionsPerKey > 0 && r.perKey[id.fingerprint] >= l.SessionsPerKey {
		return schedule.Errorf(schedule.ERATELIMIT, "you already have %d sessions open with this key: close one first", l.SessionsPerKey)
	}
	if id.organiser {
		return nil
	}
	if l.Sessions > 0 && len(r.sessions) >= l.Sessions {
		return schedule.Errorf(schedule.ERATELIMIT, "the camp is full (%d sessions): try again in a minute", l.Sessions)
	}
	if id.fingerprint != "" {
		return nil
	}
	if budget := cl.guestBudget(l.Sessions); r.guests >= budget {
		return schedule.Errorf(schedule.ERATELIMIT, "all %d guest places are taken: connect with an SSH key to get in, or try again in a minute", budget)
	}
	if r.perGuestConn[conn] >= cl.GuestSessionsPerConnection {
		return schedule.Errorf(schedule.ERATELIMIT, "at most %d guest sessions on one connection: close one first", cl.GuestSessionsPerConnection)
	}
	return nil
}

func claimedRole(id identity) schedule.Role {
	switch {
	case id.organiser:
		return schedule.RoleOrganiser
	case id.fingerprint != "":
		return schedule.RoleAttendee
	}
	return schedule.RoleGuest
}

// identified records who an admitted session turned out to be.
func (st *seat) identified(id identity) {
	st.r.mu.Lock()
	defer st.r.mu.Unlock()
	if e, ok := st.r.sessions[st.n]; ok {
		e.personID, e.role = id.person.ID, id.actor.Role
		st.r.sessions[st.n] = e
	}
}

// release gives the place back; it may be called more than once.
func (st *seat) release() { st.once.Do(func() { st.r.release(st.n) }) }

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
		return
	}
	r.guests--
	if r.perGuestConn[e.conn]--; r.perGuestConn[e.conn] <= 0 {
		delete(r.perGuestConn, e.conn)
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
