package screen

import tea "charm.land/bubbletea/v2"

// Drawn wraps a session's model so that every view it returns reaches r,
// and every window size too. See the package's contract.
func Drawn(m tea.Model, r *Renderer) tea.Model { return drawn{m, r} }

// drawn hands a session's frames to its Renderer. Bubble Tea asks for the
// view after every message; Show only keeps it (no I/O here, on the
// program's event loop) and wakes the Renderer if it changed.
type drawn struct {
	tea.Model
	screen *Renderer
}

func (d drawn) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if size, ok := msg.(tea.WindowSizeMsg); ok {
		d.screen.Resize(size.Width, size.Height)
	}
	var cmd tea.Cmd
	d.Model, cmd = d.Model.Update(msg)
	return d, cmd
}

func (d drawn) View() tea.View {
	v := d.Model.View()
	d.screen.Show(v)
	return v
}

// Unsupported names the fields of v that the Renderer does not draw and
// that v sets (see the package's contract).
func Unsupported(v tea.View) []string {
	var set []string
	add := func(name string, isSet bool) {
		if isSet {
			set = append(set, name)
		}
	}
	add("Cursor", v.Cursor != nil)
	add("BackgroundColor", v.BackgroundColor != nil)
	add("ForegroundColor", v.ForegroundColor != nil)
	add("ProgressBar", v.ProgressBar != nil)
	add("ProgramStatus", v.ProgramStatus != nil)
	add("ReportFocus", v.ReportFocus)
	add("DisableBracketedPasteMode", v.DisableBracketedPasteMode)
	add("MouseMode", v.MouseMode != tea.MouseModeNone)
	add("OnMouse", v.OnMouse != nil)
	add("KeyboardEnhancements", v.KeyboardEnhancements != (tea.KeyboardEnhancements{}))
	return set
}
