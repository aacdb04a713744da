package tui_test

import (
	"strings"
	"testing"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store/storetest"
)

// The typeahead tests type a whole form in one write, as a fast typist or a
// slow network delivers it: every key reaches the model before the form has
// moved to the next field. Each key must still land in the field it was
// typed for, and keys typed after the form ends go to the view.

func TestTypeaheadProposeTalk(t *testing.T) {
	f := startFlow(t, attendee)
	f.keys("2", "n")
	f.waitFor("Propose a lightning talk")
	f.burst("Title B\r7\rShort abstract\r\r\r\r")
	f.waitForBurst("✓ proposed “Title B”")
	talk := f.talkTitled("Title B")
	if talk.Minutes != 7 || talk.Abstract != "Short abstract" {
		t.Errorf("the talk has %d minutes and the abstract %q; want 7 and “Short abstract”", talk.Minutes, talk.Abstract)
	}
}

func TestTypeaheadEditTalk(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("2", "g") // a proposal, at the top
	f.waitForLine("›", "proposed", "Noor Haddad")
	f.keys("e")
	f.waitFor("Edit “What the CPython JIT does to your loops”")
	f.burst("\x15Title B\r\x157\r\r\r\r\r")
	f.waitForBurst("✓ saved “Title B”")
	if got := f.talk(f.camp.ProposedTalk); got.Title != "Title B" || got.Minutes != 7 {
		t.Errorf("the talk is %q, %d minutes; want “Title B”, 7", got.Title, got.Minutes)
	}
}

func TestTypeaheadWithdrawTalk(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("2", "g") // a proposal, at the top
	f.waitForLine("›", "proposed", "Noor Haddad")
	f.keys("w")
	f.waitFor("Withdraw “What the CPython JIT does to your loops”?")
	f.burst("y←") // yes, then the left arrow for the view
	f.waitUntil("the talk to be withdrawn", func(string) bool {
		return f.talk(f.camp.ProposedTalk).Status == schedule.TalkWithdrawn
	})
}

func TestTypeaheadLaterBlock(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("2", "g") // a proposal, at the top
	f.waitForLine("›", "proposed", "Noor Haddad")
	f.keys("b")
	f.waitFor("Move “What the CPython JIT does to your loops” to")
	f.burst("\r]") // the only later block, then "]" for the view: the next block's queue
	f.waitForBurst("“What the CPython JIT does to your loops” moved to a later block")
	f.waitForLine("Lightning talks II")
	if got := f.talk(f.camp.ProposedTalk); got.Block != "am-talks" {
		t.Errorf("the talk is in %s, want am-talks", got.Block)
	}
}

func TestTypeaheadNextCamp(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("2", "g") // a proposal, at the top
	f.waitForLine("›", "proposed", "Noor Haddad")
	next := storetest.Example(t) // the next camp of the series, in the same database
	next.Slug = "2026-09"
	if _, err := f.camp.Camp.DB().Camp(t.Context(), next); err != nil {
		t.Fatal(err)
	}
	f.keys("N")
	f.waitFor("Move “What the CPython JIT does to your loops” to the camp")
	f.burst("\x152026-09\rj") // the slug, then "j" for the view
	f.waitForBurst("“What the CPython JIT does to your loops” moved to camp 2026-09")
	if frame := f.rec.frame(); strings.Contains(frame, "2026-09j") {
		t.Errorf("the j typed after Enter went into the slug:\n%s", frame)
	}
}

func TestTypeaheadProposeTopic(t *testing.T) {
	f := startFlow(t, attendee)
	f.keys("3", "n")
	f.waitFor("Propose an open-space topic")
	f.burst("Topic B\rWhat to say\rwasm\r")
	f.waitForBurst("✓ proposed “Topic B”")
	topics, _ := f.camp.Camp.Topics(t.Context())
	for _, tp := range topics {
		if tp.Title == "Topic B" {
			if tp.Description != "What to say" || len(tp.Tags) != 1 || tp.Tags[0] != "wasm" {
				t.Errorf("the topic has %q and tags %q; want “What to say” and [wasm]", tp.Description, tp.Tags)
			}
			return
		}
	}
	t.Errorf("no topic “Topic B” in %+v", topics)
}

