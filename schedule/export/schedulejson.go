package export

import (
	"encoding/json"
	"io"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// ScheduleJSON is the document `camp schedule --json` prints. Its keys are a
// contract (docs/JSON.md): add to them, never rename.
type ScheduleJSON struct {
	Event  EventHeaderJSON `json:"event"`
	Blocks []BlockJSON     `json:"blocks"`
	Tracks []TrackJSON     `json:"tracks"`
	Rooms  []RoomJSON      `json:"rooms"`
}

type EventHeaderJSON struct {
	Slug   string         `json:"slug"`
	Name   string         `json:"name"`
	Series string         `json:"series"`
	Date   string         `json:"date"`
	Zone   string         `json:"zone"`
	Zones  []string       `json:"zones"`
	Start  time.Time      `json:"start"`
	End    time.Time      `json:"end"`
	Links  schedule.Links `json:"links"`
}

type BlockJSON struct {
	ID    string     `json:"id"`
	Title string     `json:"title"`
	Kind  string     `json:"kind"`
	Start time.Time  `json:"start"`
	End   time.Time  `json:"end"`
	Room  string     `json:"room"`
	Zone  string     `json:"zone"`
	Slots []SlotJSON `json:"slots,omitempty"`
}

type SlotJSON struct {
	ID    string    `json:"id"`
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

type TrackJSON struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Room        string `json:"room"`
	ReservedFor string `json:"reserved_for"`
}

type RoomJSON struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// NewScheduleJSON builds the document. extraZones (a viewer's --tz) are added
// after the event's display zones.
func NewScheduleJSON(ev *schedule.Event, extraZones ...*time.Location) ScheduleJSON {
	doc := ScheduleJSON{
		Event: EventHeaderJSON{
			Slug: ev.Slug, Name: ev.Name, Series: ev.Series, Date: ev.Date.String(), Zone: ev.Zone.String(),
			Start: ev.Start().UTC(), End: ev.End().UTC(), Links: ev.Links,
		},
		Blocks: []BlockJSON{}, Tracks: []TrackJSON{}, Rooms: []RoomJSON{},
	}
	for _, z := range append(append([]*time.Location{}, ev.DisplayZones...), extraZones...) {
		doc.Event.Zones = append(doc.Event.Zones, z.String())
	}
	for _, b := range ev.Blocks {
		bj := BlockJSON{ID: b.ID, Title: b.Title, Kind: string(b.Kind), Start: b.Start.UTC(), End: b.End.UTC(), Room: b.Room, Zone: b.Zone.String()}
		for _, s := range b.Slots() {
			bj.Slots = append(bj.Slots, SlotJSON{ID: s.ID(), Start: s.Start.UTC(), End: s.End.UTC()})
		}
		doc.Blocks = append(doc.Blocks, bj)
	}
	for _, t := range ev.Tracks {
		doc.Tracks = append(doc.Tracks, TrackJSON{ID: t.ID, Name: t.Name, Room: t.Room, ReservedFor: t.ReservedFor})
	}
	for _, r := range ev.Rooms {
		doc.Rooms = append(doc.Rooms, RoomJSON{ID: r.ID, Name: r.Name})
	}
	return doc
}

// WriteScheduleJSON writes the schedule as indented JSON.
func WriteScheduleJSON(w io.Writer, ev *schedule.Event, extraZones ...*time.Location) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(NewScheduleJSON(ev, extraZones...))
}
