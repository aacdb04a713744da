package store

import (
	"context"

	"github.com/lightningcamp/camp/schedule"
)

const topicColumns = `t.id, t.leader_id, p.name, t.title, t.description, t.tags, t.status, t.track, t.slot, t.created_at, t.updated_at,
	COALESCE(v.n, 0)`

// Votes are counted in one pass over the camp's votes, not once per topic.
const topicFrom = ` FROM topics t JOIN people p ON p.id = t.leader_id
	LEFT JOIN (SELECT topic_id, COUNT(*) AS n FROM votes GROUP BY topic_id) v ON v.topic_id = t.id `

func (c *Camp) scanTopic(row interface{ Scan(...any) error }) (schedule.Topic, error) {
	t := schedule.Topic{Event: c.ev.Slug}
	var tags, status string
	var created, updated int64
	err := row.Scan(&t.ID, &t.LeaderID, &t.Leader, &t.Title, &t.Description, &tags, &status, &t.Track, &t.Slot, &created, &updated, &t.Votes)
	t.Tags, t.Status, t.CreatedAt, t.UpdatedAt = splitList(tags), schedule.TopicStatus(status), fromMS(created), fromMS(updated)
	return t, err
}

// oneTopicFrom counts one topic's votes through the votes index: the list
// query's grouped count would read every vote to return one row.
const oneTopicFrom = ` FROM topics t JOIN people p ON p.id = t.leader_id
	LEFT JOIN (SELECT topic_id, COUNT(*) AS n FROM votes WHERE topic_id = ?) v ON v.topic_id = t.id `

func (c *Camp) topic(ctx context.Context, q queryer, id int64) (schedule.Topic, error) {
	t, err := c.scanTopic(q.QueryRowContext(ctx, `SELECT `+topicColumns+oneTopicFrom+`WHERE t.id = ? AND t.event_id = ?`, id, id, c.eventID))
	return t, noRows(err, "topic", id)
}

// Topic returns one topic of this camp.
func (c *Camp) Topic(ctx context.Context, id int64) (schedule.Topic, error) {
	return c.topic(ctx, c.db.reader, id)
}

// Topics lists every topic of this camp, withdrawn ones included, oldest first.
func (c *Camp) Topics(ctx context.Context) ([]schedule.Topic, error) {
	return c.topics.get(c.db.gen.Load(), func() ([]schedule.Topic, error) { return c.queryTopics(ctx, c.db.reader, ``) })
}

func (c *Camp) queryTopics(ctx context.Context, q queryer, where string) ([]schedule.Topic, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+topicColumns+topicFrom+`WHERE t.event_id = ? `+where+` ORDER BY t.id`, c.eventID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var topics []schedule.Topic
	for rows.Next() {
		t, err := c.scanTopic(rows)
		if err != nil {
			return nil, err
		}
		topics = append(topics, t)
	}
	return topics, rows.Err()
}

type topicInput struct {
	title, description string
	tags               []string
}

func (c *Camp) cleanTopic(p schedule.TopicProposal) (topicInput, error) {
	var in topicInput
	var err error
	if in.title, err = cleanLine("title", p.Title, c.ev.Limits.TitleMax, true); err != nil {
		return in, err
	}
	if in.description, err = cleanText("description", p.Description, c.ev.Limits.AbstractMax, false); err != nil {
		return in, err
	}
	in.tags, err = cleanTags("tags", p.Tags, 32)
	return in, err
}

// ProposeTopic adds an open-space topic.
func (c *Camp) ProposeTopic(ctx context.Context, a schedule.Actor, p schedule.TopicProposal) (schedule.Topic, error) {
	in, err := c.cleanTopic(p)
	if err != nil {
		return schedule.Topic{}, err
	}
	var topic schedule.Topic
	err = c.write(ctx, a, func(t *tx) error {
		if err := t.authorize(schedule.PermContribute, 0); err != nil {
			return err
		}
		if err := t.checkQuota(`SELECT COUNT(*) FROM topics WHERE event_id = ? AND leader_id = ? AND status != 'withdrawn'`,
			c.ev.Limits.TopicsPerPerson, "open-space topics"); err != nil {
			return err
		}
		if err := t.checkDuplicateTopic(in.title, p.Force); err != nil {
			return err
		}
		now := t.now.UnixMilli()
		res, err := t.exec(`INSERT INTO topics (event_id, leader_id, title, description, tags, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'open', ?, ?)`,
			c.eventID, t.me.ID, in.title, in.description, joinList(in.tags), now, now)
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		return t.finishTopic(&topic, id, "propose_topic", in.title)
	})
	return topic, err
}

