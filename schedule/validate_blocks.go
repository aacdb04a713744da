package schedule

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// blocks checks every block. dateOK is false when the event date did not
// parse: times are then only checked for blocks that give their own date.
func (v *validator) blocks(in []fileBlock, ev *Event, dateOK bool) []Block {
	if len(in) == 0 {
		v.addf("blocks", "the schedule has no [[blocks]]: add at least one")
	}
	ids := map[string]string{}
	var blocks []Block
	paths := map[string]string{} // block id -> path, for overlap messages
	for i, fb := range in {
		path := fmt.Sprintf("blocks[%d]", i)
		v.id(path+".id", fb.ID, "block", ids)
		if b, ok := v.block(path, fb, ev, dateOK); ok {
			blocks = append(blocks, b)
			paths[b.ID] = path
		}
	}
	sort.SliceStable(blocks, func(i, j int) bool { return blocks[i].Start.Before(blocks[j].Start) })
	v.overlaps(blocks, ev, paths)
	return blocks
}

func (v *validator) block(path string, fb fileBlock, ev *Event, dateOK bool) (Block, bool) {
	b := Block{ID: fb.ID, Title: strings.TrimSpace(fb.Title), Kind: BlockKind(fb.Kind), Room: fb.Room}
	if b.Title == "" {
		v.addf(path+".title", "block %q needs a title", fb.ID)
	}
	if !validKind(b.Kind) {
		v.addf(path+".kind", "unknown kind %q: use one of %s", fb.Kind, kindList())
	}
	if b.Room != "" && !hasRoom(ev.Rooms, b.Room) {
		v.addf(path+".room", "block %q is in room %q, which is not defined; rooms are: %s", fb.ID, b.Room, roomIDs(ev.Rooms))
	}
	b.Zone = ev.Zone
	if fb.Zone != "" {
		b.Zone = v.zone(path+".zone", fb.Zone)
	}
	day := ev.Date
	if fb.Date != "" {
		d, err := ParseDate(fb.Date)
		if err != nil {
			v.addf(path+".date", "%v", err)
			return b, false
		}
		day, dateOK = d, true
	}
	if b.Zone == nil || !dateOK {
		return b, false // already reported: the zone or date it would use is bad
	}
	start, okStart := v.wallTime(path+".start", fb.Start, day, b.Zone)
	end, okEnd := v.wallTime(path+".end", fb.End, day, b.Zone)
	if !okStart || !okEnd {
		return b, false
	}
	b.Start, b.End = start, end
	if !b.End.After(b.Start) {
		v.addf(path+".end", "block %q ends (%s) before it starts (%s): check the times, or give a later `date` for a block that runs past midnight",
			fb.ID, fb.End, fb.Start)
		return b, false
	}
	if b.Kind == KindOpenSpace {
		v.slots(path, fb, &b, ev)
	}
	return b, true
}

func (v *validator) wallTime(path, s string, day Date, loc *time.Location) (time.Time, bool) {
	if s == "" {
		v.addf(path, "missing: write the time as \"HH:MM\"")
		return time.Time{}, false
	}
	h, m, err := ParseClock(s)
	if err != nil {
		v.addf(path, "%v", err)
		return time.Time{}, false
	}
	t, res := resolveWall(day, h, m, loc)
	switch res {
	case wallGap:
		v.addf(path, "%s does not exist in %s on %s: the clocks go forward over it; choose a time outside the gap", s, loc, day)
		return t, false
	case wallAmbiguous:
		v.addf(path, "%s happens twice in %s on %s: the clocks go back over it; choose a time outside the repeated hour, or write the block in another zone", s, loc, day)
		return t, false
	}
	return t, true
}

func (v *validator) slots(path string, fb fileBlock, b *Block, ev *Event) {
	b.SlotLength = ev.OpenSpace.SlotLength
	if fb.SlotMinutes != 0 {
		b.SlotLength = time.Duration(fb.SlotMinutes) * time.Minute
	}
	if len(ev.Tracks) == 0 {
		v.addf(path+".kind", "open-space block %q needs tracks: add [[tracks]]", fb.ID)
	}
	if b.SlotLength <= 0 {
		return
	}
	if b.Duration()%b.SlotLength != 0 {
		v.addf(path, "open-space block %q lasts %s, which is not a whole number of %s slots: change its times or slot_minutes",
			fb.ID, minutes(b.Duration()), minutes(b.SlotLength))
	}
}

func minutes(d time.Duration) string { return fmt.Sprintf("%d min", int(d.Minutes())) }

func validKind(k BlockKind) bool {
	for _, known := range BlockKinds {
		if k == known {
			return true
		}
	}
	return false
}

func kindList() string {
	s := make([]string, len(BlockKinds))
	for i, k := range BlockKinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// roomsUsed lists the rooms a block occupies: its own, and for open space the
// rooms of every track.
func roomsUsed(b Block, ev *Event) []string {
	var rooms []string
	if b.Room != "" {
		rooms = append(rooms, b.Room)
	}
	if b.Kind == KindOpenSpace {
		for _, t := range ev.Tracks {
			if t.Room != b.Room {
				rooms = append(rooms, t.Room)
			}
		}
	}
	return rooms
}

// overlaps reports two blocks that use one room at the same time. blocks is
// sorted by start.
func (v *validator) overlaps(blocks []Block, ev *Event, paths map[string]string) {
	lastInRoom := map[string]Block{}
	for _, b := range blocks {
		for _, room := range roomsUsed(b, ev) {
			prev, ok := lastInRoom[room]
			if ok && b.Start.Before(prev.End) {
				v.addf(paths[b.ID], "block %q (%s-%s UTC) overlaps block %q (%s-%s UTC) in room %q: move one of them or put it in another room",
					b.ID, hhmm(b.Start), hhmm(b.End), prev.ID, hhmm(prev.Start), hhmm(prev.End), room)
			}
			if !ok || b.End.After(prev.End) {
				lastInRoom[room] = b
			}
		}
	}
}

func hhmm(t time.Time) string { return t.UTC().Format("15:04") }
