package tui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"
)

// undoable is a step the organiser can take back with the undo key: what it
// was, in words, and the write that takes it back. The store decides
// whether it still can (a talk's step is undoable for schedule.UndoWindow).
type undoable struct {
	what string // "finish of “Cython 3”"
	undo func(ctx context.Context) error
	then func() tea.Cmd // runs after a successful undo, may be nil
}

// mostUndos is how many steps the console remembers.
const mostUndos = 20

// remember keeps a step that was just taken, to be undone with u.
func (m *Model) remember(u undoable) {
	m.undos = append(m.undos, u)
	if len(m.undos) > mostUndos {
		m.undos = m.undos[len(m.undos)-mostUndos:]
	}
}

// undoLast takes back the last step remembered, and says what it undid.
func (m *Model) undoLast() tea.Cmd {
	if len(m.undos) == 0 {
		m.tell("nothing to undo")
		return nil
	}
	u := m.undos[len(m.undos)-1]
	m.undos = m.undos[:len(m.undos)-1]
	return m.write("undid the "+u.what, u.undo, u.then)
}

// undoHint is the end of a message about a step that can be undone.
func (l *look) undoHint() string {
	return fmt.Sprintf(" · %s undoes", l.keys.Undo.Help().Key)
}
