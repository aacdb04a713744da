package tui_test

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/lightningcamp/camp/schedule"
)

// Issue 14, item 10: a title very close to the person's own talk, or to an
// existing topic, asks before it spends a proposal or splits the dots.

// talksTitled counts the attendee's talks titled title in the store.
func talksTitled(f *flow, title string) int {
	f.t.Helper()
	ts, err := f.camp.Camp.Talks(f.t.Context(), schedule.TalkFilter{})
	if err != nil {
		f.t.Fatal(err)
	}
	n := 0
	for _, t := range ts {
		if t.SpeakerID == f.camp.Attendee.PersonID && t.Title == title {
			n++
		}
	}
	return n
}

// topicsTitled counts the topics titled title in the store.
func topicsTitled(f *flow, title string) int {
	f.t.Helper()
	ts, err := f.camp.Camp.Topics(f.t.Context())
	if err != nil {
		f.t.Fatal(err)
	}
	n := 0
	for _, t := range ts {
		if t.Title == title {
			n++
		}
	}
	return n
}

// proposeShedSkinAgain types Priya's own "Shed Skin revisited" again, in
// other case, and submits the talk form.
func proposeShedSkinAgain(f *flow) {
	f.keys("2", "n")
	f.waitLong("Propose a lightning talk")
	f.burst("shed skin, revisited\r\r\r\r\r\r") // title; minutes, abstract, links, tools, sessions as they are
	f.waitForBurst("You already proposed a talk like this: #", "“Shed Skin revisited”", "[x] Back to my draft", "[ ] Propose anyway")
}

func TestFlowDuplicateTalkProposedAnyway(t *testing.T) {
	f := startFlow(t, attendee)
	proposeShedSkinAgain(f)
	if n := talksTitled(f, "shed skin, revisited"); n != 0 {
		t.Fatalf("asking created %d talks", n)
	}
	f.keys("left")
	f.waitLong("[x] Propose anyway", "[ ] Back to my draft")
	f.keys("enter")
	f.waitLong("✓ proposed “shed skin, revisited”")
	if n := talksTitled(f, "shed skin, revisited"); n != 1 {
		t.Errorf("proposing anyway created %d talks, want 1", n)
	}
}

func TestFlowDuplicateTalkKeepsTheDraft(t *testing.T) {
	f := startFlow(t, attendee)
	proposeShedSkinAgain(f)
	f.keys("enter") // the default: back to my draft
	f.waitLong("Propose a lightning talk", "shed skin, revisited")
	if n := talksTitled(f, "shed skin, revisited"); n != 0 {
		t.Errorf("going back created %d talks", n)
	}
	f.keys("esc") // typed into: leaving asks
	f.waitLong("Leave “Propose a lightning talk”?")
	f.keys("k")
	f.waitLong("draft kept")
	f.keys("n")
	f.waitLong("your draft is back", "shed skin, revisited")
	// Esc on the question is "no" as well.
	f.burst("\r\r\r\r\r\r")
	f.waitForBurst("You already proposed a talk like this")
	f.keys("esc")
	f.waitLong("Propose a lightning talk", "shed skin, revisited")
	if n := talksTitled(f, "shed skin, revisited"); n != 0 {
		t.Errorf("esc on the question created %d talks", n)
	}
}

// proposeWheelsAgain types Tomás's topic with one letter less.
func proposeWheelsAgain(f *flow) {
	f.keys("3")
	f.waitLong("Join: slot 1 → Room 1 - compilepython.com")
	f.keys("n")
	f.waitLong("Propose an open-space topic")
	f.typeText("Packaging compiled wheel")
	f.keys("enter", "enter", "enter")
	f.waitForBurst("A topic like this exists: #", "“Packaging compiled wheels” by Tomás Ortega",
		"[x] Show #", "[ ] Propose mine anyway")
}

func TestFlowDuplicateTopicProposedAnyway(t *testing.T) {
	f := startFlow(t, attendee)
	proposeWheelsAgain(f)
	if n := topicsTitled(f, "Packaging compiled wheel"); n != 0 {
		t.Fatalf("asking created %d topics", n)
	}
	f.keys("left", "enter")
	f.waitLong("✓ proposed “Packaging compiled wheel”")
	if n := topicsTitled(f, "Packaging compiled wheel"); n != 1 {
		t.Errorf("proposing anyway created %d topics, want 1", n)
	}
}

func TestFlowDuplicateTopicShowsTheOneThatExists(t *testing.T) {
	f := startFlow(t, attendee)
	proposeWheelsAgain(f)
	f.keys("enter") // the default: show it, keep my draft
	f.waitLong("draft kept", "Packaging compiled wheels")
	if n := topicsTitled(f, "Packaging compiled wheel"); n != 0 {
		t.Errorf("not proposing created %d topics", n)
	}
	f.keys("esc", "n") // leave the topic shown, open the form again
	f.waitLong("your draft is back", "Packaging compiled wheel")
}

// Organisers are not refused by the store (as with the quota), so they
// are not asked.
func TestFlowOrganiserIsNotAskedAboutDuplicates(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("3", "n")
	f.waitLong("Propose an open-space topic")
	f.typeText("Packaging compiled wheel")
	f.keys("enter", "enter", "enter")
	f.waitLong("✓ proposed “Packaging compiled wheel”")
}

// The topic question at 80x24 as NO_COLOR sees it: the chosen button is
// told by [x], the existing topic named with its leader.
func TestFlowDuplicateTopicQuestionWithoutColour(t *testing.T) {
	f := startFlowSized(t, newRealCamp(t), attendee, 80, 24)
	proposeWheelsAgain(f)
	golden.RequireEqual(t, f.rec.frame())
}

// Proposing anyway can still be refused (here: the quota of three talks,
// reached meanwhile from another session); what was typed is kept.
func TestFlowRefusedProposalKeepsTheDraft(t *testing.T) {
	f := startFlow(t, attendee)
	proposeShedSkinAgain(f)
	if _, err := f.camp.Camp.ProposeTalk(t.Context(), f.camp.Attendee, schedule.TalkProposal{Title: "Cython from the shell", Minutes: 5}); err != nil {
		t.Fatal(err)
	}
	f.keys("left", "enter")
	f.waitLong("your draft is kept, n brings it back: you already have 3 talk proposals")
	f.keys("n")
	f.waitLong("your draft is back", "shed skin, revisited")
	if n := talksTitled(f, "shed skin, revisited"); n != 0 {
		t.Errorf("a refused proposal created %d talks", n)
	}
}

// waitLong is waitFor with the burst's bound: these flows switch views
// and forms many times, each drawn slowly under -race on a busy machine.
func (f *flow) waitLong(want ...string) {
	f.t.Helper()
	f.waitForBurst(want...)
}
