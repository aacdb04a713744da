package tui

import (
	"context"
	"maps"
	"reflect"
	"slices"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/lightningcamp/camp/schedule"
)

// Messages of the live machinery. Every read and write runs inside a tea.Cmd
// and comes back as one of these, so Update itself never waits on I/O.
type (
	// subscribedMsg: the feed subscription is open; read everything now,
	// after subscribing, so no change can fall between the read and the
	// subscription. at is when it opened.
	subscribedMsg struct{ at time.Time }
	// changedMsg carries the changes coalesced since the last signal, and
	// when the signal came: a read that starts later sees them.
	changedMsg struct {
		changes schedule.Changes
		at      time.Time
	}
	// loadedMsg replaces one part of the snapshot. target is the talk or
	// topic whose notes a read of partNotes is for.
	loadedMsg struct {
		part   part
		target schedule.Target
		seq    uint64
		apply  func(*snapshot)
		err    error
	}
	// loadedAllMsg is the answer to Reload.
	loadedAllMsg []loadedMsg
	// tickMsg is the shared 1 Hz clock tick.
	tickMsg struct{}
	// peopleDueMsg: the people and who is online may be read again.
	peopleDueMsg struct{}
)

// peopleEvery is how often, at most, a session re-reads the people and who
// is online. Every connection and disconnection changes who is online; when
// hundreds of attendees arrive in the same minute, a screen that redrew for
// each arrival would leave no time for anything else. Real time, not the
// camp's clock: it paces the machine, not the day.
const peopleEvery = time.Second

// liveLink owns the feed subscription. It is shared with the commands that
// wait on it, which run on other goroutines, hence the mutex.
type liveLink struct {
	mu     sync.Mutex
	sub    schedule.Subscription
	closed bool
	done   chan struct{}
}

func newLiveLink() *liveLink { return &liveLink{done: make(chan struct{})} }

// subscribe opens the subscription; it is closed by close or, whichever
// comes first, when ctx (the session's) ends.
func (l *liveLink) subscribe(ctx context.Context, feed schedule.Feed) tea.Cmd {
	return func() tea.Msg {
		context.AfterFunc(ctx, l.close)
		sub := feed.Subscribe()
		l.mu.Lock()
		defer l.mu.Unlock()
		if l.closed {
			sub.Close()
			return nil
		}
		l.sub = sub
		return subscribedMsg{at: time.Now()}
	}
}

// wait blocks until the feed signals (or the session ends) and hands the
// pending changes to Update. Only one wait is ever outstanding: Update
// starts the next one when it receives a changedMsg.
func (l *liveLink) wait() tea.Cmd {
	return func() tea.Msg {
		l.mu.Lock()
		sub := l.sub
		l.mu.Unlock()
		if sub == nil {
			return nil
		}
		select {
		case <-sub.Ready():
			at := time.Now()
			return changedMsg{changes: sub.Take(), at: at}
		case <-l.done:
			return nil
		}
	}
}

func (l *liveLink) close() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return
	}
	l.closed = true
	close(l.done)
	if l.sub != nil {
		l.sub.Close()
	}
}

