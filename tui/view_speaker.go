package tui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/live"
)

// speakerView is the confidence monitor, opened with S from the Now view:
// the live talk's countdown filling the screen (its look changes at one
// minute and at thirty seconds), the organisers' private cue in large
// letters (only the speaker sees it), and the audience question an
// organiser picked. Organisers see the same screen with the questions
// listed beneath: enter shows the one under the cursor to the speaker, m
// sends a cue. Anyone may ask the live speaker a question with a.
type speakerView struct {
	on        bool
	questions picker
	stage     Stage // nil: no cues or questions
	desk      writes
}

func (v *speakerView) questionIDs(l *look) []int64 {
	ids := make([]int64, len(l.data.Stage.Questions))
	for i, q := range l.data.Stage.Questions {
		ids[i] = q.ID
	}
	return ids
}

func (v *speakerView) keys(l *look) []key.Binding {
	k := l.keys
	if l.isOrganiser() {
		return []key.Binding{k.Up, k.Down, k.Pick, k.Cue, k.Ask, k.Back}
	}
	return []key.Binding{k.Ask, k.Back}
}

// handleKey answers the speaker view's keys; esc or S goes back.
func (v *speakerView) handleKey(l *look, k tea.KeyPressMsg) (tea.Cmd, bool) {
	ids := v.questionIDs(l)
	switch {
	case key.Matches(k, l.keys.Back, l.keys.Speaker):
		v.on = false
	case l.isOrganiser() && v.questions.navigate(l.keys, k, ids, 5):
	case key.Matches(k, l.keys.Pick):
		return v.pick(l), true
	case key.Matches(k, l.keys.Cue):
		return v.cueForm(l), true
	case key.Matches(k, l.keys.Ask):
		return v.askForm(l), true
	default:
		return nil, false
	}
	return nil, true
}

func (v *speakerView) sync(l *look) { v.questions.sync(v.questionIDs(l)) }

func (v *speakerView) pick(l *look) tea.Cmd {
	if v.stage == nil || v.questions.id == 0 {
		return nil
	}
	stage, actor, id := v.stage, l.actor, v.questions.id
	return v.desk.write(fmt.Sprintf("question %d is on the speaker's screen", id), func(ctx context.Context) error {
		_, err := stage.PickQuestion(ctx, actor, id)
		return err
	}, nil)
}

func (v *speakerView) cueForm(l *look) tea.Cmd {
	if v.stage == nil {
		return nil
	}
	var text string
	build := func() *huh.Form {
		return huh.NewForm(huh.NewGroup(
			huh.NewInput().Title("Cue").Description("wrap-up, mic, time, slower, louder, or your own words").
				CharLimit(200).Value(&text).Validate(required("the cue", 200)),
		))
	}
	stage, actor := v.stage, l.actor
	return v.desk.openDraftForm("Cue the live speaker (only they see it)", "", build, func() tea.Cmd {
		return v.desk.write("cue sent to the speaker", func(ctx context.Context) error {
			_, err := stage.Cue(ctx, actor, text)
			return err
		}, nil)
	})
}

func (v *speakerView) askForm(l *look) tea.Cmd {
	if v.stage == nil || l.actor.IsGuest() {
		return nil
	}
	if _, ok := l.data.LiveTalk(); !ok {
		v.desk.fail(schedule.Errorf(schedule.ECONFLICT, "no talk is live now"))
		return nil
	}
	var text string
	max := l.ev.Limits.NoteMax
	build := func() *huh.Form {
		return huh.NewForm(huh.NewGroup(
			huh.NewText().Title("Your question for the speaker").Lines(3).CharLimit(max).Value(&text).ExternalEditor(false).
				Validate(required("the question", max)),
		))
	}
	stage, actor := v.stage, l.actor
	return v.desk.openDraftForm("Ask the live speaker", "The organisers pick which questions the speaker sees.", build, func() tea.Cmd {
		return v.desk.write("question sent", func(ctx context.Context) error {
			_, err := stage.Ask(ctx, actor, text)
			return err
		}, nil)
	})
}

// render fills the body: the countdown as large as the screen allows, the
// cue, the picked question, and for organisers the questions.
func (v *speakerView) render(l *look, w, h int) string {
	talk, ok := l.data.LiveTalk()
	if !ok {
		return stack(l.heading("Speaker view", w), l.st.faint.Render("No talk is live. esc: back"))
	}
	heading := "▶ LIVE  " + talk.Speaker + " — " + talk.Title
	parts := []string{truncate(heading, w)}
	if tm, ok := l.data.TimerFor(live.TalkRef(talk.ID)); ok {
		scale := 1
		if w >= 70 && h >= 20 {
			scale = 2
		}
		if w >= 110 && h >= 32 {
			scale = 3
		}
		parts = []string{l.timerPanel(heading, tm, w, scale)} // the heading goes inside the panel
	}
	if c := l.stageCue(); c != nil {
		box := lipgloss.NewStyle().Border(lipgloss.DoubleBorder()).Padding(0, 2).Width(w).Align(lipgloss.Center)
		parts = append(parts, box.Render(l.st.urgent.Render(strings.ToUpper(wrap(c.Text, w-8)))))
	}
	if q := l.stagePicked(); q != nil {
		parts = append(parts, stack(l.heading("Question from "+q.Author, w), wrap(l.st.bold.Render(q.Text), w)))
	}
	if l.isOrganiser() {
		used := height(strings.Join(parts, "\n"))
		parts = append(parts, v.questionList(l, w, h-used-1))
	}
	return strings.Join(parts, "\n")
}

func (v *speakerView) questionList(l *look, w, h int) string {
	qs := l.data.Stage.Questions
	head := l.heading(fmt.Sprintf("Questions · %d · enter shows one to the speaker", len(qs)), w)
	if len(qs) == 0 || h < 2 {
		return stack(head, l.st.faint.Render("none yet: attendees ask with a here or `ask TEXT` over SSH"))
	}
	return stack(head, l.renderList(len(qs), v.questions.index, h-1, w, true, func(i, width int) string {
		q := qs[i]
		mark := "  "
		if !q.Picked.IsZero() {
			mark = "✓ "
		}
		return truncate(fmt.Sprintf("%s#%d %s: %s", mark, q.ID, q.Author, strings.Join(strings.Fields(q.Text), " ")), width)
	}))
}
