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
// claim someone else's registration by typing their address. It answers
// the same whether or not the address is registered, so it tells nobody
// which addresses are: the organiser confirming the code sees whether a
// registration has it.
func (c *Camp) RequestLink(ctx context.Context, a schedule.Actor, email string) (string, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if !looksLikeEmail(email) {
		return "", schedule.Errorf(schedule.EINVALID, "%q is not an email address: use the address you registered with, e.g. ada@example.org",
			truncateForMessage(email))
	}
	var code string
	err := c.write(ctx, a, func(t *tx) error {
		if err := t.authorize(schedule.PermContribute, 0); err != nil {
			return err
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

// looksLikeEmail is a cheap shape check (one @, something either side, no
// spaces): the registrations decide which addresses are real.
func looksLikeEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	return ok && local != "" && domain != "" && !strings.ContainsAny(s, " \t<>") && !strings.Contains(domain, "@") && len(s) <= 254
}

func normaliseLinkCode(code string) string {
	return strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(code), "-", ""))
}

// PendingLink shows an organiser what confirming a code would do: who asked,
// for which email, and the registration with that email (if any). It
// changes nothing. Organisers only.
func (c *Camp) PendingLink(ctx context.Context, a schedule.Actor, code string) (schedule.LinkRequest, error) {
	me := schedule.Person{}
	if a.PersonID != 0 {
		var err error
		if me, err = c.person(ctx, c.db.reader, a.PersonID); err != nil {
			return schedule.LinkRequest{}, err
		}
	}
	if err := schedule.Authorize(me, a.Role, schedule.PermOrganise, 0); err != nil {
		return schedule.LinkRequest{}, err
	}
	return c.pendingLink(ctx, c.db.reader, normaliseLinkCode(code))
}

func (c *Camp) pendingLink(ctx context.Context, q queryer, code string) (schedule.LinkRequest, error) {
	lr := schedule.LinkRequest{Code: code}
	var personID int64
	err := q.QueryRowContext(ctx, `SELECT person_id, email FROM link_requests WHERE code = ? AND event_id = ? AND confirmed_at = 0`,
		code, c.eventID).Scan(&personID, &lr.Email)
	if errors.Is(err, sql.ErrNoRows) {
		return lr, schedule.Errorf(schedule.ENOTFOUND, "no pending link request with code %q", truncateForMessage(code))
	}
	if err != nil {
		return lr, err
	}
	if lr.Person, err = c.person(ctx, q, personID); err != nil {
		return lr, err
	}
	r := schedule.Registration{Event: c.ev.Slug}
	// Only a registration that still holds a ticket can be linked: a
	// re-import keeps refunded and transferred rows with their status.
	err = q.QueryRowContext(ctx, `SELECT ticket_id, order_id, name, email, status, ticket_type FROM registrations
		WHERE event_id = ? AND lower(email) = ? AND status IN ('`+schedule.RegAttending+`', '`+schedule.RegCheckedIn+`')
		ORDER BY ticket_id LIMIT 1`, c.eventID, lr.Email).
		Scan(&r.TicketID, &r.OrderID, &r.Name, &r.Email, &r.Status, &r.TicketType)
	switch {
	case err == nil:
		lr.Registration = &r
	case !errors.Is(err, sql.ErrNoRows):
		return lr, err
	}
	return lr, nil
}

// ConfirmLink links the email of a pending request to its person, once an
// organiser has seen both (PendingLink). A request for an address no
// registration has is refused here, to the organiser, never to the one who
// asked. Organisers only.
func (c *Camp) ConfirmLink(ctx context.Context, a schedule.Actor, code string) (schedule.Person, error) {
	code = normaliseLinkCode(code)
	var p schedule.Person
	err := c.write(ctx, a, func(t *tx) error {
		if err := t.authorize(schedule.PermOrganise, 0); err != nil {
			return err
		}
		lr, err := c.pendingLink(t.ctx, t, code)
		if err != nil {
			return err
		}
		if lr.Registration == nil {
			return schedule.Errorf(schedule.ENOTFOUND, "no registration holding a ticket has the email %s: ask %s to check the address they registered with and run link again",
				lr.Email, cmpOr(lr.Person.Name, "the attendee"))
		}
		if _, err := t.exec(`UPDATE link_requests SET confirmed_at = ? WHERE code = ?`, t.now.UnixMilli(), code); err != nil {
			return err
		}
		if _, err := t.exec(`UPDATE people SET email = ? WHERE id = ?`, lr.Email, lr.Person.ID); err != nil {
			return err
		}
		if p, err = c.person(t.ctx, t, lr.Person.ID); err != nil {
			return err
		}
		t.changed(schedule.ChangePeople, p.ID)
		return t.audit("confirm_link", "person:"+itoa(p.ID), "")
	})
	return p, err
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
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
