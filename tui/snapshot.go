package tui

import (
	"cmp"
	"iter"
	"slices"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/schedule/sanitize"
)

// part is one independently reloaded piece of the data, so a change to the
// talks re-reads the talks and nothing else.
type part int

const (
	partTalks part = iota
	partTopics
	partPeople
	partPresence
	partTimers
	partAnnouncements
	partNotes
	partCount
)

// partsFor maps a change to the parts it makes stale.
var partsFor = map[schedule.ChangeKind][]part{
	schedule.ChangeTalks:         {partTalks},
	schedule.ChangeTopics:        {partTopics},
	schedule.ChangePeople:        {partPeople, partPresence},
	schedule.ChangeTimers:        {partTimers},
	schedule.ChangeAnnouncements: {partAnnouncements},
	schedule.ChangeNotes:         {partNotes},
}

// announcementsKept is how many announcements a session reads: the banner
// shows the newest, the Announce view the recent history.
const announcementsKept = 20

// snapshot is what the session last read. Every text in it was cleaned with
// the sanitiser on arrival, so no view can forget to: the store cleans on
// write, and this second pass protects against anything written around it.
type snapshot struct {
	talks         []schedule.Talk // in block order, then queue position
	topics        []schedule.Topic
	unplaced      []schedule.Topic // open topics, most votes first
	cells         map[cellKey]schedule.Topic
	myVotes       map[int64]bool
	people        []schedule.Person // by name
	personIdx     map[int64]int
	online        map[int64]bool
	timers        []schedule.Timer
	announcements []schedule.Announcement // newest first
	notes         noteSet
	loaded        [partCount]bool
}

// cellKey names one cell of the open-space board.
type cellKey struct{ track, slot string }

// noteSet holds the notes and reports of the target the Notes view shows.
type noteSet struct {
	target  schedule.Target
	entries []schedule.NoteEntry
	reports []schedule.Report
}

func line(s string) string  { return sanitize.Line(s, 0) }
func block(s string) string { return sanitize.Multiline(s, 0) }

func lines(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = line(x)
	}
	return out
}

func (s *snapshot) setTalks(ev *schedule.Event, talks []schedule.Talk) {
	order := blockOrder(ev)
	for i := range talks {
		t := &talks[i]
		t.Speaker, t.Title, t.Abstract = line(t.Speaker), line(t.Title), block(t.Abstract)
		t.Links, t.Tools, t.Tags = lines(t.Links), lines(t.Tools), lines(t.Tags)
	}
	slices.SortStableFunc(talks, func(a, b schedule.Talk) int {
		return cmp.Or(cmp.Compare(order[a.Block], order[b.Block]), cmp.Compare(a.Position, b.Position), cmp.Compare(a.ID, b.ID))
	})
	s.talks = talks
}

func blockOrder(ev *schedule.Event) map[string]int {
	order := make(map[string]int, len(ev.Blocks))
	for i, b := range ev.Blocks {
		order[b.ID] = i
	}
	return order
}

func (s *snapshot) setTopics(topics []schedule.Topic, myVotes []int64) {
	s.cells = make(map[cellKey]schedule.Topic)
	s.unplaced = s.unplaced[:0]
	for i := range topics {
		t := &topics[i]
		t.Leader, t.Title, t.Description, t.Tags = line(t.Leader), line(t.Title), block(t.Description), lines(t.Tags)
		switch t.Status {
		case schedule.TopicPlaced:
			s.cells[cellKey{t.Track, t.Slot}] = *t
		case schedule.TopicOpen:
			s.unplaced = append(s.unplaced, *t)
		}
	}
	slices.SortStableFunc(s.unplaced, func(a, b schedule.Topic) int {
		return cmp.Or(cmp.Compare(b.Votes, a.Votes), cmp.Compare(a.ID, b.ID))
	})
	s.topics = topics
	s.myVotes = make(map[int64]bool, len(myVotes))
	for _, id := range myVotes {
		s.myVotes[id] = true
	}
}

