package schedule

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// validator turns a decoded file into an Event, collecting every problem
// with its position instead of stopping at the first.
type validator struct {
	file     string
	pos      keyPositions
	problems Problems
}

func (v *validator) addf(path, format string, args ...any) {
	v.problems = append(v.problems, Problem{Pos: v.pos.lookup(path), Path: path, Msg: fmt.Sprintf(format, args...)})
}

var indexRe = regexp.MustCompile(`\[\d+\]`)

// unknownKeys reports keys the file has but camp does not know, most often a
// typo that would otherwise be silently ignored.
func (v *validator) unknownKeys(keys []toml.Key) {
	for _, k := range keys {
		want := k.String()
		found := false
		for path := range v.pos {
			if indexRe.ReplaceAllString(path, "") == want {
				v.addf(path, "unknown key %q: check its spelling against schedule.example.toml", k[len(k)-1])
				found = true
			}
		}
		if !found {
			v.addf(want, "unknown key %q: check its spelling against schedule.example.toml", k[len(k)-1])
		}
	}
}

var slugRe = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)
var idRe = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)

func (v *validator) event(f *fileSchedule) *Event {
	ev := &Event{Name: strings.TrimSpace(f.Event.Name), Series: strings.TrimSpace(f.Event.Series), Links: f.Event.Links}
	ev.Slug = f.Event.Slug
	if !slugRe.MatchString(ev.Slug) {
		v.addf("event.slug", "%q is not a usable slug: use lower-case letters, digits and '-', e.g. \"2026-03\"", ev.Slug)
	}
	if ev.Name == "" {
		v.addf("event.name", "the event needs a name")
	}
	if ev.Series == "" {
		ev.Series = "Lightning Camp"
	}
	d, err := ParseDate(f.Event.Date)
	if err != nil {
		v.addf("event.date", "%v", err)
	}
	ev.Date = d
	ev.Zone = v.zone("event.zone", f.Event.Zone)
	ev.DisplayZones = v.displayZones(f.Event.DisplayZones)
	v.links(ev.Links)
	ev.Rooms = v.rooms(f.Rooms)
	ev.Tracks = v.tracks(f.Tracks, ev.Rooms)
	ev.Talks = v.talkRules(f.Talks)
	ev.OpenSpace = v.openSpaceRules(f.OpenSpace, ev.Links)
	ev.Blocks = v.blocks(f.Blocks, ev, err == nil)
	ev.Limits = v.limits(f.Limits)
	ev.Organisers = v.organisers(f.Organisers)
	return ev
}

func (v *validator) zone(path, name string) *time.Location {
	loc, err := LoadZone(name)
	if err != nil {
		v.addf(path, "%v", err)
	}
	return loc
}

func (v *validator) displayZones(names []string) []*time.Location {
	if len(names) == 0 {
		names = DefaultDisplayZones
	}
	var zones []*time.Location
	for i, n := range names {
		if loc := v.zone(fmt.Sprintf("event.display_zones[%d]", i), n); loc != nil {
			zones = append(zones, loc)
		}
	}
	return zones
}

func (v *validator) links(l Links) {
	for key, s := range map[string]string{"zoom": l.Zoom, "registration": l.Registration, "code_of_conduct": l.CodeOfConduct, "website": l.Website} {
		v.webAddress("event.links."+key, s)
	}
}

// webAddress checks an optional http(s) address.
func (v *validator) webAddress(path, s string) {
	if s == "" {
		return
	}
	if u, err := url.Parse(s); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		v.addf(path, "%q is not a web address: write it in full, starting with https://", s)
	}
}

// ids checks one id of a list and remembers it, reporting duplicates.
func (v *validator) id(path, id, what string, seen map[string]string) {
	switch {
	case id == "":
		v.addf(path, "every %s needs an id", what)
	case !idRe.MatchString(id):
		v.addf(path, "%q is not a usable id: use lower-case letters, digits, '-' and '_'", id)
	case seen[id] != "":
		v.addf(path, "duplicate %s id %q: it is already used at %s; ids must be unique", what, id, v.pos.lookup(seen[id]))
	default:
		seen[id] = path
	}
}

