package sshapp

import (
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui"
)

// metronome is one clock for every terminal session of a server: just
// after each second turns it sends every program tui.Tick, so a session
// needs no timer and no waiting goroutine of its own to count down
// (tui.Options.SharedClock). The sessions are ticked in tickGroups groups
// spread over tickSpread, so a thousand screens do not all redraw, and
// write, in the same millisecond (an announcement landing then would wait
// behind them); a countdown is at most tickSpread late. Only sessions whose
// model wants ticks (something on screen counts down, tui.Options.WantTicks)
// get them, so screens with nothing to count cost nothing; it runs only
// while there are sessions.
type metronome struct {
	clock schedule.Clock

	mu       sync.Mutex
	sessions map[*ticked]struct{}
	running  bool
}

// ticked is one session on the metronome.
type ticked struct {
	program *tea.Program
	want    atomic.Bool // set by the session's model (tui.Options.WantTicks)
}

const (
	tickSpread = 250 * time.Millisecond
	tickGroups = 5
)

func newMetronome(clock schedule.Clock) *metronome {
	return &metronome{clock: clock, sessions: map[*ticked]struct{}{}}
}

// add ticks t.program, whenever t wants, until the returned function is
// called.
func (m *metronome) add(t *ticked) (remove func()) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sessions[t] = struct{}{}
	if !m.running {
		m.running = true
		go m.run()
	}
	return func() {
		m.mu.Lock()
		defer m.mu.Unlock()
		delete(m.sessions, t)
	}
}

func (m *metronome) run() {
	for {
		now := m.clock.Now()
		time.Sleep(now.Truncate(time.Second).Add(time.Second).Sub(now))
		programs, ok := m.wanting()
		if !ok {
			return
		}
		group := max(1, (len(programs)+tickGroups-1)/tickGroups)
		for i, p := range programs {
			if i > 0 && i%group == 0 {
				time.Sleep(tickSpread / tickGroups)
			}
			// Each send on its own goroutine, gone once the program takes
			// the tick: a busy session must not hold up the others' clock.
			go p.Send(tui.Tick())
		}
	}
}

// wanting lists the programs to tick this second; ok false (and the
// metronome stops) when there are no sessions at all.
func (m *metronome) wanting() (ps []*tea.Program, ok bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.sessions) == 0 {
		m.running = false
		return nil, false
	}
	for t := range m.sessions {
		if t.want.Load() {
			ps = append(ps, t.program)
		}
	}
	return ps, true
}
