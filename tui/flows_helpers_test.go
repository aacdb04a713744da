package tui_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/lightningcamp/camp/schedule"
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
	_, cmd := r.Model.Update(msg)
	return r, cmd
}

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
// the feed subscription and the clock tick all run as they do live.
type flow struct {
	t    *testing.T
	camp *tuitest.Camp
	tm   *teatest.TestModel
	rec  *recorder
}

func startFlow(t *testing.T, actor func(*tuitest.Camp) schedule.Actor) *flow {
	t.Helper()
	return startFlowOn(t, newCamp(t), actor)
}

// startFlowOn runs another session on the same camp.
func startFlowOn(t *testing.T, c *tuitest.Camp, actor func(*tuitest.Camp) schedule.Actor) *flow {
	t.Helper()
	m := tui.New(c.Deps(), actor(c), plainOptions(c, 100, 30))
	f := &flow{t: t, camp: c, rec: &recorder{Model: m}}
	f.tm = teatest.NewTestModel(t, f.rec, teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ASCII)))
	t.Cleanup(func() {
		_ = f.tm.Quit()
		f.tm.WaitFinished(t, teatest.WithFinalTimeout(3*time.Second))
		before := c.Fake.Subscribers()
		m.Close()
		if after := c.Fake.Subscribers(); after != before-1 {
			t.Errorf("Close left the feed subscription open (%d before, %d after)", before, after)
		}
	})
	f.waitFor("LIVE", "Lightning talks I")
	return f
}

func organiser(c *tuitest.Camp) schedule.Actor { return c.Organiser }
func attendee(c *tuitest.Camp) schedule.Actor  { return c.Attendee }

// keys presses keys one at a time: "enter", "esc", arrows by name, or a
// single character.
func (f *flow) keys(ks ...string) {
	for _, k := range ks {
		f.tm.Send(key(k))
	}
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
	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		if ok(f.rec.frame()) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	f.t.Fatalf("waited for %s; the screen is:\n%s", what, f.rec.frame())
}

// talk reads a talk from the fake store.
func (f *flow) talk(id int64) schedule.Talk {
	f.t.Helper()
	ts, _ := f.camp.Fake.Talks(f.t.Context(), schedule.TalkFilter{})
	for _, t := range ts {
		if t.ID == id {
			return t
		}
	}
	f.t.Fatalf("no talk %d", id)
	return schedule.Talk{}
}
