package commands

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
)

// installHelp replaces cobra's help at the top with a short list of what
// the caller may do, with an example each; `help COMMAND` and `--help` on
// a command still give cobra's full usage.
func (t *tree) installHelp(root *cobra.Command) {
	full := root.HelpFunc()
	root.SetHelpFunc(func(cmd *cobra.Command, args []string) {
		if cmd == root {
			_ = t.writeShortHelp(cmd)
			return
		}
		full(cmd, args)
	})
	help := &cobra.Command{
		Use:     "help [COMMAND]",
		Short:   "List the commands you can use, or explain one",
		Example: t.examples("help", "help propose talk"),
		Args:    cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return t.writeShortHelp(cmd)
			}
			target, rest, err := root.Find(args)
			if err != nil || target == root || len(rest) > 0 {
				return usagef("no command %q", strings.Join(args, " "))
			}
			return target.Help()
		},
	}
	root.SetHelpCommand(help)
	root.InitDefaultHelpCmd()
}

// writeShortHelp lists the caller's commands by who may use them.
func (t *tree) writeShortHelp(cmd *cobra.Command) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Lightning Camp. %s\nRun a command as: %s COMMAND\n", t.roleSentence(cmd), t.prefix)
	for _, section := range []struct {
		role  schedule.Role
		title string
	}{
		{schedule.RoleGuest, "Look around"},
		{schedule.RoleAttendee, "Take part"},
		{schedule.RoleOrganiser, "Organisers only"},
	} {
		if rank(t.role) >= rank(section.role) {
			writeSection(&b, section.title, commandsFor(cmd.Root(), section.role))
		}
	}
	fmt.Fprintf(&b, "\nAdd --json to a command for data: a read prints what it shows, a change what it changed (see docs/JSON.md).\n"+
		"More about one command: %s help COMMAND\n", t.prefix)
	_, err := io.WriteString(cmd.OutOrStdout(), plain(b.String()))
	return err
}

func (t *tree) roleSentence(cmd *cobra.Command) string {
	first := "What is on now: " + remoteLine(t.prefix, "now") + "\nThe day: " + remoteLine(t.prefix, "schedule")
	switch t.role {
	case schedule.RoleOrganiser:
		return "You are an organiser. The talks waiting for you: " + remoteLine(t.prefix, "talks")
	case schedule.RoleAttendee:
		if t.needsJoin(cmd) {
			return "Welcome! Type this first, with your own name, to choose a name and accept the code of conduct:\n  " +
				remoteLine(t.prefix, `join --name "Your Name" --accept-code-of-conduct`)
		}
		return "You are an attendee. " + first
	}
	return "You are a guest (no SSH key): you can look but not write; to take part, connect with an SSH key.\n" + first
}

// needsJoin reports whether the caller still has to join; any doubt
// (no camp, a read error) just leaves the hint out.
func (t *tree) needsJoin(cmd *cobra.Command) bool {
	env, err := t.env(cmd)
	if err != nil || env == nil || env.Backend == nil || env.Actor.IsGuest() {
		return false
	}
	if env.Actor.PersonID == 0 {
		return true // a key the camp has not met yet
	}
	p, err := env.Backend.Person(cmd.Context(), env.Actor.PersonID)
	return err == nil && !p.Joined()
}

func commandsFor(root *cobra.Command, role schedule.Role) []*cobra.Command {
	var out []*cobra.Command
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() && c.Annotations[levelKey] == string(role) {
			out = append(out, c)
		}
	}
	return out
}

func writeSection(w io.Writer, title string, cmds []*cobra.Command) {
	if len(cmds) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s:\n", title)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range cmds {
		fmt.Fprintf(tw, "  %s\t%s\n", c.Name(), c.Short)
		if ex, _, _ := strings.Cut(c.Example, "\n"); ex != "" {
			fmt.Fprintf(tw, "  \t  %s\n", strings.TrimSpace(ex))
		}
	}
	tw.Flush()
}
