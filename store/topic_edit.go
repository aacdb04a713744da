package store

import (
	"context"
	"strings"

	"github.com/lightningcamp/camp/schedule"
)

// ChangeTopic changes the fields of topic id that ch sets and leaves the
// rest. The rules are the edit's: leaders change their own topics,
// organisers any; a placed topic keeps the tag its reserved track asks for.
// A change to nothing is refused, so a typo in a script is not a silent no-op.
func (c *Camp) ChangeTopic(ctx context.Context, a schedule.Actor, id int64, ch schedule.TopicChange) (schedule.Topic, error) {
	if ch.Title == nil && ch.Description == nil && ch.Tags == nil {
		return schedule.Topic{}, schedule.Errorf(schedule.EINVALID, "nothing to change: give a new title, description or tags")
	}
	var in topicInput
	var err error
	if ch.Title != nil {
		if in.title, err = cleanLine("title", *ch.Title, c.ev.Limits.TitleMax, true); err != nil {
			return schedule.Topic{}, err
		}
	}
	if ch.Description != nil {
		if in.description, err = cleanText("description", *ch.Description, c.ev.Limits.AbstractMax, false); err != nil {
			return schedule.Topic{}, err
		}
	}
	if ch.Tags != nil {
		if in.tags, err = cleanTags("tags", *ch.Tags, 32); err != nil {
			return schedule.Topic{}, err
		}
	}
	var topic schedule.Topic
	err = c.onTopic(ctx, a, id, schedule.PermEditOwn, func(t *tx, cur schedule.Topic) error {
		if ch.Title == nil {
			in.title = cur.Title
		}
		if ch.Description == nil {
			in.description = cur.Description
		}
		if ch.Tags == nil {
			in.tags = cur.Tags
		}
		if cur.Status == schedule.TopicPlaced && !t.camp.tagsFitTrack(cur.Track, in.tags) {
			tr, _ := t.camp.ev.Track(cur.Track)
			return schedule.Errorf(schedule.ECONFLICT, "topic %d is placed in a track reserved for %q: keep the tag %s, or unplace the topic first",
				id, tr.ReservedFor, tr.ReservedFor)
		}
		if _, err := t.exec(`UPDATE topics SET title = ?, description = ?, tags = ?, updated_at = ? WHERE id = ?`,
			in.title, in.description, joinList(in.tags), t.now.UnixMilli(), id); err != nil {
			return err
		}
		return t.finishTopic(&topic, id, "change_topic", changedFields(ch))
	})
	return topic, err
}

// changedFields names the fields a change sets, for the audit trail.
func changedFields(ch schedule.TopicChange) string {
	var f []string
	if ch.Title != nil {
		f = append(f, "title")
	}
	if ch.Description != nil {
		f = append(f, "description")
	}
	if ch.Tags != nil {
		f = append(f, "tags")
	}
	return strings.Join(f, ",")
}
