package tui

import (
	"cmp"
	"iter"
	"reflect"
	"slices"
	"unsafe"

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

// The prepare functions turn what a service returned into what the views
// read: text cleaned, lists sorted, indexes built. They run where the read
// runs, once per read, and their results may be shared by many sessions
// (see Shared), so nothing changes them afterwards: the snapshot replaces a
// list rather than edit it, and copies it first where it must edit.

// prepareTalks cleans and orders talks, which it owns.
func prepareTalks(ev *schedule.Event, talks []schedule.Talk) []schedule.Talk {
	for i := range talks {
		t := &talks[i]
		t.Speaker, t.Title, t.Abstract = line(t.Speaker), line(t.Title), block(t.Abstract)
		t.Links, t.Tools, t.Tags = lines(t.Links), lines(t.Tools), lines(t.Tags)
	}
	sortTalks(ev, talks)
	return talks
}

func sortTalks(ev *schedule.Event, talks []schedule.Talk) {
	order := blockOrder(ev)
	slices.SortStableFunc(talks, func(a, b schedule.Talk) int {
		return cmp.Or(cmp.Compare(order[a.Block], order[b.Block]), cmp.Compare(a.Position, b.Position), cmp.Compare(a.ID, b.ID))
	})
}

func blockOrder(ev *schedule.Event) map[string]int {
	order := make(map[string]int, len(ev.Blocks))
	for i, b := range ev.Blocks {
		order[b.ID] = i
	}
	return order
}

// topicBoard is the topics as the board shows them.
type topicBoard struct {
	topics   []schedule.Topic
	unplaced []schedule.Topic // open topics, most votes first
	cells    map[cellKey]schedule.Topic
}

// prepareTopics cleans the topics, which it owns, and lays out the board.
func prepareTopics(topics []schedule.Topic) *topicBoard {
	b := &topicBoard{topics: topics, cells: make(map[cellKey]schedule.Topic)}
	for i := range topics {
		t := &topics[i]
		t.Leader, t.Title, t.Description, t.Tags = line(t.Leader), line(t.Title), block(t.Description), lines(t.Tags)
		switch t.Status {
		case schedule.TopicPlaced:
			b.cells[cellKey{t.Track, t.Slot}] = *t
		case schedule.TopicOpen:
			b.unplaced = append(b.unplaced, *t)
		}
	}
	slices.SortStableFunc(b.unplaced, func(x, y schedule.Topic) int {
		return cmp.Or(cmp.Compare(y.Votes, x.Votes), cmp.Compare(x.ID, y.ID))
	})
	return b
}

func (s *snapshot) setTopics(b *topicBoard, myVotes []int64) {
	s.topics, s.unplaced, s.cells = b.topics, b.unplaced, b.cells
	s.myVotes = make(map[int64]bool, len(myVotes))
	for _, id := range myVotes {
		s.myVotes[id] = true
	}
}

// peopleList is the people by name, with an index by ID.
type peopleList struct {
	people []schedule.Person
	idx    map[int64]int
}

// preparePeople cleans and orders people, which it owns.
func preparePeople(people []schedule.Person) peopleList {
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
	idx := make(map[int64]int, len(people))
	for i, p := range people {
		idx[p.ID] = i
	}
	return peopleList{people, idx}
}

func (s *snapshot) setPeople(l peopleList) { s.people, s.personIdx = l.people, l.idx }

func prepareOnline(ids []int64) map[int64]bool {
	online := make(map[int64]bool, len(ids))
	for _, id := range ids {
		online[id] = true
	}
	return online
}

// prepareAnnouncements cleans announcements, which it owns, newest first.
func prepareAnnouncements(as []schedule.Announcement) []schedule.Announcement {
	for i := range as {
		as[i].Author, as[i].Text = line(as[i].Author), block(as[i].Text)
	}
	slices.SortStableFunc(as, func(a, b schedule.Announcement) int {
		return cmp.Or(b.CreatedAt.Compare(a.CreatedAt), cmp.Compare(b.ID, a.ID))
	})
	return as
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
// of the write that does it in the store. The list may be shared with other
// sessions: this one gets its own copy.
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
	talks := slices.Clone(s.talks)
	talks[ia].Position, talks[ib].Position = talks[ib].Position, talks[ia].Position
	sortTalks(ev, talks)
	s.talks = talks
}

// setTalkStatus shows a talk's new status ahead of the write that makes it,
// in this session's own copy of the list.
func (s *snapshot) setTalkStatus(id int64, st schedule.TalkStatus) {
	i := slices.IndexFunc(s.talks, func(t schedule.Talk) bool { return t.ID == id })
	if i < 0 {
		return
	}
	s.talks = slices.Clone(s.talks)
	s.talks[i].Status = st
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

// partToken names what the snapshot holds for a part. Lists and maps are
// replaced, never changed in place, so their addresses tell whether a read
// brought something new; a shared read that found nothing new hands back
// the very list it handed out before (see Shared).
type partToken struct {
	a, b   unsafe.Pointer
	n      int
	target schedule.Target
}

func (s *snapshot) token(p part) partToken {
	switch p {
	case partTalks:
		return partToken{a: unsafe.Pointer(unsafe.SliceData(s.talks)), n: len(s.talks)}
	case partTopics:
		return partToken{a: mapPointer(s.cells), b: mapPointer(s.myVotes), n: len(s.topics)}
	case partPeople:
		return partToken{a: mapPointer(s.personIdx), n: len(s.people)}
	case partPresence:
		return partToken{a: mapPointer(s.online), n: len(s.online)}
	case partTimers:
		return partToken{a: unsafe.Pointer(unsafe.SliceData(s.timers)), n: len(s.timers)}
	case partAnnouncements:
		return partToken{a: unsafe.Pointer(unsafe.SliceData(s.announcements)), n: len(s.announcements)}
	case partNotes:
		return partToken{a: unsafe.Pointer(unsafe.SliceData(s.notes.entries)), b: unsafe.Pointer(unsafe.SliceData(s.notes.reports)),
			n: len(s.notes.entries)<<16 | len(s.notes.reports), target: s.notes.target}
	}
	return partToken{}
}

func mapPointer[K comparable, V any](m map[K]V) unsafe.Pointer {
	if m == nil {
		return nil
	}
	return reflect.ValueOf(m).UnsafePointer()
}
