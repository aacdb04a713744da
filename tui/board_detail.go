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

// The topic detail pane: Enter on a topic (grid or list) shows all of it,
// for every role, so nobody has to vote on a title cut to 20 characters.

// slotByID finds a slot of the day by its ID (BLOCK/INDEX).
func (l *look) slotByID(id string) (schedule.Block, schedule.Slot, bool) {
	for _, b := range l.ev.Blocks {
		for _, s := range b.Slots() {
			if s.ID() == id {
				return b, s, true
			}
		}
	}
	return schedule.Block{}, schedule.Slot{}, false
}

// openDetail shows the topic under the cursor.
func (v *boardView) openDetail(l *look) {
	t, ok := v.selectedTopic(l)
	if !ok {
		v.desk.tell("no topic here: move to a topic, then enter shows it")
		return
	}
	v.detail = t.ID
}

// mayEdit says whether the viewer may change topic t: organisers any,
// leaders their own.
func (v *boardView) mayEdit(l *look, t schedule.Topic) bool {
	return l.isOrganiser() || (l.actor.PersonID != 0 && t.LeaderID == l.actor.PersonID)
}

func (v *boardView) detailKey(l *look, k tea.KeyPressMsg) tea.Cmd {
	t, ok := l.data.Topic(v.detail)
	switch {
	case !ok || key.Matches(k, l.keys.Back, l.keys.Select):
		v.detail = 0
	case key.Matches(k, l.keys.Vote):
		return v.voteOn(l, t)
	case key.Matches(k, l.keys.Edit) && v.mayEdit(l, t):
		return v.editTopicForm(l, t)
	case key.Matches(k, l.keys.Place) && l.isOrganiser():
		v.detail = 0
		v.holding, v.heldFromGrid, v.onGrid = t.ID, v.onGrid, true
	}
	return nil
}

func (v *boardView) detailKeys(l *look) []key.Binding {
	k := l.keys
	keys := []key.Binding{withHelp(k.Back, "esc", "back"), k.Vote}
	if t, ok := l.data.Topic(v.detail); ok && v.mayEdit(l, t) {
		keys = append(keys, withHelp(k.Edit, "e", "edit title/tags"))
	}
	if l.isOrganiser() {
		keys = append(keys, k.Place)
	}
	return keys
}

// withHelp is b with other help text, for a key whose meaning is plainer
// in words of its own where it is shown.
func withHelp(b key.Binding, keys, desc string) key.Binding {
	b.SetHelp(keys, desc)
	return b
}

// renderDetail is the whole topic: title, leader, votes, tags, where and
// when it is (with the room's join link), and the description.
func (v *boardView) renderDetail(l *look, t schedule.Topic, w, h int) string {
	head := l.heading(fmt.Sprintf("Topic %d · %s", t.ID, t.Status), w)
	title := l.st.bold.Render(wrap(t.Title, w))
	facts := []string{"Led by " + t.Leader + " · " + plural(t.Votes, "vote") + v.voteMark(l, t)}
	tags := "none"
	if len(t.Tags) > 0 {
		tags = "#" + strings.Join(t.Tags, " #")
	}
	facts = append(facts, "Tags: "+tags)
	if tr, ok := l.ev.Track(t.Track); ok && t.Status == schedule.TopicPlaced {
		where := "Room: " + l.roomName(tr)
		if b, s, ok := l.slotByID(t.Slot); ok {
			where += fmt.Sprintf(" · %s slot %d, %s", b.Title, s.Index, spanIn(s.Start, s.End, l.zone))
		}
		facts = append(facts, where)
		if link := l.ev.JoinLink(tr.Room); link != "" {
			facts = append(facts, "Join: "+link)
		}
	} else {
		facts = append(facts, "Not on the board yet: votes decide which topics get a room.")
	}
	for i, f := range facts {
		facts[i] = wrap(f, w)
	}
	desc := l.st.faint.Render("(no description)")
	if d := strings.TrimSpace(t.Description); d != "" {
		desc = indent(wrap(d, w-2), "  ")
	}
	top := stack(head, title, strings.Join(facts, "\n"), l.heading("Description", w))
	return stack(top, crop(desc, max(h-height(top), 1)))
}

// editTopicForm changes a topic's title and tags; the tags say which
// reserved rooms it may go into.
func (v *boardView) editTopicForm(l *look, t schedule.Topic) tea.Cmd {
	title, tags := t.Title, strings.Join(t.Tags, " ")
	lim := l.ev.Limits
	build := func() *huh.Form {
		return huh.NewForm(huh.NewGroup(
			huh.NewInput().Title("Topic").Value(&title).CharLimit(lim.TitleMax).Validate(required("the topic", lim.TitleMax)),
			huh.NewInput().Title("Tags").Description(tagsHelp(l)).CharLimit(tagsMax*(tagMax+1)).Value(&tags),
		))
	}
	topics, actor := v.topics, l.actor
	return v.desk.openDraftForm(fmt.Sprintf("Edit topic %d", t.ID), "", build, func() tea.Cmd {
		list := splitList(tags)
		if list == nil {
			list = []string{}
		}
		ch := schedule.TopicChange{Title: &title, Tags: &list}
		return v.desk.write(fmt.Sprintf("topic %d changed: “%s”", t.ID, title), func(ctx context.Context) error {
			_, err := topics.ChangeTopic(ctx, actor, t.ID, ch)
			return err
		}, nil)
	})
}

// tagsHelp says how tags are typed and which of them open a reserved room.
func tagsHelp(l *look) string {
	var reserved []string
	for _, tr := range l.ev.Tracks {
		if tr.ReservedFor != "" {
			reserved = append(reserved, tr.ReservedFor)
		}
	}
	help := "separated by spaces"
	if len(reserved) > 0 {
		help += "; topics tagged " + strings.Join(reserved, " or ") + " may go into the reserved room"
	}
	return help
}
