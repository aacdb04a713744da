package sshapp_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/sshapp"
)

// TestEveryPrintedExampleWorksInAShell is issue 14's acceptance test: every
// example camp prints (help, the help of every command and subcommand, the
// welcome) and every example in README.md and docs/*.md is pasted into bash
// (and zsh when it is installed) exactly as printed and run through the
// real OpenSSH client against a real server. An example may fail for a
// reason of state (no talk 12 here, the code was never asked for), never
// because the shell or ssh mangled it: an unknown command, stray
// arguments, an unknown flag, a shell syntax error.
func TestEveryPrintedExampleWorksInAShell(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the OpenSSH client many times")
	}
	sshPath := requireTool(t, "ssh")
	shells := []string{requireTool(t, "bash")}
	if zsh, err := exec.LookPath("zsh"); err == nil {
		shells = append(shells, zsh)
	} else {
		t.Log("zsh is not installed: the examples run through bash only")
	}
	dir := t.TempDir()
	orgKey := writeOpenSSHKey(t, filepath.Join(dir, "organiser"))
	attKey := writeOpenSSHKey(t, filepath.Join(dir, "attendee"))
	ts := startServer(t,
		withLimits(func(l *schedule.Limits) { l.WriteBurst, l.TalksPerPerson, l.TopicsPerPerson = 10000, 10000, 10000 }),
		withConfig(func(cfg *sshapp.Config) { cfg.Organisers[gossh.FingerprintSHA256(orgKey.PublicKey())] = true }))
	hint := ts.srv.ConnectHint()

	printed := helpExamples(t, ts, hint, orgKey)
	newcomer := run(t, ts.client(t, attKey), "", "help").stdout // the welcome, before joining
	printed = append(printed, examplesIn(newcomer, hint)...)
	if len(printed) < 30 {
		t.Fatalf("found only %d examples in help: the extraction is broken", len(printed))
	}
	documented := docExamples(t, hint)
	if len(documented) < 5 {
		t.Fatalf("found only %d examples in README.md and docs: the extraction is broken", len(documented))
	}
	// the files the examples read with <
	for _, name := range []string{"abstract.txt", "notes.md", "question.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("Some text\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	known := filepath.Join(dir, "known_hosts")
	for _, shell := range shells {
		for _, who := range []struct {
			name string
			key  string
		}{{"attendee", filepath.Join(dir, "attendee")}, {"organiser", filepath.Join(dir, "organiser")}} {
			real := strings.Replace(hint, "ssh ", sshPath+" -F /dev/null -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile="+known+
				" -o IdentitiesOnly=yes -o LogLevel=ERROR -i "+who.key+" ", 1)
			examples := make(chan string)
			var wg sync.WaitGroup
			for range 4 { // ssh mostly waits on the network: a few at once
				wg.Add(1)
				go func() {
					defer wg.Done()
					for ex := range examples {
						runExample(t, shell, who.name, strings.ReplaceAll(ex, hint, real), ex, dir)
					}
				}()
			}
			for _, ex := range append(slices.Clone(printed), documented...) {
				examples <- ex
			}
			close(examples)
			wg.Wait()
		}
	}
	t.Logf("%d examples from help, %d from README.md and docs, each run as an attendee and an organiser", len(printed), len(documented))

	// Typed as people type it, the quotes are lost: the error says so and
	// prints the line that works, which works when pasted.
	real := strings.Replace(hint, "ssh ", sshPath+" -F /dev/null -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile="+known+
		" -o IdentitiesOnly=yes -o LogLevel=ERROR -i "+filepath.Join(dir, "attendee")+" ", 1)
	out, err := exec.Command("bash", "-c", real+` propose talk --title "Quotes in anger" --minutes 5`).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "ssh dropped the quotes") {
		t.Fatalf("unquoted over ssh: want the quotes explained, got %v:\n%s", err, out)
	}
	_, fixed, _ := strings.Cut(string(out), "single quotes: ")
	fixed = strings.TrimSpace(strings.SplitN(fixed, "; run '", 2)[0])
	if out, err := exec.Command("bash", "-c", strings.Replace(fixed, hint, real, 1)).CombinedOutput(); err != nil {
		t.Errorf("the corrected line %s fails: %v\n%s", fixed, err, out)
	}
}

// runExample runs one example line through shell and fails the test when
// it fails for a reason of quoting (see mangled).
func runExample(t *testing.T, shell, who, line, ex, dir string) {
	limit := 30 * time.Second
	if follows.MatchString(ex) {
		limit = 3 * time.Second // follow runs until it is stopped: still running then is a pass
	}
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, shell, "-c", line)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader("")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		code = 0 // stopped by us, not failed: a mangled command fails at once
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Errorf("%s: %v", line, err)
		return
	}
	if why := mangled(code, errOut.String()); why != "" {
		t.Errorf("%s, as %s: this example fails in the shell (%s):\n  %s\nexit %d\nstderr: %s",
			filepath.Base(shell), who, why, ex, code, errOut.String())
	}
}

