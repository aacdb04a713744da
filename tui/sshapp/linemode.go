package sshapp

import (
	"context"
	"fmt"
	"io"

	"charm.land/ssh"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/schedule/sanitize"
	"github.com/lightningcamp/camp/tui/commands"
	"github.com/lightningcamp/camp/tui/linemode"
)

// wantsLineMode says whether a session gets line mode: the `plain`
// command, or a terminal that cannot draw (TERM=dumb, as screen readers'
// terminals and Emacs shells set it) asking for the TUI.
func wantsLineMode(args []string, isPty bool, term string) bool {
	if len(args) == 1 && args[0] == "plain" {
		return true
	}
	return isPty && len(args) == 0 && term == "dumb"
}

// runLineMode speaks the day as lines to one session and runs what the
// person types through the command tree, as `ssh HOST COMMAND` would.
func (s *Server) runLineMode(ctx context.Context, sess ssh.Session, id identity) {
	_, _, isPty := sess.Pty()
	zone := s.zoneFor(id.person, sess.Environ())
	err := linemode.RunSession(ctx, linemode.SessionConfig{
		Watch: linemode.Config{Event: s.backend.Event(), Source: s.backend, Feed: s.cfg.Feed, Clock: s.cfg.Clock,
			Viewer: id.actor, Shared: s.tuis.sharedReads()},
		Zone:     zone,
		In:       sess,
		Out:      sess,
		Terminal: isPty,
		Limits:   s.cfg.Follow,
		MaxLine:  s.cfg.Conn.CommandBytes,
		Run: func(ctx context.Context, line string, out io.Writer) int {
			args, err := s.commandLine(line)
			if err != nil {
				fmt.Fprintln(out, "camp: "+schedule.ErrorMessage(err))
				return commands.ExitCode(err)
			}
			if id.fingerprint != "" && !id.person.Joined() { // they may have just joined
				if again, err := s.identify(ctx, id); err == nil {
					id = again
				}
			}
			s.cfg.Logger.Info("line-mode command", "key", id.fingerprint, "command", sanitize.Line(fmt.Sprint(args), 200))
			return commands.Execute(ctx, s.commandEnv(id, sess, args), args, nil, out, out)
		},
	})
	if err != nil && ctx.Err() == nil {
		s.cfg.Logger.Error("line mode ended with an error", "key", id.fingerprint, "error", sanitize.Line(err.Error(), 500))
	}
}
