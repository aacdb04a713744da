package schedule

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
)

// The compiler-tool guide: what every experience report of a series says
// about each tool. The statistics are meant to be honest with small
// numbers: medians rather than means (one 400x report must not make a tool
// look 80x faster on average), the range beside them, and the number of
// reports behind every figure. A report without a measured speed-up counts
// for the outcome but not for the speed-up figures.

// SeriesReport is an experience report with the camp of the series it was
// written at.
type SeriesReport struct {
	Report
	Camp     string `json:"camp"`      // the camp's slug
	CampName string `json:"camp_name"` // its name
}

// OutcomeCounts counts the reports of a tool by outcome.
type OutcomeCounts struct {
	Worked  int `json:"worked"`
	Partial int `json:"partial"`
	Failed  int `json:"failed"`
}

// SpeedupStats sums up the measured speed-ups of a tool. N is how many
// reports measured one; the other figures are 0 when N is 0.
type SpeedupStats struct {
	N      int     `json:"n"`
	Median float64 `json:"median"`
	Min    float64 `json:"min"`
	Max    float64 `json:"max"`
}

// GuideProject is one report in a tool's guide: the project, how it went
// and where it was told.
type GuideProject struct {
	ReportID   int64   `json:"report_id"`
	Project    string  `json:"project"`
	ProjectURL string  `json:"project_url,omitempty"`
	Version    string  `json:"version,omitempty"`
	Outcome    Outcome `json:"outcome"`
	Speedup    float64 `json:"speedup,omitempty"` // 0: not measured
	Camp       string  `json:"camp"`
	CampName   string  `json:"camp_name"`
	Target     Target  `json:"target"`
}

// ToolGuide is what the series knows about one compiler tool.
type ToolGuide struct {
	Tool     string         `json:"tool"`
	Reports  int            `json:"reports"`
	Outcomes OutcomeCounts  `json:"outcomes"`
	Speedup  SpeedupStats   `json:"speedup"`
	Versions []string       `json:"versions"` // as reported, sorted, without blanks
	Camps    []string       `json:"camps"`    // slugs, in the order reports came from them
	Projects []GuideProject `json:"projects"` // one per report, in the order written
}

// BuildGuide groups reports by tool (ignoring case; the first spelling
// seen names the tool) and sums each tool up. Tools with the most reports
// come first, then by name; each tool's projects in the order they were
// reported, whatever the order of reports. Hidden reports are skipped.
func BuildGuide(reports []SeriesReport) []ToolGuide {
	reports = slices.Clone(reports)
	slices.SortStableFunc(reports, func(a, b SeriesReport) int {
		return cmp.Or(a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.Camp, b.Camp), cmp.Compare(a.ID, b.ID))
	})
	var guides []ToolGuide
	index := map[string]int{}
	speedups := map[string][]float64{}
	for _, r := range reports {
		if r.Hidden || strings.TrimSpace(r.Tool) == "" {
			continue
		}
		key := strings.ToLower(strings.TrimSpace(r.Tool))
		i, ok := index[key]
		if !ok {
			i = len(guides)
			index[key] = i
			guides = append(guides, ToolGuide{Tool: strings.TrimSpace(r.Tool), Versions: []string{}, Camps: []string{}, Projects: []GuideProject{}})
		}
		g := &guides[i]
		g.Reports++
		switch r.Outcome {
		case OutcomeWorked:
			g.Outcomes.Worked++
		case OutcomePartial:
			g.Outcomes.Partial++
		case OutcomeFailed:
			g.Outcomes.Failed++
		}
		if r.Speedup > 0 {
			speedups[key] = append(speedups[key], r.Speedup)
		}
		if v := strings.TrimSpace(r.ToolVersion); v != "" && !slices.Contains(g.Versions, v) {
			g.Versions = append(g.Versions, v)
		}
		if !slices.Contains(g.Camps, r.Camp) {
			g.Camps = append(g.Camps, r.Camp)
		}
		g.Projects = append(g.Projects, GuideProject{
			ReportID: r.ID, Project: r.Project, ProjectURL: r.ProjectURL, Version: strings.TrimSpace(r.ToolVersion),
			Outcome: r.Outcome, Speedup: r.Speedup, Camp: r.Camp, CampName: r.CampName, Target: r.Target,
		})
	}
	for key, i := range index {
		guides[i].Speedup = summarise(speedups[key])
		slices.Sort(guides[i].Versions)
	}
	slices.SortStableFunc(guides, func(a, b ToolGuide) int {
		return cmp.Or(cmp.Compare(b.Reports, a.Reports), cmp.Compare(strings.ToLower(a.Tool), strings.ToLower(b.Tool)))
	})
	return guides
}

// GuideFor picks one tool's guide, ignoring case. A tool nobody reported
// on is ENOTFOUND, naming the tools that have reports.
func GuideFor(guides []ToolGuide, tool string) (ToolGuide, error) {
	var names []string
	for _, g := range guides {
		if strings.EqualFold(g.Tool, strings.TrimSpace(tool)) {
			return g, nil
		}
		names = append(names, g.Tool)
	}
	if len(names) == 0 {
		return ToolGuide{}, Errorf(ENOTFOUND, "no experience reports on %q: the series has no reports yet", tool)
	}
	return ToolGuide{}, Errorf(ENOTFOUND, "no experience reports on %q: reports are on %s", tool, strings.Join(names, ", "))
}

func summarise(xs []float64) SpeedupStats {
	if len(xs) == 0 {
		return SpeedupStats{}
	}
	return SpeedupStats{N: len(xs), Median: Median(xs), Min: slices.Min(xs), Max: slices.Max(xs)}
}

// Median is the middle value of xs, or the mean of the two middle values
// when there is an even number of them; 0 for none. xs is not changed.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	mid := len(s) / 2
	if len(s)%2 == 1 {
		return s[mid]
	}
	return (s[mid-1] + s[mid]) / 2
}

// Factor writes a speed-up for people: at most two decimals, no trailing
// zeros ("4", "2.5", "12.33").
func Factor(x float64) string {
	return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64)
}
