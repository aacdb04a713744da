package tui

import (
	"context"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/charmbracelet/colorprofile"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/live"
)

// look is what a view reads of its session: the snapshot, the time of the
// update under way, the viewer, the keys and the styles, and the helpers
// that draw the parts every view shares. The root model embeds it and
// keeps it up to date; a view is handed a pointer and only reads it.
type look struct {
	data  live.Snapshot
	ev    *schedule.Event
	actor schedule.Actor
	zone  *time.Location
	now   time.Time
	keys  KeyMap
	st    *styles

	width, height int // the terminal's
	profile       colorprofile.Profile
	mdStyle       string // the glamour style Options force, if any
}

// writes is what a view may change beyond its own state: the camp, through
// writes that run in commands one at a time (then, if not nil, runs in
// Update after a success), the status line, and the form in place of the
// view. The root model implements it.
type writes interface {
	write(ok string, do func(ctx context.Context) error, then func() tea.Cmd) tea.Cmd
	openForm(title, preface string, f *huh.Form, submit func() tea.Cmd) tea.Cmd
	openDraftForm(title, preface string, build func() *huh.Form, submit func() tea.Cmd) tea.Cmd
	tell(text string)
	fail(err error)
	// remember keeps a step just taken so the undo key can take it back.
	remember(u undoable)
	// writeAsking, askFirst, reopenForm and stashDraft: a refused
	// near-duplicate asks before proposing anyway (duplicates.go).
	writeAsking(ok string, do func(ctx context.Context) error, ask func(err error) (tea.Cmd, bool)) tea.Cmd
	askFirst(title, preface string, f *huh.Form, answered, esc func() tea.Cmd) tea.Cmd
	reopenForm(title, preface string, f *huh.Form, submit func() tea.Cmd) tea.Cmd
	stashDraft(title, preface string, f *huh.Form, submit func() tea.Cmd)
}

var _ writes = (*Model)(nil)

func (l *look) isOrganiser() bool { return l.actor.Role == schedule.RoleOrganiser }

// heading is a section title followed by a rule to the edge. Every session
// draws the same headings, so they are drawn once and shared.
func (l *look) heading(title string, width int) string {
	key := fmt.Sprintf("%s\x00%d %t", title, width, l.st.dark)
	return headings.get(key, func() string { return l.st.heading(title, width) })
}

// renderList draws rows[start:end] for a list of total rows with the cursor
// row marked by a "›" and the selection style; focused false draws the
// marker only, so an unfocused pane still shows where its cursor is. row
// renders one row to the given width.
func (l *look) renderList(total, cursor, rows, width int, focused bool, row func(i, width int) string) string {
	start, end := window(total, cursor, rows)
	var b strings.Builder
	for i := start; i < end; i++ {
		if i > start {
			b.WriteByte('\n')
		}
		b.WriteString(l.marked(row(i, width-2), i == cursor, focused))
	}
	return b.String()
}

// marked prefixes a row or cell with the cursor marker "›" when the cursor
// is on it and its pane has focus (highlighted too), with "·" where the
// cursor waits in a pane without focus, else with two spaces: one "›" on
// the screen, told by its shape without colour, and columns stay aligned.
func (l *look) marked(text string, cursor, focused bool) string {
	switch {
	case cursor && focused:
		return l.st.cursor.Render("›") + " " + l.st.selected.Render(text)
	case cursor:
		return l.st.faint.Render("·") + " " + text
	}
	return "  " + text
}
