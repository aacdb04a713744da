package store

import (
	"context"

	"github.com/lightningcamp/camp/schedule"
)

var _ schedule.StarService = (*Camp)(nil)

// Star adds a talk or topic to the actor's agenda, or takes it off. Only
// what people can see can be starred: a talk that was withdrawn or
// rejected, or a withdrawn topic, is refused (taking a star off always
// works, so nothing gets stuck on an agenda).
func (c *Camp) Star(ctx context.Context, a schedule.Actor, target schedule.Target, on bool) error {
	return c.write(ctx, a, func(t *tx) error {
		if err := t.authorize(schedule.PermPersonal, 0); err != nil {
			return err
		}
		if err := t.checkTarget(target); err != nil {
			return err
		}
		if !on {
			if _, err := t.exec(`DELETE FROM stars WHERE event_id = ? AND person_id = ? AND target_kind = ? AND target_id = ?`,
				c.eventID, t.me.ID, target.Kind, target.ID); err != nil {
				return err
			}
			t.changed(schedule.ChangeStars, t.me.ID)
			return t.audit("unstar", targetString(target), "")
		}
		if err := t.checkStarrable(target); err != nil {
			return err
		}
		if _, err := t.exec(`INSERT INTO stars (event_id, person_id, target_kind, target_id, created_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT DO NOTHING`, c.eventID, t.me.ID, target.Kind, target.ID, t.now.UnixMilli()); err != nil {
			return err
		}
		t.changed(schedule.ChangeStars, t.me.ID)
		return t.audit("star", targetString(target), "")
	})
}

// checkStarrable refuses, of what the actor sees (checkTarget, the
// visibility rule), what is off the programme: their own rejected or
// withdrawn talk, or withdrawn topic. Their own proposal may be starred.
func (t *tx) checkStarrable(target schedule.Target) error {
	onProgramme := schedule.Viewer{} // what anyone sees
	var status string
	switch target.Kind {
	case "talk":
		talk, err := t.camp.talk(t.ctx, t.Tx, target.ID)
		if err != nil || onProgramme.SeesTalk(talk) || talk.Status == schedule.TalkProposed {
			return err
		}
		status = string(talk.Status)
	case "topic":
		topic, err := t.camp.topic(t.ctx, t.Tx, target.ID)
		if err != nil || onProgramme.SeesTopic(topic) {
			return err
		}
		status = string(topic.Status)
	}
	return schedule.Errorf(schedule.ECONFLICT, "%s is %s: only talks and topics on the programme can be starred", target, status)
}

// StarsOf lists a person's starred talks and topics in this camp, oldest
// star first.
func (c *Camp) StarsOf(ctx context.Context, personID int64) ([]schedule.Target, error) {
	rows, err := c.db.reader.QueryContext(ctx, `SELECT target_kind, target_id FROM stars WHERE event_id = ? AND person_id = ?
		ORDER BY created_at, target_kind, target_id`, c.eventID, personID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var stars []schedule.Target
	for rows.Next() {
		var s schedule.Target
		if err := rows.Scan(&s.Kind, &s.ID); err != nil {
			return nil, err
		}
		stars = append(stars, s)
	}
	return stars, rows.Err()
}
