package schedule

import "time"

// TimerKind says what a timer is timing.
type TimerKind string

const (
	TimerTalk   TimerKind = "talk"
	TimerSlot   TimerKind = "slot"
	TimerBreak  TimerKind = "break"
	TimerCustom TimerKind = "custom"
)

// ParseTimerKind checks a timer kind word.
func ParseTimerKind(s string) (TimerKind, error) {
	switch k := TimerKind(s); k {
	case TimerTalk, TimerSlot, TimerBreak, TimerCustom:
		return k, nil
	}
	return "", Errorf(EINVALID, "timer kind %q: use talk, slot, break or custom", s)
}

// Timer is server-authoritative: it stores when it started and for how long,
// never a ticking "remaining" value, so a late joiner, a reconnect or a
// restart all compute the same remaining time from the clock.
type Timer struct {
	ID          int64         `json:"id"`
	Event       string        `json:"event"`
	Kind        TimerKind     `json:"kind"`
	Label       string        `json:"label"`
	Ref         string        `json:"ref,omitempty"` // e.g. talk:12 or a slot id
	StartedAt   time.Time     `json:"started_at"`
	Duration    time.Duration `json:"duration"`
	PausedAt    time.Time     `json:"paused_at,omitzero"`
	PausedTotal time.Duration `json:"paused_total"`
	StoppedAt   time.Time     `json:"stopped_at,omitzero"`
}

// TimerState is what a timer is doing at a given moment.
type TimerState string

const (
	TimerRunning TimerState = "running"
	TimerPaused  TimerState = "paused"
	TimerOverrun TimerState = "overrun" // running past its end: shown as negative time
	TimerStopped TimerState = "stopped"
)

// Elapsed is how much of the timer has run at now, pauses excluded.
func (t Timer) Elapsed(now time.Time) time.Duration {
	end := now
	switch {
	case !t.StoppedAt.IsZero():
		end = t.StoppedAt
	case !t.PausedAt.IsZero():
		end = t.PausedAt
	}
	if end.Before(t.StartedAt) {
		return 0
	}
	return end.Sub(t.StartedAt) - t.PausedTotal
}

// Remaining is the time left at now; negative once the timer overruns.
func (t Timer) Remaining(now time.Time) time.Duration { return t.Duration - t.Elapsed(now) }

// State says whether the timer is running, paused, overrunning or stopped.
func (t Timer) State(now time.Time) TimerState {
	switch {
	case !t.StoppedAt.IsZero():
		return TimerStopped
	case !t.PausedAt.IsZero():
		return TimerPaused
	case t.Remaining(now) < 0:
		return TimerOverrun
	}
	return TimerRunning
}

// Pause stops the timer's progress at now.
func (t Timer) Pause(now time.Time) (Timer, error) {
	if s := t.State(now); s != TimerRunning && s != TimerOverrun {
		return t, Errorf(ECONFLICT, "cannot pause a timer that is %s", s)
	}
	t.PausedAt = now
	return t, nil
}

// Resume continues a paused timer; the pause does not count against it.
func (t Timer) Resume(now time.Time) (Timer, error) {
	if s := t.State(now); s != TimerPaused {
		return t, Errorf(ECONFLICT, "cannot resume a timer that is %s", s)
	}
	t.PausedTotal += now.Sub(t.PausedAt)
	t.PausedAt = time.Time{}
	return t, nil
}

// Extend adds d to the timer (a speaker gets another minute).
func (t Timer) Extend(now time.Time, d time.Duration) (Timer, error) {
	if t.State(now) == TimerStopped {
		return t, Errorf(ECONFLICT, "cannot extend a stopped timer")
	}
	if d <= 0 || d > 24*time.Hour {
		return t, Errorf(EINVALID, "extend by a positive duration of at most a day, not %s", d)
	}
	t.Duration += d
	return t, nil
}

// Stop ends the timer for good.
func (t Timer) Stop(now time.Time) (Timer, error) {
	if t.State(now) == TimerStopped {
		return t, Errorf(ECONFLICT, "the timer is already stopped")
	}
	if !t.PausedAt.IsZero() {
		t.PausedTotal += now.Sub(t.PausedAt)
		t.PausedAt = time.Time{}
	}
	t.StoppedAt = now
	return t, nil
}
