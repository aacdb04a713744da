package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/schedule/sanitize"
)

const personColumns = `id, fingerprint, name, tz, role, accepted_coc_at, muted, banned, email, created_at`

func scanPerson(row interface{ Scan(...any) error }) (schedule.Person, error) {
	var p schedule.Person
	var role string
	var coc, created int64
	err := row.Scan(&p.ID, &p.Fingerprint, &p.Name, &p.TZ, &role, &coc, &p.Muted, &p.Banned, &p.Email, &created)
	p.Role, p.AcceptedCoC, p.CreatedAt = schedule.Role(role), fromMS(coc), fromMS(created)
	return p, err
}

func (c *Camp) person(ctx context.Context, q queryer, id int64) (schedule.Person, error) {
	p, err := scanPerson(q.QueryRowContext(ctx, `SELECT `+personColumns+` FROM people WHERE id = ?`, id))
	return p, noRows(err, "person", id)
}

// LoginRecordEvery is how often a returning key's login is written down
// (last seen, and an audit row): a client reconnecting in a loop costs a
// read, not a write.
const LoginRecordEvery = 10 * time.Minute

// Login finds the person behind a key. It needs no authorisation: the key
// was just authenticated. It writes nothing for a key the camp has not met
// (that person is stored when they join), and records a returning key's
// visit at most once per LoginRecordEvery, or when its role changed.
// Organisers' keys are stored at once: they may act without joining.
func (c *Camp) Login(ctx context.Context, fingerprint string, organiser bool) (schedule.Person, error) {
	if _, err := schedule.Fingerprint(fingerprint); err != nil && fingerprint != ConsoleFingerprint {
		return schedule.Person{}, schedule.Errorf(schedule.EINVALID, "not a key fingerprint: %q", sanitize.Line(fingerprint, 80))
	}
	role := schedule.RoleAttendee
	if organiser {
		role = schedule.RoleOrganiser
	}
	p, lastSeen, err := c.personByKey(ctx, c.db.reader, fingerprint)
	switch {
	case errors.Is(err, sql.ErrNoRows) && !organiser:
		return schedule.Person{Fingerprint: fingerprint, Role: role}, nil
	case err != nil && !errors.Is(err, sql.ErrNoRows):
		return p, err
	case err == nil && p.Role == role && c.db.clock.Now().Sub(lastSeen) < LoginRecordEvery:
		return p, nil
	}
	known := p
	err = c.write(ctx, schedule.Actor{PersonID: p.ID, Role: role, Fingerprint: fingerprint}, func(t *tx) error {
		if err := t.upsertPerson(fingerprint, role); err != nil {
			return err
		}
		p = t.me
		t.changed(schedule.ChangePeople, p.ID)
		return t.audit("login", "person:"+itoa(p.ID), string(role))
	})
	if schedule.ErrorCode(err) == schedule.ERATELIMIT && known.ID != 0 && known.Role == role {
		return known, nil // the record waits for a later login; the visit goes ahead
	}
	return p, err
}

// personByKey reads the person with this key and when they were last seen.
func (c *Camp) personByKey(ctx context.Context, q queryer, fingerprint string) (schedule.Person, time.Time, error) {
	var lastSeen int64
	var p schedule.Person
	err := q.QueryRowContext(ctx, `SELECT last_seen_at FROM people WHERE fingerprint = ?`, fingerprint).Scan(&lastSeen)
	if err == nil {
		p, err = scanPerson(q.QueryRowContext(ctx, `SELECT `+personColumns+` FROM people WHERE fingerprint = ?`, fingerprint))
	}
	return p, fromMS(lastSeen), err
}

// upsertPerson stores the actor's key (or refreshes its role and last
// visit) and makes the stored person the transaction's actor.
func (t *tx) upsertPerson(fingerprint string, role schedule.Role) error {
	now := t.now.UnixMilli()
	_, err := t.exec(`INSERT INTO people (fingerprint, role, created_at, last_seen_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (fingerprint) DO UPDATE SET role = excluded.role, last_seen_at = excluded.last_seen_at`,
		fingerprint, role, now, now)
	if err != nil {
		return err
	}
	t.me, _, err = t.camp.personByKey(t.ctx, t, fingerprint)
	return err
}

// ConsoleFingerprint identifies the organiser at the local console, who has
// no SSH key.
const ConsoleFingerprint = "console"

