package commands

import (
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
)

// tree builds commands. The Env is resolved only when a command runs, so
// the local CLI opens its database only for commands that need one, and
// the SSH server can build a fresh tree per invocation for next to nothing.
type tree struct {
	env func(cmd *cobra.Command) (*Env, error)
	// role is whose tree this is: commands for a higher role are hidden
	// from its help. Hiding is for readability; the domain still refuses.
	role schedule.Role
	// prefix starts every example: "ssh -p 2222 HOST" or "camp".
	prefix string
}

// levelKey annotates each top-level command with the least role that can
// use it, so help can list what the caller may do.
const levelKey = "camp.role"

// rank orders roles by what they may do.
func rank(r schedule.Role) int {
	switch r {
	case schedule.RoleOrganiser:
		return 2
	case schedule.RoleAttendee:
		return 1
	}
	return 0
}

// forRole marks cmd as needing role and hides it from callers below it.
func (t *tree) forRole(role schedule.Role, cmd *cobra.Command) *cobra.Command {
	if cmd.Annotations == nil {
		cmd.Annotations = map[string]string{}
	}
	cmd.Annotations[levelKey] = string(role)
	cmd.Hidden = rank(t.role) < rank(role)
	return cmd
}

func (t *tree) everyone(cmd *cobra.Command) *cobra.Command {
	return t.forRole(schedule.RoleGuest, cmd)
}

func (t *tree) attendee(cmd *cobra.Command) *cobra.Command {
	return t.forRole(schedule.RoleAttendee, cmd)
}

func (t *tree) organiser(cmd *cobra.Command) *cobra.Command {
	return t.forRole(schedule.RoleOrganiser, cmd)
}

// examples formats example command lines the way the caller types them.
func (t *tree) examples(lines ...string) string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = "  " + remoteLine(t.prefix, l)
	}
	return strings.Join(out, "\n")
}

// run adapts a command body to cobra: it resolves the Env, reads the clock
// once and hands the body a call.
func (t *tree) run(body func(c *call) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		env, err := t.env(cmd)
		if err != nil {
			return err
		}
		c, err := newCall(cmd, args, env, t.prefix)
		if err != nil {
			return err
		}
		return body(c)
	}
}

// group is a command that only holds subcommands (propose, edit, queue...).
// Run bare or with an unknown word it says which subcommands there are,
// instead of cobra's default of printing help and succeeding.
func (t *tree) group(use, short, example string, children ...*cobra.Command) *cobra.Command {
	g := &cobra.Command{Use: use, Short: short, Example: example, Args: cobra.ArbitraryArgs, RunE: unknownSubcommand}
	g.AddCommand(children...)
	return g
}

func unknownSubcommand(cmd *cobra.Command, args []string) error {
	var names []string
	for _, sub := range cmd.Commands() {
		if sub.IsAvailableCommand() {
			names = append(names, sub.Name())
		}
	}
	if len(args) == 0 {
		return usagef("%s needs one of: %s", commandName(cmd), strings.Join(names, ", "))
	}
	return usagef("unknown command %q for %s: use one of %s", args[0], commandName(cmd), strings.Join(names, ", "))
}

// commandName is the command as typed after the program: "propose talk".
func commandName(cmd *cobra.Command) string {
	path := cmd.CommandPath()
	if _, rest, ok := strings.Cut(path, " "); ok {
		return rest
	}
	return path
}

// usageFlagError makes cobra's flag mistakes (unknown flag, bad number)
// usage errors, so they exit with code 2.
func usageFlagError(_ *cobra.Command, err error) error {
	if m := badFlagValue.FindStringSubmatch(err.Error()); m != nil {
		return usagef("%s wants %s, not %q", m[2], flagKinds[m[3]], m[1])
	}
	return UsageError{err}
}

// badFlagValue is pflag's message for a value that is not a number, which
// quotes Go's parser ("strconv.ParseInt: parsing ...") at people.
var badFlagValue = regexp.MustCompile(`^invalid argument "(.*)" for "(?:-\w, )?(--[\w-]+)" flag: strconv\.(Parse\w+)`)

var flagKinds = map[string]string{
	"ParseInt": "a whole number, e.g. 5", "ParseUint": "a whole number, e.g. 5",
	"ParseFloat": "a number, e.g. 3.5", "ParseBool": "true or false",
}
