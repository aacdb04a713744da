package linemode

import (
	"context"
	"slices"
	"time"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/schedule/sanitize"
	"github.com/lightningcamp/camp/tui/live"
)

// Source is what a Watcher reads: the camp's read services (the store).
type Source interface {
	Talks(ctx context.Context, f schedule.TalkFilter) ([]schedule.Talk, error)
	Topics(ctx context.Context) ([]schedule.Topic, error)
	VotesOf(ctx context.Context, personID int64) ([]int64, error)
	Timers(ctx context.Context) ([]schedule.Timer, error)
	Announcements(ctx context.Context, limit int) ([]schedule.Announcement, error)
}

// DefaultPoll is how often, in real time, a Watcher looks at the clock for
// what time alone brings: a block or slot starting, a countdown milestone.
const DefaultPoll = 250 * time.Millisecond

// Config is what a Watcher watches, and for whom.
type Config struct {
	Event  *schedule.Event
	Source Source
	Feed   schedule.Feed
	Clock  schedule.Clock
	Viewer schedule.Actor
	// Shared shares reads with the server's other sessions; nil reads alone.
	Shared *live.Shared
	// Poll is how often the clock is looked at; 0 means DefaultPoll.
	Poll time.Duration
}

// Watcher turns the change feed and the clock into Events for one viewer.
// It holds one feed subscription while it runs.
type Watcher struct {
	cfg    Config
	reader live.Reader
	snap   live.Snapshot

	talks     map[int64]schedule.Talk
	topics    map[int64]schedule.Topic
	timers    map[int64]schedule.Timer
	remaining map[int64]time.Duration // each running timer's remaining time at the last look
	announced map[int64]bool
	blocks    []string                // the blocks on at the last look
	slots     map[string]string       // open-space block -> the slot on at the last look
	stale     map[live.Part]time.Time // parts changed and not yet read, since when
}

// NewWatcher returns a watcher; Run starts it.
func NewWatcher(cfg Config) *Watcher {
	if cfg.Poll <= 0 {
		cfg.Poll = DefaultPoll
	}
	return &Watcher{cfg: cfg, reader: live.Reader{Event: cfg.Event, Source: liveSource{cfg.Source}, Shared: cfg.Shared, Viewer: cfg.Viewer.PersonID, Sees: schedule.ViewerOf(cfg.Viewer)}}
}

// watched are the parts of the camp a watcher follows.
var watched = []live.Part{live.Talks, live.Topics, live.Timers, live.Announcements}

// Run subscribes, tells emit what is on now (a TypeNow event), then every
// event until ctx ends. emit must not block for long: hand it an Outbox.
func (w *Watcher) Run(ctx context.Context, emit func(Event)) error {
	sub := w.cfg.Feed.Subscribe()
	defer sub.Close()
	for _, p := range watched { // after subscribing: no change falls in between
		if err := w.read(ctx, p, time.Now()); err != nil {
			return err
		}
	}
	at := w.cfg.Clock.Now()
	w.baseline(at)
	emit(w.nowEvent(at))
	tick := time.NewTicker(w.cfg.Poll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-sub.Ready():
			learnt := time.Now()
			for _, p := range live.StaleParts(sub.Take()) {
				if slices.Contains(watched, p) {
					w.stale[p] = learnt
				}
			}
			w.readStale(ctx, emit)
		case <-tick.C:
			w.readStale(ctx, emit) // a read that failed is tried again
			w.clockEvents(w.cfg.Clock.Now(), emit)
		}
		if ctx.Err() != nil {
			return nil
		}
	}
}

// readStale reads the parts known to have changed, in a fixed order (so a
// talk starts before its timer does), and says what changed. A part whose
// read fails stays stale and is read again at the next look at the clock:
// a stream that runs all day outlives a busy database.
func (w *Watcher) readStale(ctx context.Context, emit func(Event)) {
	for _, p := range watched {
		since, ok := w.stale[p]
		if !ok {
			continue
		}
		if err := w.read(ctx, p, since); err != nil {
			continue
		}
		delete(w.stale, p)
		w.changed(p, w.cfg.Clock.Now(), emit)
	}
}

func (w *Watcher) read(ctx context.Context, p live.Part, notBefore time.Time) error {
	l := w.reader.Read(ctx, p, notBefore, schedule.Target{})
	if l.Err != nil {
		return l.Err
	}
	w.snap.Apply(l)
	return nil
}

