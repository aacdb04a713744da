package sshapp

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"

	"charm.land/ssh"
	"github.com/anmitsu/go-shlex"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/schedule/sanitize"
	"github.com/lightningcamp/camp/tui/commands"
)

// handle serves one session: recover, command line, limits, identity, then
// the TUI for a terminal or the command tree for a command. Everything that
// costs more than a comparison waits for the caps: the command line is
// split only once it is known to be short, and the database is written
// (Login) only once the session is admitted. Every step logs cleaned text
// only: user names and client versions are whatever a client sends.
func (s *Server) handle(sess ssh.Session) {
	ctx, cancel := context.WithCancel(sess.Context())
	defer cancel()
	terminal := false
	defer func() {
		if terminal { // counted gone once everything it held is let go (its place, its presence)
			s.tuis.ended()
		}
	}()
	defer s.recoverSession(sess)
	id := s.claim(sess)
	args, err := s.commandLine(sess.RawCommand())
	if err != nil {
		s.refuse(sess, id, err)
		return
	}
	seat, err := s.registry.admit(id, connOf(sess.Context()), s.cfg.Limits, s.cfg.Conn)
	if err != nil {
		s.refuse(sess, id, err)
		return
	}
	if id, err = s.identify(ctx, id); err != nil {
		seat.release()
		s.refuse(sess, id, err)
		return
	}
	seat.identified(id)
	s.cfg.Publish(schedule.Change{Kind: schedule.ChangePresence, IDs: []int64{id.person.ID}})
	defer func() {
		seat.release()
		s.cfg.Publish(schedule.Change{Kind: schedule.ChangePresence, IDs: []int64{id.person.ID}})
	}()
	pty, _, isPty := sess.Pty()
	s.cfg.Logger.Info("session", "user", id.user, "client", id.client, "key", id.fingerprint,
		"role", string(id.actor.Role), "pty", isPty, "command", sanitize.Line(fmt.Sprint(args), 200))
	if wantsLineMode(args, isPty, pty.Term) {
		s.runLineMode(ctx, sess, id)
		sess.Exit(0)
		return
	}
	if isPty && len(args) == 0 {
		terminal = true
		s.tuis.started()
		s.runTUI(ctx, sess, id)
		return
	}
	sess.Exit(s.runCommand(ctx, sess, id, args))
}

// commandLine reads what follows `ssh HOST`: refused over the cap before
// anything reads it (splitting into words is quadratic in a word's length),
// then split into words, once.
func (s *Server) commandLine(raw string) ([]string, error) {
	if most := s.cfg.Conn.CommandBytes; len(raw) > most {
		return nil, schedule.Errorf(schedule.EINVALID, "the command line is longer than %d bytes (%d): send long text on standard input, with - in its place", most, len(raw))
	}
	args, err := shlex.Split(raw, true)
	switch {
	case errors.Is(err, shlex.ErrNoClosing):
		return nil, schedule.Errorf(schedule.EINVALID, "the command line has a quote that is not closed")
	case errors.Is(err, shlex.ErrNoEscaped):
		return nil, schedule.Errorf(schedule.EINVALID, "the command line ends with a backslash")
	case err != nil:
		return nil, schedule.Errorf(schedule.EINVALID, "cannot read the command line: %v", err)
	}
	return args, nil
}

// recoverSession turns a panic into the end of one session, not the server.
func (s *Server) recoverSession(sess ssh.Session) {
	if r := recover(); r != nil {
		s.cfg.Logger.Error("panic in session", "panic", sanitize.Line(fmt.Sprint(r), 500), "stack", string(debug.Stack()))
		fmt.Fprintln(sess.Stderr(), "camp: internal error; the organisers have been told. Please reconnect.")
		sess.Exit(1)
	}
}

func (s *Server) refuse(sess ssh.Session, id identity, err error) {
	s.cfg.Logger.Warn("session refused", "user", id.user, "key", id.fingerprint, "reason", schedule.ErrorMessage(err))
	fmt.Fprintln(sess.Stderr(), "camp: "+schedule.ErrorMessage(err))
	sess.Exit(commands.ExitCode(err))
}

func (s *Server) runCommand(ctx context.Context, sess ssh.Session, id identity, args []string) int {
	if streams(args) {
		var cancel context.CancelFunc
		ctx, cancel = untilHangUp(ctx, sess)
		defer cancel()
	}
	env := s.commandEnv(id, sess, args)
	return commands.Execute(ctx, env, args, sess, sess, sess.Stderr())
}

func (s *Server) commandEnv(id identity, sess ssh.Session, args []string) *commands.Env {
	return &commands.Env{
		Backend:     s.backend,
		Actor:       id.actor,
		Fingerprint: id.fingerprint,
		Clock:       s.cfg.Clock,
		ViewerTZ:    viewerZone(id.person, sess.Environ()),
		Stats:       s.Stats,
		ExportEvent: s.cfg.ExportEvent,
		ExportMine:  s.cfg.ExportMine,
		SSHCommand:  s.ConnectHint(),
		Feed:        s.cfg.Feed,
		Terminal:    isTerminal(sess),
		Follow:      s.cfg.Follow,
		OnInternalError: func(err error) {
			s.cfg.Logger.Error("command failed", "key", id.fingerprint, "command", sanitize.Line(fmt.Sprint(args), 200), "error", sanitize.Line(err.Error(), 500))
		},
	}
}

func isTerminal(sess ssh.Session) bool {
	_, _, isPty := sess.Pty()
	return isPty
}

// viewerZone is the person's chosen zone, else the TZ their client sent.
func viewerZone(p schedule.Person, environ []string) string {
	if p.TZ != "" {
		return p.TZ
	}
	return clientTZ(environ)
}

// clientTZ reads TZ from the client's environment (ssh -o SendEnv=TZ), if
// it names a zone camp knows.
func clientTZ(environ []string) string {
	for _, kv := range environ {
		if len(kv) > 3 && kv[:3] == "TZ=" {
			if loc, err := schedule.LoadZone(kv[3:]); err == nil {
				return loc.String()
			}
		}
	}
	return ""
}
