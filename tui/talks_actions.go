package tui

import (
	"context"
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/live"
)

func (v *talksView) handleKey(l *look, _ writes, k tea.KeyPressMsg) (tea.Cmd, bool) {
	if used, changed := v.search.key(l.keys, k); used {
		if changed {
			return v.sync(l), true
		}
		return nil, true
	}
	rows := v.rows(l)
	if v.list.navigate(l.keys, k, talkIDs(rows), 10) {
		return nil, true
	}
	switch {
	case key.Matches(k, l.keys.Select):
		v.zoom = !v.zoom
	case key.Matches(k, l.keys.Back) && v.zoom:
		v.zoom = false
	case key.Matches(k, l.keys.Filter):
		v.filter = (v.filter + 1) % len(v.filters(l))
		return v.sync(l), true
	case key.Matches(k, l.keys.PrevBlock, l.keys.NextBlock):
		v.block = l.stepBlock(k, schedule.KindTalks, v.block)
		return v.sync(l), true
	case key.Matches(k, l.keys.Extend):
		return v.extendLiveTalk(l), true
	case key.Matches(k, l.keys.Pause):
		return timerControls{v.timers}.pauseOrResume(l, v.desk), true
	case key.Matches(k, l.keys.Finish):
		return v.finish(l), true
	case key.Matches(k, l.keys.New):
		return v.proposeTalkForm(l), true
	case key.Matches(k, l.keys.Star):
		return v.toggleStar(l), true
	default:
		t, ok := v.selected(l)
		if !ok {
			if key.Matches(k, l.keys.Start, l.keys.Approve, l.keys.Reject, l.keys.Skip) {
				v.desk.tell("no talk here to act on: / changes the filter, [ ] the block")
				return nil, true
			}
			return nil, false
		}
		return v.onTalk(l, k, t, rows)
	}
	return nil, true
}

// onTalk handles the keys that act on the selected talk.
func (v *talksView) onTalk(l *look, k tea.KeyPressMsg, t schedule.Talk, rows []schedule.Talk) (tea.Cmd, bool) {
	switch {
	case key.Matches(k, l.keys.Approve):
		act := schedule.ActApprove
		if t.Status == schedule.TalkSkipped {
			act = schedule.ActRequeue // a skipped talk goes back into the queue
		}
		if t.Status == schedule.TalkProposed {
			v.onToNextProposal(rows, t.ID) // approving a batch: a, a, a
		}
		return v.actOnTalk(l, t, act, nil), true
	case key.Matches(k, l.keys.ApproveAll):
		return v.approveAllForm(l, rows), true
	case key.Matches(k, l.keys.Reject):
		return v.actOnTalk(l, t, schedule.ActReject, nil), true
	case key.Matches(k, l.keys.Start) && t.Status == schedule.TalkDone:
		return v.actOnTalk(l, t, schedule.ActReopen, nil), true // a finished talk comes back with the time it had left
	case key.Matches(k, l.keys.Start):
		return v.start(l, t), true
	case key.Matches(k, l.keys.Skip):
		return v.actOnTalk(l, t, schedule.ActSkip, nil), true
	case key.Matches(k, l.keys.MoveUp):
		return v.move(l, t, rows, -1), true
	case key.Matches(k, l.keys.MoveDown):
		return v.move(l, t, rows, 1), true
	case key.Matches(k, l.keys.Later):
		return v.laterBlockForm(l, t), true
	case key.Matches(k, l.keys.NextCamp):
		return v.nextCampForm(l, t), true
	case key.Matches(k, l.keys.Edit):
		return v.editTalkForm(l, t), true
	case key.Matches(k, l.keys.Withdraw):
		return v.withdrawTalkForm(l, t), true
	}
	return nil, false
}

var talkDone = map[schedule.TalkAction]string{
	schedule.ActApprove:  "approved",
	schedule.ActReject:   "rejected",
	schedule.ActUnreject: "back to proposed",
	schedule.ActStart:    "started",
	schedule.ActFinish:   "finished",
	schedule.ActSkip:     "skipped",
	schedule.ActRequeue:  "back in the queue",
	schedule.ActWithdraw: "withdrawn",
	schedule.ActReopen:   "reopened: live again with the time it had left",
}

