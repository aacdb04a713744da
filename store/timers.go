package store

import (
	"context"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

const timerColumns = `t.id, e.slug, t.kind, t.label, t.ref, t.started_at, t.duration_ms, t.paused_at, t.paused_total_ms, t.stopped_at`

const timerFrom = ` FROM timers t JOIN events e ON e.id = t.event_id `

func scanTimer(row interface{ Scan(...any) error }) (schedule.Timer, error) {
	var tm schedule.Timer
	var kind string
	var started, dur, paused, pausedTotal, stopped int64
	err := row.Scan(&tm.ID, &tm.Event, &kind, &tm.Label, &tm.Ref, &started, &dur, &paused, &pausedTotal, &stopped)
	tm.Kind = schedule.TimerKind(kind)
	tm.StartedAt, tm.PausedAt, tm.StoppedAt = fromMS(started), fromMS(paused), fromMS(stopped)
	tm.Duration, tm.PausedTotal = time.Duration(dur)*time.Millisecond, time.Duration(pausedTotal)*time.Millisecond
	return tm, err
}

func (c *Camp) timer(ctx context.Context, q queryer, id int64) (schedule.Timer, error) {
	tm, err := scanTimer(q.QueryRowContext(ctx, `SELECT `+timerColumns+timerFrom+`WHERE t.id = ? AND t.event_id = ?`, id, c.eventID))
	return tm, noRows(err, "timer", id)
}

// Timers lists the timers that are not stopped, newest first.
func (c *Camp) Timers(ctx context.Context) ([]schedule.Timer, error) {
	rows, err := c.db.reader.QueryContext(ctx, `SELECT `+timerColumns+timerFrom+`WHERE t.event_id = ? AND t.stopped_at = 0 ORDER BY t.id DESC`, c.eventID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var timers []schedule.Timer
	for rows.Next() {
		tm, err := scanTimer(rows)
		if err != nil {
			return nil, err
		}
		timers = append(timers, tm)
	}
	return timers, rows.Err()
}

// StartTimer starts a timer. A new talk or slot timer replaces the running
// one of its kind: there is one stage and one clock per slot.
func (c *Camp) StartTimer(ctx context.Context, a schedule.Actor, s schedule.TimerSpec) (schedule.Timer, error) {
	var tm schedule.Timer
	err := c.write(ctx, a, func(t *tx) error {
		if err := t.authorize(schedule.PermOrganise, 0); err != nil {
			return err
		}
		var err error
		tm, err = t.startTimer(s)
		return err
	})
	return tm, err
}

func (t *tx) startTimer(s schedule.TimerSpec) (schedule.Timer, error) {
	if _, err := schedule.ParseTimerKind(string(s.Kind)); err != nil {
		return schedule.Timer{}, err
	}
	if s.Duration <= 0 || s.Duration > 24*time.Hour {
		return schedule.Timer{}, schedule.Errorf(schedule.EINVALID, "a timer runs for a positive duration of at most a day, not %s", s.Duration)
	}
	label, err := cleanLine("label", s.Label, t.camp.ev.Limits.TitleMax+t.camp.ev.Limits.NameMax+2, false)
	if err != nil {
		return schedule.Timer{}, err
	}
	if s.Kind != schedule.TimerCustom {
		if _, err := t.exec(`UPDATE timers SET stopped_at = ? WHERE event_id = ? AND kind = ? AND stopped_at = 0`,
			t.now.UnixMilli(), t.camp.eventID, s.Kind); err != nil {
			return schedule.Timer{}, err
		}
	}
	res, err := t.exec(`INSERT INTO timers (event_id, kind, label, ref, started_at, duration_ms) VALUES (?, ?, ?, ?, ?, ?)`,
		t.camp.eventID, s.Kind, label, s.Ref, t.now.UnixMilli(), s.Duration.Milliseconds())
	if err != nil {
		return schedule.Timer{}, err
	}
	id, _ := res.LastInsertId()
	t.changed(schedule.ChangeTimers, id)
	if err := t.audit("start_timer", "timer:"+itoa(id), string(s.Kind)+" "+s.Duration.String()); err != nil {
		return schedule.Timer{}, err
	}
	return t.camp.timer(t.ctx, t, id)
}

// stopTimersFor stops the running timers that time ref (a talk).
func (t *tx) stopTimersFor(ref string) error {
	_, err := t.exec(`UPDATE timers SET stopped_at = ?,
			paused_total_ms = paused_total_ms + CASE WHEN paused_at > 0 THEN ? - paused_at ELSE 0 END, paused_at = 0
		WHERE event_id = ? AND ref = ? AND stopped_at = 0`, t.now.UnixMilli(), t.now.UnixMilli(), t.camp.eventID, ref)
	t.changed(schedule.ChangeTimers)
	return err
}

// changeTimer applies one domain step to a timer and stores the result.
func (c *Camp) changeTimer(ctx context.Context, a schedule.Actor, id int64, action string, step func(schedule.Timer, time.Time) (schedule.Timer, error)) (schedule.Timer, error) {
	var tm schedule.Timer
	err := c.write(ctx, a, func(t *tx) error {
		if err := t.authorize(schedule.PermOrganise, 0); err != nil {
			return err
		}
		cur, err := c.timer(t.ctx, t, id)
		if err != nil {
			return err
		}
		if tm, err = step(cur, t.now); err != nil {
			return err
		}
		_, err = t.exec(`UPDATE timers SET duration_ms = ?, paused_at = ?, paused_total_ms = ?, stopped_at = ? WHERE id = ?`,
			tm.Duration.Milliseconds(), ms(tm.PausedAt), tm.PausedTotal.Milliseconds(), ms(tm.StoppedAt), id)
		if err != nil {
			return err
		}
		t.changed(schedule.ChangeTimers, id)
		return t.audit(action, "timer:"+itoa(id), "")
	})
	return tm, err
}

func (c *Camp) PauseTimer(ctx context.Context, a schedule.Actor, id int64) (schedule.Timer, error) {
	return c.changeTimer(ctx, a, id, "pause_timer", schedule.Timer.Pause)
}

func (c *Camp) ResumeTimer(ctx context.Context, a schedule.Actor, id int64) (schedule.Timer, error) {
	return c.changeTimer(ctx, a, id, "resume_timer", schedule.Timer.Resume)
}

func (c *Camp) StopTimer(ctx context.Context, a schedule.Actor, id int64) (schedule.Timer, error) {
	return c.changeTimer(ctx, a, id, "stop_timer", schedule.Timer.Stop)
}

func (c *Camp) ExtendTimer(ctx context.Context, a schedule.Actor, id int64, d time.Duration) (schedule.Timer, error) {
	return c.changeTimer(ctx, a, id, "extend_timer", func(tm schedule.Timer, now time.Time) (schedule.Timer, error) {
		return tm.Extend(now, d)
	})
}
