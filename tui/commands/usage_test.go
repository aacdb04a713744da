package commands_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/commands"
)

// Calling a command wrongly, or with invalid input, exits 2 with one line
// that says what is wrong and where help is.
func TestUsageErrorsExit2(t *testing.T) {
	c := newCamp(t)
	ada, org := c.attendee("Ada"), c.organiser("Olga")
	mustRun(t, ada, "propose", "talk", "--title", "T")
	for _, tc := range []struct {
		env  *commands.Env
		args []string
		say  string
	}{
		{ada, []string{"vote"}, "usage: vote TOPIC"},
		{ada, []string{"vote", "abc"}, `"abc" is not a topic id`},
		{ada, []string{"vote", "1", "2"}, "usage: vote TOPIC"},
		{ada, []string{"talks", "--bogus"}, "unknown flag: --bogus"},
		{ada, []string{"talks", "extra"}, "talks takes no arguments"},
		{ada, []string{"talks", "--status", "maybe"}, "unknown talk status"},
		{ada, []string{"propose"}, "propose needs one of: talk, topic"},
		{ada, []string{"propose", "talk"}, "needs --title"},
		{ada, []string{"propose", "talk", "--title", "Long", "--minutes", "99"}, "1 to 10 minutes"},
		{ada, []string{"propose", "talk", "--title", "T", "--minutes", "five"}, `--minutes wants a whole number, e.g. 5, not "five"`},
		{ada, []string{"propose", "talk", "--title", "T", "--tool", "rust"}, "unknown compiler tool"},
		{ada, []string{"notes", "talk:x"}, "talk:ID or topic:ID"},
		{ada, []string{"notes", "add", "talk:1"}, "usage: notes add TARGET TEXT..."},
		{ada, []string{"schedule", "--tz", "Mars/Base"}, "unknown time zone"},
		{org, []string{"queue", "bogus"}, `unknown command "bogus" for queue`},
		{org, []string{"queue", "move", "1", "first"}, "not a queue position"},
		{org, []string{"timer", "start", "--kind", "nap", "--minutes", "1"}, "timer kind"},
		{org, []string{"timer"}, "timer needs one of"},
	} {
		r := run(t, tc.env, tc.args...)
		wantFailure(t, r, 2, tc.say)
		if !strings.Contains(r.stderr, "run '"+sshCommand+" help") {
			t.Errorf("a usage error should point at help:\n%s", r)
		}
	}
}

func TestUnknownCommand(t *testing.T) {
	c := newCamp(t)
	for _, env := range []*commands.Env{c.attendee("Ada"), c.guest()} {
		r := run(t, env, "tlaks", "--json")
		wantFailure(t, r, 2, `unknown command "tlaks"`)
		if !strings.Contains(r.stderr, `did you mean "talks"`) || !strings.Contains(r.stderr, sshCommand+" help") {
			t.Errorf("want a suggestion and a hint to run help:\n%s", r)
		}
		if r.stdout != "" {
			t.Errorf("nothing may run for an unknown command:\n%s", r)
		}
	}
	// cobra's hidden completion machinery is not reachable either.
	wantFailure(t, run(t, c.guest(), "__complete", "t"), 2, "unknown command")
	wantFailure(t, run(t, c.guest(), "completion", "bash"), 2, "unknown command")
}

// TestHiddenCompletionInEveryOrder: cobra adds its hidden __complete
// command whenever the arguments resolve to it, wherever it stands after
// flags. Issue 12 reached it with `--help=false __complete queue ""`.
// No arrangement of those words (nor of the variants) reaches it.
func TestHiddenCompletionInEveryOrder(t *testing.T) {
	c := newCamp(t)
	envs := map[string]*commands.Env{"guest": c.guest(), "attendee": c.attendee("Ada"), "organiser": c.organiser("Olive")}
	for _, words := range [][]string{
		{"--help=false", "__complete", "queue", ""},
		{"-h=false", "__completeNoDesc", "talks", "--json"},
		{"--json=true", "__complete", "propose", "t"},
	} {
		for _, args := range permutations(words) {
			for who, env := range envs {
				r := run(t, env, args...)
				if strings.Contains(r.stdout+r.stderr, "ShellCompDirective") {
					t.Errorf("%s reached __complete:\n%s", who, r)
				}
			}
		}
	}
}

func permutations(words []string) [][]string {
	if len(words) <= 1 {
		return [][]string{append([]string{}, words...)}
	}
	var out [][]string
	for i, w := range words {
		rest := append(append([]string{}, words[:i]...), words[i+1:]...)
		for _, p := range permutations(rest) {
			out = append(out, append([]string{w}, p...))
		}
	}
	return out
}

