package tui

import (
	"context"
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/lightningcamp/camp/schedule"
)

// announceMax caps an announcement: it is shown as a one-line banner on
// every screen, so it should be short.
const announceMax = 280

// announceView is the organisers' broadcast: the history (shown, expired
// and cleared), and the forms to announce, edit and clear.
type announceView struct {
	list          picker
	announcements Announcements // the only service it writes to
}

func (*announceView) title() string { return "Announce" }

func announcementIDs(as []schedule.Announcement) []int64 {
	ids := make([]int64, len(as))
	for i, a := range as {
		ids[i] = a.ID
	}
	return ids
}

func (v *announceView) sync(l *look) tea.Cmd {
	v.list.sync(announcementIDs(l.data.Announcements))
	return nil
}

func (v *announceView) selected(l *look) (schedule.Announcement, bool) {
	for _, a := range l.data.Announcements {
		if a.ID == v.list.id {
			return a, true
		}
	}
	return schedule.Announcement{}, false
}

func (v *announceView) shortKeys(l *look) []key.Binding {
	k := l.keys
	keys := []key.Binding{k.New}
	if a, ok := v.selected(l); ok {
		clear := withHelp(k.ClearAnnouncement, "x", "clear")
		if !a.ClearedAt.IsZero() {
			clear = withHelp(k.ClearAnnouncement, "x", "bring back")
		}
		keys = append(keys, clear, withHelp(k.Edit, "e", "edit/expiry"))
	}
	return append(keys, k.Up, k.Down)
}

func (v *announceView) fullKeys(l *look) [][]key.Binding {
	k := l.keys
	return [][]key.Binding{{k.New, withHelp(k.Edit, "e", "edit text/expiry"), k.ClearAnnouncement, k.ExpandBanner}, {k.Up, k.Down}}
}

func (v *announceView) render(l *look, w, h int) string {
	as := l.data.Announcements
	head := l.heading(fmt.Sprintf("Announcements · newest first · %d", len(as)), w)
	hint := l.st.faint.Render(truncate(fmt.Sprintf("%s: a new announcement, shown to everyone until it expires or is cleared.", l.keys.New.Help().Key), w))
	list := l.renderList(len(as), v.list.index, h-2, w, true, func(i, width int) string {
		a := as[i]
		return truncate(fmt.Sprintf("%s  %-16s %s: %s", a.CreatedAt.In(l.zone).Format("15:04"), announcementState(l, a), a.Author, a.Text), width)
	})
	return stack(head, hint, list)
}

// announcementState says in words whether an announcement is shown, and
// until when.
func announcementState(l *look, a schedule.Announcement) string {
	switch {
	case !a.ClearedAt.IsZero():
		return "cleared"
	case !a.Active(l.now):
		return "expired"
	case a.ExpiresAt.IsZero():
		return "shown"
	}
	return "shown to " + a.ExpiresAt.In(l.zone).Format("15:04")
}

func (v *announceView) handleKey(l *look, w writes, k tea.KeyPressMsg) (tea.Cmd, bool) {
	if v.list.navigate(l.keys, k, announcementIDs(l.data.Announcements), 10) {
		return nil, true
	}
	a, ok := v.selected(l)
	switch {
	case key.Matches(k, l.keys.New):
		return v.announceForm(l, w, schedule.Announcement{}), true
	case key.Matches(k, l.keys.Edit, l.keys.Select) && ok:
		return v.announceForm(l, w, a), true
	case key.Matches(k, l.keys.ClearAnnouncement) && ok:
		return v.clear(l, w, a), true
	}
	return nil, false
}

// clear takes the selected announcement down, or brings a cleared one back
// (so a clear made by mistake is undone with the same key).
func (v *announceView) clear(l *look, w writes, a schedule.Announcement) tea.Cmd {
	cleared, msg := true, "announcement cleared: x brings it back"
	if !a.ClearedAt.IsZero() {
		cleared, msg = false, "announcement brought back"
	}
	ann, actor := v.announcements, l.actor
	return w.write(msg, func(ctx context.Context) error {
		_, err := ann.ClearAnnouncement(ctx, actor, a.ID, cleared)
		return err
	}, nil)
}

