package commands

import (
	"io"

	"github.com/spf13/cobra"

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
	return c.relay(false, func(w io.Writer) error { return export.WriteTimeline(w, ev, extra...) })
}

// addTZFlag lets a command show times in another zone than the session's.
func addTZFlag(cmd *cobra.Command) {
	cmd.Flags().String("tz", "", "also show times in this IANA zone, e.g. Asia/Tokyo (default: yours)")
}
