package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store"
	"github.com/lightningcamp/camp/tui/commands"
)

// consoleActor is the organiser at this terminal, who has no SSH key.
func consoleActor(ctx context.Context, camp *store.Camp) (schedule.Actor, error) {
	p, err := camp.Login(ctx, store.ConsoleFingerprint, true)
	if err != nil {
		return schedule.Actor{}, err
	}
	a := schedule.Actor{PersonID: p.ID, Role: schedule.RoleOrganiser}
	if !p.Joined() {
		if _, err := camp.Join(ctx, a, schedule.JoinRequest{Name: "Organiser", AcceptCoC: true}); err != nil {
			return a, err
		}
	}
	return a, nil
}

// localEnv opens the camp for a data command run at the console (`camp talks`,
// `camp queue approve 3`): the organiser at this terminal is the actor.
func (c *config) localEnv(cmd *cobra.Command) (*commands.Env, error) {
	o, err := c.open(cmd.Context())
	if err != nil {
		return nil, err
	}
	c.opened = o
	if o.rehearsal != "" {
		fmt.Fprintf(cmd.ErrOrStderr(), "camp: %s (%s)\n", o.rehearsal, o.db.Path())
	}
	actor, err := consoleActor(cmd.Context(), o.camp)
	if err != nil {
		return nil, err
	}
	return &commands.Env{
		Backend: o.camp, Actor: actor, Fingerprint: store.ConsoleFingerprint, Clock: o.clock, SSHCommand: "camp",
		ExportEvent: eventJSON(o.camp), ExportMine: mineMarkdown(o.camp),
	}, nil
}
