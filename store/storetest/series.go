package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store"
)

// Series is one database holding three camps of the "Lightning Camp"
// series (2025-09, 2025-12 and the example's 2026-03, which is Camps[2]),
// plus a camp of another series, with experience reports on several tools
// for the compiler-tool guide:
//
//	tool    reports  worked/partial/failed  measured speed-ups
//	cython  4        3/1/0                  10, 2, 4 (one not measured): median 4, odd n
//	mypyc   3        1/1/1                  3, 5: median 4, even n
//	numba   1        1/0/0                  50
//
// The other series' camp has a cython report of 999x that no guide of
// this series may count.
type Series struct {
	Camps  [3]*store.Camp
	Other  *store.Camp
	Clock  *schedule.ManualClock
	Author schedule.Actor // Priya Raman, who wrote the reports
}

// SeriesCamps builds the Series.
func SeriesCamps(tb testing.TB) *Series {
	tb.Helper()
	ctx := context.Background()
	clock := schedule.NewManualClock(time.Date(2025, 9, 27, 10, 0, 0, 0, time.UTC))
	db := MustOpenDB(tb, clock)
	s := &Series{Clock: clock}
	open := func(slug, name, series string) *store.Camp {
		ev := Example(tb)
		ev.Slug, ev.Name, ev.Series = slug, name, series
		ev.Limits.WriteBurst = 1000
		c, err := db.Camp(ctx, ev)
		if err != nil {
			tb.Fatal(err)
		}
		return c
	}
	s.Camps[0] = open("2025-09", "Lightning Camp September 2025", "Lightning Camp")
	s.Camps[1] = open("2025-12", "Lightning Camp December 2025", "Lightning Camp")
	s.Camps[2] = open("2026-03", "Lightning Camp March 2026", "Lightning Camp")
	s.Other = open("rust-2026", "Rust Camp", "Rust Camp")
	s.Author = MustJoin(tb, s.Camps[0], "Priya Raman", false)
	org := MustJoin(tb, s.Camps[0], "Olga Organiser", true)
	type report struct {
		camp    *store.Camp
		project string
		url     string
		tool    string
		version string
		outcome schedule.Outcome
		speedup float64
	}
	for _, r := range []report{
		{s.Camps[0], "astropy-regions", "https://github.com/astropy/regions", "cython", "3.0.11", schedule.OutcomeWorked, 10},
		{s.Camps[0], "toolz", "", "cython", "3.0.11", schedule.OutcomePartial, 0},
		{s.Camps[0], "black", "https://github.com/psf/black", "mypyc", "1.11", schedule.OutcomeWorked, 3},
		{s.Camps[1], "pyproj", "https://github.com/pyproj4/pyproj", "cython", "3.1.0", schedule.OutcomeWorked, 2},
		{s.Camps[1], "attrs", "", "mypyc", "1.13", schedule.OutcomeFailed, 0},
		{s.Camps[1], "ray-tracer", "https://example.org/ray", "numba", "0.60", schedule.OutcomeWorked, 50},
		{s.Camps[2], "scikit-image", "https://github.com/scikit-image/scikit-image", "cython", "3.1.0", schedule.OutcomeWorked, 4},
		{s.Camps[2], "mypy", "https://github.com/python/mypy", "mypyc", "1.15", schedule.OutcomePartial, 5},
		{s.Other, "ripgrep-py", "", "cython", "3.1.0", schedule.OutcomeWorked, 999},
	} {
		clock.Advance(time.Minute)
		talk := MustProposeTalk(tb, r.camp, s.Author, "Speeding up "+r.project)
		if _, err := r.camp.ActOnTalk(ctx, org, talk.ID, schedule.ActApprove); err != nil {
			tb.Fatal(err) // a report counts once its talk is on the programme
		}
		_, err := r.camp.AddReport(ctx, s.Author, schedule.Target{Kind: "talk", ID: talk.ID}, schedule.ReportInput{
			Project: r.project, ProjectURL: r.url, Tool: r.tool, ToolVersion: r.version, Outcome: r.outcome, Speedup: r.speedup,
			Learnt: "Profile first.",
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
	return s
}
