package store

import (
	"context"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// Announce broadcasts a message from the organisers until the end of the
// block under way (see schedule.Event.AnnouncementExpiry).
func (c *Camp) Announce(ctx context.Context, a schedule.Actor, text string) (schedule.Announcement, error) {
	return c.AnnounceUntil(ctx, a, text, time.Time{})
}

// AnnounceUntil broadcasts a message shown until expires; zero expires
// means the default (Event.AnnouncementExpiry).
func (c *Camp) AnnounceUntil(ctx context.Context, a schedule.Actor, text string, expires time.Time) (schedule.Announcement, error) {
	clean, err := cleanText("announcement", text, c.ev.Limits.AbstractMax, true)
	if err != nil {
		return schedule.Announcement{}, err
	}
	var ann schedule.Announcement
	err = c.write(ctx, a, func(t *tx) error {
		if err := t.authorize(schedule.PermOrganise, 0); err != nil {
			return err
		}
		until, err := c.expiry(t.now, expires)
		if err != nil {
			return err
		}
		res, err := t.exec(`INSERT INTO announcements (event_id, author_id, text, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
			c.eventID, t.me.ID, clean, t.now.UnixMilli(), ms(until))
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		ann = schedule.Announcement{ID: id, Event: c.ev.Slug, Author: t.me.Name, Text: clean, CreatedAt: t.now, ExpiresAt: until}
		t.changed(schedule.ChangeAnnouncements, id)
		return t.audit("announce", "announcement:"+itoa(id), "")
	})
	return ann, err
}

// expiry checks a chosen expiry, or gives the default for a zero one.
func (c *Camp) expiry(now, expires time.Time) (time.Time, error) {
	switch {
	case expires.IsZero():
		return c.ev.AnnouncementExpiry(now), nil
	case expires.Equal(schedule.UntilCleared):
		return time.Time{}, nil
	case !expires.After(now):
		return time.Time{}, schedule.Errorf(schedule.EINVALID, "the announcement would expire at %s, which has passed: choose a later time",
			expires.UTC().Format("15:04 UTC"))
	}
	return expires.UTC().Truncate(time.Millisecond), nil
}

// EditAnnouncement changes an announcement's text and, unless expires is
// zero, its expiry; an edited announcement shows again if it had expired.
func (c *Camp) EditAnnouncement(ctx context.Context, a schedule.Actor, id int64, text string, expires time.Time) (schedule.Announcement, error) {
	clean, err := cleanText("announcement", text, c.ev.Limits.AbstractMax, true)
	if err != nil {
		return schedule.Announcement{}, err
	}
	var ann schedule.Announcement
	err = c.onAnnouncement(ctx, a, id, func(t *tx, cur schedule.Announcement) error {
		until := cur.ExpiresAt
		if !expires.IsZero() || (!until.IsZero() && !t.now.Before(until)) {
			if until, err = c.expiry(t.now, expires); err != nil {
				return err
			}
		}
		if _, err := t.exec(`UPDATE announcements SET text = ?, expires_at = ?, edited_at = ? WHERE id = ?`,
			clean, ms(until), t.now.UnixMilli(), id); err != nil {
			return err
		}
		ann, err = c.announcement(t, id)
		t.changed(schedule.ChangeAnnouncements, id)
		return t.audit("edit_announcement", "announcement:"+itoa(id), "")
	})
	return ann, err
}

// ClearAnnouncement takes an announcement down at once (cleared) or puts a
// cleared one back (not cleared), so a clear can be undone.
func (c *Camp) ClearAnnouncement(ctx context.Context, a schedule.Actor, id int64, cleared bool) (schedule.Announcement, error) {
	var ann schedule.Announcement
	err := c.onAnnouncement(ctx, a, id, func(t *tx, _ schedule.Announcement) error {
		at, action := t.now.UnixMilli(), "clear_announcement"
		if !cleared {
			at, action = 0, "restore_announcement"
		}
		if _, err := t.exec(`UPDATE announcements SET cleared_at = ? WHERE id = ?`, at, id); err != nil {
			return err
		}
		var err error
		ann, err = c.announcement(t, id)
		t.changed(schedule.ChangeAnnouncements, id)
		return errOr(err, t.audit(action, "announcement:"+itoa(id), ""))
	})
	return ann, err
}

func errOr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// onAnnouncement runs fn in a write on announcement id of this camp, once
// the actor is known to be an organiser.
func (c *Camp) onAnnouncement(ctx context.Context, a schedule.Actor, id int64, fn func(t *tx, cur schedule.Announcement) error) error {
	return c.write(ctx, a, func(t *tx) error {
		if err := t.authorize(schedule.PermOrganise, 0); err != nil {
			return err
		}
		cur, err := c.announcement(t, id)
		if err != nil {
			return err
		}
		return fn(t, cur)
	})
}

const announcementColumns = `SELECT a.id, p.name, a.text, a.created_at, a.expires_at, a.cleared_at, a.edited_at
	FROM announcements a JOIN people p ON p.id = a.author_id`

func (c *Camp) announcement(t *tx, id int64) (schedule.Announcement, error) {
	as, err := c.queryAnnouncements(t.ctx, t, ` WHERE a.event_id = ? AND a.id = ?`, c.eventID, id)
	if err != nil {
		return schedule.Announcement{}, err
	}
	if len(as) == 0 {
		return schedule.Announcement{}, schedule.Errorf(schedule.ENOTFOUND, "no announcement %d", id)
	}
	return as[0], nil
}

// Announcements lists the announcements shown now (not cleared, not
// expired), newest first.
func (c *Camp) Announcements(ctx context.Context, limit int) ([]schedule.Announcement, error) {
	now := c.db.clock.Now().UnixMilli()
	return c.queryAnnouncements(ctx, c.db.reader, ` WHERE a.event_id = ? AND a.cleared_at = 0 AND (a.expires_at = 0 OR a.expires_at > ?)
		ORDER BY a.id DESC LIMIT ?`, c.eventID, now, orDefault(limit))
}

// AnnouncementHistory lists the latest announcements, shown or not (cleared
// and expired ones too, for organisers to edit or bring back), newest first.
func (c *Camp) AnnouncementHistory(ctx context.Context, limit int) ([]schedule.Announcement, error) {
	return c.queryAnnouncements(ctx, c.db.reader, ` WHERE a.event_id = ? ORDER BY a.id DESC LIMIT ?`, c.eventID, orDefault(limit))
}

func orDefault(limit int) int {
	if limit <= 0 {
		return 20
	}
	return limit
}

func (c *Camp) queryAnnouncements(ctx context.Context, q queryer, where string, args ...any) ([]schedule.Announcement, error) {
	rows, err := q.QueryContext(ctx, announcementColumns+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []schedule.Announcement
	for rows.Next() {
		a := schedule.Announcement{Event: c.ev.Slug}
		var at, expires, cleared, edited int64
		if err := rows.Scan(&a.ID, &a.Author, &a.Text, &at, &expires, &cleared, &edited); err != nil {
			return nil, err
		}
		a.CreatedAt, a.ExpiresAt, a.ClearedAt, a.EditedAt = fromMS(at), fromMS(expires), fromMS(cleared), fromMS(edited)
		out = append(out, a)
	}
	return out, rows.Err()
}

// Services the store provides, checked at compile time.
var (
	_ schedule.PersonService       = (*Camp)(nil)
	_ schedule.TalkService         = (*Camp)(nil)
	_ schedule.TopicService        = (*Camp)(nil)
	_ schedule.NoteService         = (*Camp)(nil)
	_ schedule.TimerService        = (*Camp)(nil)
	_ schedule.AnnouncementService = (*Camp)(nil)
	_ schedule.Feed                = (*Camp)(nil)
)
