package commands_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/lightningcamp/camp/store/storetest"
	"github.com/lightningcamp/camp/tui/commands"
)

// Issue 14 items 5 and 6: a topic's description could only be read with
// --json, and the Zoom link was never shown. `topics show ID` has it all,
// `topics` shows the start of each description, and a placed topic's room
// comes with its link.
func TestTopicsShowAndJoinLinks(t *testing.T) {
	s := storetest.SeedCamp(t)
	env := &commands.Env{Backend: s.Camp, Actor: s.Attendee, Clock: s.Clock, SSHCommand: sshCommand}
	link := s.Camp.Event().JoinLink("room-1")
	if link == "" {
		t.Fatal("the example schedule has no Zoom link")
	}
	show := mustRun(t, env, "topics", "show", "1").stdout
	for _, want := range []string{"Leader: Priya Raman", "Tags:   compilepython", "8 dots", "Open space I, slot 1", "Room 1 - compilepython.com", "Join:   " + link, "Let's talk about"} {
		if !strings.Contains(show, want) {
			t.Errorf("topics show 1 should say %q:\n%s", want, show)
		}
	}
	doc := decode(t, mustRun(t, env, "topics", "show", "1", "--json"))
	if doc["join_link"] != link || doc["description"] == "" || doc["room"] != "Room 1 - compilepython.com" {
		t.Errorf("topics show --json = %v", doc)
	}
	list := mustRun(t, env, "topics").stdout
	if !strings.Contains(list, "Let's talk about Free-threading") || !strings.Contains(list, "join: "+link) {
		t.Errorf("topics should show each description's start and the room's link:\n%s", list)
	}
	topics := decode(t, mustRun(t, env, "topics", "--json"))["topics"].([]any)
	if topics[0].(map[string]any)["join_link"] != link {
		t.Errorf("topics --json has no join_link: %v", topics[0])
	}
	now := decode(t, mustRun(t, env, "now", "--json"))
	if cur := now["current"].([]any); len(cur) == 0 || cur[0].(map[string]any)["join_link"] != link {
		t.Errorf("now --json: the current block's room should carry its join_link: %v", now["current"])
	}
	wantFailure(t, run(t, env, "topics", "show", "99"), 1, "no topic with id 99")
	wantFailure(t, run(t, env, "topics", "show", "x"), 2, "not a topic id")
}

// Issue 14 item 7: times in the CLI were UTC while the TUI uses the
// viewer's zone. Notes, announcements and topics speak the reader's zone.
func TestTimesAreInTheReadersZone(t *testing.T) {
	s := storetest.SeedCamp(t)
	org := &commands.Env{Backend: s.Camp, Actor: s.Organiser, Clock: s.Clock, SSHCommand: sshCommand}
	mustRun(t, org, "announce", "Lunch is at noon")
	tokyo := &commands.Env{Backend: s.Camp, Actor: s.Attendee, Clock: s.Clock, SSHCommand: sshCommand, ViewerTZ: "Asia/Tokyo"}
	for _, args := range [][]string{{"notes", fmt.Sprintf("talk:%d", s.LiveTalk)}, {"topics"}} {
		out := mustRun(t, tokyo, args...).stdout
		if strings.Contains(out, " UTC") || !strings.Contains(out, " JST") {
			t.Errorf("%v for a Tokyo attendee should say JST, never UTC:\n%s", args, out)
		}
	}
	// now's clock line shows every zone, the reader's among them; the
	// announcement is stamped in the reader's zone.
	if out := mustRun(t, tokyo, "now").stdout; !strings.Contains(out, "Announcement from Ada Organiser at 19:02 JST") {
		t.Errorf("the announcement should be stamped in JST:\n%s", out)
	}
}
