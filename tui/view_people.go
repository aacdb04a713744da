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
// organisers see it. Enter opens a person: who they are, their key, their
// zone, what they proposed.
type peopleView struct {
	list   picker
	open   bool   // the person under the cursor fills the view
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
	if v.open {
		return []key.Binding{l.keys.Back, l.keys.Mute, l.keys.Ban, l.keys.Up, l.keys.Down}
	}
	return []key.Binding{l.keys.Select, l.keys.Mute, l.keys.Ban, l.keys.Up, l.keys.Down}
}

func (v *peopleView) fullKeys(l *look) [][]key.Binding {
	return [][]key.Binding{{l.keys.Up, l.keys.Down, l.keys.PageUp, l.keys.PageDown, l.keys.Select, l.keys.Back}, {l.keys.Mute, l.keys.Ban}}
}

func (v *peopleView) render(l *look, w, h int) string {
	ps := l.data.People
	if p, ok := l.data.Person(v.list.id); ok && v.open {
		return v.personDetail(l, p, w, h)
	}
	head := l.heading(fmt.Sprintf("People · %d known · %d online now", len(ps), len(l.data.Online)), w)
	cols := l.st.faint.Render("  " + columns(w-2, []string{"Name", "Now", "Zone", "Key", "Talks/topics", "Standing"}, personWidths(w-2)))
	list := l.renderList(len(ps), v.list.index, h-2, w, true, func(i, width int) string {
		return personRow(l, ps[i], width)
	})
	return stack(head, cols, list)
}

func personWidths(w int) []int { return []int{min(max(w-58, 20), 40), 9, 13, 9, 13, w} }

// personRow tells every state in words: online, muted, banned, organiser.
func personRow(l *look, p schedule.Person, w int) string {
	name := cmpOr(p.Name, "(no name yet)")
	if p.ID == l.actor.PersonID {
		name += " (you)"
	}
	now := "—"
	if l.data.Online[p.ID] {
		now = "● online"
	}
	talks, topics := l.proposalsOf(p.ID)
	return columns(w, []string{name, now, personZone(l, p), shortKey(p.Fingerprint),
		fmt.Sprintf("%d / %d", len(talks), len(topics)), strings.Join(standing(p), " ")}, personWidths(w))
}

// standing is what an organiser must know about a person, in words.
func standing(p schedule.Person) []string {
	var out []string
	if p.Role == schedule.RoleOrganiser {
		out = append(out, "ORGANISER")
	}
	if p.Muted {
		out = append(out, "MUTED")
	}
	if p.Banned {
		out = append(out, "BANNED")
	}
	if p.OnlyVoted {
		out = append(out, "NEW, ONLY VOTED")
	}
	if p.AcceptedCoC.IsZero() {
		out = append(out, "NO CODE OF CONDUCT")
	}
	return out
}

// personZone is the city of the zone a person chose, or "—" for the
// event's.
func personZone(l *look, p schedule.Person) string {
	if p.TZ == "" {
		return "—"
	}
	if loc, err := schedule.LoadZone(p.TZ); err == nil {
		return zoneCity(loc)
	}
	return p.TZ
}

// shortKey is the start of a key's fingerprint, enough to tell keys apart
// on screen ("console" for the organiser at the console).
func shortKey(fp string) string {
	hash, ok := strings.CutPrefix(fp, "SHA256:")
	if !ok {
		return fp
	}
	if len(hash) > 8 {
		hash = hash[:8]
	}
	return hash
}

// proposalsOf lists what a person proposed in this camp.
func (l *look) proposalsOf(id int64) (talks []schedule.Talk, topics []schedule.Topic) {
	for _, t := range l.data.Talks {
		if t.SpeakerID == id {
			talks = append(talks, t)
		}
	}
	for _, t := range l.data.Topics {
		if t.LeaderID == id {
			topics = append(topics, t)
		}
	}
	return talks, topics
}

// personDetail is one person in full: standing, key, zone, code of
// conduct, and each talk and topic they proposed with its state.
func (v *peopleView) personDetail(l *look, p schedule.Person, w, h int) string {
	rows := []string{l.heading(cmpOr(p.Name, "(no name yet)"), w)}
	now := "not connected"
	if l.data.Online[p.ID] {
		now = "● online now"
	}
	rows = append(rows, truncate(fmt.Sprintf("%s · %s · %s", p.Role, now, cmpOr(strings.Join(standing(p), ", "), "in good standing")), w))
	rows = append(rows, truncate("Key: "+p.Fingerprint, w))
	zone := "the event's (" + zoneCity(l.ev.Zone) + ")"
	if p.TZ != "" {
		zone = p.TZ
	}
	rows = append(rows, truncate("Zone: "+zone, w))
	if !p.AcceptedCoC.IsZero() {
		rows = append(rows, truncate("Code of conduct accepted "+p.AcceptedCoC.In(l.zone).Format("Jan 2 15:04 MST"), w))
	}
	talks, topics := l.proposalsOf(p.ID)
	rows = append(rows, "", l.heading(fmt.Sprintf("Proposed · %s, %s", plural(len(talks), "talk"), plural(len(topics), "topic")), w))
	for _, t := range talks {
		rows = append(rows, truncate(fmt.Sprintf("talk  %-11s %s", statusWord(t.Status), t.Title), w))
	}
	for _, t := range topics {
		rows = append(rows, truncate(fmt.Sprintf("topic %-11s %s", string(t.Status), t.Title), w))
	}
	if len(talks)+len(topics) == 0 {
		rows = append(rows, l.st.faint.Render("nothing yet"))
	}
	return crop(strings.Join(rows, "\n"), h)
}

func (v *peopleView) handleKey(l *look, w writes, k tea.KeyPressMsg) (tea.Cmd, bool) {
	if v.list.navigate(l.keys, k, personIDs(l.data.People), 10) {
		return nil, true
	}
	switch {
	case key.Matches(k, l.keys.Select):
		v.open = !v.open
		return nil, true
	case key.Matches(k, l.keys.Back) && v.open:
		v.open = false
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
	return w.openForm(verb+" "+cmpOr(p.Name, "a person"), "", f, func() tea.Cmd {
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
