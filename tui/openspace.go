package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/live"
)

// slotNow returns the open-space slot in progress at the model's time or,
// between slots, the next one today; running says which.
func (m *Model) slotNow() (b schedule.Block, s schedule.Slot, running, ok bool) {
	for _, blk := range m.deps.Event.Blocks {
		for _, sl := range blk.Slots() {
			if !m.now.Before(sl.Start) && m.now.Before(sl.End) {
				return blk, sl, true, true
			}
			if sl.Start.After(m.now) && (!ok || sl.Start.Before(s.Start)) {
				b, s, ok = blk, sl, true
			}
		}
	}
	return b, s, false, ok
}

// openSpaceNow shows the slot in progress (or the next one) room by room,
// so everyone sees which Zoom breakout room holds which topic. detailed
// false gives a one-line summary for small screens; roomy gives each room
// two lines so long titles are not cut.
//
// The rooms change when the topics, the slot or the viewer's votes do, not
// every second: they are kept between frames (the board and the votes are
// replaced, never changed in place, when they are read again).
func (m *Model) openSpaceNow(w int, detailed, roomy bool) string {
	b, s, running, ok := m.slotNow()
	if !ok {
		return m.heading("Open space", w) + "\n" + m.st.faint.Render("no more open-space slots today")
	}
	when := "in " + countdown(s.Start.Sub(m.now))
	title := "Open space next"
	if running {
		when, title = "ends in "+countdown(s.End.Sub(m.now)), "Open space now"
	}
	head := truncate(m.heading(fmt.Sprintf("%s · %s slot %d · %s · %s", title, b.Title, s.Index, spanIn(s.Start, s.End, m.zone), when), w), w)
	if !detailed {
		return head + "\n" + m.st.faint.Render(fmt.Sprintf("%d of %d rooms have a topic · press 3 for the board", m.placedIn(s), len(m.deps.Event.Tracks)))
	}
	key := fmt.Sprintf("%s %d %t %t %p %p", s.ID(), w, roomy, m.st.dark, m.data.Cells, m.data.MyVotes)
	return head + "\n" + m.drawn.rooms.get(key, func() string {
		rows := make([]string, 0, len(m.deps.Event.Tracks))
		for _, tr := range m.deps.Event.Tracks {
			rows = append(rows, m.roomRow(tr, s, w, roomy))
		}
		return strings.Join(rows, "\n")
	})
}

func (m *Model) placedIn(s schedule.Slot) int {
	n := 0
	for _, tr := range m.deps.Event.Tracks {
		if _, ok := m.data.Cells[live.Cell{Track: tr.ID, Slot: s.ID()}]; ok {
			n++
		}
	}
	return n
}

// roomRow is one breakout room in a slot: its Zoom name, the reserved
// marker, the topic and whether it is the viewer's.
func (m *Model) roomRow(tr schedule.Track, s schedule.Slot, w int, roomy bool) string {
	topic := m.st.faint.Render("(free)")
	if t, ok := m.data.Cells[live.Cell{Track: tr.ID, Slot: s.ID()}]; ok {
		topic = m.mineMarker(t) + t.Title + " — " + t.Leader
	}
	marker := ""
	if tr.ReservedFor != "" {
		marker = m.st.reserved.Render("[reserved: " + tr.ReservedFor + "]")
	}
	if roomy {
		return truncate("  "+m.st.bold.Render(m.roomName(tr))+"  "+marker, w) + "\n" + truncate("      "+topic, w)
	}
	if marker != "" {
		marker = m.st.reserved.Render("[reserved]")
	}
	return "  " + columns(w-2, []string{m.roomName(tr), marker, topic}, []int{28, 11, w})
}

func (m *Model) roomName(tr schedule.Track) string {
	if r, ok := m.deps.Event.Room(tr.Room); ok {
		return r.Name
	}
	return tr.Name
}

// mineMarker tells viewers, in words and first so it is never cut off,
// which topics are theirs to join.
func (m *Model) mineMarker(t schedule.Topic) string {
	switch {
	case m.actor.PersonID != 0 && t.LeaderID == m.actor.PersonID:
		return m.st.mine.Render("★ you lead: ")
	case m.data.MyVotes[t.ID]:
		return m.st.mine.Render("★ you voted: ")
	}
	return ""
}

// defaultOpenSpaceBlock is the open-space block under way, else the next.
func (m *Model) defaultOpenSpaceBlock() string {
	return currentOrNext(m.blocksOfKind(schedule.KindOpenSpace), m.now)
}

// defaultTalksBlock is the talks block under way, else the next.
func (m *Model) defaultTalksBlock() string {
	return currentOrNext(m.blocksOfKind(schedule.KindTalks), m.now)
}

// currentOrNext picks from blocks sorted by start the first that has not
// ended at now (the one under way or the next), else the last of the day.
func currentOrNext(bs []schedule.Block, now time.Time) string {
	for _, b := range bs {
		if now.Before(b.End) {
			return b.ID
		}
	}
	if len(bs) > 0 {
		return bs[len(bs)-1].ID
	}
	return ""
}

// blocksOfKind lists the day's blocks of one kind.
func (m *Model) blocksOfKind(kind schedule.BlockKind) []schedule.Block {
	var bs []schedule.Block
	for _, b := range m.deps.Event.Blocks {
		if b.Kind == kind {
			bs = append(bs, b)
		}
	}
	return bs
}

// stepBlock moves from block id to the previous or next block of a kind,
// as the key (PrevBlock or NextBlock) says, stopping at the ends of the day.
func (m *Model) stepBlock(k tea.KeyPressMsg, kind schedule.BlockKind, id string) string {
	delta := 1
	if key.Matches(k, m.keys.PrevBlock) {
		delta = -1
	}
	bs := m.blocksOfKind(kind)
	for i, b := range bs {
		if b.ID == id {
			return bs[min(max(i+delta, 0), len(bs)-1)].ID
		}
	}
	if len(bs) > 0 {
		return bs[0].ID
	}
	return id
}
