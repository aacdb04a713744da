// Package store keeps the camp in SQLite (modernc.org/sqlite, no cgo): one
// writer connection that takes the write lock when a transaction begins, a
// pool of readers beside it, WAL, and a change feed published after each commit.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/lightningcamp/camp/schedule"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Options tune how the database is opened.
type Options struct {
	// SynchronousFull makes every commit wait for the disk (safer against
	// power loss, slower); the default NORMAL is safe against crashes in WAL.
	SynchronousFull bool
	// Clock stamps every row; nil means the system clock.
	Clock schedule.Clock
	// PollInterval is how often another process's writes are looked for.
	PollInterval time.Duration
	// SessionTimeout is how long a terminal session counts as online after
	// its process's last heartbeat (default 30 s; see Sessions).
	SessionTimeout time.Duration
}

// DB is an open camp database: a series of camps.
type DB struct {
	path   string
	writer *sql.DB // one connection: SQLite allows one writer at a time anyway
	reader *sql.DB
	clock  schedule.Clock
	feed   *Feed
	gen    atomic.Uint64 // bumped after every commit, ours or another process's, but for the sessions table (presence), which no cache holds
	stop   context.CancelFunc
	done   chan struct{}
	// sessionTimeout: see Options.SessionTimeout.
	sessionTimeout atomic.Int64
	sessions       struct {
		once sync.Once
		s    *Sessions
	}
}

// Open opens (creating if needed) the database at path, checks its integrity
// and brings its schema up to date.
func Open(path string, opt Options) (*DB, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("cannot create the data directory: %w", err)
		}
	}
	if err := createPrivate(path); err != nil {
		return nil, err
	}
	db := &DB{path: path, clock: opt.Clock, feed: NewFeed(), done: make(chan struct{})}
	db.SetSessionTimeout(opt.SessionTimeout)
	if db.clock == nil {
		db.clock = schedule.SystemClock{}
	}
	var err error
	if db.writer, err = sql.Open("sqlite", dsn(path, opt, true)); err != nil {
		return nil, err
	}
	db.writer.SetMaxOpenConns(1)
	if db.reader, err = sql.Open("sqlite", dsn(path, opt, false)); err != nil {
		db.writer.Close()
		return nil, err
	}
	db.reader.SetMaxOpenConns(8)
	if err := db.prepare(); err != nil {
		db.writer.Close()
		db.reader.Close()
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	db.stop = cancel
	interval := opt.PollInterval
	if interval <= 0 {
		interval = 250 * time.Millisecond
	}
	go db.watchOtherProcesses(ctx, interval)
	return db, nil
}

// createPrivate creates the database file readable by its owner only: it
// holds attendees' emails and keys. SQLite gives its -wal and -shm files the
// same mode.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_RDONLY|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("cannot create the database: %w", err)
	}
	return f.Close()
}

func dsn(path string, opt Options, writer bool) string {
	sync := "NORMAL"
	if opt.SynchronousFull {
		sync = "FULL"
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous("+sync+")")
	if writer {
		q.Set("_txlock", "immediate") // take the write lock at BEGIN: no upgrade deadlocks
	} else {
		q.Add("_pragma", "query_only(1)")
	}
	return "file:" + path + "?" + q.Encode()
}

func (db *DB) prepare() error {
	ctx := context.Background()
	var result string
	if err := db.writer.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&result); err != nil {
		return fmt.Errorf("%s is not a camp database, or it is damaged: %w", db.path, err)
	}
	if result != "ok" {
		return fmt.Errorf("%s failed its integrity check (%s): restore it from a backup (camp backup)", db.path, result)
	}
	return db.migrate(ctx)
}

// migrate applies the embedded migrations the database has not seen yet,
// each in its own transaction, counting them in PRAGMA user_version.
func (db *DB) migrate(ctx context.Context) error {
	var version int
	if err := db.writer.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	names, err := migrationNames()
	if err != nil {
		return err
	}
	if version > len(names) {
		return fmt.Errorf("%s was written by a newer camp (schema %d, this camp knows %d): upgrade camp", db.path, version, len(names))
	}
	for i := version; i < len(names); i++ {
		body, err := migrations.ReadFile("migrations/" + names[i])
		if err != nil {
			return err
		}
		if err := db.applyMigration(ctx, i+1, string(body)); err != nil {
			return fmt.Errorf("migration %s: %w", names[i], err)
		}
	}
	return nil
}

func migrationNames() ([]string, error) {
	entries, err := migrations.ReadDir("migrations")
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names, nil
}

func (db *DB) applyMigration(ctx context.Context, version int, body string) error {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, body); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(version)); err != nil {
		return err
	}
	return tx.Commit()
}

// Close stops watching for other processes and closes the database.
func (db *DB) Close() error {
	if s := db.sessions.s; s != nil {
		s.Stop()
	}
	if db.stop != nil {
		db.stop()
		<-db.done
	}
	return errors.Join(db.reader.Close(), db.writer.Close())
}

// Feed is where changes to this database are published.
func (db *DB) Feed() *Feed { return db.feed }

// Path is the database file.
func (db *DB) Path() string { return db.path }

// IntegrityCheck runs SQLite's full integrity check.
func (db *DB) IntegrityCheck(ctx context.Context) error {
	var result string
	if err := db.reader.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&result); err != nil {
		return err
	}
	if result != "ok" {
		return fmt.Errorf("integrity check: %s", result)
	}
	return nil
}

// Backup writes a consistent copy of the database to path while the camp
// keeps running (VACUUM INTO reads a snapshot; writers are not blocked).
// The copy holds what the database holds (emails, keys), so it is created
// readable by its owner only (0600), whatever the umask.
func (db *DB) Backup(ctx context.Context, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	// VACUUM INTO fills an empty file and keeps its mode: create it private
	// first. O_EXCL also refuses to overwrite an earlier backup.
	f, err := os.OpenFile(abs, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return schedule.Errorf(schedule.ECONFLICT, "%s already exists: choose a new file name", path)
	}
	if err != nil {
		return fmt.Errorf("cannot create the backup: %w", err)
	}
	if err := errors.Join(f.Chmod(0o600), f.Close()); err != nil {
		os.Remove(abs)
		return err
	}
	// A connection of its own: VACUUM INTO is refused on the query-only
	// readers, and it reads a snapshot, so it must not hold up the writer.
	side, err := sql.Open("sqlite", dsn(db.path, Options{}, true))
	if err != nil {
		os.Remove(abs)
		return err
	}
	defer side.Close()
	if _, err = side.ExecContext(ctx, "VACUUM INTO ?", abs); err != nil {
		os.Remove(abs)
	}
	return err
}

// watchOtherProcesses polls PRAGMA data_version so that a second camp
// process on the same file (the console beside `camp serve`) sees changes
// within a second. It asks the writer connection: data_version changes when
// *another* connection commits, so this process's own writes, which the feed
// already announced precisely, do not count.
func (db *DB) watchOtherProcesses(ctx context.Context, every time.Duration) {
	defer close(db.done)
	last := -1
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
		var v int
		if err := db.writer.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
			continue
		}
		if last >= 0 && v != last {
			db.gen.Add(1)
			db.feed.Publish(schedule.Change{Kind: schedule.ChangeExternal})
		}
		last = v
	}
}

func isUniqueViolation(err error) bool {
	return err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed")
}
