package tui

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/lightningcamp/camp/schedule"
)

// Room presence, the law of two feet: people say which breakout room they
// are in (i on the board, `here ROOM` over SSH), and every board and the
// Now view show how many are in each room; organisers also see who.

// inRoom lists who said they are in track's room for slot, and whose
// presence has not ended with the slot.
func (l *look) inRoom(track, slot string) []schedule.Here {
	var hs []schedule.Here
	for _, h := range l.data.Rooms {
		if h.Track == track && h.Slot == slot && l.now.Before(h.Until) {
			hs = append(hs, h)
		}
	}
	return hs
}

// headsHere is "3 here · " for a room with people in it in the slot, put
// first on the board and the Now view so a narrow cell never cuts it off.
func (l *look) headsHere(tr schedule.Track, s schedule.Slot) string {
	n := len(l.inRoom(tr.ID, s.ID()))
	if n == 0 {
		return ""
	}
	return l.st.bold.Render(fmt.Sprintf("%d here", n)) + " · "
}

// headsSummary is " · Room 2: 3, Room 1: 1" for the one-line summary of
// the rooms on small screens.
func (l *look) headsSummary(s schedule.Slot) string {
	var parts []string
	for _, tr := range l.ev.Tracks {
		if n := len(l.inRoom(tr.ID, s.ID())); n > 0 {
			parts = append(parts, fmt.Sprintf("%s: %d", l.roomName(tr), n))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " · here: " + strings.Join(parts, ", ")
}

// myRoom is the room the viewer said they are in, if it still holds.
func (l *look) myRoom() (schedule.Here, bool) {
	for _, h := range l.data.Rooms {
		if h.PersonID == l.actor.PersonID && l.actor.PersonID != 0 && l.now.Before(h.Until) {
			return h, true
		}
	}
	return schedule.Here{}, false
}

// whoIsWhere is the organisers' line: the rooms with people in them now,
// and who.
func (l *look) whoIsWhere(w int) string {
	s, ok := l.ev.SlotAt(l.now)
	if !ok || !l.isOrganiser() {
		return ""
	}
	var parts []string
	for _, tr := range l.ev.Tracks {
		var names []string
		for _, h := range l.inRoom(tr.ID, s.ID()) {
			names = append(names, cmpOr(h.Name, "(no name)"))
		}
		if len(names) > 0 {
			parts = append(parts, fmt.Sprintf("%s (%d): %s", l.roomName(tr), len(names), strings.Join(names, ", ")))
		}
	}
	if len(parts) == 0 {
		return l.st.faint.Render(truncate("In the rooms: nobody has said where they are yet.", w))
	}
	return wrap("In the rooms: "+strings.Join(parts, " · "), w)
}

// hereLine tells an attendee where they said they are, and the key.
func (l *look) hereLine(w int) string {
	if l.actor.IsGuest() || l.isOrganiser() {
		return ""
	}
	if _, ok := l.ev.SlotAt(l.now); !ok {
		return ""
	}
	if h, ok := l.myRoom(); ok {
		tr, _ := l.ev.Track(h.Track)
		return l.st.mine.Render(truncate(fmt.Sprintf("You are in %s (i on it again: you left).", l.roomName(tr)), w))
	}
	return l.st.faint.Render(truncate("In a breakout room? Put the cursor on its column and press i.", w))
}

// sayHere is the board's i: the viewer is in the room under the cursor for
// the slot under way, or, pressed on the room they are in, they left it.
func (v *boardView) sayHere(l *look) tea.Cmd {
	tr, _, ok := v.cell(l)
	if !ok || v.stage == nil {
		return nil
	}
	if _, running := l.ev.SlotAt(l.now); !running {
		v.desk.fail(schedule.Errorf(schedule.ECONFLICT, "no open-space slot is running now: say which room you are in once a slot has started"))
		return nil
	}
	stage, actor, room, done := v.stage, l.actor, tr.ID, "you are in "+l.roomName(tr)
	if h, ok := l.myRoom(); ok && h.Track == tr.ID {
		room, done = "", "you left "+l.roomName(tr)
	}
	return v.desk.write(done, func(ctx context.Context) error {
		_, err := stage.SetRoom(ctx, actor, room)
		return err
	}, nil)
}
