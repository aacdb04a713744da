package tui

import (
	"strings"
	"time"
	"unicode"

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

	typed    strings.Builder // keys typed into a text area, not yet passed on
	flushing bool            // a typedMsg is on its way

	touched bool // something was typed or deleted: leaving asks (drafts.go)
	leaving bool // the form asks whether to keep the draft
	started bool // Init has run: huh draws nothing before it (see start)

	// rebuild, if not nil, builds the form again on the same values, so a
	// save the camp refuses keeps what was typed (openDraftForm).
	rebuild func() *huh.Form

	onEsc func() tea.Cmd // if not nil, esc runs it instead of closing (a question's "no")
}

// formKeys is huh's key map minus the external editor: over SSH, ctrl+e would
// start $EDITOR on the server, as the server's user.
func formKeys() *huh.KeyMap {
	k := huh.NewDefaultKeyMap()
	k.Text.Editor.SetEnabled(false)
	return k
}

// openForm opens f in place of the view, or the kept draft of the form
// called title if there is one.
func (m *Model) openForm(title, preface string, f *huh.Form, submit func() tea.Cmd) tea.Cmd {
	return m.showForm(title, func() *openedForm { return newOpenedForm(title, preface, f, submit) })
}

// openDraftForm opens a form people type text into. build makes the form
// on variables that outlive it, as submit reads them: if the camp refuses
// the save that submit asks for (the person was muted meanwhile, the item
// is gone), the form is built again on what was typed and kept as a draft
// (keepRefused), instead of the text being lost with the form.
func (m *Model) openDraftForm(title, preface string, build func() *huh.Form, submit func() tea.Cmd) tea.Cmd {
	return m.showForm(title, func() *openedForm {
		f := newOpenedForm(title, preface, build(), submit)
		f.rebuild = build
		return f
	})
}

// showForm shows the kept draft of the form called title, or else the form
// open makes.
func (m *Model) showForm(title string, open func() *openedForm) tea.Cmd {
	m.showHelp = false
	if d, ok := m.takeDraft(title); ok {
		m.form = d
		m.resizeForm()
		m.tell("your draft is back")
		return d.start()
	}
	m.form = open()
	m.resizeForm()
	return m.form.start()
}

// start initialises the form the first time it is shown. A draft stashed
// after a refusal (duplicates.go) was never shown: huh focuses no field and
// draws an empty group until Init, so it came back blank. A draft that was
// shown keeps its focus and page: Init again would move it to the start.
func (f *openedForm) start() tea.Cmd {
	if f.started {
		return nil
	}
	f.started = true
	return f.form.Init()
}

func newOpenedForm(title, preface string, f *huh.Form, submit func() tea.Cmd) *openedForm {
	f = f.WithAccessible(false).WithShowHelp(false).WithShowErrors(true).
		WithTheme(huh.ThemeFunc(form.Theme))
	return &openedForm{title: title, preface: preface, form: form.New(f, formKeys()), submit: submit}
}

func (m *Model) resizeForm() {
	if m.form == nil {
		return
	}
	m.form.form.SetWidth(min(m.width, 100))
}

// updateForm passes msg to the open form; esc cancels it, and a completed
// form runs its submit action. Keys typed into a text area are passed on
// together (see typeAhead); keys typed after the key that completed the
// form go to the view, as if typed after the form had closed.
func (m *Model) updateForm(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case m.form.leaving:
			return m.onLeaving(k)
		case m.isLeaveKey(k):
			return m.leaveForm()
		case touches(k):
			m.form.touched = true
		}
	}
	if _, ok := msg.(tea.PasteMsg); ok {
		m.form.touched = true
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && m.form.intoTextArea(k) {
		m.typingAhead = true // nothing to redraw until the keys reach the area
		return m.form.typeAhead(k.Text)
	}
	if _, ok := msg.(typedMsg); ok {
		typed := m.form.takeTyped()
		if typed == "" {
			return nil
		}
		return m.passToForm(tea.PasteMsg{Content: typed})
	}
	if !isInput(msg) {
		// A cursor blink or a live update: the gathered keys can wait.
		// Passing them on here made every insert's own blink reset
		// trigger the next insert, a few keys at a time.
		return m.passToForm(msg)
	}
	if typed := m.form.takeTyped(); typed != "" {
		first := m.passToForm(tea.PasteMsg{Content: typed})
		if m.form == nil {
			return first
		}
		return tea.Batch(first, m.passToForm(msg))
	}
	return m.passToForm(msg)
}

// Typing into a text area costs a rewrap of all its text per key (huh and
// the textarea each redraw it), so a burst of 10 KB typed key by key cost
// minutes of CPU (issue 12). Keys typed into a text area are gathered
// instead, without a redraw, and reach the area as one insert when typedMsg
// comes typingPause later, or before any other key.
type typedMsg struct{}

// typingPause is short enough not to be seen and long enough to gather
// every key of a burst.
const typingPause = 40 * time.Millisecond

// typedMax bounds the keys gathered between two typedMsgs; no text area
// takes more.
const typedMax = 64 << 10

// isInput says whether msg is something the person did, which must reach
// the form after the keys they typed before it.
func isInput(msg tea.Msg) bool {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.KeyReleaseMsg, tea.PasteMsg, tea.MouseMsg:
		return true
	}
	return false
}

// intoTextArea says whether k is text typed into the focused text area. Not
// while the form holds keys for a field it is moving to: those wait their
// turn in form.Form, in order.
func (f *openedForm) intoTextArea(k tea.KeyPressMsg) bool {
	if k.Text == "" || k.Mod&^tea.ModShift != 0 || strings.ContainsFunc(k.Text, unicode.IsControl) || f.form.Holding() {
		return false
	}
	_, ok := f.form.Huh().GetFocusedField().(*huh.Text)
	return ok
}

func (f *openedForm) typeAhead(text string) tea.Cmd {
	if f.typed.Len()+len(text) <= typedMax {
		f.typed.WriteString(text)
	}
	if f.flushing {
		return nil
	}
	f.flushing = true
	return tea.Tick(typingPause, func(time.Time) tea.Msg { return typedMsg{} })
}

func (f *openedForm) takeTyped() string {
	s := f.typed.String()
	f.typed.Reset()
	f.flushing = false
	return s
}

// passToForm gives msg to the form and acts on its end: a completed form
// runs its submit action, and the keys typed past its end go to the view.
func (m *Model) passToForm(msg tea.Msg) tea.Cmd {
	f := m.form.form
	cmd := f.Update(msg)
	switch f.State() {
	case huh.StateCompleted:
		done := m.form
		m.form = nil
		m.submitting = done // the writes submit queues answer for it (enqueue)
		cmds := []tea.Cmd{cmd, done.submit()}
		m.submitting = nil
		for _, k := range f.Leftover() {
			cmds = append(cmds, m.onKey(k))
		}
		return tea.Batch(cmds...)
	case huh.StateAborted: // not reached: esc and ctrl+c are leaveForm's
		m.form = nil
		m.tell("form closed")
		return nil
	}
	return cmd
}

func (m *Model) renderForm(w, h int) string {
	head := m.heading(m.form.title, w)
	if m.form.leaving {
		return stack(head, m.renderLeaving(w))
	}
	pre := ""
	if m.form.preface != "" {
		pre = lipgloss.NewStyle().MaxWidth(w).Render(m.form.preface)
	}
	return stack(head, pre, m.form.form.View())
}