// reader returns the read for a part as a function that runs in a command.
// It captures only immutable values, never the model. Every part but the
// viewer's own votes and notes is the same for every session, so those reads
// go through Deps.Shared and come back cleaned, sorted and shared.
func (m *Model) reader(p part, since time.Time) func(context.Context) (func(*snapshot), error) {
	d, ev, actor, sh := m.deps, m.deps.Event, m.actor, m.deps.Shared
	switch p {
	case partTalks:
		return func(ctx context.Context) (func(*snapshot), error) {
			ts, err := shareRead(ctx, sh, p, since, func(ctx context.Context) ([]schedule.Talk, error) {
				ts, err := d.Talks.Talks(ctx, schedule.TalkFilter{})
				return prepareTalks(ev, ts), err
			}, nil)
			return func(s *snapshot) { s.talks = ts }, err
		}
	case partTopics:
		return func(ctx context.Context) (func(*snapshot), error) {
			board, err := shareRead(ctx, sh, p, since, func(ctx context.Context) (*topicBoard, error) {
				ts, err := d.Topics.Topics(ctx)
				return prepareTopics(ts), err
			}, nil)
			var votes []int64
			if err == nil && actor.PersonID != 0 {
				votes, err = d.Topics.VotesOf(ctx, actor.PersonID)
			}
			return func(s *snapshot) { s.setTopics(board, votes) }, err
		}
	case partPeople:
		return func(ctx context.Context) (func(*snapshot), error) {
			ps, err := shareRead(ctx, sh, p, since, func(ctx context.Context) (peopleList, error) {
				ps, err := d.People.People(ctx)
				return preparePeople(ps), err
			}, func(a, b peopleList) bool { return reflect.DeepEqual(a.people, b.people) })
			return func(s *snapshot) { s.setPeople(ps) }, err
		}
	case partPresence:
		return func(ctx context.Context) (func(*snapshot), error) {
			online, err := shareRead(ctx, sh, p, since, func(context.Context) (map[int64]bool, error) {
				var ids []int64
				if d.Presence != nil {
					ids = d.Presence.Online()
				}
				return prepareOnline(ids), nil
			}, maps.Equal)
			return func(s *snapshot) { s.online = online }, err
		}
	case partTimers:
		return func(ctx context.Context) (func(*snapshot), error) {
			ts, err := shareRead(ctx, sh, p, since, func(ctx context.Context) ([]schedule.Timer, error) {
				return d.Timers.Timers(ctx)
			}, nil)
			return func(s *snapshot) { s.timers = ts }, err
		}
	case partAnnouncements:
		return func(ctx context.Context) (func(*snapshot), error) {
			as, err := shareRead(ctx, sh, p, since, func(ctx context.Context) ([]schedule.Announcement, error) {
				as, err := d.Announcements.Announcements(ctx, announcementsKept)
				return prepareAnnouncements(as), err
			}, nil)
			return func(s *snapshot) { s.announcements = as }, err
		}
	case partNotes:
		target := m.notes.target(m)
		return func(ctx context.Context) (func(*snapshot), error) {
			if target.ID == 0 {
				return func(s *snapshot) { s.setNotes(noteSet{}) }, nil
			}
			entries, err := d.Notes.Notes(ctx, target)
			var reports []schedule.Report
			if err == nil {
				reports, err = d.Notes.Reports(ctx, target)
			}
			return func(s *snapshot) { s.setNotes(noteSet{target, entries, reports}) }, err
		}
	}
	panic("tui: unknown part")
}

// reload re-reads the given parts in one command.
func (m *Model) reload(parts ...part) tea.Cmd {
	return m.reloadSince(time.Time{}, parts...)
}

// reloadSince re-reads parts, taking a shared read that started at since or
// later, or after the part's last change (staleAt) if that was earlier.
func (m *Model) reloadSince(since time.Time, parts ...part) tea.Cmd {
	if len(parts) == 0 {
		return nil
	}
	readers := make([]func(context.Context) (func(*snapshot), error), len(parts))
	target := m.notes.target(m)
	for i, p := range parts {
		nb := m.staleAt[p]
		if !since.IsZero() && since.Before(nb) {
			nb = since
		}
		readers[i] = m.reader(p, nb)
	}
	ctx, reads := m.ctx, &m.reads
	return func() tea.Msg {
		msgs := make(loadedAllMsg, len(parts))
		for i, p := range parts {
			seq := reads.Add(1)
			apply, err := readers[i](ctx)
			msgs[i] = loadedMsg{part: p, target: target, seq: seq, apply: apply, err: err}
		}
		return msgs
	}
}

// onChanges re-reads only the parts the changes touch, then waits again.
// The people and who is online are re-read at most every peopleEvery: a
// change to them within that time is read when the time is up.
func (m *Model) onChanges(c schedule.Changes, at time.Time) tea.Cmd {
	var stale []part
	if c.Has(schedule.ChangeExternal) {
		stale = allParts()
	} else {
		seen := map[part]bool{}
		for kind := range c {
			for _, p := range partsFor[kind] {
				if !seen[p] {
					seen[p] = true
					stale = append(stale, p)
				}
			}
		}
	}
	for _, p := range stale {
		if at.After(m.staleAt[p]) {
			m.staleAt[p] = at
		}
	}
	var later tea.Cmd
	if slices.ContainsFunc(stale, isPeoplePart) {
		wait := peopleEvery - time.Since(m.peopleReadAt)
		switch {
		case m.ticking:
			// A tick is on its way (within a second): read them then, and
			// draw the new second and the new people in one frame.
			m.peopleDue = true
			stale = slices.DeleteFunc(stale, isPeoplePart)
		case m.peopleDue || wait > 0:
			m.peopleDue = true
			stale = slices.DeleteFunc(stale, isPeoplePart)
			if !m.peopleTimer {
				m.peopleTimer = true
				later = tea.Tick(max(wait, 0), func(time.Time) tea.Msg { return peopleDueMsg{} })
			}
		default:
			m.peopleReadAt = time.Now()
		}
	}
	return tea.Batch(m.readThenWait(stale...), later)
}

