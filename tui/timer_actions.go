package tui

import (
	"context"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/lightningcamp/camp/schedule"
)

// timerControls pause, resume, extend and stop the countdown the camp
// watches (the live talk's, else the newest running timer, as in the
// header), from whichever view shows it.
type timerControls struct{ timers Timers }

// noTimer is the message when nothing is being timed.
var noTimer = schedule.Errorf(schedule.ECONFLICT, "nothing is being timed: no talk is live and no timer runs")

// pauseOrResume pauses the running countdown, or resumes a paused one.
func (c timerControls) pauseOrResume(l *look, w writes) tea.Cmd {
	t, label, ok := l.mainTimer()
	if !ok {
		w.fail(noTimer)
		return nil
	}
	timers, actor := c.timers, l.actor
	if t.State(l.now) == schedule.TimerPaused {
		return w.write(fmt.Sprintf("%s timer resumed: %s left", label, countdown(t.Remaining(l.now))), func(ctx context.Context) error {
			_, err := timers.ResumeTimer(ctx, actor, t.ID)
			return err
		}, nil)
	}
	return w.write(fmt.Sprintf("%s timer paused at %s left · %s resumes", label, countdown(t.Remaining(l.now)), l.keys.Pause.Help().Key),
		func(ctx context.Context) error {
			_, err := timers.PauseTimer(ctx, actor, t.ID)
			return err
		}, nil)
}

// extend gives the countdown another minute.
func (c timerControls) extend(l *look, w writes) tea.Cmd {
	t, label, ok := l.mainTimer()
	if !ok {
		w.fail(noTimer)
		return nil
	}
	timers, actor := c.timers, l.actor
	return w.write(fmt.Sprintf("%s timer: another minute", label), func(ctx context.Context) error {
		_, err := timers.ExtendTimer(ctx, actor, t.ID, time.Minute)
		return err
	}, nil)
}

// stop ends the countdown that is not a talk's (a slot or a break timer):
// a talk's timer ends with the talk (finish).
func (c timerControls) stop(l *look, w writes) tea.Cmd {
	t, label, ok := l.mainTimer()
	if !ok {
		w.fail(noTimer)
		return nil
	}
	timers, actor := c.timers, l.actor
	return w.write(fmt.Sprintf("%s timer stopped", label), func(ctx context.Context) error {
		_, err := timers.StopTimer(ctx, actor, t.ID)
		return err
	}, nil)
}
