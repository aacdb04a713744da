package sshapp

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"reflect"
	"runtime/debug"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui"
	"github.com/lightningcamp/camp/tui/live"
	"github.com/lightningcamp/camp/tui/sshapp/screen"
)

// runTUI runs the camp's TUI for one terminal session until the person
// quits or the connection ends. Each session renders on its own: a client
// that stops reading holds up only itself, and is dropped once stalled.
//
// A session costs as few goroutines as Bubble Tea allows (a crowd of
// thousands is the point; docs/PERFORMANCE.md has the figures): besides
// the SSH library's and the program's event loop and command runner, one
// reads the keys (screen.Input, in place of Bubble Tea's two) and one
// draws frames and also forwards window sizes and the server's stop
// (serveScreen). The stall watchdog and the clock that ticks countdowns
// (metronome) are one each for the whole server.
func (s *Server) runTUI(ctx context.Context, sess ssh.Session, id identity) {
	pty, windows, _ := sess.Pty()
	env := append(sess.Environ(), "TERM="+pty.Term)
	profile := tui.ColorProfile(colorprofile.Env(env), env)
	out := screen.NewStallWriter(sess)
	width, height := terminalSize(pty.Window.Width, pty.Window.Height)
	lines := screen.New(out, profile, width, height)
	entry := s.book(ctx, id.actor.PersonID)
	defer entry.close()
	ticks := &ticked{}
	model := s.sessionModel(ctx, id, entry, sessionLook{
		zone: s.zoneFor(id.person, env), width: width, height: height, profile: profile, wantTicks: ticks.want.Store,
	})
	var p *tea.Program
	p = tea.NewProgram(withoutTicker{screen.Drawn(model, lines), &p},
		tea.WithContext(ctx),
		tea.WithInput(nil), // screen.Input reads the keys (below)
		tea.WithOutput(out),
		tea.WithEnvironment(env),
		tea.WithColorProfile(profile),
		tea.WithWindowSize(width, height),
		tea.WithoutSignalHandler(), // signals are the server's, not a session's
		tea.WithFilter(sessionFilter(lines)),
		tea.WithoutRenderer(), // the screen.Renderer draws (see its contract)
	)
	ticks.program = p
	defer s.clock.add(ticks)()
	// The watchdog outlives the drawing, so a write to a client that has
	// stopped reading cannot hold the session open.
	defer s.watchdog.Watch(out, func() {
		s.cfg.Logger.Warn("dropped a stalled client", "key", id.fingerprint, "user", id.user)
		sess.Close()
	})()
	go func() { _ = screen.NewInput(p.Send).Run(sess) }() // returns when the session's channel closes
	done, drawing := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(drawing)
		defer s.recoverSession(sess) // a panic here ends this session, not the server
		s.serveScreen(p, lines, windows, done)
	}()
	if _, err := p.Run(); err != nil && ctx.Err() == nil {
		s.cfg.Logger.Error("session ended with an error", "key", id.fingerprint, "error", err.Error())
	}
	p.Kill()
	close(done)
	<-drawing
	_ = lines.Restore() // the person may have quit: their terminal goes back as it was
	if s.stopping.stopped() {
		_, _ = io.WriteString(out, "\r\n"+GoodbyeLine+"\r\n")
	}
}

// serveScreen draws the session's frames until done is closed, and on the
// same goroutine passes the terminal's new sizes to the program and tells
// it to quit when the organiser stops the server.
func (s *Server) serveScreen(p *tea.Program, lines *screen.Renderer, windows <-chan ssh.Window, done <-chan struct{}) {
	stopping := s.stopping.channel()
	for {
		select {
		case <-done:
			return
		case <-stopping: // the organiser stops the server: leave politely
			stopping = nil
			p.Quit()
		case w, ok := <-windows:
			if !ok {
				windows = nil
				continue
			}
			width, height := terminalSize(w.Width, w.Height)
			s.resizes.Add(1)
			p.Send(tea.WindowSizeMsg{Width: width, Height: height})
		case <-lines.Woken():
			if lines.DrawPaced(done) != nil {
				return // the connection is gone; the session ends by itself
			}
		}
	}
}

// withoutTicker stops the ticker Bubble Tea v2.1 keeps in every program
// for its renderer, which wakes the program every second even with the
// renderer off: a crowd of idle screens then costs a wake-up per session
// per second (upstream charmbracelet/bubbletea#1776 and #1796 would make it
// sleep instead). Releasing the terminal stops it. The program has no input
// reader or renderer of its own to release (tea.WithInput(nil),
// tea.WithoutRenderer), and the session never restores the terminal
// (suspend is filtered out, nothing executes a process), so nothing else
// changes. Release waits up to half a second for an input reader that
// never ran, hence a command rather than Init itself.
type withoutTicker struct {
	tea.Model
	program **tea.Program
}

func (w withoutTicker) Init() tea.Cmd {
	p := *w.program
	return tea.Batch(w.Model.Init(), func() tea.Msg { _ = p.ReleaseTerminal(); return nil })
}

func (w withoutTicker) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	w.Model, cmd = w.Model.Update(msg)
	return w, cmd
}

