package store_test

// Regression tests for the store's side of issue 12 (safe on the open
// internet): each was checked to fail before its fix.

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store"
	"github.com/lightningcamp/camp/store/storetest"
)

// Issue 12, item 6: `join --name` checked only Banned, so a muted person
// renamed themselves (and their talks) at will. Every way to a name is
// refused to a muted person; the name stays.
func TestMutedPeopleCannotRename(t *testing.T) {
	ev := storetest.Example(t)
	ev.Limits.WriteBurst = 10 // this test is about mutes, not the write limiter
	camp := storetest.MustOpenCamp(t, ev, nil)
	org := storetest.MustJoin(t, camp, "Olive", true)
	mo := storetest.MustJoin(t, camp, "Mo", false)
	storetest.MustProposeTalk(t, camp, mo, "Mo's talk")
	yes := true
	if _, err := camp.Moderate(ctx, org, mo.PersonID, schedule.Moderation{Muted: &yes}); err != nil {
		t.Fatal(err)
	}
	for name, rename := range map[string]func() error{
		"join --name": func() error {
			_, err := camp.Join(ctx, mo, schedule.JoinRequest{Name: "Not Mo", AcceptCoC: true})
			return err
		},
		"name": func() error { _, err := camp.Rename(ctx, mo, "Not Mo"); return err },
	} {
		if err := rename(); schedule.ErrorCode(err) != schedule.EFORBIDDEN {
			t.Errorf("a muted person renames with %s: %v, want EFORBIDDEN", name, err)
		}
	}
	if p, _ := camp.Person(ctx, mo.PersonID); p.Name != "Mo" {
		t.Errorf("the muted person is now called %q", p.Name)
	}
	talks, _ := camp.Talks(ctx, schedule.TalkFilter{SpeakerID: mo.PersonID})
	if len(talks) != 1 || talks[0].Speaker != "Mo" {
		t.Errorf("the talk shows speaker %+v", talks)
	}
	// Joining again under the same name (to set a zone) is no rename.
	if p, err := camp.Join(ctx, mo, schedule.JoinRequest{Name: "Mo", TZ: "Asia/Tokyo", AcceptCoC: true}); err != nil || p.TZ != "Asia/Tokyo" {
		t.Errorf("a muted person setting their zone: %+v %v", p, err)
	}
	// Organisers may rename themselves as they like.
	if _, err := camp.Rename(ctx, org, "Olive (host)"); err != nil {
		t.Errorf("organiser rename: %v", err)
	}
}

// Issue 12, item 16: every connection wrote a person row and an audit row
// before anything else, so rotating keys grew both tables without bound.
// An unknown key costs no write until it joins; a returning key's login is
// recorded at most once per LoginRecordEvery.
func TestUnknownKeysWriteNothingUntilTheyJoin(t *testing.T) {
	clock := schedule.NewManualClock(storetest.SeedNow)
	camp := storetest.MustOpenCamp(t, nil, clock)
	storetest.MustJoin(t, camp, "Olive", true)
	people, audit := storetest.CountRows(t, camp, "people"), storetest.CountRows(t, camp, "audit")
	for i := range 200 {
		p, err := camp.Login(ctx, storetest.FakeFingerprint(fmt.Sprint("rotating key ", i)), false)
		if err != nil || p.ID != 0 || p.Role != schedule.RoleAttendee {
			t.Fatalf("login of an unknown key: %+v %v", p, err)
		}
	}
	if p, a := storetest.CountRows(t, camp, "people"), storetest.CountRows(t, camp, "audit"); p != people || a != audit {
		t.Fatalf("200 unknown keys logging in wrote %d people and %d audit rows", p-people, a-audit)
	}

	fp := storetest.FakeFingerprint("Ada")
	p, _ := camp.Login(ctx, fp, false)
	p, err := camp.Join(ctx, p.Actor(), schedule.JoinRequest{Name: "Ada", AcceptCoC: true})
	if err != nil || p.ID == 0 || p.Fingerprint != fp {
		t.Fatalf("an unknown key joining: %+v %v", p, err)
	}
	if n := storetest.CountRows(t, camp, "people"); n != people+1 {
		t.Errorf("joining stored %d people, want 1", n-people)
	}

	audit = storetest.CountRows(t, camp, "audit")
	for range 50 {
		if again, err := camp.Login(ctx, fp, false); err != nil || again.ID != p.ID {
			t.Fatalf("login of a known key: %+v %v", again, err)
		}
	}
	if n := storetest.CountRows(t, camp, "audit"); n != audit {
		t.Errorf("50 logins within %s wrote %d audit rows, want none", store.LoginRecordEvery, n-audit)
	}
	clock.Advance(store.LoginRecordEvery)
	camp.Login(ctx, fp, false)
	camp.Login(ctx, fp, false)
	if n := storetest.CountRows(t, camp, "audit"); n != audit+1 {
		t.Errorf("logins after %s wrote %d audit rows, want 1", store.LoginRecordEvery, n-audit)
	}
	// A key that becomes an organiser's is recorded at once.
	if o, err := camp.Login(ctx, fp, true); err != nil || o.Role != schedule.RoleOrganiser {
		t.Errorf("the same key as an organiser's: %+v %v", o, err)
	}
}

