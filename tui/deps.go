package tui

import (
	"context"
	"time"

	"github.com/charmbracelet/colorprofile"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/live"
)

// The interfaces below are the parts of the schedule services the views use.
// They are declared here, not taken whole from schedule, so that a test fake
// (or a read-only deployment) only has to provide what is really called, and
// so that package tui never needs to know about package store.

// People lists and moderates the people of the camp.
type People interface {
	People(ctx context.Context) ([]schedule.Person, error)
	Rename(ctx context.Context, a schedule.Actor, name string) (schedule.Person, error)
	SetZone(ctx context.Context, a schedule.Actor, tz string) (schedule.Person, error)
	Moderate(ctx context.Context, a schedule.Actor, personID int64, m schedule.Moderation) (schedule.Person, error)
}

// Talks reads and changes lightning talks and their queues.
type Talks interface {
	ProposeTalk(ctx context.Context, a schedule.Actor, p schedule.TalkProposal) (schedule.Talk, error)
	EditTalk(ctx context.Context, a schedule.Actor, id int64, p schedule.TalkProposal) (schedule.Talk, error)
	ActOnTalk(ctx context.Context, a schedule.Actor, id int64, act schedule.TalkAction) (schedule.Talk, error)
	UndoTalk(ctx context.Context, a schedule.Actor, id int64, u schedule.TalkUndo) (schedule.Talk, error)
	MoveTalk(ctx context.Context, a schedule.Actor, id int64, position int) (schedule.Talk, error)
	RescheduleTalk(ctx context.Context, a schedule.Actor, id int64, block string) (schedule.Talk, error)
	MoveTalkToEvent(ctx context.Context, a schedule.Actor, id int64, slug string) (schedule.Talk, error)
	Talks(ctx context.Context, f schedule.TalkFilter) ([]schedule.Talk, error)
}

// Topics reads and changes open-space topics, votes and the board.
type Topics interface {
	ProposeTopic(ctx context.Context, a schedule.Actor, p schedule.TopicProposal) (schedule.Topic, error)
	Vote(ctx context.Context, a schedule.Actor, id int64, on bool) (schedule.Topic, error)
	PlaceTopic(ctx context.Context, a schedule.Actor, id int64, track, slot string) (schedule.Topic, error)
	UnplaceTopic(ctx context.Context, a schedule.Actor, id int64) (schedule.Topic, error)
	Topics(ctx context.Context) ([]schedule.Topic, error)
	VotesOf(ctx context.Context, personID int64) ([]int64, error)
	ChangeTopic(ctx context.Context, a schedule.Actor, id int64, ch schedule.TopicChange) (schedule.Topic, error)
}

// Notes reads and writes the notes and experience reports of a talk or topic.
type Notes interface {
	AddNote(ctx context.Context, a schedule.Actor, t schedule.Target, text string) (schedule.NoteEntry, error)
	EditNote(ctx context.Context, a schedule.Actor, id int64, base int, text string) (schedule.NoteEntry, error)
	HideNote(ctx context.Context, a schedule.Actor, id int64, hidden bool) (schedule.NoteEntry, error)
	SetNotePrivate(ctx context.Context, a schedule.Actor, id int64, private bool) (schedule.NoteEntry, error)
	Notes(ctx context.Context, t schedule.Target) ([]schedule.NoteEntry, error)
	AddReport(ctx context.Context, a schedule.Actor, t schedule.Target, r schedule.ReportInput) (schedule.Report, error)
	Reports(ctx context.Context, t schedule.Target) ([]schedule.Report, error)
}

// Timers reads the running timers and starts, extends, pauses, resumes or
// stops one.
type Timers interface {
	StartTimer(ctx context.Context, a schedule.Actor, s schedule.TimerSpec) (schedule.Timer, error)
	ExtendTimer(ctx context.Context, a schedule.Actor, id int64, d time.Duration) (schedule.Timer, error)
	PauseTimer(ctx context.Context, a schedule.Actor, id int64) (schedule.Timer, error)
	ResumeTimer(ctx context.Context, a schedule.Actor, id int64) (schedule.Timer, error)
	StopTimer(ctx context.Context, a schedule.Actor, id int64) (schedule.Timer, error)
	Timers(ctx context.Context) ([]schedule.Timer, error)
}

// Announcements reads and broadcasts the organisers' announcements.
type Announcements interface {
	AnnounceUntil(ctx context.Context, a schedule.Actor, text string, expires time.Time) (schedule.Announcement, error)
	EditAnnouncement(ctx context.Context, a schedule.Actor, id int64, text string, expires time.Time) (schedule.Announcement, error)
	ClearAnnouncement(ctx context.Context, a schedule.Actor, id int64, cleared bool) (schedule.Announcement, error)
	// AnnouncementHistory is read, cleared and expired ones too: the banner
	// hides them by the session's clock, the Announce view lists them all.
	AnnouncementHistory(ctx context.Context, limit int) ([]schedule.Announcement, error)
}

