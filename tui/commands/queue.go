package commands

import (
	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
)

// queue: the organisers run the lightning-talk queue. The domain decides
// who may and which steps are allowed; these commands only say it.

// queueActions are the talk state machine's steps, each a subcommand.
var queueActions = []struct {
	act   schedule.TalkAction
	short string
}{
	{schedule.ActApprove, "Approve a proposed talk into its block's queue"},
	{schedule.ActReject, "Reject a proposed or approved talk (unreject undoes it)"},
	{schedule.ActUnreject, "Undo a rejection: the talk is proposed again"},
	{schedule.ActStart, "Start a talk: it goes live and its timer starts"},
	{schedule.ActFinish, "Finish the live talk and stop its timer"},
	{schedule.ActSkip, "Skip a talk (requeue puts it back)"},
	{schedule.ActRequeue, "Put a skipped talk back at the end of its queue"},
	{schedule.ActReopen, "Reopen a finished talk: it is live again with the time it had left"},
}

func (t *tree) queueCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "queue",
		Short: "Run the lightning-talk queue; bare, it lists talks still to come",
		Example: t.examples("queue", "queue --plain", "queue approve 12", "queue move 12 1", "queue start 12", "queue finish 12",
			"queue reschedule 12 am-talks", "queue next-camp 12 2026-06"),
		Args: cobra.ArbitraryArgs,
		RunE: t.run(func(c *call) error {
			if len(c.args) > 0 {
				return unknownSubcommand(c.cmd, c.args)
			}
			if c.wantsPlain() {
				return c.queueChat()
			}
			talks, err := c.backend().Talks(c.ctx, schedule.TalkFilter{Status: []schedule.TalkStatus{schedule.TalkProposed, schedule.TalkApproved, schedule.TalkLive}})
			if err != nil {
				return err
			}
			return c.show(newTalksView(talks))
		}),
	}
	addJSONFlag(cmd)
	addPlainFlag(cmd)
	for _, a := range queueActions {
		cmd.AddCommand(t.queueActionCommand(a.act, a.short))
	}
	cmd.AddCommand(t.queueMoveCommand(), t.queueRescheduleCommand(), t.queueNextCampCommand())
	return t.organiser(cmd)
}

func (t *tree) queueActionCommand(act schedule.TalkAction, short string) *cobra.Command {
	return &cobra.Command{
		Use:     string(act) + " ID",
		Short:   short,
		Example: t.examples("queue " + string(act) + " 12"),
		Args:    exactArgs(1),
		RunE:    t.run(func(c *call) error { return c.actOnTalk(c.args[0], act) }),
	}
}

func (t *tree) queueMoveCommand() *cobra.Command {
	return &cobra.Command{
		Use:     "move ID POSITION",
		Short:   "Put an approved talk at a position (from 1) of its block's queue",
		Example: t.examples("queue move 12 1"),
		Args:    exactArgs(2),
		RunE: t.run(func(c *call) error {
			return c.moveTalk(func(id int64) (schedule.Talk, error) {
				pos, err := parsePositive(c.args[1], "queue position")
				if err != nil {
					return schedule.Talk{}, err
				}
				return c.backend().MoveTalk(c.ctx, c.actor(), id, pos)
			})
		}),
	}
}

func (t *tree) queueRescheduleCommand() *cobra.Command {
	return &cobra.Command{
		Use:     "reschedule ID BLOCK",
		Short:   "Move a talk to the end of another talks block's queue",
		Example: t.examples("queue reschedule 12 am-talks"),
		Args:    exactArgs(2),
		RunE: t.run(func(c *call) error {
			return c.moveTalk(func(id int64) (schedule.Talk, error) {
				return c.backend().RescheduleTalk(c.ctx, c.actor(), id, c.args[1])
			})
		}),
	}
}

func (t *tree) queueNextCampCommand() *cobra.Command {
	return &cobra.Command{
		Use:     "next-camp ID SLUG",
		Short:   "Hand a talk on to another camp of the series, as a proposal",
		Example: t.examples("queue next-camp 12 2026-06"),
		Args:    exactArgs(2),
		RunE: t.run(func(c *call) error {
			return c.moveTalk(func(id int64) (schedule.Talk, error) {
				return c.backend().MoveTalkToEvent(c.ctx, c.actor(), id, c.args[1])
			})
		}),
	}
}

// moveTalk parses the talk id (the first argument), applies move and says
// where the talk is now.
func (c *call) moveTalk(move func(id int64) (schedule.Talk, error)) error {
	id, err := parseID(c.args[0], "talk")
	if err != nil {
		return err
	}
	talk, err := move(id)
	if err != nil {
		return err
	}
	if talk.Event != "" && talk.Event != c.event().Slug {
		return c.report(newTalkJSON(talk), "Moved %s to camp %s.", describeTalk(talk), line(talk.Event))
	}
	return c.report(newTalkJSON(talk), "Moved %s.", describeTalk(talk))
}
