// Package tuitest is an in-memory camp for testing package tui: a Fake that
// implements every interface tui consumes (and schedule.Feed), honouring the
// domain rules the views rely on, plus a seeded camp frozen at a known
// instant.
package tuitest

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// Fake holds one camp in memory. It is safe for concurrent use: the tui
// model runs its reads and writes in commands on other goroutines.
//
// It honours what the views depend on: the talk state machine
// (schedule.NextTalkStatus), the board rules (Event.CheckPlacement),
// authorisation (schedule.Authorize), a *schedule.StaleEdit for an edit
// from an old revision, and a change published on its Feed after every
// write.
type Fake struct {
	mu            sync.Mutex
	ev            *schedule.Event
	clock         schedule.Clock
	nextID        int64
	people        map[int64]*schedule.Person
	talks         map[int64]*schedule.Talk
	topics        map[int64]*schedule.Topic
	votes         map[int64]map[int64]bool // person → topics
	notes         map[int64]*schedule.NoteEntry
	reports       map[int64]*schedule.Report
	timers        map[int64]*schedule.Timer
	announcements []schedule.Announcement
	online        []int64
	hub           hub
}

// New returns an empty camp for ev whose time comes from clock.
func New(ev *schedule.Event, clock schedule.Clock) *Fake {
	return &Fake{
		ev: ev, clock: clock,
		people: map[int64]*schedule.Person{}, talks: map[int64]*schedule.Talk{}, topics: map[int64]*schedule.Topic{},
		votes: map[int64]map[int64]bool{}, notes: map[int64]*schedule.NoteEntry{}, reports: map[int64]*schedule.Report{},
		timers: map[int64]*schedule.Timer{},
	}
}

func (f *Fake) id() int64 { f.nextID++; return f.nextID }

func (f *Fake) now() time.Time { return f.clock.Now() }

// authorize checks a write the way the store does: with the person read
// fresh, so a mute applies to the very next write.
func (f *Fake) authorize(a schedule.Actor, perm schedule.Permission, owner int64) (schedule.Person, error) {
	var p schedule.Person
	if q, ok := f.people[a.PersonID]; ok {
		p = *q
	}
	return p, schedule.Authorize(p, a.Role, perm, owner)
}

func notFound(what string, id int64) error {
	return schedule.Errorf(schedule.ENOTFOUND, "no %s %d", what, id)
}

// sorted returns copies of the map's values in the order cmpFn gives.
func sorted[T any](m map[int64]*T, keep func(T) bool, cmpFn func(a, b T) int) []T {
	var out []T
	for _, v := range m {
		if keep(*v) {
			out = append(out, *v)
		}
	}
	slices.SortFunc(out, cmpFn)
	return out
}

// --- people -----------------------------------------------------------------

// People lists everyone.
func (f *Fake) People(context.Context) ([]schedule.Person, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return sorted(f.people, func(schedule.Person) bool { return true },
		func(a, b schedule.Person) int { return cmp.Compare(a.ID, b.ID) }), nil
}

// Moderate mutes or bans a person.
func (f *Fake) Moderate(_ context.Context, a schedule.Actor, id int64, m schedule.Moderation) (schedule.Person, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, err := f.authorize(a, schedule.PermOrganise, 0); err != nil {
		return schedule.Person{}, err
	}
	p, ok := f.people[id]
	if !ok {
		return schedule.Person{}, notFound("person", id)
	}
	if m.Muted != nil {
		p.Muted = *m.Muted
	}
	if m.Banned != nil {
		p.Banned = *m.Banned
	}
	f.hub.publish(schedule.ChangePeople, id)
	return *p, nil
}

// Online implements tui.Presence.
func (f *Fake) Online() []int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.online)
}

// SetOnline says who is connected, as the SSH server would.
func (f *Fake) SetOnline(ids ...int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.online = slices.Clone(ids)
	f.hub.publish(schedule.ChangePeople)
}

// --- announcements ------------------------------------------------------------

// Announce broadcasts an announcement.
func (f *Fake) Announce(_ context.Context, a schedule.Actor, text string) (schedule.Announcement, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.authorize(a, schedule.PermOrganise, 0)
	if err != nil {
		return schedule.Announcement{}, err
	}
	if strings.TrimSpace(text) == "" {
		return schedule.Announcement{}, schedule.Errorf(schedule.EINVALID, "an announcement needs some text")
	}
	an := schedule.Announcement{ID: f.id(), Event: f.ev.Slug, Author: p.Name, Text: text, CreatedAt: f.now()}
	f.announcements = append(f.announcements, an)
	f.hub.publish(schedule.ChangeAnnouncements, an.ID)
	return an, nil
}

// Announcements lists the newest first.
func (f *Fake) Announcements(_ context.Context, limit int) ([]schedule.Announcement, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := slices.Clone(f.announcements)
	slices.Reverse(out)
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// --- timers -------------------------------------------------------------------

// StartTimer starts a timer now.
func (f *Fake) StartTimer(_ context.Context, a schedule.Actor, s schedule.TimerSpec) (schedule.Timer, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, err := f.authorize(a, schedule.PermOrganise, 0); err != nil {
		return schedule.Timer{}, err
	}
	return f.startTimer(s), nil
}

func (f *Fake) startTimer(s schedule.TimerSpec) schedule.Timer {
	t := &schedule.Timer{ID: f.id(), Event: f.ev.Slug, Kind: s.Kind, Label: s.Label, Ref: s.Ref, StartedAt: f.now(), Duration: s.Duration}
	f.timers[t.ID] = t
	f.hub.publish(schedule.ChangeTimers, t.ID)
	return *t
}

// ExtendTimer adds d to a timer.
func (f *Fake) ExtendTimer(_ context.Context, a schedule.Actor, id int64, d time.Duration) (schedule.Timer, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, err := f.authorize(a, schedule.PermOrganise, 0); err != nil {
		return schedule.Timer{}, err
	}
	t, ok := f.timers[id]
	if !ok {
		return schedule.Timer{}, notFound("timer", id)
	}
	next, err := t.Extend(f.now(), d)
	if err != nil {
		return *t, err
	}
	*t = next
	f.hub.publish(schedule.ChangeTimers, id)
	return next, nil
}

// stopTimersFor stops the running timers whose Ref is ref.
func (f *Fake) stopTimersFor(ref string) {
	for _, t := range f.timers {
		if t.Ref == ref && t.StoppedAt.IsZero() {
			if stopped, err := t.Stop(f.now()); err == nil {
				*t = stopped
				f.hub.publish(schedule.ChangeTimers, t.ID)
			}
		}
	}
}

// Timers lists the timers that are not stopped, newest first.
func (f *Fake) Timers(context.Context) ([]schedule.Timer, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return sorted(f.timers, func(t schedule.Timer) bool { return t.StoppedAt.IsZero() },
		func(a, b schedule.Timer) int {
			return cmp.Or(b.StartedAt.Compare(a.StartedAt), cmp.Compare(b.ID, a.ID))
		}), nil
}
