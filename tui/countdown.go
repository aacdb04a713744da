package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"github.com/lightningcamp/camp/schedule"
)

// stage is how urgent a countdown is. Each stage changes the words, the
// border and the attributes, not only the colour, so a speaker glancing at a
// monochrome screen still sees it.
type stage int

const (
	stageCalm stage = iota
	stageLastMinute
	stageWrapUp
	stageOverrun
	stagePaused
)

func stageOf(t schedule.Timer, now time.Time) stage {
	switch t.State(now) {
	case schedule.TimerPaused:
		return stagePaused
	case schedule.TimerOverrun:
		return stageOverrun
	}
	switch r := t.Remaining(now); {
	case r <= 30*time.Second:
		return stageWrapUp
	case r <= time.Minute:
		return stageLastMinute
	}
	return stageCalm
}

// timerLabel says in words where the timer stands.
func timerLabel(t schedule.Timer, now time.Time) string {
	left := countdown(t.Remaining(now))
	switch stageOf(t, now) {
	case stageLastMinute:
		return "LAST MINUTE · " + left + " left"
	case stageWrapUp:
		return "WRAP UP NOW · " + left + " left"
	case stageOverrun:
		return "OVER TIME by " + strings.TrimPrefix(left, "-")
	case stagePaused:
		return "PAUSED · " + left + " left"
	}
	return left + " left of " + countdown(t.Duration)
}

// timerBox is the frame of a countdown panel at each stage.
func (s *styles) timerBox(st stage) lipgloss.Style {
	box := lipgloss.NewStyle().Padding(0, 1)
	switch st {
	case stageLastMinute:
		return box.Border(lipgloss.ThickBorder()).BorderForeground(s.warn.GetForeground())
	case stageWrapUp, stageOverrun:
		return box.Border(lipgloss.DoubleBorder()).BorderForeground(s.urgent.GetForeground())
	case stagePaused:
		return box.Border(lipgloss.NormalBorder()).BorderForeground(s.faint.GetForeground())
	}
	return box.Border(lipgloss.RoundedBorder()).BorderForeground(s.live.GetForeground())
}

// digitStyle is how the big digits are drawn at each stage.
func (s *styles) digitStyle(st stage) lipgloss.Style {
	switch st {
	case stageLastMinute:
		return s.warn
	case stageWrapUp, stageOverrun:
		return s.urgent
	case stagePaused:
		return s.faint
	}
	return s.live
}

// timerPanel draws a countdown: heading, big digits and the stage in words,
// in a box as wide as width. scale enlarges the digits on big screens.
// The panel is the same for every session showing the same timer at the
// same second and width, so it is drawn once and shared (timerPanels).
func (l *look) timerPanel(heading string, t schedule.Timer, width, scale int) string {
	st := stageOf(t, l.now)
	left, label := countdown(t.Remaining(l.now)), timerLabel(t, l.now)
	key := fmt.Sprintf("%s\x00%s\x00%s\x00%d %d %d %t", heading, left, label, st, width, scale, l.st.dark)
	return timerPanels.get(key, func() string { return l.st.drawTimerPanel(heading, left, label, st, width, scale) })
}

func (s *styles) drawTimerPanel(heading, left, label string, st stage, width, scale int) string {
	inner := max(width-4, 10)
	digits := bigText(left, scale)
	for lipgloss.Width(digits[0]) > inner && scale > 1 {
		scale--
		digits = bigText(left, scale)
	}
	center := lipgloss.NewStyle().Width(inner).Align(lipgloss.Center)
	rows := []string{truncate(heading, inner)}
	for _, d := range digits {
		rows = append(rows, center.Render(s.digitStyle(st).Render(d)))
	}
	rows = append(rows, center.Render(s.bold.Render(label)))
	return s.timerBox(st).Width(width).Render(strings.Join(rows, "\n"))
}