// readThenWait reads parts, then waits for the next change, in one
// goroutine: a batch would keep a goroutine waiting for the wait, in every
// session, all day.
func (m *Model) readThenWait(parts ...part) tea.Cmd {
	return tea.Sequence(m.reload(parts...), m.link.wait())
}

func isPeoplePart(p part) bool { return p == partPeople || p == partPresence }

// onPeopleDue reads the people and who is online, changed since the last read.
func (m *Model) onPeopleDue() tea.Cmd {
	m.peopleTimer = false
	return m.readPeople()
}

// keepPeople makes sure people still to be read will be: on the next tick
// if one is on its way, else when peopleEvery has passed.
func (m *Model) keepPeople() tea.Cmd {
	if !m.peopleDue || m.ticking || m.peopleTimer {
		return nil
	}
	m.peopleTimer = true
	wait := max(peopleEvery-time.Since(m.peopleReadAt), 0)
	return tea.Tick(wait, func(time.Time) tea.Msg { return peopleDueMsg{} })
}

// readPeople reads the people and who is online if a change to them is
// waiting.
//
// Every session asks within the same quarter of a second after the second
// turns (see keepTicking), so they take the read that started at the turn
// of the second or later: one read a second for all of them, however many
// people come and go. A change seen after the turn is read on the next tick.
func (m *Model) readPeople() tea.Cmd {
	if !m.peopleDue {
		return nil
	}
	now := time.Now()
	second := now.Truncate(time.Second)
	m.peopleReadAt = now
	m.peopleDue = m.staleAt[partPeople].After(second) || m.staleAt[partPresence].After(second)
	return m.reloadSince(second, partPeople, partPresence)
}

func allParts() []part {
	ps := make([]part, partCount)
	for i := range ps {
		ps[i] = part(i)
	}
	return ps
}

// apply puts a read into the snapshot unless a newer read of the same part
// got there first (a read that started later has seen at least as much, so
// an older read finishing last must not undo it), then lets every view find
// its selection again by ID.
func (m *Model) apply(msg loadedMsg) tea.Cmd {
	if msg.err != nil {
		m.fail(msg.err)
		m.dataChanged = true
		return nil
	}
	if msg.seq < m.applied[msg.part] {
		return nil
	}
	if msg.part == partNotes && msg.target != m.notes.shown {
		// The notes of a talk or topic no longer selected. Reads are
		// numbered as they start, not as they are asked for, so after fast
		// cursor moves the read for a target left behind can be the newest:
		// applied, it would leave the pane waiting for notes it never asks
		// for again.
		return nil
	}
	m.applied[msg.part] = msg.seq
	before := m.data.token(msg.part)
	msg.apply(&m.data)
	if !m.data.loaded[msg.part] || m.data.token(msg.part) != before {
		m.dataChanged = true
	}
	m.data.loaded[msg.part] = true
	return m.syncSelections()
}

// countsDown reports whether anything on screen changes by itself with time.
func (m *Model) countsDown() bool {
	if m.current == viewNow {
		return true
	}
	for _, t := range m.data.timers {
		if s := t.State(m.now); s == schedule.TimerRunning || s == schedule.TimerOverrun {
			return true // the header shows the running timer on every view
		}
	}
	return false
}

// keepTicking schedules the next tick of the shared 1 Hz clock when something
// counts down and no tick is pending; an idle screen does not tick at all.
//
// The tick comes just after the second turns, by the session's own
// tickPhase: were every session to redraw at the very same instant, a
// thousand countdowns would take the machine for a moment each second, and
// whatever else happened in that moment (an announcement, a new arrival)
// would wait behind them.
func (m *Model) keepTicking() tea.Cmd {
	if m.ticking || !m.countsDown() {
		return nil
	}
	m.ticking = true
	delay := time.Second - time.Duration(m.now.Nanosecond()) + m.tickPhase
	if delay > time.Second {
		delay -= time.Second
	}
	return tea.Tick(delay, func(time.Time) tea.Msg { return tickMsg{} })
}

// tickSpread is how far after the turn of the second sessions tick: each
// picks its own point in it. A countdown is then at most this late.
const tickSpread = 250 * time.Millisecond

// onTick lets the next tick be scheduled. The clock needs no read, so a
// tick costs one frame and nothing else, unless the people changed since the
// last tick: then they are read first, and the frame waits for them.
func (m *Model) onTick() tea.Cmd {
	m.ticking = false
	cmd := m.readPeople()
	m.redrawOnLoad = cmd != nil
	return cmd
}
