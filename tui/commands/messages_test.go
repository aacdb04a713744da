package commands_test

import (
	"strings"
	"testing"
)

// Issue 14 item 13: messages that said the wrong thing, or too little.
func TestMessagesSayWhatIsWrong(t *testing.T) {
	c := newCamp(t)
	ada := c.attendee("Ada")
	mustRun(t, ada, "propose", "talk", "--title", "Cython in anger")

	r := run(t, ada, "propose", "talk", "--title", "T", "--minutes", "abc")
	wantFailure(t, r, 2, `--minutes wants a whole number, e.g. 5, not "abc"`)
	if strings.Contains(r.stderr, "strconv") {
		t.Errorf("Go's parser leaks into the message:\n%s", r)
	}
	wantFailure(t, run(t, ada, "report", "add", "talk:1", "--project", "p", "--outcome", "worked", "--speedup", "fast", "--tool", "cython"),
		2, `--speedup wants a number, e.g. 3.5, not "fast"`)

	r = run(t, ada, "report", "add", "talk:1", "--project", "p", "--tool", "rust", "--outcome", "worked")
	wantFailure(t, r, 2, `unknown compiler tool "rust"`)
	if strings.Contains(r.stderr, "tag") {
		t.Errorf("report add has no tags: the message must not suggest one:\n%s", r)
	}
	wantFailure(t, run(t, ada, "propose", "talk", "--title", "T2", "--tool", "rust"), 2, "free tag")

	wantFailure(t, run(t, ada, "link", "notanemail"), 2, `"notanemail" is not an email address`)

	r = run(t, ada, "edit", "talk", "1", "--minutes", "0")
	wantFailure(t, r, 2, "--minutes is how long the talk lasts: 1 to 10")
	if talk := onlyTalk(t, ada); talk["minutes"] != 5.0 {
		t.Errorf("a refused edit changed the talk: %v", talk)
	}

	mustRun(t, ada, "notes", "add", "talk:1", "First")
	mustRun(t, ada, "notes", "edit", "1", "--base", "1", "Second")
	r = run(t, ada, "notes", "edit", "1", "--base", "1", "From an old window")
	wantFailure(t, r, 1, "you edited this note again since you opened it")
}
