package commands_test

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/lightningcamp/camp/tui/commands"
)

func TestProposeEditWithdrawTalk(t *testing.T) {
	c := newCamp(t)
	ada, bob := c.attendee("Ada"), c.attendee("Bob")

	mustRun(t, ada, "propose", "talk", "--title", "Cython in anger", "--abstract", "Three years of it", "--minutes", "7",
		"--tool", "cython", "--tool", "mypyc", "--block", "am-talks", "--link", "https://example.org/a,b", "--tag", "war-stories")
	talk := onlyTalk(t, ada)
	if talk["title"] != "Cython in anger" || talk["minutes"] != 7.0 || talk["status"] != "proposed" || talk["block"] != "am-talks" {
		t.Errorf("proposed talk = %v", talk)
	}
	if tools := talk["tools"].([]any); len(tools) != 2 || tools[0] != "cython" || tools[1] != "mypyc" {
		t.Errorf("tools = %v", tools)
	}

	mustRun(t, ada, "edit", "talk", "#1", "--minutes", "8")
	if talk := onlyTalk(t, ada); talk["minutes"] != 8.0 || talk["title"] != "Cython in anger" || talk["abstract"] != "Three years of it" {
		t.Errorf("edit must change only --minutes: %v", talk)
	}
	wantFailure(t, run(t, ada, "edit", "talk", "1"), 2, "nothing to change")
	// Bob does not see Ada's proposal (schedule.Viewer), so for him it is not there.
	wantFailure(t, run(t, bob, "edit", "talk", "1", "--title", "Mine now"), 1, "no talk with id 1")
	wantFailure(t, run(t, bob, "withdraw", "talk", "1"), 1, "you can only change your own items")

	mustRun(t, ada, "withdraw", "talk", "1")
	if talk := onlyTalk(t, ada); talk["status"] != "withdrawn" {
		t.Errorf("status = %v, want withdrawn", talk["status"])
	}
}

func onlyTalk(t *testing.T, env *commands.Env) map[string]any {
	t.Helper()
	talks := decode(t, mustRun(t, env, "talks", "--json"))["talks"].([]any)
	if len(talks) != 1 {
		t.Fatalf("want one talk, got %v", talks)
	}
	return talks[0].(map[string]any)
}

func TestTopicsAndVotes(t *testing.T) {
	c := newCamp(t)
	ada, bob := c.attendee("Ada"), c.attendee("Bob")
	org := c.organiser("Olga")

	r := mustRun(t, ada, "propose", "topic", "--title", "Shipping compiled wheels", "--description", "Bring CI logs", "--track", "a")
	if !strings.Contains(r.stdout, "vote 1") {
		t.Errorf("proposing should say how to vote:\n%s", r)
	}
	wantFailure(t, run(t, ada, "propose", "topic", "--title", "Nowhere", "--track", "zz"), 2, `no track "zz"`)

	mustRun(t, bob, "vote", "1")
	wantFailure(t, run(t, bob, "vote", "1"), 1, "already")
	wantFailure(t, run(t, bob, "vote", "99"), 1, "no topic with id 99")

	topic := onlyTopic(t, bob)
	if topic["votes"] != 1.0 || topic["voted"] != true || topic["status"] != "open" {
		t.Errorf("Bob's view = %v", topic)
	}
	if tags := topic["tags"].([]any); len(tags) != 1 || tags[0] != "compilepython" {
		t.Errorf("--track a must add the reserved tag: %v", tags)
	}
	if onlyTopic(t, ada)["voted"] != false {
		t.Error("Ada has not voted")
	}

	mustRun(t, org, "assign", "1", "a", "eu-openspace-1/1")
	topic = onlyTopic(t, bob)
	if topic["status"] != "placed" || topic["track"] != "a" || topic["slot"] != "eu-openspace-1/1" ||
		topic["room"] != "Room 1 - compilepython.com" || topic["slot_start"] != "2026-03-28T11:00:00Z" {
		t.Errorf("placed topic = %v", topic)
	}
	mustRun(t, org, "unassign", "1")

	mustRun(t, bob, "vote", "1", "--remove")
	if topic := onlyTopic(t, bob); topic["votes"] != 0.0 || topic["voted"] != false {
		t.Errorf("after --remove: %v", topic)
	}
	mustRun(t, ada, "edit", "topic", "1", "--title", "Shipping wheels")
	mustRun(t, ada, "withdraw", "topic", "1")
	if topic := onlyTopic(t, ada); topic["status"] != "withdrawn" || topic["title"] != "Shipping wheels" {
		t.Errorf("after edit and withdraw: %v", topic)
	}
}

