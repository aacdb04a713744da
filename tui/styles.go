package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"

	"github.com/lightningcamp/camp/schedule/sanitize"
)

// styles are built per session from whether its terminal has a dark
// background: lipgloss v2 has no global renderer, and two SSH sessions may
// sit on different backgrounds. Colour is only ever a second signal: every
// state is also told by a word, a marker or an attribute, so NO_COLOR and
// monochrome terminals lose nothing.
type styles struct {
	dark bool

	app, tab, tabActive  lipgloss.Style
	banner, bannerLabel  lipgloss.Style
	section, faint, bold lipgloss.Style
	selected, cursor     lipgloss.Style
	statusBar, statusErr lipgloss.Style
	statusOK, hint       lipgloss.Style
	live, warn, urgent   lipgloss.Style
	reserved, mine       lipgloss.Style
	pane, paneFocused    lipgloss.Style
	help                 help.Styles
}

// newStyles returns the styles for a dark or a light background. There are
// only two sets and they never change, so every session shares them (a set
// is some 18 KB).
func newStyles(dark bool) *styles {
	if dark {
		return &darkStyles
	}
	return &lightStyles
}

var darkStyles, lightStyles = makeStyles(true), makeStyles(false)

func makeStyles(dark bool) styles {
	ld := lipgloss.LightDark(dark)
	accent := ld(lipgloss.Color("#5A3FC0"), lipgloss.Color("#B7A6FF"))
	subtle := ld(lipgloss.Color("#6B6B6B"), lipgloss.Color("#9A9A9A"))
	good := ld(lipgloss.Color("#1E7B34"), lipgloss.Color("#6BD88A"))
	caution := ld(lipgloss.Color("#8A5A00"), lipgloss.Color("#FFC857"))
	danger := ld(lipgloss.Color("#B00020"), lipgloss.Color("#FF6B6B"))
	barBG := ld(lipgloss.Color("#E6E3F5"), lipgloss.Color("#2A2540"))

	fg := func(c color.Color) lipgloss.Style { return lipgloss.NewStyle().Foreground(c) }
	s := styles{
		dark:        dark,
		app:         fg(accent).Bold(true),
		tab:         fg(subtle),
		tabActive:   fg(accent).Bold(true).Underline(true),
		banner:      lipgloss.NewStyle().Bold(true),
		bannerLabel: fg(caution).Bold(true),
		section:     fg(accent).Bold(true),
		faint:       fg(subtle),
		bold:        lipgloss.NewStyle().Bold(true),
		selected:    lipgloss.NewStyle().Reverse(true),
		cursor:      fg(accent).Bold(true),
		statusBar:   lipgloss.NewStyle().Background(barBG),
		statusErr:   fg(danger).Bold(true),
		statusOK:    fg(good),
		hint:        fg(subtle),
		live:        fg(good).Bold(true),
		warn:        fg(caution).Bold(true),
		urgent:      fg(danger).Bold(true).Reverse(true),
		reserved:    fg(caution),
		mine:        fg(accent).Bold(true),
		pane:        lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(subtle).Padding(0, 1),
		paneFocused: lipgloss.NewStyle().Border(lipgloss.ThickBorder()).BorderForeground(accent).Padding(0, 1),
	}
	s.help = help.DefaultStyles(dark)
	return s
}

// line and block clean text for one line or a block of lines. Everything
// read from the camp was cleaned on arrival (package live); these are for
// text that reaches the screen another way (a form's preface, a title).
func line(s string) string  { return sanitize.Line(s, 0) }
func block(s string) string { return sanitize.Multiline(s, 0) }
