package commands

import (
	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
)

// Organisers' broadcasts and the open-space board.

func (t *tree) announceCommand() *cobra.Command {
	return t.organiser(&cobra.Command{
		Use:     "announce TEXT...",
		Short:   "Send an announcement to every session (TEXT - reads standard input)",
		Example: t.examples("announce Open space starts in 5 minutes: check topics for your room"),
		Args:    minArgs(1),
		RunE: t.run(func(c *call) error {
			body, err := c.textArg(c.args)
			if err != nil {
				return err
			}
			a, err := c.backend().Announce(c.ctx, c.actor(), body)
			if err != nil {
				return err
			}
			return c.report(announcementJSON{ID: a.ID, Author: line(a.Author), Text: text(a.Text), CreatedAt: stamp(a.CreatedAt)},
				"Announced (#%d):\n%s", a.ID, indent(text(a.Text)))
		}),
	})
}

func (t *tree) assignCommand() *cobra.Command {
	return t.organiser(&cobra.Command{
		Use:     "assign TOPIC TRACK SLOT",
		Short:   "Place a topic on the open-space board: a track (breakout room) and a slot",
		Example: t.examples("assign 5 b eu-openspace-1/1"),
		Args:    exactArgs(3),
		RunE: t.run(func(c *call) error {
			return c.changeTopic(c.args[0], "Placed", func(id int64) (schedule.Topic, error) {
				return c.backend().PlaceTopic(c.ctx, c.actor(), id, c.args[1], c.args[2])
			})
		}),
	})
}

func (t *tree) unassignCommand() *cobra.Command {
	return t.organiser(&cobra.Command{
		Use:     "unassign TOPIC",
		Short:   "Take a topic off the open-space board",
		Example: t.examples("unassign 5"),
		Args:    exactArgs(1),
		RunE: t.run(func(c *call) error {
			return c.changeTopic(c.args[0], "Took off the board:", func(id int64) (schedule.Topic, error) {
				return c.backend().UnplaceTopic(c.ctx, c.actor(), id)
			})
		}),
	})
}
