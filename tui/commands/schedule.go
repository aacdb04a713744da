package commands

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/schedule/export"
)

// schedule: the same timeline and JSON as `camp schedule`, with the
// viewer's own zone added beside the event's display zones.

func (t *tree) scheduleCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "schedule",
		Short:   "The day's blocks in the event's zones and yours",
		Example: t.examples("schedule", "schedule --tz Asia/Tokyo", "schedule --json"),
		Args:    exactArgs(0),
		RunE:    t.run(func(c *call) error { return c.schedule() }),
	}
	addTZFlag(cmd)
	addJSONFlag(cmd)
	return t.everyone(cmd)
}

func (c *call) schedule() error {
	extra, err := c.extraZones()
	if err != nil {
		return err
	}
	ev := c.event()
	if c.wantsJSON() {
		return c.relay(true, func(w io.Writer) error { return export.WriteScheduleJSON(w, ev, extra...) })
	}
	zone, err := c.viewerZone()
	if err != nil {
		return err
	}
	var b strings.Builder
	writeDay(&b, ev, zone)
	return c.print(b.String())
}

// writeDay is the day's timeline in 80 columns: each block in the reader's
// zone (start to end, with its abbreviation), the start in the event's
// other display zones beside it, and the title; then the rooms with the
// links to join them. (`camp schedule` prints the wide table with every
// zone's span; over SSH people read it in a terminal of any width.)
func writeDay(w io.Writer, ev *schedule.Event, zone *time.Location) {
	ref := ev.Start()
	var others []*time.Location
	for _, z := range ev.DisplayZones {
		if z.String() != zone.String() {
			others = append(others, z)
		}
	}
	rows := [][]string{{"Your time (" + schedule.ZoneAbbrev(ref, zone) + ")"}}
	for _, z := range others {
		rows[0] = append(rows[0], schedule.ZoneAbbrev(ref, z))
	}
	rows[0] = append(rows[0], "")
	for _, b := range ev.Blocks {
		row := []string{export.Span(b.Start, b.End, zone, ref)}
		for _, z := range others {
			row = append(row, export.Clock(b.Start, z, ref))
		}
		rows = append(rows, append(row, line(b.Title)))
	}
	fmt.Fprintf(w, "%s\n", fit(line(ev.Name)))
	fmt.Fprintf(w, "%s\n", fit(fmt.Sprintf("%s · your zone: %s", ref.In(ev.Zone).Format("Monday 2 January 2006"), zone)))
	if len(others) > 0 {
		fmt.Fprintf(w, "%s\n", fit("Beside your time, when each block starts in "+zoneNames(others)+"."))
	}
	fmt.Fprintln(w)
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, cell := range row[:len(row)-1] {
			widths[i] = max(widths[i], ansi.StringWidth(cell))
		}
	}
	for _, row := range rows {
		var l strings.Builder
		for i, cell := range row[:len(row)-1] {
			l.WriteString(cell + strings.Repeat(" ", widths[i]-ansi.StringWidth(cell)+2))
		}
		l.WriteString(row[len(row)-1])
		fmt.Fprintln(w, fit(strings.TrimRight(l.String(), " ")))
	}
	writeRooms(w, ev)
}

func zoneNames(zs []*time.Location) string {
	var names []string
	for _, z := range zs {
		names = append(names, export.ZoneLabel(z))
	}
	return strings.Join(names, ", ")
}

// writeRooms lists the rooms with where to join each (Event.JoinLink).
func writeRooms(w io.Writer, ev *schedule.Event) {
	fmt.Fprintln(w, "\nRooms (open-space topics say which breakout room; see topics):")
	for _, r := range ev.Rooms {
		link := line(ev.JoinLink(r.ID))
		if link == "" {
			link = "(no link yet)"
		}
		fmt.Fprintf(w, "  %s: %s\n", line(r.Name), link)
	}
}

// addTZFlag lets a command show times in another zone than the session's.
func addTZFlag(cmd *cobra.Command) {
	cmd.Flags().String("tz", "", "also show times in this IANA zone, e.g. Asia/Tokyo (default: yours)")
}
