package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store"
)

// config holds the global flags. Each can also be set with CAMP_<NAME>
// (CAMP_DB, CAMP_SCHEDULE, CAMP_NOW, CAMP_SPEED, CAMP_EVENT); a flag wins.
type config struct {
	main     *Main
	db       string
	schedule string
	now      string
	speed    float64
	event    string
	opened   *opened // the camp a local data command opened; closed by Main.Run
	tz       string  // --tz: the console's own zone (zone.go)
	// exampleOnly makes the built-in example the schedule whatever is in
	// the current directory: the demo's day is made for it.
	exampleOnly bool
	// rehearsal chooses a rehearsal's database (rehearsal.go).
	rehearsal rehearsalFlags
}

func (c *config) bindGlobalFlags(root *cobra.Command) {
	f := root.PersistentFlags()
	f.StringVar(&c.db, "db", "", "SQLite database file (default: camp.db in the data directory)")
	f.StringVar(&c.schedule, "schedule", "", "schedule file (default: ./schedule.toml, else the built-in example)")
	f.StringVar(&c.now, "now", "", "rehearse on a moved clock starting at TIME (RFC 3339, or HH:MM on the event day)")
	f.Float64Var(&c.speed, "speed", 1, "with --now, run the clock N times faster")
	f.StringVar(&c.event, "event", "", "which camp of the series (default: the schedule file's event)")
	c.rehearsal.bind(root)
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error { return c.applyEnv(cmd.Flags()) }
}

// envFlags are the only flags the environment can set, as the README
// promises: the global ones. A command's own flags never come from the
// environment, so a stray CAMP_INCLUDE_PRIVATE=true cannot put emails
// into a public export.
var envFlags = []string{"db", "schedule", "event", "now", "speed"}

// applyEnv fills the global flags that were not given from CAMP_* variables.
func (c *config) applyEnv(flags *pflag.FlagSet) error {
	for _, flagName := range envFlags {
		f := flags.Lookup(flagName)
		if f == nil || f.Changed {
			continue
		}
		name := "CAMP_" + strings.ToUpper(flagName)
		if v := c.main.Getenv(name); v != "" {
			if err := f.Value.Set(v); err != nil {
				return usageError{fmt.Errorf("%s=%q: %v", name, v, err)}
			}
		}
	}
	return nil
}

// loadSchedule reads the schedule: an explicit file, ./schedule.toml, or the
// built-in example. It returns the event, where it came from, and the file.
func (c *config) loadSchedule() (*schedule.Event, string, []byte, error) {
	path := c.schedule
	if c.exampleOnly {
		path = ""
	} else if path == "" {
		if _, err := os.Stat("schedule.toml"); err == nil {
			path = "schedule.toml"
		}
	}
	if path == "" {
		ev, err := schedule.Parse(schedule.ExampleName, schedule.Example())
		return ev, "the built-in example (" + schedule.ExampleName + ")", schedule.Example(), err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, path, nil, schedule.Errorf(schedule.ENOTFOUND, "cannot read schedule: %v", err)
	}
	ev, err := schedule.Parse(path, data)
	return ev, path, data, err
}

// opened is a camp ready to run: its schedule, clock and database.
type opened struct {
	ev     *schedule.Event
	source string // where the schedule came from, for people
	clock  schedule.Clock
	// rehearsal is what every screen shows of a rehearsal ("REHEARSAL"),
	// empty on the real day.
	rehearsal string
	db        *store.DB
	camp      *store.Camp
}

func (o *opened) Close() error { return o.db.Close() }

// open loads the schedule, sets the clock and opens the camp in the
// database (created on first run). --event picks another camp of the series
// by the schedule saved for it.
func (c *config) open(ctx context.Context) (*opened, error) {
	ev, source, data, err := c.loadSchedule()
	if err != nil {
		return nil, err
	}
	o := &opened{ev: ev, source: source}
	if o.clock, err = c.clock(ev); err != nil {
		return nil, err
	}
	path, marker, err := c.database(ctx)
	if err != nil {
		return nil, err
	}
	o.rehearsal = marker
	if o.db, err = store.Open(path, store.Options{Clock: o.clock}); err != nil {
		return nil, err
	}
	if c.event != "" && c.event != ev.Slug {
		if data, err = o.db.Schedule(ctx, c.event); err == nil {
			o.source = "the schedule saved for " + c.event
			o.ev, err = schedule.Parse(c.event+".toml (saved)", data)
		}
		if err != nil {
			o.db.Close()
			return nil, err
		}
	}
	if o.camp, err = o.db.Camp(ctx, o.ev); err == nil {
		err = o.db.SaveSchedule(ctx, o.ev.Slug, data)
	}
	if err != nil {
		o.db.Close()
		return nil, err
	}
	return o, nil
}

// clock returns the real clock, or a rehearsal clock for --now/--speed.
func (c *config) clock(ev *schedule.Event) (schedule.Clock, error) {
	if c.now == "" {
		if c.speed != 1 {
			return nil, usageError{errors.New("--speed needs --now: say where the rehearsal starts")}
		}
		return c.main.Clock, nil
	}
	start, err := parseNow(c.now, ev)
	if err != nil {
		return nil, usageError{err}
	}
	if c.speed <= 0 || c.speed > 3600 {
		return nil, usageError{fmt.Errorf("--speed %s: the clock must move forward: use a number above 0 and at most 3600 (1 is real time, 60 a minute a second)", strconv.FormatFloat(c.speed, 'g', -1, 64))}
	}
	return schedule.NewRehearsalClock(start, c.speed), nil
}

// parseNow reads --now: an RFC 3339 instant, or HH:MM on the event day in the
// event's home zone.
func parseNow(s string, ev *schedule.Event) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), nil
	}
	if h, m, err := schedule.ParseClock(s); err == nil && ev != nil {
		d := ev.Date
		return time.Date(d.Year, d.Month, d.Day, h, m, 0, 0, ev.Zone).UTC(), nil
	}
	return time.Time{}, fmt.Errorf("--now %q: write an instant as 2026-03-28T09:25:00Z, or a time on the event day as 09:25", s)
}

// dataDir is where camp keeps its database and host key by default.
func (c *config) dataDir() string {
	if d := c.main.Getenv("CAMP_DATA"); d != "" {
		return d
	}
	if d := c.main.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "camp")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "share", "camp")
	}
	return "."
}

func (c *config) dbPath() string {
	if c.db != "" {
		return c.db
	}
	return filepath.Join(c.dataDir(), "camp.db")
}
