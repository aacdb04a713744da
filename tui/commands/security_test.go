package commands_test

// Issue 12 (safe on the open internet) through the command tree, against a
// real SQLite camp. Each test was checked to fail before its fix.

import (
	"context"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store/storetest"
)

// Item 6: `join --name` renamed a muted person; `name` and join now both
// refuse, and the name stays.
func TestMutedCannotRenameThroughTheTree(t *testing.T) {
	c := newCamp(t)
	mo, org := c.attendee("Mo"), c.organiser("Olga")
	yes := true
	if _, err := c.store.Moderate(ctx, org.Actor, mo.Actor.PersonID, schedule.Moderation{Muted: &yes}); err != nil {
		t.Fatal(err)
	}
	wantFailure(t, run(t, mo, "join", "--name", "Not Mo", "--accept-code-of-conduct"), 1, "muted")
	wantFailure(t, run(t, mo, "name", "Not", "Mo"), 1, "muted")
	if doc := decode(t, mustRun(t, mo, "whoami", "--json")); doc["name"] != "Mo" {
		t.Errorf("the muted person is now called %v", doc["name"])
	}
}

var ctx = context.Background()

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

var linkCode = regexp.MustCompile(`\b[2-9A-Z]{6}\b`)

// Item 12: `link EMAIL` told anyone which addresses are registered. The
// answer is now the same, code aside; `link confirm CODE` shows the
// organiser the person and the email and links only with --yes.
func TestLinkAnswersAlikeAndConfirmShowsWho(t *testing.T) {
	c := newCamp(t)
	org := c.organiser("Olga")
	if _, err := c.store.ImportRegistrations(ctx, org.Actor, []schedule.Registration{
		{TicketID: "1001", Name: "Ada Lovelace", Email: "ada@example.org", Status: "Attending"}}); err != nil {
		t.Fatal(err)
	}
	ada, eve := c.attendee("Ada"), c.attendee("Eve")
	registered := mustRun(t, ada, "link", "ada@example.org")
	unregistered := mustRun(t, eve, "link", "nobody@example.org")
	code := linkCode.FindString(registered.stdout)
	if code == "" || linkCode.ReplaceAllString(registered.stdout, "CODE") != linkCode.ReplaceAllString(unregistered.stdout, "CODE") ||
		registered.stderr != unregistered.stderr {
		t.Fatalf("the answers differ:\n%s\n%s", registered, unregistered)
	}

	preview := mustRun(t, org, "link", "confirm", code)
	for _, want := range []string{"Ada", "person " + itoa(ada.Actor.PersonID), storetest.FakeFingerprint("Ada"), "ada@example.org",
		"Ada Lovelace", "ticket 1001", "link confirm " + code + " --yes"} {
		if !strings.Contains(preview.stdout, want) {
			t.Errorf("the preview should show %q:\n%s", want, preview)
		}
	}
	if p, _ := c.store.Person(ctx, ada.Actor.PersonID); p.Email != "" {
		t.Fatal("link confirm without --yes linked the email")
	}
	eveCode := linkCode.FindString(unregistered.stdout)
	if r := mustRun(t, org, "link", "confirm", eveCode); !strings.Contains(r.stdout, "No registration holding a ticket") {
		t.Errorf("the preview of an unregistered email:\n%s", r)
	}
	wantFailure(t, run(t, org, "link", "confirm", eveCode, "--yes"), 1, "no registration holding a ticket has the email nobody@example.org")
	if r := mustRun(t, org, "link", "confirm", code, "--yes"); !strings.Contains(r.stdout, "Linked Ada") {
		t.Errorf("confirm --yes:\n%s", r)
	}
	if p, _ := c.store.Person(ctx, ada.Actor.PersonID); p.Email != "ada@example.org" {
		t.Errorf("linked email %q", p.Email)
	}
}

