package store_test

import (
	"fmt"
	"testing"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store/storetest"
)

// BenchmarkProposeTalk measures committed proposals: each is one immediate
// transaction with its authorisation read, quota count, insert and audit row.
// proposals/s = 1e9 / ns/op.
func BenchmarkProposeTalk(b *testing.B) {
	camp := storetest.MustOpenCamp(b, nil, schedule.SystemClock{})
	org := storetest.MustJoin(b, camp, "Olive", true)
	p := schedule.TalkProposal{Title: "Cython for the impatient", Abstract: "Five minutes on typed memoryviews.", Tools: []string{"cython"}}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := camp.ProposeTalk(ctx, org, p); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "proposals/s")
}

// BenchmarkReadBoard reads what the console shows: 300 talks and 500 topics
// with their vote counts, as every session does after a change (the first
// read queries, the others share its result).
func BenchmarkReadBoard(b *testing.B) { benchmarkReadBoard(b, false) }

// BenchmarkReadBoardCold is the same read straight from SQLite every time.
func BenchmarkReadBoardCold(b *testing.B) { benchmarkReadBoard(b, true) }

func benchmarkReadBoard(b *testing.B, cold bool) {
	ev := storetest.Example(b)
	camp := storetest.MustOpenCamp(b, ev, nil)
	org := storetest.MustJoin(b, camp, "Olive", true)
	voter := storetest.MustJoin(b, camp, "Val", false)
	for i := range 300 {
		storetest.MustProposeTalk(b, camp, org, fmt.Sprintf("talk %d", i))
	}
	for i := range 500 {
		tp, err := camp.ProposeTopic(ctx, org, schedule.TopicProposal{Title: fmt.Sprintf("topic %d", i), Tags: []string{"cython", "jit"}})
		if err != nil {
			b.Fatal(err)
		}
		if i < ev.OpenSpace.DotsPerPerson {
			camp.Vote(ctx, voter, tp.ID, true)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if cold {
			camp.DB().ForgetCache()
		}
		talks, err := camp.Talks(ctx, schedule.TalkFilter{})
		if err != nil || len(talks) != 300 {
			b.Fatal(len(talks), err)
		}
		topics, err := camp.Topics(ctx)
		if err != nil || len(topics) != 500 {
			b.Fatal(len(topics), err)
		}
	}
}
