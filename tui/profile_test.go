package tui_test

import (
	"testing"

	"github.com/charmbracelet/colorprofile"

	"github.com/lightningcamp/camp/tui"
)

// Issue 16: NO_COLOR and monochrome TERMs get no colour at all.
func TestMonochromeTerminalsGetNoColour(t *testing.T) {
	for _, env := range [][]string{
		{"TERM=xterm-mono"}, {"TERM=vt100"}, {"TERM=vt220"}, {"TERM=xterm-mono", "COLORTERM=truecolor"},
		{"TERM=xterm-256color", "NO_COLOR=1"},
	} {
		if got := tui.ColorProfile(colorprofile.Env(env), env); got > colorprofile.ASCII {
			t.Errorf("%v: profile %v, which has colour", env, got)
		}
	}
	for _, env := range [][]string{{"TERM=xterm-256color"}, {"TERM=xterm", "COLORTERM=truecolor"}} {
		if got := tui.ColorProfile(colorprofile.Env(env), env); got <= colorprofile.ASCII {
			t.Errorf("%v: colour taken away (%v)", env, got)
		}
	}
}
