package export

import (
	"fmt"
	"strings"

	"github.com/lightningcamp/camp/schedule"
)

// The compiler-tool guide on compilepython.com: a page per tool with what
// every experience report of the series says about it. The figures come
// from schedule.BuildGuide; every one carries its n.

// guide is the series' guide. Camp.Series holds the reports; hidden ones
// never count.
func (v *campView) guide() []schedule.ToolGuide { return schedule.BuildGuide(v.camp.Series) }

// toolPageName is the page of one tool: tool-cython.
func toolPageName(tool string) string { return "tool-" + slugify(tool, "-") }

func (v *campView) toolPage(g schedule.ToolGuide) sitePage {
	tool, title := oneLine(g.Tool), v.toolTitle(g)
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", mdInline(title))
	fmt.Fprintf(&b, "What %s experience reports from %s say about %s. Figures are medians, with the number of reports (n) behind each; reports without a measured speed-up count for the outcome only.\n\n",
		countOf(g.Reports, "", ""), countOf(len(g.Camps), "camp", "camps"), mdInline(tool))
	b.WriteString(mdList(guideFigures(g, mdInline)))
	var projects []string
	for _, p := range g.Projects {
		projects = append(projects, v.guideProject(p))
	}
	mdSection(&b, "Projects", mdList(projects))
	var camps []string
	for _, p := range g.Projects {
		if c := mdInline(p.CampName) + " (" + mdInline(p.Camp) + ")"; !containsString(camps, c) {
			camps = append(camps, c)
		}
	}
	mdSection(&b, "Camps", mdList(camps))
	related := []string{indexLink}
	for _, p := range g.Projects {
		if link, ok := v.reportLink(p); ok {
			related = append(related, link)
		}
	}
	fm := v.pageFrontMatter(title, guideSummary(g), "compiler-tool-guide", []string{g.Tool}, related)
	fm.Headline = guideHeadline(g)
	return sitePage{name: toolPageName(g.Tool), fm: fm, body: b.String()}
}

// toolTitle names a tool's page: "cython in the Lightning Camp series".
func (v *campView) toolTitle(g schedule.ToolGuide) string {
	return fmt.Sprintf("%s in the %s series", oneLine(g.Tool), oneLine(v.ev.Series))
}

// guideFigures are a tool's figures, each with its n.
func guideFigures(g schedule.ToolGuide, esc func(string) string) []string {
	n := g.Reports
	figures := []string{
		fmt.Sprintf("Reports: %d, from %s", n, countOf(len(g.Camps), "camp", "camps")),
		fmt.Sprintf("Worked: %d of %d", g.Outcomes.Worked, n),
		fmt.Sprintf("Partial: %d of %d", g.Outcomes.Partial, n),
		fmt.Sprintf("Failed: %d of %d", g.Outcomes.Failed, n),
	}
	if s := g.Speedup; s.N > 0 {
		figures = append(figures, fmt.Sprintf("Median speed-up: %s× (n = %d; range %s×–%s×)",
			schedule.Factor(s.Median), s.N, schedule.Factor(s.Min), schedule.Factor(s.Max)))
	} else {
		figures = append(figures, "Median speed-up: none measured (n = 0)")
	}
	if unmeasured := n - g.Speedup.N; unmeasured > 0 {
		figures = append(figures, fmt.Sprintf("Without a measured speed-up: %d of %d", unmeasured, n))
	}
	if len(g.Versions) > 0 {
		versions := make([]string, len(g.Versions))
		for i, ver := range g.Versions {
			versions[i] = esc(ver)
		}
		figures = append(figures, "Versions: "+strings.Join(versions, ", "))
	}
	return figures
}

// guideHeadline is the figure readers want first, with its n:
// "cython: median 9.75× (n=2)", or how many worked when nobody measured.
func guideHeadline(g schedule.ToolGuide) string {
	if g.Speedup.N > 0 {
		return headline(fmt.Sprintf("%s: median %s× (n=%d)", oneLine(g.Tool), schedule.Factor(g.Speedup.Median), g.Speedup.N))
	}
	return headline(fmt.Sprintf("%s: %d of %d worked", oneLine(g.Tool), g.Outcomes.Worked, g.Reports))
}

// guideSummary is the page's summary: the figures in one sentence.
func guideSummary(g schedule.ToolGuide) string {
	s := fmt.Sprintf("%s from %s: %d worked, %d partial, %d failed.",
		countOf(g.Reports, "experience report", "experience reports"), countOf(len(g.Camps), "camp", "camps"),
		g.Outcomes.Worked, g.Outcomes.Partial, g.Outcomes.Failed)
	if g.Speedup.N > 0 {
		s += fmt.Sprintf(" Median speed-up %s× (n = %d).", schedule.Factor(g.Speedup.Median), g.Speedup.N)
	}
	return s
}

// guideProject is one line of a tool's project list: the project (linked
// when it has a web address), how it went, where it was told, and its
// report page when this camp published one.
func (v *campView) guideProject(p schedule.GuideProject) string {
	project := mdInline(firstNonBlank(p.Project, "A project"))
	if u := webURL(p.ProjectURL); u != "" {
		project = mdLink(firstNonBlank(p.Project, "A project"), u)
	}
	facts := []string{mdInline(string(p.Outcome))}
	if p.Speedup > 0 {
		facts = append(facts, schedule.Factor(p.Speedup)+"×")
	}
	if p.Version != "" {
		facts = append(facts, "version "+mdInline(p.Version))
	}
	line := project + ": " + strings.Join(facts, ", ") + ", at " + mdInline(p.CampName)
	if link, ok := v.reportLink(p); ok {
		line += " (" + mdLink("report", link) + ")"
	}
	return line
}

// reportLink is the page of a report of this camp that the export
// publishes; reports of other camps are on those camps' pages.
func (v *campView) reportLink(p schedule.GuideProject) (string, bool) {
	if p.Camp != v.ev.Slug {
		return "", false
	}
	for _, r := range v.reports {
		if r.ID == p.ReportID {
			return siteLink(pageName("report", r.ID)), true
		}
	}
	return "", false
}

// countOf is "1 camp" or "3 camps"; with empty words, just the number.
func countOf(n int, one, many string) string {
	if one == "" {
		return fmt.Sprint(n)
	}
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