// baseline remembers the state at the start: only what changes after it
// is an event.
func (w *Watcher) baseline(at time.Time) {
	w.talks, w.topics, w.timers = byID(w.snap.Talks, talkID), byID(w.snap.Topics, topicID), byID(w.snap.Timers, timerID)
	w.remaining = map[int64]time.Duration{}
	for _, t := range w.snap.Timers {
		w.remaining[t.ID] = t.Remaining(at)
	}
	w.announced = map[int64]bool{}
	for _, a := range w.snap.Announcements {
		w.announced[a.ID] = true
	}
	w.blocks = blockIDs(w.cfg.Event.Current(at))
	w.slots = w.currentSlots(at)
	w.stale = map[live.Part]time.Time{}
}

func talkID(t schedule.Talk) int64   { return t.ID }
func topicID(t schedule.Topic) int64 { return t.ID }
func timerID(t schedule.Timer) int64 { return t.ID }

func byID[T any](xs []T, id func(T) int64) map[int64]T {
	m := make(map[int64]T, len(xs))
	for _, x := range xs {
		m[id(x)] = x
	}
	return m
}

func blockIDs(bs []schedule.Block) []string {
	ids := make([]string, len(bs))
	for i, b := range bs {
		ids[i] = b.ID
	}
	return ids
}

// changed turns a fresh read of part into events.
func (w *Watcher) changed(p live.Part, at time.Time, emit func(Event)) {
	switch p {
	case live.Talks:
		w.talksChanged(at, emit)
	case live.Topics:
		w.topicsChanged(at, emit)
	case live.Timers:
		w.timersChanged(at, emit)
	case live.Announcements:
		w.announcementsChanged(at, emit)
	}
}

// visible says whether the viewer may hear of a talk: the one visibility
// rule (schedule.Viewer), as the snapshot's reads apply it.
func (w *Watcher) visible(t schedule.Talk) bool { return w.reader.Sees.SeesTalk(t) }

var talkTypes = map[schedule.TalkStatus]string{
	schedule.TalkProposed: TypeTalkProposed, schedule.TalkApproved: TypeTalkApproved, schedule.TalkLive: TypeTalkStarted,
	schedule.TalkDone: TypeTalkFinished, schedule.TalkSkipped: TypeTalkSkipped, schedule.TalkRejected: TypeTalkRejected,
	schedule.TalkWithdrawn: TypeTalkWithdrawn,
}

func (w *Watcher) talksChanged(at time.Time, emit func(Event)) {
	now := byID(w.snap.Talks, talkID)
	for _, t := range w.snap.Talks { // queue order
		was, known := w.talks[t.ID]
		if !w.visible(t) && (!known || !w.visible(was)) {
			continue
		}
		typ := ""
		switch {
		case !known || was.Status != t.Status:
			typ = talkTypes[t.Status]
		case was.Title != t.Title || was.Minutes != t.Minutes || was.Block != t.Block || was.Position != t.Position || was.Speaker != t.Speaker:
			typ = TypeTalkChanged
		}
		if typ != "" {
			emit(Event{Type: typ, Time: stampOf(at), Talk: newTalk(t), Mine: w.mine(t.SpeakerID)})
		}
	}
	w.talks = now
}

func (w *Watcher) mine(personID int64) bool {
	return personID != 0 && personID == w.cfg.Viewer.PersonID
}

func (w *Watcher) topicsChanged(at time.Time, emit func(Event)) {
	now := byID(w.snap.Topics, topicID)
	for _, t := range w.snap.Topics {
		was, known := w.topics[t.ID]
		typ := ""
		switch {
		case !known && t.Status == schedule.TopicOpen:
			typ = TypeTopicProposed
		case t.Status == schedule.TopicPlaced && (!known || was.Status != t.Status || was.Track != t.Track || was.Slot != t.Slot):
			typ = TypeTopicPlaced
		case known && was.Status == schedule.TopicPlaced && t.Status == schedule.TopicOpen:
			typ = TypeTopicUnplaced
		case known && was.Status != t.Status && t.Status == schedule.TopicWithdrawn:
			typ = TypeTopicWithdrawn
		case known && (was.Title != t.Title || was.Votes != t.Votes || was.Leader != t.Leader):
			typ = TypeTopicChanged
		}
		if typ != "" {
			emit(Event{Type: typ, Time: stampOf(at), Topic: w.newTopic(t), Mine: w.mine(t.LeaderID) || w.snap.MyVotes[t.ID]})
		}
	}
	w.topics = now
}

