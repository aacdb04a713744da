package commands

import (
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/schedule/export"
)

// now: what is on, what comes next, the live talk's countdown, timers, the
// latest announcement, and the clock in every zone that matters.

// nowView is `now --json`.
type nowView struct {
	Now          stamp             `json:"now"`
	ViewerZone   string            `json:"viewer_zone"`
	Clocks       []clockJSON       `json:"clocks"`
	Current      []blockJSON       `json:"current"`
	Next         *blockJSON        `json:"next"`
	LiveTalk     *liveTalkJSON     `json:"live_talk"`
	NextTalk     *talkJSON         `json:"next_talk"`
	Timers       []timerJSON       `json:"timers"`
	Announcement *announcementJSON `json:"announcement"`

	ev    *schedule.Event // for the text, which export.WriteNowNext starts
	at    time.Time
	zone  *time.Location
	extra []*time.Location
}

// clockJSON is the time now in one zone.
type clockJSON struct {
	Zone      string `json:"zone"`
	Label     string `json:"label"`
	Abbrev    string `json:"abbrev"`
	LocalTime string `json:"local_time"` // HH:MM
	LocalDate string `json:"local_date"` // YYYY-MM-DD
	UTCOffset string `json:"utc_offset"` // +01:00
	Viewer    bool   `json:"viewer"`
}

// blockJSON is a block of the day as now sees it.
type blockJSON struct {
	ID              string `json:"id"`
	Title           string `json:"title"`
	Kind            string `json:"kind"`
	Start           stamp  `json:"start"`
	End             stamp  `json:"end"`
	Room            string `json:"room"`
	RoomName        string `json:"room_name"`
	JoinLink        string `json:"join_link"` // where to join the room (Event.JoinLink); "" without a room
	StartsInSeconds int64  `json:"starts_in_seconds"`
	EndsInSeconds   int64  `json:"ends_in_seconds"`
}

// liveTalkJSON is the talk on stage and its timer.
type liveTalkJSON struct {
	talkJSON
	StartedAt        stamp  `json:"started_at"`
	TimerID          *int64 `json:"timer_id"`
	TimerState       string `json:"timer_state"`
	RemainingSeconds *int64 `json:"remaining_seconds"` // negative once it overruns
}

type announcementJSON struct {
	ID        int64  `json:"id"`
	Author    string `json:"author"`
	Text      string `json:"text"`
	CreatedAt stamp  `json:"created_at"`
}

func (t *tree) nowCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "now",
		Short:   "What is on now and next, the live talk's countdown, timers and news",
		Example: t.examples("now", "now --json", "now --plain"),
		Args:    exactArgs(0),
		RunE: t.run(func(c *call) error {
			if c.wantsPlain() {
				return c.nowChat()
			}
			v, err := c.nowView()
			if err != nil {
				return err
			}
			return c.show(v)
		}),
	}
	addTZFlag(cmd)
	addJSONFlag(cmd)
	addPlainFlag(cmd)
	return t.everyone(cmd)
}

func (c *call) nowView() (nowView, error) {
	ev, at := c.event(), c.now()
	zone, err := c.viewerZone()
	if err != nil {
		return nowView{}, err
	}
	extra, err := c.extraZones()
	if err != nil {
		return nowView{}, err
	}
	v := nowView{Now: stamp(at), ViewerZone: zone.String(), Current: []blockJSON{}, ev: ev, at: at, zone: zone, extra: extra}
	v.Clocks = clocks(ev, zone, extra, at)
	for _, b := range ev.Current(at) {
		v.Current = append(v.Current, newBlockJSON(ev, b, at))
	}
	if b, ok := ev.Next(at); ok {
		next := newBlockJSON(ev, b, at)
		v.Next = &next
	}
	if err := c.addStage(&v); err != nil {
		return v, err
	}
	anns, err := c.backend().Announcements(c.ctx, 1)
	if len(anns) > 0 {
		a := anns[0]
		v.Announcement = &announcementJSON{ID: a.ID, Author: line(a.Author), Text: text(a.Text), CreatedAt: stamp(a.CreatedAt)}
	}
	return v, err
}

