package store

import (
	"context"
	"database/sql"

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

// checkStarrable refuses what the actor may not see, as if it did not
// exist (someone else's proposal, a rejected or withdrawn talk, a
// withdrawn topic: the visibility rule of the talks and topics lists), and
// their own talk once it is off the programme.
func (t *tx) checkStarrable(target schedule.Target) error {
	var status string
	var owner int64
	q := map[string]string{
		"talk":  `SELECT status, speaker_id FROM talks WHERE id = ?`,
		"topic": `SELECT status, leader_id FROM topics WHERE id = ?`,
	}[target.Kind]
	if err := t.QueryRowContext(t.ctx, q, target.ID).Scan(&status, &owner); err != nil {
		return noRows(err, target.Kind, target.ID)
	}
	mine := owner == t.me.ID || t.actor.Role == schedule.RoleOrganiser
	switch status {
	case string(schedule.TalkApproved), string(schedule.TalkLive), string(schedule.TalkDone), string(schedule.TalkSkipped),
		string(schedule.TopicOpen), string(schedule.TopicPlaced):
		return nil
	case string(schedule.TalkProposed):
		if mine {
			return nil
		}
	case string(schedule.TalkRejected), string(schedule.TalkWithdrawn):
		if mine {
			return schedule.Errorf(schedule.ECONFLICT, "%s is %s: only talks and topics on the programme can be starred", target, status)
		}
	}
	return noRows(sql.ErrNoRows, target.Kind, target.ID)
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
