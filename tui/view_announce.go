package tui

import (
	"context"
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// announceMax caps an announcement: it is shown as a one-line banner on
// every screen, so it should be short.
const announceMax = 280

// announceView is the organisers' broadcast: the history and a form.
type announceView struct {
	list picker
}

func (*announceView) title() string { return "Announce" }

func (v *announceView) sync(m *Model) tea.Cmd {
	ids := make([]int64, len(m.data.Announcements))
	for i, a := range m.data.Announcements {
		ids[i] = a.ID
	}
	v.list.sync(ids)
	return nil
}

func (v *announceView) shortKeys(m *Model) []key.Binding {
	return []key.Binding{m.keys.New, m.keys.Up, m.keys.Down}
}

func (v *announceView) fullKeys(m *Model) [][]key.Binding {
	return [][]key.Binding{{m.keys.New}, {m.keys.Up, m.keys.Down}}
}

func (v *announceView) render(m *Model, w, h int) string {
	as := m.data.Announcements
	head := m.heading(fmt.Sprintf("Announcements · newest first · %d", len(as)), w)
	hint := m.st.faint.Render(truncate(fmt.Sprintf("%s writes one; every session shows the newest as a banner.", m.keys.New.Help().Key), w))
	list := m.renderList(len(as), v.list.index, h-2, w, true, func(i, width int) string {
		a := as[i]
		return truncate(fmt.Sprintf("%s  %s: %s", a.CreatedAt.In(m.zone).Format("15:04"), a.Author, a.Text), width)
	})
	return stack(head, hint, list)
}

func (v *announceView) handleKey(m *Model, k tea.KeyPressMsg) (tea.Cmd, bool) {
	ids := make([]int64, len(m.data.Announcements))
	for i, a := range m.data.Announcements {
		ids[i] = a.ID
	}
	if v.list.navigate(m.keys, k, ids, 10) {
		return nil, true
	}
	if key.Matches(k, m.keys.New, m.keys.Select) {
		return m.announceForm(), true
	}
	return nil, false
}

func (m *Model) announceForm() tea.Cmd {
	var text string
	send := true
	f := huh.NewForm(huh.NewGroup(
		huh.NewText().Title("Announcement").Description(fmt.Sprintf("at most %d characters; shown to everyone at once", announceMax)).
			Lines(3).CharLimit(announceMax).Value(&text).ExternalEditor(false).Validate(required("the announcement", announceMax)),
		huh.NewConfirm().Title("Broadcast to every session now?").Affirmative("Broadcast").Negative("Cancel").Value(&send),
	))
	ann, actor := m.deps.Announcements, m.actor
	return m.openForm("Broadcast an announcement", "", f, func() tea.Cmd {
		if !send {
			m.tell("not sent")
			return nil
		}
		return m.write("announcement broadcast", func(ctx context.Context) error {
			_, err := ann.Announce(ctx, actor, text)
			return err
		}, nil)
	})
}
