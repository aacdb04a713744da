package tui_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

func TestFlowApprove(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("2")
	f.waitForLine("›", "#3", "LIVE", "Mei Chen")
	f.keys("g") // to the top: the proposals, not yet in the queue
	f.waitForLine("›", "proposed", "Noor Haddad")
	f.keys("a")
	f.waitForLine("#7", "approved", "Noor Haddad") // the end of the queue
	f.waitForLine("›", "proposed", "Sam Taylor")   // the cursor is on the next proposal
	f.waitFor("✓ “What the CPython JIT does to your loops” approved")
	if got := f.talk(f.camp.ProposedTalk).Status; got != schedule.TalkApproved {
		t.Errorf("the store has the talk %s, want approved", got)
	}
}

func TestFlowReorderKeepsTheCursorOnTheTalk(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("2", "j", "j", "j") // #6 Lena Fischer
	f.waitForLine("›", "#6", "Lena Fischer")
	f.keys("K")
	f.waitForLine("›", "#5", "Lena Fischer")
	f.waitForLine("#6", "Amara Okafor")
	f.keys("J")
	f.waitForLine("›", "#6", "Lena Fischer")
	f.waitForLine("#5", "Amara Okafor")
}

func TestFlowStartCountdownFinish(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("2", "f") // finish the live talk
	f.waitForLine("#3", "done", "Mei Chen")
	f.waitForLine("›", "#4", "approved", "Tomás Ortega") // the cursor moved on to the next talk
	f.waitFor("next: Tomás Ortega")

	f.keys("s")
	f.waitForLine("›", "#4", "LIVE", "Tomás Ortega")
	f.waitFor("LIVE 5:00 left")

	f.keys("1")
	f.waitFor("▶ LIVE  Tomás Ortega — Codon for bioinformatics pipelines", "5:00 left of 5:00")
	f.camp.Clock.Advance(4*time.Minute + 10*time.Second) // the 1 Hz tick redraws
	f.waitFor("LAST MINUTE · 0:50 left")
	f.camp.Clock.Advance(25 * time.Second)
	f.waitFor("WRAP UP NOW · 0:25 left")
	f.camp.Clock.Advance(40 * time.Second)
	f.waitFor("OVER TIME by 0:15", "LIVE -0:15 over")

	f.keys("+") // another minute
	f.waitFor("LAST MINUTE · 0:45 left")

	f.keys("2", "f")
	f.waitForLine("#4", "done", "Tomás Ortega")
	f.waitForLine("›", "#5", "approved", "Amara Okafor")
	if got := f.talk(f.camp.NextTalk); got.Status != schedule.TalkDone || got.FinishedAt.IsZero() {
		t.Errorf("the store has the talk %s finished at %v, want done", got.Status, got.FinishedAt)
	}
}

func TestFlowUndoReject(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("2", "g") // a proposal, at the top
	f.waitForLine("›", "proposed", "Noor Haddad")
	f.keys("r")
	f.waitFor("“What the CPython JIT does to your loops” rejected · u undoes")
	f.waitUntil("the rejected talk to leave the queue", func(s string) bool { return !containsAll(s, []string{"Noor Haddad"}) })
	f.keys("u")
	f.waitForLine("›", "proposed", "Noor Haddad")
	if got := f.talk(f.camp.ProposedTalk).Status; got != schedule.TalkProposed {
		t.Errorf("the store has the talk %s, want proposed", got)
	}
}

func TestFlowPlaceTopic(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("3")
	f.waitForLine("›", "6 votes", "Type hints as compiler input")
	f.keys("p")
	f.waitFor("Placing “Type hints as compiler input”", "is reserved for topics tagged")
	f.keys("enter") // the reserved room refuses it, and placing goes on
	f.waitFor("✗ error: track", "reserved")
	f.keys("l", "j") // Room 2, slot 2 is taken
	f.waitFor("is taken by topic")
	f.keys("l") // Room 3, slot 2 is free
	f.waitFor("✓ this cell is free")
	f.keys("enter")
	f.waitFor("“Type hints as compiler input” placed in Room 3, slot 2")
	f.waitForLine("#2 11:45", "Benchmarks that do", "Type hints as")
	topic, _ := f.camp.Camp.Topics(t.Context())
	for _, tp := range topic {
		if tp.ID == f.camp.UnplacedTopic && (tp.Status != schedule.TopicPlaced || tp.Track != "c" || tp.Slot != "eu-openspace-1/2") {
			t.Errorf("the store has the topic %s in %s %s, want placed in c eu-openspace-1/2", tp.Status, tp.Track, tp.Slot)
		}
	}
}

