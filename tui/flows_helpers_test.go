package tui_test

import (
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store/storetest"
	"github.com/lightningcamp/camp/tui"
	"github.com/lightningcamp/camp/tui/tuitest"
)

// recorder wraps the model to keep the last frame as plain text. The
// renderer writes only what changed between frames, so the program's output
// stream is not a reliable place to look for words; the frame is.
type recorder struct {
	*tui.Model
	mu   sync.Mutex
	last string
}

func (r *recorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if keys, ok := msg.(burstMsg); ok {
		cmds := make([]tea.Cmd, len(keys))
		for i, k := range keys {
			_, cmds[i] = r.Model.Update(k)
		}
		return r, tea.Batch(cmds...)
	}
	_, cmd := r.Model.Update(msg)
	return r, cmd
}

// burstMsg is keys that arrive together, in one write: the model gets every
// one of them before the answer to any command they start.
type burstMsg []tea.KeyPressMsg

func (r *recorder) View() tea.View {
	v := r.Model.View()
	r.mu.Lock()
	r.last = ansi.Strip(v.Content)
	r.mu.Unlock()
	return v
}

func (r *recorder) frame() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.last
}

// flow runs the console in a real Bubble Tea program (teatest), so commands,
// the feed subscription and the clock tick all run as they do live, on a
// real SQLite camp (storetest.SeedCamp): what a flow shows and what it
// writes obey the store's own rules.
type flow struct {
	t    *testing.T
	camp *realCamp
	tm   *teatest.TestModel
	rec  *recorder
}

// realCamp is the seeded SQLite camp with who is online (the server's
// session registry in a real camp) and a count of feed subscriptions. A
// test may change deps before starting a session, to put a double
// (package tuitest) in place of a service.
type realCamp struct {
	*storetest.Seeded
	feed *countedFeed
	deps tui.Deps
}

func newRealCamp(tb testing.TB) *realCamp {
	tb.Helper()
	s := storetest.SeedCamp(tb)
	c := &realCamp{Seeded: s, feed: &countedFeed{Feed: s.Camp}}
	p := s.People
	c.deps = tui.Deps{
		Event: s.Camp.Event(), Clock: s.Clock, Feed: c.feed,
		Presence: tuitest.Online{p["ada"].PersonID, p["priya"].PersonID, p["tomas"].PersonID, p["mei"].PersonID, p["amara"].PersonID},
		People:   s.Camp, Talks: s.Camp, Topics: s.Camp, Notes: s.Camp, Timers: s.Camp, Announcements: s.Camp, Stage: s.Camp,
		ConnectHint: "attendees: ssh -p 2222 127.0.0.1",
	}
	return c
}

// Deps wires the camp into a session.
func (c *realCamp) Deps() tui.Deps { return c.deps }

// countedFeed counts the subscriptions open on a feed.
type countedFeed struct {
	schedule.Feed
	open atomic.Int64
}

func (f *countedFeed) Subscribe() schedule.Subscription {
	f.open.Add(1)
	return &countedSub{Subscription: f.Feed.Subscribe(), feed: f}
}

type countedSub struct {
	schedule.Subscription
	feed   *countedFeed
	closed sync.Once
}

func (s *countedSub) Close() {
	s.closed.Do(func() { s.feed.open.Add(-1) })
	s.Subscription.Close()
}

func startFlow(t *testing.T, actor func(*realCamp) schedule.Actor) *flow {
	t.Helper()
	return startFlowOn(t, newRealCamp(t), actor)
}

// startFlowOn runs another session on the same camp.
func startFlowOn(t *testing.T, c *realCamp, actor func(*realCamp) schedule.Actor) *flow {
	t.Helper()
	return startFlowSized(t, c, actor, 100, 30)
}

