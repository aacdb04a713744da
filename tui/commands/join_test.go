package commands_test

import (
	"strings"
	"testing"

	"github.com/lightningcamp/camp/store/storetest"
)

const joinFirst = "join first: choose a name and accept the code of conduct (join --name NAME --accept-code-of-conduct)"

// A new key may look around, but every write before join is refused with
// the domain's own words; after join the same write works.
func TestJoinFirst(t *testing.T) {
	c := newCamp(t)
	newcomer := c.newcomer("new-key")

	mustRun(t, newcomer, "talks")
	for _, args := range [][]string{
		{"propose", "talk", "--title", "Too soon"},
		{"propose", "topic", "--title", "Too soon"},
		{"name", "Ada"},
		{"link", "ada@example.org"},
	} {
		r := run(t, newcomer, args...)
		wantFailure(t, r, 1, joinFirst)
		if r.stderr != "camp: "+joinFirst+"\n" {
			t.Errorf("want exactly the domain's message:\n%s", r)
		}
	}
	if r := mustRun(t, newcomer, "help"); !strings.Contains(r.stdout, "join --name") {
		t.Errorf("help should tell a newcomer to join first:\n%s", r)
	}

	r := run(t, newcomer, "join", "--name", "Ada")
	wantFailure(t, r, 2, "https://www.python.org/psf/conduct/")
	wantFailure(t, run(t, newcomer, "join", "--accept-code-of-conduct"), 2, "--name")

	r = mustRun(t, newcomer, "join", "--name", "Ada", "--accept-code-of-conduct", "--tz", "Asia/Tokyo")
	if !strings.Contains(r.stdout, "Welcome, Ada") || !strings.Contains(r.stdout, "Asia/Tokyo") {
		t.Errorf("join should welcome by name and zone:\n%s", r)
	}
	mustRun(t, c.relogin(newcomer), "propose", "talk", "--title", "Now it works")
}

func TestGuestsOnlyLook(t *testing.T) {
	c := newCamp(t)
	guest := c.guest()
	for _, args := range [][]string{{"talks"}, {"topics"}, {"now"}, {"schedule"}, {"whoami"}} {
		mustRun(t, guest, args...)
	}
	for _, args := range [][]string{
		{"join", "--name", "Ghost", "--accept-code-of-conduct"},
		{"propose", "talk", "--title", "Boo"},
		{"talks", "--mine"},
		{"export", "--mine"},
	} {
		wantFailure(t, run(t, guest, args...), 1, "guests")
	}
	r := mustRun(t, guest, "help")
	if !strings.Contains(r.stdout, "guest") || strings.Contains(r.stdout, "\n  propose") || strings.Contains(r.stdout, "\n  queue") {
		t.Errorf("a guest's help lists only what guests can do:\n%s", r)
	}
}

func TestWhoamiJSON(t *testing.T) {
	c := newCamp(t)
	for _, tc := range []struct {
		name     string
		env      func() map[string]any
		wantName string
		wantRole string
		wantTZ   string
		wantFP   string
	}{
		{"attendee", func() map[string]any {
			return decode(t, mustRun(t, c.attendee("Ada"), "whoami", "--json"))
		}, "Ada", "attendee", "Europe/London", storetest.FakeFingerprint("Ada")},
		{"organiser in their zone", func() map[string]any {
			env := c.organiser("Olga")
			env.ViewerTZ = "America/New_York"
			return decode(t, mustRun(t, env, "whoami", "--json"))
		}, "Olga", "organiser", "America/New_York", storetest.FakeFingerprint("Olga")},
		{"guest", func() map[string]any {
			return decode(t, mustRun(t, c.guest(), "whoami", "--json"))
		}, "", "guest", "Europe/London", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := tc.env()
			for _, k := range []string{"name", "fingerprint", "role", "tz"} {
				if _, ok := doc[k]; !ok {
					t.Errorf("whoami --json lacks %q: %v", k, doc)
				}
			}
			if doc["name"] != tc.wantName || doc["role"] != tc.wantRole || doc["tz"] != tc.wantTZ || doc["fingerprint"] != tc.wantFP {
				t.Errorf("whoami --json = %v", doc)
			}
		})
	}
}

// The zone chosen with join --tz is used when the session brings none.
func TestJoinedZoneIsUsed(t *testing.T) {
	c := newCamp(t)
	env := c.newcomer("tokyo")
	mustRun(t, env, "join", "--name", "Kenji", "--accept-code-of-conduct", "--tz", "Asia/Tokyo")
	env = c.relogin(env)
	if doc := decode(t, mustRun(t, env, "whoami", "--json")); doc["tz"] != "Asia/Tokyo" {
		t.Errorf("tz = %v, want Asia/Tokyo", doc["tz"])
	}
	if r := mustRun(t, env, "schedule"); !strings.Contains(r.stdout, "Tokyo") {
		t.Errorf("schedule should add the viewer's zone:\n%s", r)
	}
}
