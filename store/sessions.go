package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"sync"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// DefaultSessionTimeout is how long a terminal session counts as online
// after its process's last heartbeat, unless Options.SessionTimeout says.
const DefaultSessionTimeout = 30 * time.Second

// Sessions records one process's terminal sessions in the database, so that
// every process on it (the console, a separate `camp serve`) sees the same
// people online and in the rooms. The process beats for all its sessions in
// one statement, every third of the timeout; a process that dies stops
// beating, and any live process sweeps its rows once they are older than
// the timeout, with the room presence of people who have no session left.
//
// Heartbeats are on the wall clock, not the camp's: a rehearsal running the
// day at 60 times speed must not expire sessions 60 times sooner.
type Sessions struct {
	db     *DB
	server string
	wall   func() time.Time
	stop   context.CancelFunc
	done   chan struct{}
	once   sync.Once
}

// Sessions is this process's record of its terminal sessions, its
// heartbeat started on first use. Closing the database stops it and
// removes the sessions.
func (db *DB) Sessions() *Sessions {
	db.sessions.once.Do(func() {
		ctx, cancel := context.WithCancel(context.Background())
		db.sessions.s = &Sessions{db: db, server: randomID(), wall: time.Now, stop: cancel, done: make(chan struct{})}
		go db.sessions.s.beat(ctx)
	})
	return db.sessions.s
}

// SetSessionTimeout sets how long a session counts as online after its
// process's last heartbeat (d <= 0: DefaultSessionTimeout). Every process
// on a database should use the same.
func (db *DB) SetSessionTimeout(d time.Duration) {
	if d <= 0 {
		d = DefaultSessionTimeout
	}
	db.sessionTimeout.Store(int64(d))
}

func (db *DB) timeout() time.Duration { return time.Duration(db.sessionTimeout.Load()) }

func randomID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// Open records a terminal session of a person and returns its id, for Close.
func (s *Sessions) Open(ctx context.Context, personID int64) (string, error) {
	id, now := randomID(), s.wall().UnixMilli()
	_, err := s.db.writer.ExecContext(ctx, `INSERT INTO sessions (id, server, person_id, started_at, seen_at) VALUES (?, ?, ?, ?, ?)`,
		id, s.server, nullID(personID), now, now)
	if err == nil && personID != 0 {
		s.db.feed.Publish(schedule.Change{Kind: schedule.ChangePresence, IDs: []int64{personID}})
	}
	return id, err
}

// Close ends a session; if it was its person's last, they leave their room.
func (s *Sessions) Close(ctx context.Context, id string) error {
	tx, err := s.db.writer.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var person *int64
	if err := tx.QueryRowContext(ctx, `DELETE FROM sessions WHERE id = ? RETURNING person_id`, id).Scan(&person); err != nil {
		return noRows(err, "session", 0)
	}
	if person != nil {
		if _, err := tx.ExecContext(ctx, `DELETE FROM room_presence WHERE person_id = ?
			AND NOT EXISTS (SELECT 1 FROM sessions WHERE person_id = ? AND seen_at >= ?)`,
			*person, *person, s.cutoff()); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if person != nil {
		s.db.feed.Publish(schedule.Change{Kind: schedule.ChangePresence, IDs: []int64{*person}})
	}
	return nil
}

// Stop ends the heartbeat and removes this process's sessions.
func (s *Sessions) Stop() {
	s.once.Do(func() {
		s.stop()
		<-s.done
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_, _ = s.db.writer.ExecContext(ctx, `DELETE FROM sessions WHERE server = ?`, s.server)
		s.db.feed.Publish(schedule.Change{Kind: schedule.ChangePresence})
	})
}

// Server names this process's sessions in the table.
func (s *Sessions) Server() string { return s.server }

func (s *Sessions) cutoff() int64 { return s.wall().Add(-s.db.timeout()).UnixMilli() }

func (s *Sessions) beat(ctx context.Context) {
	defer close(s.done)
	every := max(s.db.timeout()/3, 10*time.Millisecond)
	t := time.NewTicker(every)
	defer t.Stop()
	s.sweep(ctx)
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			s.heartbeat(ctx)
			s.sweep(ctx)
		}
	}
}

func (s *Sessions) heartbeat(ctx context.Context) {
	_, _ = s.db.writer.ExecContext(ctx, `UPDATE sessions SET seen_at = ? WHERE server = ?`, s.wall().UnixMilli(), s.server)
}

// sweep removes the sessions of processes that stopped beating, and the
// room presence of the people who had no other session, then tells this
// process's screens.
func (s *Sessions) sweep(ctx context.Context) {
	cut := s.cutoff()
	var stale int
	if err := s.db.reader.QueryRowContext(ctx, `SELECT count(*) FROM sessions WHERE seen_at < ?`, cut).Scan(&stale); err != nil || stale == 0 {
		return
	}
	tx, err := s.db.writer.BeginTx(ctx, nil)
	if err != nil {
		return
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM room_presence WHERE person_id IN (SELECT person_id FROM sessions WHERE seen_at < ?)
		AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.person_id = room_presence.person_id AND s.seen_at >= ?)`, cut, cut); err != nil {
		return
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE seen_at < ?`, cut); err != nil {
		return
	}
	if tx.Commit() == nil {
		s.db.feed.Publish(schedule.Change{Kind: schedule.ChangePresence})
	}
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