func (v *validator) rooms(in []fileRoom) []Room {
	ids, names := map[string]string{}, map[string]string{}
	var rooms []Room
	for i, r := range in {
		path := fmt.Sprintf("rooms[%d]", i)
		v.id(path+".id", r.ID, "room", ids)
		name := strings.TrimSpace(r.Name)
		switch {
		case name == "":
			v.addf(path+".name", "room %q needs a name: the exact name of the room in Zoom", r.ID)
		case LooksLikeFormula(name):
			v.addf(path+".name", "room name %q starts with %q, which spreadsheets read as a formula in the Zoom CSV: start it with a letter or digit", name, name[:1])
		case utf8.RuneCountInString(name) > RoomNameMax:
			v.addf(path+".name", "room name is %d characters long: Zoom room names are at most %d", utf8.RuneCountInString(name), RoomNameMax)
		case names[strings.ToLower(name)] != "":
			v.addf(path+".name", "room name %q is already used by %s: Zoom breakout rooms need distinct names", name, names[strings.ToLower(name)])
		default:
			names[strings.ToLower(name)] = path
		}
		link := strings.TrimSpace(r.Link)
		v.webAddress(path+".link", link)
		rooms = append(rooms, Room{ID: r.ID, Name: name, Link: link})
	}
	if len(rooms) > BreakoutRoomsMax {
		v.addf("rooms", "%d rooms: Zoom pre-assigns at most %d breakout rooms", len(rooms), BreakoutRoomsMax)
	}
	return rooms
}

func hasRoom(rooms []Room, id string) bool {
	for _, r := range rooms {
		if r.ID == id {
			return true
		}
	}
	return false
}

func roomIDs(rooms []Room) string {
	ids := make([]string, len(rooms))
	for i, r := range rooms {
		ids[i] = r.ID
	}
	return strings.Join(ids, ", ")
}

func (v *validator) tracks(in []fileTrack, rooms []Room) []Track {
	ids, used := map[string]string{}, map[string]string{}
	var tracks []Track
	for i, t := range in {
		path := fmt.Sprintf("tracks[%d]", i)
		v.id(path+".id", t.ID, "track", ids)
		switch {
		case t.Room == "":
			v.addf(path+".room", "track %q needs a room: the breakout room it is held in", t.ID)
		case !hasRoom(rooms, t.Room):
			v.addf(path+".room", "track %q is bound to room %q, which is not defined; rooms are: %s", t.ID, t.Room, roomIDs(rooms))
		case used[t.Room] != "":
			v.addf(path+".room", "room %q already holds track %s: give each track its own breakout room", t.Room, used[t.Room])
		default:
			used[t.Room] = t.ID
		}
		name := strings.TrimSpace(t.Name)
		if name == "" {
			name = t.ID
		}
		tracks = append(tracks, Track{ID: t.ID, Name: name, Room: t.Room, ReservedFor: strings.TrimSpace(t.ReservedFor)})
	}
	return tracks
}

func (v *validator) talkRules(t fileTalks) TalkRules {
	if t.Minutes < 1 {
		v.addf("talks.minutes", "a talk must last at least 1 minute (got %d)", t.Minutes)
	}
	if t.MaxMinutes < t.Minutes {
		v.addf("talks.max_minutes", "max_minutes (%d) is shorter than the default talk length minutes (%d)", t.MaxMinutes, t.Minutes)
	}
	if t.ChangeoverMinutes < 0 {
		v.addf("talks.changeover_minutes", "changeover cannot be negative (got %d)", t.ChangeoverMinutes)
	}
	tools := t.Tools
	if len(tools) == 0 {
		tools = DefaultTools
	}
	seen := map[string]bool{}
	for i, tool := range tools {
		if !idRe.MatchString(tool) {
			v.addf(fmt.Sprintf("talks.tools[%d]", i), "%q is not a usable tool tag: use lower-case letters, digits and '-'", tool)
		}
		if seen[tool] {
			v.addf(fmt.Sprintf("talks.tools[%d]", i), "tool %q is listed twice", tool)
		}
		seen[tool] = true
	}
	return TalkRules{
		Length:     time.Duration(t.Minutes) * time.Minute,
		MaxLength:  time.Duration(t.MaxMinutes) * time.Minute,
		Changeover: time.Duration(t.ChangeoverMinutes) * time.Minute,
		Tools:      tools,
	}
}

