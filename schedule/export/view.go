package export

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// campView is a Camp prepared once for the encoders: what may be published
// is selected, everything is sorted, and the lookups every format needs are
// built. Each encoder reads the same view, so the formats always agree on
// which talks, topics, notes and reports exist.
type campView struct {
	camp       Camp
	ev         *schedule.Event
	people     map[int64]schedule.Person
	blockOrder map[string]int
	slots      map[string]schedule.Slot
	talks      []schedule.Talk  // talks with a page (approved, live, done), in running order
	topics     []schedule.Topic // placed topics, by slot time then track
	reports    []schedule.Report
	notesOf    map[schedule.Target][]schedule.NoteEntry
	reportsOf  map[schedule.Target][]schedule.Report
	// readerZone is the zone of the one person a personal export is for
	// (MineMarkdown): its times are given in it too. nil for the pages.
	readerZone *time.Location
}

func newView(c Camp) *campView {
	v := &campView{
		camp:       c,
		ev:         c.Event,
		people:     map[int64]schedule.Person{},
		blockOrder: map[string]int{},
		slots:      map[string]schedule.Slot{},
		notesOf:    map[schedule.Target][]schedule.NoteEntry{},
		reportsOf:  map[schedule.Target][]schedule.Report{},
	}
	for _, p := range c.People {
		v.people[p.ID] = p
	}
	for i, b := range c.Event.Blocks {
		v.blockOrder[b.ID] = i
		for _, s := range b.Slots() {
			v.slots[s.ID()] = s
		}
	}
	v.talks = v.sortedTalks(filter(c.Talks, talkHasPage))
	v.topics = v.sortedTopics(filter(c.Topics, v.isPlaced))
	for _, n := range sortedNotes(filter(c.Notes, v.isPublishedNote)) {
		v.notesOf[n.Target] = append(v.notesOf[n.Target], n)
	}
	v.reports = sortedByID(filter(c.Reports, v.isPublishedReport), reportID)
	for _, r := range v.reports {
		v.reportsOf[r.Target] = append(v.reportsOf[r.Target], r)
	}
	return v
}

// One rule decides what is published, so that every format agrees: talks
// once approved, topics once placed on the board, and the notes and reports
// of those talks and topics unless a moderator hid them or their author
// kept them private.
// (v.talks and v.topics must be set before these are called.)
func (v *campView) isPublishedNote(n schedule.NoteEntry) bool {
	_, published := v.targetTitle(n.Target)
	return published && !n.Hidden && !n.Private
}

func (v *campView) isPublishedReport(r schedule.Report) bool {
	_, published := v.targetTitle(r.Target)
	return published && !r.Hidden
}

func talkID(t schedule.Talk) int64      { return t.ID }
func topicID(t schedule.Topic) int64    { return t.ID }
func noteID(n schedule.NoteEntry) int64 { return n.ID }
func reportID(r schedule.Report) int64  { return r.ID }

// talkHasPage: a talk is published once approved; proposals, rejected,
// skipped and withdrawn talks stay private to the camp.
func talkHasPage(t schedule.Talk) bool {
	switch t.Status {
	case schedule.TalkApproved, schedule.TalkLive, schedule.TalkDone:
		return true
	}
	return false
}

// isPlaced: a topic is held when it sits in a known (track, slot) cell.
func (v *campView) isPlaced(t schedule.Topic) bool {
	_, trackOK := v.ev.Track(t.Track)
	_, slotOK := v.slots[t.Slot]
	return t.Status == schedule.TopicPlaced && trackOK && slotOK
}

// name is a person's current display name. Talks and notes carry the name
// as it was when written; a later rename wins so that one person has one
// name across the export.
func (v *campView) name(id int64, asWritten string) string {
	if p, ok := v.people[id]; ok && p.Name != "" {
		return p.Name
	}
	return asWritten
}

func (v *campView) speaker(t schedule.Talk) string     { return v.name(t.SpeakerID, t.Speaker) }
func (v *campView) leader(t schedule.Topic) string     { return v.name(t.LeaderID, t.Leader) }
func (v *campView) author(n schedule.NoteEntry) string { return v.name(n.AuthorID, n.Author) }
func (v *campView) reporter(r schedule.Report) string  { return v.name(r.AuthorID, r.Author) }

// talkTimes is when a talk ran: from started_at to finished_at, or for its
// planned minutes while it is still live. Approved talks not yet given have
// no time: the queue moves on the day, and an estimate in a calendar or a
// conference app would mislead more than it helps.
func talkTimes(t schedule.Talk) (start, end time.Time, ok bool) {
	if t.StartedAt.IsZero() {
		return time.Time{}, time.Time{}, false
	}
	end = t.FinishedAt
	if end.IsZero() || end.Before(t.StartedAt) {
		end = t.StartedAt.Add(time.Duration(max(t.Minutes, 1)) * time.Minute)
	}
	return t.StartedAt, end, true
}

