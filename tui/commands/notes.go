package commands

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
)

// Notes and experience reports on a talk or topic (talk:ID, topic:ID).

// noteJSON is one entry in `notes --json`.
type noteJSON struct {
	ID        int64  `json:"id"`
	Author    string `json:"author"`
	Text      string `json:"text"`
	Revision  int    `json:"revision"`
	CreatedAt stamp  `json:"created_at"`
	UpdatedAt stamp  `json:"updated_at"`
}

// reportJSON is one experience report in `notes --json`.
type reportJSON struct {
	ID          int64   `json:"id"`
	Author      string  `json:"author"`
	Project     string  `json:"project"`
	ProjectURL  string  `json:"project_url"`
	Tool        string  `json:"tool"`
	ToolVersion string  `json:"tool_version"`
	Outcome     string  `json:"outcome"`
	Speedup     float64 `json:"speedup"`
	Learnt      string  `json:"learnt"`
	CreatedAt   stamp   `json:"created_at"`
}

// notesView is `notes TARGET --json`.
type notesView struct {
	Target  schedule.Target `json:"target"`
	Title   string          `json:"title"`
	Notes   []noteJSON      `json:"notes"`
	Reports []reportJSON    `json:"reports"`
	clock   readerClock
}

func (v notesView) writeText(w io.Writer) {
	fmt.Fprintf(w, "Notes on %s %s\n", v.Target, quoted(v.Title))
	if len(v.Notes) == 0 {
		fmt.Fprintln(w, "\nNo notes yet.")
	}
	for _, n := range v.Notes {
		fmt.Fprintf(w, "\n#%d by %s, %s (revision %d):\n%s\n", n.ID, n.Author, v.clock.at(timeOf(n.UpdatedAt)), n.Revision, indent(n.Text))
	}
	if len(v.Reports) > 0 {
		fmt.Fprintln(w, "\nExperience reports:")
	}
	for _, r := range v.Reports {
		fmt.Fprintf(w, "\n#%d by %s: %s with %s: %s%s\n", r.ID, r.Author, r.Project, strings.TrimSpace(r.Tool+" "+r.ToolVersion), r.Outcome, speedup(r.Speedup))
		if r.ProjectURL != "" {
			fmt.Fprintf(w, "  %s\n", r.ProjectURL)
		}
		if r.Learnt != "" {
			fmt.Fprintln(w, indent(r.Learnt))
		}
	}
}

func speedup(f float64) string {
	if f == 0 {
		return ""
	}
	return ", " + strconv.FormatFloat(f, 'g', 4, 64) + "x as fast"
}

// indent sets multi-line text off from the lines around it.
func indent(s string) string { return "  " + strings.ReplaceAll(s, "\n", "\n  ") }

func (t *tree) notesCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "notes TARGET",
		Short:   "Read the notes and experience reports of a talk or topic",
		Example: t.examples("notes talk:12", "notes topic:5 --json", "notes add talk:12 The slides are at https://example.org/slides", "notes edit 7 --base 1 Fixed the link"),
		Args:    exactArgs(1),
		RunE:    t.run(func(c *call) error { return c.notes() }),
	}
	addJSONFlag(cmd)
	cmd.AddCommand(t.notesAddCommand(), t.notesEditCommand())
	return t.everyone(cmd)
}

func (c *call) notes() error {
	target, err := schedule.ParseTarget(c.args[0])
	if err != nil {
		return err
	}
	title, err := c.targetTitle(target)
	if err != nil {
		return err
	}
	notes, err := c.backend().VisibleNotes(c.ctx, c.viewer(), target)
	if err != nil {
		return err
	}
	reports, err := c.backend().VisibleReports(c.ctx, c.viewer(), target)
	if err != nil {
		return err
	}
	clock, err := c.readerClock()
	if err != nil {
		return err
	}
	v := notesView{clock: clock, Target: target, Title: line(title), Notes: make([]noteJSON, 0, len(notes)), Reports: make([]reportJSON, 0, len(reports))}
	for _, n := range notes {
		v.Notes = append(v.Notes, newNoteJSON(n))
	}
	for _, r := range reports {
		v.Reports = append(v.Reports, newReportJSON(r))
	}
	return c.show(v)
}

func newReportJSON(r schedule.Report) reportJSON {
	return reportJSON{ID: r.ID, Author: line(r.Author), Project: line(r.Project), ProjectURL: line(r.ProjectURL),
		Tool: line(r.Tool), ToolVersion: line(r.ToolVersion), Outcome: line(string(r.Outcome)), Speedup: r.Speedup,
		Learnt: text(r.Learnt), CreatedAt: stamp(r.CreatedAt)}
}

func newNoteJSON(n schedule.NoteEntry) noteJSON {
	return noteJSON{ID: n.ID, Author: line(n.Author), Text: text(n.Text), Revision: n.Revision, CreatedAt: stamp(n.CreatedAt), UpdatedAt: stamp(n.UpdatedAt)}
}