func TestBareAndHelp(t *testing.T) {
	c := newCamp(t)
	ada := c.attendee("Ada")
	bare := mustRun(t, ada)
	if !strings.Contains(bare.stdout, sshCommand+" talks") {
		t.Errorf("running nothing shows the short help with examples:\n%s", bare)
	}
	if r := mustRun(t, ada, "help"); r.stdout != bare.stdout {
		t.Errorf("help and no command differ:\n%s", r)
	}
	if r := mustRun(t, ada, "help", "notes", "add"); !strings.Contains(r.stdout, "Usage:") || !strings.Contains(r.stdout, "notes add talk:12") {
		t.Errorf("help COMMAND is cobra's usage with examples:\n%s", r)
	}
	if r := mustRun(t, ada, "propose", "talk", "--help"); !strings.Contains(r.stdout, "--title") {
		t.Errorf("--help shows the flags:\n%s", r)
	}
	wantFailure(t, run(t, ada, "help", "nothing"), 2, `no command "nothing"`)
}

// rateLimited refuses every proposal as the SSH server's write limiter does.
type rateLimited struct{ commands.Backend }

func (rateLimited) ProposeTalk(context.Context, schedule.Actor, schedule.TalkProposal) (schedule.Talk, error) {
	return schedule.Talk{}, schedule.Errorf(schedule.ERATELIMIT, "3 writes in 3 seconds")
}

func TestRateLimitSaysSlowDown(t *testing.T) {
	c := newCamp(t)
	ada := c.attendee("Ada")
	ada.Backend = rateLimited{ada.Backend}
	r := run(t, ada, "propose", "talk", "--title", "Again")
	// Its own exit code (issue 14 item 11): scripts wait and retry.
	wantFailure(t, r, commands.ExitSlowDown, "slow down")
	if !strings.Contains(r.stderr, "try again") {
		t.Errorf("rate limiting should say to try again:\n%s", r)
	}
}

// Hundreds of sessions run commands at once; each gets its own tree.
func TestConcurrentSessions(t *testing.T) {
	c := newCamp(t)
	const sessions = 32
	envs := make([]*commands.Env, sessions)
	for i := range envs {
		envs[i] = c.attendee(fmt.Sprintf("Person %d", i))
	}
	var wg sync.WaitGroup
	errs := make(chan string, sessions*2)
	for i, env := range envs {
		wg.Go(func() {
			for _, args := range [][]string{{"propose", "topic", "--title", fmt.Sprintf("Topic %d", i)}, {"topics", "--json"}, {"now"}, {"help"}} {
				var out, errOut strings.Builder
				if code := commands.Execute(context.Background(), env, args, strings.NewReader(""), &out, &errOut); code != 0 {
					errs <- fmt.Sprintf("%v: exit %d: %s", args, code, errOut.String())
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if topics := decode(t, mustRun(t, c.guest(), "topics", "--json"))["topics"].([]any); len(topics) != sessions {
		t.Errorf("want %d topics, got %d", sessions, len(topics))
	}
}

// The local CLI mounts the data commands under its own root; the Env is
// only resolved when a command runs, and usage mistakes are UsageError.
func TestCommandsMountLocally(t *testing.T) {
	c := newCamp(t)
	org := c.organiser("Olga")
	resolved := 0
	cmds := commands.Commands(func(*cobra.Command) (*commands.Env, error) {
		resolved++
		return org, nil
	})
	var names []string
	for _, cmd := range cmds {
		names = append(names, cmd.Name())
	}
	want := "now talks topics notes report queue timer announce assign unassign link people rooms guide here cue questions edit"
	if strings.Join(names, " ") != want {
		t.Errorf("local commands = %v, want %s", names, want)
	}

	runLocal := func(args ...string) (string, error) {
		root := &cobra.Command{Use: "camp", SilenceErrors: true, SilenceUsage: true}
		root.AddCommand(commands.Commands(func(*cobra.Command) (*commands.Env, error) {
			resolved++
			return org, nil
		})...)
		var out strings.Builder
		root.SetArgs(args)
		root.SetOut(&out)
		root.SetErr(&out)
		return out.String(), root.Execute()
	}

	resolved = 0
	if _, err := runLocal("assign", "1"); !commands.IsUsage(err) || commands.ExitCode(err) != 2 || resolved != 0 {
		t.Errorf("assign 1: err %v (usage %v), env resolved %d times", err, commands.IsUsage(err), resolved)
	}
	if _, err := runLocal("talks", "--nope"); commands.ExitCode(err) != 2 {
		t.Errorf("talks --nope: %v", err)
	}
	if _, err := runLocal("announce", "Hello", "camp"); err != nil || resolved != 1 {
		t.Errorf("announce: %v, resolved %d", err, resolved)
	}
	if _, err := runLocal("queue", "approve", "7"); commands.ExitCode(err) != 1 || !strings.Contains(commands.Message(err), "no talk with id 7") {
		t.Errorf("queue approve 7: %v", err)
	}
	failing := errors.New("cannot open the database")
	root := &cobra.Command{Use: "camp", SilenceErrors: true, SilenceUsage: true}
	root.AddCommand(commands.Commands(func(*cobra.Command) (*commands.Env, error) { return nil, failing })...)
	root.SetArgs([]string{"now"})
	if err := root.Execute(); !errors.Is(err, failing) {
		t.Errorf("an Env that cannot be opened: %v", err)
	}
}