func clocks(ev *schedule.Event, viewer *time.Location, extra []*time.Location, at time.Time) []clockJSON {
	var out []clockJSON
	for _, z := range append(append([]*time.Location{}, ev.DisplayZones...), extra...) {
		local := at.In(z)
		out = append(out, clockJSON{
			Zone: z.String(), Label: export.ZoneLabel(z), Abbrev: schedule.ZoneAbbrev(at, z),
			LocalTime: local.Format("15:04"), LocalDate: local.Format(time.DateOnly), UTCOffset: local.Format("-07:00"),
			Viewer: z.String() == viewer.String(),
		})
	}
	return out
}

func newBlockJSON(ev *schedule.Event, b schedule.Block, at time.Time) blockJSON {
	j := blockJSON{ID: b.ID, Title: line(b.Title), Kind: string(b.Kind), Start: stamp(b.Start), End: stamp(b.End), Room: b.Room,
		StartsInSeconds: seconds(b.Start.Sub(at)), EndsInSeconds: seconds(b.End.Sub(at))}
	if r, ok := ev.Room(b.Room); ok {
		j.RoomName, j.JoinLink = line(r.Name), line(ev.JoinLink(r.ID))
	}
	return j
}

// addStage fills in the timers, the live talk with its countdown, and the
// next approved talk of a block that has not ended.
func (c *call) addStage(v *nowView) error {
	timers, err := c.backend().Timers(c.ctx)
	if err != nil {
		return err
	}
	v.Timers = newTimerList(timers, v.at)
	talks, err := c.backend().VisibleTalks(c.ctx, c.viewer(), schedule.TalkFilter{Status: []schedule.TalkStatus{schedule.TalkLive, schedule.TalkApproved}})
	if err != nil {
		return err
	}
	for _, t := range talks {
		switch {
		case t.Status == schedule.TalkLive && v.LiveTalk == nil:
			v.LiveTalk = newLiveTalk(t, timers, v.at)
		case t.Status == schedule.TalkApproved && v.NextTalk == nil && blockNotOver(v.ev, t.Block, v.at):
			next := newTalkJSON(t)
			v.NextTalk = &next
		}
	}
	return nil
}

func blockNotOver(ev *schedule.Event, id string, at time.Time) bool {
	b, ok := ev.Block(id)
	return ok && b.End.After(at)
}

func newLiveTalk(t schedule.Talk, timers []schedule.Timer, at time.Time) *liveTalkJSON {
	live := &liveTalkJSON{talkJSON: newTalkJSON(t), StartedAt: stamp(t.StartedAt)}
	ref := schedule.Target{Kind: "talk", ID: t.ID}.String()
	for _, tm := range timers {
		if tm.Ref == ref {
			id, left := tm.ID, seconds(tm.Remaining(at))
			live.TimerID, live.RemainingSeconds, live.TimerState = &id, &left, string(tm.State(at))
			break
		}
	}
	return live
}

func (v nowView) writeText(w io.Writer) {
	export.WriteNowNext(w, v.ev, v.at, v.extra...)
	if t := v.LiveTalk; t != nil {
		fmt.Fprintf(w, "\nLive: talk %d %s by %s%s\n", t.ID, quoted(t.Title), t.Speaker, liveLeft(t))
	}
	if t := v.NextTalk; t != nil {
		fmt.Fprintf(w, "Up next: talk %d %s by %s (%d min)\n", t.ID, quoted(t.Title), t.Speaker, t.Minutes)
	}
	if len(v.Timers) > 0 {
		fmt.Fprintln(w)
		writeTimers(w, v.Timers)
	}
	if a := v.Announcement; a != nil {
		fmt.Fprintf(w, "\nAnnouncement from %s at %s:\n%s\n", a.Author, readerClock{zone: v.zone, ref: v.at}.at(timeOf(a.CreatedAt)), indent(a.Text))
	}
}

func liveLeft(t *liveTalkJSON) string {
	if t.RemainingSeconds == nil {
		return " (no timer)"
	}
	left := time.Duration(*t.RemainingSeconds) * time.Second
	if left < 0 {
		return fmt.Sprintf(", %s over time", countdown(-left))
	}
	return fmt.Sprintf(", %s left", countdown(left))
}