// requireTool finds a program the test needs; under CI a missing one is a
// failure, not a skip.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is needed for this test and is not installed", name)
		}
		t.Skipf("%s is not installed", name)
	}
	return path
}

// mangled says why an example's failure is the shell's or ssh's doing
// rather than the camp's state, or "" when it is not.
func mangled(code int, stderr string) string {
	switch {
	case code == 0:
		return ""
	case code == 255:
		return "ssh could not run it"
	case code == 126 || code == 127:
		return "the shell could not run it"
	}
	for _, sign := range []string{"takes no arguments", "unknown command", "usage:", "unknown flag", "unknown shorthand",
		"dropped the quotes", "got the words", "needs one of", "invalid argument", "wants a", "flag needs an argument",
		"quote that is not closed", "ends with a backslash", "syntax error", "unexpected EOF", "no such file", "No such file"} {
		if strings.Contains(stderr, sign) {
			return "it says " + sign
		}
	}
	return ""
}

// helpExamples reads help and the help of every command and subcommand an
// organiser can see (organisers see every command), and returns every
// example line in them.
func helpExamples(t *testing.T, ts *testServer, hint string, key gossh.Signer) []string {
	t.Helper()
	c := ts.client(t, key)
	top := mustRun(t, c, "help")
	out := examplesIn(top, hint)
	queue := commandNames(top)
	seen := map[string]bool{}
	for len(queue) > 0 {
		name := queue[0]
		queue = queue[1:]
		if seen[name] {
			continue
		}
		seen[name] = true
		page := mustRun(t, c, append([]string{"help"}, strings.Fields(name)...)...)
		out = append(out, examplesIn(page, hint)...)
		for _, sub := range subcommands(page) {
			queue = append(queue, name+" "+sub)
		}
	}
	if len(seen) < 15 {
		t.Fatalf("found only %d commands in help: %v", len(seen), seen)
	}
	return dedupe(out)
}

// examplesIn is every line of text that runs a command through hint.
func examplesIn(text, hint string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if i := strings.Index(l, hint); i >= 0 {
			ex := strings.TrimSpace(l[i:])
			if ex != hint+" COMMAND" && !strings.Contains(ex, hint+" help COMMAND") {
				out = append(out, ex)
			}
		}
	}
	return out
}

var helpCommandLine = regexp.MustCompile(`^  ([a-z]+)  `)

// commandNames are the commands the short help lists.
func commandNames(help string) []string {
	var out []string
	for _, l := range strings.Split(help, "\n") {
		if m := helpCommandLine.FindStringSubmatch(l); m != nil {
			out = append(out, m[1])
		}
	}
	return out
}

// subcommands are those cobra's help lists under "Available Commands".
func subcommands(page string) []string {
	_, rest, ok := strings.Cut(page, "Available Commands:\n")
	if !ok {
		return nil
	}
	var out []string
	for _, l := range strings.Split(rest, "\n") {
		f := strings.Fields(l)
		if len(f) == 0 {
			break
		}
		if f[0] != "help" {
			out = append(out, f[0])
		}
	}
	return out
}

// docPrefix is how README.md and docs write the server's address.
var docPrefix = regexp.MustCompile(`ssh -p 2222 (camp\.example\.org|HOST)\b`)

// docExamples is every command line in README.md and docs/*.md that runs a
// camp command over ssh: whole lines of code blocks, and code spans.
func docExamples(t *testing.T, hint string) []string {
	t.Helper()
	files, err := filepath.Glob("../../docs/*.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range append(files, "../../README.md") {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inCode := false
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), "```") {
				inCode = !inCode
				continue
			}
			var found []string
			if inCode {
				if docPrefix.MatchString(l) && (strings.HasPrefix(l, "ssh ") || strings.HasPrefix(l, "printf ")) {
					found = append(found, l)
				}
			} else {
				for _, span := range codeSpan.FindAllStringSubmatch(l, -1) {
					if strings.HasPrefix(span[1], "ssh -p 2222 ") {
						found = append(found, span[1])
					}
				}
			}
			for _, ex := range found {
				if strings.Contains(ex, " COMMAND") {
					continue // a pattern, not an example
				}
				out = append(out, docPrefix.ReplaceAllString(ex, hint))
			}
		}
	}
	return dedupe(out)
}

var codeSpan = regexp.MustCompile("`([^`]+)`")

// follows matches examples that keep running until stopped.
var follows = regexp.MustCompile(`\bfollow\b`)

func dedupe(xs []string) []string {
	slices.Sort(xs)
	return slices.Compact(xs)
}

// writeOpenSSHKey writes a new ed25519 key as OpenSSH reads it (mode
// 0600) and returns its signer.
func writeOpenSSHKey(t *testing.T, path string) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