// Join names a person and records their acceptance of the code of conduct.
func (c *Camp) Join(ctx context.Context, a schedule.Actor, j schedule.JoinRequest) (schedule.Person, error) {
	if !j.AcceptCoC {
		return schedule.Person{}, schedule.Errorf(schedule.EINVALID, "you must accept the code of conduct to join (%s)", c.codeOfConduct())
	}
	return c.updatePerson(ctx, a, "join", func(t *tx) error {
		if t.me.ID == 0 {
			// A key the camp has not met: it is stored now that it joins.
			if err := t.upsertPerson(a.Fingerprint, a.Role); err != nil {
				return err
			}
		}
		if t.me.Banned {
			return t.authorize(schedule.PermContribute, 0)
		}
		if err := t.setName(j.Name); err != nil {
			return err
		}
		if err := t.setZone(j.TZ); err != nil {
			return err
		}
		if t.me.AcceptedCoC.IsZero() {
			_, err := t.exec(`UPDATE people SET accepted_coc_at = ? WHERE id = ?`, t.now.UnixMilli(), t.me.ID)
			return err
		}
		return nil
	})
}

func (c *Camp) codeOfConduct() string {
	if c.ev.Links.CodeOfConduct != "" {
		return c.ev.Links.CodeOfConduct
	}
	return "the event's code of conduct"
}

// Rename changes a person's display name.
func (c *Camp) Rename(ctx context.Context, a schedule.Actor, name string) (schedule.Person, error) {
	return c.updatePerson(ctx, a, "rename", func(t *tx) error {
		if err := t.authorize(schedule.PermContribute, 0); err != nil {
			return err
		}
		return t.setName(name)
	})
}

// SetZone changes the zone a person reads times in.
func (c *Camp) SetZone(ctx context.Context, a schedule.Actor, tz string) (schedule.Person, error) {
	return c.updatePerson(ctx, a, "set_zone", func(t *tx) error {
		if t.me.ID == 0 {
			return t.authorize(schedule.PermContribute, 0)
		}
		return t.setZone(tz)
	})
}

func (c *Camp) updatePerson(ctx context.Context, a schedule.Actor, action string, fn func(t *tx) error) (schedule.Person, error) {
	var p schedule.Person
	err := c.write(ctx, a, func(t *tx) error {
		if err := fn(t); err != nil {
			return err
		}
		var err error
		if p, err = c.person(t.ctx, t, t.me.ID); err != nil {
			return err
		}
		t.changed(schedule.ChangePeople, p.ID)
		return t.audit(action, "person:"+itoa(p.ID), p.Name)
	})
	return p, err
}

// setName sets the actor's display name, unique after NFKC and case folding
// so that nobody can pass for someone else with look-alike letters. Every
// way to a name comes here, so a muted person cannot change theirs by any
// path (join, name, the TUI's welcome).
func (t *tx) setName(raw string) error {
	name, err := cleanLine("name", raw, t.camp.ev.Limits.NameMax, true)
	if err != nil {
		return err
	}
	if name == t.me.Name {
		return nil
	}
	if err := t.authorize(schedule.PermName, 0); err != nil {
		return err
	}
	key := sanitize.NameKey(name)
	if key == "" {
		return schedule.Errorf(schedule.EINVALID, "name %q has no letters or digits", name)
	}
	_, err = t.exec(`UPDATE people SET name = ?, name_key = ? WHERE id = ?`, name, key, t.me.ID)
	if isUniqueViolation(err) {
		return schedule.Errorf(schedule.ECONFLICT, "the name %q is taken (or looks too much like one that is): choose another", name)
	}
	return err
}

func (t *tx) setZone(tz string) error {
	if tz == "" {
		return nil
	}
	loc, err := schedule.LoadZone(tz)
	if err != nil {
		return schedule.Errorf(schedule.EINVALID, "%v", err)
	}
	_, err = t.exec(`UPDATE people SET tz = ? WHERE id = ?`, loc.String(), t.me.ID)
	return err
}

