package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store"
	"github.com/lightningcamp/camp/tui/sshapp"
)

// serverFlags are shared by `camp` and `camp serve`.
type serverFlags struct {
	listen         string
	organiserKeys  []string
	sessionTimeout time.Duration
	pprof          string
}

func (f *serverFlags) bind(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.listen, "listen", sshapp.DefaultAddr, "address the SSH server listens on (HOST:PORT)")
	cmd.Flags().StringArrayVar(&f.organiserKeys, "organiser-key", nil, "public key file (FILE.pub) of an extra organiser; repeatable")
	cmd.Flags().DurationVar(&f.sessionTimeout, "session-timeout", store.DefaultSessionTimeout,
		"how long a terminal session of a process that stopped (crashed, killed) still counts as online; use the same in every process on one database")
	cmd.Flags().StringVar(&f.pprof, "pprof", "", "serve Go's profiler on this loopback address (127.0.0.1:PORT), for measuring (docs/PERFORMANCE.md)")
	_ = cmd.Flags().MarkHidden("pprof")
}

// organisers are the fingerprints of the schedule's organisers and of the
// keys given with --organiser-key.
func (f *serverFlags) organisers(ev *schedule.Event) (map[string]bool, error) {
	fps := map[string]bool{}
	for _, o := range ev.Organisers {
		fps[o.Fingerprint] = true
	}
	for _, path := range f.organiserKeys {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, usageError{fmt.Errorf("--organiser-key: %v", err)}
		}
		fp, err := schedule.Fingerprint(strings.TrimSpace(string(data)))
		if err != nil {
			return nil, usageError{fmt.Errorf("--organiser-key %s: %v", path, err)}
		}
		fps[fp] = true
	}
	return fps, nil
}

// newServer builds the SSH server for an opened camp.
func (c *config) newServer(o *opened, f *serverFlags, logOut io.Writer) (*sshapp.Server, error) {
	organisers, err := f.organisers(o.ev)
	if err != nil {
		return nil, err
	}
	if f.pprof != "" {
		if err := servePprof(f.pprof); err != nil {
			return nil, err
		}
	}
	camp := o.camp
	o.db.SetSessionTimeout(f.sessionTimeout)
	return sshapp.New(sshapp.Config{
		Addr:        f.listen,
		HostKeyPath: filepath.Join(c.dataDir(), "ssh_host_ed25519"),
		Limits:      o.ev.Limits,
		Organisers:  organisers,
		Backend:     camp,
		Feed:        camp,
		Publish:     o.db.Feed().Publish,
		Sessions:    o.db.Sessions(),
		Clock:       o.clock,
		Logger:      slog.New(slog.NewTextHandler(logOut, nil)),
		ExportEvent: eventJSON(camp),
		ExportMine:  mineMarkdown(camp),
		Rehearsal:   o.rehearsal,
	})
}

func (c *config) serveCommand() *cobra.Command {
	var f serverFlags
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the SSH server for attendees, without the console",
		Long: "serve runs the camp's SSH server headless, for a server machine. Attendees connect with\n" +
			"ssh -p PORT HOST. Run `camp` in another terminal on the same database for the console.",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c.rehearsal.startsClean = true
			o, err := c.open(cmd.Context())
			if err != nil {
				return err
			}
			defer o.Close()
			srv, err := c.newServer(o, &f, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			if err := srv.Listen(); err != nil {
				return err
			}
			if o.rehearsal != "" {
				fmt.Fprintf(cmd.OutOrStdout(), "%s (%s)\n", o.rehearsal, o.db.Path())
			}
			fmt.Fprintf(cmd.OutOrStdout(), "camp %s: attendees connect with: %s\n", o.ev.Slug, srv.ConnectHint())
			return serveUntilDone(cmd.Context(), srv)
		},
	}
	f.bind(cmd)
	return cmd
}

// serveUntilDone serves until ctx ends (Ctrl+C, SIGTERM), then tells
// every session goodbye.
func serveUntilDone(ctx context.Context, srv *sshapp.Server) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(nil) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	stopServer(srv) // every session is told goodbye
	return nil
}
