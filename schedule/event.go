package schedule

import (
	"fmt"
	"time"
)

// BlockKind says what happens in a block of the day.
type BlockKind string

const (
	KindOpening   BlockKind = "opening"
	KindTalks     BlockKind = "talks"
	KindOpenSpace BlockKind = "openspace"
	KindBreak     BlockKind = "break"
	KindSocial    BlockKind = "social"
	KindClosing   BlockKind = "closing"
)

// BlockKinds lists every kind, in the order the docs give them.
var BlockKinds = []BlockKind{KindOpening, KindTalks, KindOpenSpace, KindBreak, KindSocial, KindClosing}

// Date is a civil date, read in the event's home zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// ParseDate reads a date written as YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date: write it as YYYY-MM-DD, e.g. 2026-03-28", s)
	}
	return Date{t.Year(), t.Month(), t.Day()}, nil
}

// Event is one camp: its day, rooms, open-space tracks and rules.
type Event struct {
	Slug         string
	Name         string
	Series       string
	Date         Date
	Zone         *time.Location // home zone
	DisplayZones []*time.Location
	Links        Links
	Rooms        []Room
	Tracks       []Track
	Blocks       []Block // sorted by start
	Talks        TalkRules
	OpenSpace    OpenSpaceRules
	Limits       Limits
	Organisers   []Organiser
}

// Links are the event's public addresses.
type Links struct {
	Zoom          string `toml:"zoom" json:"zoom,omitempty"`
	Registration  string `toml:"registration" json:"registration,omitempty"`
	CodeOfConduct string `toml:"code_of_conduct" json:"code_of_conduct,omitempty"`
	Website       string `toml:"website" json:"website,omitempty"`
}

// Room is a Zoom room; Name is exactly as it is called in Zoom. Link is
// the room's own meeting link when it has one (a breakout room usually
// has none: people reach it from the event's Zoom meeting).
type Room struct {
	ID   string
	Name string
	Link string
}

// JoinLink is where a person goes to be in room id: the room's own link,
// or else the event's Zoom meeting. Empty when the schedule gives neither.
func (e *Event) JoinLink(id string) string {
	if r, ok := e.Room(id); ok && r.Link != "" {
		return r.Link
	}
	return e.Links.Zoom
}

// Track is one column of the open-space board, held in one breakout room.
// A track with ReservedFor only takes topics carrying that tag.
type Track struct {
	ID          string
	Name        string
	Room        string
	ReservedFor string
}

// Block is a stretch of the day. Start and End are UTC instants; Zone is the
// zone the organiser wrote the times in.
type Block struct {
	ID         string
	Title      string
	Kind       BlockKind
	Start      time.Time
	End        time.Time
	Zone       *time.Location
	Room       string        // may be empty for breaks, socials and open space
	SlotLength time.Duration // open-space blocks only
}

// Duration is how long the block lasts.
func (b Block) Duration() time.Duration { return b.End.Sub(b.Start) }

// Contains reports whether t falls within [Start, End).
func (b Block) Contains(t time.Time) bool { return !t.Before(b.Start) && t.Before(b.End) }

// Slot is one row of an open-space block.
type Slot struct {
	Block string
	Index int // from 1
	Start time.Time
	End   time.Time
}

// ID names the slot as BLOCK/INDEX, e.g. eu-openspace-1/2.
func (s Slot) ID() string { return fmt.Sprintf("%s/%d", s.Block, s.Index) }

// Slots divides an open-space block into its slots; other blocks have none.
func (b Block) Slots() []Slot {
	if b.Kind != KindOpenSpace || b.SlotLength <= 0 {
		return nil
	}
	var slots []Slot
	for start, i := b.Start, 1; start.Before(b.End); start, i = start.Add(b.SlotLength), i+1 {
		slots = append(slots, Slot{Block: b.ID, Index: i, Start: start, End: start.Add(b.SlotLength)})
	}
	return slots
}

