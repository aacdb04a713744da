package sshapp

import (
	"sync"
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
// behind them); a countdown is at most tickSpread late. It runs only while
// there are sessions.
type metronome struct {
	clock schedule.Clock

	mu       sync.Mutex
	programs map[*tea.Program]struct{}
	running  bool
}

const (
	tickSpread = 250 * time.Millisecond
	tickGroups = 5
)

func newMetronome(clock schedule.Clock) *metronome {
	return &metronome{clock: clock, programs: map[*tea.Program]struct{}{}}
}

// add ticks p until the returned function is called.
func (m *metronome) add(p *tea.Program) (remove func()) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.programs[p] = struct{}{}
	if !m.running {
		m.running = true
		go m.run()
	}
	return func() {
		m.mu.Lock()
		defer m.mu.Unlock()
		delete(m.programs, p)
	}
}

func (m *metronome) run() {
	for {
		now := m.clock.Now()
		time.Sleep(now.Truncate(time.Second).Add(time.Second).Sub(now))
		programs := m.sessions()
		if programs == nil {
			return
		}
		group := (len(programs) + tickGroups - 1) / tickGroups
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

// sessions lists the programs to tick, or nil (and stops running) when
// there are none.
func (m *metronome) sessions() []*tea.Program {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.programs) == 0 {
		m.running = false
		return nil
	}
	ps := make([]*tea.Program, 0, len(m.programs))
	for p := range m.programs {
		ps = append(ps, p)
	}
	return ps
}
