package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule/export"
	"github.com/lightningcamp/camp/tui"
)

// runConsole is what plain `camp` does: the organiser's console in this
// terminal, with the SSH server for attendees running beside it. Without a
// terminal (a pipe, a script) it prints what is on now and the day's
// timeline instead.
func (c *config) runConsole(cmd *cobra.Command, f *serverFlags) error {
	o, err := c.open(cmd.Context())
	if err != nil {
		return err
	}
	defer o.Close()
	out := cmd.OutOrStdout()
	plain := c.wantsPlain(cmd)
	if !plain && (!isTerminal(out) || !isTerminal(cmd.InOrStdin())) {
		return printNowAndTimeline(out, o)
	}
	logFile, err := os.OpenFile(filepath.Join(c.dataDir(), "camp.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	defer logFile.Close()
	srv, err := c.newServer(o, f, logFile)
	if err != nil {
		return err
	}
	if err := srv.Listen(); err != nil {
		return err
	}
	go srv.Serve(nil)
	defer srv.Close()
	if plain {
		fmt.Fprintln(out, "Attendees: "+srv.ConnectHint())
		return c.runConsoleLines(cmd.Context(), o, cmd.InOrStdin(), out)
	}
	return c.runConsoleTUI(cmd.Context(), o, srv.ConnectHint(), srv.Presence())
}

func (c *config) runConsoleTUI(ctx context.Context, o *opened, hint string, presence tui.Presence) error {
	actor, err := consoleActor(ctx, o.camp)
	if err != nil {
		return err
	}
	camp := o.camp
	deps := tui.Deps{
		Event: o.ev, Clock: o.clock, People: camp, Talks: camp, Topics: camp, Notes: camp, Timers: camp,
		Announcements: camp, Feed: camp, Presence: presence, ConnectHint: "attendees: " + hint,
	}
	env := os.Environ()
	profile := tui.ColorProfile(colorprofile.Detect(os.Stdout, env), env) // no colour for NO_COLOR and mono TERMs
	model := tui.New(deps, actor, tui.Options{Context: ctx, DarkBackground: true, Profile: profile})
	_, err = tea.NewProgram(model, tea.WithContext(ctx), tea.WithColorProfile(profile)).Run()
	if ctx.Err() != nil {
		return nil // Ctrl+C or SIGTERM: a normal way to end the day
	}
	return err
}

func printNowAndTimeline(out io.Writer, o *opened) error {
	fmt.Fprintf(out, "Schedule: %s\nDatabase: %s\n\n", o.source, o.db.Path())
	if err := export.WriteNowNext(out, o.ev, o.clock.Now()); err != nil {
		return err
	}
	fmt.Fprintln(out)
	return export.WriteTimeline(out, o.ev)
}

func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	return ok && term.IsTerminal(file.Fd())
}