// writeCalls makes one call of each write method of the camp (every method
// that takes an actor) as a, for the write-limiter test. A new write
// method must be added here: the test fails until it is.
func writeCalls(camp *store.Camp, talk, topic, note int64) map[string]func(schedule.Actor) error {
	target := schedule.Target{Kind: "talk", ID: talk}
	e := func(_ any, err error) error { return err }
	return map[string]func(schedule.Actor) error{
		"Join": func(a schedule.Actor) error {
			return e(camp.Join(ctx, a, schedule.JoinRequest{Name: "Limited", AcceptCoC: true}))
		},
		"Rename":  func(a schedule.Actor) error { return e(camp.Rename(ctx, a, "Renamed")) },
		"SetZone": func(a schedule.Actor) error { return e(camp.SetZone(ctx, a, "Asia/Tokyo")) },
		"Moderate": func(a schedule.Actor) error {
			yes := true
			return e(camp.Moderate(ctx, a, 1, schedule.Moderation{Muted: &yes}))
		},
		"ProposeTalk": func(a schedule.Actor) error { return e(camp.ProposeTalk(ctx, a, schedule.TalkProposal{Title: "t"})) },
		"EditTalk": func(a schedule.Actor) error {
			return e(camp.EditTalk(ctx, a, talk, schedule.TalkProposal{Title: "t2"}))
		},
		"ActOnTalk": func(a schedule.Actor) error { return e(camp.ActOnTalk(ctx, a, talk, schedule.ActWithdraw)) },
		"MoveTalk":  func(a schedule.Actor) error { return e(camp.MoveTalk(ctx, a, talk, 1)) },
		"UndoTalk": func(a schedule.Actor) error {
			return e(camp.UndoTalk(ctx, a, talk, schedule.TalkUndo{Action: schedule.ActReject, Status: schedule.TalkProposed}))
		},
		"RescheduleTalk": func(a schedule.Actor) error {
			return e(camp.RescheduleTalk(ctx, a, talk, "am-talks"))
		},
		"MoveTalkToEvent": func(a schedule.Actor) error { return e(camp.MoveTalkToEvent(ctx, a, talk, "other")) },
		"ProposeTopic": func(a schedule.Actor) error {
			return e(camp.ProposeTopic(ctx, a, schedule.TopicProposal{Title: "x"}))
		},
		"EditTopic": func(a schedule.Actor) error {
			return e(camp.EditTopic(ctx, a, topic, schedule.TopicProposal{Title: "y"}))
		},
		"ChangeTopic": func(a schedule.Actor) error {
			title := "z"
			return e(camp.ChangeTopic(ctx, a, topic, schedule.TopicChange{Title: &title}))
		},
		"WithdrawTopic": func(a schedule.Actor) error { return e(camp.WithdrawTopic(ctx, a, topic)) },
		"Vote":          func(a schedule.Actor) error { return e(camp.Vote(ctx, a, topic, true)) },
		"Star":          func(a schedule.Actor) error { return camp.Star(ctx, a, target, true) },
		"PlaceTopic": func(a schedule.Actor) error {
			return e(camp.PlaceTopic(ctx, a, topic, "b", "eu-openspace-1/1"))
		},
		"UnplaceTopic":   func(a schedule.Actor) error { return e(camp.UnplaceTopic(ctx, a, topic)) },
		"MergeTopics":    func(a schedule.Actor) error { return e(camp.MergeTopics(ctx, a, topic, topic+1)) },
		"AddNote":        func(a schedule.Actor) error { return e(camp.AddNote(ctx, a, target, "n")) },
		"EditNote":       func(a schedule.Actor) error { return e(camp.EditNote(ctx, a, note, 1, "m")) },
		"HideNote":       func(a schedule.Actor) error { return e(camp.HideNote(ctx, a, note, true)) },
		"SetNotePrivate": func(a schedule.Actor) error { return e(camp.SetNotePrivate(ctx, a, note, true)) },
		"AddReport": func(a schedule.Actor) error {
			return e(camp.AddReport(ctx, a, target, schedule.ReportInput{Project: "p", Tool: "cython", Outcome: schedule.OutcomeWorked}))
		},
		"StartTimer": func(a schedule.Actor) error {
			return e(camp.StartTimer(ctx, a, schedule.TimerSpec{Kind: schedule.TimerCustom, Label: "x", Duration: time.Minute}))
		},
		"PauseTimer":  func(a schedule.Actor) error { return e(camp.PauseTimer(ctx, a, 1)) },
		"ResumeTimer": func(a schedule.Actor) error { return e(camp.ResumeTimer(ctx, a, 1)) },
		"StopTimer":   func(a schedule.Actor) error { return e(camp.StopTimer(ctx, a, 1)) },
		"ExtendTimer": func(a schedule.Actor) error { return e(camp.ExtendTimer(ctx, a, 1, time.Minute)) },
		"Announce":    func(a schedule.Actor) error { return e(camp.Announce(ctx, a, "hello")) },
		"AnnounceUntil": func(a schedule.Actor) error {
			return e(camp.AnnounceUntil(ctx, a, "hello", schedule.UntilCleared))
		},
		"EditAnnouncement": func(a schedule.Actor) error {
			return e(camp.EditAnnouncement(ctx, a, 1, "hello again", time.Time{}))
		},
		"ClearAnnouncement": func(a schedule.Actor) error { return e(camp.ClearAnnouncement(ctx, a, 1, true)) },
		"ImportRegistrations": func(a schedule.Actor) error {
			return e(camp.ImportRegistrations(ctx, a, []schedule.Registration{{TicketID: "1", Name: "A", Email: "a@example.org", Status: "Attending"}}))
		},
		"RequestLink":  func(a schedule.Actor) error { return e(camp.RequestLink(ctx, a, "a@example.org")) },
		"PendingLink":  nil, // a read: organisers only, writes nothing
		"ConfirmLink":  func(a schedule.Actor) error { return e(camp.ConfirmLink(ctx, a, "ABCDEF")) },
		"SetRoom":      func(a schedule.Actor) error { return e(camp.SetRoom(ctx, a, "b")) },
		"Cue":          func(a schedule.Actor) error { return e(camp.Cue(ctx, a, "mic")) },
		"Ask":          func(a schedule.Actor) error { return e(camp.Ask(ctx, a, "why?")) },
		"PickQuestion": func(a schedule.Actor) error { return e(camp.PickQuestion(ctx, a, 1)) },
		"SetCueBell":   func(a schedule.Actor) error { return camp.SetCueBell(ctx, a, true) },
		"Questions":    nil, // a read: organisers only, writes nothing
		"Stage":        nil, // a read: what the viewer may see of the live talk
	}
}

