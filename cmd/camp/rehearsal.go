package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/store"
)

// A rehearsal (--now, --speed) runs the day on a moved clock. It must never
// leave finished talks, votes, timers or announcements in the real day's
// database, so it works on a database of its own, beside the real one,
// unless the organiser explicitly asks for the real one
// (--rehearse-on-real-db). Where that database starts is the organiser's
// choice (--rehearse-from):
//
//   - fresh: empty (the default for `camp` and `camp serve`: a rehearsal
//     starts clean);
//   - real: a copy of the real database, taken at the start;
//   - last: the previous rehearsal's database as it was left (the default
//     for the data commands, so `camp --now 10:00 talks` in a second shell
//     sees the rehearsal under way).
const (
	rehearseFresh = "fresh"
	rehearseReal  = "real"
	rehearseLast  = "last"
)

// rehearsalFlags are the flags that choose a rehearsal's database.
type rehearsalFlags struct {
	from   string
	onReal bool
	// startsClean is set by the console and `camp serve`: a rehearsal they
	// start is fresh unless --rehearse-from says otherwise.
	startsClean bool
	// demo is the path of the demo's database, set by `camp demo`.
	demo string
}

func (r *rehearsalFlags) bind(root *cobra.Command) {
	f := root.PersistentFlags()
	f.StringVar(&r.from, "rehearse-from", "", "with --now: start the rehearsal's own database fresh (empty), from a copy of the real one (real), or as the last rehearsal left it (last)")
	f.BoolVar(&r.onReal, "rehearse-on-real-db", false, "with --now: rehearse on the real database itself (what the rehearsal does stays on the real day)")
}

// rehearsing reports whether the clock is moved.
func (c *config) rehearsing() bool { return c.now != "" || c.rehearsal.demo != "" }

// rehearsalPath is the rehearsal's own database: camp.rehearsal.db beside
// camp.db (or FILE.rehearsal.db beside --db FILE.db).
func rehearsalPath(real string) string {
	ext := filepath.Ext(real)
	if ext == "" {
		ext = ".db"
	}
	return strings.TrimSuffix(real, filepath.Ext(real)) + ".rehearsal" + ext
}

// database says which database file to open and, for a rehearsal, the
// words every screen shows about it. It prepares the rehearsal's database
// (removes it for a fresh start, copies the real one) first.
func (c *config) database(ctx context.Context) (path, marker string, err error) {
	r := &c.rehearsal
	if !c.rehearsing() {
		if r.from != "" || r.onReal {
			return "", "", usageError{errors.New("--rehearse-from and --rehearse-on-real-db go with --now: say where the rehearsal starts")}
		}
		return c.dbPath(), "", nil
	}
	if r.demo != "" {
		return r.demo, "DEMO · a made-up day on a database of its own", nil
	}
	if r.onReal {
		if r.from != "" {
			return "", "", usageError{errors.New("--rehearse-on-real-db uses the real database: leave out --rehearse-from")}
		}
		return c.dbPath(), "REHEARSAL ON THE REAL DATABASE · what you do now stays on the real day", nil
	}
	from := r.from
	if from == "" {
		from = rehearseLast
		if r.startsClean {
			from = rehearseFresh
		}
	}
	path = rehearsalPath(c.dbPath())
	switch from {
	case rehearseFresh:
		err = removeDatabase(path)
	case rehearseReal:
		err = copyDatabase(ctx, c.dbPath(), path)
	case rehearseLast:
	default:
		return "", "", usageError{fmt.Errorf("--rehearse-from %q: use fresh, real or last", from)}
	}
	return path, "REHEARSAL · a moved clock and a database of its own: the real day is untouched", err
}

// removeDatabase deletes a database file with its WAL and shared-memory
// files, if they are there.
func removeDatabase(path string) error {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("cannot start the rehearsal afresh: %w", err)
		}
	}
	return nil
}

// copyDatabase replaces the rehearsal's database with a consistent copy of
// the real one. A real database that does not exist yet is not created:
// the rehearsal starts fresh.
func copyDatabase(ctx context.Context, real, rehearsal string) error {
	if err := removeDatabase(rehearsal); err != nil {
		return err
	}
	if _, err := os.Stat(real); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	db, err := store.Open(real, store.Options{})
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Backup(ctx, rehearsal); err != nil {
		return fmt.Errorf("cannot copy the real database for the rehearsal: %w", err)
	}
	return nil
}
