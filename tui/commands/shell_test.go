package commands_test

import (
	"strings"
	"testing"
)

// Issue 14 item 1: OpenSSH drops the quotes around a value of several
// words, so `propose talk --title "Cython in anger"` arrives as five words.
// The error says so and prints the line that works.
func TestStrayWordsAfterATextFlagSayTheQuotesWereDropped(t *testing.T) {
	c := newCamp(t)
	for _, tc := range []struct {
		args  []string
		fixed string
	}{
		{[]string{"propose", "talk", "--title", "Cython", "in", "anger"},
			sshCommand + ` 'propose talk --title "Cython in anger"'`},
		{[]string{"join", "--name", "Ada", "Lovelace", "--accept-code-of-conduct"},
			sshCommand + ` 'join --name "Ada Lovelace" --accept-code-of-conduct'`},
		{[]string{"propose", "topic", "--title", "Packaging", "compiled", "wheels", "--tag", "packaging"},
			sshCommand + ` 'propose topic --title "Packaging compiled wheels" --tag packaging'`},
	} {
		r := run(t, c.newcomer("Ada"+tc.args[0]), tc.args...)
		if tc.args[0] != "join" {
			r = run(t, c.attendee("Ann"+tc.args[1]), tc.args...)
		}
		wantFailure(t, r, 2, "ssh dropped the quotes")
		if !strings.Contains(r.stderr, tc.fixed) {
			t.Errorf("the error should print the line that works, %s:\n%s", tc.fixed, r)
		}
	}
}

// Help says first what to type first, and its examples are quoted for ssh.
func TestHelpOpensWithWhatToTypeFirst(t *testing.T) {
	c := newCamp(t)
	r := mustRun(t, c.newcomer("Newt"), "help")
	first, _, _ := strings.Cut(r.stdout, "\nRun a command")
	if !strings.Contains(first, sshCommand+` 'join --name "Your Name" --accept-code-of-conduct'`) {
		t.Errorf("help should open with the join line, quoted for ssh:\n%s", r.stdout)
	}
	for _, env := range []string{"attendee", "guest"} {
		e := c.guest()
		if env == "attendee" {
			e = c.attendee("Ada")
		}
		out := mustRun(t, e, "help").stdout
		first, _, _ := strings.Cut(out, "\nRun a command")
		if !strings.Contains(first, sshCommand+" now") {
			t.Errorf("%s help should open with what to type first (now):\n%s", env, out)
		}
	}
	out := mustRun(t, c.attendee("Bo"), "help", "propose", "talk").stdout
	if !strings.Contains(out, sshCommand+` 'propose talk --title "Cython in anger"`) {
		t.Errorf("examples with quotes go in single quotes:\n%s", out)
	}
}
