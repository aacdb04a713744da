package sshapp

import (
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui"
)

// countTicks is a model that counts the ticks it receives.
type countTicks struct{ n *atomic.Int32 }

func (c countTicks) Init() tea.Cmd { return nil }
func (c countTicks) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if msg == tui.Tick() {
		c.n.Add(1)
	}
	return c, nil
}
func (c countTicks) View() tea.View { return tea.NewView("") }

// TestMetronomeTicksOnlyScreensThatCountDown: one clock for every session;
// a session whose screen counts nothing down gets no ticks (it would cost
// a wake-up a second each), and the clock stops when the sessions have gone.
func TestMetronomeTicksOnlyScreensThatCountDown(t *testing.T) {
	m := newMetronome(schedule.SystemClock{})
	var counting, idle atomic.Int32
	run := func(n *atomic.Int32, want bool) (*ticked, func()) {
		p := tea.NewProgram(countTicks{n}, tea.WithInput(nil), tea.WithOutput(discard{}), tea.WithoutRenderer(), tea.WithoutSignalHandler())
		go func() { _, _ = p.Run() }()
		tk := &ticked{program: p}
		tk.want.Store(want)
		return tk, p.Kill
	}
	a, stopA := run(&counting, true)
	b, stopB := run(&idle, false)
	removeA, removeB := m.add(a), m.add(b)
	deadline := time.Now().Add(10 * time.Second)
	for counting.Load() < 2 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if counting.Load() < 2 {
		t.Fatalf("%d ticks in 10 s to a screen that counts down", counting.Load())
	}
	if idle.Load() != 0 {
		t.Errorf("%d ticks to a screen with nothing to count", idle.Load())
	}
	removeA()
	removeB()
	stopA()
	stopB()
	deadline = time.Now().Add(5 * time.Second)
	for {
		m.mu.Lock()
		running := m.running
		m.mu.Unlock()
		if !running {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the metronome runs on with no sessions")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
