package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/lightningcamp/camp/schedule"
)

// ImportResult says what an import changed.
type ImportResult struct {
	Added, Updated, Unchanged int
	// Changes lists each updated registration and what changed, in the
	// order of the file.
	Changes []RegistrationChange
}

// RegistrationChange is one registration a re-import updated.
type RegistrationChange struct {
	TicketID, Name string
	// What changed, e.g. `status Attending → Refunded`, `name "Ada" → "Ada L."`.
	What []string
}

func (c RegistrationChange) String() string {
	return fmt.Sprintf("attendee # %s (%s): %s", c.TicketID, c.Name, strings.Join(c.What, ", "))
}

// ImportRegistrations stores Eventbrite registrations, keyed by ticket.
// The report is the source of truth: a row that changed (a refund, a
// transfer, a new name or email) updates its registration, and the result
// says what changed; importing the same file twice changes nothing.
// Organisers only.
func (c *Camp) ImportRegistrations(ctx context.Context, a schedule.Actor, regs []schedule.Registration) (ImportResult, error) {
	var res ImportResult
	err := c.write(ctx, a, func(t *tx) error {
		res = ImportResult{} // a retried transaction starts again
		if err := t.authorize(schedule.PermOrganise, 0); err != nil {
			return err
		}
		for _, r := range regs {
			if err := t.upsertRegistration(r, &res); err != nil {
				return err
			}
		}
		t.changed(schedule.ChangePeople)
		return t.audit("import_registrations", "event:"+c.ev.Slug, fmt.Sprintf("added=%d updated=%d", res.Added, res.Updated))
	})
	return res, err
}

func (t *tx) upsertRegistration(r schedule.Registration, res *ImportResult) error {
	var cur schedule.Registration
	err := t.QueryRowContext(t.ctx, `SELECT order_id, name, email, status, ticket_type FROM registrations WHERE event_id = ? AND ticket_id = ?`,
		t.camp.eventID, r.TicketID).Scan(&cur.OrderID, &cur.Name, &cur.Email, &cur.Status, &cur.TicketType)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		res.Added++
	case err != nil:
		return err
	default:
		what := registrationDiff(cur, r)
		if len(what) == 0 {
			res.Unchanged++
			return nil
		}
		res.Updated++
		res.Changes = append(res.Changes, RegistrationChange{TicketID: r.TicketID, Name: r.Name, What: what})
	}
	_, err = t.exec(`INSERT INTO registrations (event_id, ticket_id, order_id, name, email, status, ticket_type) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (event_id, ticket_id) DO UPDATE SET order_id = excluded.order_id, name = excluded.name, email = excluded.email,
			status = excluded.status, ticket_type = excluded.ticket_type`,
		t.camp.eventID, r.TicketID, r.OrderID, r.Name, r.Email, r.Status, r.TicketType)
	return err
}

// registrationDiff says, field by field, how a re-imported row differs.
func registrationDiff(old, new schedule.Registration) []string {
	var what []string
	for _, f := range []struct{ name, old, new string }{
		{"status", old.Status, new.Status}, {"name", old.Name, new.Name}, {"email", old.Email, new.Email},
		{"order", old.OrderID, new.OrderID}, {"ticket type", old.TicketType, new.TicketType},
	} {
		if f.old != f.new {
			what = append(what, fmt.Sprintf("%s %q → %q", f.name, f.old, f.new))
		}
	}
	return what
}

