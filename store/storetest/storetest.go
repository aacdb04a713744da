// Package storetest opens real SQLite camps in temporary directories for
// tests, and makes the people they need.
package storetest

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"path/filepath"
	"testing"
	"time"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store"
)

// SeedNow is 10:02 GMT on the seed day: the first lightning talks are on.
var SeedNow = time.Date(2026, 3, 28, 10, 2, 0, 0, time.UTC)

// MustOpenDB opens a new database in a temporary directory, closed when the
// test ends.
func MustOpenDB(tb testing.TB, clock schedule.Clock) *store.DB {
	tb.Helper()
	db, err := store.Open(filepath.Join(tb.TempDir(), "camp.db"), store.Options{Clock: clock, PollInterval: 50 * time.Millisecond})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Error(err)
		}
	})
	return db
}

// Example returns the example camp's schedule; tests may change its copy.
func Example(tb testing.TB) *schedule.Event {
	tb.Helper()
	ev, err := schedule.Parse(schedule.ExampleName, schedule.Example())
	if err != nil {
		tb.Fatal(err)
	}
	return ev
}

// MustOpenCamp opens ev (the example when nil) in a new database.
func MustOpenCamp(tb testing.TB, ev *schedule.Event, clock schedule.Clock) *store.Camp {
	tb.Helper()
	if ev == nil {
		ev = Example(tb)
	}
	if clock == nil {
		clock = schedule.NewManualClock(SeedNow)
	}
	camp, err := MustOpenDB(tb, clock).Camp(context.Background(), ev)
	if err != nil {
		tb.Fatal(err)
	}
	return camp
}

// FakeFingerprint makes a stable, valid-looking key fingerprint from a seed.
func FakeFingerprint(seed string) string {
	sum := sha256.Sum256([]byte(seed))
	return "SHA256:" + base64.RawStdEncoding.EncodeToString(sum[:])
}

// MustJoin logs a person in with a key made from name, and joins them.
func MustJoin(tb testing.TB, camp *store.Camp, name string, organiser bool) schedule.Actor {
	tb.Helper()
	ctx := context.Background()
	p, err := camp.Login(ctx, FakeFingerprint(name), organiser)
	if err != nil {
		tb.Fatal(err)
	}
	if p, err = camp.Join(ctx, p.Actor(), schedule.JoinRequest{Name: name, AcceptCoC: true}); err != nil {
		tb.Fatal(err)
	}
	return p.Actor()
}

// MustProposeTalk proposes a talk or fails the test.
func MustProposeTalk(tb testing.TB, camp *store.Camp, a schedule.Actor, title string) schedule.Talk {
	tb.Helper()
	t, err := camp.ProposeTalk(context.Background(), a, schedule.TalkProposal{Title: title, Abstract: "About " + title})
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

// CountRows counts the rows of table through a read-only connection of its
// own, so the count does not go through the code under test.
func CountRows(tb testing.TB, camp *store.Camp, table string) int {
	tb.Helper()
	db, err := sql.Open("sqlite", "file:"+camp.DB().Path()+"?mode=ro")
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}
