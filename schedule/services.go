package schedule

import (
	"context"
	"slices"
	"time"
)

// Actor is who is doing something: the person behind an authenticated key,
// with the role that key gives. Guests have no person (ID 0). A key the camp
// has not met yet has no person either, until it joins: it carries its
// Fingerprint, so that joining can create the person (nothing is written
// for a key before it joins).
type Actor struct {
	PersonID    int64
	Role        Role
	Fingerprint string // the authenticated key; needed only before joining
}

// IsGuest reports whether the actor has no key: they may only look.
func (a Actor) IsGuest() bool {
	return a.Role == RoleGuest || (a.PersonID == 0 && a.Fingerprint == "")
}

// Guest is the read-only actor of a session without a key.
var Guest = Actor{Role: RoleGuest}

// JoinRequest is what a new person gives before they can write anything.
type JoinRequest struct {
	Name      string
	TZ        string // IANA zone; empty means the event's
	AcceptCoC bool
}

// Moderation changes a person's standing; nil fields are left as they are.
type Moderation struct {
	Muted  *bool
	Banned *bool
}

// PersonService knows the people of the camp. Identity is the SSH key.
type PersonService interface {
	// Login finds the person with this key fingerprint. The role is
	// recomputed every time from whether the key is an organiser's. A key
	// the camp has not met is not stored until it joins: Login returns a
	// person without an ID (organisers' keys are stored at once).
	Login(ctx context.Context, fingerprint string, organiser bool) (Person, error)
	Join(ctx context.Context, a Actor, j JoinRequest) (Person, error)
	Rename(ctx context.Context, a Actor, name string) (Person, error)
	SetZone(ctx context.Context, a Actor, tz string) (Person, error)
	Moderate(ctx context.Context, a Actor, personID int64, m Moderation) (Person, error)
	Person(ctx context.Context, id int64) (Person, error)
	People(ctx context.Context) ([]Person, error)
}

// TalkProposal is what a speaker writes about their lightning talk.
type TalkProposal struct {
	Title    string
	Abstract string
	Minutes  int      // 0: the event's default length
	Links    []string // e.g. the project's repository
	Tools    []string // known compiler tools (Event.Talks.Tools)
	Tags     []string // free tags
	CanMake  []string // talks blocks the speaker can attend; empty: any
	// Force proposes it even when its title is very close to one of the
	// speaker's own talks (see Duplicate); edits ignore it.
	Force bool
}

// TalkFilter selects talks; zero values select everything.
type TalkFilter struct {
	Block     string
	SpeakerID int64
	Status    []TalkStatus
}

// Matches reports whether t is selected by the filter.
func (f TalkFilter) Matches(t Talk) bool {
	if (f.Block != "" && t.Block != f.Block) || (f.SpeakerID != 0 && t.SpeakerID != f.SpeakerID) {
		return false
	}
	return len(f.Status) == 0 || slices.Contains(f.Status, t.Status)
}

// TalkService holds lightning talks and their queues.
type TalkService interface {
	ProposeTalk(ctx context.Context, a Actor, p TalkProposal) (Talk, error)
	EditTalk(ctx context.Context, a Actor, id int64, p TalkProposal) (Talk, error)
	// ActOnTalk applies one step of the talk state machine. Starting a talk
	// also starts its timer.
	ActOnTalk(ctx context.Context, a Actor, id int64, act TalkAction) (Talk, error)
	// UndoTalk takes back a step taken less than UndoWindow ago, if it is
	// still the last thing that happened to the talk.
	UndoTalk(ctx context.Context, a Actor, id int64, u TalkUndo) (Talk, error)
	// MoveTalk puts a talk at position (from 1) of its block's queue.
	MoveTalk(ctx context.Context, a Actor, id int64, position int) (Talk, error)
	// RescheduleTalk moves a talk to the end of another talks block's queue.
	RescheduleTalk(ctx context.Context, a Actor, id int64, block string) (Talk, error)
	// MoveTalkToEvent hands a talk on to another camp of the series.
	MoveTalkToEvent(ctx context.Context, a Actor, id int64, slug string) (Talk, error)
	Talk(ctx context.Context, id int64) (Talk, error)
	Talks(ctx context.Context, f TalkFilter) ([]Talk, error)
}

