package export

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-ical"

	"github.com/lightningcamp/camp/schedule"
)

// icsEvent is one VEVENT before encoding.
type icsEvent struct {
	uid, summary, description, location string
	url                                 string // where to join; "" for the event's calendarURL
	start, end                          time.Time
}

// WriteICS writes schedule.ics (RFC 5545): one VEVENT per block, per talk
// that has started (see talkTimes) and per placed topic, in UTC, with UIDs
// that stay the same across exports so calendars update rather than
// duplicate. DTSTAMP is c.GeneratedAt.
func WriteICS(w io.Writer, c Camp) error {
	if err := c.check(); err != nil {
		return err
	}
	v := newView(c)
	return v.writeCalendar(w, "schedule.ics", oneLine(v.ev.Name), v.icsEvents())
}

// writeCalendar encodes events as one VCALENDAR named name.
func (v *campView) writeCalendar(w io.Writer, file, name string, events []icsEvent) error {
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropProductID, "-//lightningcamp//camp//EN")
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropCalendarScale, "GREGORIAN")
	cal.Props.SetText(ical.PropMethod, "PUBLISH")
	cal.Props.SetText(ical.PropName, name)
	cal.Props.Set(calendarNameProp(name))
	for _, e := range events {
		cal.Children = append(cal.Children, v.vevent(e))
	}
	var buf bytes.Buffer
	if err := ical.NewEncoder(&buf).Encode(cal); err != nil {
		return fmt.Errorf("export: %s: %w", file, err)
	}
	_, err := w.Write(foldICSLines(buf.Bytes()))
	return err
}

// calendarNameProp is X-WR-CALNAME, the name Google and Apple calendars
// show; RFC 7986's NAME is newer and less widely read. SetText would tag
// this unknown property VALUE=TEXT, which some readers choke on.
func calendarNameProp(name string) *ical.Prop {
	p := ical.NewProp("X-WR-CALNAME")
	p.SetText(name)
	p.Params.Del(ical.ParamValue)
	return p
}

// icsEvents lists every calendar entry, by start time then UID.
func (v *campView) icsEvents() []icsEvent {
	var events []icsEvent
	for _, b := range v.ev.Blocks {
		events = append(events, icsEvent{
			uid: icsUID(v.ev.Slug, "block", b.ID), summary: oneLine(b.Title),
			description: fmt.Sprintf("%s at %s", blockKindText(b.Kind), oneLine(v.ev.Name)),
			location:    v.blockLocation(b), start: b.Start, end: b.End,
		})
	}
	for _, t := range v.talks {
		if start, end, ok := talkTimes(t); ok {
			events = append(events, v.talkEvent(t, start, end))
		}
	}
	for _, t := range v.topics {
		events = append(events, v.topicEvent(t))
	}
	sortICSEvents(events)
	return events
}

func sortICSEvents(events []icsEvent) {
	slices.SortStableFunc(events, func(a, b icsEvent) int { return cmp.Or(a.start.Compare(b.start), cmp.Compare(a.uid, b.uid)) })
}

// talkEvent is a talk's calendar entry from start to end.
func (v *campView) talkEvent(t schedule.Talk, start, end time.Time) icsEvent {
	return icsEvent{
		uid: talkUID(v.ev.Slug, t.ID), summary: oneLine(t.Title) + " (" + oneLine(v.speaker(t)) + ")",
		description: v.talkLine(t, oneLine, oneLine(v.ev.Name)) + "\n\n" + cleanText(t.Abstract),
		location:    v.blockLocation(v.blockOf(t.Block)), start: start, end: end,
	}
}

// topicEvent is a placed topic's calendar entry, for its slot.
func (v *campView) topicEvent(t schedule.Topic) icsEvent {
	slot := v.topicSlot(t)
	return icsEvent{
		uid: topicUID(v.ev.Slug, t.ID), summary: "Open space: " + oneLine(t.Title),
		description: v.topicLine(t, oneLine, oneLine(v.ev.Name)) + "\n\n" + cleanText(t.Description),
		location:    v.topicLocation(t), start: slot.Start, end: slot.End,
	}
}

func talkUID(slug string, id int64) string  { return icsUID(slug, "talk", strconv.FormatInt(id, 10)) }
func topicUID(slug string, id int64) string { return icsUID(slug, "topic", strconv.FormatInt(id, 10)) }

func (v *campView) vevent(e icsEvent) *ical.Component {
	ve := ical.NewEvent()
	ve.Props.SetText(ical.PropUID, e.uid)
	ve.Props.SetDateTime(ical.PropDateTimeStamp, v.camp.GeneratedAt.UTC())
	ve.Props.SetDateTime(ical.PropDateTimeStart, e.start.UTC())
	ve.Props.SetDateTime(ical.PropDateTimeEnd, e.end.UTC())
	ve.Props.SetText(ical.PropSummary, e.summary)
	ve.Props.SetText(ical.PropDescription, strings.TrimSpace(e.description))
	if e.location != "" {
		ve.Props.SetText(ical.PropLocation, e.location)
	}
	if u, err := url.Parse(firstNonBlank(e.url, v.calendarURL())); err == nil && u.Host != "" {
		ve.Props.SetURI(ical.PropURL, u)
	}
	return ve.Component
}

// calendarURL is where attendees join: the Zoom meeting, else the website.
func (v *campView) calendarURL() string {
	return firstNonBlank(webURL(v.ev.Links.Zoom), webURL(v.ev.Links.Website))
}

// blockOf is a block by id; the zero block when it is unknown.
func (v *campView) blockOf(id string) schedule.Block {
	b, _ := v.ev.Block(id)
	return b
}

// blockLocation names the Zoom room of a block. Room-less blocks are
// breaks, socials or the open space, which happens in the breakout rooms.
func (v *campView) blockLocation(b schedule.Block) string {
	if room, ok := v.ev.Room(b.Room); ok {
		return "Zoom: " + oneLine(room.Name)
	}
	if b.Kind == schedule.KindOpenSpace {
		return "Zoom breakout rooms"
	}
	return "Zoom"
}

func (v *campView) topicLocation(t schedule.Topic) string {
	track, room := v.topicRoom(t)
	return fmt.Sprintf("Zoom breakout room: %s (%s)", oneLine(room.Name), oneLine(track.Name))
}

// blockKindText says what happens in a block, for descriptions.
func blockKindText(k schedule.BlockKind) string {
	switch k {
	case schedule.KindOpening:
		return "Opening"
	case schedule.KindTalks:
		return "Lightning talks"
	case schedule.KindOpenSpace:
		return "Open space"
	case schedule.KindBreak:
		return "Break"
	case schedule.KindSocial:
		return "Social"
	case schedule.KindClosing:
		return "Closing"
	}
	return string(k)
}
