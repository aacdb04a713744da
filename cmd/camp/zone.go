package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
)

// The console's own zone, shown beside the event's display zones as
// attendees see theirs. The first of these that is set wins:
//
//  1. --tz ZONE: what the organiser asks for on this run;
//  2. the zone the organiser at the console chose (stored with them, as an
//     attendee's `tz` is);
//  3. the TZ environment variable of this terminal (an IANA name, as
//     TZ=America/Chicago; a POSIX rule such as CST6CDT is not read);
//  4. the event's home zone.
func (c *config) consoleZone(ctx context.Context, o *opened, personID int64) (*time.Location, error) {
	if c.tz != "" {
		loc, err := schedule.LoadZone(c.tz)
		if err != nil {
			return nil, usageError{fmt.Errorf("--tz: %v", err)}
		}
		return loc, nil
	}
	if personID != 0 {
		if p, err := o.camp.Person(ctx, personID); err == nil && p.TZ != "" {
			if loc, err := schedule.LoadZone(p.TZ); err == nil {
				return loc, nil
			}
		}
	}
	if tz := strings.TrimPrefix(c.main.Getenv("TZ"), ":"); tz != "" {
		if loc, err := schedule.LoadZone(tz); err == nil {
			return loc, nil
		}
	}
	return o.ev.Zone, nil
}

// extraZone is zone as an extra column beside the event's display zones,
// or none when it is one of them.
func extraZone(ev *schedule.Event, zone *time.Location) []*time.Location {
	if slices.ContainsFunc(ev.DisplayZones, func(z *time.Location) bool { return z.String() == zone.String() }) {
		return nil
	}
	return []*time.Location{zone}
}

func (c *config) bindZoneFlag(cmd *cobra.Command) {
	cmd.Flags().StringVar(&c.tz, "tz", "", "the console's own time zone, shown beside the event's (default: the zone you chose, else $TZ, else the event's)")
}
