package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/schedule/eventbrite"
	"github.com/lightningcamp/camp/schedule/export"
	"github.com/lightningcamp/camp/store"
)

// exportData gathers everything one camp produced, stamped with its last
// change so that the same database always gives the same files.
func exportData(ctx context.Context, camp *store.Camp) (export.Camp, error) {
	c := export.Camp{Event: camp.Event()}
	var err error
	if c.Talks, err = camp.Talks(ctx, schedule.TalkFilter{}); err != nil {
		return c, err
	}
	if c.Topics, err = camp.Topics(ctx); err != nil {
		return c, err
	}
	if c.Notes, err = camp.Notes(ctx, schedule.Target{}); err != nil {
		return c, err
	}
	if c.Reports, err = camp.Reports(ctx, schedule.Target{}); err != nil {
		return c, err
	}
	if c.People, err = camp.People(ctx); err != nil {
		return c, err
	}
	if c.Series, err = camp.SeriesReports(ctx); err != nil {
		return c, err
	}
	if c.Registrations, err = camp.Registrations(ctx); err != nil {
		return c, err
	}
	votes, err := camp.Votes(ctx)
	if err != nil {
		return c, err
	}
	for _, v := range votes {
		c.Votes = append(c.Votes, export.Vote{TopicID: v.TopicID, PersonID: v.PersonID})
	}
	last, err := camp.LastChange(ctx)
	if err != nil {
		return c, err
	}
	c.GeneratedAt = time.UnixMilli(last).UTC()
	if last == 0 {
		c.GeneratedAt = camp.Event().Start() // nothing written yet
	}
	return c, nil
}

func (c *config) exportCommand() *cobra.Command {
	var out string
	var opt export.Options
	cmd := &cobra.Command{
		Use:   "export --out DIR",
		Short: "Write the camp's pages, notes, calendar and Zoom files to DIR",
		Long: "export writes a bundle for compilepython.com, calendars, conference apps and Zoom:\n" +
			"compilepython/ pages, event.json, schedule.ics, schedule.json (frab/c3voc),\n" +
			"zoom-breakout-rooms.csv, notes/ and an offline index.html. See docs/EXPORT.md.\n" +
			"The bundle is written to a temporary directory and renamed into place.",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usageError{fmt.Errorf("say where to write the bundle: --out DIR")}
			}
			if cmd.Flags().Changed("only") && (len(opt.Only) == 0 || slices.Contains(opt.Only, "")) {
				return usageError{fmt.Errorf("--only %q names no kind: use one or more of %s (or leave --only out to write everything)",
					strings.Join(opt.Only, ","), strings.Join(export.BundleKinds, ", "))}
			}
			o, err := c.open(cmd.Context())
			if err != nil {
				return err
			}
			defer o.Close()
			data, err := exportData(cmd.Context(), o.camp)
			if err != nil {
				return err
			}
			if err := export.WriteBundle(out, data, opt); err != nil {
				return err
			}
			if err := reportLeftOut(cmd.ErrOrStderr(), data, opt); err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "exported %s (%s) to %s\n", o.ev.Slug, export.Summarise(data), out)
			return err
		},
	}
	f := cmd.Flags()
	f.StringVar(&out, "out", "", "directory to write the bundle to (replaced if it holds an earlier export)")
	f.StringSliceVar(&opt.Only, "only", nil, "write only these kinds: compilepython, event.json, schedule.ics, schedule.json, zoom-breakout-rooms.csv, notes, index.html")
	f.BoolVar(&opt.IncludePrivate, "include-private", false, "put emails and key fingerprints in event.json (never publish such a bundle)")
	f.StringVar(&opt.BreakoutSlot, "breakout-slot", "", "the open-space slot (BLOCK/N) or block the Zoom CSV pre-assigns (default: the first with topics)")
	return cmd
}

