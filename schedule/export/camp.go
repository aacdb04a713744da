// Package export writes one camp's content in the formats other tools read:
// compilepython.com pages, event.json, an iCalendar file, a frab/pretalx
// schedule.json for conference apps, the Zoom breakout-room CSV, the notes as
// Markdown and an offline index.html. Every encoder is deterministic: the
// same Camp gives byte-identical output, so exports can be diffed and kept
// under version control.
package export

import (
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// Camp is everything one camp produced. The store fills it; the encoders only
// read it and never modify the slices they are given.
type Camp struct {
	Event         *schedule.Event
	Talks         []schedule.Talk
	Topics        []schedule.Topic
	Votes         []Vote // who voted for which topic; only the Zoom CSV needs them
	Notes         []schedule.NoteEntry
	Reports       []schedule.Report
	People        []schedule.Person
	Registrations []schedule.Registration
	// Series is every experience report of the camp's series (this camp's
	// and the earlier ones'), which the compiler-tool guide sums up: the
	// tool pages and event.json's guide. The store fills it.
	Series []schedule.SeriesReport
	// GeneratedAt is when the export was made. It is passed in rather than
	// read from the clock so that the output is reproducible; it becomes the
	// iCalendar DTSTAMP and the schedule version.
	GeneratedAt time.Time
}

// Vote is one person's dot on one topic. Package schedule keeps only the
// total (Topic.Votes); the breakout-room CSV needs to know who voted.
type Vote struct {
	TopicID  int64
	PersonID int64
}

// Options tune an export. The zero value is a full public export.
type Options struct {
	// Only limits the bundle to these kinds (see Kinds); empty means all.
	Only []string
	// IncludePrivate adds emails, key fingerprints and registrations to
	// event.json. Never publish such a bundle.
	IncludePrivate bool
	// BreakoutSlot chooses the open-space slot the Zoom CSV pre-assigns:
	// a slot id (BLOCK/INDEX, e.g. "eu-openspace-1/2") or a block id (its
	// first slot). Empty: the first open-space slot with a placed topic.
	BreakoutSlot string
	// SiteURL is where the compilepython pages of this camp are published,
	// used for absolute links in schedule.json. Empty: the event website
	// followed by LightningCamps/<slug>/.
	SiteURL string
}

// check reports a Camp that cannot be exported.
func (c Camp) check() error {
	if c.Event == nil {
		return schedule.Errorf(schedule.EINVALID, "export: the camp has no event")
	}
	if c.GeneratedAt.IsZero() {
		return schedule.Errorf(schedule.EINVALID, "export: GeneratedAt is not set")
	}
	return nil
}