// Item 9: the post-approval edit goes back to review, and `talks` shows
// organisers what changed.
func TestTalksShowEditsAfterApproval(t *testing.T) {
	c := newCamp(t)
	ada, org := c.attendee("Ada"), c.organiser("Olga")
	mustRun(t, ada, "propose", "talk", "--title", "Numba on a shoestring")
	mustRun(t, org, "queue", "approve", "1")
	mustRun(t, ada, "edit", "talk", "1", "--title", "Something else entirely")
	r := mustRun(t, org, "talks")
	if !strings.Contains(r.stdout, "proposed*") || !strings.Contains(r.stdout, `talk 1 was edited after approval (title)`) ||
		!strings.Contains(r.stdout, `"Numba on a shoestring"`) {
		t.Errorf("talks should mark the edit and say what changed:\n%s", r)
	}
	talk := onlyTalk(t, org)
	was, ok := talk["edited_after_approval"].(map[string]any)
	if !ok || talk["status"] != "proposed" || was["title"] != "Numba on a shoestring" || was["changed"].([]any)[0] != "title" {
		t.Errorf("talks --json: %v", talk)
	}
	mustRun(t, org, "queue", "approve", "1")
	if _, ok := onlyTalk(t, org)["edited_after_approval"]; ok {
		t.Error("approving again should clear the comparison")
	}
}

// Item 14: organisers see keys that joined recently and only voted.
func TestPeopleShowsVoteOnlyKeys(t *testing.T) {
	c := newCamp(t)
	org := c.organiser("Olga")
	mustRun(t, org, "announce", "hello") // the organiser has written something
	ada := c.attendee("Ada")
	mustRun(t, ada, "propose", "topic", "--title", "Pick me")
	mustRun(t, ada, "vote", "1")
	for _, name := range []string{"sock 1", "sock 2", "sock 3"} {
		mustRun(t, c.attendee(name), "vote", "1")
	}
	r := mustRun(t, org, "people")
	if strings.Count(r.stdout, "NEW, ONLY VOTED") != 3 || !strings.Contains(r.stdout, "3 key(s) joined in the last 2h0m0s and have only voted") {
		t.Errorf("people should point out the three vote-only keys:\n%s", r)
	}
	doc := decode(t, mustRun(t, org, "people", "--json"))
	people := doc["people"].([]any)
	var marked []string
	for _, p := range people {
		p := p.(map[string]any)
		if p["only_voted"] == true {
			marked = append(marked, p["name"].(string))
		}
		if got := keys(p); !slices.Equal(got, sorted("id", "name", "role", "joined_at", "email", "muted", "banned", "only_voted", "edited_after_approval")) {
			t.Errorf("people --json keys = %v", got)
		}
	}
	if !slices.Equal(marked, []string{"sock 1", "sock 2", "sock 3"}) {
		t.Errorf("only_voted: %v", marked)
	}
	wantFailure(t, run(t, ada, "people"), 1, "only organisers")
}

// The write limiter holds through the tree with the default limits: three
// writes at once, then "slow down".
func TestWriteLimitThroughTheTree(t *testing.T) {
	c := newCampWith(t, storetest.Example(t))
	ada := c.attendee("Ada")
	for _, title := range []string{"one", "two", "three"} {
		mustRun(t, ada, "propose", "topic", "--title", title)
	}
	wantFailure(t, run(t, ada, "name", "Ada", "L"), 3, "slow down: at most 3 changes at once, then one every 1s")
	org := c.organiser("Olga")
	for range 10 {
		mustRun(t, org, "announce", "organisers are never slowed")
	}
}

// A key the camp has not met is an attendee who must join, not a guest,
// though nothing about it is stored yet.
func TestNewKeyIsAskedToJoin(t *testing.T) {
	c := newCamp(t)
	env := c.newcomer("brand new")
	doc := decode(t, mustRun(t, env, "whoami", "--json"))
	if doc["role"] != "attendee" || doc["joined"] != false || doc["fingerprint"] != storetest.FakeFingerprint("brand new") {
		t.Errorf("whoami of a new key: %v", doc)
	}
	if people, _ := c.store.People(ctx); len(people) != 0 {
		t.Errorf("a new key was stored before joining: %+v", people)
	}
}