// targetTitle is the title of the talk or topic notes belong to; reading
// it also says "no talk with id 9" before anything else is read.
func (c *call) targetTitle(target schedule.Target) (string, error) {
	if target.Kind == "talk" {
		t, err := c.backend().VisibleTalk(c.ctx, c.viewer(), target.ID)
		return t.Title, err
	}
	t, err := c.backend().VisibleTopic(c.ctx, c.viewer(), target.ID)
	return t.Title, err
}

func (t *tree) notesAddCommand() *cobra.Command {
	return t.attendee(&cobra.Command{
		Use:     "add TARGET TEXT...",
		Short:   "Add a note to a talk or topic (TEXT - reads standard input)",
		Example: t.examples("notes add talk:12 The slides are at https://example.org/slides", "notes add topic:5 - < notes.md"),
		Args:    minArgs(2),
		RunE: t.run(func(c *call) error {
			target, err := schedule.ParseTarget(c.args[0])
			if err != nil {
				return err
			}
			body, err := c.textArg(c.args[1:])
			if err != nil {
				return err
			}
			n, err := c.backend().AddNote(c.ctx, c.actor(), target, body)
			if err != nil {
				return err
			}
			return c.report(newNoteJSON(n), "Added note %d to %s (revision %d).\nChange it with: %s notes edit %d --base %d TEXT", n.ID, target, n.Revision, c.prefix, n.ID, n.Revision)
		}),
	})
}

func (t *tree) notesEditCommand() *cobra.Command {
	var base int
	cmd := &cobra.Command{
		Use:     "edit ID TEXT...",
		Short:   "Replace the text of your note; --base is the revision you started from",
		Example: t.examples("notes edit 7 --base 1 The slides moved to https://example.org/v2"),
		Args:    minArgs(2),
		RunE: t.run(func(c *call) error {
			id, err := parseID(c.args[0], "note")
			if err != nil {
				return err
			}
			if !c.flagSet("base") {
				return usagef("notes edit needs --base REV: the revision you started from, as shown by notes TARGET")
			}
			body, err := c.textArg(c.args[1:])
			if err != nil {
				return err
			}
			return c.editNote(id, base, body)
		}),
	}
	cmd.Flags().IntVar(&base, "base", 0, "the revision of the note you started from")
	return t.attendee(cmd)
}

// editNote saves an edit, or, when someone else edited the note meanwhile,
// shows its current text so the caller can merge, and fails.
func (c *call) editNote(id int64, base int, body string) error {
	n, err := c.backend().EditNote(c.ctx, c.actor(), id, base, body)
	var stale *schedule.StaleEdit
	if errors.As(err, &stale) {
		cur := stale.Current
		if perr := c.say("Note %d now reads (revision %d):\n%s\nMerge your change into it, then: %s notes edit %d --base %d TEXT",
			cur.ID, cur.Revision, indent(text(cur.Text)), c.prefix, cur.ID, cur.Revision); perr != nil {
			return perr
		}
	}
	if err != nil {
		return err
	}
	return c.report(newNoteJSON(n), "Saved note %d (revision %d).", n.ID, n.Revision)
}

func (t *tree) reportCommand() *cobra.Command {
	return t.attendee(t.group("report", "Add an experience report: a real project meets a compiler tool",
		t.examples(`report add talk:12 --project mylib --tool cython --outcome worked --speedup 3.5`),
		t.reportAddCommand()))
}

func (t *tree) reportAddCommand() *cobra.Command {
	var r schedule.ReportInput
	var outcome string
	cmd := &cobra.Command{
		Use:     "add TARGET",
		Short:   "Add an experience report to a talk or topic",
		Example: t.examples(`report add talk:12 --project mylib --url https://github.com/me/mylib --tool cython --tool-version 3.1 --outcome worked --speedup 3.5 --learnt "Typed memoryviews did most of it"`),
		Args:    exactArgs(1),
		RunE: t.run(func(c *call) error {
			target, err := schedule.ParseTarget(c.args[0])
			if err != nil {
				return err
			}
			if r.Project == "" || r.Tool == "" || outcome == "" {
				return usagef("report add needs --project, --tool and --outcome (worked, partial or failed)")
			}
			if r.Outcome, err = schedule.ParseOutcome(outcome); err != nil {
				return err
			}
			if r.Learnt, err = c.stdinIfDash(r.Learnt); err != nil {
				return err
			}
			rep, err := c.backend().AddReport(c.ctx, c.actor(), target, r)
			if err != nil {
				return err
			}
			return c.report(newReportJSON(rep), "Added experience report %d to %s: %s with %s, %s.", rep.ID, target, line(rep.Project), line(rep.Tool), rep.Outcome)
		}),
	}
	fl := cmd.Flags()
	fl.StringVar(&r.Project, "project", "", "the project you tried the tool on")
	fl.StringVar(&r.ProjectURL, "url", "", "the project's web address")
	fl.StringVar(&r.Tool, "tool", "", "the compiler tool, e.g. cython")
	fl.StringVar(&r.ToolVersion, "tool-version", "", "the tool's version")
	fl.StringVar(&outcome, "outcome", "", "worked, partial or failed")
	fl.Float64Var(&r.Speedup, "speedup", 0, "how many times as fast, e.g. 3.5")
	fl.StringVar(&r.Learnt, "learnt", "", "what you learnt (- reads it from standard input)")
	return cmd
}
