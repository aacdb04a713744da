package tui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/live"
)

// notesView lists the talks and topics on the left and the notes and
// experience reports of the selected one on the right.
//
// Both lists share one picker each, keyed by a signed ID: talks (and notes)
// positive, topics (and reports) negative, so one cursor can cross kinds.
type notesView struct {
	targets   picker
	entries   picker
	onEntries bool
	shown     schedule.Target // the target whose notes were last asked for
	svc       Notes           // the service it writes notes and reports to
	desk      notesDesk
	guide     guidePane // the compiler-tool guide, over the notes while open
	guideSvc  Guide
}

// notesDesk is what the Notes view may do beyond its own state: the writes
// every view makes, a write whose answer is a message of its own (an edit
// refused as stale comes back as a staleMsg), and a read of the notes of
// the target it selects.
type notesDesk interface {
	writes
	enqueue(run func(ctx context.Context) tea.Msg) tea.Cmd
	reload(parts ...live.Part) tea.Cmd
}

type noteTarget struct {
	target schedule.Target
	label  string
}

func signedID(t schedule.Target) int64 {
	if t.Kind == "topic" {
		return -t.ID
	}
	return t.ID
}

func targetOf(id int64) schedule.Target {
	switch {
	case id > 0:
		return schedule.Target{Kind: "talk", ID: id}
	case id < 0:
		return schedule.Target{Kind: "topic", ID: -id}
	}
	return schedule.Target{}
}

// targetRows lists what notes can be written on: talks that are or were on
// the programme, then topics.
func (v *notesView) targetRows(l *look) []noteTarget {
	var rows []noteTarget
	for _, t := range l.data.Talks {
		if inQueue(l, t) {
			rows = append(rows, noteTarget{schedule.Target{Kind: "talk", ID: t.ID}, t.Speaker + " — " + t.Title})
		}
	}
	for _, t := range l.data.Topics {
		if t.Status != schedule.TopicWithdrawn {
			rows = append(rows, noteTarget{schedule.Target{Kind: "topic", ID: t.ID}, t.Title + " — " + t.Leader})
		}
	}
	return rows
}

func targetIDs(rows []noteTarget) []int64 {
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = signedID(r.target)
	}
	return ids
}

// label names the selected target for the notes pane's heading.
func (v *notesView) label(l *look) string {
	t := v.target()
	if t.Kind == "talk" {
		if talk, ok := l.data.Talk(t.ID); ok {
			return "Notes on the talk “" + talk.Title + "”"
		}
	} else if topic, ok := l.data.Topic(t.ID); ok {
		return "Notes on the topic “" + topic.Title + "”"
	}
	return "Notes on " + t.String()
}

// target is the selected talk or topic.
func (v *notesView) target() schedule.Target { return targetOf(v.targets.id) }

// entryIDs lists the right pane's rows: notes, then reports.
func (v *notesView) entryIDs(l *look) []int64 {
	var ids []int64
	for _, e := range l.data.Notes.Entries {
		if !e.Hidden || l.isOrganiser() { // organisers moderate, so they see hidden notes, marked
			ids = append(ids, e.ID)
		}
	}
	for _, r := range l.data.Notes.Reports {
		ids = append(ids, -r.ID)
	}
	return ids
}

// sync keeps the selection and asks for the notes of a newly selected
// target. With nothing selected yet it starts at the live talk.
func (v *notesView) sync(l *look) tea.Cmd {
	rows := v.targetRows(l)
	if v.targets.id == 0 {
		if t, ok := l.data.LiveTalk(); ok {
			v.targets.id = t.ID
		}
	}
	v.targets.sync(targetIDs(rows))
	if l.data.Notes.Target == v.target() {
		v.entries.sync(v.entryIDs(l))
	}
	if t := v.target(); t != v.shown {
		v.shown = t
		v.entries = picker{}
		return v.desk.reload(live.Notes)
	}
	return nil
}

func (*notesView) title() string { return "Notes" }

func (v *notesView) shortKeys(l *look) []key.Binding {
	k := l.keys
	if v.guide.open {
		return []key.Binding{k.Up, k.Down, k.Guide, k.Back}
	}
	return []key.Binding{k.Left, k.Right, k.New, k.Edit, k.Report, k.Hide, k.Guide}
}