func TestTypeaheadAddNote(t *testing.T) {
	f := startFlow(t, attendee)
	f.keys("4")
	f.waitFor("Notes on the talk “Cython 3 and the free-threaded interpreter”")
	f.keys("n")
	f.waitFor("Add a note to")
	f.burst("Note B\r\rj") // the note, published (as offered), then "j" for the view: the next talk's notes
	f.waitForBurst("✓ note added")
	f.waitFor("Notes on the talk “Codon for bioinformatics pipelines”")
	notes, _ := f.camp.Camp.Notes(t.Context(), schedule.Target{Kind: "talk", ID: f.camp.LiveTalk})
	for _, n := range notes {
		if n.Text == "Note B" {
			return
		}
	}
	t.Errorf("no note “Note B” on the live talk: %+v", notes)
}

func TestTypeaheadEditNote(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("4")
	f.waitFor("Notes on the talk “Cython 3 and the free-threaded interpreter”")
	f.keys("right") // Mei's note, at revision 2
	f.waitForLine("›", "Mei Chen · revision 2")
	f.keys("e")
	f.waitFor("Edit note", "saves over revision 2")
	f.burst(" B\rj") // the edit, then "j" for the view: the next entry
	f.waitForBurst("✓ note saved")
	f.waitForLine("›", "Tomás Ortega · revision 1")
	notes, _ := f.camp.Camp.Notes(t.Context(), schedule.Target{Kind: "talk", ID: f.camp.LiveTalk})
	for _, n := range notes {
		if n.ID == f.camp.MeisNote && n.Text != "Questions to follow up in the open space:\n- thread-safety of module state\n- wheels for 3.14t B" {
			t.Errorf("the note reads %q", n.Text)
		}
	}
}

func TestTypeaheadReport(t *testing.T) {
	f := startFlow(t, attendee)
	f.keys("4")
	f.waitFor("Notes on the talk “Cython 3 and the free-threaded interpreter”")
	f.keys("r")
	f.waitFor("Experience report on")
	f.burst("Proj B\rhttps://example.org/b\r\r3.1\r\r1.8\rLearnt B\r")
	f.waitForBurst("✓ experience report added")
	reports, _ := f.camp.Camp.Reports(t.Context(), schedule.Target{Kind: "talk", ID: f.camp.LiveTalk})
	for _, r := range reports {
		if r.Project == "Proj B" {
			if r.ProjectURL != "https://example.org/b" || r.ToolVersion != "3.1" || r.Speedup != 1.8 || r.Learnt != "Learnt B" {
				t.Errorf("the report is %+v", r)
			}
			return
		}
	}
	t.Errorf("no report “Proj B”: %+v", reports)
}

func TestTypeaheadBan(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("5", "j")
	f.waitForLine("›", "Amara Okafor")
	f.keys("B")
	f.waitFor("Ban Amara Okafor?")
	f.burst("y←")
	f.waitForBurst("banned")
}

func TestTypeaheadAnnounce(t *testing.T) {
	org := startFlow(t, organiser)
	org.keys("6", "n")
	org.waitFor("Broadcast an announcement")
	org.burst("Talks resume at 10:15\r\ry") // the text, the expiry as offered, then yes
	org.waitForBurst("✓ announcement broadcast")
	org.waitForLine("10:02", "Ada Organiser: Talks resume at 10:15")
}

// talkTitled reads the talk with this title from the fake store.
func (f *flow) talkTitled(title string) schedule.Talk {
	f.t.Helper()
	ts, _ := f.camp.Camp.Talks(f.t.Context(), schedule.TalkFilter{})
	for _, t := range ts {
		if t.Title == title {
			return t
		}
	}
	f.t.Fatalf("no talk titled %q", title)
	return schedule.Talk{}
}
