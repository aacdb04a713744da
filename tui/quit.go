package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// Quitting the console while attendees are connected asks first: quitting
// would stop the SSH server under them. The organiser can keep serving them
// (the console closes, the server runs on: see KeepServing), stop the
// server (every session is told goodbye), or stay.

const (
	quitStop = "stop"
	quitKeep = "keep"
	quitStay = "stay"
)

// quit ends the session, asking first in the organiser's console when
// others are connected.
func (m *Model) quit() tea.Cmd {
	n := m.othersOnline()
	if !m.isOrganiser() || m.deps.Presence == nil || n == 0 || !m.deps.ServesOthers {
		return tea.Quit
	}
	who := "1 person is"
	if n != 1 {
		who = fmt.Sprintf("%d people are", n)
	}
	choice := quitStay
	f := huh.NewForm(huh.NewGroup(huh.NewSelect[string]().
		Title(who+" connected. Quitting stops the SSH server.").
		Options(
			huh.NewOption("Stay in the console", quitStay),
			huh.NewOption("Keep serving them: close the console, the server runs on in this terminal", quitKeep),
			huh.NewOption("Stop the server: everyone is told goodbye", quitStop),
		).Value(&choice)))
	return m.openForm("Quit camp?", "", f, func() tea.Cmd {
		if choice == quitStay {
			m.tell("still here")
			return nil
		}
		m.quitChoice = choice
		return tea.Quit
	})
}

// othersOnline counts the people connected other than the viewer.
func (m *Model) othersOnline() int {
	n := 0
	for id := range m.data.Online {
		if id != m.actor.PersonID {
			n++
		}
	}
	return n
}

// KeepServing reports whether the organiser chose, on quitting, to keep the
// SSH server running for the people connected.
func (m *Model) KeepServing() bool { return m.quitChoice == quitKeep }
