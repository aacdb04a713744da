package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// onTalk runs fn in a write transaction on talk id, once the actor is known
// to be allowed perm on it (the speaker owns it).
func (c *Camp) onTalk(ctx context.Context, a schedule.Actor, id int64, perm schedule.Permission, fn func(t *tx, cur schedule.Talk) error) error {
	return c.write(ctx, a, func(t *tx) error {
		cur, err := c.talk(t.ctx, t, id)
		if err != nil {
			return err
		}
		if err := t.authorize(perm, cur.SpeakerID); err != nil {
			return err
		}
		return fn(t, cur)
	})
}

// queued statuses hold a place in their block's queue.
var queued = map[schedule.TalkStatus]bool{schedule.TalkApproved: true, schedule.TalkLive: true, schedule.TalkDone: true, schedule.TalkSkipped: true}

// ActOnTalk applies one step of the talk state machine.
func (c *Camp) ActOnTalk(ctx context.Context, a schedule.Actor, id int64, act schedule.TalkAction) (schedule.Talk, error) {
	perm := schedule.PermOrganise
	if act == schedule.ActWithdraw {
		perm = schedule.PermEditOwn
	}
	var talk schedule.Talk
	err := c.onTalk(ctx, a, id, perm, func(t *tx, cur schedule.Talk) error {
		next, err := schedule.NextTalkStatus(cur.Status, act)
		if err != nil {
			return err
		}
		if err := t.talkSideEffects(cur, act); err != nil {
			return err
		}
		if _, err := t.exec(`UPDATE talks SET status = ?, updated_at = ? WHERE id = ?`, next, t.now.UnixMilli(), id); err != nil {
			return err
		}
		if act == schedule.ActApprove {
			// Approved as it now stands: nothing left to compare.
			if _, err := t.exec(`UPDATE talks SET approved_version = '' WHERE id = ?`, id); err != nil {
				return err
			}
		}
		if err := t.settleQueue(cur, act, next); err != nil {
			return err
		}
		return t.finishTalk(&talk, id, string(act)+"_talk", string(cur.Status)+"->"+string(next))
	})
	return talk, err
}