func (v *validator) openSpaceRules(o fileOpenSpace, links Links) OpenSpaceRules {
	if o.SlotMinutes < 5 {
		v.addf("openspace.slot_minutes", "an open-space slot must last at least 5 minutes (got %d)", o.SlotMinutes)
	}
	if o.DotsPerPerson < 0 {
		v.addf("openspace.dots_per_person", "dots_per_person cannot be negative (got %d)", o.DotsPerPerson)
	}
	if o.VotesRequireRegistration && links.Registration == "" {
		v.addf("openspace.votes_require_registration", "votes_require_registration needs the registration page in [event.links] registration: "+
			"attendees must be able to register before they can vote")
	}
	return OpenSpaceRules{SlotLength: time.Duration(o.SlotMinutes) * time.Minute, DotsPerPerson: o.DotsPerPerson,
		VotesRequireRegistration: o.VotesRequireRegistration}
}

func (v *validator) limits(l fileLimits) Limits {
	durations := []struct {
		key string
		d   time.Duration
		min time.Duration
	}{
		{"handshake_timeout", l.HandshakeTimeout, time.Second},
		{"idle_timeout", l.IdleTimeout, time.Minute},
		{"max_session", l.MaxSession, time.Minute},
		{"write_every", l.WriteEvery, time.Millisecond},
	}
	for _, d := range durations {
		if d.d < d.min {
			v.addf("limits."+d.key, "%s is too short (minimum %s): write a duration as a string such as \"10s\" or \"30m\"", d.d, d.min)
		}
	}
	counts := []struct {
		key string
		n   int
	}{
		{"sessions", l.Sessions}, {"sessions_per_key", l.SessionsPerKey}, {"write_burst", l.WriteBurst},
		{"talks_per_person", l.TalksPerPerson}, {"topics_per_person", l.TopicsPerPerson},
		{"name_max", l.NameMax}, {"title_max", l.TitleMax}, {"abstract_max", l.AbstractMax},
		{"note_max", l.NoteMax}, {"url_max", l.URLMax},
	}
	for _, c := range counts {
		if c.n < 1 {
			v.addf("limits."+c.key, "must be at least 1 (got %d)", c.n)
		}
	}
	return Limits{
		HandshakeTimeout: l.HandshakeTimeout, IdleTimeout: l.IdleTimeout, MaxSession: l.MaxSession,
		Sessions: l.Sessions, SessionsPerKey: l.SessionsPerKey, WriteBurst: l.WriteBurst, WriteEvery: l.WriteEvery,
		TalksPerPerson: l.TalksPerPerson, TopicsPerPerson: l.TopicsPerPerson,
		NameMax: l.NameMax, TitleMax: l.TitleMax, AbstractMax: l.AbstractMax, NoteMax: l.NoteMax, URLMax: l.URLMax,
	}
}

func (v *validator) organisers(in []fileOrganiser) []Organiser {
	var out []Organiser
	for i, o := range in {
		fp, err := Fingerprint(o.Key)
		if err != nil {
			v.addf(fmt.Sprintf("organisers[%d].key", i), "%v", err)
			continue
		}
		out = append(out, Organiser{Name: strings.TrimSpace(o.Name), Fingerprint: fp})
	}
	return out
}
