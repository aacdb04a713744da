package tui

import (
	"context"
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/lightningcamp/camp/schedule"
)

func (v *boardView) handleKey(l *look, _ writes, k tea.KeyPressMsg) (tea.Cmd, bool) {
	if v.preview != nil {
		return v.previewKey(l, k), true
	}
	if v.detail != 0 {
		return v.detailKey(l, k), true
	}
	if v.holding == 0 {
		if used, changed := v.search.key(l.keys, k); used {
			if changed {
				v.onGrid = false // the list is what the search narrows
				return v.sync(l), true
			}
			return nil, true
		}
	}
	if v.moveCursor(l, k) {
		return nil, true
	}
	switch {
	case key.Matches(k, l.keys.Back) && v.holding != 0:
		v.drop()
		v.desk.tell("placing cancelled")
	case key.Matches(k, l.keys.Focus):
		v.onGrid = !v.onGrid
	case key.Matches(k, l.keys.PrevBlock, l.keys.NextBlock):
		v.block = l.stepBlock(k, schedule.KindOpenSpace, v.block)
		return v.sync(l), true
	case v.holding != 0 && key.Matches(k, l.keys.Place, l.keys.Select):
		return v.place(l), true
	case key.Matches(k, l.keys.Select):
		v.openDetail(l)
	case key.Matches(k, l.keys.Place):
		return v.placeOrPickUp(l), true
	case key.Matches(k, l.keys.Edit):
		return v.editSelected(l), true
	case key.Matches(k, l.keys.Unplace):
		return v.unplace(l), true
	case key.Matches(k, l.keys.Suggest):
		v.suggest(l)
	case key.Matches(k, l.keys.StartSlot):
		return v.startSlotTimer(l), true
	case key.Matches(k, l.keys.Pause):
		return timerControls{v.timers}.pauseOrResume(l, v.desk), true
	case key.Matches(k, l.keys.StopTimer):
		return timerControls{v.timers}.stop(l, v.desk), true
	case key.Matches(k, l.keys.Extend):
		return timerControls{v.timers}.extend(l, v.desk), true
	case key.Matches(k, l.keys.Vote):
		return v.toggleVote(l), true
	case key.Matches(k, l.keys.New):
		return v.proposeTopicForm(l), true
	case key.Matches(k, l.keys.Here):
		return v.sayHere(l), true
	case key.Matches(k, l.keys.Star):
		return v.toggleStar(l), true
	default:
		return nil, false
	}
	return nil, true
}

// moveCursor moves within the focused pane; placing always moves on the grid.
func (v *boardView) moveCursor(l *look, k tea.KeyPressMsg) bool {
	if !v.onGrid && v.holding == 0 {
		return v.unplaced.navigate(l.keys, k, topicIDs(v.unplacedTopics(l)), 10)
	}
	rows, cols := len(v.slots(l)), len(l.ev.Tracks)
	switch {
	case key.Matches(k, l.keys.Up):
		v.row = max(v.row-1, 0)
	case key.Matches(k, l.keys.Down):
		v.row = min(v.row+1, max(rows-1, 0))
	case key.Matches(k, l.keys.Left):
		v.col = max(v.col-1, 0)
	case key.Matches(k, l.keys.Right):
		v.col = min(v.col+1, max(cols-1, 0))
	default:
		return false
	}
	return true
}

// placeOrPickUp puts the held topic into the cell under the cursor, or picks
// up the selected topic (from the list, or from the grid to move it).
func (v *boardView) placeOrPickUp(l *look) tea.Cmd {
	if v.holding != 0 {
		return v.place(l)
	}
	t, ok := v.selectedTopic(l)
	if !ok {
		v.desk.fail(schedule.Errorf(schedule.ENOTFOUND, "no topic here to place"))
		return nil
	}
	v.holding, v.heldFromGrid, v.onGrid = t.ID, v.onGrid, true
	return nil
}

// drop ends placing: the cursor goes back to the pane the topic was picked
// up from, so the next p picks up the next topic there.
func (v *boardView) drop() {
	v.holding, v.onGrid = 0, v.heldFromGrid
}

