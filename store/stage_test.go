package store_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store"
	"github.com/lightningcamp/camp/store/storetest"
)

// openSecond opens another handle on camp's database file, as a second
// process would, with a short session timeout.
func openSecond(t *testing.T, camp *store.Camp, clock schedule.Clock, timeout time.Duration) *store.Camp {
	t.Helper()
	db, err := store.Open(camp.DB().Path(), store.Options{Clock: clock, PollInterval: 50 * time.Millisecond, SessionTimeout: timeout})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c, err := db.Camp(context.Background(), camp.Event())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func waitFor(t *testing.T, what string, within time.Duration, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("after %s: %s", within, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestPresenceIsSharedByProcessesAndEndsWhenOneDies(t *testing.T) {
	s := storetest.SeedCamp(t)
	ctx := context.Background()
	s.Clock.Set(time.Date(2026, 3, 28, 11, 10, 0, 0, time.UTC)) // open space I, slot 1
	const timeout = 600 * time.Millisecond
	console := openSecond(t, s.Camp, s.Clock, timeout)
	serve := openSecond(t, s.Camp, s.Clock, timeout)
	consoleSessions, serveSessions := console.DB().Sessions(), serve.DB().Sessions()
	defer consoleSessions.Stop()
	priya, mei := s.People["priya"], s.People["mei"]
	if _, err := consoleSessions.Open(ctx, priya.PersonID); err != nil {
		t.Fatal(err)
	}
	if _, err := serveSessions.Open(ctx, mei.PersonID); err != nil {
		t.Fatal(err)
	}
	if _, err := console.SetRoom(ctx, priya, "Room 2"); err != nil {
		t.Fatal(err)
	}
	if _, err := serve.SetRoom(ctx, mei, "b"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []*store.Camp{console, serve} {
		p, err := c.Presence(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(p.Online, []int64{priya.PersonID, mei.PersonID}) && !slices.Equal(p.Online, []int64{mei.PersonID, priya.PersonID}) {
			t.Errorf("online = %v, want priya and mei", p.Online)
		}
		if len(p.Rooms) != 2 || p.Rooms[0].Track != "b" || p.Rooms[1].Track != "b" || p.Rooms[0].Slot != "eu-openspace-1/1" {
			t.Errorf("rooms = %+v, want two people in track b, slot 1", p.Rooms)
		}
	}
	serveSessions.Kill() // the serve process dies: no Close, no more heartbeats
	waitFor(t, "mei's session and room to end on the console", 10*timeout, func() bool {
		p, err := console.Presence(ctx)
		return err == nil && slices.Equal(p.Online, []int64{priya.PersonID}) && len(p.Rooms) == 1 && p.Rooms[0].PersonID == priya.PersonID
	})
	waitFor(t, "the console's sweep to remove mei's room", 10*timeout, func() bool {
		return storetest.CountRows(t, s.Camp, "room_presence") == 1 && storetest.CountRows(t, s.Camp, "sessions") == 1
	})
}

func TestRoomPresenceEndsWithTheSlotTheLastSessionOrLeaving(t *testing.T) {
	s := storetest.SeedCamp(t)
	ctx := context.Background()
	priya := s.Attendee
	if _, err := s.Camp.SetRoom(ctx, priya, "b"); schedule.ErrorCode(err) != schedule.ECONFLICT {
		t.Fatalf("SetRoom outside open space: %v, want a conflict", err)
	}
	s.Clock.Set(time.Date(2026, 3, 28, 11, 40, 0, 0, time.UTC))
	if _, err := s.Camp.SetRoom(ctx, priya, "nowhere"); schedule.ErrorCode(err) != schedule.ENOTFOUND || !strings.Contains(err.Error(), "a, b, c") {
		t.Fatalf("SetRoom to an unknown room: %v", err)
	}
	rooms := func() []schedule.Here {
		p, err := s.Camp.Presence(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return p.Rooms
	}
	h, err := s.Camp.SetRoom(ctx, priya, "c")
	if err != nil || h.Until != time.Date(2026, 3, 28, 11, 45, 0, 0, time.UTC) {
		t.Fatalf("SetRoom = %+v, %v; want until the slot's end, 11:45", h, err)
	}
	if len(rooms()) != 1 {
		t.Fatal("priya is not in room c")
	}
	s.Clock.Set(time.Date(2026, 3, 28, 11, 45, 0, 0, time.UTC))
	if r := rooms(); len(r) != 0 {
		t.Errorf("after the slot ended: %+v", r)
	}
	if _, err := s.Camp.SetRoom(ctx, priya, "a"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Camp.SetRoom(ctx, priya, ""); err != nil || len(rooms()) != 0 {
		t.Errorf("after leaving: %v, %+v", err, rooms())
	}
	// A terminal session: when it closes, so does the presence.
	sessions := s.Camp.DB().Sessions()
	defer sessions.Stop()
	id, err := sessions.Open(ctx, priya.PersonID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Camp.SetRoom(ctx, priya, "a"); err != nil || len(rooms()) != 1 {
		t.Fatalf("SetRoom: %v, %+v", err, rooms())
	}
	if err := sessions.Close(ctx, id); err != nil {
		t.Fatal(err)
	}
	if r := rooms(); len(r) != 0 {
		t.Errorf("after the last session closed: %+v", r)
	}
	if _, err := s.Camp.SetRoom(ctx, schedule.Guest, "a"); schedule.ErrorCode(err) != schedule.EFORBIDDEN {
		t.Errorf("a guest said where they are: %v", err)
	}
}

func TestCuesReachOnlyTheLiveSpeaker(t *testing.T) {
	s := storetest.SeedCamp(t)
	ctx := context.Background()
	mei := s.People["mei"] // the live speaker
	if _, err := s.Camp.Cue(ctx, s.Attendee, "wrap-up"); schedule.ErrorCode(err) != schedule.EFORBIDDEN {
		t.Fatalf("an attendee sent a cue: %v", err)
	}
	cue, err := s.Camp.Cue(ctx, s.Organiser, "wrap-up")
	if err != nil || cue.Text != "Please wrap up" {
		t.Fatalf("Cue = %+v, %v", cue, err)
	}
	for who, a := range map[string]schedule.Actor{"mei": mei, "ada": s.Organiser, "priya": s.Attendee, "guest": schedule.Guest} {
		st, err := s.Camp.Stage(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		if got := st.Cue != nil; got != (who == "mei") {
			t.Errorf("%s sees the cue: %t", who, got)
		}
	}
	if _, err := s.Camp.Cue(ctx, s.Organiser, "\x1b[2Jmic\u202e"); err != nil {
		t.Fatal(err)
	}
	st, _ := s.Camp.Stage(ctx, mei)
	if st.Cue.Text != "[2Jmic" && strings.ContainsAny(st.Cue.Text, "\x1b\u202e") {
		t.Errorf("cue not cleaned: %q", st.Cue.Text)
	}
}

func TestQuestionsArePickedForTheSpeakerAndLimited(t *testing.T) {
	s := storetest.SeedCamp(t)
	ctx := context.Background()
	mei, priya := s.People["mei"], s.Attendee
	q, err := s.Camp.Ask(ctx, priya, "Does it work with\x07 NumPy 2?")
	if err != nil || q.Text != "Does it work with NumPy 2?" || q.TalkID != s.LiveTalk {
		t.Fatalf("Ask = %+v, %v", q, err)
	}
	if _, err := s.Camp.Ask(ctx, priya, strings.Repeat("x", s.Camp.Event().Limits.NoteMax+1)); schedule.ErrorCode(err) != schedule.EINVALID {
		t.Errorf("an overlong question: %v", err)
	}
	if _, err := s.Camp.Questions(ctx, priya, 0); schedule.ErrorCode(err) != schedule.EFORBIDDEN {
		t.Errorf("an attendee listed the questions: %v", err)
	}
	if st, _ := s.Camp.Stage(ctx, mei); st.Picked != nil {
		t.Fatal("a question was shown before it was picked")
	}
	if _, err := s.Camp.PickQuestion(ctx, priya, q.ID); schedule.ErrorCode(err) != schedule.EFORBIDDEN {
		t.Errorf("an attendee picked a question: %v", err)
	}
	if _, err := s.Camp.PickQuestion(ctx, s.Organiser, q.ID); err != nil {
		t.Fatal(err)
	}
	st, _ := s.Camp.Stage(ctx, mei)
	if st.Picked == nil || st.Picked.ID != q.ID {
		t.Errorf("the speaker sees %+v, want question %d", st.Picked, q.ID)
	}
	if st, _ := s.Camp.Stage(ctx, s.People["tomas"]); st.Picked != nil || st.Questions != nil {
		t.Errorf("another attendee sees %+v", st)
	}
	if st, _ := s.Camp.Stage(ctx, s.Organiser); len(st.Questions) != 1 {
		t.Errorf("the organiser sees %d questions, want 1", len(st.Questions))
	}
	// At most QuestionsPerTalk per person and talk (the write rate is the
	// store's, as for notes: the seed allows bursts).
	for i := 1; i < schedule.QuestionsPerTalk; i++ {
		if _, err := s.Camp.Ask(ctx, priya, "and another"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Camp.Ask(ctx, priya, "one too many"); schedule.ErrorCode(err) != schedule.ERATELIMIT {
		t.Errorf("question %d: %v, want a rate limit", schedule.QuestionsPerTalk+1, err)
	}
	all, err := s.Camp.AllQuestions(ctx)
	if err != nil || len(all) != schedule.QuestionsPerTalk {
		t.Errorf("AllQuestions = %d, %v", len(all), err)
	}
}

// TestComingAndGoingIsAPresenceChange: a session opening or closing, or a
// person saying which room they are in, changes who is online, not the
// people; screens then re-read only who is online. A crowd arriving made
// every screen re-read every person, once per arrival (issue 18).
func TestComingAndGoingIsAPresenceChange(t *testing.T) {
	s := storetest.SeedCamp(t)
	priya := s.People["priya"]
	sub := s.Camp.Subscribe()
	defer sub.Close()
	presenceOnly := func(what string) {
		t.Helper()
		select {
		case <-sub.Ready():
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: no change published", what)
		}
		c := sub.Take()
		if _, ok := c[schedule.ChangePresence]; !ok || c.Has(schedule.ChangePeople) {
			t.Errorf("%s published %v; want a presence change only", what, c)
		}
	}
	sessions := s.Camp.DB().Sessions()
	defer sessions.Stop()
	id, err := sessions.Open(ctx, priya.PersonID)
	if err != nil {
		t.Fatal(err)
	}
	presenceOnly("opening a session")
	s.Clock.Set(s.Camp.Event().Blocks[0].Start) // any time will do for leaving a room
	if _, err := s.Camp.SetRoom(ctx, priya, ""); err != nil {
		t.Fatal(err)
	}
	presenceOnly("leaving a room")
	if err := sessions.Close(ctx, id); err != nil {
		t.Fatal(err)
	}
	presenceOnly("closing a session")
}

// TestPresenceChangesArePublishedTogether: a crowd arriving is one presence
// change per connection; subscribers get them gathered, a tenth of a
// second at a time, not one wake-up each.
func TestPresenceChangesArePublishedTogether(t *testing.T) {
	feed := store.NewFeed()
	sub := feed.Subscribe()
	defer sub.Close()
	for id := range int64(50) {
		feed.Publish(schedule.Change{Kind: schedule.ChangePresence, IDs: []int64{id}})
	}
	select {
	case <-sub.Ready():
		t.Fatal("a presence change woke the subscriber at once")
	default:
	}
	select {
	case <-sub.Ready():
	case <-time.After(5 * time.Second):
		t.Fatal("presence changes were never published")
	}
	if c := sub.Take(); !c.Has(schedule.ChangePresence) {
		t.Errorf("got %v", c)
	}
	feed.Publish(schedule.Change{Kind: schedule.ChangeAnnouncements})
	select {
	case <-sub.Ready():
	default:
		t.Error("an announcement waited with the presence changes")
	}
}
