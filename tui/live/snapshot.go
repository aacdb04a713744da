package live

import (
	"cmp"
	"iter"
	"maps"
	"slices"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/schedule/sanitize"
)

// AnnouncementsKept is how many announcements a session reads: the banner
// shows the newest, the Announce view the recent history.
const AnnouncementsKept = 20

// Snapshot is what the session last read. Every text in it was cleaned with
// the sanitiser on arrival, so no view can forget to: the store cleans on
// write, and this second pass protects against anything written around it.
//
// Views only read it. Its lists may be shared with other sessions (see
// Shared), so they are never changed in place: the methods that change the
// snapshot ahead of a write (SwapPositions, SetTalkStatus) copy first.
type Snapshot struct {
	Talks         []schedule.Talk // in block order, then queue position
	Topics        []schedule.Topic
	Unplaced      []schedule.Topic // open topics, most votes first
	Cells         map[Cell]schedule.Topic
	MyVotes       map[int64]bool
	MyStars       map[schedule.Target]bool
	People        []schedule.Person // by name
	personIdx     map[int64]int
	Online        map[int64]bool
	Rooms         []schedule.Here // who said which breakout room they are in
	Stage         schedule.Stage  // the live talk's cues and questions for this viewer
	Timers        []schedule.Timer
	Announcements []schedule.Announcement // newest first
	Notes         NoteSet
	Loaded        [PartCount]bool

	// versions names what the snapshot holds of each part: a read that
	// brings the version the snapshot already has brought nothing new.
	versions [PartCount]uint64
	// votesVersion is the version of MyVotes and MyStars, the viewer's own.
	votesVersion uint64
}

// Cell names one cell of the open-space board.
type Cell struct{ Track, Slot string }

// NoteSet holds the notes and reports of the target the Notes view shows.
type NoteSet struct {
	Target  schedule.Target
	Entries []schedule.NoteEntry
	Reports []schedule.Report
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
		if a := t.EditedAfterApproval; a != nil {
			was := *a // the store's copy stays as it was read
			was.Title, was.Abstract, was.Links = line(was.Title), block(was.Abstract), lines(was.Links)
			t.EditedAfterApproval = &was
		}
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
	cells    map[Cell]schedule.Topic
}

// prepareTopics cleans the topics, which it owns, and lays out the board.
func prepareTopics(topics []schedule.Topic) *topicBoard {
	b := &topicBoard{topics: topics, cells: make(map[Cell]schedule.Topic)}
	for i := range topics {
		t := &topics[i]
		t.Leader, t.Title, t.Description, t.Tags = line(t.Leader), line(t.Title), block(t.Description), lines(t.Tags)
		switch t.Status {
		case schedule.TopicPlaced:
			b.cells[Cell{t.Track, t.Slot}] = *t
		case schedule.TopicOpen:
			b.unplaced = append(b.unplaced, *t)
		}
	}
	slices.SortStableFunc(b.unplaced, func(x, y schedule.Topic) int {
		return cmp.Or(cmp.Compare(y.Votes, x.Votes), cmp.Compare(x.ID, y.ID))
	})
	return b
}

