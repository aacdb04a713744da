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
	list          picker
	announcements Announcements // the only service it writes to: broadcast
}

func (*announceView) title() string { return "Announce" }

func (v *announceView) sync(l *look) tea.Cmd {
	ids := make([]int64, len(l.data.Announcements))
	for i, a := range l.data.Announcements {
		ids[i] = a.ID
	}
	v.list.sync(ids)
	return nil
}

func (v *announceView) shortKeys(l *look) []key.Binding {
	return []key.Binding{l.keys.New, l.keys.Up, l.keys.Down}
}

func (v *announceView) fullKeys(l *look) [][]key.Binding {
	return [][]key.Binding{{l.keys.New}, {l.keys.Up, l.keys.Down}}
}

func (v *announceView) render(l *look, w, h int) string {
	as := l.data.Announcements
	head := l.heading(fmt.Sprintf("Announcements · newest first · %d", len(as)), w)
	hint := l.st.faint.Render(truncate(fmt.Sprintf("%s writes one; every session shows the newest as a banner.", l.keys.New.Help().Key), w))
	list := l.renderList(len(as), v.list.index, h-2, w, true, func(i, width int) string {
		a := as[i]
		return truncate(fmt.Sprintf("%s  %s: %s", a.CreatedAt.In(l.zone).Format("15:04"), a.Author, a.Text), width)
	})
	return stack(head, hint, list)
}

func (v *announceView) handleKey(l *look, w writes, k tea.KeyPressMsg) (tea.Cmd, bool) {
	ids := make([]int64, len(l.data.Announcements))
	for i, a := range l.data.Announcements {
		ids[i] = a.ID
	}
	if v.list.navigate(l.keys, k, ids, 10) {
		return nil, true
	}
	if key.Matches(k, l.keys.New, l.keys.Select) {
		return v.announceForm(l, w), true
	}
	return nil, false
}

func (v *announceView) announceForm(l *look, w writes) tea.Cmd {
	var text string
	send := true
	f := huh.NewForm(huh.NewGroup(
		huh.NewText().Title("Announcement").Description(fmt.Sprintf("at most %d characters; shown to everyone at once", announceMax)).
			Lines(3).CharLimit(announceMax).Value(&text).ExternalEditor(false).Validate(required("the announcement", announceMax)),
		huh.NewConfirm().Title("Broadcast to every session now?").Affirmative("Broadcast").Negative("Cancel").Value(&send),
	))
	ann, actor := v.announcements, l.actor
	return w.openForm("Broadcast an announcement", "", f, func() tea.Cmd {
		if !send {
			w.tell("not sent")
			return nil
		}
		return w.write("announcement broadcast", func(ctx context.Context) error {
			_, err := ann.Announce(ctx, actor, text)
			return err
		}, nil)
	})
}
