package store_test

import (
	"testing"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store/storetest"
)

// Issue 14 item 4: an author marks a note private (kept out of the
// export); nobody else but an organiser may.
func TestAuthorMarksANotePrivate(t *testing.T) {
	s := storetest.SeedCamp(t)
	ada := s.People["tomas"]
	target := schedule.Target{Kind: "talk", ID: s.LiveTalk}
	n, err := s.Camp.AddNote(ctx, ada, target, "remember to try Codon")
	if err != nil {
		t.Fatal(err)
	}
	if n.Private {
		t.Fatal("a new note is private")
	}
	if _, err := s.Camp.SetNotePrivate(ctx, s.Attendee, n.ID, true); schedule.ErrorCode(err) != schedule.EFORBIDDEN {
		t.Errorf("someone else's note: %v", err)
	}
	got, err := s.Camp.SetNotePrivate(ctx, ada, n.ID, true)
	if err != nil || !got.Private {
		t.Fatalf("%+v %v", got, err)
	}
	ns, err := s.Camp.Notes(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range ns {
		if x.ID == n.ID && !x.Private {
			t.Errorf("read back as public: %+v", x)
		}
	}
}
