package schedule

import (
	"fmt"
	"strings"
	"time"
)

// LoadZone loads an IANA zone by name. Binaries embed time/tzdata, so this
// works on machines without a zoneinfo database.
func LoadZone(name string) (*time.Location, error) {
	if name == "" {
		return nil, fmt.Errorf("no time zone given")
	}
	if strings.EqualFold(name, "local") {
		return nil, fmt.Errorf("%q depends on the machine: use an IANA name such as Europe/London", name)
	}
	loc, err := time.LoadLocation(name)
	if err == nil {
		return loc, nil
	}
	if canon, ok := zoneByFold(name); ok { // asia/tokyo, america/new york
		return time.LoadLocation(canon)
	}
	if near := SuggestZones(name, 3); len(near) > 0 {
		return nil, fmt.Errorf("unknown time zone %q: did you mean %s?", name, orList(near))
	}
	return nil, fmt.Errorf("unknown time zone %q: use an IANA name such as Europe/London or America/New_York", name)
}

// orList joins names as "A", "A or B", "A, B or C".
func orList(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// ParseClock reads a wall-clock time written as HH:MM.
func ParseClock(s string) (hour, minute int, err error) {
	t, perr := time.Parse("15:04", s)
	if perr != nil {
		return 0, 0, fmt.Errorf("%q is not a time of day: write it as HH:MM on a 24-hour clock, e.g. \"09:30\"", s)
	}
	return t.Hour(), t.Minute(), nil
}

// wallResult says how a wall-clock time maps to instants on a given day.
type wallResult int

const (
	wallOK        wallResult = iota
	wallGap                  // the clocks jump over it (spring forward)
	wallAmbiguous            // it happens twice (fall back)
)

// ResolveWall turns a wall-clock time on a date in a zone into a UTC instant.
// Unlike time.Date it does not silently pick an answer on DST-change days: a
// time the clocks skip is a gap, a time they repeat is ambiguous, and the
// organiser must say which they mean.
func resolveWall(d Date, hour, minute int, loc *time.Location) (time.Time, wallResult) {
	naive := time.Date(d.Year, d.Month, d.Day, hour, minute, 0, 0, time.UTC)
	var found []time.Time
	for _, off := range nearbyOffsets(naive, loc) {
		t := naive.Add(-time.Duration(off) * time.Second)
		if sameWall(t.In(loc), naive) && !containsInstant(found, t) {
			found = append(found, t)
		}
	}
	switch len(found) {
	case 0:
		return time.Date(d.Year, d.Month, d.Day, hour, minute, 0, 0, loc).UTC(), wallGap
	case 1:
		return found[0].UTC(), wallOK
	}
	earliest := found[0]
	for _, t := range found[1:] {
		if t.Before(earliest) {
			earliest = t
		}
	}
	return earliest.UTC(), wallAmbiguous
}

// nearbyOffsets lists the UTC offsets the zone uses within a day and a half of
// the naive instant: any wall time that day must use one of them.
func nearbyOffsets(naive time.Time, loc *time.Location) []int {
	var offs []int
	for h := -36; h <= 36; h += 6 {
		_, off := naive.Add(time.Duration(h) * time.Hour).In(loc).Zone()
		if !containsInt(offs, off) {
			offs = append(offs, off)
		}
	}
	return offs
}

func sameWall(t, naive time.Time) bool {
	return t.Year() == naive.Year() && t.YearDay() == naive.YearDay() &&
		t.Hour() == naive.Hour() && t.Minute() == naive.Minute()
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func containsInstant(ts []time.Time, t time.Time) bool {
	for _, v := range ts {
		if v.Equal(t) {
			return true
		}
	}
	return false
}

// ZoneAbbrev returns the zone's abbreviation at t ("GMT", "EDT"), or its
// numeric offset where the zone has no letters for it.
func ZoneAbbrev(t time.Time, loc *time.Location) string {
	name, _ := t.In(loc).Zone()
	return name
}
