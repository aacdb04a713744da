package store_test

import (
	"testing"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store/storetest"
)

// Issue 13 item 8: the organiser tags an untagged topic compilepython so it
// can go into the reserved track, and retitles it; other fields stay.
func TestOrganiserTagsATopicForTheReservedTrack(t *testing.T) {
	camp := storetest.MustOpenCamp(t, nil, nil)
	org := storetest.MustJoin(t, camp, "Olive", true)
	ada := storetest.MustJoin(t, camp, "Ada", false)
	bob := storetest.MustJoin(t, camp, "Bob", false)
	jit, err := camp.ProposeTopic(ctx, ada, schedule.TopicProposal{Title: "The CPython JIT", Description: "loops"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := camp.PlaceTopic(ctx, org, jit.ID, "a", "eu-openspace-1/1"); schedule.ErrorCode(err) != schedule.ECONFLICT {
		t.Fatalf("untagged topic in the reserved track: %v", err)
	}
	tags := []string{"CompilePython", "jit"}
	title := "The CPython JIT, two years on"
	got, err := camp.ChangeTopic(ctx, org, jit.ID, schedule.TopicChange{Title: &title, Tags: &tags})
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != title || !got.HasTag("compilepython") || got.Description != "loops" {
		t.Errorf("after the change: %+v", got)
	}
	if _, err := camp.PlaceTopic(ctx, org, jit.ID, "a", "eu-openspace-1/1"); err != nil {
		t.Errorf("the tagged topic in the reserved track: %v", err)
	}
	none := []string{}
	if _, err := camp.ChangeTopic(ctx, org, jit.ID, schedule.TopicChange{Tags: &none}); schedule.ErrorCode(err) != schedule.ECONFLICT {
		t.Errorf("dropping the reserved tag of a placed topic: %v", err)
	}
	if _, err := camp.ChangeTopic(ctx, bob, jit.ID, schedule.TopicChange{Title: &title}); schedule.ErrorCode(err) != schedule.EFORBIDDEN {
		t.Errorf("someone else's topic: %v", err)
	}
	if _, err := camp.ChangeTopic(ctx, org, jit.ID, schedule.TopicChange{}); schedule.ErrorCode(err) != schedule.EINVALID {
		t.Errorf("a change to nothing: %v", err)
	}
	empty := " "
	if _, err := camp.ChangeTopic(ctx, org, jit.ID, schedule.TopicChange{Title: &empty}); schedule.ErrorCode(err) != schedule.EINVALID {
		t.Errorf("an empty title: %v", err)
	}
}