// actorMethods lists the camp's methods that take an actor: its writes.
func actorMethods() []string {
	actor := reflect.TypeFor[schedule.Actor]()
	camp := reflect.TypeFor[*store.Camp]()
	var names []string
	for m := range camp.Methods() {
		if slices.Contains(slices.Collect(m.Type.Ins()), actor) {
			names = append(names, m.Name)
		}
	}
	return names
}

// Issue 12, item 16: the write limiter was a hand-written decorator in the
// SSH server that let any write it did not list through unlimited (and the
// local tree bypassed it). It is now applied in Camp.write: every write
// method, found by reflection, is refused to an attendee whose bucket is
// empty, before it writes anything; organisers are never limited.
func TestEveryWriteIsRateLimited(t *testing.T) {
	ev := storetest.Example(t)
	ev.Limits.WriteBurst, ev.Limits.WriteEvery = 2, time.Hour
	camp := storetest.MustOpenCamp(t, ev, nil)
	org := storetest.MustJoin(t, camp, "Olive", true)
	ada := storetest.MustJoin(t, camp, "Ada", false)
	tk := storetest.MustProposeTalk(t, camp, ada, "Ada's talk")
	tp, err := camp.ProposeTopic(ctx, ada, schedule.TopicProposal{Title: "Ada's topic"})
	if err != nil {
		t.Fatal(err)
	}
	n, err := camp.AddNote(ctx, org, schedule.Target{Kind: "talk", ID: tk.ID}, "a note")
	if err != nil {
		t.Fatal(err)
	}
	calls := writeCalls(camp, tk.ID, tp.ID, n.ID)
	methods := actorMethods()
	if len(methods) < 25 {
		t.Fatalf("found only %d write methods by reflection: %v", len(methods), methods)
	}
	before := storetest.CountRows(t, camp, "audit")
	for _, name := range methods {
		call, listed := calls[name]
		switch {
		case !listed:
			t.Errorf("write method %s has no call in writeCalls: add one, so its limit is tested", name)
		case call != nil:
			if err := call(ada); schedule.ErrorCode(err) != schedule.ERATELIMIT {
				t.Errorf("%s by an attendee with no tokens left: %v, want ERATELIMIT", name, err)
			}
		}
	}
	if after := storetest.CountRows(t, camp, "audit"); after != before {
		t.Errorf("refused writes wrote %d audit rows", after-before)
	}
	for i := range 20 {
		if _, err := camp.Announce(ctx, org, fmt.Sprint("organisers are never limited ", i)); err != nil {
			t.Fatalf("organiser write %d: %v", i, err)
		}
	}
	guest := schedule.Guest
	if err := calls["ProposeTopic"](guest); schedule.ErrorCode(err) != schedule.EFORBIDDEN {
		t.Errorf("a guest's write: %v, want EFORBIDDEN", err)
	}
}

