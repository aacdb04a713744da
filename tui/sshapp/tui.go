package sshapp

import (
	"context"
	"runtime/debug"
	"sync"
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
		tea.WithFPS(sessionFPS),
	)
	s.tuis.started()
	defer s.tuis.ended()
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
		Shared: s.tuis.sharedReads(),
	}
}

// sessionFPS is how often, at most, a session's screen is sent. Bubble Tea
// wakes each program this often to look for a new frame, changed or not
// (60 times a second by default): with about 500 sessions and nothing
// changing on any screen that cost 21% of a core at 60, 9% at 20. 20
// frames a second is more than a countdown needs and adds at most 50 ms (25
// on average) before a change shows; 10 saved little more and doubled the
// time to a new attendee's first frame. See docs/PERFORMANCE.md.
const sessionFPS = 20

// tuiSessions is what the terminal sessions of one server share: their
// reads (tui.Shared), and the memory they leave behind when they go.
type tuiSessions struct {
	once   sync.Once
	shared *tui.Shared

	mu       sync.Mutex
	active   int
	peak     int         // most sessions at once since memory was last given back
	returner *time.Timer // pending memory return
}

// When at least returnAfterLeaving sessions have ended and no more than
// half of the peak remain, the memory they used goes back to the operating
// system, returnDelay later (so a crowd leaving is one return, not many).
// Go's runtime returns free memory by itself, but slowly, and an idle
// server may not collect garbage for minutes; an organiser watching the
// server's memory after the camp should see it fall.
const (
	returnAfterLeaving = 20
	returnDelay        = 3 * time.Second
)

func (t *tuiSessions) sharedReads() *tui.Shared {
	t.once.Do(func() { t.shared = tui.NewShared() })
	return t.shared
}

func (t *tuiSessions) started() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.active++
	t.peak = max(t.peak, t.active)
}

func (t *tuiSessions) ended() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.active--
	if t.returner == nil && t.peak-t.active >= returnAfterLeaving && t.active*2 <= t.peak {
		t.returner = time.AfterFunc(returnDelay, t.returnMemory)
	}
}

func (t *tuiSessions) returnMemory() {
	t.mu.Lock()
	t.peak, t.returner = t.active, nil
	t.mu.Unlock()
	debug.FreeOSMemory()
}
