package sshapp

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"github.com/charmbracelet/colorprofile"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui"
)

// runTUI runs the camp's TUI for one terminal session until the person
// quits or the connection ends. Each session renders on its own: a client
// that stops reading holds up only itself, and is dropped once stalled.
func (s *Server) runTUI(ctx context.Context, sess ssh.Session, id identity) {
	pty, windows, _ := sess.Pty()
	env := append(sess.Environ(), "TERM="+pty.Term)
	profile := colorprofile.Env(env)
	out := &stallWriter{w: sess}
	model := s.sessionModel(ctx, id, sessionLook{
		zone: s.zoneFor(id.person, env), width: pty.Window.Width, height: pty.Window.Height, profile: profile,
	})
	p := tea.NewProgram(model,
		tea.WithContext(ctx),
		tea.WithInput(sess),
		tea.WithOutput(out),
		tea.WithEnvironment(env),
		tea.WithColorProfile(profile),
		tea.WithWindowSize(pty.Window.Width, pty.Window.Height),
		tea.WithoutSignalHandler(), // signals are the server's, not a session's
		tea.WithFilter(noSuspend),
	)
	done := make(chan struct{})
	defer close(done)
	go out.watch(s.cfg.StallTimeout, done, func() {
		s.cfg.Logger.Warn("dropped a stalled client", "key", id.fingerprint, "user", id.user)
		sess.Close()
	})
	go forwardWindowSizes(p, windows, done)
	if _, err := p.Run(); err != nil && ctx.Err() == nil {
		s.cfg.Logger.Error("session ended with an error", "key", id.fingerprint, "error", err.Error())
	}
	p.Kill()
}

// noSuspend ignores ctrl+z: there is no shell to return to over SSH.
func noSuspend(_ tea.Model, msg tea.Msg) tea.Msg {
	if _, ok := msg.(tea.SuspendMsg); ok {
		return tea.ResumeMsg{}
	}
	return msg
}

func forwardWindowSizes(p *tea.Program, windows <-chan ssh.Window, done <-chan struct{}) {
	for {
		select {
		case <-done:
			return
		case w, ok := <-windows:
			if !ok {
				return
			}
			p.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
		}
	}
}

// sessionLook is how one session's screen should look.
type sessionLook struct {
	zone          *time.Location
	width, height int
	profile       colorprofile.Profile
}

func (s *Server) zoneFor(p schedule.Person, env []string) *time.Location {
	if loc, err := schedule.LoadZone(viewerZone(p, env)); err == nil {
		return loc
	}
	return s.cfg.Backend.Event().Zone
}

// sessionModel is the camp TUI, behind the welcome form for a key that has
// not joined yet.
func (s *Server) sessionModel(ctx context.Context, id identity, look sessionLook) tea.Model {
	main := func(p schedule.Person, zone *time.Location) tea.Model {
		look.zone = zone
		return tui.New(s.tuiDeps(), schedule.Actor{PersonID: p.ID, Role: p.Role}, tui.Options{
			Zone: look.zone, Width: look.width, Height: look.height, DarkBackground: true, Profile: look.profile, Context: ctx,
		})
	}
	if id.actor.Role == schedule.RoleGuest || id.person.Joined() {
		return main(id.person, look.zone)
	}
	return newWelcome(ctx, s.backend, id, look, main)
}

func (s *Server) tuiDeps() tui.Deps {
	b := s.backend
	return tui.Deps{
		Event: b.Event(), Clock: s.cfg.Clock, People: b, Talks: b, Topics: b, Notes: b, Timers: b, Announcements: b,
		Feed: s.cfg.Feed, Presence: s.registry, ConnectHint: "attendees: " + s.ConnectHint(),
	}
}