func (t *tx) finishTopic(out *schedule.Topic, id int64, action, detail string) error {
	var err error
	if *out, err = t.camp.topic(t.ctx, t, id); err != nil {
		return err
	}
	t.changed(schedule.ChangeTopics, id)
	return t.audit(action, "topic:"+itoa(id), detail)
}

// EditTopic changes a topic; leaders edit their own.
func (c *Camp) EditTopic(ctx context.Context, a schedule.Actor, id int64, p schedule.TopicProposal) (schedule.Topic, error) {
	in, err := c.cleanTopic(p)
	if err != nil {
		return schedule.Topic{}, err
	}
	var topic schedule.Topic
	err = c.onTopic(ctx, a, id, schedule.PermEditOwn, func(t *tx, cur schedule.Topic) error {
		if cur.Status == schedule.TopicPlaced && !t.camp.tagsFitTrack(cur.Track, in.tags) {
			return schedule.Errorf(schedule.ECONFLICT, "topic %d is placed in a reserved track: keep its reserved tag", id)
		}
		if _, err := t.exec(`UPDATE topics SET title = ?, description = ?, tags = ?, updated_at = ? WHERE id = ?`,
			in.title, in.description, joinList(in.tags), t.now.UnixMilli(), id); err != nil {
			return err
		}
		return t.finishTopic(&topic, id, "edit_topic", in.title)
	})
	return topic, err
}

func (c *Camp) tagsFitTrack(trackID string, tags []string) bool {
	tr, ok := c.ev.Track(trackID)
	return !ok || tr.ReservedFor == "" || (schedule.Topic{Tags: tags}).HasTag(tr.ReservedFor)
}

// onTopic runs fn in a write transaction on topic id, once the actor is
// known to be allowed perm on it (the leader owns it) and it is not withdrawn.
func (c *Camp) onTopic(ctx context.Context, a schedule.Actor, id int64, perm schedule.Permission, fn func(t *tx, cur schedule.Topic) error) error {
	return c.write(ctx, a, func(t *tx) error {
		cur, err := c.topic(t.ctx, t, id)
		if err != nil {
			return err
		}
		if err := t.authorize(perm, cur.LeaderID); err != nil {
			return err
		}
		if cur.Status == schedule.TopicWithdrawn {
			return schedule.Errorf(schedule.ECONFLICT, "topic %d was withdrawn", id)
		}
		return fn(t, cur)
	})
}

// WithdrawTopic takes a topic back; its dots return to their owners.
func (c *Camp) WithdrawTopic(ctx context.Context, a schedule.Actor, id int64) (schedule.Topic, error) {
	var topic schedule.Topic
	err := c.onTopic(ctx, a, id, schedule.PermEditOwn, func(t *tx, _ schedule.Topic) error {
		if _, err := t.exec(`UPDATE topics SET status = 'withdrawn', track = '', slot = '', updated_at = ? WHERE id = ?`, t.now.UnixMilli(), id); err != nil {
			return err
		}
		if _, err := t.exec(`DELETE FROM votes WHERE topic_id = ?`, id); err != nil {
			return err
		}
		return t.finishTopic(&topic, id, "withdraw_topic", "")
	})
	return topic, err
}

// Vote spends or takes back the actor's dot on a topic: one dot per topic,
// a configured number per person per camp.
func (c *Camp) Vote(ctx context.Context, a schedule.Actor, id int64, on bool) (schedule.Topic, error) {
	var topic schedule.Topic
	err := c.onTopic(ctx, a, id, schedule.PermContribute, func(t *tx, _ schedule.Topic) error {
		var err error
		if on {
			err = t.addVote(id)
		} else {
			err = t.removeVote(id)
		}
		if err != nil {
			return err
		}
		return t.finishTopic(&topic, id, map[bool]string{true: "vote", false: "unvote"}[on], "")
	})
	return topic, err
}

