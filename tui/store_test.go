package tui_test

import (
	"context"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store"
	"github.com/lightningcamp/camp/store/storetest"
	"github.com/lightningcamp/camp/tui"
)

// The real SQLite camp offers everything the console consumes.
var (
	_ tui.People        = (*store.Camp)(nil)
	_ tui.Talks         = (*store.Camp)(nil)
	_ tui.Topics        = (*store.Camp)(nil)
	_ tui.Notes         = (*store.Camp)(nil)
	_ tui.Timers        = (*store.Camp)(nil)
	_ tui.Announcements = (*store.Camp)(nil)
	_ schedule.Feed     = (*store.Camp)(nil)
)

// TestConsoleOnTheRealStore runs the organiser's console on a SQLite camp:
// approve and start a talk from the keyboard, and see a topic proposed
// from another session appear through the store's feed.
func TestConsoleOnTheRealStore(t *testing.T) {
	clock := schedule.NewManualClock(storetest.SeedNow)
	camp := storetest.MustOpenCamp(t, nil, clock)
	org := storetest.MustJoin(t, camp, "Ada", true)
	att := storetest.MustJoin(t, camp, "Priya", false)
	talk := storetest.MustProposeTalk(t, camp, att, "Numba on a shoestring")

	m := tui.New(tui.Deps{Event: camp.Event(), Clock: clock, Feed: camp,
		People: camp, Talks: camp, Topics: camp, Notes: camp, Timers: camp, Announcements: camp,
	}, org, tui.Options{Width: 100, Height: 30, Profile: colorprofile.NoTTY, MarkdownStyle: "ascii"})
	rec := &recorder{Model: m}
	tm := teatest.NewTestModel(t, rec, teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ASCII)))
	f := &flow{t: t, tm: tm, rec: rec}
	t.Cleanup(func() {
		_ = tm.Quit()
		tm.WaitFinished(t, teatest.WithFinalTimeout(3*time.Second))
		m.Close()
	})

	f.keys("2")
	f.waitFor("[2 Talks]")
	f.waitForLine("proposed", "Priya", "Numba on a shoestring")
	f.keys("a", "s") // typed quickly: start acts on the approval just made
	f.waitForLine("LIVE", "Priya", "Numba on a shoestring")
	f.waitFor("LIVE 5:00 left")
	if got, err := camp.Talk(context.Background(), talk.ID); err != nil || got.Status != schedule.TalkLive {
		t.Errorf("the store has the talk %s (%v), want live", got.Status, err)
	}

	f.keys("3")
	if _, err := camp.ProposeTopic(context.Background(), att, schedule.TopicProposal{Title: "Profiling before compiling"}); err != nil {
		t.Fatal(err)
	}
	f.waitForLine("0 votes", "Profiling before compiling — Priya")
}
