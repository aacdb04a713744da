package commands_test

import (
	"testing"

	"github.com/lightningcamp/camp/store/storetest"
	"github.com/lightningcamp/camp/tui/commands"
)

// Issue 14 item 11: four `vote` calls in a row, with the default limits
// (three at once, then one a second), and the fourth failed although the
// first was refused and changed nothing. A refused write costs no token.
func TestRefusedWritesDoNotUseUpTheLimit(t *testing.T) {
	c := newCampWith(t, storetest.Example(t))
	sam, ada := c.attendee("Sam"), c.attendee("Ada")
	mustRun(t, sam, "propose", "topic", "--title", "Packaging compiled wheels")
	wantFailure(t, run(t, ada, "vote", "99"), 1, "no topic with id 99")
	wantFailure(t, run(t, ada, "vote", "1", "--remove"), 1, "")
	mustRun(t, ada, "vote", "1")
	mustRun(t, ada, "vote", "1", "--remove")
	mustRun(t, ada, "vote", "1")
	// Now the limit is reached, and says so with its own exit code.
	wantFailure(t, run(t, ada, "vote", "1", "--remove"), commands.ExitSlowDown, "slow down")
}

// `talks --block nope` printed "No talks here yet." with exit 0: an unknown
// filter value is a usage error.
func TestUnknownFilterValuesAreUsageErrors(t *testing.T) {
	c := newCamp(t)
	ada := c.attendee("Ada")
	wantFailure(t, run(t, ada, "talks", "--block", "nope"), 2, `no talks block "nope": use one of`)
	wantFailure(t, run(t, ada, "talks", "--block", "eu-openspace-1"), 2, `no talks block "eu-openspace-1"`)
	mustRun(t, ada, "talks", "--block", "eu-talks")
}

// Issue 14 item 11: propose, vote and edit had no --json. Every write
// command prints the object it created or changed as JSON.
func TestEveryWriteHasJSON(t *testing.T) {
	c := newCamp(t)
	ada, org := c.attendee("Ada"), c.organiser("Olga")
	newbie := c.newcomer("Newt")
	for _, tc := range []struct {
		env  *commands.Env
		args []string
		key  string // a key the object must have
	}{
		{newbie, []string{"join", "--name", "Newt", "--accept-code-of-conduct"}, "joined"},
		{ada, []string{"name", "Ada", "L"}, "name"},
		{ada, []string{"tz", "Asia/Tokyo"}, "tz"},
		{ada, []string{"link", "ada@example.org"}, "code"},
		{ada, []string{"propose", "talk", "--title", "Cython in anger"}, "speaker"},
		{ada, []string{"edit", "talk", "1", "--minutes", "7"}, "minutes"},
		{ada, []string{"propose", "topic", "--title", "Wheels"}, "leader"},
		{ada, []string{"edit", "topic", "1", "--description", "CI logs"}, "description"},
		{ada, []string{"vote", "1"}, "voted"},
		{ada, []string{"vote", "1", "--remove"}, "votes"},
		{ada, []string{"notes", "add", "topic:1", "Bring", "logs"}, "revision"},
		{ada, []string{"notes", "edit", "1", "--base", "1", "Bring CI logs"}, "revision"},
		{ada, []string{"report", "add", "topic:1", "--project", "p", "--tool", "cython", "--outcome", "worked"}, "outcome"},
		{org, []string{"queue", "approve", "1"}, "status"},
		{org, []string{"assign", "1", "b", "eu-openspace-1/1"}, "join_link"},
		{org, []string{"unassign", "1"}, "status"},
		{org, []string{"announce", "Hello"}, "text"},
		{org, []string{"timer", "start", "--kind", "break", "--minutes", "5", "--label", "Tea"}, "remaining_seconds"},
		{ada, []string{"withdraw", "topic", "1"}, "status"},
		{ada, []string{"withdraw", "talk", "1"}, "status"},
	} {
		r := mustRun(t, tc.env, append(tc.args, "--json")...)
		if doc := decode(t, r); doc[tc.key] == nil {
			t.Errorf("%v --json: want the changed object with %q:\n%s", tc.args, tc.key, r)
		}
	}
}
