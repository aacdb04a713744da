package tui_test

import (
	"context"
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/charmbracelet/x/ansi"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/tuitest"
)

// TestEveryViewFitsEverySize resizes every view through sizes from tiny to
// huge: each frame must be exactly the terminal's height and no line wider
// than it, or the terminal would scroll and leave debris.
func TestEveryViewFitsEverySize(t *testing.T) {
	c := newCamp(t)
	m := settled(t, c, c.Organiser, 80, 24)
	for _, v := range []string{"1", "2", "3", "4", "5", "6", "?"} {
		press(m, key(v))
		settle(m)
		for _, s := range [][2]int{{20, 8}, {40, 12}, {80, 24}, {100, 30}, {160, 48}, {250, 70}, {80, 24}} {
			m.Update(tea.WindowSizeMsg{Width: s[0], Height: s[1]})
			f := frame(m)
			rows := strings.Split(f, "\n")
			if len(rows) != s[1] {
				t.Errorf("view %s at %dx%d: %d lines", v, s[0], s[1], len(rows))
			}
			for i, r := range rows {
				if w := lipgloss.Width(r); w > s[0] {
					t.Errorf("view %s at %dx%d: line %d is %d wide: %q", v, s[0], s[1], i, w, r)
				}
			}
		}
		if v == "?" {
			press(m, key("?"))
		}
	}
}

// TestHostileTextIsCleaned puts terminal escapes and bidi tricks into a
// talk's title and a person's name: no view may pass them to the terminal.
func TestHostileTextIsCleaned(t *testing.T) {
	c := newCamp(t)
	// The store cleans text as it is written; this text was written around
	// it (another tool, an old database), so the rows come from doubles.
	evil := schedule.Person{ID: 9999, Name: "Eve\x1b]52;c;cm0gLXJmIH4=\x07\u202e", Role: schedule.RoleAttendee}
	c.deps.People = tuitest.WithPeople(c.Camp, func(ctx context.Context) ([]schedule.Person, error) {
		ps, err := c.Camp.People(ctx)
		return append(ps, evil), err
	})
	c.deps.Talks = tuitest.WithTalks(c.Camp, func(ctx context.Context, f schedule.TalkFilter) ([]schedule.Talk, error) {
		ts, err := c.Camp.Talks(ctx, f)
		return append(ts, schedule.Talk{ID: 9999, SpeakerID: evil.ID, Speaker: evil.Name, Block: "eu-talks", Position: 7,
			Status: schedule.TalkApproved, Minutes: 5, Title: "Clear\x1b[2J\x1b[Hscreen\rOVERWRITE",
			Abstract: "\x1b]8;;https://evil.example\x07click\x1b]8;;\x07"}), err
	})
	c.deps.Presence = tuitest.Online{evil.ID, c.Organiser.PersonID}
	m := settled(t, c, c.Organiser, 160, 48)
	for _, v := range []string{"1", "2", "3", "4", "5"} {
		press(m, key(v))
		settle(m)
		content := m.View().Content
		if v == "2" && !strings.Contains(content, "OVERWRITE") {
			t.Errorf("the hostile talk is not on the Talks view:\n%s", ansi.Strip(content))
		}
		for _, bad := range []string{"]52;", "\x1b[2J", "\r", "\u202e", "evil.example"} {
			if strings.Contains(content, bad) {
				t.Errorf("view %s passes %q to the terminal", v, bad)
			}
		}
	}
}

func TestAttendeesSeeNoOrganiserActions(t *testing.T) {
	c := newCamp(t)
	m := settled(t, c, c.Attendee, 100, 30)
	press(m, key("2"))
	for _, hidden := range []string{"5 People", "6 Announce", "a approve", "r reject", "planned"} {
		if strings.Contains(frame(m), hidden) {
			t.Errorf("an attendee sees %q", hidden)
		}
	}
	if strings.Contains(frame(m), "Rewrite it all in Rust") || strings.Contains(frame(m), "PyPy for web") {
		t.Error("an attendee sees other people's proposals or rejected talks")
	}
	press(m, key("5"), key("6"))
	if !strings.Contains(frame(m), "[2 Talks]") {
		t.Error("an attendee opened an organiser view")
	}
	_, cmd := m.Update(key("f")) // finish: an organiser key
	if cmd != nil {
		if msg := cmd(); msg != nil {
			t.Errorf("an attendee's organiser key made a command: %T", msg)
		}
	}
}

// TestPaletteIsNeverTheOnlySignal renders on a dark and a light background:
// with the colours stripped, the two screens must read the same.
func TestPaletteIsNeverTheOnlySignal(t *testing.T) {
	c := newCamp(t)
	for _, v := range []string{"1", "2", "3", "4", "5"} {
		dark := settled(t, c, c.Organiser, 100, 30)
		light := settled(t, c, c.Organiser, 100, 30)
		dark.Update(tea.BackgroundColorMsg{Color: color.Black})
		light.Update(tea.BackgroundColorMsg{Color: color.White})
		press(dark, key(v))
		press(light, key(v))
		settle(dark)
		settle(light)
		if d, l := frame(dark), frame(light); d != l {
			t.Errorf("view %s reads differently on a light background:\n%s\n---\n%s", v, d, l)
		}
		if dark.View().Content == light.View().Content {
			t.Errorf("view %s: the light palette changed nothing", v)
		}
	}
}
