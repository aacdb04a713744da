package tui

import (
	"fmt"
	"strings"
)

// withRehearsal marks a rehearsal on every screen: a row with the marker
// (Deps.Rehearsal, e.g. "REHEARSAL · ..."), above the announcement when
// there is one, so nobody mistakes a rehearsal for the real day and
// neither cuts the other at 80 columns.
func (m *Model) withRehearsal(banner string, w int) string {
	marker := m.deps.Rehearsal
	if marker == "" {
		return banner
	}
	line := markers.get(fmt.Sprintf("%s\x00%d %t", marker, w, m.st.dark), func() string {
		short, more, _ := strings.Cut(marker, " · ")
		if more != "" {
			more = m.st.faint.Render(" · " + more)
		}
		return truncate(m.st.statusErr.Render("◆ "+short)+more, w)
	})
	if banner == "" {
		return line
	}
	return line + "\n" + banner
}