func (w *Watcher) timersChanged(at time.Time, emit func(Event)) {
	now := byID(w.snap.Timers, timerID)
	for _, t := range w.snap.Timers {
		was, known := w.timers[t.ID]
		typ := ""
		switch {
		case !known:
			typ = TypeTimerStarted
			// Counted from its start, not from now: a milestone it has
			// passed by the time this read lands (the clock moves on while
			// the talks are read first) is still said, once.
			w.remaining[t.ID] = t.Duration
		case was.PausedAt.IsZero() && !t.PausedAt.IsZero():
			typ = TypeTimerPaused
		case !was.PausedAt.IsZero() && t.PausedAt.IsZero():
			typ = TypeTimerResumed
			w.remaining[t.ID] = t.Remaining(at)
		case t.Duration > was.Duration:
			typ = TypeTimerExtended
			w.remaining[t.ID] = t.Remaining(at)
		}
		if typ != "" {
			speaker, mine := w.timedTalk(t)
			emit(Event{Type: typ, Time: stampOf(at), Timer: newTimer(t, at, speaker), Mine: mine})
		}
	}
	for id, t := range w.timers { // Timers lists only the timers not stopped
		if _, ok := now[id]; !ok {
			delete(w.remaining, id)
			speaker, mine := w.timedTalk(t)
			stopped := newTimer(t, at, speaker)
			stopped.State = string(schedule.TimerStopped)
			emit(Event{Type: TypeTimerStopped, Time: stampOf(at), Timer: stopped, Mine: mine})
		}
	}
	w.timers = now
}

// timedTalk is the speaker of the talk a timer times, and whether the talk
// is the viewer's.
func (w *Watcher) timedTalk(t schedule.Timer) (string, bool) {
	for _, talk := range w.snap.Talks {
		if live.TalkRef(talk.ID) == t.Ref {
			return talk.Speaker, w.mine(talk.SpeakerID)
		}
	}
	return "", false
}

func (w *Watcher) announcementsChanged(at time.Time, emit func(Event)) {
	as := w.snap.Announcements // newest first
	for i := len(as) - 1; i >= 0; i-- {
		a := as[i]
		if w.announced[a.ID] {
			continue
		}
		w.announced[a.ID] = true
		emit(Event{Type: TypeAnnouncement, Time: stampOf(at), Announcement: newAnnouncement(a)})
	}
}

// clockEvents are what the passing of time alone brings.
func (w *Watcher) clockEvents(at time.Time, emit func(Event)) {
	ev := w.cfg.Event
	current := ev.Current(at)
	ids := blockIDs(current)
	for _, id := range w.blocks {
		if !slices.Contains(ids, id) {
			if b, ok := ev.Block(id); ok {
				emit(Event{Type: TypeBlockEnded, Time: stampOf(at), Block: newBlock(ev, b)})
			}
		}
	}
	for _, b := range current {
		if !slices.Contains(w.blocks, b.ID) {
			emit(Event{Type: TypeBlockStarted, Time: stampOf(at), Block: newBlock(ev, b)})
		}
	}
	w.blocks = ids
	slots := w.currentSlots(at)
	for _, b := range current {
		if id, ok := slots[b.ID]; ok && w.slots[b.ID] != id {
			if s, ok := ev.Slot(id); ok {
				emit(Event{Type: TypeSlotStarted, Time: stampOf(at), Slot: w.newSlot(s)})
			}
		}
	}
	w.slots = slots
	w.milestones(at, emit)
}

func (w *Watcher) currentSlots(at time.Time) map[string]string {
	slots := map[string]string{}
	for _, b := range w.cfg.Event.Current(at) {
		for _, s := range b.Slots() {
			if !at.Before(s.Start) && at.Before(s.End) {
				slots[b.ID] = s.ID()
			}
		}
	}
	return slots
}

// milestones speaks the countdowns: half time, one minute left, thirty
// seconds, time up, and each whole minute over time. When a look finds
// several passed at once (a paused clock moved on), only the latest is said.
func (w *Watcher) milestones(at time.Time, emit func(Event)) {
	for _, t := range w.snap.Timers {
		if t.State(at) == schedule.TimerPaused || !t.StoppedAt.IsZero() {
			continue
		}
		now := t.Remaining(at)
		was, ok := w.remaining[t.ID]
		w.remaining[t.ID] = now
		if !ok || now >= was {
			continue
		}
		if typ := milestone(t.Duration, was, now); typ != "" {
			speaker, mine := w.timedTalk(t)
			emit(Event{Type: typ, Time: stampOf(at), Timer: newTimer(t, at, speaker), Mine: mine})
		}
	}
}

// milestone is the latest milestone passed as the remaining time went from
// was down to now, or "".
func milestone(total, was, now time.Duration) string {
	if now <= -time.Minute {
		over, before := -now/time.Minute, time.Duration(0)
		if was < 0 {
			before = -was / time.Minute
		}
		if over > before {
			return TypeOverTime
		}
		return ""
	}
	marks := []struct {
		at  time.Duration
		typ string
		ok  bool
	}{
		{0, TypeTimeUp, true},
		{30 * time.Second, TypeThirtySeconds, total > 30*time.Second},
		{time.Minute, TypeOneMinute, total > time.Minute},
		{total / 2, TypeHalfTime, total >= 3*time.Minute},
	}
	for _, m := range marks { // the latest first
		if m.ok && was > m.at && now <= m.at {
			return m.typ
		}
	}
	return ""
}

