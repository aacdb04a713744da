package commands

import (
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
)

// exactArgs wants exactly n arguments, named in the command's Use.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			if len(args) > n {
				if err := strayWords(cmd, cmdPrefix(cmd), args[n:]); err != nil {
					return err
				}
			}
			return wrongArgs(cmd, len(args))
		}
		return nil
	}
}

// minArgs wants at least n arguments (the last one may be several words).
func minArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return wrongArgs(cmd, len(args))
		}
		return nil
	}
}

func wrongArgs(cmd *cobra.Command, got int) error {
	_, want, _ := strings.Cut(cmd.Use, " ")
	if want == "" {
		return usagef("%s takes no arguments, got %d", commandName(cmd), got)
	}
	return usagef("usage: %s %s (got %d arguments)", commandName(cmd), want, got)
}

// parseID reads the id of a talk, topic, note or timer as people see it in
// listings: "12" or "#12".
func parseID(s, what string) (int64, error) {
	n, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(s), "#"), 10, 64)
	if err != nil || n <= 0 {
		return 0, usagef("%s is not a %s id: use the number shown in the listing, e.g. 12", strconv.Quote(s), what)
	}
	return n, nil
}

// parsePositive reads a position or similar count from 1.
func parsePositive(s, what string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n <= 0 {
		return 0, usagef("%s is not a %s: use a whole number from 1", strconv.Quote(s), what)
	}
	return n, nil
}

// maxStdinText caps what `-` reads from standard input. The store refuses
// long text with a clear message; this only stops a runaway pipe.
const maxStdinText = 1 << 20

// textArg is free text given as the remaining arguments, joined by spaces
// (so quoting is optional over ssh), or read from standard input when it is
// a single "-".
func (c *call) textArg(args []string) (string, error) {
	if len(args) == 1 {
		return c.stdinIfDash(args[0])
	}
	return strings.Join(args, " "), nil
}

// stdinIfDash reads standard input when a text value is "-": long text
// (an abstract, a note) is easier piped than quoted through ssh.
func (c *call) stdinIfDash(value string) (string, error) {
	if value != "-" {
		return value, nil
	}
	b, err := io.ReadAll(io.LimitReader(c.cmd.InOrStdin(), maxStdinText+1))
	if err != nil {
		return "", err
	}
	if len(b) > maxStdinText {
		return "", usagef("the text on standard input is longer than %d bytes", maxStdinText)
	}
	return string(b), nil
}
