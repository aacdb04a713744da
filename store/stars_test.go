package store_test

import (
	"slices"
	"testing"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store/storetest"
)

func TestStarsArePerPersonPerCamp(t *testing.T) {
	s := storetest.SeedCamp(t)
	camp, priya, tomas := s.Camp, s.Attendee, s.People["tomas"]
	live := schedule.Target{Kind: "talk", ID: s.LiveTalk}
	topic := schedule.Target{Kind: "topic", ID: s.CompileTopic}
	for _, target := range []schedule.Target{live, topic, live} { // twice is no error
		if err := camp.Star(ctx, priya, target, true); err != nil {
			t.Fatalf("star %s: %v", target, err)
		}
	}
	got, err := camp.StarsOf(ctx, priya.PersonID)
	if err != nil || !slices.Equal(got, []schedule.Target{live, topic}) {
		t.Fatalf("Priya's stars = %v, %v; want %v and %v once each", got, err, live, topic)
	}
	if theirs, _ := camp.StarsOf(ctx, tomas.PersonID); len(theirs) != 0 {
		t.Errorf("Tomás sees Priya's stars: %v", theirs)
	}
	if err := camp.Star(ctx, priya, live, false); err != nil {
		t.Fatal(err)
	}
	if got, _ := camp.StarsOf(ctx, priya.PersonID); !slices.Equal(got, []schedule.Target{topic}) {
		t.Errorf("after unstarring the talk: %v", got)
	}
	if err := camp.Star(ctx, priya, live, false); err != nil {
		t.Errorf("unstarring what is not starred: %v, want no error", err)
	}
}

func TestStarRefusesGuestsAndWhatIsNotOnTheProgramme(t *testing.T) {
	s := storetest.SeedCamp(t)
	priya := s.Attendee
	if err := s.Camp.Star(ctx, schedule.Guest, schedule.Target{Kind: "talk", ID: s.LiveTalk}, true); schedule.ErrorCode(err) != schedule.EFORBIDDEN {
		t.Errorf("guest star: %v, want forbidden", err)
	}
	if err := s.Camp.Star(ctx, priya, schedule.Target{Kind: "talk", ID: 9999}, true); schedule.ErrorCode(err) != schedule.ENOTFOUND {
		t.Errorf("star of a talk that does not exist: %v, want not found", err)
	}
	mine := storetest.MustProposeTalk(t, s.Camp, priya, "Withdrawn soon")
	if _, err := s.Camp.ActOnTalk(ctx, priya, mine.ID, schedule.ActWithdraw); err != nil {
		t.Fatal(err)
	}
	if err := s.Camp.Star(ctx, priya, schedule.Target{Kind: "talk", ID: mine.ID}, true); schedule.ErrorCode(err) != schedule.ECONFLICT {
		t.Errorf("star of a withdrawn talk: %v, want a conflict", err)
	}
	topic, err := s.Camp.ProposeTopic(ctx, priya, schedule.TopicProposal{Title: "Withdrawn topic soon"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Camp.WithdrawTopic(ctx, priya, topic.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Camp.Star(ctx, priya, schedule.Target{Kind: "topic", ID: topic.ID}, true); schedule.ErrorCode(err) != schedule.ECONFLICT {
		t.Errorf("star of one's own withdrawn topic: %v, want a conflict, as for a talk", err)
	}
	proposed := schedule.Target{Kind: "talk", ID: s.ProposedTalk}
	if err := s.Camp.Star(ctx, priya, proposed, true); schedule.ErrorCode(err) != schedule.ENOTFOUND {
		t.Errorf("star of someone else's proposal: %v, want not found (proposals are between their speaker and the organisers)", err)
	}
	if storetest.CountRows(t, s.Camp, "stars") != 0 {
		t.Error("a refused star was stored")
	}
	if err := s.Camp.Star(ctx, s.People["noor"], proposed, true); err != nil {
		t.Errorf("Noor starring her own proposal: %v", err)
	}
}

func TestMutedPeopleKeepTheirAgenda(t *testing.T) {
	s := storetest.SeedCamp(t)
	yes := true
	if _, err := s.Camp.Moderate(ctx, s.Organiser, s.Attendee.PersonID, schedule.Moderation{Muted: &yes}); err != nil {
		t.Fatal(err)
	}
	if err := s.Camp.Star(ctx, s.Attendee, schedule.Target{Kind: "talk", ID: s.LiveTalk}, true); err != nil {
		t.Errorf("a muted person starring a talk: %v; a star is private, not public text", err)
	}
}

func TestStarsOfOneCampStayInIt(t *testing.T) {
	s := storetest.SeriesCamps(t)
	talks, _ := s.Camps[0].Talks(ctx, schedule.TalkFilter{})
	if err := s.Camps[0].Star(ctx, s.Author, schedule.Target{Kind: "talk", ID: talks[0].ID}, true); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Camps[1].StarsOf(ctx, s.Author.PersonID); len(got) != 0 {
		t.Errorf("a star from camp 2025-09 shows in 2025-12: %v", got)
	}
	if err := s.Camps[1].Star(ctx, s.Author, schedule.Target{Kind: "talk", ID: talks[0].ID}, true); schedule.ErrorCode(err) != schedule.ENOTFOUND {
		t.Errorf("starring another camp's talk: %v, want not found", err)
	}
}
