package sshapp_test

import (
	"regexp"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// colourSGR finds a select-graphic-rendition sequence that sets a colour:
// 30–37, 39, 40–47, 49, 90–97, 100–107, or 38;…/48;… (256 and true colour).
var colourSGR = regexp.MustCompile(`\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m`)

// Issue 16: an SSH session with TERM=xterm-mono or vt100, or with NO_COLOR
// set, is sent no colour at all (bold and reverse still mark things).
func TestMonochromeSessionsGetNoColour(t *testing.T) {
	ts := startServer(t)
	c := ts.join(t, "Ada")
	for _, tc := range []struct {
		term    string
		noColor bool
	}{{"xterm-mono", false}, {"vt100", false}, {"xterm-256color", true}} {
		sess, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		if tc.noColor {
			if err := sess.Setenv("NO_COLOR", "1"); err != nil {
				t.Fatal(err)
			}
		}
		if err := sess.RequestPty(tc.term, 24, 80, gossh.TerminalModes{}); err != nil {
			t.Fatal(err)
		}
		raw := &syncBuffer{}
		sess.Stdout = raw
		if err := sess.Shell(); err != nil {
			t.Fatal(err)
		}
		waitForBytes(t, raw, "you: Ada")
		if m := colourSGR.FindString(raw.String()); m != "" {
			t.Errorf("TERM=%s NO_COLOR=%t: a colour was sent: %q", tc.term, tc.noColor, m)
		}
		sess.Close()
	}
}
