package store

import (
	"context"

	"github.com/lightningcamp/camp/schedule"
)

// Announce broadcasts a message from the organisers.
func (c *Camp) Announce(ctx context.Context, a schedule.Actor, text string) (schedule.Announcement, error) {
	clean, err := cleanText("announcement", text, c.ev.Limits.AbstractMax, true)
	if err != nil {
		return schedule.Announcement{}, err
	}
	var ann schedule.Announcement
	err = c.write(ctx, a, func(t *tx) error {
		if err := t.authorize(schedule.PermOrganise, 0); err != nil {
			return err
		}
		res, err := t.exec(`INSERT INTO announcements (event_id, author_id, text, created_at) VALUES (?, ?, ?, ?)`, c.eventID, t.me.ID, clean, t.now.UnixMilli())
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		ann = schedule.Announcement{ID: id, Event: c.ev.Slug, Author: t.me.Name, Text: clean, CreatedAt: t.now}
		t.changed(schedule.ChangeAnnouncements, id)
		return t.audit("announce", "announcement:"+itoa(id), "")
	})
	return ann, err
}

// Announcements lists the latest announcements, newest first.
func (c *Camp) Announcements(ctx context.Context, limit int) ([]schedule.Announcement, error) {
	if limit <= 0 {
		limit = 20
	}
	rows, err := c.db.reader.QueryContext(ctx, `SELECT a.id, p.name, a.text, a.created_at FROM announcements a JOIN people p ON p.id = a.author_id
		WHERE a.event_id = ? ORDER BY a.id DESC LIMIT ?`, c.eventID, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []schedule.Announcement
	for rows.Next() {
		a := schedule.Announcement{Event: c.ev.Slug}
		var at int64
		if err := rows.Scan(&a.ID, &a.Author, &a.Text, &at); err != nil {
			return nil, err
		}
		a.CreatedAt = fromMS(at)
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
