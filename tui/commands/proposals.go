package commands

import (
	"github.com/spf13/cobra"
)

// propose, edit and withdraw each hold a talk and a topic subcommand, so
// people say what they mean: `propose talk`, `withdraw topic 5`.

func (t *tree) proposeCommand() *cobra.Command {
	return t.attendee(t.group("propose", "Propose a lightning talk or an open-space topic",
		t.examples(`propose talk --title "Cython in anger" --minutes 5 --tool cython`,
			`propose topic --title "Packaging compiled wheels" --track a`),
		t.proposeTalkCommand(), t.proposeTopicCommand()))
}

func (t *tree) editCommand() *cobra.Command {
	return t.attendee(t.group("edit", "Change your talk or topic (only the flags you give)",
		t.examples("edit talk 12 --minutes 8", `edit topic 5 --description "Bring a failing build"`),
		t.editTalkCommand(), t.editTopicCommand()))
}

func (t *tree) withdrawCommand() *cobra.Command {
	return t.attendee(t.group("withdraw", "Withdraw your talk or topic",
		t.examples("withdraw talk 12", "withdraw topic 5"),
		t.withdrawTalkCommand(), t.withdrawTopicCommand()))
}

// setters copy the flags that were given onto a proposal, so that edit
// changes only what was asked and propose and edit share one flag set.
type setters struct {
	c   *call
	any bool // some flag was given
}

func (s *setters) str(flag string, dst *string, v string) {
	if s.c.flagSet(flag) {
		*dst, s.any = v, true
	}
}

func (s *setters) number(flag string, dst *int, v int) {
	if s.c.flagSet(flag) {
		*dst, s.any = v, true
	}
}

func (s *setters) list(flag string, dst *[]string, v []string) {
	if s.c.flagSet(flag) {
		*dst, s.any = v, true
	}
}

// nothingToChange is err, or, when an edit was given no flags, a usage
// error naming the flags it takes.
func nothingToChange(err error, flags string) error {
	if err != nil {
		return err
	}
	return usagef("nothing to change: give %s", flags)
}