// actOnTalk takes one step of the talk state machine. A step the machine
// does not allow is refused at once, with the domain's words, without a
// round trip; the service checks again inside its transaction. An allowed
// step shows at once, so that approve-then-start typed quickly works on
// what the screen says; a refusal from the service re-reads the truth.
func (v *talksView) actOnTalk(l *look, t schedule.Talk, act schedule.TalkAction, then func() tea.Cmd) tea.Cmd {
	next, err := schedule.NextTalkStatus(t.Status, act)
	if err != nil {
		v.desk.fail(err)
		return nil
	}

	talks, actor, id := v.talks, l.actor, t.ID
	ok := fmt.Sprintf("“%s” %s", t.Title, talkDone[act])
	if undoableActs[act] {
		ok += l.undoHint()
	}
	return tea.Batch(v.desk.showAhead(func(s *live.Snapshot) { s.SetTalkStatus(t.ID, next) }), v.desk.write(ok, func(ctx context.Context) error {
		_, err := talks.ActOnTalk(ctx, actor, id, act)
		return err
	}, func() tea.Cmd {
		if undoableActs[act] {
			v.rememberUndo(l, t, act)
		}
		if then != nil {
			return then()
		}
		return nil
	}))
}

// undoableActs are the steps the undo key takes back.
var undoableActs = map[schedule.TalkAction]bool{
	schedule.ActApprove: true, schedule.ActReject: true, schedule.ActFinish: true, schedule.ActSkip: true,
	schedule.ActStart: false, // a start is ended with finish or skip, and those can be undone
}

// rememberUndo keeps the step just taken on t so that the undo key puts t
// back where it stood (the store checks it still can), with the cursor on it.
func (v *talksView) rememberUndo(l *look, t schedule.Talk, act schedule.TalkAction) {
	talks, actor, id := v.talks, l.actor, t.ID
	u := schedule.TalkUndo{Action: act, Status: t.Status, Position: t.Position}
	v.desk.remember(undoable{
		what: fmt.Sprintf("%s of “%s”", act, t.Title),
		undo: func(ctx context.Context) error {
			_, err := talks.UndoTalk(ctx, actor, id, u)
			return err
		},
		then: func() tea.Cmd {
			// The rows as last worked out, not as they were at the key
			// press: the reload this write brings may already be in.
			v.list.await(talkIDs(v.shown.rows), id)
			return nil
		},
	})
}

// move swaps the talk's place with its neighbour in the list as shown. The
// swap shows at once (the reload that follows confirms it), so that pressing
// the key three times quickly moves the talk three places.
func (v *talksView) move(l *look, t schedule.Talk, rows []schedule.Talk, delta int) tea.Cmd {
	j := v.list.index + delta
	if j < 0 || j >= len(rows) {
		return nil
	}
	talks, actor, pos := v.talks, l.actor, rows[j].Position
	shown := v.desk.showAhead(func(s *live.Snapshot) { s.SwapPositions(l.ev, t.ID, rows[j].ID) })
	return tea.Batch(shown, v.desk.write(fmt.Sprintf("“%s” moved to #%d", t.Title, pos), func(ctx context.Context) error {
		_, err := talks.MoveTalk(ctx, actor, t.ID, pos)
		return err
	}, nil))
}

// finish ends the live talk and puts the cursor on the next one, ready to start.
func (v *talksView) finish(l *look) tea.Cmd {
	t, ok := v.selected(l)
	if !ok || t.Status != schedule.TalkLive {
		if t, ok = l.data.LiveTalk(); !ok {
			v.desk.fail(schedule.Errorf(schedule.ECONFLICT, "no talk is live"))
			return nil
		}
	}
	return v.actOnTalk(l, t, schedule.ActFinish, func() tea.Cmd {
		for next := range l.data.Queue(t.Block) {
			if next.Status == schedule.TalkApproved {
				v.list.await(talkIDs(v.rows(l)), next.ID)
				v.desk.tell(fmt.Sprintf("“%s” finished%s · next: %s, “%s” (%s starts)", t.Title, l.undoHint(), next.Speaker, next.Title, l.keys.Start.Help().Key))
				break
			}
		}
		return nil
	})
}

// extendLiveTalk gives the live speaker another minute.
func (v *talksView) extendLiveTalk(l *look) tea.Cmd {
	talk, ok := l.data.LiveTalk()
	if !ok {
		v.desk.fail(schedule.Errorf(schedule.ECONFLICT, "no talk is live"))
		return nil
	}
	t, ok := l.data.TimerFor(live.TalkRef(talk.ID))
	if !ok {
		v.desk.fail(schedule.Errorf(schedule.ENOTFOUND, "the live talk has no running timer"))
		return nil
	}
	timers, actor := v.timers, l.actor
	return v.desk.write(fmt.Sprintf("“%s” gets another minute", talk.Title), func(ctx context.Context) error {
		_, err := timers.ExtendTimer(ctx, actor, t.ID, time.Minute)
		return err
	}, nil)
}