func TestFlowStaleNoteEditShowsTheConflict(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("4")
	f.waitFor("Notes on the talk “Cython 3 and the free-threaded interpreter”")
	f.keys("right") // Mei's note, at revision 2
	f.waitForLine("›", "Mei Chen · revision 2")
	f.keys("e")
	f.waitFor("Edit note", "saves over revision 2")

	// Mei saves her own edit while the organiser is typing.
	mei := schedule.Actor{PersonID: f.talk(f.camp.LiveTalk).SpeakerID, Role: schedule.RoleAttendee}
	if _, err := f.camp.Camp.EditNote(t.Context(), mei, f.camp.MeisNote, 2, "Questions, sorted:\n- wheels for 3.14t first"); err != nil {
		t.Fatal(err)
	}
	f.typeText(" Ada")
	f.waitFor("wheels for 3.14t Ada") // half-typed text survives the live reload
	f.keys("enter")

	f.waitFor("Conflict: someone saved this note", "Their text, revision 3 by Mei Chen", "Questions, sorted:", "wheels for 3.14t Ada")
	f.waitFor("saves over revision 3")
	f.keys("enter") // keep our text, now knowingly over revision 3
	f.waitFor("✓ note saved")
	notes, _ := f.camp.Camp.Notes(t.Context(), schedule.Target{Kind: "talk", ID: f.camp.LiveTalk})
	for _, n := range notes {
		if n.ID == f.camp.MeisNote && (n.Revision != 4 || !containsAll(n.Text, []string{"wheels for 3.14t Ada"})) {
			t.Errorf("the note is at revision %d with %q; want revision 4 with the organiser's text", n.Revision, n.Text)
		}
	}
}

func TestFlowLiveChangeKeepsSelection(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("2", "j", "j", "j")
	f.waitForLine("›", "#6", "Lena Fischer")
	// Another organiser moves Lena's talk to the top from elsewhere.
	talks, _ := f.camp.Camp.Talks(t.Context(), schedule.TalkFilter{Block: "eu-talks"})
	var lena int64
	for _, tk := range talks {
		if tk.Speaker == "Lena Fischer" {
			lena = tk.ID
		}
	}
	if _, err := f.camp.Camp.MoveTalk(t.Context(), f.camp.Organiser, lena, 1); err != nil {
		t.Fatal(err)
	}
	f.waitForLine("›", "#1", "Lena Fischer")
}

func TestFlowAttendeeProposesATopic(t *testing.T) {
	f := startFlow(t, attendee)
	f.keys("3")
	f.waitFor("Join: slot 1 → Room 1 - compilepython.com")
	f.keys("n")
	f.waitFor("Propose an open-space topic")
	f.keys("enter") // an empty title is refused inline
	f.waitFor("the topic is required")
	f.typeText("Cross-compiling for WebAssembly")
	f.keys("enter", "enter", "enter")
	f.waitFor("✓ proposed “Cross-compiling for WebAssembly”")
	f.waitForLine("0 votes", "Cross-compiling for WebAssembly — Priya Raman")
}

func TestFlowAttendeeVotes(t *testing.T) {
	f := startFlow(t, attendee)
	f.keys("3", "j") // mypyc vs Cython, 5 votes
	f.waitForLine("›", "5 votes", "mypyc vs Cython")
	f.keys("v")
	f.waitForLine("›", "6 votes", "✓ mypyc vs Cython")
	f.keys("v")
	f.waitForLine("›", "5 votes", "mypyc vs Cython")
}