func (v *boardView) place(l *look) tea.Cmd {
	t, ok := l.data.Topic(v.holding)
	if !ok {
		v.drop()
		return nil
	}
	if err := v.checkCell(l, t); err != nil {
		v.desk.fail(err) // stay in placing mode: pick another cell
		return nil
	}
	tr, s, _ := v.cell(l)
	topics, actor := v.topics, l.actor
	back := ""
	if !v.heldFromGrid {
		back = fmt.Sprintf(" · %s: back to the unplaced list", l.keys.Focus.Help().Key)
	}
	return v.desk.write(fmt.Sprintf("“%s” placed in %s, slot %d%s", t.Title, l.roomName(tr), s.Index, back), func(ctx context.Context) error {
		_, err := topics.PlaceTopic(ctx, actor, t.ID, tr.ID, s.ID())
		return err
	}, func() tea.Cmd {
		// The cursor stays on the cell the topic went into, so the board
		// shows where it is; f goes back to the list for the next one.
		v.holding, v.heldFromGrid, v.onGrid = 0, true, true
		return nil
	})
}

func (v *boardView) unplace(l *look) tea.Cmd {
	t, ok := v.selectedTopic(l)
	if !ok || t.Status != schedule.TopicPlaced {
		v.desk.fail(schedule.Errorf(schedule.ENOTFOUND, "no placed topic under the cursor"))
		return nil
	}
	topics, actor := v.topics, l.actor
	return v.desk.write(fmt.Sprintf("taken off the board (%s undoes): “%s”", l.keys.Undo.Keys()[1], t.Title), func(ctx context.Context) error {
		_, err := topics.UnplaceTopic(ctx, actor, t.ID)
		return err
	}, func() tea.Cmd {
		v.desk.remember(undoable{what: fmt.Sprintf("unplace of “%s”", t.Title), undo: func(ctx context.Context) error {
			_, err := topics.PlaceTopic(ctx, actor, t.ID, t.Track, t.Slot)
			return err
		}})
		return nil
	})
}

// suggest shows the domain's suggested board as a preview; nothing is
// written until the organiser says yes.
func (v *boardView) suggest(l *look) {
	plan := l.ev.SuggestBoard(v.block, l.data.Topics)
	if len(plan) == 0 {
		v.desk.tell("nothing to suggest: no unplaced topic fits a free cell")
		return
	}
	v.preview, v.holding = plan, 0
}

func (v *boardView) previewKey(l *look, k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, l.keys.Select):
		plan := v.preview
		v.preview = nil
		return v.applyPlan(l, plan)
	case key.Matches(k, l.keys.Back):
		v.preview = nil
		v.desk.tell("suggestion dropped; the board is unchanged")
	}
	return nil
}

// applyPlan places the suggested topics one by one, stopping at the first
// refusal (someone may have changed the board meanwhile).
func (v *boardView) applyPlan(l *look, plan []schedule.Placement) tea.Cmd {
	topics, actor := v.topics, l.actor
	return v.desk.write(fmt.Sprintf("placed %d suggested topics", len(plan)), func(ctx context.Context) error {
		for i, p := range plan {
			if _, err := topics.PlaceTopic(ctx, actor, p.TopicID, p.Track, p.Slot); err != nil {
				return fmt.Errorf("placed %d of %d, then: %s", i, len(plan), schedule.ErrorMessage(err))
			}
		}
		return nil
	}, nil)
}

// startSlotTimer times the slot under the cursor: to its end if it is under
// way, else a full slot.
func (v *boardView) startSlotTimer(l *look) tea.Cmd {
	_, s, ok := v.cell(l)
	if !ok {
		return nil
	}
	b, _ := l.ev.Block(v.block)
	d := s.End.Sub(s.Start)
	if !l.now.Before(s.Start) && l.now.Before(s.End) {
		d = s.End.Sub(l.now)
	}
	for _, t := range l.data.Timers {
		if t.Kind == schedule.TimerSlot && t.Ref == s.ID() && t.StoppedAt.IsZero() {
			v.desk.tell(fmt.Sprintf("the timer of slot %d already runs (%s left): %s pauses, + extends, %s stops",
				s.Index, countdown(t.Remaining(l.now)), l.keys.Pause.Help().Key, l.keys.StopTimer.Help().Key))
			return nil
		}
	}
	spec := schedule.TimerSpec{Kind: schedule.TimerSlot, Label: fmt.Sprintf("%s slot %d", b.Title, s.Index), Ref: s.ID(), Duration: d}
	timers, actor := v.timers, l.actor
	return v.desk.write(fmt.Sprintf("timer started: %s, %s", spec.Label, countdown(d)), func(ctx context.Context) error {
		_, err := timers.StartTimer(ctx, actor, spec)
		return err
	}, nil)
}

