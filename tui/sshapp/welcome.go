package sshapp

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/commands"
	"github.com/lightningcamp/camp/tui/form"
)

// welcome is a new key's first visit: the code of conduct (accept to go
// on), a display name and a time zone. Once the person has joined, it hands
// over to the camp's TUI.
//
// Nobody gets stuck in it (issue 14): the field being filled has the
// theme's bar beside it, the keys for that field are always shown at the
// bottom, "No" on the code of conduct is answered on the spot (the form
// stays on the question and says how to go on), and a refusal from the
// camp (a name taken, a zone unknown) reopens the form on the field to
// fix, with the message in full.
type welcome struct {
	ctx     context.Context
	backend commands.Backend
	id      identity
	look    sessionLook
	next    func(schedule.Person, *time.Location) tea.Model

	form    *form.Form
	coc     *huh.Confirm
	name    string
	zone    string
	accept  bool
	err     string // why the last attempt went wrong
	joining bool   // the form is complete and the camp is asked to register the person
}

type joinedMsg struct{ person schedule.Person }
type joinFailedMsg struct{ err error }

func newWelcome(ctx context.Context, b commands.Backend, id identity, look sessionLook,
	next func(schedule.Person, *time.Location) tea.Model) *welcome {
	w := &welcome{ctx: ctx, backend: b, id: id, look: look, next: next, name: id.person.Name, zone: look.zone.String()}
	w.form = w.newForm()
	return w
}

// The fields in order, so a refusal can reopen the form on its field.
const (
	fieldCoC = iota
	fieldName
	fieldZone
)

// newForm builds the form; form.Form gives keys typed ahead ("y", a name
// and Enter sent at once) to the field they were typed for.
func (w *welcome) newForm() *form.Form {
	ev := w.backend.Event()
	coc := ev.Links.CodeOfConduct
	if coc == "" {
		coc = "the event's code of conduct"
	}
	w.coc = huh.NewConfirm().Title("Do you accept the code of conduct?").
		Description("Read it at " + coc).Affirmative("I accept").Negative("No").Value(&w.accept)
	f := huh.NewForm(huh.NewGroup(
		w.coc,
		huh.NewInput().Title("Your display name").
			Description("Shown next to your talks, topics, notes and reports here, and published with them on compilepython.com after the camp.").
			CharLimit(ev.Limits.NameMax).Value(&w.name).Validate(func(s string) error {
			if strings.TrimSpace(s) == "" {
				return schedule.Errorf(schedule.EINVALID, "choose a name")
			}
			return nil
		}),
		huh.NewInput().Title("Your time zone").Description("An IANA name such as Europe/Berlin or America/Chicago; any case.").
			CharLimit(64).Value(&w.zone).Validate(func(s string) error { // longer than any IANA name
			_, err := schedule.LoadZone(strings.TrimSpace(s))
			return err
		}),
	)).WithWidth(w.formWidth()).WithShowHelp(false).WithShowErrors(true).WithTheme(huh.ThemeFunc(form.Theme))
	return form.New(f, nil)
}

func (w *welcome) formWidth() int { return min(max(w.look.width, 40), 80) }

func (w *welcome) Init() tea.Cmd { return w.form.Init() }

func (w *welcome) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		w.look.width, w.look.height = msg.Width, msg.Height
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" {
			return w, tea.Quit
		}
		if w.refusesCoC(msg) {
			return w, nil
		}
	case joinedMsg:
		return w.handOver(msg.person)
	case joinFailedMsg:
		w.joining = false
		w.err = schedule.ErrorMessage(msg.err)
		return w, w.reopenAt(fieldOf(w.err))
	}
	return w, w.updateForm(msg)
}

// refusesCoC answers "No" on the code of conduct where it is chosen: the
// form stays on the question and says how to go on, instead of moving on
// and refusing the whole form later with no field marked (issue 14).
func (w *welcome) refusesCoC(k tea.KeyPressMsg) bool {
	if w.joining || w.form.Holding() || w.form.Huh().GetFocusedField() != w.coc {
		return false
	}
	keys := huh.NewDefaultKeyMap().Confirm
	switch {
	case key.Matches(k, keys.Reject):
		w.accept = false
	case key.Matches(k, keys.Next, keys.Submit) && !w.accept:
	default:
		return false
	}
	w.err = "To take part, accept the code of conduct: press y (or ← then enter). ctrl+c leaves."
	return true
}

