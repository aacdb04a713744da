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

func (v *notesView) handleKey(l *look, _ writes, k tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(k, l.keys.Guide), v.guide.open && key.Matches(k, l.keys.Back):
		return v.guide.toggle(v.guideSvc, v.desk), true
	case v.guide.open:
		return nil, v.guide.handleKey(l, k)
	case key.Matches(k, l.keys.Left):
		v.onEntries = false
	case key.Matches(k, l.keys.Right):
		v.onEntries = true
	case !v.onEntries && v.targets.navigate(l.keys, k, targetIDs(v.targetRows(l)), 10):
		return v.sync(l), true
	case v.onEntries && v.entries.navigate(l.keys, k, v.entryIDs(l), 5):
	case key.Matches(k, l.keys.New):
		return v.addNoteForm(l, v.target()), true
	case key.Matches(k, l.keys.Report):
		return v.addReportForm(l, v.target()), true
	case key.Matches(k, l.keys.Edit):
		return v.edit(l), true
	case key.Matches(k, l.keys.Hide):
		return v.toggleHidden(l), true
	default:
		return nil, false
	}
	return nil, true
}

func (v *notesView) edit(l *look) tea.Cmd {
	e, ok := v.noteByID(l, v.entries.id)
	if !v.onEntries || !ok {
		v.desk.fail(schedule.Errorf(schedule.ENOTFOUND, "pick a note first: → moves to the notes"))
		return nil
	}
	if !l.isOrganiser() && e.AuthorID != l.actor.PersonID {
		v.desk.fail(schedule.Errorf(schedule.EFORBIDDEN, "you can only change your own items"))
		return nil
	}
	return v.editNoteForm(l, e.ID, e.Revision, e.Text, "")
}

func (v *notesView) toggleHidden(l *look) tea.Cmd {
	e, ok := v.noteByID(l, v.entries.id)
	if !v.onEntries || !ok {
		return nil
	}
	notes, actor, hide := v.svc, l.actor, !e.Hidden
	msg := "note hidden"
	if !hide {
		msg = "note shown again"
	}
	return v.desk.write(msg, func(ctx context.Context) error {
		_, err := notes.HideNote(ctx, actor, e.ID, hide)
		return err
	}, nil)
}

// publishedName is how the viewer's text is signed when it is published:
// their display name, quoted.
func (l *look) publishedName() string {
	if p, ok := l.data.Person(l.actor.PersonID); ok && p.Name != "" {
		return "your display name “" + p.Name + "”"
	}
	return "your display name"
}

func (v *notesView) noteField(l *look, text *string, title string) *huh.Text {
	lim := l.ev.Limits.NoteMax
	return huh.NewText().Title(title).Lines(8).CharLimit(lim).Value(text).ExternalEditor(false).Validate(required("the note", lim))
}

func (v *notesView) addNoteForm(l *look, t schedule.Target) tea.Cmd {
	if t.ID == 0 {
		return nil
	}
	var text string
	private := false
	notes, actor := v.svc, l.actor
	build := func() *huh.Form {
		return huh.NewForm(huh.NewGroup(
			v.noteField(l, &text, "Your note (alt+enter: new line, enter: next)"),
			huh.NewSelect[bool]().Title("After the camp").Options(
				huh.NewOption("publish it on compilepython.com under "+l.publishedName(), false),
				huh.NewOption("keep it private: read here at the camp, left out of the export", true),
			).Value(&private).Height(3),
		))
	}
	return v.desk.openDraftForm("Add a note to "+t.String(), "", build, func() tea.Cmd {
		done := "note added; it will be published on compilepython.com"
		if private {
			done = "private note added; it stays out of the export"
		}
		return v.desk.write(done, func(ctx context.Context) error {
			n, err := notes.AddNote(ctx, actor, t, text)
			if err == nil && private {
				_, err = notes.SetNotePrivate(ctx, actor, n.ID, true)
			}
			return err
		}, nil)
	})
}

// editNoteForm edits a note from revision base. preface, when not empty,
// explains a conflict above the field.
func (v *notesView) editNoteForm(l *look, id int64, base int, text, preface string) tea.Cmd {
	build := func() *huh.Form {
		return huh.NewForm(huh.NewGroup(v.noteField(l, &text, fmt.Sprintf("Your text (saves over revision %d)", base))))
	}
	return v.desk.openDraftForm("Edit note "+strconv.FormatInt(id, 10), preface, build, func() tea.Cmd {
		return v.saveNote(l, id, base, text)
	})
}

// saveNote writes an edit. A stale edit does not end as an error message
// only: it comes back as a staleMsg and reopens the editor with both texts.
func (v *notesView) saveNote(l *look, id int64, base int, text string) tea.Cmd {
	notes, actor := v.svc, l.actor
	return v.desk.enqueue(func(ctx context.Context) tea.Msg {
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
func (v *notesView) openConflict(l *look, msg staleMsg) tea.Cmd {
	v.desk.fail(msg.stale)
	cur := msg.stale.Current
	w := min(l.width, 100) - 4
	theirs := l.st.pane.Width(w + 4).Render(wrap(block(cur.Text), w))
	preface := stack(
		l.st.warn.Render(truncate("Conflict: someone saved this note while you were editing.", w)),
		fmt.Sprintf("Their text, revision %d by %s at %s:", cur.Revision, line(cur.Author), cur.UpdatedAt.In(l.zone).Format("15:04")),
		theirs,
		"Your text is below, unsaved. Merge their change into it, then enter saves revision "+strconv.Itoa(cur.Revision+1)+".",
	)
	return v.editNoteForm(l, cur.ID, cur.Revision, msg.mine, preface)
}

func (v *notesView) addReportForm(l *look, t schedule.Target) tea.Cmd {
	if t.ID == 0 {
		return nil
	}
	var r struct{ project, url, tool, version, outcome, speedup, learnt string }
	ev := l.ev
	tools := make([]huh.Option[string], len(ev.Talks.Tools))
	for i, x := range ev.Talks.Tools {
		tools[i] = huh.NewOption(x, x)
	}
	outcomes := huh.NewOptions(string(schedule.OutcomeWorked), string(schedule.OutcomePartial), string(schedule.OutcomeFailed))
	lim := ev.Limits
	build := func() *huh.Form {
		return huh.NewForm(
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
	}
	notes, actor := v.svc, l.actor
	consent := l.st.faint.Render(wrap("Reports are published on compilepython.com after the camp under "+l.publishedName()+".", min(l.width, 100)))
	return v.desk.openDraftForm("Experience report on "+t.String(), consent, build, func() tea.Cmd {
		speedup, _ := strconv.ParseFloat(strings.TrimSpace(r.speedup), 64)
		in := schedule.ReportInput{Project: r.project, ProjectURL: strings.TrimSpace(r.url), Tool: r.tool, ToolVersion: r.version,
			Outcome: schedule.Outcome(r.outcome), Speedup: speedup, Learnt: r.learnt}
		return v.desk.write("experience report added", func(ctx context.Context) error {
			_, err := notes.AddReport(ctx, actor, t, in)
			return err
		}, nil)
	})
}