// TalkRules are the lightning-talk settings.
type TalkRules struct {
	Length     time.Duration
	MaxLength  time.Duration
	Changeover time.Duration
	Tools      []string // compiler tools proposals can be tagged with
}

// OpenSpaceRules are the open-space settings.
type OpenSpaceRules struct {
	SlotLength    time.Duration
	DotsPerPerson int
	// VotesRequireRegistration lets only people whose key is linked to a
	// registration (link EMAIL, confirmed by an organiser) dot-vote, so
	// generating keys buys no votes.
	VotesRequireRegistration bool
}

// Limits protect the camp from floods and oversized text.
type Limits struct {
	HandshakeTimeout time.Duration
	IdleTimeout      time.Duration
	MaxSession       time.Duration
	Sessions         int
	SessionsPerKey   int
	WriteBurst       int
	WriteEvery       time.Duration
	TalksPerPerson   int
	TopicsPerPerson  int
	NameMax          int
	TitleMax         int
	AbstractMax      int
	NoteMax          int
	URLMax           int
}

// DefaultLimits are safe for a camp of a few hundred people.
func DefaultLimits() Limits {
	return Limits{
		HandshakeTimeout: 10 * time.Second,
		IdleTimeout:      30 * time.Minute,
		MaxSession:       16 * time.Hour,
		Sessions:         2000,
		SessionsPerKey:   5,
		WriteBurst:       3,
		WriteEvery:       time.Second,
		TalksPerPerson:   3,
		TopicsPerPerson:  5,
		NameMax:          40,
		TitleMax:         120,
		AbstractMax:      2000,
		NoteMax:          10000,
		URLMax:           300,
	}
}

// Organiser is a person whose SSH key gives the organiser role.
type Organiser struct {
	Name        string
	Fingerprint string // SHA256:...
}

// Start is when the day begins, End when it ends.
func (e *Event) Start() time.Time {
	if len(e.Blocks) == 0 {
		return time.Time{}
	}
	return e.Blocks[0].Start
}

func (e *Event) End() time.Time {
	var end time.Time
	for _, b := range e.Blocks {
		if b.End.After(end) {
			end = b.End
		}
	}
	return end
}

// Block returns the block with the given id.
func (e *Event) Block(id string) (Block, bool) {
	for _, b := range e.Blocks {
		if b.ID == id {
			return b, true
		}
	}
	return Block{}, false
}

// Room returns the room with the given id.
func (e *Event) Room(id string) (Room, bool) {
	for _, r := range e.Rooms {
		if r.ID == id {
			return r, true
		}
	}
	return Room{}, false
}

// Track returns the track with the given id.
func (e *Event) Track(id string) (Track, bool) {
	for _, t := range e.Tracks {
		if t.ID == id {
			return t, true
		}
	}
	return Track{}, false
}

// Current returns the blocks under way at t: usually one, two where a room
// block and a room-less one (a break, the open space) overlap.
func (e *Event) Current(t time.Time) []Block {
	var now []Block
	for _, b := range e.Blocks {
		if b.Contains(t) {
			now = append(now, b)
		}
	}
	return now
}

// Next returns the first block that starts after t.
func (e *Event) Next(t time.Time) (Block, bool) {
	for _, b := range e.Blocks {
		if b.Start.After(t) {
			return b, true
		}
	}
	return Block{}, false
}

// IsOrganiser reports whether the key with this fingerprint belongs to an
// organiser named in the schedule.
func (e *Event) IsOrganiser(fingerprint string) bool {
	for _, o := range e.Organisers {
		if o.Fingerprint == fingerprint {
			return true
		}
	}
	return false
}

// HasTool reports whether tool is one of the known compiler tools.
func (e *Event) HasTool(tool string) bool {
	for _, t := range e.Talks.Tools {
		if t == tool {
			return true
		}
	}
	return false
}
