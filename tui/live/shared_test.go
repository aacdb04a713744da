package live

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// A crowd asking at once costs a couple of reads, and nobody gets a read
// that started before they asked (it could miss the change they were told
// about).
func TestSharedReadsCoalesceAndAreNeverStale(t *testing.T) {
	s := NewShared()
	var loads atomic.Int64
	release := make(chan struct{})
	load := func(context.Context) (int64, error) {
		n := loads.Add(1) // the number of the read, in the order they start
		<-release
		return n, nil
	}
	first := make(chan int64)
	go func() {
		v, _ := read(t.Context(), s, Talks, time.Now(), load, nil)
		first <- v
	}()
	for loads.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	// Read 1 is under way: these callers asked after it started.
	const crowd = 50
	var wg sync.WaitGroup
	got := make([]int64, crowd)
	for i := range crowd {
		wg.Go(func() {
			v, err := read(t.Context(), s, Talks, time.Now(), load, nil)
			if err != nil {
				t.Error(err)
			}
			got[i] = v
		})
	}
	time.Sleep(20 * time.Millisecond) // let them all queue
	close(release)
	wg.Wait()
	if v := <-first; v != 1 {
		t.Errorf("the first caller got read %d", v)
	}
	for i, v := range got {
		if v < 2 {
			t.Fatalf("caller %d got read %d, which started before it asked", i, v)
		}
	}
	if n := loads.Load(); n > 3 {
		t.Errorf("%d callers made %d reads", crowd+1, n)
	}
}

func TestSharedReadKeepsAnEqualResult(t *testing.T) {
	s := NewShared()
	read := func() Versioned[map[int64]bool] {
		v, err := Read(t.Context(), s, Presence, time.Now(), func(context.Context) (map[int64]bool, error) {
			return map[int64]bool{1: true, 2: true}, nil
		}, mapsEqual)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	a, b := read(), read()
	if a.Version != b.Version {
		t.Error("an equal result was not replaced by the one handed out before")
	}
	c, _ := Read(t.Context(), s, Presence, time.Now(), func(context.Context) (map[int64]bool, error) {
		return map[int64]bool{1: true}, nil
	}, mapsEqual)
	if c.Version == b.Version {
		t.Error("a different result kept the version of the last")
	}
}

func mapsEqual(a, b map[int64]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestSharedReadSurvivesAPanic(t *testing.T) {
	s := NewShared()
	_, err := read(t.Context(), s, Timers, time.Now(), func(context.Context) ([]schedule.Timer, error) { panic("boom") }, nil)
	if err == nil {
		t.Fatal("a panicking read returned no error")
	}
	want := errors.New("fine")
	if _, err := read(t.Context(), s, Timers, time.Now(), func(context.Context) ([]schedule.Timer, error) { return nil, want }, nil); err != want {
		t.Errorf("the next read: %v", err)
	}
}

// A session that learnt of a change before the last read started takes
// that read: sessions woken by one change but slow to ask (their ticks are
// spread over a quarter of a second) share one read.
func TestSharedReadReusesARecentEnoughRead(t *testing.T) {
	s := NewShared()
	var loads atomic.Int64
	load := func(context.Context) (int64, error) { return loads.Add(1), nil }
	changed := time.Now()
	if v, _ := read(t.Context(), s, People, changed, load, nil); v != 1 {
		t.Fatalf("first read %d", v)
	}
	for range 10 {
		if v, _ := read(t.Context(), s, People, changed, load, nil); v != 1 {
			t.Fatalf("a read after the change was not reused: got read %d", v)
		}
	}
	if v, _ := read(t.Context(), s, People, time.Now(), load, nil); v != 2 {
		t.Errorf("a newer change did not read again: got read %d", v)
	}
}

// read is Read, for the tests that look at values only.
func read[T any](ctx context.Context, s *Shared, key Part, notBefore time.Time, load func(context.Context) (T, error), same func(a, b T) bool) (T, error) {
	v, err := Read(ctx, s, key, notBefore, load, same)
	return v.Value, err
}

// Without a Shared, every read is a new version.
func TestReadWithoutSharedIsAlwaysNew(t *testing.T) {
	load := func(context.Context) (int, error) { return 1, nil }
	a, _ := Read(t.Context(), nil, Talks, time.Now(), load, nil)
	b, _ := Read(t.Context(), nil, Talks, time.Now(), load, nil)
	if a.Version == b.Version || a.Version == 0 {
		t.Errorf("versions %d and %d", a.Version, b.Version)
	}
}
