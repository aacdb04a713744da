package export

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// WriteTimeline prints the day as a table: each block in every display zone
// side by side, then any extra zones (a viewer's --tz).
func WriteTimeline(w io.Writer, ev *schedule.Event, extraZones ...*time.Location) error {
	zones := append(append([]*time.Location{}, ev.DisplayZones...), extraZones...)
	fmt.Fprintf(w, "%s\n%s, %s series, home zone %s\n\n", ev.Name, ev.Date, ev.Series, ev.Zone)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	header, abbrevs := []string{}, []string{}
	for _, z := range zones {
		header = append(header, ZoneLabel(z))
		abbrevs = append(abbrevs, schedule.ZoneAbbrev(ev.Start(), z))
	}
	fmt.Fprintf(tw, "%s\t\t\t\n", strings.Join(header, "\t"))
	fmt.Fprintf(tw, "%s\tblock\tkind\troom\n", strings.Join(abbrevs, "\t"))
	for _, b := range ev.Blocks {
		cells := make([]string, len(zones))
		for i, z := range zones {
			cells[i] = Span(b.Start, b.End, z, ev.Start())
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", strings.Join(cells, "\t"), b.Title, b.Kind, blockPlace(ev, b))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%d blocks, %s to %s UTC\n", len(ev.Blocks),
		ev.Start().UTC().Format("15:04"), ev.End().UTC().Format("15:04"))
	return err
}

// ZoneLabel names a zone by its city: America/Los_Angeles -> Los Angeles.
func ZoneLabel(z *time.Location) string {
	name := z.String()
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	return strings.ReplaceAll(name, "_", " ")
}

// Span formats start-end as wall-clock times in z, marking a day before or
// after the reference day (the event's first instant in that zone) as -1/+1.
func Span(start, end time.Time, z *time.Location, ref time.Time) string {
	return Clock(start, z, ref) + "-" + Clock(end, z, ref)
}

// Clock formats t as HH:MM in z, with +N/-N days relative to ref's day in z.
func Clock(t time.Time, z *time.Location, ref time.Time) string {
	lt, lr := t.In(z), ref.In(z)
	days := dayNumber(lt) - dayNumber(lr)
	s := lt.Format("15:04")
	switch {
	case days > 0:
		s += fmt.Sprintf("+%d", days)
	case days < 0:
		s += fmt.Sprintf("%d", days)
	}
	return s
}

func dayNumber(t time.Time) int {
	y, m, d := t.Date()
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func blockPlace(ev *schedule.Event, b schedule.Block) string {
	if b.Kind == schedule.KindOpenSpace {
		return fmt.Sprintf("%d tracks x %d slots", len(ev.Tracks), len(b.Slots()))
	}
	if r, ok := ev.Room(b.Room); ok {
		return r.Name
	}
	return ""
}

// WriteNowNext prints what is on at now and what comes next, in every zone.
func WriteNowNext(w io.Writer, ev *schedule.Event, now time.Time, extraZones ...*time.Location) error {
	zones := append(append([]*time.Location{}, ev.DisplayZones...), extraZones...)
	clocks := make([]string, len(zones))
	for i, z := range zones {
		clocks[i] = fmt.Sprintf("%s %s %s", ZoneLabel(z), now.In(z).Format("15:04"), schedule.ZoneAbbrev(now, z))
	}
	fmt.Fprintf(w, "%s  (%s UTC)\n", strings.Join(clocks, "  |  "), now.UTC().Format("2006-01-02 15:04"))
	current := ev.Current(now)
	switch {
	case len(current) > 0:
		for _, b := range current {
			fmt.Fprintf(w, "Now:  %s (%s), ends in %s\n", b.Title, b.Kind, Until(b.End.Sub(now)))
		}
	case now.Before(ev.Start()):
		fmt.Fprintf(w, "Now:  the camp has not started yet: it starts %s\n", When(ev.Start(), now, ev.Zone))
	case !now.Before(ev.End()):
		fmt.Fprintf(w, "Now:  the camp of %s is over; thank you for coming\n", ev.Start().In(ev.Zone).Format("Monday 2 January 2006"))
	default:
		fmt.Fprintf(w, "Now:  between blocks\n")
	}
	if next, ok := ev.Next(now); ok {
		fmt.Fprintf(w, "Next: %s (%s) %s, at %s\n", next.Title, next.Kind, When(next.Start, now, ev.Zone), zoneTimes(next.Start, zones, ev.Start()))
	}
	return nil
}

func zoneTimes(t time.Time, zones []*time.Location, ref time.Time) string {
	parts := make([]string, len(zones))
	for i, z := range zones {
		parts[i] = Clock(t, z, ref) + " " + schedule.ZoneAbbrev(t, z)
	}
	return strings.Join(parts, " / ")
}

// When says when t comes, seen at now: "in 1h05m" the same day (within 12
// hours), else its date in zone, "on Saturday 28 March 2026".
func When(t, now time.Time, zone *time.Location) string {
	if d := t.Sub(now); d < 12*time.Hour {
		return "in " + Until(d)
	}
	return "on " + t.In(zone).Format("Monday 2 January 2006")
}

// Until formats a duration to come as "1h05m", "12m" or "45s".
func Until(d time.Duration) string {
	switch d = d.Round(time.Second); {
	case d >= time.Hour:
		return fmt.Sprintf("%dh%02dm", int(d.Hours()), int(d.Minutes())%60)
	case d >= time.Minute:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	}
	return fmt.Sprintf("%ds", int(d.Seconds()))
}