func onlyTopic(t *testing.T, env *commands.Env) map[string]any {
	t.Helper()
	doc := decode(t, mustRun(t, env, "topics", "--json"))
	topics := doc["topics"].([]any)
	if len(topics) != 1 {
		t.Fatalf("want one topic, got %v", topics)
	}
	return topics[0].(map[string]any)
}

func TestNotesAndReports(t *testing.T) {
	c := newCamp(t)
	ada, bob := c.attendee("Ada"), c.attendee("Bob")
	mustRun(t, ada, "propose", "talk", "--title", "Numba on the GPU")
	mustRun(t, c.organiser("Olga"), "queue", "approve", "1") // now everyone sees it

	mustRun(t, bob, "notes", "add", "talk:1", "Slides", "are", "online")
	wantFailure(t, run(t, ada, "notes", "add", "talk:1", "-"), 2, "note is empty")
	runWithStdin(t, ada, "Line one\nLine two\n", "notes", "add", "talk:1", "-")
	wantFailure(t, run(t, bob, "notes", "add", "talk:99", "lost"), 1, "no talk with id 99")
	wantFailure(t, run(t, bob, "notes", "add", "session:1", "lost"), 2, "talk:ID or topic:ID")

	mustRun(t, bob, "notes", "edit", "1", "--base", "1", "Slides", "moved")
	stale := run(t, bob, "notes", "edit", "1", "--base", "1", "From an old copy")
	wantFailure(t, stale, 1, "you edited this note again")
	if !strings.Contains(stale.stdout, "Slides moved") || !strings.Contains(stale.stdout, "--base 2") {
		t.Errorf("a stale edit shows the current text and revision:\n%s", stale)
	}
	wantFailure(t, run(t, bob, "notes", "edit", "1", "No base"), 2, "--base")

	mustRun(t, bob, "report", "add", "talk:1", "--project", "mylib", "--tool", "numba", "--outcome", "Worked",
		"--speedup", "3.5", "--url", "https://example.org/mylib", "--tool-version", "0.61", "--learnt", "Types first")
	wantFailure(t, run(t, bob, "report", "add", "talk:1", "--project", "p", "--tool", "numba", "--outcome", "meh"), 2, "worked, partial or failed")
	wantFailure(t, run(t, bob, "report", "add", "talk:1", "--project", "p"), 2, "--tool")

	doc := decode(t, mustRun(t, c.guest(), "notes", "talk:1", "--json"))
	if doc["title"] != "Numba on the GPU" || doc["target"].(map[string]any)["kind"] != "talk" {
		t.Errorf("notes header = %v", doc)
	}
	notes := doc["notes"].([]any)
	if len(notes) != 2 {
		t.Fatalf("want the two non-empty notes, got %v", notes)
	}
	first, second := notes[0].(map[string]any), notes[1].(map[string]any)
	if first["text"] != "Slides moved" || first["revision"] != 2.0 || first["author"] != "Bob" || second["text"] != "Line one\nLine two" {
		t.Errorf("notes = %v", notes)
	}
	report := doc["reports"].([]any)[0].(map[string]any)
	if report["project"] != "mylib" || report["tool"] != "numba" || report["outcome"] != "worked" || report["speedup"] != 3.5 || report["learnt"] != "Types first" {
		t.Errorf("report = %v", report)
	}
	if r := mustRun(t, c.guest(), "notes", "talk:1"); !strings.Contains(r.stdout, "Line two") || !strings.Contains(r.stdout, "mylib") {
		t.Errorf("notes as text:\n%s", r)
	}
}

// The organiser approves, orders, starts and finishes talks; now --json
// follows the live talk's timer into overrun.
func TestOrganiserQueue(t *testing.T) {
	c := newCamp(t)
	ada, org := c.attendee("Ada"), c.organiser("Olga")
	mustRun(t, ada, "propose", "talk", "--title", "First proposed")
	mustRun(t, ada, "propose", "talk", "--title", "Second proposed", "--minutes", "6")

	mustRun(t, org, "queue", "approve", "1")
	mustRun(t, org, "queue", "approve", "2")
	mustRun(t, org, "queue", "move", "2", "1")
	talks := decode(t, mustRun(t, ada, "talks", "--json"))["talks"].([]any)
	if talks[0].(map[string]any)["id"] != 2.0 || talks[0].(map[string]any)["position"] != 1.0 || talks[1].(map[string]any)["position"] != 2.0 {
		t.Errorf("after move 2 to 1: %v", talks)
	}

	mustRun(t, org, "queue", "start", "2")
	live := nowLive(t, ada)
	if live["id"] != 2.0 || live["remaining_seconds"] != 360.0 || live["timer_state"] != "running" {
		t.Errorf("just started: %v", live)
	}
	c.clock.Advance(7 * time.Minute)
	now := decode(t, mustRun(t, ada, "now", "--json"))
	live = now["live_talk"].(map[string]any)
	if live["remaining_seconds"] != -60.0 || live["timer_state"] != "overrun" {
		t.Errorf("a minute over: %v", live)
	}
	if next := now["next_talk"].(map[string]any); next["id"] != 1.0 {
		t.Errorf("next talk = %v", next)
	}
	if r := mustRun(t, ada, "now"); !strings.Contains(r.stdout, "1:00 over time") {
		t.Errorf("now as text should show the overrun:\n%s", r)
	}

	mustRun(t, org, "queue", "finish", "2")
	now = decode(t, mustRun(t, ada, "now", "--json"))
	if now["live_talk"] != nil || len(now["timers"].([]any)) != 0 {
		t.Errorf("after finish: live_talk %v, timers %v", now["live_talk"], now["timers"])
	}
	wantFailure(t, run(t, org, "queue", "finish", "2"), 1, "cannot finish a talk that is done")
	if talk := decode(t, mustRun(t, ada, "talks", "--json", "--status", "done"))["talks"].([]any); len(talk) != 1 {
		t.Errorf("talks --status done = %v", talk)
	}
}