// expiryChoice is one of the form's "shown until" options.
type expiryChoice struct {
	label string
	at    time.Time // zero: keep (edit) or the default (new)
}

// expiryChoices offers the end of the block under way first (the default),
// then fixed spans, then the end of the day, then until cleared.
func expiryChoices(l *look, editing schedule.Announcement) []expiryChoice {
	var out []expiryChoice
	if editing.ID != 0 && editing.Active(l.now) {
		until := "until cleared"
		if !editing.ExpiresAt.IsZero() {
			until = "until " + clockIn(editing.ExpiresAt, l.zone)
		}
		out = append(out, expiryChoice{label: "as it is (" + until + ")"})
	}
	if b, ok := l.ev.AnnouncementBlock(l.now); ok { // the default
		out = append(out, expiryChoice{label: fmt.Sprintf("until the end of %s (%s)", b.Title, clockIn(b.End, l.zone)), at: b.End})
	}
	out = append(out,
		expiryChoice{label: "for 15 minutes", at: l.now.Add(15 * time.Minute)},
		expiryChoice{label: "for 1 hour", at: l.now.Add(time.Hour)})
	if end := dayEnd(l.ev, l.now); end.After(l.now) {
		out = append(out, expiryChoice{label: "until the end of the day (" + clockIn(end, l.zone) + ")", at: end})
	}
	return append(out, expiryChoice{label: "until I clear it", at: schedule.UntilCleared})
}

// dayEnd is when the day's last block ends.
func dayEnd(ev *schedule.Event, now time.Time) time.Time {
	var end time.Time
	for _, b := range ev.Blocks {
		if b.End.After(end) && b.End.Sub(now) < 24*time.Hour {
			end = b.End
		}
	}
	return end
}

// announceForm writes a new announcement, or edits a (text and expiry).
func (v *announceView) announceForm(l *look, w writes, a schedule.Announcement) tea.Cmd {
	text := a.Text
	send := true
	choices := expiryChoices(l, a)
	opts := make([]huh.Option[int], len(choices))
	for i, c := range choices {
		opts[i] = huh.NewOption(c.label, i)
	}
	pick := 0
	title, confirm, yes := "Broadcast an announcement", "Broadcast to every session now?", "Broadcast"
	if a.ID != 0 {
		title, confirm, yes = "Edit the announcement of "+a.CreatedAt.In(l.zone).Format("15:04"), "Change it on every session now?", "Change it"
	}
	build := func() *huh.Form {
		return huh.NewForm(huh.NewGroup(
			huh.NewText().Title("Announcement").Description(fmt.Sprintf("at most %d characters; shown to everyone at once", announceMax)).
				Lines(3).CharLimit(announceMax).Value(&text).ExternalEditor(false).Validate(required("the announcement", announceMax)),
			huh.NewSelect[int]().Title("Shown").Options(opts...).Value(&pick).Height(len(opts)+1),
			huh.NewConfirm().Title(confirm).Affirmative(yes).Negative("Cancel").Value(&send),
		))
	}
	ann, actor := v.announcements, l.actor
	return w.openDraftForm(title, "", build, func() tea.Cmd {
		if !send {
			w.tell("not sent; nothing changed")
			return nil
		}
		expires := choices[pick].at
		if a.ID != 0 {
			return w.write("announcement changed", func(ctx context.Context) error {
				_, err := ann.EditAnnouncement(ctx, actor, a.ID, text, expires)
				return err
			}, nil)
		}
		return w.write("announcement broadcast", func(ctx context.Context) error {
			_, err := ann.AnnounceUntil(ctx, actor, text, expires)
			return err
		}, nil)
	})
}
