package tui

import (
	"context"
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
	// subscription.
	subscribedMsg struct{}
	// changedMsg carries the changes coalesced since the last signal.
	changedMsg struct{ changes schedule.Changes }
	// loadedMsg replaces one part of the snapshot.
	loadedMsg struct {
		part  part
		seq   uint64
		apply func(*snapshot)
		err   error
	}
	// loadedAllMsg is the answer to Reload.
	loadedAllMsg []loadedMsg
	// tickMsg is the shared 1 Hz clock tick.
	tickMsg struct{}
)

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
		return subscribedMsg{}
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
			return changedMsg{changes: sub.Take()}
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
// It captures only immutable values, never the model.
func (m *Model) reader(p part) func(context.Context) (func(*snapshot), error) {
	d, ev, actor := m.deps, m.deps.Event, m.actor
	switch p {
	case partTalks:
		return func(ctx context.Context) (func(*snapshot), error) {
			ts, err := d.Talks.Talks(ctx, schedule.TalkFilter{})
			return func(s *snapshot) { s.setTalks(ev, ts) }, err
		}
	case partTopics:
		return func(ctx context.Context) (func(*snapshot), error) {
			ts, err := d.Topics.Topics(ctx)
			var votes []int64
			if err == nil && actor.PersonID != 0 {
				votes, err = d.Topics.VotesOf(ctx, actor.PersonID)
			}
			return func(s *snapshot) { s.setTopics(ts, votes) }, err
		}
	case partPeople:
		return func(ctx context.Context) (func(*snapshot), error) {
			ps, err := d.People.People(ctx)
			return func(s *snapshot) { s.setPeople(ps) }, err
		}
	case partPresence:
		return func(context.Context) (func(*snapshot), error) {
			var ids []int64
			if d.Presence != nil {
				ids = d.Presence.Online()
			}
			return func(s *snapshot) { s.setOnline(ids) }, nil
		}
	case partTimers:
		return func(ctx context.Context) (func(*snapshot), error) {
			ts, err := d.Timers.Timers(ctx)
			return func(s *snapshot) { s.timers = ts }, err
		}
	case partAnnouncements:
		return func(ctx context.Context) (func(*snapshot), error) {
			as, err := d.Announcements.Announcements(ctx, announcementsKept)
			return func(s *snapshot) { s.setAnnouncements(as) }, err
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
	if len(parts) == 0 {
		return nil
	}
	readers := make([]func(context.Context) (func(*snapshot), error), len(parts))
	for i, p := range parts {
		readers[i] = m.reader(p)
	}
	ctx, reads := m.ctx, &m.reads
	return func() tea.Msg {
		msgs := make(loadedAllMsg, len(parts))
		for i, p := range parts {
			seq := reads.Add(1)
			apply, err := readers[i](ctx)
			msgs[i] = loadedMsg{part: p, seq: seq, apply: apply, err: err}
		}
		return msgs
	}
}

// onChanges re-reads only the parts the changes touch, then waits again.
func (m *Model) onChanges(c schedule.Changes) tea.Cmd {
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
	return tea.Batch(m.reload(stale...), m.link.wait())
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
		return nil
	}
	if msg.seq < m.applied[msg.part] {
		return nil
	}
	m.applied[msg.part] = msg.seq
	msg.apply(&m.data)
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
func (m *Model) keepTicking() tea.Cmd {
	if m.ticking || !m.countsDown() {
		return nil
	}
	m.ticking = true
	delay := time.Second - time.Duration(m.now.Nanosecond())
	return tea.Tick(delay, func(time.Time) tea.Msg { return tickMsg{} })
}

// onTick re-reads presence where it is shown; the clock itself needs no read.
func (m *Model) onTick() tea.Cmd {
	m.ticking = false
	if m.current == viewNow || m.current == viewPeople {
		return m.reload(partPresence)
	}
	return nil
}