// sessionFilter adjusts what a session's program does:
//   - ctrl+z is ignored: there is no shell to return to over SSH;
//   - the model's request for the terminal's background colour is dropped:
//     the screen.Renderer asks with the first frame, while Bubble Tea would
//     send it up to a second later, possibly as the person quits, and then
//     the answer would arrive at their shell prompt;
//   - what the model writes itself (a bell, text for the clipboard) goes
//     out with the screen's next frame: Bubble Tea would write it from the
//     ticker the session stops (withoutTicker).
func sessionFilter(lines *screen.Renderer) func(tea.Model, tea.Msg) tea.Msg {
	return func(_ tea.Model, msg tea.Msg) tea.Msg {
		switch {
		case msg == tea.RequestBackgroundColor():
			return nil
		case isSuspend(msg):
			return tea.ResumeMsg{}
		}
		switch m := msg.(type) {
		case tea.RawMsg:
			lines.Raw(fmt.Sprint(m.Msg))
			return nil
		}
		if reflect.TypeOf(msg) == clipboardMsg { // tea.SetClipboard's message, of an unexported type
			lines.Raw(ansi.SetSystemClipboard(reflect.ValueOf(msg).String()))
			return nil
		}
		return msg
	}
}

var clipboardMsg = reflect.TypeOf(tea.SetClipboard("")())

func isSuspend(msg tea.Msg) bool {
	_, ok := msg.(tea.SuspendMsg)
	return ok
}

// The terminal's size comes from the client and is not to be trusted: a
// PTY of a million rows would have every frame drawn a million lines
// high. Sizes are kept to what a real screen holds (a larger terminal shows
// the camp in its top-left corner), and a missing size is 80x24, as the
// model assumes.
const maxTerminalWidth, maxTerminalHeight = 500, 200

func terminalSize(width, height int) (int, int) {
	return within(width, 80, maxTerminalWidth), within(height, 24, maxTerminalHeight)
}

func within(n, unset, most int) int {
	if n <= 0 {
		return unset
	}
	return min(n, most)
}

// sessionLook is how one session's screen should look.
type sessionLook struct {
	zone          *time.Location
	width, height int
	profile       colorprofile.Profile
	wantTicks     func(bool) // tells the server's metronome (tui.Options.WantTicks)
}

func (s *Server) zoneFor(p schedule.Person, env []string) *time.Location {
	if loc, err := schedule.LoadZone(viewerZone(p, env)); err == nil {
		return loc
	}
	return s.cfg.Backend.Event().Zone
}

// sessionModel is the camp TUI, behind the welcome form for a key that has
// not joined yet.
func (s *Server) sessionModel(ctx context.Context, id identity, entry *booked, look sessionLook) tea.Model {
	main := func(p schedule.Person, zone *time.Location) tea.Model {
		if id.person.ID == 0 && p.ID != 0 { // a new key has just joined in the welcome
			s.registry.joined(id.fingerprint, p.ID)
			entry.joined(ctx, p.ID)
			s.cfg.Publish(schedule.Change{Kind: schedule.ChangePeople, IDs: []int64{p.ID}})
		}
		look.zone = zone
		return tui.New(s.tuiDeps(), schedule.Actor{PersonID: p.ID, Role: p.Role}, tui.Options{
			Zone: look.zone, Width: look.width, Height: look.height, DarkBackground: true, Profile: look.profile, Context: ctx,
			SharedClock: true, WantTicks: look.wantTicks,
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
		Feed: s.cfg.Feed, Presence: b, Stage: b, ConnectHint: "attendees: " + s.ConnectHint(),
		Shared: s.tuis.sharedReads(), Rehearsal: s.cfg.Rehearsal,
	}
}

// tuiSessions is what the terminal sessions of one server share: their
// reads (live.Shared), and the memory they leave behind when they go.
type tuiSessions struct {
	once   sync.Once
	shared *live.Shared

	mu       sync.Mutex
	active   int
	peak     int         // most sessions at once since memory was last given back
	returner *time.Timer // pending memory return
	log      *slog.Logger
}

// When at least returnAfterLeaving sessions have ended and no more than
// half of the peak remain, the memory they used goes back to the operating
// system, returnDelay after the last of them left (so a crowd leaving is
// one return, not many, and comes after all of it has gone).
// Go's runtime returns free memory by itself, but slowly, and an idle
// server may not collect garbage for minutes; an organiser watching the
// server's memory after the camp should see it fall.
const (
	returnAfterLeaving = 20
	returnDelay        = 3 * time.Second
)

func (t *tuiSessions) sharedReads() *live.Shared {
	t.once.Do(func() { t.shared = live.NewShared() })
	return t.shared
}

// count is how many terminal sessions are running.
func (t *tuiSessions) count() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.active
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
	if t.peak-t.active < returnAfterLeaving || t.active*2 > t.peak {
		return
	}
	// returnDelay after the last of a crowd has left, not the first half:
	// what the rest held would otherwise stay until the next crowd left.
	if t.returner == nil {
		t.returner = time.AfterFunc(returnDelay, t.returnMemory)
	} else {
		t.returner.Reset(returnDelay)
	}
}

func (t *tuiSessions) returnMemory() {
	t.mu.Lock()
	t.peak, t.returner = t.active, nil
	active := t.active
	t.mu.Unlock()
	debug.FreeOSMemory()
	if t.log != nil {
		t.log.Info("gave back the memory of sessions that ended", "sessions", active)
	}
}
