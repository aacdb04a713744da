package store

import (
	"context"

	"github.com/lightningcamp/camp/schedule"
)

// MergeTopics folds topic from into topic into, when two people proposed
// the same thing: from's dots move to into (a person who had a dot on both
// gets the second back), its notes and experience reports move with them,
// and from is withdrawn. Organisers only. It returns into as it now is.
func (c *Camp) MergeTopics(ctx context.Context, a schedule.Actor, from, into int64) (schedule.Topic, error) {
	var topic schedule.Topic
	err := c.write(ctx, a, func(t *tx) error {
		if err := t.authorize(schedule.PermOrganise, 0); err != nil {
			return err
		}
		if from == into {
			return schedule.Errorf(schedule.EINVALID, "a topic cannot be merged into itself: give two topic ids")
		}
		for _, id := range []int64{from, into} {
			cur, err := c.topic(t.ctx, t, id)
			if err != nil {
				return err
			}
			if cur.Status == schedule.TopicWithdrawn {
				return schedule.Errorf(schedule.ECONFLICT, "topic %d was withdrawn", id)
			}
		}
		for _, q := range []string{
			// A dot on both stays on into; the other comes back to its owner.
			`UPDATE OR IGNORE votes SET topic_id = ? WHERE topic_id = ?`,
			`DELETE FROM votes WHERE topic_id = ?2`,
		} {
			if _, err := t.exec(q, into, from); err != nil {
				return err
			}
		}
		for _, table := range []string{"notes", "reports"} {
			if _, err := t.exec(`UPDATE `+table+` SET target_id = ? WHERE event_id = ? AND target_kind = 'topic' AND target_id = ?`,
				into, c.eventID, from); err != nil {
				return err
			}
		}
		if _, err := t.exec(`UPDATE topics SET status = 'withdrawn', track = '', slot = '', updated_at = ? WHERE id = ?`, t.now.UnixMilli(), from); err != nil {
			return err
		}
		t.changed(schedule.ChangeTopics, from)
		t.changed(schedule.ChangeNotes)
		return t.finishTopic(&topic, into, "merge_topic", "topic:"+itoa(from)+" merged in")
	})
	return topic, err
}