// Registrations lists the camp's registrations by name.
func (c *Camp) Registrations(ctx context.Context) ([]schedule.Registration, error) {
	rows, err := c.db.reader.QueryContext(ctx, `SELECT ticket_id, order_id, name, email, status, ticket_type FROM registrations
		WHERE event_id = ? ORDER BY name COLLATE NOCASE, ticket_id`, c.eventID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var regs []schedule.Registration
	for rows.Next() {
		r := schedule.Registration{Event: c.ev.Slug}
		if err := rows.Scan(&r.TicketID, &r.OrderID, &r.Name, &r.Email, &r.Status, &r.TicketType); err != nil {
			return nil, err
		}
		regs = append(regs, r)
	}
	return regs, rows.Err()
}

// RequestLink starts linking the actor's key to the registration with this
// email. It returns a one-time code the attendee tells an organiser; the
// email is not linked until an organiser confirms the code, so nobody can
// claim someone else's registration by typing their address.
func (c *Camp) RequestLink(ctx context.Context, a schedule.Actor, email string) (string, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	var code string
	err := c.write(ctx, a, func(t *tx) error {
		if err := t.authorize(schedule.PermContribute, 0); err != nil {
			return err
		}
		var n int
		// Only a registration that still holds a ticket can be linked: a
		// re-import keeps refunded and transferred rows with their status.
		if err := t.QueryRowContext(t.ctx, `SELECT COUNT(*) FROM registrations WHERE event_id = ? AND lower(email) = ?
			AND status IN ('`+schedule.RegAttending+`', '`+schedule.RegCheckedIn+`')`, c.eventID, email).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return schedule.Errorf(schedule.ENOTFOUND, "no registration for that email address: use the address you registered with")
		}
		if _, err := t.exec(`DELETE FROM link_requests WHERE person_id = ? AND confirmed_at = 0`, t.me.ID); err != nil {
			return err
		}
		var err error
		if code, err = newLinkCode(); err != nil {
			return err
		}
		if _, err := t.exec(`INSERT INTO link_requests (code, event_id, person_id, email, created_at) VALUES (?, ?, ?, ?, ?)`,
			code, c.eventID, t.me.ID, email, t.now.UnixMilli()); err != nil {
			return err
		}
		return t.audit("request_link", "person:"+itoa(t.me.ID), "")
	})
	return code, err
}

// ConfirmLink links the email of a pending request to its person.
// Organisers only.
func (c *Camp) ConfirmLink(ctx context.Context, a schedule.Actor, code string) (schedule.Person, error) {
	code = strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(code), "-", ""))
	var p schedule.Person
	err := c.write(ctx, a, func(t *tx) error {
		if err := t.authorize(schedule.PermOrganise, 0); err != nil {
			return err
		}
		var personID int64
		var email string
		err := t.QueryRowContext(t.ctx, `SELECT person_id, email FROM link_requests WHERE code = ? AND event_id = ? AND confirmed_at = 0`,
			code, c.eventID).Scan(&personID, &email)
		if errors.Is(err, sql.ErrNoRows) {
			return schedule.Errorf(schedule.ENOTFOUND, "no pending link request with code %q", code)
		}
		if err != nil {
			return err
		}
		if _, err := t.exec(`UPDATE link_requests SET confirmed_at = ? WHERE code = ?`, t.now.UnixMilli(), code); err != nil {
			return err
		}
		if _, err := t.exec(`UPDATE people SET email = ? WHERE id = ?`, email, personID); err != nil {
			return err
		}
		if p, err = c.person(t.ctx, t, personID); err != nil {
			return err
		}
		t.changed(schedule.ChangePeople, personID)
		return t.audit("confirm_link", "person:"+itoa(personID), "")
	})
	return p, err
}

// linkAlphabet leaves out letters and digits people confuse when reading a
// code aloud (0/O, 1/I/L).
const linkAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

func newLinkCode() (string, error) {
	var b strings.Builder
	for range 6 {
		n, err := rand.Int(rand.Reader, big.NewInt(int64(len(linkAlphabet))))
		if err != nil {
			return "", err
		}
		b.WriteByte(linkAlphabet[n.Int64()])
	}
	return b.String(), nil
}

// VoteRow is one person's dot on one topic.
type VoteRow struct{ TopicID, PersonID int64 }

// Votes lists every dot of the camp, for the breakout-room export.
func (c *Camp) Votes(ctx context.Context) ([]VoteRow, error) {
	rows, err := c.db.reader.QueryContext(ctx, `SELECT v.topic_id, v.person_id FROM votes v JOIN topics t ON t.id = v.topic_id
		WHERE t.event_id = ? ORDER BY v.topic_id, v.person_id`, c.eventID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var votes []VoteRow
	for rows.Next() {
		var v VoteRow
		if err := rows.Scan(&v.TopicID, &v.PersonID); err != nil {
			return nil, err
		}
		votes = append(votes, v)
	}
	return votes, rows.Err()
}

// LastChange is when the camp was last written to: the stamp of a
// deterministic export (the same database gives the same files).
func (c *Camp) LastChange(ctx context.Context) (int64, error) {
	var at sql.NullInt64
	err := c.db.reader.QueryRowContext(ctx, `SELECT MAX(at) FROM audit WHERE event_id = ? AND action != 'login'`, c.eventID).Scan(&at)
	return at.Int64, err
}
