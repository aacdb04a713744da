package commands

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
)

// defaultSSHCommand stands in for the server's address in examples when
// the server did not say how it is reached.
const defaultSSHCommand = "ssh -p 2222 HOST"

// Execute runs one command line for one SSH session and returns its exit
// code. It builds a fresh command tree each time: nothing is shared between
// sessions, and cobra never touches os.Args or the process's streams.
// Errors are printed to stderr as one line, "camp: <message>". A panic is
// left to the caller, which can log it (the SSH server ends just that session).
func Execute(ctx context.Context, env *Env, args []string, stdin io.Reader, stdout, stderr io.Writer) (exitCode int) {
	if env == nil || env.Backend == nil {
		fmt.Fprintln(orDiscard(stderr), "camp: no camp is open")
		return ExitFailure
	}
	t := &tree{env: func(*cobra.Command) (*Env, error) { return env, nil }, role: env.Actor.Role, prefix: sshCommand(env)}
	if env.Actor.IsGuest() {
		t.role = schedule.RoleGuest
	}
	root := t.sshRoot()
	root.Annotations = map[string]string{rawArgsKey: strings.Join(args, "\x00"), prefixKey: t.prefix}
	root.SetArgs(append([]string{}, args...)) // never nil: cobra would read os.Args
	// cobra falls back to the process's streams for nil ones: never here.
	root.SetIn(orEmpty(stdin))
	root.SetOut(orDiscard(stdout))
	root.SetErr(orDiscard(stderr))
	cmd, err := root, unknownCommand(root, args)
	if err == nil {
		cmd, err = root.ExecuteContextC(ctx)
	}
	if err != nil {
		if schedule.ErrorCode(err) == schedule.EINTERNAL && !IsUsage(err) && env.OnInternalError != nil {
			env.OnInternalError(err)
		}
		printError(stderr, err, t.prefix, cmd, root)
	}
	return ExitCode(err)
}

// sshRoot is the whole tree an SSH session can reach.
func (t *tree) sshRoot() *cobra.Command {
	root := &cobra.Command{
		Use:           "camp",
		Short:         "Lightning Camp over SSH",
		Args:          cobra.ArbitraryArgs, // checked before running, see unknownCommand
		SilenceErrors: true,
		SilenceUsage:  true,
		RunE:          func(cmd *cobra.Command, _ []string) error { return t.writeShortHelp(cmd) },
	}
	root.CompletionOptions.DisableDefaultCmd = true
	root.SuggestionsMinimumDistance = 2
	root.SetFlagErrorFunc(usageFlagError)
	root.AddCommand(t.sshCommands()...)
	jsonOnWrites(root.Commands())
	t.installHelp(root)
	return root
}

// sshCommands is every command an SSH session can reach; help lists them
// by section, alphabetically.
func (t *tree) sshCommands() []*cobra.Command {
	return []*cobra.Command{
		t.guideCommand(), t.starCommand(), t.unstarCommand(), t.agendaCommand(),
		t.joinCommand(), t.whoamiCommand(), t.nameCommand(), t.tzCommand(), t.linkCommand(true),
		t.scheduleCommand(), t.nowCommand(), t.talksCommand(), t.topicsCommand(), t.notesCommand(),
		t.proposeCommand(), t.editCommand(), t.withdrawCommand(), t.voteCommand(), t.reportCommand(),
		t.exportCommand(),
		t.queueCommand(), t.timerCommand(), t.announceCommand(), t.assignCommand(), t.unassignCommand(), t.peopleCommand(), t.statsCommand(),
		t.followCommand(), t.roomsCommand(), t.plainCommand(),
		t.hereCommand(), t.askCommand(), t.bellCommand(), t.cueCommand(), t.questionsCommand(),
	}
}