// TopicProposal is an open-space topic as its leader writes it.
type TopicProposal struct {
	Title       string
	Description string
	Tags        []string
	// Force proposes it even when its title is very close to an existing
	// topic (see Duplicate); edits ignore it.
	Force bool
}

// TopicService holds open-space topics, dot-votes and the board.
type TopicService interface {
	ProposeTopic(ctx context.Context, a Actor, p TopicProposal) (Topic, error)
	EditTopic(ctx context.Context, a Actor, id int64, p TopicProposal) (Topic, error)
	WithdrawTopic(ctx context.Context, a Actor, id int64) (Topic, error)
	// Vote spends (on) or takes back (!on) the actor's dot on a topic.
	Vote(ctx context.Context, a Actor, id int64, on bool) (Topic, error)
	PlaceTopic(ctx context.Context, a Actor, id int64, track, slot string) (Topic, error)
	UnplaceTopic(ctx context.Context, a Actor, id int64) (Topic, error)
	Topic(ctx context.Context, id int64) (Topic, error)
	Topics(ctx context.Context) ([]Topic, error)
	// VotesOf lists the topics a person has put a dot on.
	VotesOf(ctx context.Context, personID int64) ([]int64, error)
	// ChangeTopic changes only the fields the change sets (leaders their
	// own topics, organisers any: e.g. tags for a reserved track).
	ChangeTopic(ctx context.Context, a Actor, id int64, ch TopicChange) (Topic, error)
}

// ReportInput is an experience report as its author writes it.
type ReportInput struct {
	Project     string
	ProjectURL  string
	Tool        string
	ToolVersion string
	Outcome     Outcome
	Speedup     float64
	Learnt      string
}

// NoteService holds the notes and experience reports of talks and topics.
type NoteService interface {
	AddNote(ctx context.Context, a Actor, t Target, text string) (NoteEntry, error)
	// EditNote replaces the text of an entry. base is the revision the
	// editor started from: if the entry has moved on, the edit is refused
	// with a *StaleEdit carrying the current entry, and nothing is written.
	EditNote(ctx context.Context, a Actor, id int64, base int, text string) (NoteEntry, error)
	HideNote(ctx context.Context, a Actor, id int64, hidden bool) (NoteEntry, error)
	// SetNotePrivate keeps a note out of the export (private) or lets it be
	// published; its author's choice (organisers may too).
	SetNotePrivate(ctx context.Context, a Actor, id int64, private bool) (NoteEntry, error)
	Notes(ctx context.Context, t Target) ([]NoteEntry, error)
	NoteHistory(ctx context.Context, id int64) ([]NoteRevision, error)
	AddReport(ctx context.Context, a Actor, t Target, r ReportInput) (Report, error)
	Reports(ctx context.Context, t Target) ([]Report, error)
}

// NoteRevision is an earlier text of a note entry.
type NoteRevision struct {
	Revision int       `json:"revision"`
	Text     string    `json:"text"`
	EditedAt time.Time `json:"edited_at"`
}

// TimerSpec describes a timer to start.
type TimerSpec struct {
	Kind     TimerKind
	Label    string
	Ref      string
	Duration time.Duration
}

// TimerService holds the server-authoritative timers.
type TimerService interface {
	StartTimer(ctx context.Context, a Actor, s TimerSpec) (Timer, error)
	PauseTimer(ctx context.Context, a Actor, id int64) (Timer, error)
	ResumeTimer(ctx context.Context, a Actor, id int64) (Timer, error)
	ExtendTimer(ctx context.Context, a Actor, id int64, d time.Duration) (Timer, error)
	StopTimer(ctx context.Context, a Actor, id int64) (Timer, error)
	// Timers lists the timers that are not stopped, newest first.
	Timers(ctx context.Context) ([]Timer, error)
}

