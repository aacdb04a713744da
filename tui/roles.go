package tui

import (
	"charm.land/bubbles/v2/key"

	"github.com/lightningcamp/camp/schedule"
)

// forRole switches off the bindings the role may not use, so they neither
// act nor show in the help. The domain layer refuses the writes anyway; this
// only keeps the screen honest about what the viewer can do.
func (k KeyMap) forRole(role schedule.Role) KeyMap {
	off := func(bs ...*key.Binding) {
		for _, b := range bs {
			b.SetEnabled(false)
		}
	}
	if role == schedule.RoleGuest {
		off(&k.Star) // guests have no agenda
	}
	if role != schedule.RoleOrganiser {
		off(&k.People, &k.Announce,
			&k.Approve, &k.Reject, &k.Undo, &k.MoveUp, &k.MoveDown,
			&k.Start, &k.Finish, &k.Skip, &k.Extend, &k.Later, &k.NextCamp, &k.StartNext, &k.Pause, &k.StopTimer, &k.ApproveAll,
			&k.Place, &k.Unplace, &k.Suggest, &k.StartSlot,
			&k.Hide, &k.Mute, &k.Ban, &k.ClearAnnouncement, &k.Chat)
	}
	if role == schedule.RoleGuest {
		off(&k.New, &k.Edit, &k.Withdraw, &k.Vote, &k.Report, &k.Profile)
	}
	return k
}

// isOrganiser reports whether the session acts with the organiser role.
