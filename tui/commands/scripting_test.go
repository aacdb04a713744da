package commands_test

import (
	"fmt"
	"strings"
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

// Issue 14 item 10: the same title from the same person became a second
// talk, spending one of three proposals; two people proposing "Packaging
// compiled wheels" split the dots over two topics.
func TestNearDuplicatesNeedForce(t *testing.T) {
	c := newCamp(t)
	ada, bob := c.attendee("Ada"), c.attendee("Bob")
	mustRun(t, ada, "propose", "talk", "--title", "Cython in anger")
	r := run(t, ada, "propose", "talk", "--title", "cython in anger!")
	wantFailure(t, r, 1, `this title is very close to your talk 1 "Cython in anger"`)
	if !strings.Contains(r.stderr, "--force") || !strings.Contains(r.stderr, "talks --mine") {
		t.Errorf("the refusal should point to the talk and to --force:\n%s", r)
	}
	mustRun(t, bob, "propose", "talk", "--title", "Cython in anger") // someone else's is not yours
	mustRun(t, ada, "propose", "talk", "--title", "Cython in anger, part 2")
	mustRun(t, ada, "propose", "talk", "--title", "Cython in anger", "--force")

	mustRun(t, ada, "propose", "topic", "--title", "Packaging compiled wheels")
	r = run(t, bob, "propose", "topic", "--title", "Packaging compiled wheel")
	wantFailure(t, r, 1, `very close to the topic 1 "Packaging compiled wheels"`)
	if !strings.Contains(r.stderr, sshCommand+" vote 1") || !strings.Contains(r.stderr, sshCommand+" topics show 1") {
		t.Errorf("the refusal should point to the topic and to voting for it:\n%s", r)
	}
	mustRun(t, bob, "propose", "topic", "--title", "Packaging compiled wheel", "--force")
	if n := len(decode(t, mustRun(t, bob, "topics", "--json"))["topics"].([]any)); n != 2 {
		t.Errorf("want 2 topics, got %d", n)
	}
}

// Organisers fold two topics that are the same into one: the dots move
// (a person with a dot on both gets one back), FROM is withdrawn.
func TestTopicsMerge(t *testing.T) {
	c := newCamp(t)
	ada, bob, cy, org := c.attendee("Ada"), c.attendee("Bob"), c.attendee("Cy"), c.organiser("Olga")
	mustRun(t, ada, "propose", "topic", "--title", "Packaging compiled wheels")
	mustRun(t, bob, "propose", "topic", "--title", "Shipping binary wheels")
	mustRun(t, ada, "vote", "1")
	mustRun(t, bob, "vote", "2")
	mustRun(t, cy, "vote", "1")
	mustRun(t, cy, "vote", "2")
	mustRun(t, bob, "notes", "add", "topic:2", "Bring", "CI", "logs")
	wantFailure(t, run(t, ada, "topics", "merge", "2", "1"), 1, "only organisers")
	wantFailure(t, run(t, org, "topics", "merge", "1", "1"), 2, "cannot be merged into itself")
	doc := decode(t, mustRun(t, org, "topics", "merge", "2", "1", "--json"))
	if doc["id"] != 1.0 || doc["votes"] != 3.0 {
		t.Errorf("merged topic: want 3 dots (Ada, Bob, Cy once), got %v", doc)
	}
	for _, tp := range decode(t, mustRun(t, org, "topics", "--json"))["topics"].([]any) {
		if tp := tp.(map[string]any); tp["id"] == 2.0 && tp["status"] != "withdrawn" {
			t.Errorf("the merged-away topic should be withdrawn: %v", tp)
		}
	}
	if out := mustRun(t, cy, "topics").stdout; !strings.Contains(out, "spent 1 of your 5 dots") {
		t.Errorf("Cy had a dot on both: one comes back:\n%s", out)
	}
	if out := mustRun(t, ada, "notes", "topic:1").stdout; !strings.Contains(out, "Bring CI logs") {
		t.Errorf("notes move with the merge:\n%s", out)
	}
}

// Issue 14 item 12: export --mine had no JSON form; it carries the
// person's own items as written and what others said on their talks.
func TestExportMineJSON(t *testing.T) {
	c := newCamp(t)
	ada, bob := c.attendee("Ada"), c.attendee("Bob")
	mustRun(t, ada, "propose", "talk", "--title", "Cython in anger")
	mustRun(t, c.organiser("Olga"), "queue", "approve", "1")
	mustRun(t, ada, "notes", "add", "talk:1", "# My notes\n\nIt ships as **one binary**.")
	mustRun(t, bob, "notes", "add", "talk:1", "Great", "talk")
	mustRun(t, bob, "propose", "talk", "--title", "Bob's own")
	doc := decode(t, mustRun(t, ada, "export", "--mine", "--json"))
	talks, notes := doc["talks"].([]any), doc["notes"].([]any)
	if len(talks) != 1 || talks[0].(map[string]any)["title"] != "Cython in anger" {
		t.Errorf("talks = %v", talks)
	}
	if len(notes) != 1 || notes[0].(map[string]any)["text"] != "# My notes\n\nIt ships as **one binary**." {
		t.Errorf("notes = %v", notes)
	}
	said := doc["said_on_mine"].(map[string]any)["notes"].([]any)
	if len(said) != 1 || said[0].(map[string]any)["author"] != "Bob" || said[0].(map[string]any)["target"] == nil {
		t.Errorf("said_on_mine.notes = %v", said)
	}
}

// Issue 14 item 15: edits to an approved talk went live without telling
// the organisers. The talk goes back to review (issue 12 item 9) and is
// marked in talks; people marks the speaker too.
func TestEditsAfterApprovalAreFlaggedToOrganisers(t *testing.T) {
	c := newCamp(t)
	ada, org := c.attendee("Ada"), c.organiser("Olga")
	mustRun(t, ada, "propose", "talk", "--title", "Cython in anger")
	mustRun(t, org, "queue", "approve", "1")
	mustRun(t, ada, "edit", "talk", "1", "--title", "Cython in rage")
	talks := mustRun(t, org, "talks").stdout
	if !strings.Contains(talks, "proposed*") || !strings.Contains(talks, `approved title was "Cython in anger"`) {
		t.Errorf("talks should mark the edited talk for organisers:\n%s", talks)
	}
	people := mustRun(t, org, "people").stdout
	if !strings.Contains(people, "EDITED APPROVED TALK 1") || !strings.Contains(people, "1 talk changed after approval") {
		t.Errorf("people should mark Ada:\n%s", people)
	}
	for _, p := range decode(t, mustRun(t, org, "people", "--json"))["people"].([]any) {
		if p := p.(map[string]any); p["name"] == "Ada" && fmt.Sprint(p["edited_after_approval"]) != "[1]" {
			t.Errorf("people --json: %v", p)
		}
	}
}
