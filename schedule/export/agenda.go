package export

import (
	"cmp"
	"io"
	"slices"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// AgendaItem is one talk or topic a person starred, with when and where it
// happens as far as the camp knows it now.
type AgendaItem struct {
	Target schedule.Target
	Title  string
	Who    string // the speaker or the topic's leader
	Status string // the talk's or topic's status
	// Start and End are when it happens. A talk that has started has its
	// own times; a talk waiting in a queue has its block's (Within is set:
	// the queue decides the minute); a topic has its slot's once it is on
	// the board. Zero when nothing is known yet.
	Start, End time.Time
	Within     string // the block a queued talk happens within, by title
	Room       string // the Zoom room, by name
	JoinLink   string // where to join: the room's link, else the event's Zoom
	UID        string // the iCalendar UID, the same as schedule.ics gives it
}

// Agenda lists the starred talks and topics that still exist, by start
// time (those without one last), then in the order they were starred.
func Agenda(c Camp, stars []schedule.Target) []AgendaItem {
	if c.Event == nil {
		return nil
	}
	v := newView(c)
	var items []AgendaItem
	for _, s := range stars {
		if item, ok := v.agendaItem(s); ok {
			items = append(items, item)
		}
	}
	sortAgenda(items)
	return items
}

func (v *campView) agendaItem(s schedule.Target) (AgendaItem, bool) {
	switch s.Kind {
	case "talk":
		if t, ok := v.anyTalk(s.ID); ok {
			return v.talkAgendaItem(t), true
		}
	case "topic":
		if t, ok := v.anyTopic(s.ID); ok {
			return v.topicAgendaItem(t), true
		}
	}
	return AgendaItem{}, false
}

func (v *campView) talkAgendaItem(t schedule.Talk) AgendaItem {
	item := AgendaItem{Target: schedule.Target{Kind: "talk", ID: t.ID}, Title: oneLine(t.Title), Who: oneLine(v.speaker(t)),
		Status: string(t.Status), UID: talkUID(v.ev.Slug, t.ID)}
	b, inBlock := v.ev.Block(t.Block)
	if inBlock {
		if room, ok := v.ev.Room(b.Room); ok {
			item.Room = oneLine(room.Name)
		}
		item.JoinLink = v.ev.JoinLink(b.Room)
	}
	switch start, end, ok := talkTimes(t); {
	case ok:
		item.Start, item.End = start, end
	case inBlock && t.Status == schedule.TalkApproved:
		item.Start, item.End, item.Within = b.Start, b.End, oneLine(b.Title)
	}
	return item
}

func (v *campView) topicAgendaItem(t schedule.Topic) AgendaItem {
	item := AgendaItem{Target: schedule.Target{Kind: "topic", ID: t.ID}, Title: oneLine(t.Title), Who: oneLine(v.leader(t)),
		Status: string(t.Status), UID: topicUID(v.ev.Slug, t.ID)}
	if v.isPlaced(t) {
		track, room := v.topicRoom(t)
		slot := v.topicSlot(t)
		item.Start, item.End, item.Room, item.JoinLink = slot.Start, slot.End, oneLine(room.Name), v.ev.JoinLink(track.Room)
	}
	return item
}

func sortAgenda(items []AgendaItem) {
	// A stable sort keeps the order of starring among equals; the
	// unknown times go last.
	slices.SortStableFunc(items, func(a, b AgendaItem) int {
		return cmp.Or(cmp.Compare(boolInt(a.Start.IsZero()), boolInt(b.Start.IsZero())), a.Start.Compare(b.Start))
	})
}

// WriteAgendaICS writes one person's agenda as an iCalendar file: a VEVENT
// for each starred talk or topic that has a time (see AgendaItem), in UTC,
// with the UID schedule.ics gives the same talk or topic, so a calendar
// that has both updates one entry. DTSTAMP is c.GeneratedAt.
func WriteAgendaICS(w io.Writer, c Camp, stars []schedule.Target) error {
	if err := c.check(); err != nil {
		return err
	}
	v := newView(c)
	var events []icsEvent
	for _, item := range Agenda(c, stars) {
		if item.Start.IsZero() {
			continue
		}
		var e icsEvent
		switch item.Target.Kind {
		case "talk":
			t, _ := v.anyTalk(item.Target.ID)
			e = v.talkEvent(t, item.Start, item.End)
			if item.Within != "" {
				e.description = "Waiting in the queue of " + item.Within + ": the queue decides the minute.\n\n" + e.description
			}
		case "topic":
			t, _ := v.anyTopic(item.Target.ID)
			e = v.topicEvent(t)
		}
		e.url = item.JoinLink
		events = append(events, e)
	}
	sortICSEvents(events)
	return v.writeCalendar(w, "agenda.ics", "My "+oneLine(v.ev.Name), events)
}

// anyTalk and anyTopic find a talk or topic whatever its status.
func (v *campView) anyTalk(id int64) (schedule.Talk, bool) {
	i := slices.IndexFunc(v.camp.Talks, func(t schedule.Talk) bool { return t.ID == id })
	if i < 0 {
		return schedule.Talk{}, false
	}
	return v.camp.Talks[i], true
}

func (v *campView) anyTopic(id int64) (schedule.Topic, bool) {
	i := slices.IndexFunc(v.camp.Topics, func(t schedule.Topic) bool { return t.ID == id })
	if i < 0 {
		return schedule.Topic{}, false
	}
	return v.camp.Topics[i], true
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
