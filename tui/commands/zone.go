package commands

import (
	"time"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/schedule/export"
)

// Every time a command prints for people is in the reader's zone, with the
// zone's abbreviation ("20:00 JST"), the way the TUI shows it; --json keeps
// UTC. A time on another day than ref's (in that zone) says so: "01:30+1 JST".

// readerClock is where and when the reader is.
type readerClock struct {
	zone *time.Location
	ref  time.Time // the day others are counted from: now
}

// at is t as the reader reads it.
func (r readerClock) at(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	z := r.zoneOrUTC()
	return export.Clock(t, z, r.ref) + " " + schedule.ZoneAbbrev(t, z)
}

// span is start to end as the reader reads them: "20:00-20:45 JST".
func (r readerClock) span(start, end time.Time) string {
	z := r.zoneOrUTC()
	return export.Span(start, end, z, r.ref) + " " + schedule.ZoneAbbrev(start, z)
}

func (r readerClock) zoneOrUTC() *time.Location {
	if r.zone == nil {
		return time.UTC
	}
	return r.zone
}

// readerClock is the caller's zone (see viewerZone) and now.
func (c *call) readerClock() (readerClock, error) {
	z, err := c.viewerZone()
	return readerClock{zone: z, ref: c.now()}, err
}
