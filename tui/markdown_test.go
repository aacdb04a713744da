package tui_test

import (
	"strings"
	"testing"
	"time"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui"
)

// TestHostileAbstractNeverBlocksTheSession is issue 12 item 1 as the
// organiser met it: opening a talk whose abstract nests 80 quotes took
// seconds per keypress, for minutes. Update and View must answer at once,
// showing the abstract as plain text until its render arrives.
func TestHostileAbstractNeverBlocksTheSession(t *testing.T) {
	c := newCamp(t)
	abstract := strings.Repeat(">", 80) + "x marks the spot"
	if _, err := c.Camp.ProposeTalk(t.Context(), c.Attendee, schedule.TalkProposal{Minutes: 5, Title: "Nested quotes", Abstract: abstract}); err != nil {
		t.Fatal(err)
	}
	opts := plainOptions(c, 80, 24)
	opts.MarkdownStyle = "dark" // the organiser's console: costlier than ascii
	m := tui.New(c.Deps(), c.Organiser, opts)
	settle(m)
	start := time.Now()
	press(m, key("2"))
	var seen bool
	for range 12 {
		if strings.Contains(frame(m), "Nested quotes") && strings.Contains(frame(m), "x marks the spot") {
			seen = true
			break
		}
		press(m, key("up"))
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("opening the talk took %v; the session must not render on its event loop", took)
	}
	if !seen {
		t.Fatalf("the talk's abstract is not shown, even as plain text:\n%s", frame(m))
	}
	if !strings.Contains(frame(m), strings.Repeat(">", 80)) {
		t.Errorf("before its render arrives the abstract shows as plain text:\n%s", frame(m))
	}
	m.Update(m.RenderMarkdown()())
	if f := frame(m); strings.Contains(f, strings.Repeat(">", 80)) || !strings.Contains(f, "x marks the spot") {
		t.Errorf("the rendered abstract is not shown:\n%s", f)
	}
}
