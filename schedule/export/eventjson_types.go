package export

import (
	"cmp"
	"slices"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// The types below are event.json's contract. They are separate from the
// domain types on purpose: a field added to schedule.Person must not leak
// into a public file because someone forgot an omitempty.

type eventInfo struct {
	Slug         string         `json:"slug"`
	Name         string         `json:"name"`
	Series       string         `json:"series"`
	Date         string         `json:"date"`
	Zone         string         `json:"zone"`
	DisplayZones []string       `json:"display_zones"`
	Start        string         `json:"start"`
	End          string         `json:"end"`
	Links        schedule.Links `json:"links"`
	Rooms        []roomDoc      `json:"rooms"`
	Tracks       []trackDoc     `json:"tracks"`
	Blocks       []blockDoc     `json:"blocks"`
	Organisers   []organiserDoc `json:"organisers"`
}

type roomDoc struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type trackDoc struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Room        string `json:"room"`
	ReservedFor string `json:"reserved_for,omitempty"`
}

type blockDoc struct {
	ID    string    `json:"id"`
	Title string    `json:"title"`
	Kind  string    `json:"kind"`
	Start string    `json:"start"`
	End   string    `json:"end"`
	Zone  string    `json:"zone"`
	Room  string    `json:"room,omitempty"`
	Slots []slotDoc `json:"slots,omitempty"`
}

type slotDoc struct {
	ID    string `json:"id"`
	Index int    `json:"index"`
	Start string `json:"start"`
	End   string `json:"end"`
}

type organiserDoc struct {
	Name        string `json:"name"`
	Fingerprint string `json:"fingerprint,omitempty"` // private
}

type talkDoc struct {
	ID         int64    `json:"id"`
	SpeakerID  int64    `json:"speaker_id"`
	Speaker    string   `json:"speaker"`
	Title      string   `json:"title"`
	Abstract   string   `json:"abstract"`
	Minutes    int      `json:"minutes"`
	Links      []string `json:"links"`
	Tools      []string `json:"tools"`
	Tags       []string `json:"tags"`
	Block      string   `json:"block"`
	Position   int      `json:"position"`
	Status     string   `json:"status"`
	StartedAt  string   `json:"started_at,omitempty"`
	FinishedAt string   `json:"finished_at,omitempty"`
}

