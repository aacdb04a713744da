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
	list picker
}

func personIDs(ps []schedule.Person) []int64 {
	ids := make([]int64, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	return ids
}

func (*peopleView) title() string { return "People" }

func (v *peopleView) sync(m *Model) tea.Cmd {
	v.list.sync(personIDs(m.data.people))
	return nil
}

func (v *peopleView) shortKeys(m *Model) []key.Binding {
	return []key.Binding{m.keys.Up, m.keys.Down, m.keys.Mute, m.keys.Ban}
}

func (v *peopleView) fullKeys(m *Model) [][]key.Binding {
	return [][]key.Binding{{m.keys.Up, m.keys.Down, m.keys.PageUp, m.keys.PageDown}, {m.keys.Mute, m.keys.Ban}}
}

func (v *peopleView) render(m *Model, w, h int) string {
	ps := m.data.people
	head := m.heading(fmt.Sprintf("People · %d known · %d online now", len(ps), len(m.data.online)), w)
	cols := m.st.faint.Render("  " + columns(w-2, []string{"Name", "Role", "Now", "Code of conduct", "Standing"}, personWidths(w-2)))
	list := m.renderList(len(ps), v.list.index, h-2, w, true, func(i, width int) string {
		return m.personRow(ps[i], width)
	})
	return stack(head, cols, list)
}

func personWidths(w int) []int { return []int{min(max(w-50, 16), 40), 11, 9, 22, w} }

// personRow tells every state in words: online, accepted, muted, banned.
func (m *Model) personRow(p schedule.Person, w int) string {
	name := cmpOr(p.Name, "(no name yet)")
	if p.ID == m.actor.PersonID {
		name += " (you)"
	}
	now := "—"
	if m.data.online[p.ID] {
		now = "● online"
	}
	coc := "not accepted"
	if !p.AcceptedCoC.IsZero() {
		coc = "accepted " + p.AcceptedCoC.In(m.zone).Format("Jan 2 15:04")
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

func (v *peopleView) handleKey(m *Model, k tea.KeyPressMsg) (tea.Cmd, bool) {
	if v.list.navigate(m.keys, k, personIDs(m.data.people), 10) {
		return nil, true
	}
	p, ok := m.data.person(v.list.id)
	if !ok {
		return nil, false
	}
	switch {
	case key.Matches(k, m.keys.Mute):
		muted := !p.Muted
		return m.moderate(p, schedule.Moderation{Muted: &muted}, map[bool]string{true: "muted", false: "unmuted"}[muted]), true
	case key.Matches(k, m.keys.Ban):
		return m.banForm(p), true
	}
	return nil, false
}

func (m *Model) moderate(p schedule.Person, mod schedule.Moderation, done string) tea.Cmd {
	people, actor := m.deps.People, m.actor
	return m.write(fmt.Sprintf("%s %s", p.Name, done), func(ctx context.Context) error {
		_, err := people.Moderate(ctx, actor, p.ID, mod)
		return err
	}, nil)
}

// banForm asks before a ban (or lifting one), because a ban ends what the
// person can do at once.
func (m *Model) banForm(p schedule.Person) tea.Cmd {
	ban, yes := !p.Banned, false
	verb := map[bool]string{true: "Ban", false: "Lift the ban on"}[ban]
	f := huh.NewForm(huh.NewGroup(huh.NewConfirm().Title(fmt.Sprintf("%s %s?", verb, cmpOr(p.Name, "this person"))).
		Description("Banned people can still look but can no longer write anything.").
		Affirmative(verb).Negative("Cancel").Value(&yes)))
	return m.openForm(verb+" a person", "", f, func() tea.Cmd {
		if !yes {
			return nil
		}
		return m.moderate(p, schedule.Moderation{Banned: &ban}, map[bool]string{true: "banned", false: "no longer banned"}[ban])
	})
}
