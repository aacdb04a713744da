package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule/export"
	"github.com/lightningcamp/camp/tui"
	"github.com/lightningcamp/camp/tui/sshapp"
)

// runConsole is what plain `camp` does: the organiser's console in this
// terminal, with the SSH server for attendees running beside it. Without a
// terminal (a pipe, a script) it prints what is on now and the day's
// timeline instead.
func (c *config) runConsole(cmd *cobra.Command, f *serverFlags) error {
	c.rehearsal.startsClean = true
	o, err := c.open(cmd.Context())
	if err != nil {
		return err
	}
	defer o.Close()
	out := c.main.Stdout // the terminal itself, not the trimmed text stream
	plain := c.wantsPlain(cmd)
	if !plain && (!isTerminal(out) || !isTerminal(cmd.InOrStdin())) {
		zone, err := c.consoleZone(cmd.Context(), o, 0)
		if err != nil {
			return err
		}
		return printNowAndTimeline(out, o, extraZone(o.ev, zone)...)
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
	serving := make(chan error, 1)
	go func() { serving <- srv.Serve(nil) }()
	defer stopServer(srv)
	if plain {
		fmt.Fprintln(out, "Attendees: "+srv.ConnectHint())
		return c.runConsoleLines(cmd.Context(), o, cmd.InOrStdin(), out)
	}
	keep, err := c.consoleSession(cmd.Context(), o, srv, cmd.InOrStdin(), out)
	if err != nil || !keep {
		return err
	}
	return keepServing(cmd.Context(), out, srv, serving)
}

// consoleSession runs the console until the organiser quits, and says
// whether they chose to keep the SSH server running for the people
// connected.
func (c *config) consoleSession(ctx context.Context, o *opened, srv *sshapp.Server, in io.Reader, out io.Writer, opts ...tea.ProgramOption) (keep bool, err error) {
	actor, err := consoleActor(ctx, o.camp)
	if err != nil {
		return false, err
	}
	zone, err := c.consoleZone(ctx, o, actor.PersonID)
	if err != nil {
		return false, err
	}
	camp := o.camp
	deps := tui.Deps{
		Event: o.ev, Clock: o.clock, People: camp, Talks: camp, Topics: camp, Notes: camp, Timers: camp,
		Announcements: camp, Feed: camp, Presence: srv.Presence(), ConnectHint: "attendees: " + srv.ConnectHint(),
		Rehearsal: o.rehearsal, ServesOthers: true,
	}
	env := os.Environ()
	profile := tui.ColorProfile(colorprofile.Detect(out, env), env) // no colour for NO_COLOR and mono TERMs
	model := tui.New(deps, actor, tui.Options{Context: ctx, DarkBackground: true, Zone: zone, Profile: profile})
	defer model.Close()
	opts = append([]tea.ProgramOption{tea.WithContext(ctx), tea.WithInput(in), tea.WithOutput(out), tea.WithColorProfile(profile)}, opts...)
	_, err = tea.NewProgram(model, opts...).Run()
	if ctx.Err() != nil {
		return false, nil // SIGTERM (or Ctrl+C outside the console): a normal way to end the day
	}
	return model.KeepServing(), err
}

// keepServing runs the SSH server on without the console, until Ctrl+C or
// SIGTERM: the organiser closed the console but the room stays.
func keepServing(ctx context.Context, out io.Writer, srv *sshapp.Server, serving <-chan error) error {
	fmt.Fprintf(out, "The console is closed; camp still serves attendees (%s).\n"+
		"Press Ctrl+C to stop the server: everyone connected is told goodbye.\n"+
		"Meanwhile the data commands work from another terminal on the same database (camp talks, camp queue ...).\n",
		srv.ConnectHint())
	select {
	case <-ctx.Done():
		return nil
	case err := <-serving:
		return err
	}
}

// stopServer stops the SSH server politely: every terminal session is given
// its terminal back and a goodbye line, within a few seconds.
func stopServer(srv *sshapp.Server) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	_ = srv.Goodbye(ctx)
}

func printNowAndTimeline(out io.Writer, o *opened, zones ...*time.Location) error {
	fmt.Fprintf(out, "Schedule: %s\nDatabase: %s\n", o.source, o.db.Path())
	if o.rehearsal != "" {
		fmt.Fprintln(out, o.rehearsal)
	}
	fmt.Fprintln(out)
	if err := export.WriteNowNext(out, o.ev, o.clock.Now(), zones...); err != nil {
		return err
	}
	fmt.Fprintln(out)
	return export.WriteTimeline(out, o.ev, zones...)
}

func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	return ok && term.IsTerminal(file.Fd())
}
