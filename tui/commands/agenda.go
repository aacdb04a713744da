package commands

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/schedule/export"
)

// A personal agenda: the talks and topics a person starred, in their zone,
// with rooms and join links, and as a calendar file (agenda --ics).

// starView is what `star` and `unstar` print (--json).
type starView struct {
	Target  schedule.Target `json:"target"`
	Title   string          `json:"title"`
	Starred bool            `json:"starred"`
	prefix  string
}

func (v starView) writeText(w io.Writer) {
	if v.Starred {
		fmt.Fprintf(w, "Starred %s %s: see your agenda with %s agenda\n", v.Target, quoted(v.Title), v.prefix)
		return
	}
	fmt.Fprintf(w, "Took %s %s off your agenda.\n", v.Target, quoted(v.Title))
}

func (t *tree) starCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "star TARGET",
		Short:   "Put a talk or topic on your agenda (--remove takes it off)",
		Example: t.examples("star talk:3", "star topic:5", "star --remove talk:3"),
		Args:    exactArgs(1),
		RunE: t.run(func(c *call) error {
			remove, _ := c.cmd.Flags().GetBool("remove")
			return c.star(!remove)
		}),
	}
	cmd.Flags().Bool("remove", false, "take it off your agenda instead")
	addJSONFlag(cmd)
	return t.attendee(cmd)
}

func (t *tree) unstarCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "unstar TARGET",
		Short:   "Take a talk or topic off your agenda",
		Example: t.examples("unstar talk:3"),
		Args:    exactArgs(1),
		RunE:    t.run(func(c *call) error { return c.star(false) }),
	}
	addJSONFlag(cmd)
	return t.attendee(cmd)
}

func (c *call) star(on bool) error {
	target, err := schedule.ParseTarget(c.args[0])
	if err != nil {
		return err
	}
	if err := c.backend().Star(c.ctx, c.actor(), target, on); err != nil {
		return err
	}
	title, err := c.targetTitle(target)
	if err != nil {
		return err
	}
	return c.show(starView{Target: target, Title: line(title), Starred: on, prefix: c.prefix})
}

// agendaView is `agenda --json`.
type agendaView struct {
	Zone  string           `json:"zone"`
	Items []agendaItemJSON `json:"items"`
	zone  *time.Location
	hint  string
}

type agendaItemJSON struct {
	Target   schedule.Target `json:"target"`
	Title    string          `json:"title"`
	Who      string          `json:"who"`
	Status   string          `json:"status"`
	Start    stamp           `json:"start,omitzero"`
	End      stamp           `json:"end,omitzero"`
	Within   string          `json:"within,omitempty"` // a queued talk: the block it happens in
	Room     string          `json:"room,omitempty"`
	JoinLink string          `json:"join_link,omitempty"`
	UID      string          `json:"uid"` // as in schedule.ics
}

func (v agendaView) writeText(w io.Writer) {
	fmt.Fprintf(w, "My agenda (times in %s)\n", v.Zone)
	if len(v.Items) == 0 {
		fmt.Fprintf(w, "\nNothing starred yet: %s\n", v.hint)
	}
	for _, it := range v.Items {
		fmt.Fprintf(w, "\n%s  %s\n  %s, %s\n", v.when(it), it.Target, quoted(it.Title), it.Who)
		switch {
		case it.Status == string(schedule.TalkRejected) || it.Status == string(schedule.TalkWithdrawn) || it.Status == string(schedule.TalkSkipped):
			fmt.Fprintf(w, "  %s\n", it.Status)
		case it.Within != "":
			fmt.Fprintf(w, "  in the queue of %s: the queue decides the minute\n", it.Within)
		case timeOf(it.Start).IsZero() && it.Target.Kind == "topic":
			fmt.Fprintln(w, "  not on the board yet")
		case timeOf(it.Start).IsZero():
			fmt.Fprintf(w, "  %s, not in a queue yet\n", it.Status)
		}
		switch {
		case it.Room != "" && it.JoinLink != "":
			fmt.Fprintf(w, "  %s: %s\n", it.Room, it.JoinLink)
		case it.Room != "" || it.JoinLink != "":
			fmt.Fprintf(w, "  %s%s\n", it.Room, it.JoinLink)
		}
	}
}

