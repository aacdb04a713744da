package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// Camp is one camp of the series in the database. It implements the
// schedule services; every write is authorised, sanitised, audited and
// announced on the feed after it commits.
type Camp struct {
	db      *DB
	ev      *schedule.Event
	eventID int64
	talks   readCache[uint64, schedule.Talk]
	topics  readCache[uint64, schedule.Topic]
	series  readCache[uint64, schedule.SeriesReport] // the compiler-tool guide's reports
	people  readCache[peopleKey, schedule.Person]
	limiter *writeLimiter
}

// Camp opens the camp described by ev, registering it on first use.
func (db *DB) Camp(ctx context.Context, ev *schedule.Event) (*Camp, error) {
	now := db.clock.Now().UnixMilli()
	_, err := db.writer.ExecContext(ctx, `INSERT INTO events (slug, name, series, created_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (slug) DO UPDATE SET name = excluded.name, series = excluded.series`, ev.Slug, ev.Name, ev.Series, now)
	if err != nil {
		return nil, err
	}
	c := &Camp{db: db, ev: ev, limiter: newWriteLimiter(ev.Limits)}
	if err := db.reader.QueryRowContext(ctx, `SELECT id FROM events WHERE slug = ?`, ev.Slug).Scan(&c.eventID); err != nil {
		return nil, err
	}
	return c, nil
}

// Event is the camp's schedule.
func (c *Camp) Event() *schedule.Event { return c.ev }

// DB is the database the camp lives in.
func (c *Camp) DB() *DB { return c.db }

// Subscribe registers for changes (schedule.Feed).
func (c *Camp) Subscribe() schedule.Subscription { return c.db.feed.Subscribe() }

// tx is a write transaction on behalf of an actor.
type tx struct {
	*sql.Tx
	ctx     context.Context
	camp    *Camp
	now     time.Time
	actor   schedule.Actor
	me      schedule.Person // the actor, read fresh in this transaction
	changes []schedule.Change
}

// write runs fn in one write transaction and, once it has committed,
// publishes what fn changed. An error from fn rolls everything back.
//
// Every write passes here, so the rules that hold for all of them are
// applied here, before the transaction takes the write lock: a guest is
// refused, and everyone else but organisers takes a token from their write
// limiter (Limits.WriteBurst, Limits.WriteEvery).
func (c *Camp) write(ctx context.Context, a schedule.Actor, fn func(t *tx) error) error {
	if a.IsGuest() {
		return schedule.Authorize(schedule.Person{}, schedule.RoleGuest, schedule.PermContribute, 0)
	}
	giveBack, err := c.limiter.reserve(a, c.db.clock.Now())
	if err != nil {
		return err
	}
	committed := false
	defer func() {
		if !committed {
			giveBack() // a refused or failed write changed nothing: it costs no token
		}
	}()
	sqlTx, err := c.db.writer.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer sqlTx.Rollback()
	// The time is read holding the write lock, so stamps follow commit order.
	t := &tx{Tx: sqlTx, ctx: ctx, camp: c, now: c.db.clock.Now().UTC().Truncate(time.Millisecond), actor: a}
	// A key that has not joined has no person yet; Authorize tells it to join.
	t.me = schedule.Person{Fingerprint: a.Fingerprint, Role: a.Role}
	if a.PersonID != 0 {
		if t.me, err = c.person(ctx, sqlTx, a.PersonID); err != nil {
			return err
		}
	}
	if err := fn(t); err != nil {
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		return err
	}
	committed = true
	c.db.gen.Add(1)
	c.db.feed.Publish(t.changes...)
	return nil
}

// authorize checks the actor may do perm to something owned by owner.
func (t *tx) authorize(perm schedule.Permission, owner int64) error {
	return schedule.Authorize(t.me, t.actor.Role, perm, owner)
}

func (t *tx) changed(kind schedule.ChangeKind, ids ...int64) {
	t.changes = append(t.changes, schedule.Change{Kind: kind, IDs: ids})
}

// audit records who did what to which, for moderation.
func (t *tx) audit(action, target, detail string) error {
	var actor any
	if t.me.ID != 0 {
		actor = t.me.ID
	}
	_, err := t.ExecContext(t.ctx, `INSERT INTO audit (at, event_id, actor_id, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)`,
		t.now.UnixMilli(), t.camp.eventID, actor, action, target, detail)
	return err
}

func (t *tx) exec(query string, args ...any) (sql.Result, error) {
	return t.ExecContext(t.ctx, query, args...)
}

// queryer is what reads need: the reader pool or a write transaction.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func notFound(what string, id int64) error {
	return schedule.Errorf(schedule.ENOTFOUND, "no %s with id %d", what, id)
}

// noRows maps sql.ErrNoRows to a not-found error.
func noRows(err error, what string, id int64) error {
	if errors.Is(err, sql.ErrNoRows) {
		return notFound(what, id)
	}
	return err
}

func ms(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func fromMS(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.UnixMilli(v).UTC()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func targetString(t schedule.Target) string { return fmt.Sprintf("%s:%d", t.Kind, t.ID) }

func itoa(n int64) string { return fmt.Sprint(n) }

// SaveSchedule keeps a camp's schedule file in the database, so that the
// camp can be reopened later by its slug alone (camp --event SLUG).
func (db *DB) SaveSchedule(ctx context.Context, slug string, source []byte) error {
	_, err := db.writer.ExecContext(ctx, `UPDATE events SET schedule = ? WHERE slug = ?`, string(source), slug)
	return err
}

// Schedule returns the schedule file saved for a camp of the series.
func (db *DB) Schedule(ctx context.Context, slug string) ([]byte, error) {
	var source string
	err := db.reader.QueryRowContext(ctx, `SELECT schedule FROM events WHERE slug = ?`, slug).Scan(&source)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && source == "") {
		return nil, schedule.Errorf(schedule.ENOTFOUND, "no camp %q in %s: give its schedule file with --schedule", slug, db.path)
	}
	return []byte(source), err
}

// Events lists the slugs of the camps in this database, oldest first.
func (db *DB) Events(ctx context.Context) ([]string, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT slug FROM events ORDER BY created_at, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var slugs []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		slugs = append(slugs, s)
	}
	return slugs, rows.Err()
}
