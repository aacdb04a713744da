package tui

import (
	"strings"

	"github.com/charmbracelet/colorprofile"
)

// ColorProfile is the colour profile for a terminal with environment env,
// starting from what was detected: NO_COLOR already gives ASCII (no colour,
// but bold and reverse), and monochrome terminals (xterm-mono, vt100, any
// TERM ending in -mono or -m) get no colour either, whatever else they
// claim (issue 16: TERM=xterm-mono still got colours).
func ColorProfile(detected colorprofile.Profile, env []string) colorprofile.Profile {
	if monochrome(lookupEnv(env, "TERM")) && detected > colorprofile.ASCII {
		return colorprofile.ASCII
	}
	return detected
}

// monochrome says whether term names a terminal without colour.
func monochrome(term string) bool {
	term = strings.ToLower(term)
	switch term {
	case "vt52", "vt100", "vt102", "vt220", "vt320", "vt420", "xterm-mono", "mono":
		return true
	}
	return strings.HasSuffix(term, "-mono") || strings.HasSuffix(term, "-m")
}

// lookupEnv is the last value of name in env (later entries win, as in
// os/exec).
func lookupEnv(env []string, name string) string {
	v := ""
	for _, kv := range env {
		if k, val, ok := strings.Cut(kv, "="); ok && k == name {
			v = val
		}
	}
	return v
}