// Commands returns the data commands for the local CLI (the organiser at
// the console) to mount under its own root: now, talks, topics, notes
// (with notes add/edit), report, queue, timer, announce, assign, unassign,
// link (only `link confirm CODE`), people, rooms, guide, here, cue, questions
// and `edit topic` (an organiser retitles or retags any topic, e.g. tags it
// compilepython for the reserved room). The CLI has its own schedule and
// export; join, whoami, name, vote, propose, edit talk, withdraw and stats need
// an SSH key or a server and are left out. env is called when a command
// runs, so the database is opened only for commands that need it. Errors
// come back unprinted: map them with ExitCode and Message (usage mistakes
// are UsageError).
func Commands(env func(cmd *cobra.Command) (*Env, error)) []*cobra.Command {
	t := &tree{env: env, role: schedule.RoleOrganiser, prefix: "camp"}
	cmds := []*cobra.Command{
		t.nowCommand(), t.talksCommand(), t.topicsCommand(), t.notesCommand(), t.reportCommand(),
		t.queueCommand(), t.timerCommand(), t.announceCommand(), t.assignCommand(), t.unassignCommand(),
		t.linkCommand(false), t.peopleCommand(), t.roomsCommand(),
		t.guideCommand(),
		t.hereCommand(), t.cueCommand(), t.questionsCommand(),
		t.localEditCommand(),
	}
	for _, c := range cmds {
		c.SetFlagErrorFunc(usageFlagError)
	}
	jsonOnWrites(cmds)
	return cmds
}

// jsonOnWrites gives --json to every command that lacks it: the reads have
// their own, and a write with --json prints the object it created or
// changed (call.report), so scripts never parse sentences.
func jsonOnWrites(cmds []*cobra.Command) {
	for _, c := range cmds {
		if c.Runnable() && c.Flags().Lookup("json") == nil && c.Name() != "help" && c.Name() != "plain" {
			addJSONFlag(c)
		}
		jsonOnWrites(c.Commands())
	}
}

func orEmpty(r io.Reader) io.Reader {
	if r == nil {
		return strings.NewReader("")
	}
	return r
}

func orDiscard(w io.Writer) io.Writer {
	if w == nil {
		return io.Discard
	}
	return w
}

func sshCommand(env *Env) string {
	if s := strings.TrimSpace(env.SSHCommand); s != "" {
		return s
	}
	return defaultSSHCommand
}

// unknownCommand catches a first word that is no command, and any way to
// cobra's hidden internal commands (__complete), before anything runs. The
// root takes any arguments (so that `ssh HOST` alone shows help), so cobra
// would not object itself.
func unknownCommand(root *cobra.Command, args []string) error {
	if reachesCompletion(root, args) {
		return usagef("unknown command %q", cobra.ShellCompRequestCmd)
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return nil
	}
	if cmd, _, err := root.Find(args); err == nil && cmd != root {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q", args[0])
	if s := root.SuggestionsFor(args[0]); len(s) > 0 && args[0] != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s[0])
	}
	return usagef("%s", msg)
}

// reachesCompletion says whether cobra would run its hidden __complete
// command for args. Cobra adds that command when the arguments resolve to
// it, skipping flags wherever they stand (`--help=false __complete ...`),
// so the only exact test is cobra's own: resolve args with a stand-in of
// the same names in place, as cobra's initCompleteCmd does, then take it
// away again.
func reachesCompletion(root *cobra.Command, args []string) bool {
	standIn := &cobra.Command{
		Use:                cobra.ShellCompRequestCmd,
		Aliases:            []string{cobra.ShellCompNoDescRequestCmd},
		Hidden:             true,
		DisableFlagParsing: true,
		Run:                func(*cobra.Command, []string) {},
	}
	root.AddCommand(standIn)
	defer root.RemoveCommand(standIn)
	cmd, _, err := root.Find(args)
	return err == nil && cmd == standIn
}

// printError prints err as one line; a usage mistake also says where help is.
func printError(w io.Writer, err error, prefix string, cmd, root *cobra.Command) {
	msg := "camp: " + Message(err)
	if IsUsage(err) || schedule.ErrorCode(err) == schedule.EINVALID {
		help := prefix + " help"
		if cmd != nil && cmd != root {
			help += " " + commandName(cmd)
		}
		msg += "; run '" + help + "'"
	}
	fmt.Fprintln(w, msg)
}