// nowEvent is the state of the day at the start.
func (w *Watcher) nowEvent(at time.Time) Event {
	ev := w.cfg.Event
	n := &Now{Blocks: []Block{}}
	for _, b := range ev.Current(at) {
		n.Blocks = append(n.Blocks, *newBlock(ev, b))
	}
	if b, ok := ev.Next(at); ok {
		n.Next = newBlock(ev, b)
	}
	if t, ok := w.snap.LiveTalk(); ok {
		n.LiveTalk = newTalk(t)
		if tm, ok := w.snap.TimerFor(live.TalkRef(t.ID)); ok {
			n.Timer = newTimer(tm, at, t.Speaker)
		}
	}
	if len(w.snap.Announcements) > 0 {
		n.Announcement = newAnnouncement(w.snap.Announcements[0])
	}
	return Event{Type: TypeNow, Time: stampOf(at), Now: n}
}

func line(s string) string { return sanitize.Line(s, 0) }

func newBlock(ev *schedule.Event, b schedule.Block) *Block {
	out := &Block{ID: b.ID, Title: line(b.Title), Kind: string(b.Kind), Start: stampOf(b.Start), End: stampOf(b.End), Room: b.Room}
	if r, ok := ev.Room(b.Room); ok {
		out.RoomName = line(r.Name)
	}
	return out
}

func newTalk(t schedule.Talk) *Talk {
	return &Talk{ID: t.ID, Title: line(t.Title), Speaker: line(t.Speaker), Minutes: t.Minutes, Block: t.Block,
		Position: t.Position, Status: string(t.Status), StartedAt: stampOf(t.StartedAt), FinishedAt: stampOf(t.FinishedAt)}
}

func (w *Watcher) newTopic(t schedule.Topic) *Topic {
	out := &Topic{ID: t.ID, Title: line(t.Title), Leader: line(t.Leader), Votes: t.Votes, Status: string(t.Status), Track: t.Track, Slot: t.Slot}
	ev := w.cfg.Event
	if tr, ok := ev.Track(t.Track); ok && t.Status == schedule.TopicPlaced {
		out.Room, out.JoinLink = tr.Room, ev.JoinLink(tr.Room)
		if r, ok := ev.Room(tr.Room); ok {
			out.RoomName = line(r.Name)
		}
		if s, ok := ev.Slot(t.Slot); ok {
			out.Start = stampOf(s.Start)
		}
	}
	return out
}

// newSlot is a slot with the topic placed in each of its rooms.
func (w *Watcher) newSlot(s schedule.Slot) *Slot {
	return &Slot{ID: s.ID(), Block: s.Block, Index: s.Index, Start: stampOf(s.Start), End: stampOf(s.End), Rooms: SlotRooms(w.cfg.Event, s, w.snap.Topics)}
}

// SlotRooms lists the rooms of slot s in track order, each with the topic
// placed there (if any) and where people join it.
func SlotRooms(ev *schedule.Event, s schedule.Slot, topics []schedule.Topic) []Room {
	rooms := []Room{}
	for _, tr := range ev.Tracks {
		r := Room{Track: tr.ID, Room: tr.Room, JoinLink: ev.JoinLink(tr.Room)}
		if room, ok := ev.Room(tr.Room); ok {
			r.RoomName = line(room.Name)
		}
		for _, t := range topics {
			if t.Status == schedule.TopicPlaced && t.Track == tr.ID && t.Slot == s.ID() {
				r.TopicID, r.Topic, r.Leader = t.ID, line(t.Title), line(t.Leader)
			}
		}
		rooms = append(rooms, r)
	}
	return rooms
}

func newAnnouncement(a schedule.Announcement) *Announcement {
	return &Announcement{ID: a.ID, Author: line(a.Author), Text: sanitize.Multiline(a.Text, 0), CreatedAt: stampOf(a.CreatedAt)}
}

// liveSource is a Source as the live package reads it: the parts a watcher
// does not follow read as empty.
type liveSource struct{ Source }

func (liveSource) People(context.Context) ([]schedule.Person, error) { return nil, nil }
func (liveSource) Presence(context.Context) (schedule.Presence, error) {
	return schedule.Presence{}, nil
}
func (liveSource) Stage(context.Context, schedule.Actor) (schedule.Stage, error) {
	return schedule.Stage{}, nil
}
func (liveSource) Notes(context.Context, schedule.Target) ([]schedule.NoteEntry, error) {
	return nil, nil
}
func (liveSource) Reports(context.Context, schedule.Target) ([]schedule.Report, error) {
	return nil, nil
}
