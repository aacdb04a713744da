package tui

import (
	"sync"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/live"
)

// slotNow returns the open-space slot in progress at the model's time or,
// between slots, the next one today; running says which.
//
// The answer is kept for the second it was found in (slots begin and end
// on whole seconds), for every session of the process: the Now view asks
// twice a frame, and a crowd asks every second.
func (l *look) slotNow() (b schedule.Block, s schedule.Slot, running, ok bool) {
	sec := l.now.Unix()
	slotsNow.mu.Lock()
	defer slotsNow.mu.Unlock()
	c := &slotsNow.last
	if c.ev != l.ev || c.sec != sec || !c.set {
		c.b, c.s, c.running, c.ok = findSlot(l.ev, l.now.Truncate(time.Second))
		c.ev, c.sec, c.set = l.ev, sec, true
	}
	return c.b, c.s, c.running, c.ok
}

var slotsNow struct {
	mu   sync.Mutex
	last struct {
		ev          *schedule.Event
		sec         int64
		set         bool
		b           schedule.Block
		s           schedule.Slot
		running, ok bool
	}
}

func findSlot(ev *schedule.Event, now time.Time) (b schedule.Block, s schedule.Slot, running, ok bool) {
	for _, blk := range ev.Blocks {
		for _, sl := range blk.Slots() {
			if !now.Before(sl.Start) && now.Before(sl.End) {
				return blk, sl, true, true
			}
			if sl.Start.After(now) && (!ok || sl.Start.Before(s.Start)) {
				b, s, ok = blk, sl, true
			}
		}
	}
	return b, s, false, ok
}

func (l *look) placedIn(s schedule.Slot) int {
	n := 0
	for _, tr := range l.ev.Tracks {
		if _, ok := l.data.Cells[live.Cell{Track: tr.ID, Slot: s.ID()}]; ok {
			n++
		}
	}
	return n
}

// roomRow is one breakout room in a slot: its Zoom name, the reserved
// marker, the topic and whether it is the viewer's.
func (l *look) roomRow(tr schedule.Track, s schedule.Slot, w int, roomy bool) string {
	topic := l.st.faint.Render("(free)")
	if t, ok := l.data.Cells[live.Cell{Track: tr.ID, Slot: s.ID()}]; ok {
		topic = l.mineMarker(t) + t.Title + " — " + t.Leader
	}
	marker := ""
	if tr.ReservedFor != "" {
		marker = l.st.reserved.Render("[reserved: " + tr.ReservedFor + "]")
	}
	topic = l.headsHere(tr, s) + topic
	if roomy {
		return truncate("  "+l.st.bold.Render(l.roomName(tr))+"  "+marker, w) + "\n" + truncate("      "+topic, w)
	}
	if marker != "" {
		marker = l.st.reserved.Render("[reserved]")
	}
	return "  " + columns(w-2, []string{l.roomName(tr), marker, topic}, []int{28, 11, w})
}

func (l *look) roomName(tr schedule.Track) string {
	if r, ok := l.ev.Room(tr.Room); ok {
		return r.Name
	}
	return tr.Name
}

// roomToJoin is the viewer's room in slot s: the room of the topic they
// lead, else of one they voted for (a leader must be in their own room,
// whatever else they voted for).
func (l *look) roomToJoin(s schedule.Slot) (schedule.Track, schedule.Topic, bool) {
	var voted schedule.Track
	var votedTopic schedule.Topic
	found := false
	for _, tr := range l.ev.Tracks {
		t, ok := l.data.Cells[live.Cell{Track: tr.ID, Slot: s.ID()}]
		switch {
		case !ok:
		case l.actor.PersonID != 0 && t.LeaderID == l.actor.PersonID:
			return tr, t, true
		case l.data.MyVotes[t.ID] && !found:
			voted, votedTopic, found = tr, t, true
		}
	}
	return voted, votedTopic, found
}

// mineMarker tells viewers, in words and first so it is never cut off,
// which topics are theirs to join.
func (l *look) mineMarker(t schedule.Topic) string {
	switch {
	case l.actor.PersonID != 0 && t.LeaderID == l.actor.PersonID:
		return l.st.mine.Render("★ you lead: ")
	case l.data.MyVotes[t.ID]:
		return l.st.mine.Render("★ you voted: ")
	case l.starred(schedule.Target{Kind: "topic", ID: t.ID}):
		return l.st.mine.Render("★ starred: ")
	}
	return ""
}

// defaultOpenSpaceBlock is the open-space block under way, else the next.
func (l *look) defaultOpenSpaceBlock() string {
	return currentOrNext(l.blocksOfKind(schedule.KindOpenSpace), l.now)
}

// defaultTalksBlock is the talks block under way, else the next.
func (l *look) defaultTalksBlock() string {
	return currentOrNext(l.blocksOfKind(schedule.KindTalks), l.now)
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
func (l *look) blocksOfKind(kind schedule.BlockKind) []schedule.Block {
	var bs []schedule.Block
	for _, b := range l.ev.Blocks {
		if b.Kind == kind {
			bs = append(bs, b)
		}
	}
	return bs
}

// stepBlock moves from block id to the previous or next block of a kind,
// as the key (PrevBlock or NextBlock) says, stopping at the ends of the day.
func (l *look) stepBlock(k tea.KeyPressMsg, kind schedule.BlockKind, id string) string {
	delta := 1
	if key.Matches(k, l.keys.PrevBlock) {
		delta = -1
	}
	bs := l.blocksOfKind(kind)
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
