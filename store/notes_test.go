package store_test

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store/storetest"
)

func TestStaleNoteEditIsRefused(t *testing.T) {
	ev := storetest.Example(t)
	ev.Limits.WriteBurst = 10 // this test is about revisions, not the write limiter
	camp := storetest.MustOpenCamp(t, ev, nil)
	ada := storetest.MustJoin(t, camp, "Ada", false)
	tk := storetest.MustProposeTalk(t, camp, ada, "Cython")
	target := schedule.Target{Kind: "talk", ID: tk.ID}
	n, err := camp.AddNote(ctx, ada, target, "first draft")
	if err != nil {
		t.Fatal(err)
	}
	// Ada edits in two terminals, both opened at revision 1.
	if _, err := camp.EditNote(ctx, ada, n.ID, 1, "second terminal's text"); err != nil {
		t.Fatal(err)
	}
	_, err = camp.EditNote(ctx, ada, n.ID, 1, "first terminal's text")
	var stale *schedule.StaleEdit
	if !errors.As(err, &stale) || schedule.ErrorCode(err) != schedule.ECONFLICT {
		t.Fatalf("stale edit: %v, want a StaleEdit conflict", err)
	}
	if stale.Current.Text != "second terminal's text" || stale.Current.Revision != 2 {
		t.Errorf("the conflict should carry the current text; got %+v", stale.Current)
	}
	notes, _ := camp.Notes(ctx, target)
	if len(notes) != 1 || notes[0].Text != "second terminal's text" {
		t.Errorf("the stale edit overwrote something: %+v", notes)
	}
	history, _ := camp.NoteHistory(ctx, n.ID)
	if len(history) != 1 || history[0].Text != "first draft" {
		t.Errorf("history should keep the first draft: %+v", history)
	}
}

func TestConcurrentNoteAppendsAllKeptInOrder(t *testing.T) {
	ev := storetest.Example(t)
	ev.Limits.WriteBurst = 100 // this test is about concurrent writes, not the write limiter
	camp := storetest.MustOpenCamp(t, ev, schedule.SystemClock{})
	ada := storetest.MustJoin(t, camp, "Ada", false)
	tk := storetest.MustProposeTalk(t, camp, ada, "Cython")
	target := schedule.Target{Kind: "talk", ID: tk.ID}
	var wg sync.WaitGroup
	returned := make([]int64, 50)
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n, err := camp.AddNote(ctx, ada, target, fmt.Sprintf("line %d", i))
			if err != nil {
				t.Error(err)
				return
			}
			returned[i] = n.ID
		}()
	}
	wg.Wait()
	notes, err := camp.Notes(ctx, target)
	if err != nil || len(notes) != 50 {
		t.Fatalf("%d notes, want 50 (%v)", len(notes), err)
	}
	seen := map[string]bool{}
	for i, n := range notes {
		seen[n.Text] = true
		if i > 0 && (n.ID <= notes[i-1].ID || n.CreatedAt.Before(notes[i-1].CreatedAt)) {
			t.Errorf("entries out of order at %d: %+v after %+v", i, n, notes[i-1])
		}
	}
	if len(seen) != 50 {
		t.Errorf("%d distinct texts, want 50", len(seen))
	}
}

func TestHostileTextIsCleanedOrRefused(t *testing.T) {
	camp := storetest.MustOpenCamp(t, nil, nil)
	ada := storetest.MustJoin(t, camp, "Ada", false)
	tk, err := camp.ProposeTalk(ctx, ada, schedule.TalkProposal{
		Title:    "\x1b[31mRed\x1b[0m \x1b]8;;https://evil.example\x07link\x1b]8;;\x07 \u202Egnp.exe \u200bzero\u009b2J\x9b",
		Abstract: "line one\r\nline two\x1bP+q\x1b\\ \x07",
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{tk.Title, tk.Abstract} {
		if strings.ContainsAny(s, "\x1b\x07\u202e\u200b\u009b\r") || strings.Contains(s, "\x9b") {
			t.Errorf("stored text keeps control characters: %q", s)
		}
	}
	if tk.Title != "Red link gnp.exe zero\uFFFD" {
		t.Errorf("title stored as %q", tk.Title)
	}
	huge := strings.Repeat("x", 1<<20)
	if _, err := camp.ProposeTalk(ctx, ada, schedule.TalkProposal{Title: huge}); schedule.ErrorCode(err) != schedule.EINVALID {
		t.Errorf("a 1 MB title: %v, want EINVALID", err)
	}
	if _, err := camp.AddNote(ctx, ada, schedule.Target{Kind: "talk", ID: tk.ID}, strings.Repeat("y", 100000)); schedule.ErrorCode(err) != schedule.EINVALID {
		t.Errorf("a 100,000-character note: %v, want EINVALID", err)
	}
	limit := camp.Event().Limits.NoteMax
	if _, err := camp.AddNote(ctx, ada, schedule.Target{Kind: "talk", ID: tk.ID}, strings.Repeat("y", limit)); err != nil {
		t.Errorf("a note exactly at the cap (%d) is refused: %v", limit, err)
	}
}

func TestLookalikeNamesAreRefused(t *testing.T) {
	camp := storetest.MustOpenCamp(t, nil, nil)
	storetest.MustJoin(t, camp, "admin", false)
	for _, name := range []string{"ADMIN", "a\u200bdmin", "ａｄｍｉｎ", " Admin ", "ad\u00admin"} {
		p, err := camp.Login(ctx, storetest.FakeFingerprint("impostor "+name), false)
		if err != nil {
			t.Fatal(err)
		}
		_, err = camp.Join(ctx, p.Actor(), schedule.JoinRequest{Name: name, AcceptCoC: true})
		if schedule.ErrorCode(err) != schedule.ECONFLICT {
			t.Errorf("name %q: %v, want ECONFLICT", name, err)
		}
	}
}
