package tui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/lightningcamp/camp/schedule"
)

func (v *boardView) handleKey(m *Model, k tea.KeyPressMsg) (tea.Cmd, bool) {
	if v.preview != nil {
		return v.previewKey(m, k), true
	}
	if v.moveCursor(m, k) {
		return nil, true
	}
	switch {
	case key.Matches(k, m.keys.Back) && v.holding != 0:
		v.holding = 0
		m.tell("placing cancelled")
	case key.Matches(k, m.keys.Focus):
		v.onGrid = !v.onGrid
	case key.Matches(k, m.keys.PrevBlock, m.keys.NextBlock):
		v.block = m.stepBlock(k, schedule.KindOpenSpace, v.block)
		return v.sync(m), true
	case key.Matches(k, m.keys.Place), key.Matches(k, m.keys.Select) && m.isOrganiser():
		return v.placeOrPickUp(m), true
	case key.Matches(k, m.keys.Unplace):
		return v.unplace(m), true
	case key.Matches(k, m.keys.Suggest):
		v.suggest(m)
	case key.Matches(k, m.keys.StartSlot):
		return v.startSlotTimer(m), true
	case key.Matches(k, m.keys.Vote):
		return v.toggleVote(m), true
	case key.Matches(k, m.keys.New):
		return m.proposeTopicForm(), true
	default:
		return nil, false
	}
	return nil, true
}

// moveCursor moves within the focused pane; placing always moves on the grid.
func (v *boardView) moveCursor(m *Model, k tea.KeyPressMsg) bool {
	if !v.onGrid && v.holding == 0 {
		return v.unplaced.navigate(m.keys, k, topicIDs(m.data.unplaced), 10)
	}
	rows, cols := len(v.slots(m)), len(m.deps.Event.Tracks)
	switch {
	case key.Matches(k, m.keys.Up):
		v.row = max(v.row-1, 0)
	case key.Matches(k, m.keys.Down):
		v.row = min(v.row+1, max(rows-1, 0))
	case key.Matches(k, m.keys.Left):
		v.col = max(v.col-1, 0)
	case key.Matches(k, m.keys.Right):
		v.col = min(v.col+1, max(cols-1, 0))
	default:
		return false
	}
	return true
}

// placeOrPickUp puts the held topic into the cell under the cursor, or picks
// up the selected topic (from the list, or from the grid to move it).
func (v *boardView) placeOrPickUp(m *Model) tea.Cmd {
	if v.holding != 0 {
		return v.place(m)
	}
	t, ok := v.selectedTopic(m)
	if !ok {
		m.fail(schedule.Errorf(schedule.ENOTFOUND, "no topic here to place"))
		return nil
	}
	v.holding, v.onGrid = t.ID, true
	return nil
}

func (v *boardView) place(m *Model) tea.Cmd {
	t, ok := m.data.topic(v.holding)
	if !ok {
		v.holding = 0
		return nil
	}
	if err := v.checkCell(m, t); err != nil {
		m.fail(err) // stay in placing mode: pick another cell
		return nil
	}
	tr, s, _ := v.cell(m)
	topics, actor := m.deps.Topics, m.actor
	return m.write(fmt.Sprintf("“%s” placed in %s, slot %d", t.Title, m.roomName(tr), s.Index), func(ctx context.Context) error {
		_, err := topics.PlaceTopic(ctx, actor, t.ID, tr.ID, s.ID())
		return err
	}, func(m *Model) tea.Cmd {
		m.boardView.holding = 0
		return nil
	})
}

func (v *boardView) unplace(m *Model) tea.Cmd {
	t, ok := v.selectedTopic(m)
	if !ok || t.Status != schedule.TopicPlaced {
		m.fail(schedule.Errorf(schedule.ENOTFOUND, "no placed topic under the cursor"))
		return nil
	}
	topics, actor := m.deps.Topics, m.actor
	return m.write(fmt.Sprintf("“%s” taken off the board", t.Title), func(ctx context.Context) error {
		_, err := topics.UnplaceTopic(ctx, actor, t.ID)
		return err
	}, nil)
}

