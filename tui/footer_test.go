package tui_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/lightningcamp/camp/schedule"
)

// Issue 13 item 11, issue 14 item 14: at 80 columns each view's footer
// shows the keys for what the cursor is on, most useful first, every key
// whole, and always "? all keys". Golden: the footers of every view at
// 80x24 (testdata/TestFootersAt80Columns.golden).
func TestFootersAt80Columns(t *testing.T) {
	c := newCamp(t)
	cases := []struct {
		name  string
		keys  []string
		actor schedule.Actor
		want  []string
	}{
		{"now", []string{"1"}, c.Organiser, []string{"f finish"}},
		{"talks, on the live talk", []string{"2"}, c.Organiser, []string{"f finish", "+ extend", "x skip"}},
		{"talks, on an approved talk", []string{"2", "j"}, c.Organiser, []string{"s start", "K move up"}},
		{"talks, on a proposed talk", []string{"2", "g"}, c.Organiser, []string{"a approve", "r reject"}},
		{"open space", []string{"3"}, c.Organiser, []string{"enter open topic", "v vote", "p place"}},
		{"open space, placing", []string{"3", "p"}, c.Organiser, []string{"p/enter place here", "esc cancel"}},
		{"notes", []string{"4"}, c.Organiser, []string{"n new"}},
		{"people", []string{"5"}, c.Organiser, []string{"m mute"}},
		{"announce", []string{"6"}, c.Organiser, []string{"n new", "x clear", "e edit"}},
		{"attendee now", []string{"1"}, c.Attendee, []string{"1-4/tab views"}},
		{"attendee talks", []string{"2"}, c.Attendee, []string{"n new", "/ search"}},
		{"attendee open space", []string{"3"}, c.Attendee, []string{"enter open topic", "v vote"}},
		{"help", []string{"?"}, c.Organiser, []string{"? close help"}},
	}
	var all strings.Builder
	for _, tc := range cases {
		m := settled(t, c, tc.actor, 80, 24)
		for _, k := range tc.keys {
			press(m, key(k))
		}
		rows := strings.Split(frame(m), "\n")
		footer := rows[len(rows)-1]
		fmt.Fprintf(&all, "%-28s %s\n", tc.name+":", footer)
		if tc.name != "help" && !strings.HasSuffix(footer, "? all keys • q quit") {
			t.Errorf("%s: the footer lost ? or q: %q", tc.name, footer)
		}
		if strings.Contains(footer, "…") {
			t.Errorf("%s: a key is cut: %q", tc.name, footer)
		}
		for _, w := range tc.want {
			if !strings.Contains(footer, w) {
				t.Errorf("%s: the footer lacks %q: %q", tc.name, w, footer)
			}
		}
	}
	golden.RequireEqual(t, all.String())
}

// Issue 13 item 11: / searches titles and speakers' names; the filter
// moved to F, and the empty list says so.
func TestFlowSlashSearchesTalks(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("2")
	f.waitFor("filter: queue")
	f.keys("/")
	f.waitFor("Search: █")
	f.burst("amara q2") // q and 2 are text here: no quitting, no other view
	f.waitFor("Search: amara q2█", "no talks here")
	f.keys("backspace", "backspace", "backspace")
	f.waitForLine("Amara Okafor", "Nuitka")
	if strings.Contains(f.rec.frame(), "Codon for bioinformatics") {
		t.Errorf("the search kept other talks:\n%s", f.rec.frame())
	}
	f.keys("enter")
	f.waitFor("Search: “amara”", "esc clears")
	f.keys("esc")
	f.waitFor("Codon for bioinformatics", "Nuitka")
	f.keys("F")
	f.waitFor("filter: proposed")
}

// Issue 13 item 13, issue 14 item 8: esc (or ctrl+c) on a note with text
// asks, and keeping the draft brings it back when the form is opened
// again; before, the note was thrown away with "✓ cancelled".
func TestFlowEscOnANoteKeepsTheDraft(t *testing.T) {
	f := startFlow(t, attendee)
	f.keys("4", "n")
	f.waitFor("Add a note to")
	f.burst("Half a thought about free-threading")
	f.waitFor("Half a thought about free-threading")
	f.keys("esc")
	f.waitFor("You have typed something", "> [k] Keep the draft", "[d] Discard", "k/enter keep the draft")
	f.keys("k")
	f.waitFor("draft kept")
	f.keys("n")
	f.waitFor("Add a note to", "Half a thought about free-threading", "your draft is back")
	f.keys("ctrl+c")
	f.waitFor("You have typed something")
	f.keys("esc")
	f.waitUntil("the form back", func(s string) bool { return !strings.Contains(s, "You have typed something") })
	f.keys("ctrl+c", "d")
	f.waitFor("draft discarded")
	f.keys("n")
	f.waitFor("Add a note to")
	if strings.Contains(f.rec.frame(), "Half a thought") {
		t.Errorf("the discarded draft came back:\n%s", f.rec.frame())
	}
	f.keys("esc")
	f.waitFor("form closed; nothing was typed")
}

// Issue 14 item 4: the note form says what is published, where and under
// which name, and a note can be kept private (out of the export).
func TestFlowANoteCanBeKeptPrivate(t *testing.T) {
	f := startFlow(t, attendee)
	f.keys("4", "n")
	f.waitFor("Add a note to", "publish it on compilepython.com under your display name “Priya Raman”", "keep it private")
	f.burst("only for me\r")
	f.waitFor("> publish it")
	f.keys("down", "enter")
	f.waitFor("private note added; it stays out of the export")
	f.waitFor("[private: not exported]")
	notes, _ := f.camp.Camp.Notes(t.Context(), schedule.Target{Kind: "talk", ID: f.camp.LiveTalk})
	for _, n := range notes {
		if n.Text == "only for me" && n.Private {
			return
		}
	}
	t.Errorf("no private note in %+v", notes)
}
