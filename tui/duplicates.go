package tui

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"github.com/lightningcamp/camp/schedule"
)

// Issue 14, item 10: a second talk with the same title from the same
// person, or a second topic splitting the dots, is refused by the store
// (*schedule.Duplicate) unless the proposal says Force. The TUI answers the
// refusal with a question naming the existing one; "propose anyway" sends
// the proposal again with Force, "no" keeps everything typed. Organisers
// are not refused by the store, so they are never asked.

// askFirst puts a yes/no question in place of the view; answered runs
// when it is answered, esc when it is left with esc or ctrl+c.
func (m *Model) askFirst(title, preface string, f *huh.Form, answered, esc func() tea.Cmd) tea.Cmd {
	m.showHelp = false
	m.form = newOpenedForm(title, preface, f, answered)
	m.form.onEsc = esc
	m.resizeForm()
	return m.form.start()
}

// reopenForm opens a form again with what was typed into it, as a form
// someone has typed into: leaving it asks whether to keep the draft.
func (m *Model) reopenForm(title, preface string, f *huh.Form, submit func() tea.Cmd) tea.Cmd {
	m.takeDraft(title) // the values are f's now
	cmd := m.openForm(title, preface, f, submit)
	m.form.touched = true
	return cmd
}

// stashDraft keeps f as the draft of the form called title without
// showing it: it comes back when that form is opened again.
func (m *Model) stashDraft(title, preface string, f *huh.Form, submit func() tea.Cmd) {
	d := newOpenedForm(title, preface, f, submit)
	d.touched = true
	m.addDraft(d)
}

// asDuplicate returns the store's near-duplicate refusal in err, if any.
func asDuplicate(err error) (*schedule.Duplicate, bool) {
	var d *schedule.Duplicate
	return d, errors.As(err, &d)
}

// draftKept is a refused proposal's error, saying that what was typed is
// kept and which key brings it back.
func draftKept(err error, key string) error {
	return fmt.Errorf("your draft is kept, %s brings it back: %w", key, err)
}

// duplicateQuestion is the confirmation for a refused near-duplicate:
// "[x] Propose anyway   [ ] no" with the negative chosen to begin with,
// so enter never spends a proposal by accident.
//
// huh sizes a group once, before it knows the width, so a question that
// wraps lost its buttons below the group's edge: the group is given the
// height the text takes wrapped at 40 columns, the narrowest form.
func duplicateQuestion(question, hint, yes, no string, anyway *bool) *huh.Form {
	wrapped := lipgloss.NewStyle().Width(36)
	h := lipgloss.Height(wrapped.Render(question)) + lipgloss.Height(wrapped.Render(hint)) + 2
	return huh.NewForm(huh.NewGroup(huh.NewConfirm().Title(question).Description(hint).
		Affirmative(yes).Negative(no).Value(anyway)).WithHeight(h))
}

// talkDuplicateQuestion asks about a talk title very close to one of the
// speaker's own.
func talkDuplicateQuestion(l *look, d *schedule.Duplicate, anyway *bool) *huh.Form {
	q := fmt.Sprintf("You already proposed a talk like this: #%d “%s”. Propose this one anyway?", d.ID, line(d.Title))
	hint := fmt.Sprintf("A second talk uses up one of your %d proposals. No (or esc) takes you back to your draft.", l.ev.Limits.TalksPerPerson)
	return duplicateQuestion(q, hint, "Propose anyway", "Back to my draft", anyway)
}

// topicDuplicateQuestion asks about a topic title very close to an
// existing topic, naming its leader when the viewer's data has it.
func topicDuplicateQuestion(l *look, d *schedule.Duplicate, anyway *bool) *huh.Form {
	show := fmt.Sprintf("Show #%d, keep my draft", d.ID)
	if d.Yours {
		q := fmt.Sprintf("You already proposed a topic like this: #%d “%s”. Propose this one anyway?", d.ID, line(d.Title))
		return duplicateQuestion(q, "No (or esc) shows yours and keeps what you typed as a draft.", "Propose anyway", show, anyway)
	}
	by := ""
	if t, ok := l.data.Topic(d.ID); ok && t.Leader != "" {
		by = " by " + line(t.Leader)
	}
	q := fmt.Sprintf("A topic like this exists: #%d “%s”%s. Vote for it instead, or propose yours anyway?", d.ID, line(d.Title), by)
	hint := fmt.Sprintf("Two topics split the dots. No (or esc) shows #%d, where %s votes, and keeps what you typed as a draft.", d.ID, l.keys.Vote.Help().Key)
	return duplicateQuestion(q, hint, "Propose mine anyway", show, anyway)
}
