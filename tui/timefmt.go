package tui

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// zoneCity names a zone the way people say it: America/New_York is
// "New York".
func zoneCity(loc *time.Location) string {
	name := loc.String()
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	return strings.ReplaceAll(name, "_", " ")
}

// clockIn is the wall time at t in loc with the zone's abbreviation.
func clockIn(t time.Time, loc *time.Location) string {
	return t.In(loc).Format("15:04") + " " + schedule.ZoneAbbrev(t, loc)
}

// spanIn is a block's time span in loc: "09:45–10:45 GMT".
func spanIn(start, end time.Time, loc *time.Location) string {
	return start.In(loc).Format("15:04") + "–" + end.In(loc).Format("15:04") + " " + schedule.ZoneAbbrev(start, loc)
}

// wholeSeconds rounds a remaining time the way a countdown reads: up while
// time is left (0.4 s left still shows 0:01), and the overrun down, so the
// display passes 0:00 exactly once.
func wholeSeconds(d time.Duration) int {
	if d > 0 {
		return int(math.Ceil(d.Seconds()))
	}
	return -int(math.Floor(-d.Seconds()))
}

// countdown formats d as M:SS or H:MM:SS, with a minus sign once it is over.
func countdown(d time.Duration) string {
	s := wholeSeconds(d)
	sign := ""
	if s < 0 {
		sign, s = "-", -s
	}
	if s >= 3600 {
		return fmt.Sprintf("%s%d:%02d:%02d", sign, s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%s%d:%02d", sign, s/60, s%60)
}

// minutes formats a duration as whole minutes: "5 min".
func minutes(d time.Duration) string {
	return fmt.Sprintf("%d min", int(d.Round(time.Minute)/time.Minute))
}
