package sshapp

import (
	"context"
	"fmt"
	"io"
	"time"

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
	ctx, cancel := untilHangUp(ctx, sess)
	defer cancel()
	_, _, isPty := sess.Pty()
	zone := s.zoneFor(id.person, sess.Environ())
	intro := ""
	if id.fingerprint != "" && !id.person.Joined() {
		intro = `You have not joined yet. To take part, type: join --name "Your Name" --accept-code-of-conduct`
	}
	err := linemode.RunSession(ctx, linemode.SessionConfig{
		Watch: linemode.Config{Event: s.backend.Event(), Source: s.backend, Feed: s.cfg.Feed, Clock: s.cfg.Clock,
			Viewer: id.actor, Shared: s.tuis.sharedReads()},
		Zone:     zone,
		In:       sess,
		Out:      sess,
		Terminal: isPty,
		Limits:   s.cfg.Follow,
		MaxLine:  s.cfg.Conn.CommandBytes,
		Intro:    intro,
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

// hangUpEvery is how often a streaming session asks whether its client is
// still there.
const hangUpEvery = 2 * time.Second

// untilHangUp is ctx, ended also when the client closes the session. A
// session's context is its connection's, which outlives a closed channel,
// and a stream with nothing to say would not notice by writing; so every
// hangUpEvery the server sends the keepalive request OpenSSH's own server
// sends (clients answer it, with a refusal), which fails once the channel
// is closed.
func untilHangUp(ctx context.Context, sess ssh.Session) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(ctx)
	go func() {
		tick := time.NewTicker(hangUpEvery)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				if _, err := sess.SendRequest("keepalive@openssh.com", true, nil); err != nil {
					cancel()
					return
				}
			}
		}
	}()
	return ctx, cancel
}

// streams says whether a command streams until the client hangs up.
func streams(args []string) bool { return len(args) > 0 && args[0] == "follow" }
