package commands

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/linemode"
)

// follow: the day's events as they happen, as lines or as newline-delimited
// JSON (docs/JSON.md, docs/follow.schema.json), until the client hangs up.

func (t *tree) followCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "follow",
		Short: "Stream the day's events as lines (or JSON) until you hang up",
		Long: "Streams what happens as it happens: talks and slots starting, countdown milestones,\n" +
			"approvals, the board, announcements. --json prints one JSON object a line\n" +
			"(type, time, and the changed object; see docs/JSON.md). A client that reads too\n" +
			"slowly loses its own events, and a gap event says so.",
		Example: t.examples("follow", "follow --json"),
		Args:    exactArgs(0),
		RunE: t.run(func(c *call) error {
			if c.env.Feed == nil {
				return schedule.Errorf(schedule.EINVALID, "follow needs a running camp: use it over ssh")
			}
			zone, err := c.viewerZone()
			if err != nil {
				return err
			}
			var keys io.Reader
			if c.env.Terminal {
				keys = c.cmd.InOrStdin()
			}
			return linemode.Follow(c.ctx, linemode.FollowConfig{
				Keys:   keys,
				Watch:  c.watchConfig(),
				Zone:   zone,
				Out:    c.cmd.OutOrStdout(),
				JSON:   c.wantsJSON(),
				CRLF:   c.env.Terminal,
				Limits: c.env.Follow,
			})
		}),
	}
	addTZFlag(cmd)
	addJSONFlag(cmd)
	return t.everyone(cmd)
}

// watchConfig is what a line-mode watcher needs for this caller.
func (c *call) watchConfig() linemode.Config {
	return linemode.Config{Event: c.event(), Source: c.backend(), Feed: c.env.Feed, Clock: c.env.Clock, Viewer: c.actor()}
}