// The limiter keeps the existing message and lets writes through again as
// the bucket refills (3 at once, then one a second, by default).
func TestWriteLimitRefills(t *testing.T) {
	clock := schedule.NewManualClock(storetest.SeedNow)
	camp := storetest.MustOpenCamp(t, nil, clock)
	ada := storetest.MustJoin(t, camp, "Ada", false)
	for i := range 3 {
		if _, err := camp.ProposeTopic(ctx, ada, schedule.TopicProposal{Title: fmt.Sprint("t", i)}); err != nil {
			t.Fatalf("write %d of the burst: %v", i, err)
		}
	}
	_, err := camp.SetZone(ctx, ada, "Asia/Tokyo")
	if schedule.ErrorCode(err) != schedule.ERATELIMIT || err.Error() != "slow down: at most 3 changes at once, then one every 1s" {
		t.Fatalf("fourth write: %v", err)
	}
	clock.Advance(time.Second)
	if _, err := camp.SetZone(ctx, ada, "Asia/Tokyo"); err != nil {
		t.Errorf("a write a second later: %v", err)
	}
}

// Issue 12, item 9: a speaker changed an approved talk's title, length or
// abstract without review. Such an edit sends the talk back to review (out
// of the queue), and keeps what was approved so organisers see what
// changed; an organiser's own edit keeps it approved.
func TestEditAfterApprovalGoesBackToReview(t *testing.T) {
	ev := storetest.Example(t)
	ev.Limits.WriteBurst = 20
	camp := storetest.MustOpenCamp(t, ev, nil)
	org := storetest.MustJoin(t, camp, "Olive", true)
	ada := storetest.MustJoin(t, camp, "Ada", false)
	first := storetest.MustProposeTalk(t, camp, ada, "Numba on a shoestring")
	second := storetest.MustProposeTalk(t, camp, org, "Organiser's talk")
	for _, id := range []int64{first.ID, second.ID} {
		if _, err := camp.ActOnTalk(ctx, org, id, schedule.ActApprove); err != nil {
			t.Fatal(err)
		}
	}
	edited, err := camp.EditTalk(ctx, ada, first.ID, schedule.TalkProposal{Title: "Buy my product", Abstract: first.Abstract, Minutes: 10})
	if err != nil {
		t.Fatal(err)
	}
	if edited.Status != schedule.TalkProposed || edited.Position != 0 {
		t.Errorf("after the speaker's edit the talk is %s at position %d, want proposed and out of the queue", edited.Status, edited.Position)
	}
	was := edited.EditedAfterApproval
	if was == nil || was.Title != "Numba on a shoestring" || was.Minutes != 5 || !slices.Equal(was.Changed, []string{"title", "minutes"}) {
		t.Fatalf("organisers should see what was approved and what changed: %+v", was)
	}
	if tk, _ := camp.Talk(ctx, second.ID); tk.Position != 1 {
		t.Errorf("the queue was not closed up: the next talk is at %d", tk.Position)
	}
	if approved, _ := camp.Talks(ctx, schedule.TalkFilter{Status: []schedule.TalkStatus{schedule.TalkApproved}}); len(approved) != 1 {
		t.Errorf("approved talks: %+v", approved)
	}
	// A second edit keeps the version first approved.
	edited, _ = camp.EditTalk(ctx, ada, first.ID, schedule.TalkProposal{Title: "Buy my product", Abstract: "new", Minutes: 10})
	if w := edited.EditedAfterApproval; w == nil || w.Title != "Numba on a shoestring" || !slices.Equal(w.Changed, []string{"title", "minutes", "abstract"}) {
		t.Errorf("after a second edit: %+v", w)
	}
	// Approving again clears the comparison.
	reapproved, err := camp.ActOnTalk(ctx, org, first.ID, schedule.ActApprove)
	if err != nil || reapproved.EditedAfterApproval != nil || reapproved.Position != 2 {
		t.Fatalf("re-approved: %+v %v", reapproved, err)
	}
	// Tags are not reviewed; an organiser's edit needs no review.
	if tk, err := camp.EditTalk(ctx, ada, first.ID, schedule.TalkProposal{Title: "Buy my product", Abstract: "new", Minutes: 10, Tags: []string{"x"}}); err != nil || tk.Status != schedule.TalkApproved {
		t.Errorf("a tag-only edit: %s %v", tk.Status, err)
	}
	if tk, err := camp.EditTalk(ctx, org, first.ID, schedule.TalkProposal{Title: "Numba, fixed"}); err != nil || tk.Status != schedule.TalkApproved || tk.EditedAfterApproval != nil {
		t.Errorf("an organiser's edit: %+v %v", tk, err)
	}
}

