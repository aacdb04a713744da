package store_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store"
	"github.com/lightningcamp/camp/store/storetest"
)

func TestBackupDuringWrites(t *testing.T) {
	camp := storetest.MustOpenCamp(t, nil, schedule.SystemClock{})
	org := storetest.MustJoin(t, camp, "Olive", true)
	var stop atomic.Bool
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; !stop.Load(); i++ {
			if _, err := camp.ProposeTalk(ctx, org, schedule.TalkProposal{Title: "during backup"}); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	time.Sleep(50 * time.Millisecond)
	backup := filepath.Join(t.TempDir(), "backup.db")
	err := camp.DB().Backup(ctx, backup)
	stop.Store(true)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(backup, store.Options{})
	if err != nil {
		t.Fatalf("the backup does not open: %v", err)
	}
	defer db.Close()
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	copyCamp, _ := db.Camp(ctx, camp.Event())
	talks, _ := copyCamp.Talks(ctx, schedule.TalkFilter{})
	if len(talks) == 0 {
		t.Error("the backup has no talks")
	}
	if err := camp.DB().Backup(ctx, backup); schedule.ErrorCode(err) != schedule.ECONFLICT {
		t.Errorf("a backup over an existing file: %v, want ECONFLICT", err)
	}
}

func TestDamagedDatabaseIsAClearError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "camp.db")
	if err := os.WriteFile(path, []byte(strings.Repeat("not a database ", 400)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := store.Open(path, store.Options{})
	if err == nil || !strings.Contains(err.Error(), "not a camp database, or it is damaged") {
		t.Fatalf("opening garbage: %v", err)
	}
}

func TestFeedCoalescesAndNeverBlocks(t *testing.T) {
	camp := storetest.MustOpenCamp(t, nil, nil)
	org := storetest.MustJoin(t, camp, "Olive", true)
	sub := camp.Subscribe()
	defer sub.Close()
	sub.Take()
	for range 100 { // nobody reads: writes must not block
		storetest.MustProposeTalk(t, camp, org, "x")
	}
	select {
	case <-sub.Ready():
	default:
		t.Fatal("no signal after 100 writes")
	}
	changes := sub.Take()
	if !changes.Has(schedule.ChangeTalks) || len(changes) != 1 {
		t.Errorf("want one coalesced talks change, got %v", changes)
	}
	if c := sub.Take(); len(c) != 0 {
		t.Errorf("changes left after Take: %v", c)
	}
	sub.Close()
	if n := camp.DB().Feed().Subscribers(); n != 0 {
		t.Errorf("%d subscribers after Close", n)
	}
}

// TestAnotherProcessSeesChanges opens the same file twice, as the console
// beside `camp serve` does, and checks the second sees the first's writes
// within a second.
func TestAnotherProcessSeesChanges(t *testing.T) {
	path := filepath.Join(t.TempDir(), "camp.db")
	opts := store.Options{PollInterval: 100 * time.Millisecond}
	db1, err := store.Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer db1.Close()
	db2, err := store.Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	ev := storetest.Example(t)
	camp1, _ := db1.Camp(ctx, ev)
	camp2, _ := db2.Camp(ctx, ev)
	org := storetest.MustJoin(t, camp1, "Olive", true)
	sub := camp2.Subscribe()
	defer sub.Close()
	time.Sleep(250 * time.Millisecond) // let the watcher read its first data_version
	sub.Take()
	start := time.Now()
	storetest.MustProposeTalk(t, camp1, org, "written by the other process")
	// A signal from before the write may still be pending (Take does not
	// clear it, and the joins above are another process's writes too): wait
	// for the change that says talks, as a session would.
	deadline := time.After(time.Second)
	for {
		select {
		case <-sub.Ready():
			if sub.Take().Has(schedule.ChangeTalks) {
				t.Logf("seen after %s", time.Since(start).Round(time.Millisecond))
				return
			}
		case <-deadline:
			t.Fatal("the second process did not learn of the write within 1 s")
		}
	}
}

func TestTimerSurvivesRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "camp.db")
	clock := schedule.NewManualClock(storetest.SeedNow)
	db, err := store.Open(path, store.Options{Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	camp, _ := db.Camp(ctx, storetest.Example(t))
	org := storetest.MustJoin(t, camp, "Olive", true)
	tm, err := camp.StartTimer(ctx, org, schedule.TimerSpec{Kind: schedule.TimerSlot, Label: "slot 1", Duration: 45 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	clock.Advance(10 * time.Minute)
	camp.PauseTimer(ctx, org, tm.ID)
	clock.Advance(5 * time.Minute) // paused: does not count
	camp.ResumeTimer(ctx, org, tm.ID)
	db.Close()

	clock.Advance(2 * time.Minute) // the server was down for two minutes
	db, err = store.Open(path, store.Options{Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	camp, _ = db.Camp(ctx, storetest.Example(t))
	timers, _ := camp.Timers(ctx)
	if len(timers) != 1 {
		t.Fatalf("%d timers after restart", len(timers))
	}
	if got := timers[0].Remaining(clock.Now()); got != 33*time.Minute {
		t.Errorf("remaining after restart %s, want 33m (45 - 10 run - 2 while down; the pause does not count)", got)
	}
}

func TestDatabaseFilesArePrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "camp.db")
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	camp, _ := db.Camp(ctx, storetest.Example(t))
	storetest.MustJoin(t, camp, "Ada", false) // a write, so the WAL exists
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600: it holds emails and keys", filepath.Base(p), info.Mode().Perm())
		}
	}
}
