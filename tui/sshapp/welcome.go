package sshapp

import (
	"context"
	"strings"
	"time"

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
type welcome struct {
	ctx     context.Context
	backend commands.Backend
	id      identity
	look    sessionLook
	next    func(schedule.Person, *time.Location) tea.Model

	form    *form.Form
	name    string
	zone    string
	accept  bool
	err     string // why the last attempt to join failed
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

// newForm builds the form; form.Form gives keys typed ahead ("y", a name
// and Enter sent at once) to the field they were typed for.
func (w *welcome) newForm() *form.Form {
	ev := w.backend.Event()
	coc := ev.Links.CodeOfConduct
	if coc == "" {
		coc = "the event's code of conduct"
	}
	limit := ev.Limits.NameMax
	f := huh.NewForm(huh.NewGroup(
		huh.NewNote().Title("Welcome to "+ev.Name).
			Description("Take part from this terminal: propose lightning talks and open-space topics,\nvote, follow the talk timer and take notes."),
		huh.NewConfirm().Title("Do you accept the code of conduct?").
			Description("Read it at "+coc).Affirmative("I accept").Negative("No").Value(&w.accept).
			Validate(func(ok bool) error {
				if !ok {
					return schedule.Errorf(schedule.EINVALID, "accept the code of conduct to take part (or press ctrl+c to leave)")
				}
				return nil
			}),
		huh.NewInput().Title("Your display name").Description("Shown next to your talks, topics and notes.").
			CharLimit(limit).Value(&w.name).Validate(func(s string) error {
			if strings.TrimSpace(s) == "" {
				return schedule.Errorf(schedule.EINVALID, "choose a name")
			}
			return nil
		}),
		huh.NewInput().Title("Your time zone").Description("An IANA name such as Europe/Berlin or America/Chicago.").
			CharLimit(64).Value(&w.zone).Validate(func(s string) error { // longer than any IANA name
			_, err := schedule.LoadZone(strings.TrimSpace(s))
			return err
		}),
	)).WithWidth(min(max(w.look.width, 40), 80)).WithShowHelp(true)
	return form.New(f, nil)
}

func (w *welcome) Init() tea.Cmd { return w.form.Init() }

func (w *welcome) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		w.look.width, w.look.height = msg.Width, msg.Height
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" {
			return w, tea.Quit
		}
	case joinedMsg:
		return w.handOver(msg.person)
	case joinFailedMsg:
		w.joining = false
		w.err = schedule.ErrorMessage(msg.err)
		w.form = w.newForm()
		return w, w.form.Init()
	}
	return w, w.updateForm(msg)
}

// updateForm passes a message to the form and notes when it is finished.
// Keys typed past the end of the form are dropped.
func (w *welcome) updateForm(msg tea.Msg) tea.Cmd {
	cmd := w.form.Update(msg)
	switch w.form.State() {
	case huh.StateCompleted:
		w.form.Leftover()
		if w.joining {
			return nil
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

var errorStyle = lipgloss.NewStyle().Bold(true)

func (w *welcome) View() tea.View {
	var b strings.Builder
	if w.err != "" {
		b.WriteString(errorStyle.Render("! "+w.err) + "\n\n")
	}
	b.WriteString(w.form.View())
	v := tea.NewView(b.String())
	v.AltScreen = true
	return v
}
