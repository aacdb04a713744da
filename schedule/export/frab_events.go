package export

import (
	"strings"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// frabEvents lists every block, started talk and placed topic as a frab
// event, sorted by start.
func (v *campView) frabEvents(zone *time.Location, site string) []frabEvent {
	var events []frabEvent
	for i, b := range v.ev.Blocks {
		e := v.frabEvent(zone, "block", b.ID, int64(i+1), b.Start, b.End)
		e.Room, e.URL = v.blockRoomName(b), site+indexLink
		e.Title, e.Track, e.Type = oneLine(b.Title), "Schedule", frabBlockType(b.Kind)
		e.Abstract = blockKindText(b.Kind) + " at " + oneLine(v.ev.Name)
		events = append(events, e)
	}
	for _, t := range v.talks {
		start, end, ok := talkTimes(t)
		if !ok {
			continue
		}
		e := v.frabEvent(zone, "talk", strID(t.ID), t.ID, start, end)
		e.Room, e.URL = v.blockRoomName(v.blockOf(t.Block)), site+siteLink(pageName("talk", t.ID))
		e.Title, e.Track, e.Type, e.Abstract = oneLine(t.Title), "Lightning talks", "talk", cleanText(t.Abstract)
		e.Persons = []frabPerson{v.frabPerson(t.SpeakerID, v.speaker(t))}
		e.Links = nonNil(append(talkLinks(t), v.reportRefs(site, schedule.Target{Kind: "talk", ID: t.ID})...))
		events = append(events, e)
	}
	for _, t := range v.topics {
		slot := v.topicSlot(t)
		track, room := v.topicRoom(t)
		e := v.frabEvent(zone, "topic", strID(t.ID), t.ID, slot.Start, slot.End)
		e.Room, e.URL = room.Name, site+siteLink(pageName("topic", t.ID))
		e.Title, e.Track, e.Type, e.Abstract = oneLine(t.Title), oneLine(track.Name), "discussion", cleanText(t.Description)
		e.Subtitle = votesText(t.Votes)
		e.Persons = []frabPerson{v.frabPerson(t.LeaderID, v.leader(t))}
		e.Links = v.reportRefs(site, schedule.Target{Kind: "topic", ID: t.ID})
		events = append(events, e)
	}
	sortFrabEvents(events)
	return events
}

// frabEvent fills the fields every kind of event shares.
func (v *campView) frabEvent(zone *time.Location, kind, id string, n int64, start, end time.Time) frabEvent {
	local := start.In(zone)
	return frabEvent{
		ID: frabID(kind, n), GUID: stableGUID(v.ev.Slug, kind, id),
		Date: local.Format(time.RFC3339), Start: local.Format("15:04"), End: end.In(zone).Format(time.RFC3339),
		Duration: hoursMinutes(end.Sub(start)), Slug: slugify(v.ev.Slug+" "+kind+" "+id, "-"),
		Language: "en", Persons: []frabPerson{}, Links: []frabReference{}, Attachments: []frabReference{},
		start: start, end: end,
	}
}

// blockRoomName is the Zoom room of a block; room-less blocks (breaks, the
// open space as a whole) are listed in the first room, where people gather
// between sessions.
func (v *campView) blockRoomName(b schedule.Block) string {
	if r, ok := v.ev.Room(b.Room); ok {
		return r.Name
	}
	if len(v.ev.Rooms) > 0 {
		return v.ev.Rooms[0].Name
	}
	return "Zoom"
}

func frabBlockType(k schedule.BlockKind) string {
	switch k {
	case schedule.KindTalks:
		return "talk"
	case schedule.KindOpenSpace:
		return "discussion"
	case schedule.KindOpening, schedule.KindClosing, schedule.KindSocial:
		return "meeting"
	}
	return "other"
}

// frabPerson is a speaker or leader; the GUID is derived from the person's
// id within the series, never from an email, which stays private.
func (v *campView) frabPerson(id int64, name string) frabPerson {
	return frabPerson{Name: oneLine(name), GUID: stableGUID(strings.ToLower(v.ev.Series), "person", strID(id))}
}

// talkLinks are the talk's links that are web addresses; the schema wants
// URIs, and people type anything.
func talkLinks(t schedule.Talk) []frabReference {
	var refs []frabReference
	for _, l := range t.Links {
		if u := webURL(l); u != "" {
			refs = append(refs, frabReference{Type: "web", URL: u, Title: u})
		}
	}
	return refs
}

// reportRefs link a session to its experience-report pages.
func (v *campView) reportRefs(site string, target schedule.Target) []frabReference {
	refs := []frabReference{}
	for _, r := range v.reportsOf[target] {
		refs = append(refs, frabReference{Type: "related", URL: site + siteLink(pageName("report", r.ID)), Title: oneLine(reportTitle(r))})
	}
	return refs
}