func nowLive(t *testing.T, env *commands.Env) map[string]any {
	t.Helper()
	live, ok := decode(t, mustRun(t, env, "now", "--json"))["live_talk"].(map[string]any)
	if !ok {
		t.Fatal("no live talk")
	}
	return live
}

func TestTimersAndAnnouncements(t *testing.T) {
	c := newCamp(t)
	org := c.organiser("Olga")
	mustRun(t, org, "timer", "start", "--kind", "break", "--minutes", "15", "--label", "Coffee")
	mustRun(t, org, "timer", "pause", "1")
	c.clock.Advance(time.Minute)
	mustRun(t, org, "timer", "resume", "1")
	mustRun(t, org, "timer", "extend", "1", "--minutes", "1")
	timers := decode(t, mustRun(t, org, "timer", "list", "--json"))["timers"].([]any)
	if tm := timers[0].(map[string]any); tm["remaining_seconds"] != 960.0 || tm["label"] != "Coffee" || tm["state"] != "running" {
		t.Errorf("timer = %v", tm)
	}
	mustRun(t, org, "timer", "stop", "1")
	wantFailure(t, run(t, org, "timer", "extend", "1"), 2, "--minutes")

	mustRun(t, org, "announce", "Open", "space", "in", "5", "minutes")
	ann := decode(t, mustRun(t, c.guest(), "now", "--json"))["announcement"].(map[string]any)
	if ann["text"] != "Open space in 5 minutes" || ann["author"] != "Olga" {
		t.Errorf("announcement = %v", ann)
	}
}

// Attendees are refused every organiser command with the domain's words,
// and do not see them in help.
func TestAttendeeCannotOrganise(t *testing.T) {
	c := newCamp(t)
	ada := c.attendee("Ada")
	ada.Stats = fakeStats
	mustRun(t, ada, "propose", "talk", "--title", "Mine")
	mustRun(t, ada, "propose", "topic", "--title", "Mine too")
	for _, args := range [][]string{
		{"queue", "approve", "1"},
		{"queue", "move", "1", "1"},
		{"timer", "start", "--kind", "custom", "--minutes", "1"},
		{"announce", "Free pizza"},
		{"assign", "1", "b", "eu-openspace-1/1"},
		{"unassign", "1"},
		{"link", "confirm", "ABCDEF"},
		{"stats"},
		{"export"},
	} {
		wantFailure(t, run(t, ada, args...), 1, "only organisers can do that")
	}
	help := mustRun(t, ada, "help").stdout
	for _, hidden := range []string{"announce", "assign", "stats", "timer"} {
		if strings.Contains(help, "\n  "+hidden) {
			t.Errorf("attendee help lists %s:\n%s", hidden, help)
		}
	}
}

func TestExport(t *testing.T) {
	c := newCamp(t)
	ada, org := c.attendee("Ada"), c.organiser("Olga")
	var mine int64
	ada.ExportMine = func(_ context.Context, w io.Writer, personID int64) error {
		mine = personID
		_, err := io.WriteString(w, "# My camp\n")
		return err
	}
	if r := mustRun(t, ada, "export", "--mine"); r.stdout != "# My camp\n" || mine != ada.Actor.PersonID {
		t.Errorf("export --mine wrote %q for person %d", r.stdout, mine)
	}
	org.ExportEvent = func(_ context.Context, w io.Writer) error {
		_, err := io.WriteString(w, `{"version":1}`+"\n")
		return err
	}
	if r := mustRun(t, org, "export"); r.stdout != `{"version":1}`+"\n" {
		t.Errorf("export wrote %q", r.stdout)
	}
	wantFailure(t, run(t, c.newcomer("late"), "export", "--mine"), 1, joinFirst)
}
