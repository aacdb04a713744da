package commands_test

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/lightningcamp/camp/store/storetest"
	"github.com/lightningcamp/camp/tui/commands"
)

// Issue 14 item 14: `schedule` was 122 columns wide for a Tokyo attendee
// and `topics` about 125. Both fit 80 columns, times in the reader's zone
// with its abbreviation. Review the goldens by eye after -update.
func TestScheduleAndTopicsFit80Columns(t *testing.T) {
	s := storetest.SeedCamp(t)
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"schedule_tokyo", []string{"schedule"}},
		{"topics_tokyo", []string{"topics"}},
		{"topic_show_tokyo", []string{"topics", "show", "1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := &commands.Env{Backend: s.Camp, Actor: s.Attendee, Clock: s.Clock, ViewerTZ: "Asia/Tokyo", SSHCommand: sshCommand}
			var out, errOut strings.Builder
			if code := commands.Execute(context.Background(), env, tc.args, nil, &out, &errOut); code != 0 {
				t.Fatalf("exit %d: %s", code, errOut.String())
			}
			for _, l := range strings.Split(out.String(), "\n") {
				if w := ansi.StringWidth(l); w > 80 && !strings.Contains(l, "https://") {
					t.Errorf("%d columns: %q", w, l)
				}
			}
			if strings.Contains(out.String(), " UTC") || !strings.Contains(out.String(), "JST") {
				t.Errorf("times should be in the reader's zone (JST):\n%s", out.String())
			}
			golden.RequireEqual(t, []byte(out.String()))
		})
	}
}
