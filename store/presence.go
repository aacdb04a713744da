package store

import (
	"context"
	"strings"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// SetRoom says the actor is in a breakout room for the open-space slot
// under way (track "" leaves). room may name the track or its Zoom room,
// by id or by name. Presence lasts until the slot ends, until they leave,
// or until their last terminal session closes.
func (c *Camp) SetRoom(ctx context.Context, a schedule.Actor, room string) (schedule.Here, error) {
	var here schedule.Here
	var track schedule.Track
	var slot schedule.Slot
	leaving := strings.TrimSpace(room) == ""
	if !leaving {
		var err error
		if track, err = c.findTrack(room); err != nil {
			return here, err
		}
	}
	err := c.write(ctx, a, func(t *tx) error {
		if err := t.authorize(schedule.PermContribute, 0); err != nil {
			return err
		}
		var ok bool
		if slot, ok = c.ev.SlotAt(t.now); !leaving && !ok {
			return schedule.Errorf(schedule.ECONFLICT, "no open-space slot is running now: say which room you are in once a slot has started")
		}
		t.changed(schedule.ChangePresence, t.me.ID)
		if leaving {
			if _, err := t.exec(`DELETE FROM room_presence WHERE event_id = ? AND person_id = ?`, c.eventID, t.me.ID); err != nil {
				return err
			}
			return t.audit("leave_room", "person:"+itoa(t.me.ID), "")
		}
		here = schedule.Here{PersonID: t.me.ID, Name: t.me.Name, Track: track.ID, Slot: slot.ID(), Since: t.now, Until: slot.End}
		if _, err := t.exec(`INSERT INTO room_presence (event_id, person_id, track, slot, since, until) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (event_id, person_id) DO UPDATE SET track = excluded.track, slot = excluded.slot, since = excluded.since, until = excluded.until`,
			c.eventID, t.me.ID, track.ID, slot.ID(), ms(t.now), ms(slot.End)); err != nil {
			return err
		}
		return t.audit("enter_room", "person:"+itoa(t.me.ID), track.ID+" "+slot.ID())
	})
	return here, err
}

// findTrack finds a track by its id or name, or by its room's id or name,
// ignoring case.
func (c *Camp) findTrack(name string) (schedule.Track, error) {
	name = strings.TrimSpace(name)
	for _, tr := range c.ev.Tracks {
		r, _ := c.ev.Room(tr.Room)
		for _, n := range []string{tr.ID, tr.Name, r.ID, r.Name} {
			if n != "" && strings.EqualFold(n, name) {
				return tr, nil
			}
		}
	}
	var names []string
	for _, tr := range c.ev.Tracks {
		names = append(names, tr.ID)
	}
	return schedule.Track{}, schedule.Errorf(schedule.ENOTFOUND, "no room %q: the rooms are %s", name, strings.Join(names, ", "))
}

// Presence is who has a terminal session open in any process on the
// database, and who is in which room. A room presence counts until its slot
// ends, and not once all its person's sessions have stopped beating (the
// sweep then removes it for good).
func (c *Camp) Presence(ctx context.Context) (schedule.Presence, error) {
	var p schedule.Presence
	cut := time.Now().Add(-c.db.timeout()).UnixMilli()
	rows, err := c.db.reader.QueryContext(ctx, `SELECT DISTINCT person_id FROM sessions WHERE person_id IS NOT NULL AND seen_at >= ? ORDER BY person_id`, cut)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return p, err
		}
		p.Online = append(p.Online, id)
	}
	if err := rows.Err(); err != nil {
		return p, err
	}
	rows, err = c.db.reader.QueryContext(ctx, `SELECT r.person_id, p.name, r.track, r.slot, r.since, r.until
		FROM room_presence r JOIN people p ON p.id = r.person_id
		WHERE r.event_id = ? AND r.until > ?
		AND NOT (EXISTS (SELECT 1 FROM sessions s WHERE s.person_id = r.person_id)
			AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.person_id = r.person_id AND s.seen_at >= ?))
		ORDER BY r.track, p.name, r.person_id`, c.eventID, ms(c.db.clock.Now()), cut)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	for rows.Next() {
		var h schedule.Here
		var since, until int64
		if err := rows.Scan(&h.PersonID, &h.Name, &h.Track, &h.Slot, &since, &until); err != nil {
			return p, err
		}
		h.Since, h.Until = fromMS(since), fromMS(until)
		p.Rooms = append(p.Rooms, h)
	}
	return p, rows.Err()
}
