package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"github.com/lightningcamp/camp/tui/form"
)

// openedForm is a huh form shown in place of the view until it is submitted
// or cancelled. It lives beside the data, so live reloads never touch what
// is being typed. Every form goes through form.Form, so keys typed ahead
// reach the field they were typed for.
type openedForm struct {
	title   string
	preface string // shown above the fields, e.g. the other person's text in a conflict
	form    *form.Form
	submit  func() tea.Cmd
}

// formKeys is huh's key map minus the external editor: over SSH, ctrl+e would
// start $EDITOR on the server, as the server's user.
func formKeys() *huh.KeyMap {
	k := huh.NewDefaultKeyMap()
	k.Text.Editor.SetEnabled(false)
	return k
}

func (m *Model) openForm(title, preface string, f *huh.Form, submit func() tea.Cmd) tea.Cmd {
	f = f.WithAccessible(false).WithShowHelp(false).WithShowErrors(true).
		WithTheme(huh.ThemeFunc(huh.ThemeCharm))
	m.form = &openedForm{title: title, preface: preface, form: form.New(f, formKeys()), submit: submit}
	m.showHelp = false
	m.resizeForm()
	return m.form.form.Init()
}

func (m *Model) resizeForm() {
	if m.form == nil {
		return
	}
	m.form.form.SetWidth(min(m.width, 100))
}

// updateForm passes msg to the open form; esc cancels it, and a completed
// form runs its submit action. Keys typed after the key that completed the
// form go to the view, as if typed after the form had closed.
func (m *Model) updateForm(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.keys.Back) {
		m.form = nil
		m.tell("cancelled")
		return nil
	}
	f := m.form.form
	cmd := f.Update(msg)
	switch f.State() {
	case huh.StateCompleted:
		submit := m.form.submit
		m.form = nil
		cmds := []tea.Cmd{cmd, submit()}
		for _, k := range f.Leftover() {
			cmds = append(cmds, m.onKey(k))
		}
		return tea.Batch(cmds...)
	case huh.StateAborted:
		m.form = nil
		m.tell("cancelled")
		return nil
	}
	return cmd
}

func (m *Model) renderForm(w, h int) string {
	head := m.heading(m.form.title, w)
	pre := ""
	if m.form.preface != "" {
		pre = lipgloss.NewStyle().MaxWidth(w).Render(m.form.preface)
	}
	return stack(head, pre, m.form.form.View())
}
