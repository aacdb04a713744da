package sshapp

import (
	"context"
	"fmt"
	"runtime/debug"

	"charm.land/ssh"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/schedule/sanitize"
	"github.com/lightningcamp/camp/tui/commands"
)

// handle serves one session: recover, identity, limits, then the TUI for a
// terminal or the command tree for a command. Every step logs cleaned text
// only: user names and client versions are whatever a client sends.
func (s *Server) handle(sess ssh.Session) {
	ctx, cancel := context.WithCancel(sess.Context())
	defer cancel()
	defer s.recoverSession(sess)
	id, err := s.identify(ctx, sess)
	if err != nil {
		s.refuse(sess, id, err)
		return
	}
	release, err := s.registry.admit(id, s.cfg.Limits)
	if err != nil {
		s.refuse(sess, id, err)
		return
	}
	s.cfg.Publish(schedule.Change{Kind: schedule.ChangePeople, IDs: []int64{id.person.ID}})
	defer func() {
		release()
		s.cfg.Publish(schedule.Change{Kind: schedule.ChangePeople, IDs: []int64{id.person.ID}})
	}()
	_, _, isPty := sess.Pty()
	s.cfg.Logger.Info("session", "user", id.user, "client", id.client, "key", id.fingerprint,
		"role", string(id.actor.Role), "pty", isPty, "command", sanitize.Line(fmt.Sprint(sess.Command()), 200))
	if isPty && len(sess.Command()) == 0 {
		s.runTUI(ctx, sess, id)
		return
	}
	sess.Exit(s.runCommand(ctx, sess, id))
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
	sess.Exit(1)
}

func (s *Server) runCommand(ctx context.Context, sess ssh.Session, id identity) int {
	env := s.commandEnv(id, sess)
	return commands.Execute(ctx, env, sess.Command(), sess, sess, sess.Stderr())
}

func (s *Server) commandEnv(id identity, sess ssh.Session) *commands.Env {
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
		OnInternalError: func(err error) {
			s.cfg.Logger.Error("command failed", "key", id.fingerprint, "command", sanitize.Line(fmt.Sprint(sess.Command()), 200), "error", sanitize.Line(err.Error(), 500))
		},
	}
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