// Moderate mutes, unmutes, bans or unbans a person. Organisers only.
func (c *Camp) Moderate(ctx context.Context, a schedule.Actor, id int64, m schedule.Moderation) (schedule.Person, error) {
	var p schedule.Person
	err := c.write(ctx, a, func(t *tx) error {
		if err := t.authorize(schedule.PermOrganise, 0); err != nil {
			return err
		}
		if id == t.me.ID {
			return schedule.Errorf(schedule.ECONFLICT, "you cannot mute or ban yourself")
		}
		if _, err := c.person(t.ctx, t, id); err != nil {
			return err
		}
		if m.Muted != nil {
			if _, err := t.exec(`UPDATE people SET muted = ? WHERE id = ?`, boolInt(*m.Muted), id); err != nil {
				return err
			}
		}
		if m.Banned != nil {
			if _, err := t.exec(`UPDATE people SET banned = ? WHERE id = ?`, boolInt(*m.Banned), id); err != nil {
				return err
			}
		}
		var err error
		if p, err = c.person(t.ctx, t, id); err != nil {
			return err
		}
		t.changed(schedule.ChangePeople, id)
		return t.audit("moderate", "person:"+itoa(id), moderationDetail(p))
	})
	return p, err
}

func moderationDetail(p schedule.Person) string {
	return "muted=" + boolWord(p.Muted) + " banned=" + boolWord(p.Banned)
}

func boolWord(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// Person returns one person.
func (c *Camp) Person(ctx context.Context, id int64) (schedule.Person, error) {
	return c.person(ctx, c.db.reader, id)
}

// People lists everyone who has joined or holds an organiser's key, by
// name. Keys that joined within schedule.NewKeyWindow and have only voted
// are marked (Person.OnlyVoted), for organisers to look at.
//
// Every screen shows the people, and a crowd of screens re-reads them after
// each change: the list is kept until the database changes (people coming
// and going do not change it: sessions are not cached data) or the minute
// turns, which is as finely as OnlyVoted's window is kept.
func (c *Camp) People(ctx context.Context) ([]schedule.Person, error) {
	since := c.db.clock.Now().Truncate(time.Minute).Add(-schedule.NewKeyWindow)
	return c.people.get(peopleKey{c.db.gen.Load(), since.Unix()}, func() ([]schedule.Person, error) {
		return c.queryPeople(ctx, since.UnixMilli())
	})
}

// peopleKey is what the list of people depends on: the database's
// generation and the start of OnlyVoted's window.
type peopleKey struct {
	gen   uint64
	since int64
}

func (c *Camp) queryPeople(ctx context.Context, since int64) ([]schedule.Person, error) {
	rows, err := c.db.reader.QueryContext(ctx, `SELECT `+personColumns+`, `+onlyVotedColumn+` FROM people p
		ORDER BY name = '', name COLLATE NOCASE, id`, since, c.eventID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var people []schedule.Person
	for rows.Next() {
		var onlyVoted bool
		p, err := scanPerson(scanWith{rows, []any{&onlyVoted}})
		if err != nil {
			return nil, err
		}
		p.OnlyVoted = onlyVoted
		people = append(people, p)
	}
	return people, rows.Err()
}

// onlyVotedColumn says whether a person is an attendee who joined since ?
// and has dot-voted in the camp (event ?) but written nothing anywhere.
const onlyVotedColumn = `(p.role = 'attendee' AND p.accepted_coc_at >= ?
	AND EXISTS (SELECT 1 FROM votes v JOIN topics x ON x.id = v.topic_id WHERE v.person_id = p.id AND x.event_id = ?)
	AND NOT EXISTS (SELECT 1 FROM talks WHERE speaker_id = p.id)
	AND NOT EXISTS (SELECT 1 FROM topics WHERE leader_id = p.id)
	AND NOT EXISTS (SELECT 1 FROM notes WHERE author_id = p.id)
	AND NOT EXISTS (SELECT 1 FROM reports WHERE author_id = p.id))`

// scanWith scans a row into the destinations given, then extra ones.
type scanWith struct {
	row   interface{ Scan(...any) error }
	extra []any
}

func (s scanWith) Scan(dest ...any) error { return s.row.Scan(append(dest, s.extra...)...) }

// PersonByFingerprint finds a person by key, without creating one.
func (c *Camp) PersonByFingerprint(ctx context.Context, fp string) (schedule.Person, error) {
	p, err := scanPerson(c.db.reader.QueryRowContext(ctx, `SELECT `+personColumns+` FROM people WHERE fingerprint = ?`, fp))
	if errors.Is(err, sql.ErrNoRows) {
		return p, schedule.Errorf(schedule.ENOTFOUND, "nobody has logged in with that key")
	}
	return p, err
}
