package commands

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
)

// timer: the organisers' server-side timers (a talk's starts with the talk).

// timerJSON is one timer in `timer list --json` and `now --json`.
type timerJSON struct {
	ID               int64  `json:"id"`
	Kind             string `json:"kind"`
	Label            string `json:"label"`
	Ref              string `json:"ref"`
	State            string `json:"state"`
	StartedAt        stamp  `json:"started_at"`
	DurationSeconds  int64  `json:"duration_seconds"`
	RemainingSeconds int64  `json:"remaining_seconds"`
}

func newTimerJSON(tm schedule.Timer, now time.Time) timerJSON {
	return timerJSON{
		ID: tm.ID, Kind: string(tm.Kind), Label: line(tm.Label), Ref: line(tm.Ref), State: string(tm.State(now)),
		StartedAt: stamp(tm.StartedAt), DurationSeconds: seconds(tm.Duration), RemainingSeconds: seconds(tm.Remaining(now)),
	}
}

func newTimerList(timers []schedule.Timer, now time.Time) []timerJSON {
	out := make([]timerJSON, 0, len(timers))
	for _, tm := range timers {
		out = append(out, newTimerJSON(tm, now))
	}
	return out
}

// writeTimers is the timers as a table, shared by `timer list` and `now`.
func writeTimers(w io.Writer, timers []timerJSON) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tSTATE\tLEFT\tLABEL")
	for _, tm := range timers {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", tm.ID, tm.Kind, tm.State, countdown(time.Duration(tm.RemainingSeconds)*time.Second), tm.Label)
	}
	tw.Flush()
}

// timersView is `timer list --json`.
type timersView struct {
	Timers []timerJSON `json:"timers"`
}

func (v timersView) writeText(w io.Writer) {
	if len(v.Timers) == 0 {
		fmt.Fprintln(w, "No timers are running.")
		return
	}
	writeTimers(w, v.Timers)
}

func (t *tree) timerCommand() *cobra.Command {
	return t.organiser(t.group("timer", "Start, pause, extend and stop timers (organisers)",
		t.examples("timer start --kind slot --minutes 45 --label \"Open space I, slot 1\"", "timer extend 3 --minutes 1", "timer list"),
		t.timerStartCommand(),
		t.timerStepCommand("pause", "Pause a timer", "Paused", Backend.PauseTimer),
		t.timerStepCommand("resume", "Resume a paused timer", "Resumed", Backend.ResumeTimer),
		t.timerStepCommand("stop", "Stop a timer for good", "Stopped", Backend.StopTimer),
		t.timerExtendCommand(), t.timerListCommand()))
}

func (t *tree) timerStartCommand() *cobra.Command {
	var kind, label, ref string
	var minutes float64
	cmd := &cobra.Command{
		Use:     "start",
		Short:   "Start a timer; a new talk or slot timer replaces the running one of its kind",
		Example: t.examples(`timer start --kind break --minutes 15 --label "Coffee"`),
		Args:    exactArgs(0),
		RunE: t.run(func(c *call) error {
			d, err := c.minutes(minutes)
			if err != nil {
				return err
			}
			k, err := schedule.ParseTimerKind(kind)
			if err != nil {
				return err
			}
			tm, err := c.backend().StartTimer(c.ctx, c.actor(), schedule.TimerSpec{Kind: k, Label: label, Ref: ref, Duration: d})
			return c.sayTimer("Started", tm, err)
		}),
	}
	cmd.Flags().StringVar(&kind, "kind", "custom", "talk, slot, break or custom")
	cmd.Flags().Float64Var(&minutes, "minutes", 0, "how long it runs, in minutes")
	cmd.Flags().StringVar(&label, "label", "", "what it times, shown to everyone")
	cmd.Flags().StringVar(&ref, "ref", "", "what it belongs to, e.g. talk:12 or a slot id")
	return cmd
}

// timerStep is a timer change that needs only an id, e.g. Backend.PauseTimer.
type timerStep func(Backend, context.Context, schedule.Actor, int64) (schedule.Timer, error)

func (t *tree) timerStepCommand(name, short, done string, step timerStep) *cobra.Command {
	return &cobra.Command{
		Use:     name + " ID",
		Short:   short,
		Example: t.examples("timer " + name + " 3"),
		Args:    exactArgs(1),
		RunE: t.run(func(c *call) error {
			id, err := parseID(c.args[0], "timer")
			if err != nil {
				return err
			}
			tm, err := step(c.backend(), c.ctx, c.actor(), id)
			return c.sayTimer(done, tm, err)
		}),
	}
}

func (t *tree) timerExtendCommand() *cobra.Command {
	var minutes float64
	cmd := &cobra.Command{
		Use:     "extend ID",
		Short:   "Give a timer more time",
		Example: t.examples("timer extend 3 --minutes 1"),
		Args:    exactArgs(1),
		RunE: t.run(func(c *call) error {
			id, err := parseID(c.args[0], "timer")
			if err != nil {
				return err
			}
			d, err := c.minutes(minutes)
			if err != nil {
				return err
			}
			tm, err := c.backend().ExtendTimer(c.ctx, c.actor(), id, d)
			return c.sayTimer("Extended", tm, err)
		}),
	}
	cmd.Flags().Float64Var(&minutes, "minutes", 0, "how many minutes to add")
	return cmd
}

func (t *tree) timerListCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "list",
		Short:   "List the timers that are not stopped",
		Example: t.examples("timer list --json"),
		Args:    exactArgs(0),
		RunE: t.run(func(c *call) error {
			timers, err := c.backend().Timers(c.ctx)
			if err != nil {
				return err
			}
			return c.show(timersView{Timers: newTimerList(timers, c.now())})
		}),
	}
	addJSONFlag(cmd)
	return cmd
}

// minutes reads the required --minutes flag as a duration.
func (c *call) minutes(m float64) (time.Duration, error) {
	if !c.flagSet("minutes") {
		return 0, usagef("%s needs --minutes N", commandName(c.cmd))
	}
	return time.Duration(m * float64(time.Minute)), nil
}

// sayTimer confirms a timer change, or passes its error on.
func (c *call) sayTimer(done string, tm schedule.Timer, err error) error {
	if err != nil {
		return err
	}
	j := newTimerJSON(tm, c.now())
	return c.report(j, "%s timer %d (%s) %s: %s left, %s.", done, j.ID, j.Kind, quoted(j.Label), countdown(time.Duration(j.RemainingSeconds)*time.Second), j.State)
}