// Issue 12, item 12: `link EMAIL` refused an unregistered address and gave
// a code for a registered one, telling anyone which emails are registered.
// Both now get a code, and the organiser sees the email and the person
// (and whether a registration has it) before confirming.
func TestLinkAnswersTheSameForAnyEmail(t *testing.T) {
	camp := storetest.MustOpenCamp(t, nil, nil)
	org := storetest.MustJoin(t, camp, "Olive", true)
	if _, err := camp.ImportRegistrations(ctx, org, []schedule.Registration{{TicketID: "1", Name: "Ada Lovelace", Email: "Ada@Example.org", Status: "Attending"}}); err != nil {
		t.Fatal(err)
	}
	ada := storetest.MustJoin(t, camp, "Ada", false)
	eve := storetest.MustJoin(t, camp, "Eve", false)
	registered, err1 := camp.RequestLink(ctx, ada, "ada@example.org")
	unregistered, err2 := camp.RequestLink(ctx, eve, "nobody@example.org")
	if err1 != nil || err2 != nil || len(registered) != len(unregistered) {
		t.Fatalf("registered: %q %v; unregistered: %q %v: the answers differ", registered, err1, unregistered, err2)
	}

	lr, err := camp.PendingLink(ctx, org, registered)
	if err != nil || lr.Email != "ada@example.org" || lr.Person.Name != "Ada" || lr.Registration == nil || lr.Registration.Name != "Ada Lovelace" {
		t.Fatalf("the organiser's preview: %+v %v", lr, err)
	}
	if p, _ := camp.Person(ctx, ada.PersonID); p.Email != "" {
		t.Fatal("previewing linked the email")
	}
	if _, err := camp.PendingLink(ctx, eve, registered); schedule.ErrorCode(err) != schedule.EFORBIDDEN {
		t.Errorf("an attendee previewing a code: %v", err)
	}
	lr, err = camp.PendingLink(ctx, org, unregistered)
	if err != nil || lr.Registration != nil || lr.Person.Name != "Eve" {
		t.Errorf("preview of an unregistered email: %+v %v", lr, err)
	}
	if _, err := camp.ConfirmLink(ctx, org, unregistered); schedule.ErrorCode(err) != schedule.ENOTFOUND {
		t.Errorf("confirming an unregistered email: %v, want ENOTFOUND", err)
	}
	if p, _ := camp.Person(ctx, eve.PersonID); p.Email != "" {
		t.Errorf("an unregistered email was linked: %q", p.Email)
	}
	if p, err := camp.ConfirmLink(ctx, org, registered); err != nil || p.Email != "ada@example.org" {
		t.Errorf("confirm: %+v %v", p, err)
	}
	if _, err := camp.RequestLink(ctx, ada, "not an address"); schedule.ErrorCode(err) != schedule.EINVALID {
		t.Errorf("a request without an address: %v", err)
	}
}