// reopenAt builds the form again, keeping what was typed, with the field
// to fix focused.
func (w *welcome) reopenAt(field int) tea.Cmd {
	w.form = w.newForm()
	cmds := []tea.Cmd{w.form.Init()}
	for range field {
		cmds = append(cmds, w.form.Huh().NextField())
	}
	return tea.Batch(cmds...)
}

// fieldOf guesses from a refusal which field it is about.
func fieldOf(msg string) int {
	lower := strings.ToLower(msg)
	switch {
	case strings.Contains(lower, "zone"):
		return fieldZone
	case strings.Contains(lower, "name"):
		return fieldName
	}
	return fieldCoC
}

// updateForm passes a message to the form and notes when it is finished.
// Keys typed past the end of the form are dropped.
func (w *welcome) updateForm(msg tea.Msg) tea.Cmd {
	cmd := w.form.Update(msg)
	if _, ok := msg.(tea.KeyPressMsg); ok && w.accept && strings.HasPrefix(w.err, "To take part") {
		w.err = "" // answered
	}
	switch w.form.State() {
	case huh.StateCompleted:
		w.form.Leftover()
		if w.joining {
			return nil
		}
		if !w.accept { // reached the end another way (shift+tab and back)
			w.err = "To take part, accept the code of conduct: press y (or ← then enter). ctrl+c leaves."
			return w.reopenAt(fieldCoC)
		}
		w.joining = true
		return w.join()
	case huh.StateAborted:
		return tea.Quit
	}
	return cmd
}

// join asks the camp to register the person; I/O only inside the command.
func (w *welcome) join() tea.Cmd {
	req := schedule.JoinRequest{Name: w.name, TZ: strings.TrimSpace(w.zone), AcceptCoC: w.accept}
	return func() tea.Msg {
		p, err := w.backend.Join(w.ctx, w.id.actor, req)
		if err != nil {
			return joinFailedMsg{err}
		}
		return joinedMsg{p}
	}
}

func (w *welcome) handOver(p schedule.Person) (tea.Model, tea.Cmd) {
	zone := w.look.zone
	if loc, err := schedule.LoadZone(p.TZ); err == nil {
		zone = loc
	}
	next := w.next(p, zone)
	size := tea.WindowSizeMsg{Width: w.look.width, Height: w.look.height}
	return next, tea.Batch(next.Init(), func() tea.Msg { return size })
}

var (
	errorStyle = lipgloss.NewStyle().Bold(true)
	titleStyle = lipgloss.NewStyle().Bold(true)
)

// View is the welcome, what is published, the form, any refusal in full
// (wrapped, never cut), and the keys of the field being filled.
func (w *welcome) View() tea.View {
	width := w.formWidth()
	ev := w.backend.Event()
	var b strings.Builder
	b.WriteString(titleStyle.Render(lipgloss.Wrap("Welcome to "+ev.Name, width, "")) + "\n")
	b.WriteString(lipgloss.Wrap("Take part from this terminal: propose lightning talks and open-space topics, vote, follow the talk timer and take notes. "+
		"Talks, topics, notes and reports are published on compilepython.com after the camp, under your display name.", width, "") + "\n\n")
	b.WriteString(w.form.View())
	if w.err != "" {
		b.WriteString("\n" + errorStyle.Render(lipgloss.Wrap("! "+w.err, width, "")))
	}
	b.WriteString("\n" + w.keysLine(width))
	v := tea.NewView(b.String())
	v.AltScreen = true
	return v
}

// keysLine is the keys of the focused field, and how to leave.
func (w *welcome) keysLine(width int) string {
	keys := w.form.Huh().KeyBinds()
	keys = append(keys, key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "leave")))
	h := help.New()
	h.SetWidth(width)
	return h.ShortHelpView(keys)
}
