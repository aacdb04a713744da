package tui

import (
	"context"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/lightningcamp/camp/schedule"
)

// The viewer's own name and zone: shown in the status bar ("you: …") and
// changed with y from any view (issue 14: the TUI could not change them).

// meForm changes the viewer's display name and the zone they read times
// in; the zone applies to this session at once.
func (m *Model) meForm() tea.Cmd {
	p, ok := m.data.Person(m.actor.PersonID)
	if !ok {
		m.fail(schedule.Errorf(schedule.ENOTFOUND, "join first: your name is chosen when you join"))
		return nil
	}
	name, zone := p.Name, m.zone.String()
	lim := m.ev.Limits
	build := func() *huh.Form {
		return huh.NewForm(huh.NewGroup(
			huh.NewInput().Title("Your display name").
				Description("Shown next to your talks, topics, notes and reports here, and published with them on compilepython.com after the camp.").
				CharLimit(lim.NameMax).Value(&name).Validate(required("your name", lim.NameMax)),
			huh.NewInput().Title("Your time zone").Description("An IANA name such as Asia/Tokyo or America/Chicago; any case. Every time is shown in it.").
				CharLimit(64).Value(&zone).Validate(func(s string) error {
				_, err := schedule.LoadZone(strings.TrimSpace(s))
				return err
			}),
		))
	}
	people, actor, oldName, oldZone := m.deps.People, m.actor, p.Name, m.zone.String()
	return m.openDraftForm("You", "", build, func() tea.Cmd {
		name, zone = strings.TrimSpace(name), strings.TrimSpace(zone)
		loc, _ := schedule.LoadZone(zone)
		if name == oldName && (loc == nil || loc.String() == oldZone) {
			m.tell("nothing changed")
			return nil
		}
		return m.write("you are "+name+", reading times in "+loc.String(), func(ctx context.Context) error {
			if name != oldName {
				if _, err := people.Rename(ctx, actor, name); err != nil {
					return err
				}
			}
			if loc.String() != oldZone {
				_, err := people.SetZone(ctx, actor, zone)
				return err
			}
			return nil
		}, func() tea.Cmd {
			m.zone = loc
			m.frameStale = true
			return nil
		})
	})
}
