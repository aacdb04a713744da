package tui_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/lightningcamp/camp/schedule"
)

// topicByTitle finds a seeded topic.
func topicByTitle(t *testing.T, c *realCamp, title string) schedule.Topic {
	t.Helper()
	ts, err := c.Camp.Topics(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, tp := range ts {
		if tp.Title == title {
			return tp
		}
	}
	t.Fatalf("no topic %q", title)
	return schedule.Topic{}
}

const whichCompiler = "Which compiler for which workload? Reports for compilepython.com"

func describe(t *testing.T, c *realCamp, title, desc string) {
	t.Helper()
	tp := topicByTitle(t, c, title)
	if _, err := c.Camp.ChangeTopic(t.Context(), c.Organiser, tp.ID, schedule.TopicChange{Description: &desc}); err != nil {
		t.Fatal(err)
	}
}

// Issue 13 item 8, issue 14 item 5: enter on a topic shows all of it, for
// every role: the full title, leader, votes, tags, slot, room, the room's
// join link and the description. Golden at 80x24.
func TestBoardDetailPane(t *testing.T) {
	c := newCamp(t)
	describe(t, c, whichCompiler, "Bring numbers: which of Cython, mypyc, Numba, Nuitka and PyPy won on your workload, and why. We write the reports up together for compilepython.com.")
	for name, actor := range map[string]schedule.Actor{"organiser": c.Organiser, "attendee": c.Attendee} {
		t.Run(name, func(t *testing.T) {
			m := settled(t, c, actor, 80, 24)
			press(m, key("3"), key("f"), key("enter"))
			settle(m)
			got := frame(m)
			for _, want := range []string{whichCompiler[:40], "compilepython.com", "Led by Priya Raman", "Tags: #compilepython",
				"Room: Room 1 - compilepython.com", "Open space I slot 1", "Join: https://zoom.us/j/0000000000", "which of Cython", "esc back"} {
				if !strings.Contains(got, want) {
					t.Errorf("the detail pane lacks %q:\n%s", want, got)
				}
			}
			golden.RequireEqual(t, got)
			press(m, key("esc"))
			if got := frame(m); !strings.Contains(got, "Unplaced topics") {
				t.Errorf("esc did not go back to the board:\n%s", got)
			}
		})
	}
}

// Before: enter did nothing for attendees, and started "Placing…" for the
// organiser while the help said "enter open".
func TestFlowEnterOpensATopicForEveryRole(t *testing.T) {
	for name, actor := range map[string]func(*realCamp) schedule.Actor{"organiser": organiser, "attendee": attendee} {
		t.Run(name, func(t *testing.T) {
			f := startFlow(t, actor)
			f.keys("3")
			f.waitForLine("›", "Type hints as compiler input")
			f.keys("enter")
			f.waitFor("Topic ", "Led by Amara Okafor", "Not on the board yet", "esc back")
			if strings.Contains(f.rec.frame(), "Placing") {
				t.Errorf("enter started placing:\n%s", f.rec.frame())
			}
		})
	}
}

// Issue 13 item 8: the organiser tags an untagged topic compilepython from
// the console and places it in the reserved track; the cursor stays on the
// cell it went into.
func TestFlowOrganiserTagsATopicIntoTheReservedTrack(t *testing.T) {
	f := startFlow(t, organiser)
	f.keys("3")
	f.waitForLine("›", "Type hints as compiler input")
	f.keys("p", "j") // Room 1 (reserved), slot 2
	f.waitFor(`reserved for topics tagged "compilepython"`)
	f.keys("esc")
	f.waitFor("placing cancelled")
	f.waitForLine("›", "Type hints as compiler input") // back on the list
	f.keys("e")
	f.waitFor("Edit topic")
	f.burst("\x15Type hints as compiler input\rcompilepython hints\r")
	f.waitFor("changed: “Type hints as compiler input”")
	f.waitForLine("Type hints as compiler input", "#compilepython #hints")
	f.keys("p")
	f.waitFor("Placing “Type hints as compiler input”")
	f.keys("j")
	f.waitFor("✓ this cell is free")
	f.keys("enter")
	f.waitFor("placed in Room 1 - compilepython.com, slot 2")
	if tp := topicByTitle(t, f.camp, "Type hints as compiler input"); tp.Track != "a" || tp.Slot != "eu-openspace-1/2" {
		t.Errorf("stored as %s %s", tp.Track, tp.Slot)
	}
	f.waitForLine("#2", "› Type hints as")
}

// Issue 14 item 14: one "›" on the Open space screen; the pane without
// focus marks its cursor with another shape.
func TestBoardShowsOneCursor(t *testing.T) {
	c := newCamp(t)
	m := settled(t, c, c.Organiser, 80, 24)
	press(m, key("3"))
	for _, keys := range [][]string{{}, {"f"}} {
		for _, k := range keys {
			press(m, key(k))
		}
		if n := strings.Count(frame(m), "›"); n != 1 {
			t.Errorf("after %v: %d cursors:\n%s", keys, n, frame(m))
		}
	}
}

// Issue 13 item 8: at 80 columns room headers and the reserved-track
// refusal are read whole, wrapped rather than cut.
func TestBoardReadableAt80Columns(t *testing.T) {
	c := newCamp(t)
	m := settled(t, c, c.Organiser, 80, 24)
	press(m, key("3"), key("p"), key("j"))
	got := frame(m)
	for _, want := range []string{"compilepython.com", "[compilepython only]", `reserved for topics tagged`, `"compilepython"`} {
		if !strings.Contains(got, want) {
			t.Errorf("80 columns lose %q:\n%s", want, got)
		}
	}
}

// Issue 13 item 11: / searches the unplaced topics by title, leader or tag.
func TestFlowSlashSearchesTopics(t *testing.T) {
	f := startFlow(t, attendee)
	f.keys("3", "/")
	f.waitFor("Search: █")
	f.burst("compilepython")
	f.waitForLine("›", "mypyc vs Cython")
	f.waitFor("Unplaced topics, by votes (✓ yours) · 1")
	f.keys("enter")
	f.waitFor("Search: “compilepython”")
	f.keys("esc")
	f.waitFor("Unplaced topics, by votes (✓ yours) · 5")
}
