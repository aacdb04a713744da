package store_test

import (
	"slices"
	"testing"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store/storetest"
)

func TestGuideCountsReportsOfEveryCampOfTheSeries(t *testing.T) {
	s := storetest.SeriesCamps(t)
	for i, camp := range s.Camps {
		reports, err := camp.SeriesReports(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(reports) != 8 {
			t.Fatalf("camp %d sees %d reports of the series, want 8 (the other series' one left out)", i, len(reports))
		}
		guides := schedule.BuildGuide(reports)
		var tools []string
		for _, g := range guides {
			tools = append(tools, g.Tool)
		}
		if !slices.Equal(tools, []string{"cython", "mypyc", "numba"}) {
			t.Fatalf("tools = %v, want cython, mypyc, numba (most reports first)", tools)
		}
		cython, mypyc, numba := guides[0], guides[1], guides[2]
		if cython.Reports != 4 || cython.Outcomes != (schedule.OutcomeCounts{Worked: 3, Partial: 1}) {
			t.Errorf("cython: %d reports %+v, want 4: 3 worked, 1 partial", cython.Reports, cython.Outcomes)
		}
		if cython.Speedup != (schedule.SpeedupStats{N: 3, Median: 4, Min: 2, Max: 10}) {
			t.Errorf("cython speed-up %+v, want n=3 median 4 range 2-10 (odd n; the unmeasured report not counted, the other series' 999x not either)", cython.Speedup)
		}
		if mypyc.Reports != 3 || mypyc.Outcomes != (schedule.OutcomeCounts{Worked: 1, Partial: 1, Failed: 1}) {
			t.Errorf("mypyc: %d reports %+v, want 3: one of each outcome", mypyc.Reports, mypyc.Outcomes)
		}
		if mypyc.Speedup != (schedule.SpeedupStats{N: 2, Median: 4, Min: 3, Max: 5}) {
			t.Errorf("mypyc speed-up %+v, want n=2 median 4 (even n: the mean of 3 and 5)", mypyc.Speedup)
		}
		if numba.Reports != 1 || numba.Speedup != (schedule.SpeedupStats{N: 1, Median: 50, Min: 50, Max: 50}) {
			t.Errorf("numba = %+v, want one report of 50x", numba)
		}
		if !slices.Equal(cython.Camps, []string{"2025-09", "2025-12", "2026-03"}) || !slices.Equal(cython.Versions, []string{"3.0.11", "3.1.0"}) {
			t.Errorf("cython camps %v versions %v", cython.Camps, cython.Versions)
		}
		if p := cython.Projects[0]; p.Project != "astropy-regions" || p.ProjectURL != "https://github.com/astropy/regions" || p.CampName != "Lightning Camp September 2025" {
			t.Errorf("cython's first project = %+v", p)
		}
	}
}

func TestGuideLeavesOutReportsOnWithdrawnTalks(t *testing.T) {
	s := storetest.SeriesCamps(t)
	talks, err := s.Camps[1].Talks(ctx, schedule.TalkFilter{})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(talks, func(tk schedule.Talk) bool { return tk.Title == "Speeding up ray-tracer" })
	if _, err := s.Camps[1].ActOnTalk(ctx, s.Author, talks[i].ID, schedule.ActWithdraw); err != nil {
		t.Fatal(err)
	}
	reports, err := s.Camps[2].SeriesReports(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range schedule.BuildGuide(reports) {
		if g.Tool == "numba" {
			t.Errorf("the numba report on a withdrawn talk still counts: %+v", g)
		}
	}
}

func TestGuideSeesANewReportOfAnotherCampAtOnce(t *testing.T) {
	s := storetest.SeriesCamps(t)
	before, err := s.Camps[2].SeriesReports(ctx) // fills the cache
	if err != nil {
		t.Fatal(err)
	}
	late := storetest.MustJoin(t, s.Camps[0], "Late Reporter", false)
	talk := storetest.MustProposeTalk(t, s.Camps[0], late, "Late report")
	org := storetest.MustJoin(t, s.Camps[0], "Olga Organiser", true)
	if _, err := s.Camps[0].ActOnTalk(ctx, org, talk.ID, schedule.ActApprove); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Camps[0].AddReport(ctx, late, schedule.Target{Kind: "talk", ID: talk.ID},
		schedule.ReportInput{Project: "late", Tool: "codon", Outcome: schedule.OutcomeWorked}); err != nil {
		t.Fatal(err)
	}
	after, err := s.Camps[2].SeriesReports(ctx)
	if err != nil || len(after) != len(before)+1 {
		t.Errorf("after a report in 2025-09 the 2026-03 guide reads %d reports (%v), want %d", len(after), err, len(before)+1)
	}
}

func TestGuideCountsOnlyReportsOnThePublicProgramme(t *testing.T) {
	s := storetest.SeriesCamps(t)
	camp := s.Camps[2]
	speaker := storetest.MustJoin(t, camp, "Sam", false)
	talk := storetest.MustProposeTalk(t, camp, speaker, "Not yet approved")
	if _, err := camp.AddReport(ctx, speaker, schedule.Target{Kind: "talk", ID: talk.ID},
		schedule.ReportInput{Project: "secret", Tool: "codon", Outcome: schedule.OutcomeWorked}); err != nil {
		t.Fatal(err)
	}
	count := func() int {
		reports, err := camp.SeriesReports(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return len(reports)
	}
	if n := count(); n != 8 {
		t.Errorf("a report on a proposal counts: %d reports, want 8 (proposals are between their speaker and the organisers)", n)
	}
	org := storetest.MustJoin(t, camp, "Olga", true)
	if _, err := camp.ActOnTalk(ctx, org, talk.ID, schedule.ActApprove); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 9 {
		t.Errorf("once the talk is approved its report counts: %d reports, want 9", n)
	}
}
