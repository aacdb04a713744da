package commands_test

import (
	"context"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store/storetest"
	"github.com/lightningcamp/camp/tui/commands"
)

// hostile holds what people could send to other people's terminals: SGR
// colours, an OSC 8 hyperlink, an 8-bit CSI (U+009B) and OSC, a raw 0x9B
// byte, DEL, a bidi override, isolates, zero-width characters and marks.
const hostile = "\x1b[31mred\x1b[0m \x1b]8;;https://evil.example/\x07click\x1b]8;;\x07 " +
	"\u009b2J\u009d0;title\u0007 \u202egnp.exe \u200bzero\u200c\u200d\u200e\u200f \u2066iso\u2069 \x7f\x9b end"

// unsafeRune is what must never reach a terminal from camp.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\n' && r != '\t'
	case r >= 0x7f && r <= 0x9f,
		r >= 0x200b && r <= 0x200f,
		r >= 0x202a && r <= 0x202e,
		r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

func checkClean(t *testing.T, r result) {
	t.Helper()
	for name, out := range map[string]string{"stdout": r.stdout, "stderr": r.stderr} {
		if !utf8.ValidString(out) {
			t.Errorf("%s of %q is not valid UTF-8:\n%q", name, r.args, out)
		}
		for i, c := range out {
			if unsafeRune(c) {
				t.Errorf("%s of %q has %U at byte %d:\n%q", name, r.args, c, i, out)
				break
			}
		}
	}
}

// Hostile text written through the real store never comes back out raw.
func TestHostileTextStored(t *testing.T) {
	c := newCamp(t)
	eve := c.newcomer("eve")
	org := c.organiser("Olga")
	writes := [][]string{
		{"join", "--name", "Eve " + hostile, "--accept-code-of-conduct"},
		{"propose", "talk", "--title", "Talk " + hostile, "--abstract", hostile + "\n" + hostile, "--tag", hostile},
		{"propose", "topic", "--title", "Topic " + hostile, "--description", hostile, "--track", "a"},
		{"notes", "add", "talk:1", hostile},
		{"report", "add", "topic:1", "--project", "P " + hostile, "--tool", "cython", "--outcome", "worked", "--learnt", hostile},
	}
	for _, args := range writes {
		r := mustRun(t, eve, args...)
		checkClean(t, r)
		eve = c.relogin(eve) // each command is a session of its own
	}
	checkClean(t, mustRun(t, org, "announce", hostile))
	checkClean(t, mustRun(t, org, "timer", "start", "--minutes", "5", "--label", hostile))
	checkClean(t, mustRun(t, org, "queue", "approve", "1"))
	checkClean(t, mustRun(t, org, "queue", "start", "1"))
	checkClean(t, mustRun(t, org, "assign", "1", "a", "eu-openspace-1/1"))
	checkClean(t, run(t, eve, "notes", "edit", "1", "--base", "0", hostile)) // stale: prints the note
	readEverything(t, eve, org, c.guest())
}

// Even if hostile text got past the store (an old database, a bug), the
// commands clean it again on the way out.
func TestHostileTextRead(t *testing.T) {
	ev := storetest.Example(t)
	ev.Name += hostile
	ev.Blocks[1].Title += hostile
	ev.Rooms[2].Name += hostile
	ev.Tracks[1].Name += hostile
	ev.Links.CodeOfConduct += hostile
	clock := schedule.NewManualClock(storetest.SeedNow)
	store := storetest.MustOpenCamp(t, ev, clock)
	ada := storetest.MustJoin(t, store, "Ada", false)
	org := storetest.MustJoin(t, store, "Olga", true)
	storetest.MustProposeTalk(t, store, ada, "Plain")
	ctx := context.Background()
	must(t, func() error { _, err := store.ActOnTalk(ctx, org, 1, schedule.ActApprove); return err })
	must(t, func() error { _, err := store.ActOnTalk(ctx, org, 1, schedule.ActStart); return err })
	must(t, func() error {
		_, err := store.ProposeTopic(ctx, ada, schedule.TopicProposal{Title: "Plain"})
		return err
	})
	must(t, func() error { _, err := store.PlaceTopic(ctx, org, 1, "b", "eu-openspace-1/1"); return err })
	must(t, func() error {
		_, err := store.AddNote(ctx, ada, schedule.Target{Kind: "talk", ID: 1}, "plain")
		return err
	})
	must(t, func() error { _, err := store.Announce(ctx, org, "plain"); return err })

	env := func(a schedule.Actor) *commands.Env {
		return &commands.Env{Backend: hostileBackend{store}, Actor: a, Clock: clock, Fingerprint: hostile, SSHCommand: sshCommand}
	}
	readEverything(t, env(ada), env(org), env(schedule.Guest))
	checkClean(t, run(t, env(storetest.MustJoin(t, store, "Newcomer", false)), "join", "--name", "X"))
}

