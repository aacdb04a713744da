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
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropProductID, "-//lightningcamp//camp//EN")
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropCalendarScale, "GREGORIAN")
	cal.Props.SetText(ical.PropMethod, "PUBLISH")
	cal.Props.SetText(ical.PropName, oneLine(v.ev.Name))
	cal.Props.Set(calendarNameProp(oneLine(v.ev.Name)))
	for _, e := range v.icsEvents() {
		cal.Children = append(cal.Children, v.vevent(e))
	}
	var buf bytes.Buffer
	if err := ical.NewEncoder(&buf).Encode(cal); err != nil {
		return fmt.Errorf("export: schedule.ics: %w", err)
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
			events = append(events, icsEvent{
				uid: icsUID(v.ev.Slug, "talk", strconv.FormatInt(t.ID, 10)), summary: oneLine(t.Title) + " (" + oneLine(v.speaker(t)) + ")",
				description: v.talkLine(t, oneLine, oneLine(v.ev.Name)) + "\n\n" + cleanText(t.Abstract),
				location:    v.blockLocation(v.blockOf(t.Block)), start: start, end: end,
			})
		}
	}
	for _, t := range v.topics {
		slot := v.topicSlot(t)
		events = append(events, icsEvent{
			uid: icsUID(v.ev.Slug, "topic", strconv.FormatInt(t.ID, 10)), summary: "Open space: " + oneLine(t.Title),
			description: v.topicLine(t, oneLine, oneLine(v.ev.Name)) + "\n\n" + cleanText(t.Description),
			location:    v.topicLocation(t), start: slot.Start, end: slot.End,
		})
	}
	slices.SortStableFunc(events, func(a, b icsEvent) int { return cmp.Or(a.start.Compare(b.start), cmp.Compare(a.uid, b.uid)) })
	return events
}

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
	if u, err := url.Parse(v.calendarURL()); err == nil && u.Host != "" {
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