// suggest shows the domain's suggested board as a preview; nothing is
// written until the organiser says yes.
func (v *boardView) suggest(m *Model) {
	plan := m.deps.Event.SuggestBoard(v.block, m.data.topics)
	if len(plan) == 0 {
		m.tell("nothing to suggest: no unplaced topic fits a free cell")
		return
	}
	v.preview, v.holding = plan, 0
}

func (v *boardView) previewKey(m *Model, k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Select):
		plan := v.preview
		v.preview = nil
		return v.applyPlan(m, plan)
	case key.Matches(k, m.keys.Back):
		v.preview = nil
		m.tell("suggestion dropped; the board is unchanged")
	}
	return nil
}

// applyPlan places the suggested topics one by one, stopping at the first
// refusal (someone may have changed the board meanwhile).
func (v *boardView) applyPlan(m *Model, plan []schedule.Placement) tea.Cmd {
	topics, actor := m.deps.Topics, m.actor
	return m.write(fmt.Sprintf("placed %d suggested topics", len(plan)), func(ctx context.Context) error {
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
func (v *boardView) startSlotTimer(m *Model) tea.Cmd {
	_, s, ok := v.cell(m)
	if !ok {
		return nil
	}
	b, _ := m.deps.Event.Block(v.block)
	d := s.End.Sub(s.Start)
	if !m.now.Before(s.Start) && m.now.Before(s.End) {
		d = s.End.Sub(m.now)
	}
	spec := schedule.TimerSpec{Kind: schedule.TimerSlot, Label: fmt.Sprintf("%s slot %d", b.Title, s.Index), Ref: s.ID(), Duration: d}
	timers, actor := m.deps.Timers, m.actor
	return m.write(fmt.Sprintf("timer started: %s, %s", spec.Label, countdown(d)), func(ctx context.Context) error {
		_, err := timers.StartTimer(ctx, actor, spec)
		return err
	}, nil)
}

func (v *boardView) toggleVote(m *Model) tea.Cmd {
	t, ok := v.selectedTopic(m)
	if !ok {
		return nil
	}
	on := !m.data.myVotes[t.ID]
	msg := fmt.Sprintf("voted for “%s”", t.Title)
	if !on {
		msg = fmt.Sprintf("vote taken back from “%s”", t.Title)
	}
	topics, actor := m.deps.Topics, m.actor
	return m.write(msg, func(ctx context.Context) error {
		_, err := topics.Vote(ctx, actor, t.ID, on)
		return err
	}, nil)
}

func (m *Model) proposeTopicForm() tea.Cmd {
	var title, desc, tags string
	lim := m.deps.Event.Limits
	var reserved []string
	for _, tr := range m.deps.Event.Tracks {
		if tr.ReservedFor != "" {
			reserved = append(reserved, tr.ReservedFor)
		}
	}
	tagHelp := "separated by spaces"
	if len(reserved) > 0 {
		tagHelp += "; topics tagged " + strings.Join(reserved, " or ") + " may go into the reserved room"
	}
	f := huh.NewForm(huh.NewGroup(
		huh.NewInput().Title("Topic").Value(&title).CharLimit(lim.TitleMax).Validate(required("the topic", lim.TitleMax)),
		huh.NewText().Title("What would you like to talk about?").Lines(4).CharLimit(lim.AbstractMax).Value(&desc).ExternalEditor(false).
			Validate(atMost("the description", lim.AbstractMax)),
		huh.NewInput().Title("Tags").Description(tagHelp).CharLimit(tagsMax*(tagMax+1)).Value(&tags),
	))
	topics, actor := m.deps.Topics, m.actor
	return m.openForm("Propose an open-space topic", "", f, func() tea.Cmd {
		p := schedule.TopicProposal{Title: title, Description: desc, Tags: splitList(tags)}
		return m.write(fmt.Sprintf("proposed “%s”", title), func(ctx context.Context) error {
			_, err := topics.ProposeTopic(ctx, actor, p)
			return err
		}, nil)
	})
}
