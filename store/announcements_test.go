package store_test

import (
	"testing"
	"time"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store/storetest"
)

// Issue 13 item 9: announcements end. By default at the end of the block
// under way; they can be cleared (and brought back) and edited, and the
// list of those shown leaves out expired and cleared ones.
func TestAnnouncementsExpireAndCanBeClearedAndEdited(t *testing.T) {
	s := storetest.SeedCamp(t)
	camp, org := s.Camp, s.Organiser
	shown := func() []int64 {
		t.Helper()
		as, err := camp.Announcements(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, a := range as {
			ids = append(ids, a.ID)
		}
		return ids
	}
	now := s.Clock.Now() // 10:02 GMT, in Lightning talks I (09:45–10:45 GMT)
	a, err := camp.Announce(ctx, org, "Coffee is late")
	if err != nil {
		t.Fatal(err)
	}
	block, ok := camp.Event().AnnouncementBlock(now)
	if !ok || !a.ExpiresAt.Equal(block.End) || block.Title != "Lightning talks I" {
		t.Fatalf("default expiry %v, want the end of the block under way (%v %v)", a.ExpiresAt, block.Title, block.End)
	}
	if ids := shown(); len(ids) == 0 || ids[0] != a.ID {
		t.Fatalf("shown: %v", ids)
	}
	if _, err := camp.ClearAnnouncement(ctx, org, a.ID, true); err != nil {
		t.Fatal(err)
	}
	if ids := shown(); len(ids) > 0 && ids[0] == a.ID {
		t.Errorf("a cleared announcement is still shown: %v", ids)
	}
	if _, err := camp.ClearAnnouncement(ctx, org, a.ID, false); err != nil {
		t.Fatal(err)
	}
	if ids := shown(); len(ids) == 0 || ids[0] != a.ID {
		t.Errorf("brought back but not shown: %v", ids)
	}
	edited, err := camp.EditAnnouncement(ctx, org, a.ID, "Coffee at 10:50", now.Add(30*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if edited.Text != "Coffee at 10:50" || !edited.ExpiresAt.Equal(now.Add(30*time.Minute)) || edited.EditedAt.IsZero() {
		t.Errorf("edited: %+v", edited)
	}
	s.Clock.Advance(31 * time.Minute)
	for _, id := range shown() {
		if id == a.ID {
			t.Errorf("an expired announcement is still shown")
		}
	}
	hist, err := camp.AnnouncementHistory(ctx, 10)
	if err != nil || len(hist) == 0 || hist[0].ID != a.ID || hist[0].Active(s.Clock.Now()) {
		t.Errorf("history: %+v %v", hist, err)
	}
	forever, err := camp.AnnounceUntil(ctx, org, "Slides folder: see chat", schedule.UntilCleared)
	if err != nil || !forever.ExpiresAt.IsZero() {
		t.Errorf("until cleared: %+v %v", forever, err)
	}
	s.Clock.Advance(48 * time.Hour)
	if ids := shown(); len(ids) != 1 || ids[0] != forever.ID {
		t.Errorf("two days later, shown: %v (want only the one kept until cleared)", ids)
	}
	if _, err := camp.AnnounceUntil(ctx, org, "too late", s.Clock.Now().Add(-time.Minute)); schedule.ErrorCode(err) != schedule.EINVALID {
		t.Errorf("an expiry in the past: %v", err)
	}
	if _, err := camp.ClearAnnouncement(ctx, s.Attendee, a.ID, true); schedule.ErrorCode(err) != schedule.EFORBIDDEN {
		t.Errorf("an attendee clearing: %v", err)
	}
}