func (v *boardView) toggleVote(l *look) tea.Cmd {
	t, ok := v.selectedTopic(l)
	if !ok {
		return nil
	}
	return v.voteOn(l, t)
}

// editSelected opens the edit form on the topic under the cursor, for its
// leader or an organiser.
func (v *boardView) editSelected(l *look) tea.Cmd {
	t, ok := v.selectedTopic(l)
	switch {
	case !ok:
		v.desk.tell("no topic here to edit")
		return nil
	case !v.mayEdit(l, t):
		v.desk.fail(schedule.Errorf(schedule.EFORBIDDEN, "only its leader or an organiser can edit “%s”", t.Title))
		return nil
	}
	return v.editTopicForm(l, t)
}

func (v *boardView) voteOn(l *look, t schedule.Topic) tea.Cmd {
	on := !l.data.MyVotes[t.ID]
	msg := fmt.Sprintf("voted for “%s”", t.Title)
	if !on {
		msg = fmt.Sprintf("vote taken back from “%s”", t.Title)
	}
	topics, actor := v.topics, l.actor
	return v.desk.write(msg, func(ctx context.Context) error {
		_, err := topics.Vote(ctx, actor, t.ID, on)
		return err
	}, nil)
}

// topicDraft is a topic proposal as the form edits it.
type topicDraft struct{ title, desc, tags string }

func (v *boardView) proposeTopicForm(l *look) tea.Cmd {
	return v.openProposeTopic(l, &topicDraft{}, false)
}

const proposeTopicTitle = "Propose an open-space topic"

func (v *boardView) topicForm(l *look, d *topicDraft) *huh.Form {
	lim := l.ev.Limits
	tagHelp := tagsHelp(l)
	return huh.NewForm(huh.NewGroup(
		huh.NewInput().Title("Topic").Value(&d.title).CharLimit(lim.TitleMax).Validate(required("the topic", lim.TitleMax)),
		huh.NewText().Title("What would you like to talk about?").Lines(4).CharLimit(lim.AbstractMax).Value(&d.desc).ExternalEditor(false).
			Validate(atMost("the description", lim.AbstractMax)),
		huh.NewInput().Title("Tags").Description(tagHelp).CharLimit(tagsMax*(tagMax+1)).Value(&d.tags),
	))
}

// openProposeTopic opens the proposal form on d; again says it comes back
// after a question (duplicates.go), with what was typed.
func (v *boardView) openProposeTopic(l *look, d *topicDraft, again bool) tea.Cmd {
	open := v.desk.openForm
	if again {
		open = v.desk.reopenForm
	}
	return open(proposeTopicTitle, "", v.topicForm(l, d), func() tea.Cmd { return v.sendTopic(l, d, false) })
}

// sendTopic proposes d. A title very close to an existing topic is refused
// unless force; the refusal names that topic and asks whether to propose
// anyway or show it (to vote for it), keeping d as a draft.
func (v *boardView) sendTopic(l *look, d *topicDraft, force bool) tea.Cmd {
	p := schedule.TopicProposal{Title: d.title, Description: d.desc, Tags: splitList(d.tags), Force: force}
	topics, actor := v.topics, l.actor
	return v.desk.writeAsking(fmt.Sprintf("proposed “%s”", d.title), func(ctx context.Context) error {
		_, err := topics.ProposeTopic(ctx, actor, p)
		return err
	}, func(err error) (tea.Cmd, bool) {
		keep := func() {
			v.desk.stashDraft(proposeTopicTitle, "", v.topicForm(l, d), func() tea.Cmd { return v.sendTopic(l, d, false) })
		}
		dup, ok := asDuplicate(err)
		if !ok || force {
			keep() // any other refusal keeps what was typed too
			v.desk.fail(draftKept(err, l.keys.New.Help().Key))
			return nil, true
		}
		anyway := false
		show := func() tea.Cmd {
			keep()
			v.detail = dup.ID
			v.desk.tell(fmt.Sprintf("draft kept: %s on the board brings it back; %s votes for #%d",
				l.keys.New.Help().Key, l.keys.Vote.Help().Key, dup.ID))
			return nil
		}
		return v.desk.askFirst(proposeTopicTitle, "", topicDuplicateQuestion(l, dup, &anyway), func() tea.Cmd {
			if anyway {
				return v.sendTopic(l, d, true)
			}
			return show()
		}, show), true
	})
}