type topicDoc struct {
	ID          int64    `json:"id"`
	LeaderID    int64    `json:"leader_id"`
	Leader      string   `json:"leader"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Tags        []string `json:"tags"`
	Votes       int      `json:"votes"`
	Status      string   `json:"status"`
	Track       string   `json:"track,omitempty"`
	Slot        string   `json:"slot,omitempty"`
	Room        string   `json:"room,omitempty"` // Zoom breakout room name
	Start       string   `json:"start,omitempty"`
	End         string   `json:"end,omitempty"`
}

type noteDoc struct {
	ID        int64           `json:"id"`
	Target    schedule.Target `json:"target"`
	AuthorID  int64           `json:"author_id"`
	Author    string          `json:"author"`
	Text      string          `json:"text"`
	Revision  int             `json:"revision"`
	CreatedAt string          `json:"created_at,omitempty"`
	UpdatedAt string          `json:"updated_at,omitempty"`
}

type reportDoc struct {
	ID          int64           `json:"id"`
	Target      schedule.Target `json:"target"`
	AuthorID    int64           `json:"author_id"`
	Author      string          `json:"author"`
	Project     string          `json:"project"`
	ProjectURL  string          `json:"project_url,omitempty"`
	Tool        string          `json:"tool"`
	ToolVersion string          `json:"tool_version,omitempty"`
	Outcome     string          `json:"outcome"`
	Speedup     float64         `json:"speedup,omitempty"`
	Learnt      string          `json:"learnt"`
	CreatedAt   string          `json:"created_at,omitempty"`
}

type personDoc struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	Fingerprint string `json:"fingerprint,omitempty"` // private
	Email       string `json:"email,omitempty"`       // private
}

type registrationDoc struct {
	OrderID    string `json:"order_id"`
	TicketID   string `json:"ticket_id"`
	Name       string `json:"name"`
	Email      string `json:"email"`
	Status     string `json:"status"`
	TicketType string `json:"ticket_type,omitempty"`
}

func (v *campView) eventInfo(private bool) eventInfo {
	ev := v.ev
	info := eventInfo{
		Slug: ev.Slug, Name: ev.Name, Series: ev.Series, Date: ev.Date.String(), Zone: zoneName(ev.Zone),
		DisplayZones: nonNil(mapSlice(ev.DisplayZones, zoneName)),
		Start:        stampUTC(ev.Start()), End: stampUTC(ev.End()), Links: ev.Links,
		Rooms:  nonNil(mapSlice(ev.Rooms, func(r schedule.Room) roomDoc { return roomDoc{r.ID, r.Name} })),
		Tracks: nonNil(mapSlice(ev.Tracks, func(t schedule.Track) trackDoc { return trackDoc{t.ID, t.Name, t.Room, t.ReservedFor} })),
		Blocks: nonNil(mapSlice(ev.Blocks, blockDocOf)),
	}
	info.Organisers = nonNil(mapSlice(ev.Organisers, func(o schedule.Organiser) organiserDoc {
		if private {
			return organiserDoc{o.Name, o.Fingerprint}
		}
		return organiserDoc{Name: o.Name}
	}))
	return info
}

func blockDocOf(b schedule.Block) blockDoc {
	return blockDoc{
		ID: b.ID, Title: b.Title, Kind: string(b.Kind), Start: stampUTC(b.Start), End: stampUTC(b.End),
		Zone: zoneName(b.Zone), Room: b.Room,
		Slots: mapSlice(b.Slots(), func(s schedule.Slot) slotDoc {
			return slotDoc{s.ID(), s.Index, stampUTC(s.Start), stampUTC(s.End)}
		}),
	}
}

func zoneName(z *time.Location) string {
	if z == nil {
		return "UTC"
	}
	return z.String()
}

func (v *campView) talkDoc(t schedule.Talk) talkDoc {
	return talkDoc{
		ID: t.ID, SpeakerID: t.SpeakerID, Speaker: v.speaker(t), Title: t.Title, Abstract: t.Abstract,
		Minutes: t.Minutes, Links: nonNil(t.Links), Tools: nonNil(t.Tools), Tags: nonNil(t.Tags),
		Block: t.Block, Position: t.Position, Status: string(t.Status),
		StartedAt: stampUTC(t.StartedAt), FinishedAt: stampUTC(t.FinishedAt),
	}
}

func (v *campView) topicDoc(t schedule.Topic) topicDoc {
	d := topicDoc{
		ID: t.ID, LeaderID: t.LeaderID, Leader: v.leader(t), Title: t.Title, Description: t.Description,
		Tags: nonNil(t.Tags), Votes: t.Votes, Status: string(t.Status), Track: t.Track, Slot: t.Slot,
	}
	if v.isPlaced(t) {
		_, room := v.topicRoom(t)
		slot := v.topicSlot(t)
		d.Room, d.Start, d.End = room.Name, stampUTC(slot.Start), stampUTC(slot.End)
	}
	return d
}

func (v *campView) noteDoc(n schedule.NoteEntry) noteDoc {
	return noteDoc{
		ID: n.ID, Target: n.Target, AuthorID: n.AuthorID, Author: v.author(n), Text: n.Text,
		Revision: n.Revision, CreatedAt: stampUTC(n.CreatedAt), UpdatedAt: stampUTC(n.UpdatedAt),
	}
}

func (v *campView) reportDoc(r schedule.Report) reportDoc {
	return reportDoc{
		ID: r.ID, Target: r.Target, AuthorID: r.AuthorID, Author: v.reporter(r), Project: r.Project,
		ProjectURL: r.ProjectURL, Tool: r.Tool, ToolVersion: r.ToolVersion, Outcome: string(r.Outcome),
		Speedup: r.Speedup, Learnt: r.Learnt, CreatedAt: stampUTC(r.CreatedAt),
	}
}

// peopleDocs lists the people behind the exported items (a public export
// names nobody who did not speak, lead or write), or everyone when private.
func (v *campView) peopleDocs(talks []schedule.Talk, topics []schedule.Topic, notes []schedule.NoteEntry, reports []schedule.Report, private bool) []personDoc {
	names := map[int64]string{}
	for _, t := range talks {
		names[t.SpeakerID] = v.speaker(t)
	}
	for _, t := range topics {
		names[t.LeaderID] = v.leader(t)
	}
	for _, n := range notes {
		names[n.AuthorID] = v.author(n)
	}
	for _, r := range reports {
		names[r.AuthorID] = v.reporter(r)
	}
	if private {
		for _, p := range v.camp.People {
			names[p.ID] = v.name(p.ID, p.Name)
		}
	}
	docs := []personDoc{}
	for id, name := range names {
		d := personDoc{ID: id, Name: name}
		if p, ok := v.people[id]; ok && private {
			d.Fingerprint, d.Email = p.Fingerprint, p.Email
		}
		docs = append(docs, d)
	}
	slices.SortFunc(docs, func(a, b personDoc) int { return cmp.Compare(a.ID, b.ID) })
	return docs
}

func registrationDocs(regs []schedule.Registration) []registrationDoc {
	docs := mapSlice(regs, func(r schedule.Registration) registrationDoc {
		return registrationDoc{r.OrderID, r.TicketID, r.Name, r.Email, r.Status, r.TicketType}
	})
	slices.SortFunc(docs, func(a, b registrationDoc) int {
		return cmp.Or(cmp.Compare(a.TicketID, b.TicketID), cmp.Compare(a.Email, b.Email))
	})
	return nonNil(docs)
}

// nonNil makes an empty list encode as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// GuideTool is one tool of the compiler-tool guide as JSON: what every
// experience report of the series says about it (see schedule.BuildGuide).
// It is the shape of event.json's guide and of `guide --json`, so the two
// never drift apart.
type GuideTool struct {
	Tool     string                 `json:"tool"`
	Reports  int                    `json:"reports"`
	Outcomes schedule.OutcomeCounts `json:"outcomes"`
	Speedup  schedule.SpeedupStats  `json:"speedup"`
	Versions []string               `json:"versions"`
	Camps    []string               `json:"camps"`
	Projects []GuideProject         `json:"projects"`
}

// GuideProject is one report's project in a GuideTool.
type GuideProject struct {
	ReportID   int64   `json:"report_id"`
	Camp       string  `json:"camp"`
	CampName   string  `json:"camp_name"`
	Project    string  `json:"project"`
	ProjectURL string  `json:"project_url,omitempty"`
	Version    string  `json:"version,omitempty"`
	Outcome    string  `json:"outcome"`
	Speedup    float64 `json:"speedup,omitempty"`
}

// GuideTools is the guide as JSON; clean maps every text field (the
// identity for files, a terminal sanitiser for a terminal).
func GuideTools(guides []schedule.ToolGuide, clean func(string) string) []GuideTool {
	docs := make([]GuideTool, 0, len(guides))
	for _, g := range guides {
		d := GuideTool{Tool: clean(g.Tool), Reports: g.Reports, Outcomes: g.Outcomes, Speedup: g.Speedup,
			Versions: cleanAll(g.Versions, clean), Camps: cleanAll(g.Camps, clean), Projects: make([]GuideProject, 0, len(g.Projects))}
		for _, p := range g.Projects {
			d.Projects = append(d.Projects, GuideProject{ReportID: p.ReportID, Camp: clean(p.Camp), CampName: clean(p.CampName),
				Project: clean(p.Project), ProjectURL: clean(p.ProjectURL), Version: clean(p.Version), Outcome: clean(string(p.Outcome)), Speedup: p.Speedup})
		}
		docs = append(docs, d)
	}
	return docs
}

// cleanAll is clean over a list, never nil (JSON shows [] rather than null).
func cleanAll(xs []string, clean func(string) string) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		out = append(out, clean(x))
	}
	return out
}
