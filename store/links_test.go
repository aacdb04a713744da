package store_test

import (
	"strings"
	"testing"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store/storetest"
)

// TestLinkOverCapIsRefused: a 420-character link on a proposal used to be
// dropped without a word. Like every other field, it is refused with a
// message, and nothing is stored.
func TestLinkOverCapIsRefused(t *testing.T) {
	camp := storetest.MustOpenCamp(t, nil, nil)
	ada := storetest.MustJoin(t, camp, "Ada", false)
	long := "https://example.org/" + strings.Repeat("a", 400)
	_, err := camp.ProposeTalk(ctx, ada, schedule.TalkProposal{Title: "Long link", Links: []string{"https://example.org/ok", long}})
	if schedule.ErrorCode(err) != schedule.EINVALID || !strings.Contains(schedule.ErrorMessage(err), "link") {
		t.Fatalf("a %d-character link: error %v, want EINVALID naming the link", len(long), err)
	}
	talks, err := camp.Talks(ctx, schedule.TalkFilter{})
	if err != nil || len(talks) != 0 {
		t.Errorf("talks after the refusal: %v %v", talks, err)
	}
	if _, err := camp.ProposeTalk(ctx, ada, schedule.TalkProposal{Title: "Blank link", Links: []string{"  "}}); err != nil {
		t.Errorf("a blank link is nothing, not an error: %v", err)
	}
}
