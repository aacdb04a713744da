package export

import (
	"cmp"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// The frab/pretalx schedule.json as the c3voc schema defines it
// (testdata/c3voc/schedule.schema.json, EUPL-1.2). Conference apps such as
// Giggity read it. Only the fields the schema allows are written: most of
// its objects forbid additional properties.

type frabDoc struct {
	Schema    string        `json:"$schema"`
	Generator frabGenerator `json:"generator"`
	Schedule  frabSchedule  `json:"schedule"`
}

type frabGenerator struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

type frabSchedule struct {
	Version    string         `json:"version"`
	BaseURL    string         `json:"base_url"`
	Conference frabConference `json:"conference"`
}

type frabConference struct {
	Acronym          string      `json:"acronym"`
	Title            string      `json:"title"`
	Start            string      `json:"start"`
	End              string      `json:"end"`
	DaysCount        int         `json:"daysCount"`
	TimeslotDuration string      `json:"timeslot_duration"`
	TimeZoneName     string      `json:"time_zone_name"`
	URL              string      `json:"url"`
	Tracks           []frabTrack `json:"tracks"`
	Rooms            []frabRoom  `json:"rooms"`
	Days             []frabDay   `json:"days"`
}

type frabTrack struct {
	Name string `json:"name"`
	Slug string `json:"slug"`
}

type frabRoom struct {
	Name string `json:"name"`
	Slug string `json:"slug"`
	GUID string `json:"guid"`
	Type string `json:"type"`
}

type frabDay struct {
	Index    int                    `json:"index"`
	Date     string                 `json:"date"`
	DayStart string                 `json:"day_start"`
	DayEnd   string                 `json:"day_end"`
	Rooms    map[string][]frabEvent `json:"rooms"` // encoding/json sorts the keys
}

type frabEvent struct {
	ID          int64           `json:"id"`
	GUID        string          `json:"guid"`
	Date        string          `json:"date"`
	Start       string          `json:"start"`
	End         string          `json:"end"`
	Duration    string          `json:"duration"`
	Room        string          `json:"room"`
	Slug        string          `json:"slug"`
	URL         string          `json:"url"`
	Title       string          `json:"title"`
	Subtitle    string          `json:"subtitle"`
	Track       string          `json:"track"`
	Type        string          `json:"type"`
	Language    string          `json:"language"`
	Abstract    string          `json:"abstract"`
	Persons     []frabPerson    `json:"persons"`
	Links       []frabReference `json:"links"`
	Attachments []frabReference `json:"attachments"`

	start, end time.Time // for sorting and day boundaries
}

// frabPerson has only a name (and a GUID): the schema accepts a person as
// frab's (id + public_name) or pretalx's (name), but exactly one of them.
type frabPerson struct {
	Name string `json:"name"`
	GUID string `json:"guid"`
}

type frabReference struct {
	Type  string `json:"type"`
	URL   string `json:"url"`
	Title string `json:"title"`
}

// WriteFrabSchedule writes schedule.json in the frab/pretalx format. Times
// are in the event's home zone (UTC if the schema cannot name that zone).
// Every block is an event (room-less ones, breaks and the open space, in
// the first room, the main room people return to), and so is every talk
// that has started and every placed topic, in its track's breakout room.
func WriteFrabSchedule(w io.Writer, c Camp, opt Options) error {
	if err := c.check(); err != nil {
		return err
	}
	v := newView(c)
	zone := frabZone(v.ev.Zone)
	events := v.frabEvents(zone, v.siteURL(opt))
	days := frabDays(events, zone)
	doc := frabDoc{
		Schema:    "https://c3voc.de/schedule/schema.json",
		Generator: frabGenerator{Name: "camp", URL: "https://github.com/lightningcamp/camp"},
		Schedule: frabSchedule{
			Version: stampUTC(c.GeneratedAt),
			BaseURL: v.siteURL(opt),
			Conference: frabConference{
				Acronym: frabAcronym(v.ev), Title: oneLine(v.ev.Name),
				Start: v.ev.Start().In(zone).Format(time.RFC3339), End: v.ev.End().In(zone).Format(time.RFC3339),
				DaysCount: len(days), TimeslotDuration: hoursMinutes(cmp.Or(v.ev.Talks.Length, 5*time.Minute)),
				TimeZoneName: zone.String(), URL: v.siteURL(opt),
				Tracks: v.frabTracks(), Rooms: v.frabRooms(), Days: days,
			},
		},
	}
	return writeJSON(w, doc)
}

// frabZoneName is the schema's pattern for time_zone_name.
var frabZoneName = regexp.MustCompile(`^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$`)

func frabZone(z *time.Location) *time.Location {
	if z != nil && frabZoneName.MatchString(z.String()) {
		return z
	}
	return time.UTC
}

// frabAcronymPattern is the schema's pattern for conference.acronym.
var frabAcronymPattern = regexp.MustCompile(`^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$`)

// frabAcronym is the series and slug in the schema's alphabet:
// lightning_camp_2026_03.
func frabAcronym(ev *schedule.Event) string {
	a := slugify(ev.Series+" "+ev.Slug, "_")
	if !frabAcronymPattern.MatchString(a) {
		a = "camp_" + a
	}
	return a
}

// siteURL is the address the camp's compilepython pages are published at.
func (v *campView) siteURL(opt Options) string {
	if u := webURL(opt.SiteURL); u != "" {
		return withSlash(u)
	}
	site := cmp.Or(webURL(v.ev.Links.Website), "https://compilepython.com/")
	return withSlash(site) + "LightningCamps/" + v.ev.Slug + "/"
}

func withSlash(u string) string {
	if u[len(u)-1] != '/' {
		return u + "/"
	}
	return u
}

// hoursMinutes is a duration as the schema's H:MM (e.g. 00:05, 1:30).
func hoursMinutes(d time.Duration) string {
	m := int(d.Round(time.Minute) / time.Minute)
	return fmt.Sprintf("%02d:%02d", m/60, m%60)
}

func (v *campView) frabTracks() []frabTrack {
	tracks := []frabTrack{{Name: "Lightning talks", Slug: "lightning-talks"}, {Name: "Schedule", Slug: "schedule"}}
	for _, t := range v.ev.Tracks {
		tracks = append(tracks, frabTrack{Name: oneLine(t.Name), Slug: frabTrackSlug(t)})
	}
	return tracks
}

func frabTrackSlug(t schedule.Track) string { return "track-" + slugify(t.ID, "-") }

func (v *campView) frabRooms() []frabRoom {
	return nonNil(mapSlice(v.ev.Rooms, func(r schedule.Room) frabRoom {
		return frabRoom{Name: r.Name, Slug: "room-" + slugify(r.ID, "-"), GUID: stableGUID(v.ev.Slug, "room", r.ID), Type: "online"}
	}))
}

// frabDays groups events (sorted by start) by their date in zone.
func frabDays(events []frabEvent, zone *time.Location) []frabDay {
	var days []frabDay
	var ends []time.Time
	for _, e := range events {
		date := e.start.In(zone).Format(time.DateOnly)
		if len(days) == 0 || days[len(days)-1].Date != date {
			days = append(days, frabDay{Index: len(days) + 1, Date: date, DayStart: e.Date, Rooms: map[string][]frabEvent{}})
			ends = append(ends, e.end)
		}
		i := len(days) - 1
		days[i].Rooms[e.Room] = append(days[i].Rooms[e.Room], e)
		if e.end.After(ends[i]) {
			ends[i] = e.end
		}
	}
	for i := range days {
		days[i].DayEnd = ends[i].In(zone).Format(time.RFC3339)
	}
	return nonNil(days)
}

// frabID is the schema's (deprecated but required) integer id, unique and
// stable: the block's place in the schedule, the talk's or topic's id, each
// times ten plus a digit for the kind.
func frabID(kind string, n int64) int64 {
	digit := map[string]int64{"block": 1, "talk": 2, "topic": 3}[kind]
	return n*10 + digit
}

func strID(id int64) string { return strconv.FormatInt(id, 10) }

// sortFrabEvents orders events by start, then id.
func sortFrabEvents(events []frabEvent) {
	slices.SortStableFunc(events, func(a, b frabEvent) int {
		return cmp.Or(a.start.Compare(b.start), cmp.Compare(a.ID, b.ID))
	})
}
