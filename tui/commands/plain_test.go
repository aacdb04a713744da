package commands_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store/storetest"
	"github.com/lightningcamp/camp/tui/commands"
)

// seeded is the seed day (storetest.SeedCamp) with an organiser's and an
// attendee's command environment.
func seeded(t *testing.T) (*storetest.Seeded, *commands.Env, *commands.Env) {
	t.Helper()
	s := storetest.SeedCamp(t)
	env := func(a schedule.Actor) *commands.Env {
		return &commands.Env{Backend: s.Camp, Actor: a, Clock: s.Clock, SSHCommand: sshCommand}
	}
	return s, env(s.Organiser), env(s.Attendee)
}

// TestPasteReadyTextFitsZoomChat is the text the organiser pastes into Zoom
// chat, at 10:02 GMT on the seed day (a lightning talk live) and at 11:10
// (the first open-space slot): short lines, no box drawing or columns, no
// line and no message over Zoom's chat limit.
func TestPasteReadyTextFitsZoomChat(t *testing.T) {
	s, org, attendee := seeded(t)
	for _, at := range []struct {
		name string
		when time.Time
	}{
		{"1002", storetest.SeedNow},
		{"1110", time.Date(2026, 3, 28, 11, 10, 0, 0, time.UTC)},
	} {
		s.Clock.Set(at.when)
		for _, cmd := range []struct {
			name string
			env  *commands.Env
			args []string
		}{
			{"now", attendee, []string{"now", "--plain"}},
			{"rooms", attendee, []string{"rooms", "--plain"}},
			{"queue", org, []string{"queue", "--plain"}},
		} {
			t.Run(cmd.name+"-"+at.name, func(t *testing.T) {
				out := mustRun(t, cmd.env, cmd.args...).stdout
				checkChatText(t, out)
				golden.RequireEqual(t, []byte(out))
			})
		}
	}
}

func checkChatText(t *testing.T, out string) {
	t.Helper()
	if n := utf8.RuneCountInString(strings.TrimSuffix(out, "\n")); n > commands.ZoomChatLimit {
		t.Errorf("message is %d characters, over Zoom's %d:\n%s", n, commands.ZoomChatLimit, out)
	}
	for _, l := range strings.Split(out, "\n") {
		if utf8.RuneCountInString(l) > commands.ZoomChatLimit {
			t.Errorf("line over the limit: %q", l)
		}
		if strings.ContainsAny(l, "│─┌┐└┘├┤┬┴┼═║\t") || strings.Contains(l, "   ") {
			t.Errorf("line needs a monospace font (box drawing, tabs or runs of spaces): %q", l)
		}
	}
}

// TestPasteReadyTextIsCutToTheLimit: a queue far longer than one message is
// cut at whole lines, with a last line saying how many more and where.
func TestPasteReadyTextIsCutToTheLimit(t *testing.T) {
	var lines []string
	for range 40 {
		lines = append(lines, strings.Repeat("x", 60))
	}
	got := commands.FitChat(lines, commands.ZoomChatLimit, "ssh -p 2222 HOST queue")
	msg := strings.Join(got, "\n")
	if n := utf8.RuneCountInString(msg); n > commands.ZoomChatLimit {
		t.Fatalf("cut message is %d characters", n)
	}
	if last := got[len(got)-1]; !strings.HasPrefix(last, "... and ") || !strings.HasSuffix(last, "more: ssh -p 2222 HOST queue") {
		t.Errorf("last line = %q", last)
	}
	if len(got) < 10 {
		t.Errorf("kept only %d lines", len(got))
	}
}
