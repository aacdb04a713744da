// Package linemode speaks the day as lines: for screen readers (`ssh -t
// HOST plain`, TERM=dumb, `camp --plain`) and for programs (`ssh HOST
// follow`, `follow --json`). A Watcher turns the change feed and the clock
// into Events (a talk started, one minute left, an announcement ...); an
// Outbox holds them for one client, which may read slowly without holding
// up anyone; Text says an event as one line in the viewer's zone; Session is
// the line-mode conversation: events as lines, and a prompt that runs the
// command tree.
//
// It imports only schedule, schedule/sanitize and tui/live: the commands
// and the server hand it what it needs as functions.
package linemode

import (
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// The event types. They are a contract (docs/JSON.md, docs/follow.schema.json).
const (
	TypeNow            = "now"
	TypeBlockStarted   = "block.started"
	TypeBlockEnded     = "block.ended"
	TypeSlotStarted    = "slot.started"
	TypeTalkProposed   = "talk.proposed"
	TypeTalkApproved   = "talk.approved"
	TypeTalkStarted    = "talk.started"
	TypeTalkFinished   = "talk.finished"
	TypeTalkSkipped    = "talk.skipped"
	TypeTalkRejected   = "talk.rejected"
	TypeTalkWithdrawn  = "talk.withdrawn"
	TypeTalkChanged    = "talk.changed"
	TypeTopicProposed  = "topic.proposed"
	TypeTopicPlaced    = "topic.placed"
	TypeTopicUnplaced  = "topic.unplaced"
	TypeTopicWithdrawn = "topic.withdrawn"
	TypeTopicChanged   = "topic.changed"
	TypeAnnouncement   = "announcement"
	TypeTimerStarted   = "timer.started"
	TypeTimerPaused    = "timer.paused"
	TypeTimerResumed   = "timer.resumed"
	TypeTimerExtended  = "timer.extended"
	TypeTimerStopped   = "timer.stopped"
	TypeHalfTime       = "timer.half_time"
	TypeOneMinute      = "timer.one_minute_left"
	TypeThirtySeconds  = "timer.thirty_seconds_left"
	TypeTimeUp         = "timer.time_up"
	TypeOverTime       = "timer.over_time"
	TypeGap            = "gap"
)

// Event is one thing that happened, as `follow --json` prints it: a type,
// the UTC time (on the camp's clock) and the object that changed, under a
// key named for its kind. Exactly one object is set.
type Event struct {
	Type         string        `json:"type"`
	Time         Stamp         `json:"time"`
	Now          *Now          `json:"now,omitempty"`
	Block        *Block        `json:"block,omitempty"`
	Slot         *Slot         `json:"slot,omitempty"`
	Talk         *Talk         `json:"talk,omitempty"`
	Topic        *Topic        `json:"topic,omitempty"`
	Announcement *Announcement `json:"announcement,omitempty"`
	Timer        *Timer        `json:"timer,omitempty"`
	Gap          *Gap          `json:"gap,omitempty"`

	// Mine says the event concerns the viewer: their talk, their topic or
	// one they voted for. Text adds a cue; JSON leaves it out.
	Mine bool `json:"-"`
}

// Stamp is an instant: RFC 3339 in UTC to the second.
type Stamp time.Time

func (s Stamp) MarshalJSON() ([]byte, error) {
	t := time.Time(s)
	if t.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + t.UTC().Truncate(time.Second).Format(time.RFC3339) + `"`), nil
}

// Now is the state of the day when a client starts following.
type Now struct {
	Blocks       []Block       `json:"blocks"`
	LiveTalk     *Talk         `json:"live_talk"`
	Timer        *Timer        `json:"timer"` // the live talk's
	Next         *Block        `json:"next"`
	Announcement *Announcement `json:"announcement"` // the latest
}

// Block is a block of the day.
type Block struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Kind     string `json:"kind"`
	Start    Stamp  `json:"start"`
	End      Stamp  `json:"end"`
	Room     string `json:"room"`
	RoomName string `json:"room_name"`
}

// Slot is a slot of an open-space block, with what is on in each room.
type Slot struct {
	ID    string `json:"id"`
	Block string `json:"block"`
	Index int    `json:"index"`
	Start Stamp  `json:"start"`
	End   Stamp  `json:"end"`
	Rooms []Room `json:"rooms"`
}

// Room is a breakout room in a slot and the topic held there, if any.
type Room struct {
	Track    string `json:"track"`
	Room     string `json:"room"`
	RoomName string `json:"room_name"`
	JoinLink string `json:"join_link"`
	TopicID  int64  `json:"topic_id"` // 0: no topic
	Topic    string `json:"topic"`
	Leader   string `json:"leader"`
}

// Talk is a lightning talk.
type Talk struct {
	ID         int64  `json:"id"`
	Title      string `json:"title"`
	Speaker    string `json:"speaker"`
	Minutes    int    `json:"minutes"`
	Block      string `json:"block"`
	Position   int    `json:"position"`
	Status     string `json:"status"`
	StartedAt  Stamp  `json:"started_at"`
	FinishedAt Stamp  `json:"finished_at"`
}

// Topic is an open-space topic; placed topics say where.
type Topic struct {
	ID       int64  `json:"id"`
	Title    string `json:"title"`
	Leader   string `json:"leader"`
	Votes    int    `json:"votes"`
	Status   string `json:"status"`
	Track    string `json:"track"`
	Slot     string `json:"slot"`
	Room     string `json:"room"`
	RoomName string `json:"room_name"`
	JoinLink string `json:"join_link"`
	Start    Stamp  `json:"start"` // the slot's
}

// Announcement is a message from the organisers.
type Announcement struct {
	ID        int64  `json:"id"`
	Author    string `json:"author"`
	Text      string `json:"text"`
	CreatedAt Stamp  `json:"created_at"`
}

// Timer is a server timer at the moment of the event.
type Timer struct {
	ID               int64  `json:"id"`
	Kind             string `json:"kind"`
	Label            string `json:"label"`
	Ref              string `json:"ref"`
	State            string `json:"state"`
	DurationSeconds  int64  `json:"duration_seconds"`
	RemainingSeconds int64  `json:"remaining_seconds"` // negative once over time
	// Speaker is the speaker of the talk the timer times, if it times one.
	Speaker string `json:"speaker"`
}

// Gap says the client missed events: it read too slowly, and they were
// dropped rather than make anyone wait.
type Gap struct {
	Missed int   `json:"missed"`
	From   Stamp `json:"from"` // the first missed event's time
	To     Stamp `json:"to"`   // the last's
}

func stampOf(t time.Time) Stamp { return Stamp(t) }

func secondsOf(d time.Duration) int64 { return int64(d.Round(time.Second) / time.Second) }

func newTimer(t schedule.Timer, at time.Time, speaker string) *Timer {
	return &Timer{ID: t.ID, Kind: string(t.Kind), Label: line(t.Label), Ref: t.Ref, State: string(t.State(at)),
		DurationSeconds: secondsOf(t.Duration), RemainingSeconds: secondsOf(t.Remaining(at)), Speaker: speaker}
}