func (v *notesView) fullKeys(l *look) [][]key.Binding {
	k := l.keys
	return [][]key.Binding{{k.Up, k.Down, k.Left, k.Right}, {k.New, k.Edit, k.Report, k.Hide, k.Guide}}
}

func (v *notesView) render(l *look, w, h int) string {
	if v.guide.open {
		return v.guide.render(l, w, h)
	}
	rows := v.targetRows(l)
	if w >= 120 {
		listW := w * 2 / 5
		return sideBySide(v.targetList(l, rows, listW, h), listW, v.entryPane(l, w-listW-2, h), 2)
	}
	listH := min(len(rows)+1, max(h/3, 4))
	return stack(v.targetList(l, rows, w, listH), v.entryPane(l, w, h-listH))
}

func (v *notesView) targetList(l *look, rows []noteTarget, w, h int) string {
	head := l.heading(fmt.Sprintf("Talks and topics · %d", len(rows)), w)
	list := l.renderList(len(rows), v.targets.index, h-1, w, !v.onEntries, func(i, width int) string {
		return columns(width, []string{rows[i].target.Kind, rows[i].label}, []int{6, width})
	})
	return stack(head, list)
}

// entryPane shows the notes and reports of the selected target, scrolled so
// that the selected entry is in view.
func (v *notesView) entryPane(l *look, w, h int) string {
	t := v.target()
	if t.ID == 0 || h < 2 {
		return ""
	}
	n := l.data.Notes
	if n.Target != t {
		return l.heading("Notes", w) + "\n" + l.st.faint.Render("loading…")
	}
	head := l.heading(fmt.Sprintf("%s · %s · %s", v.label(l), plural(len(n.Entries), "note"), plural(len(n.Reports), "report")), w)
	var blocks []string
	selected := -1
	for i, id := range v.entryIDs(l) {
		if id == v.entries.id {
			selected = i
		}
		blocks = append(blocks, v.entryBlock(l, id, id == v.entries.id, w))
	}
	if len(blocks) == 0 {
		return stack(head, l.st.faint.Render("no notes yet: n adds one, r adds an experience report"))
	}
	return stack(head, scrollTo(blocks, selected, h-1))
}

// scrollTo joins blocks and shows h lines of them, starting at the selected
// block when it would otherwise be below the fold.
func scrollTo(blocks []string, selected, h int) string {
	all := strings.Split(strings.Join(blocks, "\n"), "\n")
	start := 0
	for i := 0; i < selected; i++ {
		start += height(blocks[i])
	}
	if start+height(blocks[max(selected, 0)]) <= h {
		start = 0
	}
	start = min(start, max(len(all)-h, 0))
	return strings.Join(all[start:min(start+h, len(all))], "\n")
}

// entryBlock is one note or report: a title line with the cursor marker,
// then the text indented under it.
func (v *notesView) entryBlock(l *look, id int64, selected bool, w int) string {
	var title, body string
	if id > 0 {
		e, _ := v.noteByID(l, id)
		title = fmt.Sprintf("%s · revision %d · %s", e.Author, e.Revision, e.UpdatedAt.In(l.zone).Format("15:04"))
		if e.Hidden {
			title += " · [hidden]"
		}
		if e.Private {
			title += " · [private: not exported]"
		}
		body = e.Text
	} else {
		r, _ := v.reportByID(l, -id)
		title, body = reportTitle(r), r.Learnt
	}
	return l.marked(truncate(title, w-2), selected, v.onEntries) + "\n" + indent(wrap(body, w-4), "    ")
}

func reportTitle(r schedule.Report) string {
	s := fmt.Sprintf("Report by %s: %s · %s", r.Author, r.Project, strings.TrimSpace(r.Tool+" "+r.ToolVersion))
	s += " · " + string(r.Outcome)
	if r.Speedup > 0 {
		s += fmt.Sprintf(" · ×%.3g faster", r.Speedup)
	}
	return s
}

func indent(s, prefix string) string {
	if s == "" {
		return ""
	}
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}

func (v *notesView) noteByID(l *look, id int64) (schedule.NoteEntry, bool) {
	for _, e := range l.data.Notes.Entries {
		if e.ID == id {
			return e, true
		}
	}
	return schedule.NoteEntry{}, false
}

func (v *notesView) reportByID(l *look, id int64) (schedule.Report, bool) {
	for _, r := range l.data.Notes.Reports {
		if r.ID == id {
			return r, true
		}
	}
	return schedule.Report{}, false
}
