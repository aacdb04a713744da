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

// peopleView lists everyone who has connected, with their standing. Only
// organisers see it.
type peopleView struct {
	list   picker
	people People // the only service it writes to: mute and ban
}

func personIDs(ps []schedule.Person) []int64 {
	ids := make([]int64, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	return ids
}

func (*peopleView) title() string { return "People" }

func (v *peopleView) sync(l *look) tea.Cmd {
	v.list.sync(personIDs(l.data.People))
	return nil
}

func (v *peopleView) shortKeys(l *look) []key.Binding {
	return []key.Binding{l.keys.Up, l.keys.Down, l.keys.Mute, l.keys.Ban}
}

func (v *peopleView) fullKeys(l *look) [][]key.Binding {
	return [][]key.Binding{{l.keys.Up, l.keys.Down, l.keys.PageUp, l.keys.PageDown}, {l.keys.Mute, l.keys.Ban}}
}

func (v *peopleView) render(l *look, w, h int) string {
	ps := l.data.People
	head := l.heading(fmt.Sprintf("People · %d known · %d online now", len(ps), len(l.data.Online)), w)
	cols := l.st.faint.Render("  " + columns(w-2, []string{"Name", "Role", "Now", "Code of conduct", "Standing"}, personWidths(w-2)))
	list := l.renderList(len(ps), v.list.index, h-2, w, true, func(i, width int) string {
		return personRow(l, ps[i], width)
	})
	return stack(head, cols, list)
}

func personWidths(w int) []int { return []int{min(max(w-50, 16), 40), 11, 9, 22, w} }

// personRow tells every state in words: online, accepted, muted, banned.
func personRow(l *look, p schedule.Person, w int) string {
	name := cmpOr(p.Name, "(no name yet)")
	if p.ID == l.actor.PersonID {
		name += " (you)"
	}
	now := "—"
	if l.data.Online[p.ID] {
		now = "● online"
	}
	coc := "not accepted"
	if !p.AcceptedCoC.IsZero() {
		coc = "accepted " + p.AcceptedCoC.In(l.zone).Format("Jan 2 15:04")
	}
	var standing []string
	if p.Muted {
		standing = append(standing, "MUTED")
	}
	if p.Banned {
		standing = append(standing, "BANNED")
	}
	if p.OnlyVoted {
		standing = append(standing, "NEW, ONLY VOTED")
	}
	return columns(w, []string{name, string(p.Role), now, coc, strings.Join(standing, " ")}, personWidths(w))
}

func (v *peopleView) handleKey(l *look, w writes, k tea.KeyPressMsg) (tea.Cmd, bool) {
	if v.list.navigate(l.keys, k, personIDs(l.data.People), 10) {
		return nil, true
	}
	p, ok := l.data.Person(v.list.id)
	if !ok {
		return nil, false
	}
	switch {
	case key.Matches(k, l.keys.Mute):
		muted := !p.Muted
		return v.moderate(l, w, p, schedule.Moderation{Muted: &muted}, map[bool]string{true: "muted", false: "unmuted"}[muted]), true
	case key.Matches(k, l.keys.Ban):
		return v.banForm(l, w, p), true
	}
	return nil, false
}

func (v *peopleView) moderate(l *look, w writes, p schedule.Person, mod schedule.Moderation, done string) tea.Cmd {
	return v.moderateThen(l, w, p, mod, done, nil)
}

// moderateThen is moderate with then run after a success.
func (v *peopleView) moderateThen(l *look, w writes, p schedule.Person, mod schedule.Moderation, done string, then func() tea.Cmd) tea.Cmd {
	people, actor := v.people, l.actor
	return w.write(fmt.Sprintf("%s %s", p.Name, done), func(ctx context.Context) error {
		_, err := people.Moderate(ctx, actor, p.ID, mod)
		return err
	}, then)
}

// banForm asks before a ban (or lifting one), because a ban ends what the
// person can do at once.
func (v *peopleView) banForm(l *look, w writes, p schedule.Person) tea.Cmd {
	ban, yes := !p.Banned, false
	verb := map[bool]string{true: "Ban", false: "Lift the ban on"}[ban]
	f := huh.NewForm(huh.NewGroup(huh.NewConfirm().Title(fmt.Sprintf("%s %s?", verb, cmpOr(p.Name, "this person"))).
		Description("Banned people can still look but can no longer write anything.").
		Affirmative(verb).Negative("Cancel").Value(&yes)))
	return w.openForm(verb+" a person", "", f, func() tea.Cmd {
		if !yes {
			return nil
		}
		done := map[bool]string{true: "banned", false: "no longer banned"}[ban]
		return v.moderateThen(l, w, p, schedule.Moderation{Banned: &ban}, done+l.undoHint(), func() tea.Cmd { return v.rememberBan(l, w, p, ban) })
	})
}

// rememberBan lets the undo key take a ban (or lifting one) back.
func (v *peopleView) rememberBan(l *look, w writes, p schedule.Person, ban bool) tea.Cmd {
	people, actor, was := v.people, l.actor, !ban
	w.remember(undoable{what: fmt.Sprintf("%s of %s", map[bool]string{true: "ban", false: "unban"}[ban], cmpOr(p.Name, "this person")),
		undo: func(ctx context.Context) error {
			_, err := people.Moderate(ctx, actor, p.ID, schedule.Moderation{Banned: &was})
			return err
		}})
	return nil
}
