package commands

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/schedule/export"
)

// The compiler-tool guide: what every experience report of the series
// says about each tool (schedule.BuildGuide does the sums).

// guideView is `guide --json`: the series and its tools, most reports
// first (or the one tool of --tool).
type guideView struct {
	Series  string             `json:"series"`
	Reports int                `json:"reports"` // every report the guide counts
	Camps   int                `json:"camps"`   // how many camps they came from
	Tools   []export.GuideTool `json:"tools"`
	one     bool               // --tool: show the projects too
}

func (v guideView) writeText(w io.Writer) {
	fmt.Fprintf(w, "Compiler-tool guide: %s series, %s from %s\n", v.Series, count(v.Reports, "experience report"), count(v.Camps, "camp"))
	fmt.Fprintln(w, "Medians, with n (the reports behind each figure); a report without a measured")
	fmt.Fprintln(w, "speed-up counts for the outcome only.")
	if len(v.Tools) == 0 {
		fmt.Fprintln(w, "\nNo experience reports yet: add one with report add.")
	}
	for _, g := range v.Tools {
		fmt.Fprintf(w, "\n%s: %s from %s\n", g.Tool, count(g.Reports, "report"), count(len(g.Camps), "camp"))
		fmt.Fprintf(w, "  worked %d of %d, partial %d of %d, failed %d of %d\n",
			g.Outcomes.Worked, g.Reports, g.Outcomes.Partial, g.Reports, g.Outcomes.Failed, g.Reports)
		fmt.Fprintf(w, "  %s\n", speedupText(g.Speedup, g.Reports))
		if len(g.Versions) > 0 {
			fmt.Fprintf(w, "  versions: %s\n", strings.Join(g.Versions, ", "))
		}
		fmt.Fprintf(w, "  camps: %s\n", strings.Join(g.Camps, ", "))
		if !v.one {
			continue
		}
		fmt.Fprintln(w, "\nProjects:")
		for _, p := range g.Projects {
			facts := []string{p.Outcome}
			if p.Speedup > 0 {
				facts = append(facts, schedule.Factor(p.Speedup)+"x")
			}
			if p.Version != "" {
				facts = append(facts, p.Version)
			}
			fmt.Fprintf(w, "  %s: %s\n    at %s (%s)\n", p.Project, strings.Join(facts, ", "), p.CampName, p.Camp)
			if p.ProjectURL != "" {
				fmt.Fprintf(w, "    %s\n", p.ProjectURL)
			}
		}
	}
}

// speedupText is the speed-up figures with their n, and how many reports
// measured none.
func speedupText(s schedule.SpeedupStats, reports int) string {
	text := "median speed-up: none measured (n=0)"
	if s.N > 0 {
		text = fmt.Sprintf("median speed-up %sx (n=%d, range %sx-%sx)", schedule.Factor(s.Median), s.N, schedule.Factor(s.Min), schedule.Factor(s.Max))
	}
	if unmeasured := reports - s.N; unmeasured > 0 && s.N > 0 {
		text += fmt.Sprintf("; %d not measured", unmeasured)
	}
	return text
}

func (t *tree) guideCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "guide [--tool T]",
		Short: "What the series' experience reports say about each compiler tool",
		Long: "guide sums up every experience report of every camp of the series, per compiler tool:\n" +
			"how many reports, how they went, the median speed-up with its n and range, versions,\n" +
			"projects and camps. Reports without a measured speed-up count for the outcome only.",
		Example: t.examples("guide", "guide --tool cython", "guide --json"),
		Args:    exactArgs(0),
		RunE:    t.run(func(c *call) error { return c.guide() }),
	}
	cmd.Flags().String("tool", "", "only this tool, with its projects, e.g. cython")
	addJSONFlag(cmd)
	return t.everyone(cmd)
}

func (c *call) guide() error {
	reports, err := c.backend().SeriesReports(c.ctx)
	if err != nil {
		return err
	}
	guides := schedule.BuildGuide(reports)
	v := guideView{Series: line(c.event().Series), Tools: []export.GuideTool{}}
	camps := map[string]bool{}
	for _, g := range guides {
		v.Reports += g.Reports
		for _, camp := range g.Camps {
			camps[camp] = true
		}
	}
	v.Camps = len(camps)
	if tool, _ := c.cmd.Flags().GetString("tool"); c.flagSet("tool") {
		g, err := schedule.GuideFor(guides, tool)
		if err != nil {
			return err
		}
		guides, v.one = []schedule.ToolGuide{g}, true
	}
	v.Tools = export.GuideTools(guides, line)
	return c.show(v)
}
