package commands

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// OpenSSH joins the words of a remote command with spaces and sends them as
// one line, so the quotes people type around "Cython in anger" are gone by
// the time the server splits the line again. Every example we print for
// SSH therefore wraps the remote command in single quotes whenever it holds
// a character the local shell would act on: the server then sees the double
// quotes and splits the line as the person meant it.

// shellSpecial are characters a POSIX shell (bash, zsh) reads itself.
const shellSpecial = "\"'\\$`!*?[]{}()&;|<>#~"

// remoteLine is one command as a person types it into their shell:
// prefix, then the remote command, quoted for the trip through ssh when
// needed. A trailing "< FILE" or "> FILE" stays outside the quotes: the
// local shell reads or writes the file, and ssh passes the stream on.
func remoteLine(prefix, command string) string {
	if prefix == "camp" || prefix == "" {
		return strings.TrimSpace(prefix + " " + command)
	}
	redirect := ""
	for _, op := range []string{" < ", " > "} {
		if i := strings.LastIndex(command, op); i >= 0 && !strings.ContainsAny(command[i+3:], `"' `) {
			command, redirect = command[:i], command[i:]
			break
		}
	}
	if strings.ContainsAny(command, shellSpecial) {
		command = "'" + strings.ReplaceAll(command, "'", `'\''`) + "'"
	}
	return prefix + " " + command + redirect
}

// strayWords explains positional words a command does not take when they
// follow a text flag: ssh dropped the quotes around a value of several
// words. It names the flag and prints the command line that works.
func strayWords(cmd *cobra.Command, prefix string, stray []string) error {
	raw := rawArgs(cmd)
	flag := textFlagBefore(cmd, raw, stray)
	if flag == "" {
		return nil
	}
	fixed := requote(cmd, raw)
	if prefix == "camp" {
		return usagef("%s got the words %q after --%s: put a value of several words in quotes, e.g. %s",
			commandName(cmd), strings.Join(stray, " "), flag, remoteLine(prefix, fixed))
	}
	return usagef("%s got the words %q after --%s: ssh dropped the quotes around its value. "+
		"Put the whole command in single quotes: %s", commandName(cmd), strings.Join(stray, " "), flag, remoteLine(prefix, fixed))
}

// rawArgsKey is the annotation that carries the command line as the server
// split it, for strayWords.
const rawArgsKey = "camp.raw-args"

func rawArgs(cmd *cobra.Command) []string {
	root := cmd.Root()
	if root.Annotations == nil {
		return nil
	}
	return strings.Split(root.Annotations[rawArgsKey], "\x00")
}

// textFlagBefore is the text flag whose value the first stray word
// followed, if any.
func textFlagBefore(cmd *cobra.Command, raw, stray []string) string {
	if len(stray) == 0 {
		return ""
	}
	last := ""
	for _, w := range raw {
		if name, ok := flagName(w); ok {
			last = ""
			if f := cmd.Flags().Lookup(name); f != nil && isText(f) && !strings.Contains(w, "=") {
				last = name
			}
			continue
		}
		if w == stray[0] && last != "" {
			return last
		}
	}
	return ""
}

func flagName(w string) (string, bool) {
	if !strings.HasPrefix(w, "--") || len(w) < 3 {
		return "", false
	}
	name, _, _ := strings.Cut(w[2:], "=")
	return name, true
}

func isText(f *pflag.Flag) bool {
	switch f.Value.Type() {
	case "string", "stringSlice", "stringArray":
		return true
	}
	return false
}

// requote rebuilds the command line with each text flag's words gathered
// into one double-quoted value: `--title Cython in anger` becomes
// `--title "Cython in anger"`.
func requote(cmd *cobra.Command, raw []string) string {
	var out []string
	for i := 0; i < len(raw); i++ {
		w := raw[i]
		name, ok := flagName(w)
		f := cmd.Flags().Lookup(name)
		if !ok || f == nil || !isText(f) || strings.Contains(w, "=") {
			out = append(out, w)
			continue
		}
		var words []string
		for i+1 < len(raw) && (!strings.HasPrefix(raw[i+1], "-") || raw[i+1] == "-") {
			i++
			words = append(words, raw[i])
		}
		value := strings.Join(words, " ")
		if len(words) != 1 || strings.ContainsAny(value, shellSpecial) {
			value = fmt.Sprintf("%q", value)
		}
		out = append(out, w, value)
	}
	return strings.Join(out, " ")
}

// prefixKey is the annotation that carries how the caller runs commands.
const prefixKey = "camp.prefix"

// cmdPrefix is how the caller runs commands ("camp" at the console).
func cmdPrefix(cmd *cobra.Command) string {
	if p := cmd.Root().Annotations[prefixKey]; p != "" {
		return p
	}
	return "camp"
}
