package tui_test

import (
	"testing"

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
	f.waitFor("Propose a lightning talk")
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
	f.waitFor("[x] Propose anyway", "[ ] Back to my draft")
	f.keys("enter")
	f.waitFor("✓ proposed “shed skin, revisited”")
	if n := talksTitled(f, "shed skin, revisited"); n != 1 {
		t.Errorf("proposing anyway created %d talks, want 1", n)
	}
}

func TestFlowDuplicateTalkKeepsTheDraft(t *testing.T) {
	f := startFlow(t, attendee)
	proposeShedSkinAgain(f)
	f.keys("enter") // the default: back to my draft
	f.waitFor("Propose a lightning talk", "shed skin, revisited")
	if n := talksTitled(f, "shed skin, revisited"); n != 0 {
		t.Errorf("going back created %d talks", n)
	}
	f.keys("esc") // typed into: leaving asks
	f.waitFor("Leave “Propose a lightning talk”?")
	f.keys("k")
	f.waitFor("draft kept")
	f.keys("n")
	f.waitFor("your draft is back", "shed skin, revisited")
	// Esc on the question is "no" as well.
	f.burst("\r\r\r\r\r\r")
	f.waitForBurst("You already proposed a talk like this")
	f.keys("esc")
	f.waitFor("Propose a lightning talk", "shed skin, revisited")
	if n := talksTitled(f, "shed skin, revisited"); n != 0 {
		t.Errorf("esc on the question created %d talks", n)
	}
}