// reportLeftOut says on stderr who the Zoom file leaves out, when it was
// written: the same list as zoom-unassigned.txt.
func reportLeftOut(w io.Writer, data export.Camp, opt export.Options) error {
	if len(opt.Only) > 0 && !slices.Contains(opt.Only, export.BundleZoomCSV) {
		return nil
	}
	left, err := export.ZoomLeftOut(data, opt)
	if err != nil || len(left) == 0 {
		return err
	}
	_, err = io.WriteString(w, export.LeftOutText(left))
	return err
}

func (c *config) importCommand() *cobra.Command {
	imp := &cobra.Command{Use: "import", Short: "Import attendees from elsewhere"}
	imp.AddCommand(&cobra.Command{
		Use:   "eventbrite FILE.csv",
		Short: "Import Eventbrite's attendee report (idempotent)",
		Long: "import eventbrite reads the attendee report exported from Eventbrite (Manage attendees >\n" +
			"Export). The report is the source of truth: a re-import applies refunds, transfers and new\n" +
			"names or emails, and says what changed; only Attending and Checked In tickets reach the Zoom\n" +
			"file. Bad rows are reported by line while the good ones are imported. Importing the same\n" +
			"file twice changes nothing.",
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return c.importEventbrite(cmd, args[0]) },
	})
	return imp
}

func (c *config) importEventbrite(cmd *cobra.Command, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return schedule.Errorf(schedule.ENOTFOUND, "cannot read %s: %v", path, err)
	}
	defer f.Close()
	o, err := c.open(cmd.Context())
	if err != nil {
		return err
	}
	defer o.Close()
	regs, problems, err := eventbrite.Parse(f, o.ev.Slug)
	if err != nil {
		return schedule.Errorf(schedule.EINVALID, "%s: %v", path, err)
	}
	actor, err := consoleActor(cmd.Context(), o.camp)
	if err != nil {
		return err
	}
	res, err := o.camp.ImportRegistrations(cmd.Context(), actor, regs)
	if err != nil {
		return err
	}
	out := cmd.OutOrStdout()
	fmt.Fprintf(out, "%s: %d registrations (%d new, %d updated, %d unchanged)%s\n",
		path, len(regs), res.Added, res.Updated, res.Unchanged, statusCounts(regs))
	for _, change := range res.Changes {
		fmt.Fprintf(out, "  updated %s\n", change)
	}
	for _, p := range problems {
		fmt.Fprintf(cmd.ErrOrStderr(), "%s:%s\n", path, p)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%d row(s) of %s could not be imported (listed above); the other %d rows were imported", len(problems), path, len(regs))
	}
	return nil
}

// statusCounts says how many registrations have each status other than
// attending: ", 2 without a ticket (1 Refunded, 1 Transferred)".
func statusCounts(regs []schedule.Registration) string {
	counts := map[string]int{}
	var statuses []string
	without := 0
	for _, r := range regs {
		if r.Attending() {
			continue
		}
		if counts[r.Status] == 0 {
			statuses = append(statuses, r.Status)
		}
		counts[r.Status]++
		without++
	}
	if without == 0 {
		return ""
	}
	slices.Sort(statuses)
	parts := make([]string, len(statuses))
	for i, s := range statuses {
		parts[i] = fmt.Sprintf("%d %s", counts[s], s)
	}
	return fmt.Sprintf(", %d without a ticket (%s)", without, strings.Join(parts, ", "))
}

// eventJSON writes the camp's public event.json: the SSH `export` command.
func eventJSON(camp *store.Camp) func(ctx context.Context, w io.Writer) error {
	return func(ctx context.Context, w io.Writer) error {
		data, err := exportData(ctx, camp)
		if err != nil {
			return err
		}
		return export.WriteEventJSON(w, data, export.Options{})
	}
}

// mineMarkdown writes one person's own work: the SSH `export --mine` command.
func mineMarkdown(camp *store.Camp) func(ctx context.Context, w io.Writer, personID int64) error {
	return func(ctx context.Context, w io.Writer, personID int64) error {
		data, err := exportData(ctx, camp)
		if err != nil {
			return err
		}
		return export.MineMarkdown(w, data, personID)
	}
}
