package commands_test

import (
	"testing"

	"github.com/lightningcamp/camp/store/storetest"
	"github.com/lightningcamp/camp/tui/commands"
)

// Issue 14 item 11: four `vote` calls in a row, with the default limits
// (three at once, then one a second), and the fourth failed although the
// first was refused and changed nothing. A refused write costs no token.
func TestRefusedWritesDoNotUseUpTheLimit(t *testing.T) {
	c := newCampWith(t, storetest.Example(t))
	sam, ada := c.attendee("Sam"), c.attendee("Ada")
	mustRun(t, sam, "propose", "topic", "--title", "Packaging compiled wheels")
	wantFailure(t, run(t, ada, "vote", "99"), 1, "no topic with id 99")
	wantFailure(t, run(t, ada, "vote", "1", "--remove"), 1, "")
	mustRun(t, ada, "vote", "1")
	mustRun(t, ada, "vote", "1", "--remove")
	mustRun(t, ada, "vote", "1")
	// Now the limit is reached, and says so with its own exit code.
	wantFailure(t, run(t, ada, "vote", "1", "--remove"), commands.ExitSlowDown, "slow down")
}

// `talks --block nope` printed "No talks here yet." with exit 0: an unknown
// filter value is a usage error.
func TestUnknownFilterValuesAreUsageErrors(t *testing.T) {
	c := newCamp(t)
	ada := c.attendee("Ada")
	wantFailure(t, run(t, ada, "talks", "--block", "nope"), 2, `no talks block "nope": use one of`)
	wantFailure(t, run(t, ada, "talks", "--block", "eu-openspace-1"), 2, `no talks block "eu-openspace-1"`)
	mustRun(t, ada, "talks", "--block", "eu-talks")
}