// Issue 12, item 14: twenty fresh keys joined and voted in under a second,
// unseen. Keys that joined recently and have only voted are marked for
// organisers; [openspace] votes_require_registration closes the hole.
func TestVoteOnlyKeysAreMarked(t *testing.T) {
	clock := schedule.NewManualClock(storetest.SeedNow)
	camp := storetest.MustOpenCamp(t, nil, clock)
	org := storetest.MustJoin(t, camp, "Olive", true)
	tp, _ := camp.ProposeTopic(ctx, org, schedule.TopicProposal{Title: "Pick me"})
	ada := storetest.MustJoin(t, camp, "Ada", false)
	camp.ProposeTopic(ctx, ada, schedule.TopicProposal{Title: "Ada's topic"})
	camp.Vote(ctx, ada, tp.ID, true)
	storetest.MustJoin(t, camp, "Lurker", false) // joined, has not voted
	for i := range 20 {
		sock := storetest.MustJoin(t, camp, fmt.Sprint("sock ", i), false)
		if _, err := camp.Vote(ctx, sock, tp.ID, true); err != nil {
			t.Fatal(err)
		}
	}
	marked := func() (names []string) {
		people, err := camp.People(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range people {
			if p.OnlyVoted {
				names = append(names, p.Name)
			}
		}
		return names
	}
	if got := marked(); len(got) != 20 || slices.Contains(got, "Ada") || slices.Contains(got, "Lurker") || slices.Contains(got, "Olive") {
		t.Errorf("marked as only voted: %v, want the 20 socks", got)
	}
	clock.Advance(schedule.NewKeyWindow + time.Minute)
	if got := marked(); len(got) != 0 {
		t.Errorf("%d keys still marked after %s", len(got), schedule.NewKeyWindow)
	}
}

func TestVotesCanRequireARegistration(t *testing.T) {
	ev := storetest.Example(t)
	ev.OpenSpace.VotesRequireRegistration = true
	ev.Limits.WriteBurst = 10 // this test is about the vote rule, not the write limiter
	camp := storetest.MustOpenCamp(t, ev, nil)
	org := storetest.MustJoin(t, camp, "Olive", true)
	camp.ImportRegistrations(ctx, org, []schedule.Registration{{TicketID: "1", Name: "Ada Lovelace", Email: "ada@example.org", Status: "Attending"}})
	tp, _ := camp.ProposeTopic(ctx, org, schedule.TopicProposal{Title: "Pick me"})
	ada := storetest.MustJoin(t, camp, "Ada", false)
	sock := storetest.MustJoin(t, camp, "sock", false)
	if _, err := camp.Vote(ctx, sock, tp.ID, true); schedule.ErrorCode(err) != schedule.EFORBIDDEN {
		t.Errorf("an unregistered key votes: %v, want EFORBIDDEN", err)
	}
	code, _ := camp.RequestLink(ctx, ada, "ada@example.org")
	if _, err := camp.ConfirmLink(ctx, org, code); err != nil {
		t.Fatal(err)
	}
	if tp, err := camp.Vote(ctx, ada, tp.ID, true); err != nil || tp.Votes != 1 {
		t.Errorf("a linked registration votes: %+v %v", tp, err)
	}
	if _, err := camp.Vote(ctx, org, tp.ID, true); err != nil {
		t.Errorf("an organiser votes: %v", err)
	}
	// A refund, re-imported, takes the vote right away again.
	camp.ImportRegistrations(ctx, org, []schedule.Registration{{TicketID: "1", Name: "Ada Lovelace", Email: "ada@example.org", Status: schedule.RegRefunded}})
	camp.Vote(ctx, ada, tp.ID, false)
	if _, err := camp.Vote(ctx, ada, tp.ID, true); schedule.ErrorCode(err) != schedule.EFORBIDDEN {
		t.Errorf("a refunded registration votes: %v, want EFORBIDDEN", err)
	}
}
