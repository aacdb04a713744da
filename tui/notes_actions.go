package tui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/lightningcamp/camp/schedule"
)

// staleMsg: a note edit was refused because someone else saved first.
// It carries the text the person typed, so nothing they wrote is lost.
type staleMsg struct {
	stale *schedule.StaleEdit
	mine  string
}

func (v *notesView) handleKey(m *Model, k tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(k, m.keys.Left):
		v.onEntries = false
	case key.Matches(k, m.keys.Right):
		v.onEntries = true
	case !v.onEntries && v.targets.navigate(m.keys, k, targetIDs(v.targetRows(m)), 10):
		return v.sync(m), true
	case v.onEntries && v.entries.navigate(m.keys, k, v.entryIDs(m), 5):
	case key.Matches(k, m.keys.New):
		return m.addNoteForm(v.target(m)), true
	case key.Matches(k, m.keys.Report):
		return m.addReportForm(v.target(m)), true
	case key.Matches(k, m.keys.Edit):
		return v.edit(m), true
	case key.Matches(k, m.keys.Hide):
		return v.toggleHidden(m), true
	default:
		return nil, false
	}
	return nil, true
}

func (v *notesView) edit(m *Model) tea.Cmd {
	e, ok := v.noteByID(m, v.entries.id)
	if !v.onEntries || !ok {
		m.fail(schedule.Errorf(schedule.ENOTFOUND, "pick a note first: → moves to the notes"))
		return nil
	}
	if !m.isOrganiser() && e.AuthorID != m.actor.PersonID {
		m.fail(schedule.Errorf(schedule.EFORBIDDEN, "you can only change your own items"))
		return nil
	}
	return m.editNoteForm(e.ID, e.Revision, e.Text, "")
}

func (v *notesView) toggleHidden(m *Model) tea.Cmd {
	e, ok := v.noteByID(m, v.entries.id)
	if !v.onEntries || !ok {
		return nil
	}
	notes, actor, hide := m.deps.Notes, m.actor, !e.Hidden
	msg := "note hidden"
	if !hide {
		msg = "note shown again"
	}
	return m.write(msg, func(ctx context.Context) error {
		_, err := notes.HideNote(ctx, actor, e.ID, hide)
		return err
	}, nil)
}

func (m *Model) noteField(text *string, title string) *huh.Text {
	lim := m.deps.Event.Limits.NoteMax
	return huh.NewText().Title(title).Lines(8).CharLimit(lim).Value(text).ExternalEditor(false).Validate(required("the note", lim))
}

func (m *Model) addNoteForm(t schedule.Target) tea.Cmd {
	if t.ID == 0 {
		return nil
	}
	var text string
	notes, actor := m.deps.Notes, m.actor
	f := huh.NewForm(huh.NewGroup(m.noteField(&text, "Your note (alt+enter: new line, enter: save)")))
	return m.openForm("Add a note to "+t.String(), "", f, func() tea.Cmd {
		return m.write("note added", func(ctx context.Context) error {
			_, err := notes.AddNote(ctx, actor, t, text)
			return err
		}, nil)
	})
}

// editNoteForm edits a note from revision base. preface, when not empty,
// explains a conflict above the field.
func (m *Model) editNoteForm(id int64, base int, text, preface string) tea.Cmd {
	f := huh.NewForm(huh.NewGroup(m.noteField(&text, fmt.Sprintf("Your text (saves over revision %d)", base))))
	return m.openForm("Edit note "+strconv.FormatInt(id, 10), preface, f, func() tea.Cmd {
		return m.saveNote(id, base, text)
	})
}

// saveNote writes an edit. A stale edit does not end as an error message
// only: it comes back as a staleMsg and reopens the editor with both texts.
func (m *Model) saveNote(id int64, base int, text string) tea.Cmd {
	notes, actor := m.deps.Notes, m.actor
	return m.enqueue(func(ctx context.Context) tea.Msg {
		_, err := notes.EditNote(ctx, actor, id, base, text)
		var stale *schedule.StaleEdit
		if errors.As(err, &stale) {
			return staleMsg{stale: stale, mine: text}
		}
		return doneMsg{ok: "note saved", err: err}
	})
}

// openConflict shows the other person's current text and reopens the editor
// on the new revision with what this person typed, to merge by hand.
// Nothing is overwritten without the person having seen the other text.
func (v *notesView) openConflict(m *Model, msg staleMsg) tea.Cmd {
	m.fail(msg.stale)
	cur := msg.stale.Current
	w := min(m.width, 100) - 4
	theirs := m.st.pane.Width(w + 4).Render(wrap(block(cur.Text), w))
	preface := stack(
		m.st.warn.Render(truncate("Conflict: someone saved this note while you were editing.", w)),
		fmt.Sprintf("Their text, revision %d by %s at %s:", cur.Revision, line(cur.Author), cur.UpdatedAt.In(m.zone).Format("15:04")),
		theirs,
		"Your text is below, unsaved. Merge their change into it, then enter saves revision "+strconv.Itoa(cur.Revision+1)+".",
	)
	return m.editNoteForm(cur.ID, cur.Revision, msg.mine, preface)
}

func (m *Model) addReportForm(t schedule.Target) tea.Cmd {
	if t.ID == 0 {
		return nil
	}
	var r struct{ project, url, tool, version, outcome, speedup, learnt string }
	ev := m.deps.Event
	tools := make([]huh.Option[string], len(ev.Talks.Tools))
	for i, x := range ev.Talks.Tools {
		tools[i] = huh.NewOption(x, x)
	}
	outcomes := huh.NewOptions(string(schedule.OutcomeWorked), string(schedule.OutcomePartial), string(schedule.OutcomeFailed))
	lim := ev.Limits
	f := huh.NewForm(
		huh.NewGroup(
			huh.NewInput().Title("Project").CharLimit(lim.TitleMax).Value(&r.project).Validate(required("the project", lim.TitleMax)),
			huh.NewInput().Title("Project link").CharLimit(lim.URLMax).Value(&r.url).Validate(validLinks(lim.URLMax)),
			huh.NewSelect[string]().Title("Compiler tool").Options(tools...).Value(&r.tool).Height(6),
		),
		huh.NewGroup(
			huh.NewInput().Title("Tool version").CharLimit(lim.NameMax).Value(&r.version).Validate(atMost("the version", lim.NameMax)),
			huh.NewSelect[string]().Title("How did it go?").Options(outcomes...).Value(&r.outcome),
			huh.NewInput().Title("Speedup").Description("e.g. 1.8 for 1.8× faster; empty if not measured").CharLimit(speedupMax).Value(&r.speedup).Validate(validSpeedup),
			huh.NewText().Title("What did you learn?").Lines(4).CharLimit(lim.NoteMax).Value(&r.learnt).ExternalEditor(false).Validate(required("what you learnt", lim.NoteMax)),
		),
	)
	notes, actor := m.deps.Notes, m.actor
	return m.openForm("Experience report on "+t.String(), "", f, func() tea.Cmd {
		speedup, _ := strconv.ParseFloat(strings.TrimSpace(r.speedup), 64)
		in := schedule.ReportInput{Project: r.project, ProjectURL: strings.TrimSpace(r.url), Tool: r.tool, ToolVersion: r.version,
			Outcome: schedule.Outcome(r.outcome), Speedup: speedup, Learnt: r.learnt}
		return m.write("experience report added", func(ctx context.Context) error {
			_, err := notes.AddReport(ctx, actor, t, in)
			return err
		}, nil)
	})
}
