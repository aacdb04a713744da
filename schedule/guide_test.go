package schedule_test

import (
	"testing"

	"github.com/lightningcamp/camp/schedule"
)

func TestMedianOddAndEven(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want float64
	}{
		{nil, 0}, {[]float64{4}, 4}, {[]float64{9, 1, 3}, 3}, {[]float64{10, 2, 4, 1}, 3}, {[]float64{1.5, 2.5}, 2},
	} {
		if got := schedule.Median(c.in); got != c.want {
			t.Errorf("Median(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestBuildGuideCountsUnmeasuredReportsButDoesNotAverageThem(t *testing.T) {
	r := func(tool string, o schedule.Outcome, speedup float64, camp string) schedule.SeriesReport {
		return schedule.SeriesReport{Report: schedule.Report{Tool: tool, Outcome: o, Speedup: speedup, Project: "p"}, Camp: camp}
	}
	guides := schedule.BuildGuide([]schedule.SeriesReport{
		r("Cython", schedule.OutcomeWorked, 10, "a"),
		r("mypyc", schedule.OutcomeFailed, 0, "a"),
		r("cython", schedule.OutcomePartial, 0, "b"),
		r("Cython", schedule.OutcomeWorked, 2, "b"),
		{Report: schedule.Report{Tool: "Cython", Outcome: schedule.OutcomeWorked, Speedup: 1000, Hidden: true}, Camp: "c"},
	})
	if len(guides) != 2 || guides[0].Tool != "Cython" || guides[1].Tool != "mypyc" {
		t.Fatalf("guides = %+v, want Cython then mypyc", guides)
	}
	c := guides[0]
	if c.Reports != 3 || c.Outcomes != (schedule.OutcomeCounts{Worked: 2, Partial: 1}) {
		t.Errorf("Cython: %d reports, outcomes %+v; want 3 (2 worked, 1 partial), the hidden one left out", c.Reports, c.Outcomes)
	}
	if c.Speedup != (schedule.SpeedupStats{N: 2, Median: 6, Min: 2, Max: 10}) {
		t.Errorf("Cython speed-up = %+v, want n=2 median 6 (2..10): the unmeasured report is not a 0", c.Speedup)
	}
	if m := guides[1]; m.Speedup.N != 0 || m.Reports != 1 {
		t.Errorf("mypyc = %+v, want 1 report and no speed-up figures", m)
	}
	if _, err := schedule.GuideFor(guides, "codon"); schedule.ErrorCode(err) != schedule.ENOTFOUND {
		t.Errorf("GuideFor(codon) = %v, want not found", err)
	}
	if g, err := schedule.GuideFor(guides, "MYPYC"); err != nil || g.Tool != "mypyc" {
		t.Errorf("GuideFor(MYPYC) = %v, %v", g.Tool, err)
	}
}
