package store

import (
	"github.com/lightningcamp/camp/schedule"
)

// checkDuplicateTalk refuses a talk whose title is very close to one of
// the speaker's own (schedule.DuplicateTalk), unless the proposal says
// Force. Organisers are not asked, as they have no quota either. It reads inside the write transaction, so two proposals sent at
// once cannot both pass.
func (t *tx) checkDuplicateTalk(title string, force bool) error {
	if force || t.actor.Role == schedule.RoleOrganiser {
		return nil
	}
	rows, err := t.QueryContext(t.ctx, `SELECT id, title, status FROM talks WHERE event_id = ? AND speaker_id = ? AND status != 'withdrawn'`,
		t.camp.eventID, t.me.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	var talks []schedule.Talk
	for rows.Next() {
		tk := schedule.Talk{SpeakerID: t.me.ID}
		if err := rows.Scan(&tk.ID, &tk.Title, &tk.Status); err != nil {
			return err
		}
		talks = append(talks, tk)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if d := schedule.DuplicateTalk(title, t.me.ID, talks); d != nil {
		return d
	}
	return nil
}

// checkDuplicateTopic refuses a topic whose title is very close to any
// topic not withdrawn (schedule.DuplicateTopic), unless Force.
func (t *tx) checkDuplicateTopic(title string, force bool) error {
	if force || t.actor.Role == schedule.RoleOrganiser {
		return nil
	}
	rows, err := t.QueryContext(t.ctx, `SELECT id, leader_id, title, status FROM topics WHERE event_id = ? AND status != 'withdrawn'`, t.camp.eventID)
	if err != nil {
		return err
	}
	defer rows.Close()
	var topics []schedule.Topic
	for rows.Next() {
		var tp schedule.Topic
		if err := rows.Scan(&tp.ID, &tp.LeaderID, &tp.Title, &tp.Status); err != nil {
			return err
		}
		topics = append(topics, tp)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if d := schedule.DuplicateTopic(title, t.me.ID, topics); d != nil {
		return d
	}
	return nil
}
