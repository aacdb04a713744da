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

func (v *talksView) handleKey(m *Model, k tea.KeyPressMsg) (tea.Cmd, bool) {
	rows := v.rows(m)
	if v.list.navigate(m.keys, k, talkIDs(rows), 10) {
		return nil, true
	}
	switch {
	case key.Matches(k, m.keys.Select):
		v.zoom = !v.zoom
	case key.Matches(k, m.keys.Back) && v.zoom:
		v.zoom = false
	case key.Matches(k, m.keys.Filter):
		v.filter = (v.filter + 1) % len(v.filters(m))
		return v.sync(m), true
	case key.Matches(k, m.keys.PrevBlock, m.keys.NextBlock):
		v.block = m.stepBlock(k, schedule.KindTalks, v.block)
		return v.sync(m), true
	case key.Matches(k, m.keys.Undo):
		return v.undoReject(m), true
	case key.Matches(k, m.keys.Extend):
		return m.extendLiveTalk(), true
	case key.Matches(k, m.keys.Finish):
		return v.finish(m), true
	case key.Matches(k, m.keys.New):
		return m.proposeTalkForm(), true
	default:
		t, ok := v.selected(m)
		if !ok {
			return nil, false
		}
		return v.onTalk(m, k, t, rows)
	}
	return nil, true
}

// onTalk handles the keys that act on the selected talk.
func (v *talksView) onTalk(m *Model, k tea.KeyPressMsg, t schedule.Talk, rows []schedule.Talk) (tea.Cmd, bool) {
	switch {
	case key.Matches(k, m.keys.Approve):
		act := schedule.ActApprove
		if t.Status == schedule.TalkSkipped {
			act = schedule.ActRequeue // a skipped talk goes back into the queue
		}
		return m.actOnTalk(t, act, nil), true
	case key.Matches(k, m.keys.Reject):
		return m.actOnTalk(t, schedule.ActReject, func() tea.Cmd {
			m.talksView.rejected = append(m.talksView.rejected, t.ID)
			m.tell(fmt.Sprintf("rejected “%s” · %s undoes", t.Title, m.keys.Undo.Help().Key))
			return nil
		}), true
	case key.Matches(k, m.keys.Start):
		return m.actOnTalk(t, schedule.ActStart, nil), true
	case key.Matches(k, m.keys.Skip):
		return m.actOnTalk(t, schedule.ActSkip, nil), true
	case key.Matches(k, m.keys.MoveUp):
		return v.move(m, t, rows, -1), true
	case key.Matches(k, m.keys.MoveDown):
		return v.move(m, t, rows, 1), true
	case key.Matches(k, m.keys.Later):
		return m.laterBlockForm(t), true
	case key.Matches(k, m.keys.NextCamp):
		return m.nextCampForm(t), true
	case key.Matches(k, m.keys.Edit):
		return m.editTalkForm(t), true
	case key.Matches(k, m.keys.Withdraw):
		return m.withdrawTalkForm(t), true
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
}

// actOnTalk takes one step of the talk state machine. A step the machine
// does not allow is refused at once, with the domain's words, without a
// round trip; the service checks again inside its transaction. An allowed
// step shows at once, so that approve-then-start typed quickly works on
// what the screen says; a refusal from the service re-reads the truth.
func (m *Model) actOnTalk(t schedule.Talk, act schedule.TalkAction, then func() tea.Cmd) tea.Cmd {
	next, err := schedule.NextTalkStatus(t.Status, act)
	if err != nil {
		m.fail(err)
		return nil
	}
	m.data.SetTalkStatus(t.ID, next)
	talks, actor, id := m.deps.Talks, m.actor, t.ID
	return tea.Batch(m.syncSelections(), m.write(fmt.Sprintf("“%s” %s", t.Title, talkDone[act]), func(ctx context.Context) error {
		_, err := talks.ActOnTalk(ctx, actor, id, act)
		return err
	}, then))
}

// undoReject puts this session's last rejected talk back to proposed.
func (v *talksView) undoReject(m *Model) tea.Cmd {
	for len(v.rejected) > 0 {
		id := v.rejected[len(v.rejected)-1]
		v.rejected = v.rejected[:len(v.rejected)-1]
		if t, ok := m.data.Talk(id); ok && t.Status == schedule.TalkRejected {
			return m.actOnTalk(t, schedule.ActUnreject, func() tea.Cmd {
				m.talksView.list.await(talkIDs(m.talksView.rows(m)), id)
				return nil
			})
		}
	}
	m.tell("nothing to undo")
	return nil
}

// move swaps the talk's place with its neighbour in the list as shown. The
// swap shows at once (the reload that follows confirms it), so that pressing
// the key three times quickly moves the talk three places.
func (v *talksView) move(m *Model, t schedule.Talk, rows []schedule.Talk, delta int) tea.Cmd {
	j := v.list.index + delta
	if j < 0 || j >= len(rows) {
		return nil
	}
	talks, actor, pos := m.deps.Talks, m.actor, rows[j].Position
	m.data.SwapPositions(m.deps.Event, t.ID, rows[j].ID)
	v.sync(m)
	return m.write(fmt.Sprintf("“%s” moved to #%d", t.Title, pos), func(ctx context.Context) error {
		_, err := talks.MoveTalk(ctx, actor, t.ID, pos)
		return err
	}, nil)
}

// finish ends the live talk and puts the cursor on the next one, ready to start.
func (v *talksView) finish(m *Model) tea.Cmd {
	t, ok := v.selected(m)
	if !ok || t.Status != schedule.TalkLive {
		if t, ok = m.data.LiveTalk(); !ok {
			m.fail(schedule.Errorf(schedule.ECONFLICT, "no talk is live"))
			return nil
		}
	}
	return m.actOnTalk(t, schedule.ActFinish, func() tea.Cmd {
		for next := range m.data.Queue(t.Block) {
			if next.Status == schedule.TalkApproved {
				m.talksView.list.await(talkIDs(m.talksView.rows(m)), next.ID)
				m.tell(fmt.Sprintf("“%s” finished · next: %s, “%s” (%s starts)", t.Title, next.Speaker, next.Title, m.keys.Start.Help().Key))
				break
			}
		}
		return nil
	})
}

// extendLiveTalk gives the live speaker another minute.
// finishLiveTalk ends the live talk, as the Talks view's finish does.
func (m *Model) finishLiveTalk() tea.Cmd { return m.talksView.finish(m) }

// talksBlock is the talks block the Talks view shows.
func (m *Model) talksBlock() string { return m.talksView.block }

func (m *Model) extendLiveTalk() tea.Cmd {
	talk, ok := m.data.LiveTalk()
	if !ok {
		m.fail(schedule.Errorf(schedule.ECONFLICT, "no talk is live"))
		return nil
	}
	t, ok := m.data.TimerFor(live.TalkRef(talk.ID))
	if !ok {
		m.fail(schedule.Errorf(schedule.ENOTFOUND, "the live talk has no running timer"))
		return nil
	}
	timers, actor := m.deps.Timers, m.actor
	return m.write(fmt.Sprintf("“%s” gets another minute", talk.Title), func(ctx context.Context) error {
		_, err := timers.ExtendTimer(ctx, actor, t.ID, time.Minute)
		return err
	}, nil)
}
