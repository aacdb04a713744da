package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/live"
)

// Messages of the reads. Every read and write runs inside a tea.Cmd and
// comes back as a message, so Update itself never waits on I/O. The feed's
// own messages are live.Subscribed and live.Changed.
type (
	// loadedMsg is the answer to a read of some parts.
	loadedMsg []live.Load
	// tickMsg is the shared 1 Hz clock tick.
	tickMsg struct{}
	// peopleDueMsg: the people and who is online may be read again.
	peopleDueMsg struct{}
)

// source adapts the Deps to what package live reads from.
type source struct{ d Deps }

func (s source) Talks(ctx context.Context, f schedule.TalkFilter) ([]schedule.Talk, error) {
	return s.d.Talks.Talks(ctx, f)
}
func (s source) Topics(ctx context.Context) ([]schedule.Topic, error) { return s.d.Topics.Topics(ctx) }
func (s source) VotesOf(ctx context.Context, id int64) ([]int64, error) {
	return s.d.Topics.VotesOf(ctx, id)
}
func (s source) StarsOf(ctx context.Context, id int64) ([]schedule.Target, error) {
	if s.d.Stars == nil {
		return nil, nil
	}
	return s.d.Stars.StarsOf(ctx, id)
}
func (s source) People(ctx context.Context) ([]schedule.Person, error) { return s.d.People.People(ctx) }
func (s source) Timers(ctx context.Context) ([]schedule.Timer, error)  { return s.d.Timers.Timers(ctx) }
func (s source) Announcements(ctx context.Context, n int) ([]schedule.Announcement, error) {
	return s.d.Announcements.AnnouncementHistory(ctx, n)
}
func (s source) Notes(ctx context.Context, t schedule.Target) ([]schedule.NoteEntry, error) {
	return s.d.Notes.Notes(ctx, t)
}
func (s source) Reports(ctx context.Context, t schedule.Target) ([]schedule.Report, error) {
	return s.d.Notes.Reports(ctx, t)
}
func (s source) Presence(ctx context.Context) (schedule.Presence, error) {
	if s.d.Presence == nil {
		return schedule.Presence{}, nil
	}
	return s.d.Presence.Presence(ctx)
}
func (s source) Stage(ctx context.Context, a schedule.Actor) (schedule.Stage, error) {
	if s.d.Stage == nil {
		return schedule.Stage{}, nil
	}
	return s.d.Stage.Stage(ctx, a)
}

// reload re-reads the given parts in one command.
func (m *Model) reload(parts ...live.Part) tea.Cmd {
	return m.reloadSince(time.Time{}, parts...)
}

// reloadSince re-reads parts, taking a shared read that started at since or
// later, or after the part's last change if that was earlier. The command
// captures only values, never the model.
func (m *Model) reloadSince(since time.Time, parts ...live.Part) tea.Cmd {
	if len(parts) == 0 {
		return nil
	}
	notBefore := make([]time.Time, len(parts))
	for i, p := range parts {
		notBefore[i] = m.pacer.NotBefore(p, since)
	}
	ctx, pacer, reader, target := m.ctx, m.pacer, m.reader, m.notes.target()
	return func() tea.Msg {
		loads := make(loadedMsg, len(parts))
		for i, p := range parts {
			seq := pacer.NextRead()
			loads[i] = reader.Read(ctx, p, notBefore[i], target)
			loads[i].Seq = seq
		}
		return loads
	}
}

// onChanges re-reads only the parts the changes touch, then waits again.
// The people and who is online wait for the next tick, or a timer, when
// they were read less than a second ago (see live.Pacer).
func (m *Model) onChanges(c schedule.Changes, at time.Time) tea.Cmd {
	read, wait, timer := m.pacer.Changed(m.stageConcerns(c), at, m.ticking)
	var later tea.Cmd
	if timer {
		later = tea.Tick(wait, func(time.Time) tea.Msg { return peopleDueMsg{} })
	}
	return tea.Batch(m.readThenWait(read...), later)
}

// readThenWait reads parts, then waits for the next change, in one
// goroutine: a batch would keep a goroutine waiting for the wait, in every
// session, all day.
func (m *Model) readThenWait(parts ...live.Part) tea.Cmd {
	return tea.Sequence(m.reload(parts...), m.link.Wait())
}

// onPeopleDue reads the people and who is online, changed since the last read.
func (m *Model) onPeopleDue() tea.Cmd {
	m.pacer.TimerFired()
	return m.readPeople()
}

// keepPeople makes sure people still to be read will be: on the next tick
// if one is on its way, else when live.PeopleEvery has passed.
func (m *Model) keepPeople() tea.Cmd {
	wait, ok := m.pacer.PeopleTimer(m.ticking)
	if !ok {
		return nil
	}
	return tea.Tick(wait, func(time.Time) tea.Msg { return peopleDueMsg{} })
}

// readPeople reads the people and who is online if a change to them is
// waiting, taking the read that started at the turn of the second or later.
func (m *Model) readPeople() tea.Cmd {
	since, ok := m.pacer.ReadPeople()
	if !ok {
		return nil
	}
	return m.reloadSince(since, live.People, live.Presence)
}

// apply puts the reads into the snapshot, but not a read older than the one
// the snapshot shows of its part (a read that started later has seen at
// least as much, so an older read finishing last must not undo it), then
// lets every view find its selection again by ID.
func (m *Model) apply(loads loadedMsg) tea.Cmd {
	applied := false
	for _, l := range loads {
		if l.Err != nil {
			m.fail(l.Err)
			m.dataChanged = true
			continue
		}
		if l.Part == live.Notes && l.Target != m.notes.shown {
			// The notes of a talk or topic no longer selected. Reads are
			// numbered as they start, not as they are asked for, so after
			// fast cursor moves the read for a target left behind can be
			// the newest: applied, it would leave the pane waiting for
			// notes it never asks for again.
			continue
		}
		if !m.pacer.Newest(l.Part, l.Seq) {
			continue
		}
		if m.data.Apply(l) {
			m.dataChanged = true
		}
		applied = true
	}
	if !applied {
		return nil
	}
	return m.syncSelections()
}

// countsDown reports whether anything on screen changes by itself with time.
func (m *Model) countsDown() bool {
	if m.current == viewNow || m.awaitsCue() {
		return true
	}
	for _, t := range m.data.Timers {
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
	if m.sharedClock {
		m.ticking = m.countsDown() // the host's tick comes within the second
		if m.wantTicks != nil {
			m.wantTicks(m.ticking)
		}
		return nil
	}
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

// Tick is the message of a host's shared clock (Options.SharedClock).
func Tick() tea.Msg { return tickMsg{} }

// tickSpread is how far after the turn of the second sessions tick: each
// picks its own point in it. A countdown is then at most this late.
const tickSpread = 250 * time.Millisecond

// onTick lets the next tick be scheduled. The clock needs no read, so a
// tick costs one frame and nothing else, unless the people changed since the
// last tick: then they are read first, and the frame waits for them.
func (m *Model) onTick() tea.Cmd {
	m.ticking = false
	if m.sharedClock && !m.countsDown() {
		m.unchanged = true // the host's clock ticks for every session; nothing here moves
		return nil
	}
	cmd := m.readPeople()
	m.redrawOnLoad = cmd != nil
	return cmd
}