// AnnouncementService holds the organisers' announcements.
type AnnouncementService interface {
	// Announce broadcasts until the end of the block under way.
	Announce(ctx context.Context, a Actor, text string) (Announcement, error)
	// AnnounceUntil broadcasts until expires (zero: as Announce;
	// UntilCleared: until an organiser clears it).
	AnnounceUntil(ctx context.Context, a Actor, text string, expires time.Time) (Announcement, error)
	// EditAnnouncement changes the text and, unless expires is zero, the
	// expiry.
	EditAnnouncement(ctx context.Context, a Actor, id int64, text string, expires time.Time) (Announcement, error)
	// ClearAnnouncement takes an announcement down, or (false) puts it back.
	ClearAnnouncement(ctx context.Context, a Actor, id int64, cleared bool) (Announcement, error)
	// Announcements lists those shown now (not cleared or expired), newest first.
	Announcements(ctx context.Context, limit int) ([]Announcement, error)
	// AnnouncementHistory lists all of the latest, shown or not, newest first.
	AnnouncementHistory(ctx context.Context, limit int) ([]Announcement, error)
}

// ChangeKind names what changed.
type ChangeKind string

const (
	ChangePeople        ChangeKind = "people"
	ChangeTalks         ChangeKind = "talks"
	ChangeTopics        ChangeKind = "topics"
	ChangeNotes         ChangeKind = "notes"
	ChangeTimers        ChangeKind = "timers"
	ChangeAnnouncements ChangeKind = "announcements"
	ChangeStars         ChangeKind = "stars"    // someone's personal agenda; IDs: the person
	ChangeExternal      ChangeKind = "external" // another process changed the database
	// ChangePresence: who is connected, or in which breakout room, changed
	// (IDs: the people), not the people themselves. A crowd arriving is a
	// stream of these; screens re-read only who is online, not everyone.
	ChangePresence ChangeKind = "presence"
)

// Change is published after a commit: what kind of thing changed, and which.
type Change struct {
	Kind ChangeKind
	IDs  []int64
}

// Changes is a coalesced set of changes: at most one entry per kind.
type Changes map[ChangeKind][]int64

// Has reports whether any of kinds changed (or the database changed from
// outside, which may be anything).
func (c Changes) Has(kinds ...ChangeKind) bool {
	if _, ok := c[ChangeExternal]; ok {
		return true
	}
	for _, k := range kinds {
		if _, ok := c[k]; ok {
			return true
		}
	}
	return false
}

// Subscription receives coalesced changes. A slow reader never blocks a
// writer: changes pile up into one pending set, and Ready is signalled once.
type Subscription interface {
	// Ready is signalled when changes are pending.
	Ready() <-chan struct{}
	// Take returns the pending changes and clears them.
	Take() Changes
	// Close ends the subscription; the program must call it when its session ends.
	Close()
}

// Feed publishes changes to subscribers.
type Feed interface {
	Subscribe() Subscription
}

// StarService keeps each person's personal agenda: the talks and topics
// they starred, in this camp.
type StarService interface {
	// Star adds (on) or removes (!on) a talk or topic from the actor's
	// agenda. Starring twice, or removing what is not starred, is no error.
	Star(ctx context.Context, a Actor, t Target, on bool) error
	// StarsOf lists a person's starred talks and topics, oldest star first.
	StarsOf(ctx context.Context, personID int64) ([]Target, error)
}

// GuideService reads what the compiler-tool guide is made of.
type GuideService interface {
	// SeriesReports lists the visible experience reports of every camp of
	// this camp's series in the database, oldest first.
	SeriesReports(ctx context.Context) ([]SeriesReport, error)
}
