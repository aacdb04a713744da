package store_test

import (
	"testing"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store/storetest"
)

func TestBoardRules(t *testing.T) {
	camp := storetest.MustOpenCamp(t, nil, nil)
	org := storetest.MustJoin(t, camp, "Olive", true)
	ada := storetest.MustJoin(t, camp, "Ada", false)
	bob := storetest.MustJoin(t, camp, "Bob", false)
	propose := func(a schedule.Actor, title string, tags ...string) schedule.Topic {
		tp, err := camp.ProposeTopic(ctx, a, schedule.TopicProposal{Title: title, Tags: tags})
		if err != nil {
			t.Fatal(err)
		}
		return tp
	}
	cy := propose(ada, "Cython war stories", "compilepython")
	jit := propose(ada, "The CPython JIT")
	pypy := propose(bob, "PyPy in production")

	place := func(id int64, track, slot string) error {
		_, err := camp.PlaceTopic(ctx, org, id, track, slot)
		return err
	}
	if err := place(jit.ID, "a", "eu-openspace-1/1"); schedule.ErrorCode(err) != schedule.ECONFLICT {
		t.Errorf("an untagged topic in the reserved track: %v", err)
	}
	if err := place(cy.ID, "a", "eu-openspace-1/1"); err != nil {
		t.Fatal(err)
	}
	if err := place(pypy.ID, "a", "eu-openspace-1/1"); schedule.ErrorCode(err) != schedule.ECONFLICT {
		t.Errorf("double-booked cell: %v", err)
	}
	if err := place(jit.ID, "b", "eu-openspace-1/1"); schedule.ErrorCode(err) != schedule.ECONFLICT {
		t.Errorf("Ada leading two topics at once: %v", err)
	}
	if err := place(jit.ID, "b", "eu-openspace-1/2"); err != nil {
		t.Errorf("Ada's second topic in the next slot: %v", err)
	}
	if err := place(pypy.ID, "c", "nope/1"); schedule.ErrorCode(err) != schedule.ENOTFOUND {
		t.Errorf("a slot that does not exist: %v", err)
	}
	if _, err := camp.EditTopic(ctx, ada, cy.ID, schedule.TopicProposal{Title: "Cython war stories"}); schedule.ErrorCode(err) != schedule.ECONFLICT {
		t.Errorf("dropping the reserved tag of a placed topic: %v", err)
	}
	if _, err := camp.UnplaceTopic(ctx, org, cy.ID); err != nil {
		t.Fatal(err)
	}
	if err := place(pypy.ID, "b", "eu-openspace-1/1"); err != nil {
		t.Errorf("the freed slot: %v", err)
	}
}

func TestSuggestBoardFollowsVotesAndRules(t *testing.T) {
	camp := storetest.MustOpenCamp(t, nil, nil)
	org := storetest.MustJoin(t, camp, "Olive", true)
	leader := storetest.MustJoin(t, camp, "Lee", false)
	var voters []schedule.Actor
	for _, n := range []string{"v1", "v2", "v3"} {
		voters = append(voters, storetest.MustJoin(t, camp, n, false))
	}
	// Lee leads three topics; votes: popular 3, middling 2, quiet 0.
	popular, _ := camp.ProposeTopic(ctx, leader, schedule.TopicProposal{Title: "popular"})
	middling, _ := camp.ProposeTopic(ctx, leader, schedule.TopicProposal{Title: "middling"})
	quiet, _ := camp.ProposeTopic(ctx, org, schedule.TopicProposal{Title: "quiet", Tags: []string{"compilepython"}})
	for i, v := range voters {
		camp.Vote(ctx, v, popular.ID, true)
		if i < 2 {
			camp.Vote(ctx, v, middling.ID, true)
		}
	}
	topics, _ := camp.Topics(ctx)
	plan := camp.Event().SuggestBoard("eu-openspace-1", topics)
	got := map[int64]schedule.Placement{}
	for _, p := range plan {
		got[p.TopicID] = p
	}
	if got[popular.ID].Slot != "eu-openspace-1/1" {
		t.Errorf("the most-voted topic should get the first slot: %+v", plan)
	}
	if got[middling.ID].Slot != "eu-openspace-1/2" {
		t.Errorf("Lee's second topic must go to the second slot, not clash with the first: %+v", plan)
	}
	if got[quiet.ID].Track != "a" {
		t.Errorf("the compilepython topic should take the reserved track: %+v", plan)
	}
	for _, p := range plan {
		if _, err := camp.PlaceTopic(ctx, org, p.TopicID, p.Track, p.Slot); err != nil {
			t.Errorf("applying the suggestion %+v: %v", p, err)
		}
	}
}
