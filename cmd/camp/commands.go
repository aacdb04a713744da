package main

import (
	"fmt"
	"runtime/debug"
	"time"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/schedule/export"
	"github.com/lightningcamp/camp/store"
)

func (c *config) checkCommand() *cobra.Command {
	var tz string
	cmd := &cobra.Command{
		Use:   "check [FILE]",
		Short: "Check a schedule file and print the day as a timeline",
		Long: "check reads a schedule file (default: the one camp would use), reports every problem\n" +
			"with its file:line:col, and prints the day in every display zone side by side.",
		Args: maxArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				c.schedule = args[0]
			}
			ev, source, _, err := c.loadSchedule()
			if err != nil {
				return err
			}
			extra, err := viewerZones(tz)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if err := export.WriteTimeline(out, ev, extra...); err != nil {
				return err
			}
			_, err = fmt.Fprintf(out, "%s: ok\n", source)
			return err
		},
	}
	cmd.Flags().StringVar(&tz, "tz", "", "also show the day in this IANA zone, e.g. Asia/Tokyo")
	return cmd
}

func (c *config) scheduleCommand() *cobra.Command {
	var tz string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "schedule",
		Short: "Print the day's schedule (--json for data)",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ev, _, _, err := c.loadSchedule()
			if err != nil {
				return err
			}
			extra, err := viewerZones(tz)
			if err != nil {
				return err
			}
			if asJSON {
				return export.WriteScheduleJSON(cmd.OutOrStdout(), ev, extra...)
			}
			return export.WriteTimeline(cmd.OutOrStdout(), ev, extra...)
		},
	}
	cmd.Flags().StringVar(&tz, "tz", "", "also show times in this IANA zone, e.g. Asia/Tokyo")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (times in RFC 3339 UTC; see docs/JSON.md)")
	return cmd
}

// viewerZones loads the --tz zone, if given.
func viewerZones(name string) ([]*time.Location, error) {
	if name == "" {
		return nil, nil
	}
	loc, err := schedule.LoadZone(name)
	if err != nil {
		return nil, usageError{fmt.Errorf("--tz: %v", err)}
	}
	return []*time.Location{loc}, nil
}

func (c *config) backupCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "backup FILE",
		Short: "Copy the database to FILE while the camp runs",
		Long:  "backup writes a consistent copy of the database (all camps of the series) to FILE.\nIt is safe while camp or camp serve is running. The copy holds emails and keys, so\nonly you can read it (mode 0600).",
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			db, err := store.Open(c.dbPath(), store.Options{})
			if err != nil {
				return err
			}
			defer db.Close()
			if err := db.Backup(cmd.Context(), args[0]); err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "backed up %s to %s\n", db.Path(), args[0])
			return err
		},
	}
}

func versionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print camp's version",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "camp %s\n", version())
			return err
		},
	}
}

// version is the module version, or the VCS revision of a source build.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " (" + s.Value[:12] + ")"
		}
	}
	return v
}