func (s *snapshot) setPeople(people []schedule.Person) {
	for i := range people {
		people[i].Name = line(people[i].Name)
	}
	slices.SortStableFunc(people, func(a, b schedule.Person) int {
		unnamed := func(p schedule.Person) int { // people yet to join go last
			if p.Name == "" {
				return 1
			}
			return 0
		}
		return cmp.Or(cmp.Compare(unnamed(a), unnamed(b)), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	s.people = people
	s.personIdx = make(map[int64]int, len(people))
	for i, p := range people {
		s.personIdx[p.ID] = i
	}
}

func (s *snapshot) setOnline(ids []int64) {
	s.online = make(map[int64]bool, len(ids))
	for _, id := range ids {
		s.online[id] = true
	}
}

func (s *snapshot) setAnnouncements(as []schedule.Announcement) {
	for i := range as {
		as[i].Author, as[i].Text = line(as[i].Author), block(as[i].Text)
	}
	slices.SortStableFunc(as, func(a, b schedule.Announcement) int {
		return cmp.Or(b.CreatedAt.Compare(a.CreatedAt), cmp.Compare(b.ID, a.ID))
	})
	s.announcements = as
}

func (s *snapshot) setNotes(n noteSet) {
	for i := range n.entries {
		n.entries[i].Author, n.entries[i].Text = line(n.entries[i].Author), block(n.entries[i].Text)
	}
	for i := range n.reports {
		r := &n.reports[i]
		r.Author, r.Project, r.ProjectURL, r.Tool, r.ToolVersion, r.Learnt =
			line(r.Author), line(r.Project), line(r.ProjectURL), line(r.Tool), line(r.ToolVersion), block(r.Learnt)
	}
	s.notes = n
}

// swapPositions exchanges two talks' queue positions in the snapshot, ahead
// of the write that does it in the store.
func (s *snapshot) swapPositions(ev *schedule.Event, a, b int64) {
	ia, ib := -1, -1
	for i, t := range s.talks {
		switch t.ID {
		case a:
			ia = i
		case b:
			ib = i
		}
	}
	if ia < 0 || ib < 0 {
		return
	}
	s.talks[ia].Position, s.talks[ib].Position = s.talks[ib].Position, s.talks[ia].Position
	s.setTalks(ev, s.talks)
}

// setTalkStatus shows a talk's new status ahead of the write that makes it.
func (s *snapshot) setTalkStatus(id int64, st schedule.TalkStatus) {
	for i := range s.talks {
		if s.talks[i].ID == id {
			s.talks[i].Status = st
		}
	}
}

// person returns the person with id, if the session knows them.
func (s *snapshot) person(id int64) (schedule.Person, bool) {
	i, ok := s.personIdx[id]
	if !ok {
		return schedule.Person{}, false
	}
	return s.people[i], true
}

// talk returns the talk with id.
func (s *snapshot) talk(id int64) (schedule.Talk, bool) {
	for _, t := range s.talks {
		if t.ID == id {
			return t, true
		}
	}
	return schedule.Talk{}, false
}

// topic returns the topic with id.
func (s *snapshot) topic(id int64) (schedule.Topic, bool) {
	for _, t := range s.topics {
		if t.ID == id {
			return t, true
		}
	}
	return schedule.Topic{}, false
}

// queue yields the talks of a block in queue order, without copying the
// list: views walk it several times a frame.
func (s *snapshot) queue(blockID string) iter.Seq[*schedule.Talk] {
	return func(yield func(*schedule.Talk) bool) {
		for i := range s.talks {
			if s.talks[i].Block == blockID && !yield(&s.talks[i]) {
				return
			}
		}
	}
}

// liveTalk returns the talk being given now, if any.
func (s *snapshot) liveTalk() (schedule.Talk, bool) {
	for _, t := range s.talks {
		if t.Status == schedule.TalkLive {
			return t, true
		}
	}
	return schedule.Talk{}, false
}

// timerFor returns the running timer whose Ref is ref.
func (s *snapshot) timerFor(ref string) (schedule.Timer, bool) {
	for _, t := range s.timers {
		if t.Ref == ref && t.StoppedAt.IsZero() {
			return t, true
		}
	}
	return schedule.Timer{}, false
}

// talkRef is how a talk's timer refers to it.
func talkRef(id int64) string { return schedule.Target{Kind: "talk", ID: id}.String() }
