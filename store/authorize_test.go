package store_test

import (
	"fmt"
	"testing"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store/storetest"
)

// TestAuthorisation checks every rule of who may do what, through the
// services as the TUI, SSH commands and CLI all call them.
func TestAuthorisation(t *testing.T) {
	ev := storetest.Example(t)
	ev.Limits.WriteBurst = 100 // this test is about roles, not the write limiter
	camp := storetest.MustOpenCamp(t, ev, nil)
	org := storetest.MustJoin(t, camp, "Olive", true)
	ada := storetest.MustJoin(t, camp, "Ada", false)
	bob := storetest.MustJoin(t, camp, "Bob", false)
	muted := storetest.MustJoin(t, camp, "Muted Mo", false)
	banned := storetest.MustJoin(t, camp, "Banned Bea", false)
	yes := true
	if _, err := camp.Moderate(ctx, org, muted.PersonID, schedule.Moderation{Muted: &yes}); err != nil {
		t.Fatal(err)
	}
	if _, err := camp.Moderate(ctx, org, banned.PersonID, schedule.Moderation{Banned: &yes}); err != nil {
		t.Fatal(err)
	}
	newcomer, err := camp.Login(ctx, storetest.FakeFingerprint("newcomer"), false)
	if err != nil {
		t.Fatal(err)
	}
	fresh := newcomer.Actor()

	adaTalk := storetest.MustProposeTalk(t, camp, ada, "Ada's talk")
	adaTopic, err := camp.ProposeTopic(ctx, ada, schedule.TopicProposal{Title: "Ada's topic"})
	if err != nil {
		t.Fatal(err)
	}
	adaNote, err := camp.AddNote(ctx, ada, schedule.Target{Kind: "talk", ID: adaTalk.ID}, "Ada's note")
	if err != nil {
		t.Fatal(err)
	}
	talkTarget := schedule.Target{Kind: "talk", ID: adaTalk.ID}

	propose := func(a schedule.Actor) error {
		_, err := camp.ProposeTalk(ctx, a, schedule.TalkProposal{Title: "x"})
		return err
	}
	tests := []struct {
		name string
		do   func() error
		want string // error code, "" for allowed
	}{
		{"guest proposes a talk", func() error { return propose(schedule.Guest) }, schedule.EFORBIDDEN},
		{"a newcomer who has not joined proposes", func() error { return propose(fresh) }, schedule.EFORBIDDEN},
		{"muted person proposes", func() error { return propose(muted) }, schedule.EFORBIDDEN},
		{"banned person proposes", func() error { return propose(banned) }, schedule.EFORBIDDEN},
		{"muted person votes", func() error { _, err := camp.Vote(ctx, muted, adaTopic.ID, true); return err }, schedule.EFORBIDDEN},
		{"muted person adds a note", func() error { _, err := camp.AddNote(ctx, muted, talkTarget, "hi"); return err }, schedule.EFORBIDDEN},
		{"attendee edits someone else's talk", func() error {
			_, err := camp.EditTalk(ctx, bob, adaTalk.ID, schedule.TalkProposal{Title: "mine now"})
			return err
		}, schedule.EFORBIDDEN},
		{"attendee withdraws someone else's talk", func() error { _, err := camp.ActOnTalk(ctx, bob, adaTalk.ID, schedule.ActWithdraw); return err }, schedule.EFORBIDDEN},
		{"attendee approves a talk", func() error { _, err := camp.ActOnTalk(ctx, ada, adaTalk.ID, schedule.ActApprove); return err }, schedule.EFORBIDDEN},
		{"attendee reorders the queue", func() error { _, err := camp.MoveTalk(ctx, ada, adaTalk.ID, 1); return err }, schedule.EFORBIDDEN},
		{"attendee edits someone else's topic", func() error {
			_, err := camp.EditTopic(ctx, bob, adaTopic.ID, schedule.TopicProposal{Title: "mine"})
			return err
		}, schedule.EFORBIDDEN},
		{"attendee places a topic", func() error { _, err := camp.PlaceTopic(ctx, ada, adaTopic.ID, "b", "eu-openspace-1/1"); return err }, schedule.EFORBIDDEN},
		{"attendee edits someone else's note", func() error { _, err := camp.EditNote(ctx, bob, adaNote.ID, 1, "hacked"); return err }, schedule.EFORBIDDEN},
		{"attendee hides a note", func() error { _, err := camp.HideNote(ctx, bob, adaNote.ID, true); return err }, schedule.EFORBIDDEN},
		{"attendee starts a timer", func() error {
			_, err := camp.StartTimer(ctx, ada, schedule.TimerSpec{Kind: schedule.TimerCustom, Label: "x", Duration: 60e9})
			return err
		}, schedule.EFORBIDDEN},
		{"attendee announces", func() error { _, err := camp.Announce(ctx, ada, "free beer"); return err }, schedule.EFORBIDDEN},
		{"attendee mutes someone", func() error {
			_, err := camp.Moderate(ctx, ada, bob.PersonID, schedule.Moderation{Muted: &yes})
			return err
		}, schedule.EFORBIDDEN},
		{"guest renames", func() error { _, err := camp.Rename(ctx, schedule.Guest, "Guest"); return err }, schedule.EFORBIDDEN},
		{"organiser mutes themselves", func() error {
			_, err := camp.Moderate(ctx, org, org.PersonID, schedule.Moderation{Muted: &yes})
			return err
		}, schedule.ECONFLICT},
		{"attendee edits own talk", func() error {
			_, err := camp.EditTalk(ctx, ada, adaTalk.ID, schedule.TalkProposal{Title: "Ada's better talk"})
			return err
		}, ""},
		{"organiser edits an attendee's talk", func() error {
			_, err := camp.EditTalk(ctx, org, adaTalk.ID, schedule.TalkProposal{Title: "Ada's talk (typo fixed)"})
			return err
		}, ""},
		{"attendee edits own note", func() error { _, err := camp.EditNote(ctx, ada, adaNote.ID, 1, "Ada's note, edited"); return err }, ""},
		{"attendee votes", func() error { _, err := camp.Vote(ctx, bob, adaTopic.ID, true); return err }, ""},
		{"organiser approves", func() error { _, err := camp.ActOnTalk(ctx, org, adaTalk.ID, schedule.ActApprove); return err }, ""},
		{"guest stars a talk", func() error { return camp.Star(ctx, schedule.Guest, talkTarget, true) }, schedule.EFORBIDDEN},
		{"a newcomer who has not joined stars a talk", func() error { return camp.Star(ctx, fresh, talkTarget, true) }, schedule.EFORBIDDEN},
		{"banned person stars a talk", func() error { return camp.Star(ctx, banned, talkTarget, true) }, schedule.EFORBIDDEN},
		{"muted person stars a talk (private, not public text)", func() error { return camp.Star(ctx, muted, talkTarget, true) }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.do()
			if got := schedule.ErrorCode(err); got != tt.want {
				t.Errorf("got %q (%v), want %q", got, err, tt.want)
			}
		})
	}
}