func (s *Snapshot) setTopics(b Versioned[*topicBoard], myVotes []int64, viewer schedule.Viewer) {
	s.Topics = visibleOnly(b.Value.topics, viewer.SeesTopic)
	s.Unplaced, s.Cells, s.versions[Topics] = b.Value.unplaced, b.Value.cells, b.Version
	votes := make(map[int64]bool, len(myVotes))
	for _, id := range myVotes {
		votes[id] = true
	}
	if s.MyVotes == nil || !maps.Equal(votes, s.MyVotes) {
		s.votesVersion = NextVersion()
	}
	s.MyVotes = votes
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

func (s *Snapshot) setPeople(l peopleList) { s.People, s.personIdx = l.people, l.idx }

// preparePresence is who is online, as a set, and who is in which room,
// names cleaned.
func preparePresence(p schedule.Presence) presence {
	online := make(map[int64]bool, len(p.Online))
	for _, id := range p.Online {
		online[id] = true
	}
	for i := range p.Rooms {
		p.Rooms[i].Name = line(p.Rooms[i].Name)
	}
	return presence{online: online, rooms: p.Rooms}
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

func (s *Snapshot) setNotes(n NoteSet) {
	for i := range n.Entries {
		n.Entries[i].Author, n.Entries[i].Text = line(n.Entries[i].Author), block(n.Entries[i].Text)
	}
	for i := range n.Reports {
		r := &n.Reports[i]
		r.Author, r.Project, r.ProjectURL, r.Tool, r.ToolVersion, r.Learnt =
			line(r.Author), line(r.Project), line(r.ProjectURL), line(r.Tool), line(r.ToolVersion), block(r.Learnt)
	}
	s.Notes, s.versions[Notes] = n, NextVersion()
}

// SwapPositions exchanges two talks' queue positions in the snapshot, ahead
// of the write that does it in the store. The list may be shared with other
// sessions: this one gets its own copy.
func (s *Snapshot) SwapPositions(ev *schedule.Event, a, b int64) {
	ia, ib := -1, -1
	for i, t := range s.Talks {
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
	talks := slices.Clone(s.Talks)
	talks[ia].Position, talks[ib].Position = talks[ib].Position, talks[ia].Position
	sortTalks(ev, talks)
	s.Talks, s.versions[Talks] = talks, NextVersion()
}

// SetTalkStatus shows a talk's new status ahead of the write that makes it,
// in this session's own copy of the list.
func (s *Snapshot) SetTalkStatus(id int64, st schedule.TalkStatus) {
	i := slices.IndexFunc(s.Talks, func(t schedule.Talk) bool { return t.ID == id })
	if i < 0 {
		return
	}
	s.Talks = slices.Clone(s.Talks)
	s.Talks[i].Status = st
	s.versions[Talks] = NextVersion()
}

// setStars keeps the viewer's stars; a change counts as a change of their
// votes (both are the viewer's own, read with the topics).
func (s *Snapshot) setStars(stars []schedule.Target) {
	m := make(map[schedule.Target]bool, len(stars))
	for _, t := range stars {
		m[t] = true
	}
	if s.MyStars == nil || !maps.Equal(m, s.MyStars) {
		s.votesVersion = NextVersion()
	}
	s.MyStars = m
}

// SetStar shows the viewer's star on (or off) target ahead of the write
// that makes it, so a second press right after the first takes it off
// again rather than starring twice. The next read of the topics brings
// the stars as stored.
func (s *Snapshot) SetStar(target schedule.Target, on bool) {
	stars := maps.Clone(s.MyStars)
	if stars == nil {
		stars = map[schedule.Target]bool{}
	}
	if on {
		stars[target] = true
	} else {
		delete(stars, target)
	}
	s.MyStars = stars
	s.votesVersion = NextVersion()
}

// person returns the person with id, if the session knows them.
func (s *Snapshot) Person(id int64) (schedule.Person, bool) {
	i, ok := s.personIdx[id]
	if !ok {
		return schedule.Person{}, false
	}
	return s.People[i], true
}

// talk returns the talk with id.
func (s *Snapshot) Talk(id int64) (schedule.Talk, bool) {
	for _, t := range s.Talks {
		if t.ID == id {
			return t, true
		}
	}
	return schedule.Talk{}, false
}

// topic returns the topic with id.
func (s *Snapshot) Topic(id int64) (schedule.Topic, bool) {
	for _, t := range s.Topics {
		if t.ID == id {
			return t, true
		}
	}
	return schedule.Topic{}, false
}

// queue yields the talks of a block in queue order, without copying the
// list: views walk it several times a frame.
func (s *Snapshot) Queue(blockID string) iter.Seq[*schedule.Talk] {
	return func(yield func(*schedule.Talk) bool) {
		for i := range s.Talks {
			if s.Talks[i].Block == blockID && !yield(&s.Talks[i]) {
				return
			}
		}
	}
}

// liveTalk returns the talk being given now, if any.
func (s *Snapshot) LiveTalk() (schedule.Talk, bool) {
	for _, t := range s.Talks {
		if t.Status == schedule.TalkLive {
			return t, true
		}
	}
	return schedule.Talk{}, false
}

// timerFor returns the running timer whose Ref is ref.
func (s *Snapshot) TimerFor(ref string) (schedule.Timer, bool) {
	for _, t := range s.Timers {
		if t.Ref == ref && t.StoppedAt.IsZero() {
			return t, true
		}
	}
	return schedule.Timer{}, false
}

// talkRef is how a talk's timer refers to it.
func TalkRef(id int64) string { return schedule.Target{Kind: "talk", ID: id}.String() }
