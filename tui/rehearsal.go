package tui

import "strings"

// withRehearsal marks a rehearsal on every screen: the banner row starts
// with the marker (Deps.Rehearsal, e.g. "REHEARSAL · ..."), in full when
// there is no announcement and by its first word before one, so nobody
// mistakes a rehearsal for the real day.
func (m *Model) withRehearsal(banner string, w int) string {
	marker := m.deps.Rehearsal
	if marker == "" {
		return banner
	}
	short, more, _ := strings.Cut(marker, " · ")
	if banner == "" {
		if more != "" {
			more = m.st.faint.Render(" · " + more)
		}
		return truncate(m.st.statusErr.Render("◆ "+short)+more, w)
	}
	return truncate(m.st.statusErr.Render("◆ "+short)+" "+banner, w)
}
