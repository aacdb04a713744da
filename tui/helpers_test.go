package tui_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui"
)

func newCamp(tb testing.TB) *realCamp {
	tb.Helper()
	return newRealCamp(tb)
}

// plainOptions render without colour and with glamour's ascii style, so
// golden files are readable text.
func plainOptions(c *realCamp, w, h int) tui.Options {
	return tui.Options{Width: w, Height: h, Profile: colorprofile.NoTTY, MarkdownStyle: "ascii", Zone: c.Camp.Event().Zone}
}

// settled returns a model filled with the camp's data without running a
// program: Reload twice, because the first read picks the Notes view's
// target and the second reads that target's notes; then the abstracts
// shown are rendered, as a program would off its event loop.
func settled(tb testing.TB, c *realCamp, actor schedule.Actor, w, h int) *tui.Model {
	tb.Helper()
	m := tui.New(c.Deps(), actor, plainOptions(c, w, h))
	settle(m)
	return m
}

func settle(m *tui.Model) {
	for range 2 {
		m.Update(m.Reload()())
	}
	m.Update(m.RenderMarkdown()())
}

// press sends keys to a model outside a program, ignoring the commands
// (use settle to read what they would have changed).
func press(m *tui.Model, keys ...tea.KeyPressMsg) {
	for _, k := range keys {
		m.Update(k)
	}
}

func key(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// frame is the screen as plain text.
func frame(m *tui.Model) string { return ansi.Strip(m.View().Content) }