// Guide reads the experience reports of the whole series, for the
// compiler-tool guide.
type Guide interface {
	SeriesReports(ctx context.Context) ([]schedule.SeriesReport, error)
}

// Stars keeps the viewer's personal agenda: the talks and topics they
// starred.
type Stars interface {
	Star(ctx context.Context, a schedule.Actor, t schedule.Target, on bool) error
	StarsOf(ctx context.Context, personID int64) ([]schedule.Target, error)
}

// Presence says who is connected right now (people with a terminal
// session open in any process on the database) and who is in which
// breakout room. When it changes, a schedule.ChangePresence is published on
// the Feed: that is when open screens re-read it (at most about once a
// second each, so a crowd arriving at once does not make every screen
// redraw for every arrival).
type Presence interface {
	Presence(ctx context.Context) (schedule.Presence, error)
}

// Stage is the live talk's back channel and room presence: what the
// speaker view, the cues and the board's "I'm here" key use.
type Stage interface {
	Stage(ctx context.Context, a schedule.Actor) (schedule.Stage, error)
	SetRoom(ctx context.Context, a schedule.Actor, track string) (schedule.Here, error)
	Ask(ctx context.Context, a schedule.Actor, text string) (schedule.Question, error)
	PickQuestion(ctx context.Context, a schedule.Actor, id int64) (schedule.Question, error)
	Cue(ctx context.Context, a schedule.Actor, text string) (schedule.SpeakerCue, error)
}

// Deps is the outside world a Model reads and writes. Every field except
// Presence, ConnectHint and Shared is required.
type Deps struct {
	Event         *schedule.Event
	Clock         schedule.Clock // the only source of time, so rehearsals can move it
	People        People
	Talks         Talks
	Topics        Topics
	Notes         Notes
	Timers        Timers
	Announcements Announcements
	Feed          schedule.Feed
	Presence      Presence // nil: nobody is shown as online
	Stage         Stage    // nil: no cues, questions or room presence
	ConnectHint   string   // shown in the status bar, e.g. "attendees: ssh -p 2222 127.0.0.1"
	// ServesOthers says that quitting this session stops the SSH server
	// the others are connected to (the organiser's console): it asks first.
	ServesOthers bool
	// Rehearsal, if set, is shown on every screen ("REHEARSAL", "DEMO"):
	// the clock is moved and the database is not the real day's.
	Rehearsal string
	// Shared, if set, lets the sessions given the same one share their
	// reads (see live.Shared); a server with many sessions sets it. nil:
	// each session reads on its own.
	Shared *live.Shared
	// Guide reads the series' experience reports for the Notes view's
	// compiler-tool guide, and Stars keeps the viewer's agenda. nil: taken
	// from Notes and Topics when they provide them (the store does), else
	// there is no guide and no starring.
	Guide Guide
	Stars Stars
}

// Options are what differs from one session to the next.
type Options struct {
	// Zone is the viewer's own zone, shown next to the event's display zones.
	// nil means the event's home zone.
	Zone *time.Location
	// Width and Height are the terminal size until the first
	// tea.WindowSizeMsg arrives (default 80x24).
	Width, Height int
	// DarkBackground picks the palette until the terminal answers a
	// background-colour query (tea.BackgroundColorMsg).
	DarkBackground bool
	// Profile is the session's colour profile. The program downsamples
	// colours itself (and NO_COLOR gives colorprofile.ASCII); the model uses
	// the profile to pick the Markdown style, so colourless terminals get the
	// plain one. Unknown (the zero value) waits for tea.ColorProfileMsg.
	Profile colorprofile.Profile
	// MarkdownStyle forces a glamour standard style ("ascii", "notty",
	// "dark", "light"); empty chooses from Profile and the background.
	MarkdownStyle string
	// Keys is the key map; nil means DefaultKeyMap().
	Keys *KeyMap
	// Context bounds every read and write the model makes; nil means
	// context.Background(). Cancel it when the session ends.
	Context context.Context
	// SharedClock says the host sends the model Tick() once a second, as
	// one clock for all its sessions, so the model schedules no tick of its
	// own (a waiting command is a goroutine and a timer per session). Ticks
	// while nothing counts down cost nothing: they draw no frame.
	SharedClock bool
	// WantTicks, with SharedClock, is told after every update whether the
	// model wants ticks (something on its screen counts down), so a host
	// can leave screens that have nothing to count alone.
	WantTicks func(bool)
}
