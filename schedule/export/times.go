package export

import "time"

// stampUTC is an instant as RFC 3339 in UTC, whole seconds, as every JSON
// contract of camp writes it; "" for the zero time.
func stampUTC(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Truncate(time.Second).Format(time.RFC3339)
}

// clockSpan shows start–end in UTC and, where it reads differently, in the
// zone the session was planned in: "16:30–17:00 UTC (12:30–13:00 EDT)".
func clockSpan(start, end time.Time, zone *time.Location) string {
	utc := clockPair(start.UTC(), end.UTC()) + " UTC"
	if zone == nil {
		return utc
	}
	local := clockPair(start.In(zone), end.In(zone))
	if local == clockPair(start.UTC(), end.UTC()) {
		return utc
	}
	return utc + " (" + local + " " + start.In(zone).Format("MST") + ")"
}

func clockPair(start, end time.Time) string {
	return start.Format("15:04") + "–" + end.Format("15:04")
}

// longDate is a date as people read it: Saturday 28 March 2026.
func longDate(t time.Time) string { return t.Format("Monday 2 January 2006") }