// TestTalkStateMachine walks every action from every status.
func TestTalkStateMachine(t *testing.T) {
	statuses := []schedule.TalkStatus{schedule.TalkProposed, schedule.TalkApproved, schedule.TalkLive, schedule.TalkDone,
		schedule.TalkSkipped, schedule.TalkRejected, schedule.TalkWithdrawn}
	allowed := map[schedule.TalkStatus]map[schedule.TalkAction]schedule.TalkStatus{
		schedule.TalkProposed: {schedule.ActApprove: schedule.TalkApproved, schedule.ActReject: schedule.TalkRejected, schedule.ActWithdraw: schedule.TalkWithdrawn},
		schedule.TalkApproved: {schedule.ActReject: schedule.TalkRejected, schedule.ActStart: schedule.TalkLive, schedule.ActSkip: schedule.TalkSkipped, schedule.ActWithdraw: schedule.TalkWithdrawn},
		schedule.TalkLive:     {schedule.ActFinish: schedule.TalkDone, schedule.ActSkip: schedule.TalkSkipped},
		schedule.TalkSkipped:  {schedule.ActRequeue: schedule.TalkApproved},
		schedule.TalkRejected: {schedule.ActUnreject: schedule.TalkProposed},
	}
	actions := []schedule.TalkAction{schedule.ActApprove, schedule.ActReject, schedule.ActUnreject, schedule.ActStart,
		schedule.ActFinish, schedule.ActSkip, schedule.ActRequeue, schedule.ActWithdraw}
	for _, from := range statuses {
		for _, act := range actions {
			got, err := schedule.NextTalkStatus(from, act)
			want, ok := allowed[from][act]
			switch {
			case ok && (err != nil || got != want):
				t.Errorf("%s from %s: got %s, %v; want %s", act, from, got, err, want)
			case !ok && schedule.ErrorCode(err) != schedule.ECONFLICT:
				t.Errorf("%s from %s: got %s, %v; want ECONFLICT", act, from, got, err)
			}
		}
	}
}

func TestQuotasAndDots(t *testing.T) {
	ev := storetest.Example(t)
	ev.Limits.TalksPerPerson = 2
	ev.OpenSpace.DotsPerPerson = 2
	ev.Limits.WriteBurst = 100 // this test is about quotas, not the write limiter
	camp := storetest.MustOpenCamp(t, ev, nil)
	org := storetest.MustJoin(t, camp, "Olive", true)
	ada := storetest.MustJoin(t, camp, "Ada", false)
	storetest.MustProposeTalk(t, camp, ada, "one")
	second := storetest.MustProposeTalk(t, camp, ada, "two")
	if _, err := camp.ProposeTalk(ctx, ada, schedule.TalkProposal{Title: "three"}); schedule.ErrorCode(err) != schedule.ECONFLICT {
		t.Errorf("a third proposal over the limit of 2: %v", err)
	}
	if _, err := camp.ActOnTalk(ctx, ada, second.ID, schedule.ActWithdraw); err != nil {
		t.Fatal(err)
	}
	storetest.MustProposeTalk(t, camp, ada, "three, after withdrawing two")
	for i := range 3 {
		storetest.MustProposeTalk(t, camp, org, fmt.Sprint("organisers are not limited ", i))
	}
	var topics []int64
	for i := range 3 {
		tp, err := camp.ProposeTopic(ctx, org, schedule.TopicProposal{Title: fmt.Sprint("topic ", i)})
		if err != nil {
			t.Fatal(err)
		}
		topics = append(topics, tp.ID)
	}
	for _, id := range topics[:2] {
		if _, err := camp.Vote(ctx, ada, id, true); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := camp.Vote(ctx, ada, topics[2], true); schedule.ErrorCode(err) != schedule.ECONFLICT {
		t.Errorf("a third dot of two: %v", err)
	}
	if _, err := camp.Vote(ctx, ada, topics[0], true); schedule.ErrorCode(err) != schedule.ECONFLICT {
		t.Errorf("a second dot on one topic: %v", err)
	}
	if tp, err := camp.Vote(ctx, ada, topics[0], false); err != nil || tp.Votes != 0 {
		t.Fatalf("take a dot back: %+v %v", tp, err)
	}
	if tp, err := camp.Vote(ctx, ada, topics[2], true); err != nil || tp.Votes != 1 {
		t.Fatalf("spend the returned dot: %+v %v", tp, err)
	}
}
