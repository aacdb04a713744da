// Package form is the one wrapper every camp form goes through: a huh form
// that gives keys typed ahead to the field they were typed for.
//
// huh moves to the next field through a command (Enter returns
// huh.NextField, and the move happens when that message comes back). Keys
// that arrive together, typed ahead or bunched by a slow network into one
// write, reach the form before that message does, and so land in the field
// being left: the burst "Title B", Enter, "7", Enter gave the title
// "Title B7" and empty minutes. A Form holds back the keys after a key that
// may move the form, until the form has moved (or, if a value failed
// validation and the form stays, until HoldLimit has passed), then gives
// them to the field that is focused by then.
package form

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// HoldLimit is how long keys wait at most for the form to move. A key that
// fails validation does not hold the keys after it at all; this limit is
// for the rare move that goes nowhere (shift+tab on the first field, or a
// group that will not end while another of its fields is in error). It is
// generous because a busy server can take a while to deliver the move, and
// a key let go too early lands in the field being left.
const HoldLimit = 2 * time.Second

// Form is a huh form with keys typed ahead held until the form has moved.
// Use it only through Update: the held keys are part of its state.
type Form struct {
	huh  *huh.Form
	keys *huh.KeyMap

	held     []tea.KeyPressMsg // keys waiting for the form to move
	holding  bool
	heldFrom huh.Field // the field focused when the hold began
	hold     int       // which hold a releaseMsg ends
	leftover []tea.KeyPressMsg
}

// releaseMsg ends a hold on keys that did not move the form (a value that
// failed validation stays where it is).
type releaseMsg struct {
	form *Form
	hold int
}

// New wraps f, which uses the key map keys (nil: huh's default).
func New(f *huh.Form, keys *huh.KeyMap) *Form {
	if keys == nil {
		keys = huh.NewDefaultKeyMap()
	}
	return &Form{huh: f.WithKeyMap(keys), keys: keys}
}

// moves lists the keys that can move the form on from field: to another
// field or group, or to its end. They differ by the kind of field: "y"
// moves on from a yes/no question but is only a letter in a text field.
func (f *Form) moves(field huh.Field) []key.Binding {
	k := f.keys
	switch field.(type) {
	case *huh.Input:
		return []key.Binding{k.Input.Next, k.Input.Prev, k.Input.Submit}
	case *huh.Text:
		return []key.Binding{k.Text.Next, k.Text.Prev, k.Text.Submit}
	case *huh.Confirm:
		return []key.Binding{k.Confirm.Next, k.Confirm.Prev, k.Confirm.Submit, k.Confirm.Accept, k.Confirm.Reject}
	case *huh.Note:
		return []key.Binding{k.Note.Next, k.Note.Prev, k.Note.Submit}
	case *huh.MultiSelect[string]:
		return []key.Binding{k.MultiSelect.Next, k.MultiSelect.Prev, k.MultiSelect.Submit}
	}
	return []key.Binding{k.Select.Next, k.Select.Prev, k.Select.Submit}
}

// Init starts the form.
func (f *Form) Init() tea.Cmd { return f.huh.Init() }

// Huh is the wrapped form, for its settings (width) and values; give it
// messages through Update only.
func (f *Form) Huh() *huh.Form { return f.huh }

// SetWidth sets the form's width.
func (f *Form) SetWidth(w int) { f.huh = f.huh.WithWidth(w) }

// Holding reports whether keys are held for a field the form is moving to.
func (f *Form) Holding() bool { return f.holding }

// State is the form's state: normal, completed or aborted.
func (f *Form) State() huh.FormState { return f.huh.State }

// View draws the form.
func (f *Form) View() string { return f.huh.View() }

// Leftover returns, once, the keys typed after the key that ended the form:
// they were meant for whatever comes after it.
func (f *Form) Leftover() []tea.KeyPressMsg {
	keys := f.leftover
	f.leftover = nil
	return keys
}

// Update gives msg to the form, holding keys back while the form may be
// moving to another field.
func (f *Form) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if f.holding {
			f.held = append(f.held, msg)
			return nil
		}
		return f.typed(msg)
	case releaseMsg:
		if msg.form == f && f.holding && msg.hold == f.hold {
			return f.release()
		}
		return nil
	}
	cmd := f.pass(msg)
	if f.holding && (f.huh.State != huh.StateNormal || f.huh.GetFocusedField() != f.heldFrom) {
		return tea.Batch(cmd, f.release())
	}
	return cmd
}

// typed gives a key to the form, and holds back the keys after it if it may
// move the form to another field.
func (f *Form) typed(k tea.KeyPressMsg) tea.Cmd {
	if f.huh.State != huh.StateNormal {
		f.leftover = append(f.leftover, k)
		return nil
	}
	from := f.huh.GetFocusedField()
	cmd := f.pass(k)
	if f.huh.State != huh.StateNormal || !key.Matches(k, f.moves(from)...) || from.Error() != nil {
		return cmd // no move is on its way (a value that fails validation stays)
	}
	f.holding, f.heldFrom = true, from
	f.hold++
	release := releaseMsg{form: f, hold: f.hold}
	return tea.Batch(cmd, tea.Tick(HoldLimit, func(time.Time) tea.Msg { return release }))
}

// release gives the held keys to the form, in order, until one of them
// starts a new hold; keys typed past the end of the form are left over.
func (f *Form) release() tea.Cmd {
	held := f.held
	f.held, f.holding, f.heldFrom = nil, false, nil
	var cmds []tea.Cmd
	for i, k := range held {
		if f.holding {
			f.held = append(f.held, held[i:]...)
			break
		}
		cmds = append(cmds, f.typed(k))
	}
	return tea.Batch(cmds...)
}

func (f *Form) pass(msg tea.Msg) tea.Cmd {
	next, cmd := f.huh.Update(msg)
	if h, ok := next.(*huh.Form); ok {
		f.huh = h
	}
	return cmd
}