func must(t *testing.T, f func() error) {
	t.Helper()
	if err := f(); err != nil {
		t.Fatal(err)
	}
}

// readEverything runs every read, as text and JSON, and a set of failing
// commands whose messages quote what was typed, as each role.
func readEverything(t *testing.T, envs ...*commands.Env) {
	t.Helper()
	reads := [][]string{
		{}, {"help"}, {"help", "propose", "talk"}, {"schedule"}, {"now"}, {"talks"}, {"topics"}, {"queue"},
		{"notes", "talk:1"}, {"notes", "topic:1"}, {"whoami"}, {"timer", "list"},
	}
	failures := [][]string{
		{hostile}, {"notes", hostile}, {"schedule", "--tz", hostile}, {"vote", hostile}, {"talks", "--" + hostile},
		{"queue", hostile}, {"link", "confirm", hostile}, {"assign", "1", hostile, hostile},
		{"propose", "talk", "--title", "x", "--tool", hostile}, {"talks", "--status", hostile}, {"name", hostile},
	}
	for _, env := range envs {
		for _, args := range reads {
			checkClean(t, run(t, env, args...))
			if len(args) > 0 && args[0] != "help" {
				checkClean(t, run(t, env, append(slices.Clone(args), "--json")...))
			}
		}
		for _, args := range failures {
			checkClean(t, run(t, env, args...))
		}
	}
}

// hostileBackend adds hostile text to everything people wrote, as read
// back, bypassing the store's cleaning.
type hostileBackend struct{ commands.Backend }

func (h hostileBackend) Person(ctx context.Context, id int64) (schedule.Person, error) {
	p, err := h.Backend.Person(ctx, id)
	p.Name += hostile
	return p, err
}

func (h hostileBackend) Talk(ctx context.Context, id int64) (schedule.Talk, error) {
	t, err := h.Backend.Talk(ctx, id)
	return spoilTalk(t), err
}

func (h hostileBackend) Talks(ctx context.Context, f schedule.TalkFilter) ([]schedule.Talk, error) {
	ts, err := h.Backend.Talks(ctx, f)
	for i := range ts {
		ts[i] = spoilTalk(ts[i])
	}
	return ts, err
}

func spoilTalk(t schedule.Talk) schedule.Talk {
	t.Title += hostile
	t.Abstract += "\n" + hostile
	t.Speaker += hostile
	t.Tools = append(slices.Clone(t.Tools), hostile) // the store's cache shares inner slices
	return t
}

func (h hostileBackend) Topic(ctx context.Context, id int64) (schedule.Topic, error) {
	t, err := h.Backend.Topic(ctx, id)
	return spoilTopic(t), err
}

func (h hostileBackend) Topics(ctx context.Context) ([]schedule.Topic, error) {
	ts, err := h.Backend.Topics(ctx)
	for i := range ts {
		ts[i] = spoilTopic(ts[i])
	}
	return ts, err
}

func spoilTopic(t schedule.Topic) schedule.Topic {
	t.Title += hostile
	t.Description += hostile
	t.Leader += hostile
	t.Tags = append(slices.Clone(t.Tags), hostile)
	return t
}

func (h hostileBackend) Notes(ctx context.Context, target schedule.Target) ([]schedule.NoteEntry, error) {
	ns, err := h.Backend.Notes(ctx, target)
	for i := range ns {
		ns[i].Text += "\n" + hostile
		ns[i].Author += hostile
	}
	return ns, err
}

func (h hostileBackend) Reports(ctx context.Context, target schedule.Target) ([]schedule.Report, error) {
	rs, err := h.Backend.Reports(ctx, target)
	return append(rs, schedule.Report{ID: 99, Target: target, Author: hostile, Project: hostile, ProjectURL: hostile,
		Tool: hostile, ToolVersion: hostile, Outcome: schedule.Outcome(hostile), Learnt: hostile}), err
}

func (h hostileBackend) Announcements(ctx context.Context, limit int) ([]schedule.Announcement, error) {
	as, err := h.Backend.Announcements(ctx, limit)
	for i := range as {
		as[i].Text += hostile
		as[i].Author += hostile
	}
	return as, err
}

func (h hostileBackend) Timers(ctx context.Context) ([]schedule.Timer, error) {
	ts, err := h.Backend.Timers(ctx)
	for i := range ts {
		ts[i].Label += hostile
	}
	return ts, err
}