func (t *tx) addVote(id int64) error {
	if err := t.mayVote(); err != nil {
		return err
	}
	var spent int
	err := t.QueryRowContext(t.ctx, `SELECT COUNT(*) FROM votes v JOIN topics x ON x.id = v.topic_id WHERE x.event_id = ? AND v.person_id = ?`,
		t.camp.eventID, t.me.ID).Scan(&spent)
	if err != nil {
		return err
	}
	if dots := t.camp.ev.OpenSpace.DotsPerPerson; spent >= dots {
		return schedule.Errorf(schedule.ECONFLICT, "you have spent all %d of your dots: take one back first (vote TOPIC --remove)", dots)
	}
	_, err = t.exec(`INSERT INTO votes (topic_id, person_id, created_at) VALUES (?, ?, ?)`, id, t.me.ID, t.now.UnixMilli())
	if isUniqueViolation(err) {
		return schedule.Errorf(schedule.ECONFLICT, "you already put a dot on topic %d", id)
	}
	return err
}

// mayVote applies [openspace] votes_require_registration: only people whose
// key is linked to one of the camp's registrations may put a dot down, so
// keys made by the dozen buy no votes. Organisers are not asked.
func (t *tx) mayVote() error {
	if !t.camp.ev.OpenSpace.VotesRequireRegistration || t.actor.Role == schedule.RoleOrganiser {
		return nil
	}
	var n int
	err := t.QueryRowContext(t.ctx, `SELECT COUNT(*) FROM registrations WHERE event_id = ? AND lower(email) = lower(?) AND ? != ''
		AND status IN ('`+schedule.RegAttending+`', '`+schedule.RegCheckedIn+`')`, t.camp.eventID, t.me.Email, t.me.Email).Scan(&n)
	if err != nil {
		return err
	}
	if n == 0 {
		return schedule.Errorf(schedule.EFORBIDDEN, "only registered attendees can vote at this camp: link your key to your registration "+
			"with link EMAIL (the address you registered with) and tell an organiser the code")
	}
	return nil
}

func (t *tx) removeVote(id int64) error {
	res, err := t.exec(`DELETE FROM votes WHERE topic_id = ? AND person_id = ?`, id, t.me.ID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return schedule.Errorf(schedule.ECONFLICT, "you have no dot on topic %d to take back", id)
	}
	return nil
}

// VotesOf lists the topics a person has put a dot on.
func (c *Camp) VotesOf(ctx context.Context, personID int64) ([]int64, error) {
	rows, err := c.db.reader.QueryContext(ctx, `SELECT v.topic_id FROM votes v JOIN topics t ON t.id = v.topic_id WHERE t.event_id = ? AND v.person_id = ? ORDER BY v.topic_id`,
		c.eventID, personID)
	if err != nil {
		return nil, err
	}
	return scanIDs(rows)
}

// PlaceTopic puts a topic into a (track, slot) cell of the board.
func (c *Camp) PlaceTopic(ctx context.Context, a schedule.Actor, id int64, track, slot string) (schedule.Topic, error) {
	var topic schedule.Topic
	err := c.onTopic(ctx, a, id, schedule.PermOrganise, func(t *tx, cur schedule.Topic) error {
		board, err := c.queryTopics(t.ctx, t, `AND t.status = 'placed'`)
		if err != nil {
			return err
		}
		if err := c.ev.CheckPlacement(cur, track, slot, board); err != nil {
			return err
		}
		_, err = t.exec(`UPDATE topics SET status = 'placed', track = ?, slot = ?, updated_at = ? WHERE id = ?`, track, slot, t.now.UnixMilli(), id)
		if isUniqueViolation(err) {
			return schedule.Errorf(schedule.ECONFLICT, "that cell was just taken")
		}
		if err != nil {
			return err
		}
		return t.finishTopic(&topic, id, "place_topic", track+" "+slot)
	})
	return topic, err
}

// UnplaceTopic takes a topic off the board, back to the unplaced list.
func (c *Camp) UnplaceTopic(ctx context.Context, a schedule.Actor, id int64) (schedule.Topic, error) {
	var topic schedule.Topic
	err := c.onTopic(ctx, a, id, schedule.PermOrganise, func(t *tx, cur schedule.Topic) error {
		if cur.Status != schedule.TopicPlaced {
			return schedule.Errorf(schedule.ECONFLICT, "topic %d is not on the board", id)
		}
		if _, err := t.exec(`UPDATE topics SET status = 'open', track = '', slot = '', updated_at = ? WHERE id = ?`, t.now.UnixMilli(), id); err != nil {
			return err
		}
		return t.finishTopic(&topic, id, "unplace_topic", cur.Track+" "+cur.Slot)
	})
	return topic, err
}
