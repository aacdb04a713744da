package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store"
	"github.com/lightningcamp/camp/store/storetest"
)

var ctx = context.Background()

func TestConcurrentProposalsAllLand(t *testing.T) {
	ev := storetest.Example(t)
	ev.Limits.TalksPerPerson = 5
	ev.Limits.WriteBurst = 10 // this test is about concurrent writes, not the write limiter
	camp := storetest.MustOpenCamp(t, ev, schedule.SystemClock{})
	const people, each = 200, 5
	actors := make([]schedule.Actor, people)
	for i := range actors {
		actors[i] = storetest.MustJoin(t, camp, fmt.Sprintf("speaker %d", i), false)
	}
	var wg sync.WaitGroup
	errs := make(chan error, people*each)
	for _, a := range actors {
		wg.Add(1)
		go func(a schedule.Actor) {
			defer wg.Done()
			for j := range each {
				if _, err := camp.ProposeTalk(ctx, a, schedule.TalkProposal{Title: fmt.Sprintf("talk %d", j)}); err != nil {
					errs <- err
				}
			}
		}(a)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("proposal failed: %v", err)
	}
	talks, err := camp.Talks(ctx, schedule.TalkFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(talks) != people*each {
		t.Fatalf("%d talks stored, want exactly %d", len(talks), people*each)
	}
}

func TestQueueFlow(t *testing.T) {
	camp := storetest.MustOpenCamp(t, nil, nil)
	org := storetest.MustJoin(t, camp, "Olive Organiser", true)
	ada := storetest.MustJoin(t, camp, "Ada", false)
	var ids []int64
	for _, title := range []string{"Cython in anger", "mypyc for the rest of us", "Codon on a Pi"} {
		ids = append(ids, storetest.MustProposeTalk(t, camp, ada, title).ID)
	}
	ev := camp.Event()
	ev.Limits.TalksPerPerson = 3
	for _, id := range ids {
		tk, err := camp.ActOnTalk(ctx, org, id, schedule.ActApprove)
		if err != nil {
			t.Fatal(err)
		}
		if tk.Block != "eu-talks" {
			t.Errorf("talk queued in %q, want eu-talks (the first talks block not yet over at 10:02)", tk.Block)
		}
	}
	if _, err := camp.MoveTalk(ctx, org, ids[2], 1); err != nil {
		t.Fatal(err)
	}
	assertQueue(t, camp, "eu-talks", ids[2], ids[0], ids[1])

	live, err := camp.ActOnTalk(ctx, org, ids[2], schedule.ActStart)
	if err != nil || live.Status != schedule.TalkLive {
		t.Fatalf("start: %v %v", live.Status, err)
	}
	timers, _ := camp.Timers(ctx)
	if len(timers) != 1 || timers[0].Ref != fmt.Sprintf("talk:%d", ids[2]) || timers[0].Duration != 5*time.Minute {
		t.Fatalf("starting a talk should start its 5-minute timer; timers: %+v", timers)
	}
	if _, err := camp.ActOnTalk(ctx, org, ids[0], schedule.ActStart); schedule.ErrorCode(err) != schedule.ECONFLICT {
		t.Errorf("a second live talk: %v, want ECONFLICT", err)
	}
	if _, err := camp.ActOnTalk(ctx, org, ids[2], schedule.ActFinish); err != nil {
		t.Fatal(err)
	}
	if timers, _ := camp.Timers(ctx); len(timers) != 0 {
		t.Errorf("finishing the talk should stop its timer; running: %+v", timers)
	}
	// Rejecting an approved talk takes it out of the queue; undoing it brings it back as a proposal.
	if _, err := camp.ActOnTalk(ctx, org, ids[0], schedule.ActReject); err != nil {
		t.Fatal(err)
	}
	assertQueue(t, camp, "eu-talks", ids[2], ids[1])
	if tk, err := camp.ActOnTalk(ctx, org, ids[0], schedule.ActUnreject); err != nil || tk.Status != schedule.TalkProposed {
		t.Fatalf("undo reject: %v %v", tk.Status, err)
	}
	if tk, err := camp.RescheduleTalk(ctx, org, ids[1], "am-talks"); err != nil || tk.Block != "am-talks" || tk.Position != 1 {
		t.Fatalf("reschedule: %+v %v", tk, err)
	}
	assertQueue(t, camp, "eu-talks", ids[2])
}

func assertQueue(t *testing.T, camp *store.Camp, block string, want ...int64) {
	t.Helper()
	talks, err := camp.Talks(ctx, schedule.TalkFilter{Block: block})
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, tk := range talks {
		if tk.Position > 0 {
			got = append(got, tk.ID)
			if tk.Position != len(got) {
				t.Errorf("talk %d at position %d, want %d", tk.ID, tk.Position, len(got))
			}
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("queue of %s is %v, want %v", block, got, want)
	}
}

func TestMoveTalkToNextCamp(t *testing.T) {
	camp := storetest.MustOpenCamp(t, nil, nil)
	next := storetest.Example(t)
	next.Slug, next.Name = "2026-06", "June camp"
	nextCamp, err := camp.DB().Camp(ctx, next)
	if err != nil {
		t.Fatal(err)
	}
	org := storetest.MustJoin(t, camp, "Olive", true)
	ada := storetest.MustJoin(t, camp, "Ada", false)
	tk := storetest.MustProposeTalk(t, camp, ada, "Numba on GPUs")
	moved, err := camp.MoveTalkToEvent(ctx, org, tk.ID, "2026-06")
	if err != nil || moved.Event != "2026-06" {
		t.Fatalf("move: %+v %v", moved, err)
	}
	if _, err := camp.Talk(ctx, tk.ID); schedule.ErrorCode(err) != schedule.ENOTFOUND {
		t.Errorf("the talk is still in the first camp: %v", err)
	}
	if got, err := nextCamp.Talk(ctx, tk.ID); err != nil || got.Status != schedule.TalkProposed {
		t.Errorf("the next camp has %+v, %v", got, err)
	}
	if _, err := camp.MoveTalkToEvent(ctx, org, tk.ID, "2099-01"); err == nil {
		t.Error("moved to a camp that does not exist")
	}
}