// when is an item's time in the viewer's zone: "Sat 28 Mar 10:00-10:05 GMT".
func (v agendaView) when(it agendaItemJSON) string {
	start, end := timeOf(it.Start), timeOf(it.End)
	if start.IsZero() {
		return "(no time yet)"
	}
	s, e := start.In(v.zone), end.In(v.zone)
	return s.Format("Mon 2 Jan 15:04") + "-" + e.Format("15:04 MST")
}

func (t *tree) agendaCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "agenda [--ics]",
		Short: "Your starred talks and topics, rooms and links (--ics: a calendar)",
		Long: "agenda lists the talks and topics you starred (star talk:ID) in your time zone, with the\n" +
			"Zoom room and its link. --ics prints them as an iCalendar file, in UTC, with the same UIDs as\n" +
			"the camp's schedule.ics, so your calendar updates the entries when you save it again.",
		Example: t.examples("agenda", "agenda --tz Asia/Tokyo", "agenda --ics > camp.ics"),
		Args:    exactArgs(0),
		RunE:    t.run(func(c *call) error { return c.agenda() }),
	}
	cmd.Flags().Bool("ics", false, "print an iCalendar file to save, e.g. agenda --ics > camp.ics")
	addTZFlag(cmd)
	addJSONFlag(cmd)
	return t.attendee(cmd)
}

func (c *call) agenda() error {
	ics, _ := c.cmd.Flags().GetBool("ics")
	if ics && c.wantsJSON() {
		return usagef("agenda takes --ics or --json, not both")
	}
	if c.isGuest() {
		return schedule.Errorf(schedule.EFORBIDDEN, "guests have no agenda: connect with an SSH key and join to star talks")
	}
	var stars []schedule.Target
	if id := c.actor().PersonID; id != 0 {
		var err error
		if stars, err = c.backend().StarsOf(c.ctx, id); err != nil {
			return err
		}
	}
	camp := export.Camp{Event: c.event(), GeneratedAt: c.now()}
	var err error
	if camp.Talks, err = c.backend().Talks(c.ctx, schedule.TalkFilter{}); err != nil {
		return err
	}
	if camp.Topics, err = c.backend().Topics(c.ctx); err != nil {
		return err
	}
	camp.Talks, camp.Topics = c.visibleOnAgenda(camp.Talks, camp.Topics)
	if ics {
		var buf bytes.Buffer
		if err := export.WriteAgendaICS(&buf, camp, stars); err != nil {
			return err
		}
		return c.relay(true, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err })
	}
	zone, err := c.viewerZone()
	if err != nil {
		return err
	}
	v := agendaView{Zone: zone.String(), Items: []agendaItemJSON{}, zone: zone, hint: "star one with " + c.prefix + " star talk:ID"}
	for _, it := range export.Agenda(camp, stars) {
		v.Items = append(v.Items, agendaItemJSON{Target: it.Target, Title: line(it.Title), Who: line(it.Who), Status: it.Status,
			Start: stamp(it.Start), End: stamp(it.End), Within: line(it.Within), Room: line(it.Room), JoinLink: line(it.JoinLink), UID: it.UID})
	}
	return c.show(v)
}

// visibleOnAgenda keeps the talks and topics the caller may see (the one
// visibility rule, schedule.Viewer): a starred talk that was since rejected
// or withdrawn, or someone else's topic that was withdrawn, drops off.
func (c *call) visibleOnAgenda(talks []schedule.Talk, topics []schedule.Topic) ([]schedule.Talk, []schedule.Topic) {
	v := c.viewer()
	var ts []schedule.Talk
	for _, t := range talks {
		if v.SeesTalk(t) {
			ts = append(ts, t)
		}
	}
	var ps []schedule.Topic
	for _, t := range topics {
		if v.SeesTopic(t) {
			ps = append(ps, t)
		}
	}
	return ts, ps
}
