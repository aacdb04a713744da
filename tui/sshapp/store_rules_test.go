package sshapp_test

// Issue 12's store-side rules seen by a real SSH client: each was checked
// to fail before its fix.

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store/storetest"
)

// Item 16: every connection wrote a person and an audit row before any
// cap was checked. Keys the camp has not met, running commands or sitting
// on the welcome screen, write nothing until they join.
func TestUnknownKeysWriteNothingOverSSH(t *testing.T) {
	ts := startServer(t)
	people, audit, sessions := storetest.CountRows(t, ts.camp, "people"), storetest.CountRows(t, ts.camp, "audit"), storetest.CountRows(t, ts.camp, "sessions")
	for i := range 10 {
		c := ts.client(t, newKey(t))
		if out := mustRun(t, c, "whoami"); !strings.Contains(out, "You have not joined yet") {
			t.Fatalf("whoami of key %d:\n%s", i, out)
		}
		c.Close()
	}
	openScreen(t, ts.client(t, newKey(t)), 80, 24).waitFor(t, 5*time.Second, "Welcome")
	if p, a := storetest.CountRows(t, ts.camp, "people"), storetest.CountRows(t, ts.camp, "audit"); p != people || a != audit {
		t.Fatalf("11 unknown keys wrote %d people and %d audit rows before joining", p-people, a-audit)
	}
	if n := storetest.CountRows(t, ts.camp, "sessions"); n != sessions {
		t.Fatalf("an unknown key's terminal session wrote %d sessions rows before joining", n-sessions)
	}
	ts.join(t, "Ada")
	if p := storetest.CountRows(t, ts.camp, "people"); p != people+1 {
		t.Errorf("joining stored %d people, want 1", p-people)
	}
}

// A key that joins in the welcome screen is stored only then; its session
// then counts as that person's, online.
func TestJoiningInTheWelcomeShowsOnline(t *testing.T) {
	ts := startServer(t)
	key := newKey(t)
	s := openScreen(t, ts.client(t, key), 90, 28)
	s.waitFor(t, 5*time.Second, "Do you accept the code of conduct?")
	for _, keys := range []string{"y", "Nina Newcomer\r", "\r"} {
		time.Sleep(300 * time.Millisecond)
		s.in.Write([]byte(keys))
	}
	s.waitFor(t, 5*time.Second, "[1 Now]")
	p, err := ts.camp.PersonByFingerprint(ctx, gossh.FingerprintSHA256(key.PublicKey()))
	if err != nil || p.Name != "Nina Newcomer" {
		t.Fatalf("the person joined in the welcome: %+v %v", p, err)
	}
	if here, err := ts.camp.Presence(ctx); err != nil || !slices.Contains(here.Online, p.ID) {
		t.Errorf("online %v (%v), want %d among them", here.Online, err, p.ID)
	}
}

// Item 6 over SSH: a muted attendee's `join --name` is refused.
func TestMutedCannotRenameOverSSH(t *testing.T) {
	ts := startServer(t)
	mo := ts.join(t, "Mo")
	org := ts.organiser(t)
	people, _ := ts.camp.People(ctx)
	var id int64
	var olive schedule.Actor
	for _, p := range people {
		switch p.Role {
		case schedule.RoleOrganiser:
			olive = p.Actor()
		default:
			id = p.ID
		}
	}
	yes := true
	if _, err := ts.camp.Moderate(ctx, olive, id, schedule.Moderation{Muted: &yes}); err != nil {
		t.Fatal(err)
	}
	mustRun(t, org, "whoami")
	if r := run(t, mo, "", "join", "--name", "Not Mo", "--accept-code-of-conduct"); r.code == 0 || !strings.Contains(r.stderr, "muted") {
		t.Errorf("a muted rename: exit %d, %s", r.code, r.stderr)
	}
	if p, _ := ts.camp.Person(ctx, id); p.Name != "Mo" {
		t.Errorf("the muted attendee is now called %q", p.Name)
	}
}

// Item 14, the repro: 20 fresh keys join and vote within a second. The
// organiser's `people` points them out; with votes_require_registration
// their votes are refused.
func TestVoteStuffingIsVisibleAndCanBeClosed(t *testing.T) {
	for _, closed := range []bool{false, true} {
		t.Run(fmt.Sprint("votes_require_registration=", closed), func(t *testing.T) {
			ts := startServer(t, func(su *setup) {
				su.ev.OpenSpace.VotesRequireRegistration = closed
			})
			org := ts.organiser(t)
			mustRun(t, org, "propose", "topic", "--title", "Pick me")
			refused := 0
			for i := range 20 {
				sock := ts.join(t, fmt.Sprint("sock ", i))
				if r := run(t, sock, "", "vote", "1"); r.code != 0 {
					refused++
					if !strings.Contains(r.stderr, "only registered attendees can vote") {
						t.Fatalf("vote refused with: %s", r.stderr)
					}
				}
			}
			out := mustRun(t, org, "people")
			switch {
			case !closed && (refused != 0 || strings.Count(out, "NEW, ONLY VOTED") != 20):
				t.Errorf("%d votes refused; people:\n%s", refused, out)
			case closed && (refused != 20 || strings.Contains(out, "ONLY VOTED")):
				t.Errorf("%d of 20 votes refused with registration required; people:\n%s", refused, out)
			}
		})
	}
}
