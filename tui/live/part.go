// Package live keeps a session's picture of the camp up to date: it owns
// the feed subscription (Link), the reads that the sessions of one server
// share (Shared), when a session reads again (Pacer), and the snapshot a
// session's views draw from (Snapshot), whose parts carry explicit version
// numbers so a session can tell, without comparing lists, whether a read
// brought anything new.
//
// It knows the camp only through package schedule; the reads themselves are
// handed to it as functions, so it imports neither the store nor the views.
package live

import "github.com/lightningcamp/camp/schedule"

// Part is one independently reloaded piece of the data, so a change to the
// talks re-reads the talks and nothing else.
type Part int

// The parts of a snapshot.
const (
	Talks Part = iota
	Topics
	People
	Presence
	Timers
	Announcements
	Notes
	Stage // the live talk's cues and questions, as this viewer may see them
	PartCount
)

var partNames = [PartCount]string{"talks", "topics", "people", "presence", "timers", "announcements", "notes", "stage"}

func (p Part) String() string {
	if p >= 0 && p < PartCount {
		return partNames[p]
	}
	return "part?"
}

// PartsFor maps a change to the parts it makes stale.
var PartsFor = map[schedule.ChangeKind][]Part{
	schedule.ChangeTalks:         {Talks, Stage},
	schedule.ChangeTopics:        {Topics},
	schedule.ChangePeople:        {People, Presence},
	schedule.ChangePresence:      {Presence},
	schedule.ChangeTimers:        {Timers},
	schedule.ChangeAnnouncements: {Announcements},
	schedule.ChangeNotes:         {Notes},
	schedule.ChangeStage:         {Stage},
	schedule.ChangeStars:         {Topics}, // the viewer's stars are read with the topics
}

// AllParts lists every part, in order.
func AllParts() []Part {
	ps := make([]Part, PartCount)
	for i := range ps {
		ps[i] = Part(i)
	}
	return ps
}

// StaleParts lists the parts that changes make stale, each once: every part
// for a change made elsewhere (ChangeExternal).
func StaleParts(c schedule.Changes) []Part {
	if c.Has(schedule.ChangeExternal) {
		return AllParts()
	}
	var stale []Part
	seen := [PartCount]bool{}
	for kind := range c {
		for _, p := range PartsFor[kind] {
			if !seen[p] {
				seen[p] = true
				stale = append(stale, p)
			}
		}
	}
	return stale
}

// IsPeople reports the parts read at most every PeopleEvery: the people and
// who is online.
func IsPeople(p Part) bool { return p == People || p == Presence }
