package commands_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store"
	"github.com/lightningcamp/camp/store/storetest"
	"github.com/lightningcamp/camp/tui/commands"
)

// sshCommand is what the test server tells people to type.
const sshCommand = "ssh -p 2222 camp.test"

// camp is a real SQLite camp on a manual clock at the seed instant (10:02
// GMT: the first lightning talks are on), with helpers to act in it.
type camp struct {
	t     *testing.T
	store *store.Camp
	clock *schedule.ManualClock
}

func newCamp(t *testing.T) *camp {
	t.Helper()
	ev := storetest.Example(t)
	// These tests are about commands; the store's write limiter has tests
	// of its own (and TestWriteLimitThroughTheTree sets it back).
	ev.Limits.WriteBurst = 1000
	return newCampWith(t, ev)
}

func newCampWith(t *testing.T, ev *schedule.Event) *camp {
	t.Helper()
	clock := schedule.NewManualClock(storetest.SeedNow)
	return &camp{t: t, store: storetest.MustOpenCamp(t, ev, clock), clock: clock}
}

// relogin is the next SSH session of env's key: each session logs in
// afresh, so a key that has just joined now acts as its person.
func (c *camp) relogin(env *commands.Env) *commands.Env {
	c.t.Helper()
	p, err := c.store.Login(context.Background(), env.Fingerprint, env.Actor.Role == schedule.RoleOrganiser)
	if err != nil {
		c.t.Fatal(err)
	}
	return c.env(p.Actor(), env.Fingerprint)
}

func (c *camp) env(a schedule.Actor, fingerprint string) *commands.Env {
	return &commands.Env{Backend: c.store, Actor: a, Clock: c.clock, Fingerprint: fingerprint, SSHCommand: sshCommand}
}

// attendee is a person who has joined.
func (c *camp) attendee(name string) *commands.Env {
	c.t.Helper()
	return c.env(storetest.MustJoin(c.t, c.store, name, false), storetest.FakeFingerprint(name))
}

func (c *camp) organiser(name string) *commands.Env {
	c.t.Helper()
	return c.env(storetest.MustJoin(c.t, c.store, name, true), storetest.FakeFingerprint(name))
}

// newcomer is a new key that has logged in but not joined.
func (c *camp) newcomer(seed string) *commands.Env {
	c.t.Helper()
	fp := storetest.FakeFingerprint(seed)
	p, err := c.store.Login(context.Background(), fp, false)
	if err != nil {
		c.t.Fatal(err)
	}
	return c.env(p.Actor(), fp)
}

func (c *camp) guest() *commands.Env { return c.env(schedule.Guest, "") }

// result is what one invocation did.
type result struct {
	args           []string
	code           int
	stdout, stderr string
}

func (r result) String() string {
	return fmt.Sprintf("$ %s\nexit %d\nstdout:\n%sstderr:\n%s", strings.Join(r.args, " "), r.code, r.stdout, r.stderr)
}

// run executes one command line as the SSH server would.
func run(t *testing.T, env *commands.Env, args ...string) result {
	t.Helper()
	return runWithStdin(t, env, "", args...)
}

func runWithStdin(t *testing.T, env *commands.Env, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := commands.Execute(context.Background(), env, args, strings.NewReader(stdin), &out, &errOut)
	return result{args: args, code: code, stdout: out.String(), stderr: errOut.String()}
}

// mustRun runs a command line that must succeed.
func mustRun(t *testing.T, env *commands.Env, args ...string) result {
	t.Helper()
	r := run(t, env, args...)
	if r.code != 0 {
		t.Fatalf("want success:\n%s", r)
	}
	return r
}

// wantFailure checks the exit code and that stderr is one line saying msg.
func wantFailure(t *testing.T, r result, code int, msg string) {
	t.Helper()
	if r.code != code {
		t.Errorf("want exit %d:\n%s", code, r)
	}
	if !strings.Contains(r.stderr, msg) {
		t.Errorf("stderr should say %q:\n%s", msg, r)
	}
	if !strings.HasPrefix(r.stderr, "camp: ") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("want one line starting camp: on stderr:\n%s", r)
	}
}

// decode parses --json output into a generic document.
func decode(t *testing.T, r result) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r)
	}
	return doc
}

func keys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func sorted(xs ...string) []string {
	xs = slices.Clone(xs)
	slices.Sort(xs)
	return xs
}
