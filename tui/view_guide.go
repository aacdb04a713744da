package tui

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/lightningcamp/camp/schedule"
)

// guidePane is the compiler-tool guide, opened from the Notes view: what
// every experience report of the series says about each tool. The list of
// tools is on top, the selected tool's figures and projects below. Every
// figure carries its n; a report without a measured speed-up counts for
// the outcome only (schedule.BuildGuide).
//
// The guide is read when the pane opens (the reports of earlier camps do
// not change while people watch; this camp's new ones show the next time).
type guidePane struct {
	open   bool
	loaded bool
	guides []schedule.ToolGuide
	tools  picker // ids are 1 + the tool's index
}

// toggle opens the pane and reads the guide, or closes it.
func (g *guidePane) toggle(svc Guide, desk notesDesk) tea.Cmd {
	if g.open {
		g.open = false
		return nil
	}
	g.open = true
	if svc == nil {
		desk.fail(schedule.Errorf(schedule.EINTERNAL, "the compiler-tool guide is not available here"))
		g.open = false
		return nil
	}
	return desk.enqueue(func(ctx context.Context) tea.Msg {
		reports, err := svc.SeriesReports(ctx)
		guides := schedule.BuildGuide(reports)
		return doneMsg{err: err, ok: fmt.Sprintf("compiler-tool guide: %s", plural(len(guides), "tool")), then: func() tea.Cmd {
			g.guides, g.loaded = guides, true
			g.tools.sync(g.ids())
			return nil
		}}
	})
}

func (g *guidePane) ids() []int64 {
	ids := make([]int64, len(g.guides))
	for i := range ids {
		ids[i] = int64(i + 1)
	}
	return ids
}

func (g *guidePane) handleKey(l *look, k tea.KeyPressMsg) bool {
	return g.tools.navigate(l.keys, k, g.ids(), 5)
}

func (g *guidePane) render(l *look, w, h int) string {
	if !g.loaded {
		return l.heading("Compiler-tool guide", w) + "\n" + l.st.faint.Render("reading the reports of the series…")
	}
	reports, camps := 0, map[string]bool{}
	for _, t := range g.guides {
		reports += t.Reports
		for _, c := range t.Camps {
			camps[c] = true
		}
	}
	head := l.heading(fmt.Sprintf("Compiler-tool guide · %s series · %s from %s", line(l.ev.Series),
		plural(reports, "report"), plural(len(camps), "camp")), w)
	if len(g.guides) == 0 {
		return stack(head, l.st.faint.Render("no experience reports yet: r adds one to a talk or topic"))
	}
	listH := min(len(g.guides), max(h/3, 3))
	list := l.renderList(len(g.guides), g.tools.index, listH, w, true, func(i, width int) string {
		return g.toolRow(g.guides[i], width)
	})
	note := l.st.faint.Render(truncate("medians with n; reports without a measured speed-up count for the outcome only", w))
	detail := g.detail(l, g.guides[min(g.tools.index, len(g.guides)-1)], w, h-listH-3)
	return stack(head, list, note, detail)
}

// toolRow is one tool in the list: its reports, outcomes and median.
func (g *guidePane) toolRow(t schedule.ToolGuide, w int) string {
	outcomes := fmt.Sprintf("worked %d · partial %d · failed %d", t.Outcomes.Worked, t.Outcomes.Partial, t.Outcomes.Failed)
	return columns(w, []string{line(t.Tool), fmt.Sprintf("n=%d", t.Reports), outcomes, medianText(t.Speedup)}, []int{12, 6, 34, w})
}

// medianText is the median speed-up with its n: "median 4× (n=3)".
func medianText(s schedule.SpeedupStats) string {
	if s.N == 0 {
		return "no speed-up measured"
	}
	return fmt.Sprintf("median %s× (n=%d)", schedule.Factor(s.Median), s.N)
}

// detail is the selected tool: range, versions, camps and projects.
func (g *guidePane) detail(l *look, t schedule.ToolGuide, w, h int) string {
	lines := []string{l.heading(line(t.Tool)+" · "+plural(t.Reports, "report"), w)}
	speed := "speed-up: none measured (n=0)"
	if s := t.Speedup; s.N > 0 {
		speed = fmt.Sprintf("speed-up: median %s×, range %s×–%s× (n=%d)", schedule.Factor(s.Median), schedule.Factor(s.Min), schedule.Factor(s.Max), s.N)
	}
	if unmeasured := t.Reports - t.Speedup.N; unmeasured > 0 {
		speed += fmt.Sprintf("; %d not measured", unmeasured)
	}
	lines = append(lines, truncate(speed, w))
	if len(t.Versions) > 0 {
		lines = append(lines, truncate("versions: "+line(strings.Join(t.Versions, ", ")), w))
	}
	lines = append(lines, truncate("camps: "+line(strings.Join(t.Camps, ", ")), w))
	for _, p := range t.Projects {
		facts := []string{string(p.Outcome)}
		if p.Speedup > 0 {
			facts = append(facts, schedule.Factor(p.Speedup)+"×")
		}
		if p.Version != "" {
			facts = append(facts, line(p.Version))
		}
		row := fmt.Sprintf("• %s: %s · %s", line(p.Project), strings.Join(facts, ", "), line(p.Camp))
		if p.ProjectURL != "" {
			row += " · " + line(p.ProjectURL)
		}
		lines = append(lines, truncate(row, w))
	}
	if h > 0 && len(lines) > h {
		lines = append(lines[:h-1], l.st.faint.Render(fmt.Sprintf("… %d more: guide --tool %s over SSH lists them all", len(lines)-h+1, line(t.Tool))))
	}
	return strings.Join(lines, "\n")
}
