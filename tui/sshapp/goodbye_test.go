package sshapp_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/lightningcamp/camp/tui/sshapp"
)

// When the server stops, an attendee's terminal is not left frozen on the
// last frame: they get it back (alternate screen off, cursor shown) and a
// goodbye line after it.
func TestGoodbyeRestoresEveryTerminal(t *testing.T) {
	ts := startServer(t)
	c := ts.join(t, "Ada")
	s := openScreen(t, c, 80, 24)
	s.waitFor(t, 10*time.Second, "Now")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := ts.srv.Goodbye(ctx); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(s.raw.String(), sshapp.GoodbyeLine) && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	raw := s.raw.String()
	bye := strings.Index(raw, sshapp.GoodbyeLine)
	if bye < 0 {
		t.Fatalf("no goodbye line; the session got:\n%q", tail(raw, 300))
	}
	before := raw[:bye]
	for name, seq := range map[string]string{"alternate screen off": ansi.ResetModeAltScreenSaveCursor, "cursor shown": ansi.ShowCursor} {
		if !strings.Contains(before, seq) {
			t.Errorf("the terminal was not restored (%s) before the goodbye: %q", name, tail(raw, 300))
		}
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
