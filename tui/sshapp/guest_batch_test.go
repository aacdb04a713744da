package sshapp_test

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// Issue 14 item 9: `ssh -o BatchMode=yes` turns keyboard-interactive off,
// so a guest without a key was refused. As guest@HOST the "none" method
// lets them in, read-only; a guest's vote says guests cannot vote.
func TestBatchModeGuestGetsTheReadOnlyCommands(t *testing.T) {
	sshPath := requireTool(t, "ssh")
	ts := startServer(t)
	mustRun(t, ts.join(t, "Sam"), "propose", "topic", "--title", "Packaging compiled wheels")
	dir := t.TempDir()
	host, port := "127.0.0.1", ts.addr[strings.LastIndex(ts.addr, ":")+1:]
	openssh := func(user string, args ...string) (string, string, int) {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, sshPath, append([]string{"-F", "/dev/null", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
			"-o", "UserKnownHostsFile=" + filepath.Join(dir, "known_hosts"), "-o", "PubkeyAuthentication=no", "-o", "LogLevel=ERROR",
			"-p", port, user + "@" + host}, args...)...)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return out.String(), errOut.String(), exit.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return out.String(), errOut.String(), 0
	}
	out, errOut, code := openssh("guest", "topics")
	if code != 0 || !strings.Contains(out, "Packaging compiled wheels") {
		t.Fatalf("a BatchMode guest should read the topics: exit %d\n%s%s", code, out, errOut)
	}
	out, _, _ = openssh("guest", "whoami")
	if !strings.Contains(out, "guest") {
		t.Errorf("whoami should say guest:\n%s", out)
	}
	_, errOut, code = openssh("guest", "vote", "1")
	if code == 0 || !strings.Contains(errOut, "guests can only look") || strings.Contains(errOut, "no topic") {
		t.Errorf("a guest's vote should say guests cannot vote: exit %d\n%s", code, errOut)
	}
	// Anyone else without a key is still refused.
	if _, errOut, code := openssh("ada", "topics"); code != 255 {
		t.Errorf("no key and not guest@: want refused, got exit %d\n%s", code, errOut)
	}
	// A key offered before "none" does not stick to the guest session.
	c := dial(t, ts.addr, clientConfig("guest", gossh.PublicKeys(newKey(t))))
	if r := run(t, c, "", "whoami", "--json"); !strings.Contains(r.stdout, `"role": "guest"`) {
		t.Errorf("guest@ is a guest whatever else it offers:\n%s%s", r.stdout, r.stderr)
	}
}
