package store_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store/storetest"
)

func liveTimer(t *testing.T, s *storetest.Seeded, talk int64) schedule.Timer {
	t.Helper()
	timers, err := s.Camp.Timers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tm := range timers {
		if tm.Ref == "talk:"+itoa(talk) {
			return tm
		}
	}
	t.Fatalf("talk %d has no running timer: %+v", talk, timers)
	return schedule.Timer{}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// Finishing a talk by mistake is undone: it is live again with the time it
// had left, the minutes it spent finished not counted.
func TestUndoFinishBringsTheTalkBackWithItsTimeLeft(t *testing.T) {
	s := storetest.SeedCamp(t)
	left := liveTimer(t, s, s.LiveTalk).Remaining(s.Clock.Now()) // 3:00
	if _, err := s.Camp.ActOnTalk(ctx, s.Organiser, s.LiveTalk, schedule.ActFinish); err != nil {
		t.Fatal(err)
	}
	s.Clock.Advance(2 * time.Minute)
	talk, err := s.Camp.UndoTalk(ctx, s.Organiser, s.LiveTalk, schedule.TalkUndo{Action: schedule.ActFinish, Status: schedule.TalkLive, Position: 3})
	if err != nil {
		t.Fatal(err)
	}
	if talk.Status != schedule.TalkLive || talk.Position != 3 {
		t.Errorf("after undo the talk is %s at #%d, want live at #3", talk.Status, talk.Position)
	}
	if got := liveTimer(t, s, s.LiveTalk).Remaining(s.Clock.Now()); got != left {
		t.Errorf("after undo %s left, want the %s it had", got, left)
	}
	// Undone once, it cannot be undone again.
	if _, err := s.Camp.UndoTalk(ctx, s.Organiser, s.LiveTalk, schedule.TalkUndo{Action: schedule.ActFinish, Status: schedule.TalkLive}); schedule.ErrorCode(err) != schedule.ECONFLICT {
		t.Errorf("a second undo: %v, want a conflict", err)
	}
}

func TestUndoRejectOfAnApprovedTalkPutsItBackInItsPlace(t *testing.T) {
	s := storetest.SeedCamp(t)
	next, _ := s.Camp.Talk(ctx, s.NextTalk) // #4
	if _, err := s.Camp.ActOnTalk(ctx, s.Organiser, next.ID, schedule.ActReject); err != nil {
		t.Fatal(err)
	}
	talk, err := s.Camp.UndoTalk(ctx, s.Organiser, next.ID, schedule.TalkUndo{Action: schedule.ActReject, Status: next.Status, Position: next.Position})
	if err != nil {
		t.Fatal(err)
	}
	if talk.Status != schedule.TalkApproved || talk.Position != next.Position {
		t.Errorf("after undo: %s at #%d, want approved at #%d", talk.Status, talk.Position, next.Position)
	}
}

func TestUndoIsRefusedAfterTheWindowAndToAttendees(t *testing.T) {
	s := storetest.SeedCamp(t)
	if _, err := s.Camp.ActOnTalk(ctx, s.Organiser, s.NextTalk, schedule.ActSkip); err != nil {
		t.Fatal(err)
	}
	u := schedule.TalkUndo{Action: schedule.ActSkip, Status: schedule.TalkApproved, Position: 4}
	if _, err := s.Camp.UndoTalk(ctx, s.Attendee, s.NextTalk, u); schedule.ErrorCode(err) != schedule.EFORBIDDEN {
		t.Errorf("an attendee's undo: %v, want forbidden", err)
	}
	s.Clock.Advance(schedule.UndoWindow + time.Minute)
	if _, err := s.Camp.UndoTalk(ctx, s.Organiser, s.NextTalk, u); schedule.ErrorCode(err) != schedule.ECONFLICT {
		t.Errorf("an undo after the window: %v, want a conflict", err)
	}
}

// A finished talk can be reopened at any time, when the stage is free.
func TestReopenAFinishedTalk(t *testing.T) {
	s := storetest.SeedCamp(t)
	if _, err := s.Camp.ActOnTalk(ctx, s.Organiser, s.LiveTalk, schedule.ActFinish); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Camp.ActOnTalk(ctx, s.Organiser, s.NextTalk, schedule.ActStart); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Camp.ActOnTalk(ctx, s.Organiser, s.LiveTalk, schedule.ActReopen); schedule.ErrorCode(err) != schedule.ECONFLICT {
		t.Errorf("reopen while another talk is live: %v, want a conflict", err)
	}
	if _, err := s.Camp.ActOnTalk(ctx, s.Organiser, s.NextTalk, schedule.ActFinish); err != nil {
		t.Fatal(err)
	}
	s.Clock.Advance(30 * time.Minute)
	talk, err := s.Camp.ActOnTalk(ctx, s.Organiser, s.LiveTalk, schedule.ActReopen)
	if err != nil || talk.Status != schedule.TalkLive {
		t.Fatalf("reopen: %v, %s", err, talk.Status)
	}
	if got := liveTimer(t, s, s.LiveTalk).Remaining(s.Clock.Now()); got != 3*time.Minute {
		t.Errorf("reopened with %s left, want 3m0s", got)
	}
}
