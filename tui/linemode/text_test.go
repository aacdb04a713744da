package linemode_test

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store/storetest"
	"github.com/lightningcamp/camp/tui/linemode"
)

func at(h, m int) linemode.Stamp { return linemode.Stamp(time.Date(2026, 3, 28, h, m, 0, 0, time.UTC)) }

// TestTextSaysEachEventAsOneLine: the lines a listener hears, in their
// zone, for the events that are not obvious from the end-to-end test.
func TestTextSaysEachEventAsOneLine(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	for _, c := range []struct {
		ev   linemode.Event
		want string
	}{
		{linemode.Event{Type: linemode.TypeSlotStarted, Time: at(11, 0), Slot: &linemode.Slot{Index: 1, End: at(11, 45), Rooms: []linemode.Room{
			{RoomName: "Room 2", TopicID: 4, Topic: "Free-threading", Leader: "Mei Chen", JoinLink: "https://zoom.us/j/2"},
			{RoomName: "Room 3"}}}},
			`07:00 EDT  Open-space slot 1 starts, until 07:45. Room 2: "Free-threading" led by Mei Chen, join https://zoom.us/j/2.`},
		{linemode.Event{Type: linemode.TypeTopicPlaced, Time: at(10, 5), Mine: true, Topic: &linemode.Topic{Title: "Wheels", Leader: "Tomás", RoomName: "Room 3", Start: at(11, 45), JoinLink: "https://zoom.us/j/0"}},
			`06:05 EDT  Yours or voted for. Topic placed: "Wheels" led by Tomás, in Room 3 at 07:45. Join: https://zoom.us/j/0`},
		{linemode.Event{Type: linemode.TypeOverTime, Time: at(10, 9), Mine: true, Timer: &linemode.Timer{Ref: "talk:3", Speaker: "Mei Chen", RemainingSeconds: -130}},
			`06:09 EDT  Your talk. Over time by 2 minutes: Mei Chen.`},
		{linemode.Event{Type: linemode.TypeGap, Time: at(10, 7), Gap: &linemode.Gap{Missed: 12, From: at(10, 5), To: at(10, 6)}},
			`06:07 EDT  You missed 12 events between 06:05 and 06:06: your connection read too slowly. Type now for the state of the day.`},
		{linemode.Event{Type: linemode.TypeAnnouncement, Time: at(10, 7), Announcement: &linemode.Announcement{Author: "Ada", Text: "Lunch\n\x1b[31mnow\x1b[0m"}},
			`06:07 EDT  Announcement from Ada: Lunch / now`},
		{linemode.Event{Type: linemode.TypeTopicChanged, Time: at(10, 7), Topic: &linemode.Topic{Title: "x"}}, ""},
		{linemode.Event{Type: linemode.TypeTimerStarted, Time: at(10, 7), Timer: &linemode.Timer{Ref: "talk:3"}}, ""},
	} {
		if got := linemode.Text(c.ev, ny); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.ev.Type, got, c.want)
		}
	}
}

// TestChatRoomsUseEachRoomsOwnLink: a room with its own meeting link
// shows it; the others show the event's Zoom (Event.JoinLink).
func TestChatRoomsUseEachRoomsOwnLink(t *testing.T) {
	ev := storetest.Example(t)
	for i := range ev.Rooms {
		if ev.Rooms[i].ID == "room-2" {
			ev.Rooms[i].Link = "https://meet.example.org/room-2"
		}
	}
	topics := []schedule.Topic{{ID: 7, Title: "Free-threading", Leader: "Mei Chen", Status: schedule.TopicPlaced, Track: "b", Slot: "eu-openspace-1/1"}}
	got := strings.Join(linemode.ChatRooms(ev, time.Date(2026, 3, 28, 11, 10, 0, 0, time.UTC), topics), "\n")
	for _, want := range []string{
		`Room 2: "Free-threading", led by Mei Chen. Join: https://meet.example.org/room-2`,
		"Room 3: no topic yet. Join: https://zoom.us/j/0000000000",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}

// flakyTalks fails the next reads of the talks it is told to.
type flakyTalks struct {
	linemode.Source
	fail atomic.Int32
}

func (f *flakyTalks) Talks(ctx context.Context, flt schedule.TalkFilter) ([]schedule.Talk, error) {
	if f.fail.Add(-1) >= 0 {
		return nil, errors.New("database is locked")
	}
	return f.Source.Talks(ctx, flt)
}

// A read that fails does not end the stream: it is tried again at the next
// look at the clock, and the event arrives. The watcher used to return the
// error, which ended follow and line mode for good.
func TestWatcherOutlivesAFailedRead(t *testing.T) {
	s := storetest.SeedCamp(t)
	src := &flakyTalks{Source: s.Camp}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events := make(chan linemode.Event, 100)
	done := make(chan error, 1)
	w := linemode.NewWatcher(linemode.Config{Event: s.Camp.Event(), Source: src, Feed: s.Camp, Clock: s.Clock, Viewer: s.Organiser, Poll: 50 * time.Millisecond})
	go func() { done <- w.Run(ctx, func(e linemode.Event) { events <- e }) }()
	if e := <-events; e.Type != linemode.TypeNow {
		t.Fatalf("first event %s", e.Type)
	}
	src.fail.Store(2)
	if _, err := s.Camp.ActOnTalk(ctx, s.Organiser, s.ProposedTalk, schedule.ActApprove); err != nil {
		t.Fatal(err)
	}
	deadline := time.After(10 * time.Second)
	for {
		select {
		case e := <-events:
			if e.Type == linemode.TypeTalkApproved {
				cancel()
				if err := <-done; err != nil {
					t.Errorf("Run: %v", err)
				}
				return
			}
		case err := <-done:
			t.Fatalf("the watcher stopped: %v", err)
		case <-deadline:
			t.Fatal("no talk.approved after two failed reads")
		}
	}
}
