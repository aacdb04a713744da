package commands

import (
	"errors"
	"fmt"

	"github.com/lightningcamp/camp/schedule"
)

// explainDuplicate turns the store's refusal of a near-duplicate title
// into what to do: look at the one that exists, vote for it, or propose
// anyway with --force.
func (c *call) explainDuplicate(err error) error {
	var dup *schedule.Duplicate
	if !errors.As(err, &dup) {
		return err
	}
	look := remoteLine(c.prefix, "talks --mine")
	if dup.Kind == "topic" {
		look = remoteLine(c.prefix, fmt.Sprintf("topics show %d", dup.ID))
		if !dup.Yours {
			look += ", and vote for it with " + remoteLine(c.prefix, fmt.Sprintf("vote %d", dup.ID))
		}
	}
	return schedule.Errorf(schedule.ECONFLICT, "%s %q (see %s); to propose this one anyway, add --force",
		trimDupMessage(dup), line(dup.Title), look)
}

func trimDupMessage(d *schedule.Duplicate) string {
	whose := "the"
	if d.Yours {
		whose = "your"
	}
	return fmt.Sprintf("this title is very close to %s %s %d", whose, d.Kind, d.ID)
}
