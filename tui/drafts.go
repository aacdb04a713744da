package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Leaving a form never throws away what was typed without asking (issues
// 13 and 14: esc in a half-written note lost it, then said "✓ cancelled").
// Esc or ctrl+c on a form someone has typed into asks: keep the draft (it
// comes back when the same form is opened again), discard it, or go back.
// A form nobody typed into just closes.

// draftsMax bounds the drafts a session keeps; the oldest goes first.
const draftsMax = 8

// leaveKeys are the answers to "leave this form?".
var leaveKeys = struct{ keep, discard, back key.Binding }{
	keep:    key.NewBinding(key.WithKeys("k", "enter"), key.WithHelp("k/enter", "keep the draft")),
	discard: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "discard it")),
	back:    key.NewBinding(key.WithKeys("esc", "b"), key.WithHelp("esc", "back to the form")),
}

// isLeaveKey says whether k asks to leave the form: esc, or ctrl+c (which
// huh would take as "abort" and drop the form).
func (m *Model) isLeaveKey(k tea.KeyPressMsg) bool {
	return key.Matches(k, m.keys.Back) || k.String() == "ctrl+c"
}

// leaveForm answers esc or ctrl+c on the open form.
func (m *Model) leaveForm() tea.Cmd {
	if esc := m.form.onEsc; esc != nil {
		m.form = nil
		return esc()
	}
	if !m.form.touched && m.form.typed.Len() == 0 {
		m.form = nil
		m.tell("form closed; nothing was typed")
		return nil
	}
	if typed := m.form.takeTyped(); typed != "" {
		m.passToForm(tea.PasteMsg{Content: typed})
		if m.form == nil {
			return nil
		}
	}
	m.form.leaving = true
	return nil
}

// onLeaving handles a key while the form asks whether to keep the draft.
func (m *Model) onLeaving(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, leaveKeys.keep):
		m.keepDraft()
	case key.Matches(k, leaveKeys.discard):
		title := m.form.title
		m.form = nil
		m.tell("draft discarded: " + title)
	case key.Matches(k, leaveKeys.back):
		m.form.leaving = false
	}
	return nil
}

func (m *Model) keepDraft() {
	f := m.form
	f.leaving = false
	m.form = nil
	m.addDraft(f)
	m.tell("draft kept: it comes back when you open “" + f.title + "” again")
}

// addDraft keeps f, in place of an older draft of the same form.
func (m *Model) addDraft(f *openedForm) {
	for i, d := range m.drafts {
		if d.title == f.title {
			m.drafts = append(m.drafts[:i], m.drafts[i+1:]...)
			break
		}
	}
	m.drafts = append(m.drafts, f)
	if len(m.drafts) > draftsMax {
		m.drafts = m.drafts[1:]
	}
}

// keepRefused keeps what was typed into f, whose save the camp refused,
// as a draft of the same form, and says so with the refusal.
func (m *Model) keepRefused(f *openedForm, err error) {
	d := newOpenedForm(f.title, f.preface, f.rebuild(), f.submit)
	d.rebuild, d.touched = f.rebuild, true
	m.addDraft(d)
	m.fail(fmt.Errorf("%w; your draft is kept: it comes back when you open “%s” again", err, f.title))
}

// takeDraft returns the kept draft of the form called title, if any, and
// forgets it.
func (m *Model) takeDraft(title string) (*openedForm, bool) {
	for i, d := range m.drafts {
		if d.title == title {
			m.drafts = append(m.drafts[:i], m.drafts[i+1:]...)
			return d, true
		}
	}
	return nil, false
}

// touches says whether k changes what a form holds (text typed or
// deleted), as opposed to moving between fields.
func touches(k tea.KeyPressMsg) bool {
	switch k.Code {
	case tea.KeyBackspace, tea.KeyDelete:
		return true
	}
	if k.Mod&tea.ModCtrl != 0 {
		s := k.String()
		return s == "ctrl+u" || s == "ctrl+k" || s == "ctrl+w" || s == "ctrl+h" || s == "ctrl+d"
	}
	return k.Text != ""
}

// renderLeaving is the question shown over the form, with the keys in
// words and the default marked by ">" (not only by colour).
func (m *Model) renderLeaving(w int) string {
	q := m.st.warn.Render(truncate(fmt.Sprintf("Leave “%s”? You have typed something.", m.form.title), w))
	opts := []string{
		"> [k] Keep the draft: it comes back when you open this form again (enter)",
		"  [d] Discard what you typed",
		"  [esc] Back to the form",
	}
	for i, o := range opts {
		opts[i] = truncate(o, w)
	}
	return q + "\n" + strings.Join(opts, "\n")
}
