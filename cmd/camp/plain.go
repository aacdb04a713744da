package main

import (
	"context"
	"fmt"
	"io"

	"github.com/anmitsu/go-shlex"
	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/store"
	"github.com/lightningcamp/camp/tui/commands"
	"github.com/lightningcamp/camp/tui/linemode"
)

// wantsPlain says whether the console runs in line mode: --plain, or a
// terminal that cannot draw (TERM=dumb, as in an Emacs shell or a screen
// reader's terminal). A script with TERM=dumb and no terminal still gets
// what is on now and the timeline, as before.
func (c *config) wantsPlain(cmd *cobra.Command) bool {
	plain, _ := cmd.Flags().GetBool("plain")
	return plain || (c.main.Getenv("TERM") == "dumb" && isTerminal(cmd.InOrStdin()))
}

// runConsoleLines is the organiser's console in line mode: the day as
// lines and a prompt for the SSH command tree, as the organiser. The
// terminal edits and echoes each line itself (it is not raw).
func (c *config) runConsoleLines(ctx context.Context, o *opened, in io.Reader, out io.Writer) error {
	actor, err := consoleActor(ctx, o.camp)
	if err != nil {
		return err
	}
	zone, err := c.consoleZone(ctx, o, actor.PersonID) // --tz, the organiser's zone, TZ, else the event's
	if err != nil {
		return err
	}
	env := func() *commands.Env {
		return &commands.Env{Backend: o.camp, Actor: actor, Fingerprint: store.ConsoleFingerprint, Clock: o.clock,
			SSHCommand: "", ExportEvent: eventJSON(o.camp), ExportMine: mineMarkdown(o.camp)}
	}
	return linemode.RunSession(ctx, linemode.SessionConfig{
		Watch: linemode.Config{Event: o.ev, Source: o.camp, Feed: o.camp, Clock: o.clock, Viewer: actor},
		Zone:  zone,
		In:    in,
		Out:   out,
		Run: func(ctx context.Context, line string, out io.Writer) int {
			args, err := shlex.Split(line, true)
			if err != nil {
				fmt.Fprintf(out, "camp: cannot read that line: %v\n", err)
				return commands.ExitUsage
			}
			return commands.Execute(ctx, env(), args, nil, out, out)
		},
	})
}
