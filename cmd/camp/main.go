// Command camp runs a Lightning Camp: the organiser's console, the SSH server
// for attendees, and the commands around the day (check, schedule, export...).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	_ "time/tzdata" // zones work on machines without a zoneinfo database

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/commands"
)

// Exit codes, a contract for scripts.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2 // bad usage or an invalid schedule
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := NewMain()
	os.Exit(m.Run(ctx, os.Args[1:]))
}

// Main is the program, with its outside world made explicit so tests can run
// it in-process: arguments, streams, environment and the real clock.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	Clock  schedule.Clock // the real clock; --now/--speed replace it
	cfg    *config
}

// closeOpened closes a camp a local data command opened.
func (m *Main) closeOpened() {
	if m.cfg != nil && m.cfg.opened != nil {
		m.cfg.opened.Close()
		m.cfg.opened = nil
	}
}

// NewMain returns a Main wired to the process's streams and environment.
func NewMain() *Main {
	return &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Clock: schedule.SystemClock{}}
}

// Run executes the command line and returns the exit code.
func (m *Main) Run(ctx context.Context, args []string) int {
	root := m.rootCommand()
	root.SetArgs(args)
	root.SetIn(m.Stdin)
	root.SetOut(trimmed(m.Stdout)) // the console draws on m.Stdout itself
	root.SetErr(m.Stderr)
	err := fang.Execute(ctx, root, fang.WithErrorHandler(printError), fang.WithVersion(version()), fang.WithoutManpage())
	m.closeOpened()
	return exitCode(err)
}

// usageError marks a mistake in how a command was called.
type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }
func (u usageError) Unwrap() error { return u.err }

func exitCode(err error) int {
	var u usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &u), commands.IsUsage(err), isCobraUsage(err), schedule.ErrorCode(err) == schedule.EINVALID:
		return exitUsage
	}
	return exitFailure
}

// isCobraUsage recognises cobra's own usage errors, which are plain errors.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, prefix := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument", "invalid argument", "accepts ", "requires at least", "requires at most"} {
		if strings.HasPrefix(msg, prefix) {
			return true
		}
	}
	return false
}

// printError prints errors plainly: one problem a line, no stack traces.
func printError(w io.Writer, _ fang.Styles, err error) {
	fmt.Fprintln(w, "camp: "+schedule.ErrorsReport(err))
	var u usageError
	if errors.As(err, &u) || commands.IsUsage(err) || isCobraUsage(err) {
		fmt.Fprintln(w, "Run 'camp --help' for usage.")
	}
}

func (m *Main) rootCommand() *cobra.Command {
	cfg := &config{main: m}
	m.cfg = cfg
	var server serverFlags
	root := &cobra.Command{
		Use:   "camp",
		Short: "Run a Lightning Camp from one terminal",
		Long: "camp runs a Lightning Camp: the organiser's console and the SSH server for attendees.\n" +
			"Attendees join with: ssh -p 2222 HOST",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cfg.runConsole(cmd, &server) },
	}
	server.bind(root)
	cfg.bindZoneFlag(root)
	root.Flags().Bool("plain", false, "line mode: the day as lines and a prompt for commands, for screen readers (also when TERM=dumb)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	cfg.bindGlobalFlags(root)
	root.AddCommand(cfg.checkCommand(), cfg.scheduleCommand(), cfg.exportCommand(), cfg.importCommand(), cfg.serveCommand(), cfg.backupCommand(), cfg.demoCommand(), versionCommand())
	root.AddCommand(commands.Commands(cfg.localEnv)...)
	return root
}

func noArgs(_ *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError{fmt.Errorf("unexpected argument %q", args[0])}
	}
	return nil
}

func exactArgs(n int) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) != n {
			return usageError{fmt.Errorf("want %d argument(s), got %d", n, len(args))}
		}
		return nil
	}
}

func maxArgs(n int) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) > n {
			return usageError{fmt.Errorf("too many arguments: %s", strings.Join(args[n:], " "))}
		}
		return nil
	}
}