func TestFlowSuggestBoardPreviewsFirst(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("3", "S")
	f.waitFor("Suggested board:", "enter applies, esc keeps the board as it is")
	f.waitForLine("#2 11:45", "+ mypyc vs Cython") // shown, not yet written
	if topics, _ := f.camp.Camp.Topics(t.Context()); placedCount(topics) != 4 {
		t.Fatalf("the preview wrote to the board: %d placed", placedCount(topics))
	}
	f.keys("esc")
	f.waitFor("suggestion dropped; the board is unchanged")
	f.keys("S", "enter")
	f.waitFor("✓ placed")
	f.waitForLine("#2 11:45", "mypyc vs Cython")
	if topics, _ := f.camp.Camp.Topics(t.Context()); placedCount(topics) <= 4 {
		t.Errorf("applying the suggestion placed nothing")
	}
}

func placedCount(ts []schedule.Topic) int {
	n := 0
	for _, t := range ts {
		if t.Status == schedule.TopicPlaced {
			n++
		}
	}
	return n
}

func TestFlowAnnouncementReachesEverySession(t *testing.T) {
	org := startFlow(t, organiser)
	att := startFlowOn(t, org.camp, attendee)
	org.keys("6", "n")
	org.waitFor("Broadcast an announcement")
	org.keys("enter") // empty: refused inline
	org.waitFor("the announcement is required")
	org.typeText("Talks resume at 10:15 GMT")
	org.keys("enter", "enter", "enter") // the text, how long it is shown (the default), then "Broadcast"
	org.waitFor("✓ announcement broadcast")
	att.waitFor("» Announcement 10:02: Talks resume at 10:15 GMT")
	org.waitForLine("10:02", "Ada Organiser: Talks resume at 10:15 GMT")
}

// TestFlowPlacingTwoTopicsInARow: after a topic from the unplaced list is
// placed, the cursor stays on the cell it went into (issue 13: the board
// shows where it went), and f takes it back to the list, where the next p
// picks up the next topic rather than the one just placed.
func TestFlowPlacingTwoTopicsInARow(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("3")
	f.waitForLine("›", "6 votes", "Type hints as compiler input")
	f.keys("p")
	f.waitFor("Placing “Type hints as compiler input”")
	f.keys("l", "l", "j") // Room 3, slot 2 is free
	f.waitFor("✓ this cell is free")
	f.keys("enter")
	f.waitFor("“Type hints as compiler input” placed in Room 3, slot 2", "f: back to the unplaced list")
	f.waitForLine("› Type hints as")
	f.keys("f")
	f.waitForLine("›", "5 votes", "mypyc vs Cython for library authors")
	f.keys("p")
	f.waitFor("Placing “mypyc vs Cython for library authors”")
}

// TestFlowTalkSessionsChoiceIsVisible: the talk form's last page, which
// talks sessions the speaker can make, shows its options on small and
// large screens alike.
func TestFlowTalkSessionsChoiceIsVisible(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {100, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			f := startFlowSized(t, newRealCamp(t), attendee, size[0], size[1])
			f.keys("2", "n")
			f.waitFor("Propose a lightning talk")
			f.burst("A title\r\r\r\r\r") // title; minutes, abstract, links, tools as they are
			f.waitForBurst("Which talks sessions can you make?", "Lightning talks I ·", "Lightning talks II (Americas) ·")
		})
	}
}

// Issue 12: a speaker's edit to an approved talk sends it back to review,
// and the organiser approving it again sees what was approved before.
func TestFlowOrganiserSeesAnEditAfterApproval(t *testing.T) {
	c := newRealCamp(t)
	next, err := c.Camp.Talk(t.Context(), c.NextTalk)
	if err != nil {
		t.Fatal(err)
	}
	var speaker schedule.Actor
	for _, p := range c.People {
		if p.PersonID == next.SpeakerID {
			speaker = p
		}
	}
	if _, err := c.Camp.EditTalk(t.Context(), speaker, next.ID, schedule.TalkProposal{Title: "Buy my product",
		Abstract: next.Abstract, Minutes: next.Minutes, Tools: next.Tools, Links: next.Links, Tags: next.Tags, CanMake: next.CanMake}); err != nil {
		t.Fatal(err)
	}
	f := startFlowOn(t, c, organiser)
	f.keys("2", "g")
	f.waitForLine("›", "proposed", "Buy my product")
	f.waitForLine("Edited after approval (title): approved as “" + next.Title + "”")
}