// topicSlot is the slot a placed topic is held in.
func (v *campView) topicSlot(t schedule.Topic) schedule.Slot { return v.slots[t.Slot] }

// topicRoom is the Zoom breakout room of a placed topic's track.
func (v *campView) topicRoom(t schedule.Topic) (schedule.Track, schedule.Room) {
	track, _ := v.ev.Track(t.Track)
	room, _ := v.ev.Room(track.Room)
	return track, room
}

// trackOrder is the column of a track on the board.
func (v *campView) trackOrder(id string) int {
	return slices.IndexFunc(v.ev.Tracks, func(t schedule.Track) bool { return t.ID == id })
}

// sortedTalks orders talks as they ran: given talks by start, then the
// rest by block and queue position; the id breaks every tie.
func (v *campView) sortedTalks(talks []schedule.Talk) []schedule.Talk {
	return slices.SortedStableFunc(slices.Values(talks), func(a, b schedule.Talk) int {
		return cmp.Or(
			cmpStartedFirst(a.StartedAt, b.StartedAt),
			cmp.Compare(v.blockIndex(a.Block), v.blockIndex(b.Block)),
			cmp.Compare(a.Position, b.Position),
			cmp.Compare(a.ID, b.ID))
	})
}

// sortedTopics orders placed topics by slot time, then board column.
func (v *campView) sortedTopics(topics []schedule.Topic) []schedule.Topic {
	return slices.SortedStableFunc(slices.Values(topics), func(a, b schedule.Topic) int {
		return cmp.Or(
			v.slots[a.Slot].Start.Compare(v.slots[b.Slot].Start),
			cmp.Compare(v.trackOrder(a.Track), v.trackOrder(b.Track)),
			cmp.Compare(a.ID, b.ID))
	})
}

func (v *campView) blockIndex(id string) int {
	if i, ok := v.blockOrder[id]; ok {
		return i
	}
	return len(v.blockOrder)
}

// cmpStartedFirst sorts set times before unset ones, earlier first.
func cmpStartedFirst(a, b time.Time) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}

func sortedNotes(notes []schedule.NoteEntry) []schedule.NoteEntry {
	return slices.SortedStableFunc(slices.Values(notes), func(a, b schedule.NoteEntry) int {
		return cmp.Or(a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID))
	})
}

func sortedByID[T any](items []T, id func(T) int64) []T {
	return slices.SortedStableFunc(slices.Values(items), func(a, b T) int { return cmp.Compare(id(a), id(b)) })
}

// filter returns the items keep accepts, in a new slice.
func filter[T any](items []T, keep func(T) bool) []T {
	var out []T
	for _, it := range items {
		if keep(it) {
			out = append(out, it)
		}
	}
	return out
}

// talkByID and topicByID find a published talk or topic.
func (v *campView) talkByID(id int64) (schedule.Talk, bool) {
	i := slices.IndexFunc(v.talks, func(t schedule.Talk) bool { return t.ID == id })
	if i < 0 {
		return schedule.Talk{}, false
	}
	return v.talks[i], true
}

func (v *campView) topicByID(id int64) (schedule.Topic, bool) {
	i := slices.IndexFunc(v.topics, func(t schedule.Topic) bool { return t.ID == id })
	if i < 0 {
		return schedule.Topic{}, false
	}
	return v.topics[i], true
}

// targetTitle names a published talk or topic; ok is false for anything
// else (a rejected talk, an unplaced topic), which has no page to link to.
func (v *campView) targetTitle(t schedule.Target) (string, bool) {
	switch t.Kind {
	case "talk":
		talk, ok := v.talkByID(t.ID)
		return talk.Title, ok
	case "topic":
		topic, ok := v.topicByID(t.ID)
		return topic.Title, ok
	}
	return "", false
}

// Summarise counts what the bundle publishes: "2 talks, 1 topic, 3 notes,
// 1 report published". Unpublished talks and topics, hidden notes and
// reports are not counted, so the figures match the pages.
func Summarise(c Camp) string {
	if c.Event == nil {
		return ""
	}
	v := newView(c)
	notes := 0
	for _, n := range v.notesOf {
		notes += len(n)
	}
	count := func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return strconv.Itoa(n) + " " + many
	}
	return count(len(v.talks), "talk", "talks") + ", " + count(len(v.topics), "topic", "topics") + ", " +
		count(notes, "note", "notes") + ", " + count(len(v.reports), "report", "reports") + " published"
}
