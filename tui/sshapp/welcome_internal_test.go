package sshapp

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store"
	"github.com/lightningcamp/camp/store/storetest"
)

// welcomeFlow runs the welcome form of a new key in a Bubble Tea program
// (teatest) on a real SQLite camp, and keeps its last frame as text.
type welcomeFlow struct {
	t      *testing.T
	tm     *teatest.TestModel
	camp   *store.Camp
	mu     sync.Mutex
	last   string
	joined chan schedule.Person
	w      *welcome
}

type recordedWelcome struct{ f *welcomeFlow }

func (r recordedWelcome) Init() tea.Cmd { return r.f.w.Init() }
func (r recordedWelcome) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := r.f.w.Update(msg)
	if next != tea.Model(r.f.w) {
		return next, cmd
	}
	return r, cmd
}
func (r recordedWelcome) View() tea.View {
	v := r.f.w.View()
	r.f.mu.Lock()
	r.f.last = ansi.Strip(v.Content)
	r.f.mu.Unlock()
	return v
}

func startWelcome(t *testing.T, camp *store.Camp, w, h int, profile colorprofile.Profile) *welcomeFlow {
	t.Helper()
	fp := storetest.FakeFingerprint(t.Name())
	id := identity{fingerprint: fp, actor: schedule.Actor{Role: schedule.RoleAttendee, Fingerprint: fp}}
	f := &welcomeFlow{t: t, camp: camp, joined: make(chan schedule.Person, 1)}
	look := sessionLook{zone: time.UTC, width: w, height: h, profile: profile}
	f.w = newWelcome(context.Background(), camp, id, look, func(p schedule.Person, _ *time.Location) tea.Model {
		f.joined <- p
		return joinedModel{}
	})
	f.tm = teatest.NewTestModel(t, recordedWelcome{f}, teatest.WithInitialTermSize(w, h))
	t.Cleanup(func() { _ = f.tm.Quit() })
	return f
}

type joinedModel struct{}

func (joinedModel) Init() tea.Cmd                       { return nil }
func (joinedModel) Update(tea.Msg) (tea.Model, tea.Cmd) { return joinedModel{}, nil }
func (joinedModel) View() tea.View                      { return tea.NewView("joined") }

func (f *welcomeFlow) frame() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.last
}

func (f *welcomeFlow) send(keys ...tea.KeyPressMsg) {
	for _, k := range keys {
		f.tm.Send(k)
		time.Sleep(20 * time.Millisecond) // a person's pace: one key per frame
	}
}

func (f *welcomeFlow) typeText(s string) {
	for _, r := range s {
		f.tm.Send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func (f *welcomeFlow) waitFor(want ...string) {
	f.t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		fr := f.frame()
		ok := true
		for _, w := range want {
			ok = ok && strings.Contains(fr, w)
		}
		if ok {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	f.t.Fatalf("waited for %q; the screen is:\n%s", want, f.frame())
}

var (
	enter    = tea.KeyPressMsg{Code: tea.KeyEnter}
	tab      = tea.KeyPressMsg{Code: tea.KeyTab}
	shiftTab = tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	ctrlU    = tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}
)

func letter(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }

// Issue 14 item 2: Enter three times with "No" chosen trapped a newcomer:
// no field marked, no keys shown, and y, Enter, Tab, Up, Esc did nothing.
// Now the refusal is beside the question, the question is marked active
// in words, the keys are shown, and y gets out.
func TestWelcomeEnterThreeTimesThenRecovers(t *testing.T) {
	f := startWelcome(t, storetest.MustOpenCamp(t, nil, nil), 80, 24, colorprofile.ASCII)
	f.waitFor("Do you accept the code of conduct?")
	f.send(enter, enter, enter)
	f.waitFor("accept the code of conduct: press y", "┃ Do you accept", "y I accept", "ctrl+c leave")
	f.send(letter('y'))
	f.waitFor("┃ Your display name")
	f.typeText("Nina Newcomer")
	f.send(enter)
	f.waitFor("┃ Your time zone")
	f.send(ctrlU)
	f.typeText("asia/tokyo")
	f.send(enter)
	select {
	case p := <-f.joined:
		if p.Name != "Nina Newcomer" || p.TZ != "Asia/Tokyo" {
			t.Errorf("joined as %+v", p)
		}
	case <-time.After(3 * time.Second):
		t.Fatalf("did not join; the screen is:\n%s", f.frame())
	}
}

// Issue 14 item 2: a name refused by the camp (taken) was cut at 80
// columns and the cursor jumped to the code-of-conduct question. Now the
// message is whole and the name is the field focused.
func TestWelcomeRefusedNameKeepsFocusOnTheName(t *testing.T) {
	camp := storetest.MustOpenCamp(t, nil, nil)
	storetest.MustJoin(t, camp, "Ada Lovelace", false)
	f := startWelcome(t, camp, 80, 24, colorprofile.ASCII)
	f.waitFor("Do you accept the code of conduct?")
	f.send(letter('y'))
	f.typeText("Ada Lovelace")
	f.send(enter)
	f.waitFor("┃ Your time zone")
	f.send(enter)
	f.waitFor("is taken", "another", "┃ Your display name")
	for _, l := range strings.Split(f.frame(), "\n") {
		if strings.Contains(l, "…") {
			t.Errorf("a line is cut: %q", l)
		}
	}
	f.send(ctrlU)
	f.typeText("Ada L.")
	f.send(enter, enter)
	select {
	case p := <-f.joined:
		if p.Name != "Ada L." {
			t.Errorf("joined as %+v", p)
		}
	case <-time.After(3 * time.Second):
		t.Fatalf("did not join; the screen is:\n%s", f.frame())
	}
}

// Issue 16: under NO_COLOR the code-of-conduct buttons looked the same
// whichever was chosen. Golden files of the welcome at 80x24 with each
// choice: the chosen one reads "[x]".
func TestWelcomeChoiceShowsWithoutColour(t *testing.T) {
	f := startWelcome(t, storetest.MustOpenCamp(t, nil, nil), 80, 24, colorprofile.ASCII)
	f.waitFor("[ ] I accept", "[x] No", "> UTC", "ctrl+c leave")
	t.Run("no", func(t *testing.T) { golden.RequireEqual(t, f.frame()) })
	f.send(tea.KeyPressMsg{Code: tea.KeyLeft})
	f.waitFor("[x] I accept", "[ ] No", "> UTC", "ctrl+c leave")
	t.Run("accept", func(t *testing.T) { golden.RequireEqual(t, f.frame()) })
}

// Issue 14 item 2: a near miss of a zone name gets a suggestion, whole.
func TestWelcomeSuggestsAZone(t *testing.T) {
	f := startWelcome(t, storetest.MustOpenCamp(t, nil, nil), 80, 24, colorprofile.ASCII)
	f.waitFor("Do you accept the code of conduct?")
	f.send(letter('y'))
	f.typeText("Kenji Sato")
	f.send(enter)
	f.waitFor("┃ Your time zone")
	f.send(ctrlU)
	f.typeText("Asia/Tokio")
	f.send(enter)
	f.waitFor("did you mean Asia/Tokyo?", "┃ Your time zone")
}
