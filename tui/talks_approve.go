package tui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/live"
)

// onToNextProposal puts the cursor on the proposal after id in rows (else
// the one before it), so that approving a batch is a, a, a: the approved
// talk leaves for the end of the queue and the cursor does not follow it.
func (v *talksView) onToNextProposal(rows []schedule.Talk, id int64) {
	at := -1
	for i, t := range rows {
		if t.ID == id {
			at = i
		}
	}
	for _, i := range append(seq(at+1, len(rows)), reversed(seq(0, at))...) {
		if rows[i].Status == schedule.TalkProposed && rows[i].ID != id {
			v.list.id, v.list.index, v.list.want = rows[i].ID, i, 0
			return
		}
	}
}

func seq(from, to int) []int {
	var out []int
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}

func reversed(xs []int) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[len(xs)-1-i] = x
	}
	return out
}

// approveAllForm approves every proposal the list shows, after one
// confirmation that says how many and which.
func (v *talksView) approveAllForm(l *look, rows []schedule.Talk) tea.Cmd {
	var todo []schedule.Talk
	for _, t := range rows {
		if t.Status == schedule.TalkProposed {
			todo = append(todo, t)
		}
	}
	if len(todo) == 0 {
		v.desk.tell("no proposals shown to approve")
		return nil
	}
	titles := ""
	for i, t := range todo {
		if i == 6 {
			titles += fmt.Sprintf("\n… and %d more", len(todo)-i)
			break
		}
		titles += fmt.Sprintf("\n• %s — %s", t.Speaker, line(t.Title))
	}
	yes := false
	f := huh.NewForm(huh.NewGroup(huh.NewConfirm().Title(fmt.Sprintf("Approve all %s shown?", plural(len(todo), "proposal"))).
		Description("They join the end of their block's queue:" + titles).
		Affirmative("Approve all").Negative("Cancel").Value(&yes)))
	return v.desk.openForm("Approve proposals", "", f, func() tea.Cmd {
		if !yes {
			return nil
		}
		return v.approveAll(l, todo)
	})
}

// approveAll approves talks one write after another, each undoable.
func (v *talksView) approveAll(l *look, todo []schedule.Talk) tea.Cmd {
	talks, actor := v.talks, l.actor
	cmds := []tea.Cmd{v.desk.showAhead(func(s *live.Snapshot) {
		for _, t := range todo {
			s.SetTalkStatus(t.ID, schedule.TalkApproved)
		}
	})}
	for i, t := range todo {
		ok := ""
		if i == len(todo)-1 {
			ok = fmt.Sprintf("%s approved%s", plural(len(todo), "talk"), l.undoHint())
		}
		cmds = append(cmds, v.desk.write(ok, func(ctx context.Context) error {
			_, err := talks.ActOnTalk(ctx, actor, t.ID, schedule.ActApprove)
			return err
		}, func() tea.Cmd {
			v.rememberUndo(l, t, schedule.ActApprove)
			return nil
		}))
	}
	return tea.Batch(cmds...)
}