// startFlowSized runs a session in a terminal of w x h cells.
func startFlowSized(t *testing.T, c *realCamp, actor func(*realCamp) schedule.Actor, w, h int) *flow {
	t.Helper()
	opts := tui.Options{Width: w, Height: h, Profile: colorprofile.NoTTY, MarkdownStyle: "ascii", Zone: c.Camp.Event().Zone}
	m := tui.New(c.Deps(), actor(c), opts)
	f := &flow{t: t, camp: c, rec: &recorder{Model: m}}
	f.tm = teatest.NewTestModel(t, f.rec, teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ASCII)))
	t.Cleanup(func() {
		_ = f.tm.Quit()
		f.tm.WaitFinished(t, teatest.WithFinalTimeout(3*time.Second))
		before := c.feed.open.Load()
		m.Close()
		if after := c.feed.open.Load(); after != before-1 {
			t.Errorf("Close left the feed subscription open (%d before, %d after)", before, after)
		}
	})
	f.waitFor("LIVE", "Lightning talks I")
	return f
}

func organiser(c *realCamp) schedule.Actor { return c.Organiser }
func attendee(c *realCamp) schedule.Actor  { return c.Attendee }

// keys presses keys one at a time: "enter", "esc", arrows by name, or a
// single character.
func (f *flow) keys(ks ...string) {
	for _, k := range ks {
		f.tm.Send(key(k))
	}
}

// burst types s in one write: "\r" is Enter, "\x15" ctrl+u (clear the
// line), "←" the left arrow; anything else is typed as it is.
func (f *flow) burst(s string) {
	var keys burstMsg
	for _, r := range s {
		switch r {
		case '\r':
			keys = append(keys, key("enter"))
		case '\x15':
			keys = append(keys, tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
		case '←':
			keys = append(keys, key("left"))
		default:
			keys = append(keys, key(string(r)))
		}
	}
	f.tm.Send(keys)
}

// waitForBurst waits for a burst to be typed: a long form under the race
// detector on a busy machine takes a few seconds to draw every step.
func (f *flow) waitForBurst(want ...string) {
	f.t.Helper()
	f.waitUntilWithin(10*time.Second, strings.Join(want, " & "), func(frame string) bool { return containsAll(frame, want) })
}

// typeText types text into the focused field.
func (f *flow) typeText(s string) { f.tm.Type(s) }

// waitFor waits until the frame contains every one of want.
func (f *flow) waitFor(want ...string) {
	f.t.Helper()
	f.waitUntil(strings.Join(want, " & "), func(frame string) bool {
		for _, w := range want {
			if !strings.Contains(frame, w) {
				return false
			}
		}
		return true
	})
}

// waitForLine waits until one line of the frame contains all of want.
func (f *flow) waitForLine(want ...string) {
	f.t.Helper()
	f.waitUntil("a line with "+strings.Join(want, " & "), func(frame string) bool {
		for _, l := range strings.Split(frame, "\n") {
			if containsAll(l, want) {
				return true
			}
		}
		return false
	})
}

func containsAll(s string, want []string) bool {
	for _, w := range want {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// waitUntil polls the frame; changes must show within a second of being
// made, so two seconds is generous.
func (f *flow) waitUntil(what string, ok func(string) bool) {
	f.t.Helper()
	f.waitUntilWithin(2*time.Second, what, ok)
}

// waitUntilWithin is waitUntil with a deadline of d.
func (f *flow) waitUntilWithin(d time.Duration, what string, ok func(string) bool) {
	f.t.Helper()
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if ok(f.rec.frame()) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	f.t.Fatalf("waited for %s; the screen is:\n%s", what, f.rec.frame())
}

// talk reads a talk from the store.
func (f *flow) talk(id int64) schedule.Talk {
	f.t.Helper()
	ts, _ := f.camp.Camp.Talks(f.t.Context(), schedule.TalkFilter{})
	for _, t := range ts {
		if t.ID == id {
			return t
		}
	}
	f.t.Fatalf("no talk %d", id)
	return schedule.Talk{}
}
