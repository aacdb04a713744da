package tui_test

import (
	"strings"
	"testing"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// TestTypingIntoATextAreaStopsAtTheLimit is issue 12 item 5: 10 KB typed
// key by key into a text area cost ~95 CPU-seconds, because the area grew
// without a limit and every key rewrapped all of it. The abstract now stops
// at the store's cap, so the form moves on instead of refusing it.
func TestTypingIntoATextAreaStopsAtTheLimit(t *testing.T) {
	f := startFlow(t, attendee)
	limit := f.camp.Camp.Event().Limits.AbstractMax
	f.keys("2", "n")
	f.waitFor("Propose a lightning talk")
	f.typeText("Typing fast")
	f.keys("enter", "enter")
	f.waitForLine("┃ Abstract (Markdown)")
	burst := 1024 // ×10 bytes: 10 KB, one key at a time
	if raceOn {
		burst = limit/10 + 50 // still past the limit, in minutes less
	}
	start := time.Now()
	f.typeText(strings.Repeat("abcdefghi ", burst))
	f.keys("enter")
	f.waitFor("Links")
	took := time.Since(start)
	t.Logf("%d bytes typed into the abstract in %v", 10*burst, took)
	if !raceOn && took > 10*time.Second { // generous: 71 s with the cap alone, minutes before
		t.Errorf("10 KB typed into the abstract took %v", took)
	}
	f.keys("enter", "enter", "enter")
	f.waitFor("✓ proposed “Typing fast”")
	talks, _ := f.camp.Camp.Talks(t.Context(), schedule.TalkFilter{})
	for _, talk := range talks {
		if talk.Title == "Typing fast" {
			// The form stops at the limit; the store then trims the space
			// the cut ends on ("abcdefghi " x 200 is 2000 characters).
			want := strings.TrimSpace(strings.Repeat("abcdefghi ", burst)[:limit])
			if talk.Abstract != want {
				t.Errorf("the abstract stored has %d characters; want the %d typed up to the limit", len([]rune(talk.Abstract)), len(want))
			}
			return
		}
	}
	t.Fatal("the talk was not proposed")
}
