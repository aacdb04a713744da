package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// Undoing a step on a talk, and reopening a finished one, live here so that
// the console, the local commands and the SSH commands share one rule.

// UndoTalk takes back a step on a talk (finish, skip, reject, approve ...)
// that was taken less than schedule.UndoWindow ago and is still the last
// thing that happened to it: the talk goes back to where it stood, in its
// old place in the queue. A talk that was live before the step is live
// again with the time it had left when it stopped.
func (c *Camp) UndoTalk(ctx context.Context, a schedule.Actor, id int64, u schedule.TalkUndo) (schedule.Talk, error) {
	var talk schedule.Talk
	err := c.onTalk(ctx, a, id, schedule.PermOrganise, func(t *tx, cur schedule.Talk) error {
		after, err := schedule.NextTalkStatus(u.Status, u.Action)
		if err != nil {
			return err
		}
		if cur.Status != after {
			return schedule.Errorf(schedule.ECONFLICT, "cannot undo the %s of talk %d: it is %s now", u.Action, id, cur.Status)
		}
		if t.now.Sub(cur.UpdatedAt) > schedule.UndoWindow {
			return schedule.Errorf(schedule.ECONFLICT, "too late to undo the %s of talk %d: a step can be undone for %s",
				u.Action, id, schedule.UndoWindow)
		}
		if err := t.restoreTalk(cur, u); err != nil {
			return err
		}
		return t.finishTalk(&talk, id, "undo_"+string(u.Action)+"_talk", string(cur.Status)+"->"+string(u.Status))
	})
	return talk, err
}

// restoreTalk puts a talk back as it was before a step.
func (t *tx) restoreTalk(cur schedule.Talk, u schedule.TalkUndo) error {
	if u.Status == schedule.TalkLive {
		if err := t.goLiveAgain(cur); err != nil {
			return err
		}
	}
	if _, err := t.exec(`UPDATE talks SET status = ?, updated_at = ? WHERE id = ?`, u.Status, t.now.UnixMilli(), cur.ID); err != nil {
		return err
	}
	switch {
	case queued[u.Status] && !queued[cur.Status]:
		if err := t.appendToQueue(cur.ID, cur.Block); err != nil {
			return err
		}
		ids, err := t.queueOf(cur.Block)
		if err != nil {
			return err
		}
		return t.writeOrder(moveTo(ids, cur.ID, u.Position))
	case !queued[u.Status] && queued[cur.Status]:
		if _, err := t.exec(`UPDATE talks SET position = 0 WHERE id = ?`, cur.ID); err != nil {
			return err
		}
		return t.renumber(cur.Block)
	}
	return nil
}

// goLiveAgain brings a finished (or skipped mid-talk) talk back on stage:
// the stage must be free, and its timer runs on from where it stopped, the
// time it was stopped not counted.
func (t *tx) goLiveAgain(cur schedule.Talk) error {
	var live int64
	err := t.QueryRowContext(t.ctx, `SELECT id FROM talks WHERE event_id = ? AND status = 'live'`, t.camp.eventID).Scan(&live)
	if err == nil {
		return schedule.Errorf(schedule.ECONFLICT, "talk %d is live: finish or skip it before bringing back talk %d", live, cur.ID)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if _, err := t.exec(`UPDATE talks SET finished_at = 0 WHERE id = ?`, cur.ID); err != nil {
		return err
	}
	ref := "talk:" + itoa(cur.ID)
	var timer int64
	err = t.QueryRowContext(t.ctx, `SELECT id FROM timers WHERE event_id = ? AND ref = ? ORDER BY id DESC LIMIT 1`, t.camp.eventID, ref).Scan(&timer)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = t.startTimer(schedule.TimerSpec{Kind: schedule.TimerTalk, Label: cur.Speaker + ": " + cur.Title,
			Ref: ref, Duration: time.Duration(cur.Minutes) * time.Minute})
		return err
	}
	if err != nil {
		return err
	}
	// Another talk timer may have started since (it would be stopped with
	// its talk); there is one stage, so one talk timer runs.
	if _, err := t.exec(`UPDATE timers SET stopped_at = ? WHERE event_id = ? AND kind = ? AND stopped_at = 0`,
		t.now.UnixMilli(), t.camp.eventID, schedule.TimerTalk); err != nil {
		return err
	}
	_, err = t.exec(`UPDATE timers SET paused_total_ms = paused_total_ms + (? - stopped_at), stopped_at = 0 WHERE id = ? AND stopped_at > 0`,
		t.now.UnixMilli(), timer)
	t.changed(schedule.ChangeTimers, timer)
	return err
}