// talkSideEffects does what a transition means beyond the status: starting
// a talk starts its timer (and needs the stage free), ending it stops it.
func (t *tx) talkSideEffects(cur schedule.Talk, act schedule.TalkAction) error {
	switch act {
	case schedule.ActStart:
		var live int64
		err := t.QueryRowContext(t.ctx, `SELECT id FROM talks WHERE event_id = ? AND status = 'live'`, t.camp.eventID).Scan(&live)
		if err == nil {
			return schedule.Errorf(schedule.ECONFLICT, "talk %d is live: finish or skip it before starting another", live)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if _, err := t.exec(`UPDATE talks SET started_at = ? WHERE id = ?`, t.now.UnixMilli(), cur.ID); err != nil {
			return err
		}
		_, err = t.startTimer(schedule.TimerSpec{Kind: schedule.TimerTalk, Label: cur.Speaker + ": " + cur.Title,
			Ref: "talk:" + itoa(cur.ID), Duration: time.Duration(cur.Minutes) * time.Minute})
		return err
	case schedule.ActFinish, schedule.ActSkip:
		if cur.Status != schedule.TalkLive {
			return nil
		}
		if _, err := t.exec(`UPDATE talks SET finished_at = ? WHERE id = ?`, t.now.UnixMilli(), cur.ID); err != nil {
			return err
		}
		return t.stopTimersFor("talk:" + itoa(cur.ID))
	case schedule.ActReopen:
		return t.goLiveAgain(cur)
	}
	return nil
}

// settleQueue gives a talk entering the queue the last place, and closes the
// gap a talk leaving it leaves behind. A skipped talk put back goes last.
func (t *tx) settleQueue(cur schedule.Talk, act schedule.TalkAction, next schedule.TalkStatus) error {
	switch {
	case act == schedule.ActRequeue:
		if _, err := t.exec(`UPDATE talks SET position = 0 WHERE id = ?`, cur.ID); err != nil {
			return err
		}
		if err := t.renumber(cur.Block); err != nil {
			return err
		}
		return t.appendToQueue(cur.ID, cur.Block)
	case queued[next] && !queued[cur.Status]:
		block := cur.Block
		if block == "" {
			block = t.camp.firstBlock(cur.CanMake, t.now)
		}
		return t.appendToQueue(cur.ID, block)
	case !queued[next] && queued[cur.Status]:
		if _, err := t.exec(`UPDATE talks SET position = 0 WHERE id = ?`, cur.ID); err != nil {
			return err
		}
		return t.renumber(cur.Block)
	}
	return nil
}

func (t *tx) appendToQueue(id int64, block string) error {
	_, err := t.exec(`UPDATE talks SET block = ?, position = 1 + (SELECT COALESCE(MAX(position), 0) FROM talks WHERE event_id = ? AND block = ?) WHERE id = ?`,
		block, t.camp.eventID, block, id)
	return err
}

// queueOf lists the ids holding places in a block's queue, in order.
func (t *tx) queueOf(block string) ([]int64, error) {
	rows, err := t.QueryContext(t.ctx, `SELECT id FROM talks WHERE event_id = ? AND block = ? AND position > 0 ORDER BY position, id`, t.camp.eventID, block)
	if err != nil {
		return nil, err
	}
	return scanIDs(rows)
}

func (t *tx) renumber(block string) error {
	ids, err := t.queueOf(block)
	if err != nil {
		return err
	}
	return t.writeOrder(ids)
}

func (t *tx) writeOrder(ids []int64) error {
	for i, id := range ids {
		if _, err := t.exec(`UPDATE talks SET position = ? WHERE id = ?`, i+1, id); err != nil {
			return err
		}
	}
	return nil
}

// MoveTalk puts an approved talk at a position (from 1) of its queue.
func (c *Camp) MoveTalk(ctx context.Context, a schedule.Actor, id int64, position int) (schedule.Talk, error) {
	var talk schedule.Talk
	err := c.onTalk(ctx, a, id, schedule.PermOrganise, func(t *tx, cur schedule.Talk) error {
		if cur.Status != schedule.TalkApproved {
			return schedule.Errorf(schedule.ECONFLICT, "only approved talks can be moved in the queue; talk %d is %s", id, cur.Status)
		}
		ids, err := t.queueOf(cur.Block)
		if err != nil {
			return err
		}
		if err := t.writeOrder(moveTo(ids, id, position)); err != nil {
			return err
		}
		t.changed(schedule.ChangeTalks, ids...)
		return t.finishTalk(&talk, id, "move_talk", "position "+itoa(int64(position)))
	})
	return talk, err
}

// moveTo returns ids with id moved to position (from 1, clamped).
func moveTo(ids []int64, id int64, position int) []int64 {
	rest := make([]int64, 0, len(ids))
	for _, x := range ids {
		if x != id {
			rest = append(rest, x)
		}
	}
	i := min(max(position-1, 0), len(rest))
	out := append(append(append(make([]int64, 0, len(ids)), rest[:i]...), id), rest[i:]...)
	return out
}

// RescheduleTalk moves a talk to the end of another talks block's queue.
func (c *Camp) RescheduleTalk(ctx context.Context, a schedule.Actor, id int64, block string) (schedule.Talk, error) {
	if err := c.talksBlock(block); err != nil {
		return schedule.Talk{}, err
	}
	var talk schedule.Talk
	err := c.onTalk(ctx, a, id, schedule.PermOrganise, func(t *tx, cur schedule.Talk) error {
		if cur.Status == schedule.TalkLive || cur.Status == schedule.TalkDone {
			return schedule.Errorf(schedule.ECONFLICT, "talk %d is %s and stays where it was given", id, cur.Status)
		}
		if cur.Block == block {
			return schedule.Errorf(schedule.ECONFLICT, "talk %d is already in %s", id, block)
		}
		if _, err := t.exec(`UPDATE talks SET block = ?, position = 0, updated_at = ? WHERE id = ?`, block, t.now.UnixMilli(), id); err != nil {
			return err
		}
		if err := t.renumber(cur.Block); err != nil {
			return err
		}
		if queued[cur.Status] {
			if err := t.appendToQueue(id, block); err != nil {
				return err
			}
		}
		return t.finishTalk(&talk, id, "reschedule_talk", cur.Block+"->"+block)
	})
	return talk, err
}

// MoveTalkToEvent hands a talk on to another camp of the series, where it
// starts again as a proposal.
func (c *Camp) MoveTalkToEvent(ctx context.Context, a schedule.Actor, id int64, slug string) (schedule.Talk, error) {
	var talk schedule.Talk
	err := c.onTalk(ctx, a, id, schedule.PermOrganise, func(t *tx, cur schedule.Talk) error {
		if cur.Status == schedule.TalkLive || cur.Status == schedule.TalkDone {
			return schedule.Errorf(schedule.ECONFLICT, "talk %d is %s and stays in this camp", id, cur.Status)
		}
		var target int64
		if err := t.QueryRowContext(t.ctx, `SELECT id FROM events WHERE slug = ?`, slug).Scan(&target); err != nil {
			return schedule.Errorf(schedule.ENOTFOUND, "no camp %q in this database: open it once with its schedule (camp --schedule FILE) first", truncateForMessage(slug))
		}
		if target == c.eventID {
			return schedule.Errorf(schedule.ECONFLICT, "talk %d is already in camp %s", id, slug)
		}
		if _, err := t.exec(`UPDATE talks SET event_id = ?, block = '', position = 0, status = 'proposed', updated_at = ? WHERE id = ?`,
			target, t.now.UnixMilli(), id); err != nil {
			return err
		}
		if err := t.renumber(cur.Block); err != nil {
			return err
		}
		talk = cur
		talk.Event, talk.Block, talk.Position, talk.Status = slug, "", 0, schedule.TalkProposed
		t.changed(schedule.ChangeTalks, id)
		return t.audit("move_talk_to_event", "talk:"+itoa(id), c.ev.Slug+"->"+slug)
	})
	return talk, err
}

// scanIDs reads a one-column result of ids, and closes it.
func scanIDs(rows *sql.Rows) ([]int64, error) {
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
